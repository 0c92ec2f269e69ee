import type { ParsedMessage } from '../parsed-message.ts';
import { COMPLAINT_ID_PATTERN, complaintIdFromComplainantReplyId } from '../reply-types.ts';
import type { ReferenceSource } from './triage-result.ts';

/**
 * A reference to an existing complaint. In-Reply-To/References that name one of our reply
 * Message-IDs are the strongest evidence (the sender answered our mail); a `KL-2026-00017` the
 * sender typed in the subject or body is a claim the intake verifies against the store.
 */
export interface CaseReference {
  caseRef: string;
  source: ReferenceSource;
}

export function findCaseReference(message: ParsedMessage, text: string, ownDomain: string): CaseReference | null {
  for (const messageId of [message.inReplyTo, ...[...message.references].reverse()]) {
    if (messageId === null) continue;
    const caseRef = complaintIdFromComplainantReplyId(messageId, ownDomain);
    if (caseRef !== null) return { caseRef, source: 'headers' };
  }
  const inSubject = typedReference(message.subject);
  if (inSubject !== null) return { caseRef: inSubject, source: 'subject' };
  const inBody = typedReference(text);
  return inBody === null ? null : { caseRef: inBody, source: 'body' };
}

function typedReference(text: string): string | null {
  const match = COMPLAINT_ID_PATTERN.exec(text);
  return match ? `KL-${match[1]}-${match[2]}` : null;
}
