import { AppError } from '../errors.ts';
import { amsterdamDateOf } from '../domain/calendar-date.ts';
import type { HearingMode, WaiverGround } from '../domain/complaint-handling.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { makeEvent } from '../domain/record-events.ts';
import { isClosed, isRunning } from '../domain/record-status.ts';
import { isAnonymised } from '../domain/retention.ts';
import type { Clock, RecordStore } from './ports.ts';

/**
 * The hearing (Awb 9:10): the complainant was heard (when, how), or it was waived on a ground of
 * lid 2. Both are events; the complaint page and the digest read them (`hearingRecorded`), and
 * the register counts them. Recorded while a complaint is handled, or after it was closed when
 * the officer forgot; never on mail that was no complaint.
 */
export interface HearingDeps {
  store: RecordStore;
  clock: Clock;
}

const refuse = (code: string, message: string) => new AppError(code, message, { permanent: true });

async function recordOn(deps: HearingDeps, id: string, event: (record: ComplaintRecord) => ReturnType<typeof makeEvent>) {
  const result = await deps.store.update(id, async (record, history) => {
    if (isAnonymised(await history())) throw refuse('action_not_allowed', `${record.id} was anonymised after its retention period; it can no longer be changed.`);
    if (!isRunning(record.status) && !isClosed(record.status)) {
      throw refuse('action_not_allowed', `${record.id} is not a complaint being handled (status ${record.status}); there is no hearing to record.`);
    }
    return { record, events: [event(record)] };
  });
  return result.record;
}

export async function recordHearingHeld(deps: HearingDeps, input: { id: string; actor: string; date: string; how: HearingMode; note?: string }) {
  const today = amsterdamDateOf(deps.clock.now());
  if (input.date > today) throw refuse('hearing_in_future', `The hearing date ${input.date} is after today; record it once it has taken place.`);
  return recordOn(deps, input.id, (record) => {
    if (input.date < record.receivedDate) throw refuse('hearing_before_receipt', `The hearing date ${input.date} is before ${record.id} was received.`);
    return makeEvent('hearing_held', input.actor, { date: input.date, how: input.how, ...(input.note?.trim() ? { note: input.note.trim() } : {}) }, deps.clock.now());
  });
}

export async function recordHearingWaived(deps: HearingDeps, input: { id: string; actor: string; ground: WaiverGround; note?: string }) {
  return recordOn(deps, input.id, () =>
    makeEvent('hearing_waived', input.actor, { ground: input.ground, ...(input.note?.trim() ? { note: input.note.trim() } : {}) }, deps.clock.now()),
  );
}
