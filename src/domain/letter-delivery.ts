import { refusal, type AppError } from '../errors.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import { sameMailbox } from './mail-address.ts';
import { isCompleteAddress } from './postal-address.ts';
import type { RecordEvent } from './record-events.ts';
import type { Language } from './reply-types.ts';
import { isAnonymised } from './retention.ts';
import { isAutomaticKind } from './triage/triage-result.ts';

/**
 * Where and how an officer's letter reaches the complainant: by e-mail to their own address,
 * or, without one, on paper to a complete postal address. The one rule; app/write-letter.ts,
 * the reply worker, the console and the CLI ask it.
 */

/**
 * The complainant's own address, never a Reply-To (which a stranger can set): the person inside
 * a forward when triage found one, else the sender; the given address for a registered complaint.
 */
export function letterRecipient(record: ComplaintRecord): string | null {
  const message = record.message;
  if (!message?.from) return record.contact.email;
  const found = record.triage?.complainant.email ?? null;
  const replyTo = message.replyTo?.address ?? null;
  if (found && !sameMailbox(found, message.from.address) && !(replyTo && sameMailbox(found, replyTo))) return found;
  return message.from.address;
}

export function letterLanguage(record: ComplaintRecord): Language {
  return record.triage?.language ?? 'nl';
}

export type LetterMedium = 'email' | 'post';
export function letterMedium(record: ComplaintRecord): LetterMedium {
  return letterRecipient(record) ? 'email' : 'post';
}

export type LetterProblem = 'anonymised' | 'automatic_mail' | 'no_recipient' | 'has_email' | 'no_postal_address';

/**
 * Why a letter cannot go to this complainant by this medium, or null: nothing goes out once the
 * record was anonymised, nor to automatic mail or spam; by e-mail needs the complainant's own
 * address; by post needs that there is none, and a complete postal address for a window envelope.
 */
export function letterProblem(record: ComplaintRecord, history: readonly RecordEvent[], medium: LetterMedium): LetterProblem | null {
  if (isAnonymised(history)) return 'anonymised';
  if (isAutomaticKind(record.triage?.kind)) return 'automatic_mail';
  const to = letterRecipient(record);
  if (medium === 'email') return to ? null : 'no_recipient';
  if (to) return 'has_email';
  return isCompleteAddress(record.contact.address) ? null : 'no_postal_address';
}

function refusalOf(problem: LetterProblem, record: ComplaintRecord): AppError {
  switch (problem) {
    case 'anonymised':
      return refusal('action_not_allowed', `${record.id} was anonymised after its retention period; no letter can be sent.`);
    case 'automatic_mail':
      return refusal('action_not_allowed', `${record.id} is automatic mail or spam; there is nobody to write to.`);
    case 'no_recipient':
      return refusal('no_recipient', `${record.id} has no e-mail address for the complainant; print the letter in the console and post it.`);
    case 'has_email':
      return refusal('has_email', `${record.id} has an e-mail address for the complainant; letters go by e-mail.`);
    case 'no_postal_address':
      return refusal('no_postal_address', `${record.id} has neither an e-mail address nor a complete postal address for the complainant; add the address (correct the assessment) first.`);
  }
}

/** The address a letter by e-mail goes to; refuses (AppError) when letterProblem finds one. */
export function checkLetterByEmail(record: ComplaintRecord, history: readonly RecordEvent[]): string {
  const problem = letterProblem(record, history, 'email');
  const to = letterRecipient(record);
  if (problem !== null || to === null) throw refusalOf(problem ?? 'no_recipient', record);
  return to;
}

/** Refuses (AppError) a letter by post when letterProblem finds a reason. */
export function checkLetterByPost(record: ComplaintRecord, history: readonly RecordEvent[]): void {
  const problem = letterProblem(record, history, 'post');
  if (problem) throw refusalOf(problem, record);
}
