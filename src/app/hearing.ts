import { refusal, type AppError } from '../errors.ts';
import { amsterdamDateOf } from '../domain/calendar-date.ts';
import type { HearingMode, WaiverGround } from '../domain/complaint-handling.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { makeEvent } from '../domain/record-events.ts';
import { hearingProblem, type HearingProblem } from '../domain/hearing-rules.ts';
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

function refusalOf(problem: HearingProblem, record: ComplaintRecord, heardOn: string | null): AppError {
  switch (problem) {
    case 'not_a_complaint':
      return refusal('action_not_allowed', `${record.id} is not a complaint being handled (status ${record.status}); there is no hearing to record.`);
    case 'hearing_in_future':
      return refusal('hearing_in_future', `The hearing date ${heardOn} is after today; record it once it has taken place.`);
    case 'hearing_before_receipt':
      return refusal('hearing_before_receipt', `The hearing date ${heardOn} is before ${record.id} was received.`);
  }
}

async function recordOn(deps: HearingDeps, id: string, heardOn: string | null, event: () => ReturnType<typeof makeEvent>) {
  const today = amsterdamDateOf(deps.clock.now());
  const result = await deps.store.update(id, async (record, history) => {
    if (isAnonymised(await history())) throw refusal('action_not_allowed', `${record.id} was anonymised after its retention period; it can no longer be changed.`);
    const problem = hearingProblem(record, heardOn, today);
    if (problem) throw refusalOf(problem, record, heardOn);
    return { record, events: [event()] };
  });
  return result.record;
}

export async function recordHearingHeld(deps: HearingDeps, input: { id: string; actor: string; date: string; how: HearingMode; note?: string }) {
  return recordOn(deps, input.id, input.date, () =>
    makeEvent('hearing_held', input.actor, { date: input.date, how: input.how, ...(input.note?.trim() ? { note: input.note.trim() } : {}) }, deps.clock.now()),
  );
}

export async function recordHearingWaived(deps: HearingDeps, input: { id: string; actor: string; ground: WaiverGround; note?: string }) {
  return recordOn(deps, input.id, null, () =>
    makeEvent('hearing_waived', input.actor, { ground: input.ground, ...(input.note?.trim() ? { note: input.note.trim() } : {}) }, deps.clock.now()),
  );
}
