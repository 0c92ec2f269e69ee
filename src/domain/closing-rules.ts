import type { ComplaintRecord } from './complaint-record.ts';
import type { OutcomeCategory } from './complaint-handling.ts';
import { eventsOf, lastEvent, type RecordEvent } from './record-events.ts';
import { isRunning } from './record-status.ts';

/**
 * When a record may close, pure, so the console's preview asks the same question as
 * closeComplaint (app/officer-actions.ts): a complaint being handled closes with an outcome
 * category (Awb 9:12) and only once its outcome letter is on its way (queued by e-mail, or
 * printed to post), or with the reason none is sent (settled by phone, withdrawn). Other records
 * (a message triage could not place, automatic mail) close without either: there is no
 * complaint to decide.
 */
export type CloseProblem = 'already_closed' | 'outcome_required' | 'outcome_letter_missing';
export type ClosePlan =
  | { problem: CloseProblem }
  | { problem: null; complaint: boolean; letterJobId: string | null; letterPrintedKey: string | null; noLetterReason: string | undefined };

export function planClosing(record: ComplaintRecord, history: readonly RecordEvent[], input: { outcome?: OutcomeCategory | undefined; noLetterReason?: string | undefined }): ClosePlan {
  if (record.status === 'closed') return { problem: 'already_closed' };
  const complaint = isRunning(record.status);
  if (complaint && !input.outcome) return { problem: 'outcome_required' };
  const letterJobId = complaint ? outcomeLetterOnItsWay(history) : null;
  const letterPrintedKey = complaint && !letterJobId ? outcomeLetterPrinted(history) : null;
  const noLetterReason = input.noLetterReason?.trim() || undefined;
  if (complaint && !letterJobId && !letterPrintedKey && !noLetterReason) return { problem: 'outcome_letter_missing' };
  return { problem: null, complaint, letterJobId, letterPrintedKey, noLetterReason };
}

/** The key of the latest outcome letter printed to post to a complainant without e-mail (`letter_printed`). */
export function outcomeLetterPrinted(history: readonly RecordEvent[]): string | null {
  return lastEvent(history, 'letter_printed', { letter: 'outcome' })?.data.key ?? null;
}

/** The job id of the latest outcome letter that was queued and neither refused nor suppressed. */
export function outcomeLetterOnItsWay(history: readonly RecordEvent[]): string | null {
  const ended = new Set(eventsOf(history, ['reply_failed', 'reply_suppressed']).map((e) => e.data.jobId));
  const queued = eventsOf(history, 'reply_queued', ({ data }) => data.type === 'outcome' && !ended.has(data.jobId));
  return queued.at(-1)?.data.jobId ?? null;
}
