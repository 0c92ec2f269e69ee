import type { CalendarDate } from './calendar-date.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import { isClosed, isRunning } from './record-status.ts';

/**
 * When a hearing (Awb 9:10) can be recorded: on a complaint being handled, or after it was
 * closed when the officer forgot; never on mail that was no complaint, and a hearing held is
 * dated between receipt and today. app/hearing.ts records it; the console's preview asks the
 * same question.
 */
export type HearingProblem = 'not_a_complaint' | 'hearing_in_future' | 'hearing_before_receipt';

/** Why a hearing cannot be recorded on this record (with this date, for `heard`; null for a waiver), or null. */
export function hearingProblem(record: Pick<ComplaintRecord, 'status' | 'receivedDate'>, heardOn: string | null, today: CalendarDate): HearingProblem | null {
  if (!isRunning(record.status) && !isClosed(record.status)) return 'not_a_complaint';
  if (heardOn !== null && heardOn > today) return 'hearing_in_future';
  if (heardOn !== null && heardOn < record.receivedDate) return 'hearing_before_receipt';
  return null;
}
