import type { ParsedMessage } from '../parsed-message.ts';
import { complaintIdFromComplainantReplyId, complaintIdFromReplyMessageId } from '../reply-types.ts';
import type { TriageContext } from './triage-result.ts';
import { automaticReplyAddress, sameMailbox } from '../mail-address.ts';

/**
 * Mail a person wrote that still must not be answered: from our own mailbox (a loop), one of our
 * own messages coming back, a sender asking for no automatic answers (Exchange's
 * `X-Auto-Response-Suppress: All|OOF|AutoReply`), no sender to answer, or an address that says
 * it takes no replies. Officers still see the message; only the automatic reply is withheld.
 * Returns the rule id, or null when a reply may go out.
 */
const NO_REPLY_LOCAL_PART = /^(?:no[-_.]?reply|do[-_.]?not[-_.]?reply|donotreply|noreply)(?:[-_.+].*)?$/i;

export function senderSuppression(message: ParsedMessage, context: TriageContext): string | null {
  const from = message.from?.address.toLowerCase() ?? null;
  if (from !== null && sameMailbox(from, context.mailboxAddress)) return 'own_mailbox';
  if (message.messageId !== null && complaintIdFromReplyMessageId(message.messageId, context.ownDomain) !== null) {
    return 'own_message';
  }
  const thread = [message.inReplyTo, ...message.references].filter((id): id is string => id !== null);
  if (thread.some((id) => complaintIdFromReplyMessageId(id, context.ownDomain) !== null && complaintIdFromComplainantReplyId(id, context.ownDomain) === null)) {
    // An officer answering an alert, reminder or digest: internal mail, never the complainant's.
    return 'answer_to_officer_mail';
  }
  if (/\b(?:all|autoreply|oof)\b/i.test(message.headers['x-auto-response-suppress'] ?? '')) return 'auto_response_suppressed';
  const replyAddress = automaticReplyAddress(message.from, message.replyTo);
  for (const address of [replyAddress, message.replyTo?.address ?? null]) {
    if (address !== null && sameMailbox(address, context.mailboxAddress)) return 'own_mailbox';
  }
  if (replyAddress === null || !replyAddress.includes('@')) return 'no_sender';
  if (NO_REPLY_LOCAL_PART.test(replyAddress.split('@')[0] ?? '')) return 'no_reply_address';
  return null;
}
