import type { Config } from '../config.ts';
import { refusal } from '../errors.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf, parseCalendarDate } from '../domain/calendar-date.ts';
import { type ComplaintRecord, type RecordStatus } from '../domain/complaint-record.ts';
import { eventsOf, hasEvent, makeEvent, type RecordEvent } from '../domain/record-events.ts';
import { isAnonymised } from '../domain/retention.ts';
import { validateExtension } from '../domain/deadlines.ts';
import { needsDeadline } from '../domain/record-rules.ts';
import { isClosed } from '../domain/record-status.ts';
import { planClosing } from '../domain/closing-rules.ts';
import { triageCorrectionDiff, type TriageCorrection } from '../domain/triage-correction.ts';
import { OUTCOME_CATEGORIES, type OutcomeCategory } from '../domain/complaint-handling.ts';
import { officerJobId } from '../domain/jobs.ts';
import { deadlineState } from '../domain/plan-clock.ts';
import type { Clock, JobQueues, RecordStore } from './ports.ts';
import { scheduleReminders } from './schedule-reminders.ts';

/**
 * What complaints officers do to a record. Each action checks that it is allowed first and
 * throws an AppError a person can act on otherwise, so a refused action changes nothing. Every
 * change is an event with who did it and why; a moved deadline re-plans its reminders.
 */
export interface OfficerActionDeps {
  store: RecordStore;
  queues: JobQueues;
  config: Config;
  log: Logger;
  clock: Clock;
}

/** An update that first refuses a record anonymised under the retention rules: nothing to act on. */
function updateActive(
  deps: OfficerActionDeps,
  id: string,
  mutate: (record: ComplaintRecord, history: readonly RecordEvent[]) => { record: ComplaintRecord; events: RecordEvent[] },
) {
  return deps.store.update(id, async (record, history) => {
    const events = await history();
    if (isAnonymised(events)) {
      throw refusal('action_not_allowed', `${record.id} was anonymised after its retention period; it can no longer be changed.`);
    }
    return mutate(record, events);
  });
}

function requireRunning(record: ComplaintRecord, action: string): void {
  if (!needsDeadline(record.status)) {
    throw refusal('action_not_allowed', `Cannot ${action} ${record.id}: its status is ${record.status}. Only open complaints can be changed this way.`);
  }
}

/**
 * Queues the notices an extension owes (Awb 9:11: the complainant, and the officers, who tell the
 * employee) and records that they were queued. Run again when an extension exists without that
 * record, which is what a crash right after the update leaves behind.
 */
async function queueExtensionNotices(deps: OfficerActionDeps, id: string, actor: string): Promise<void> {
  const jobId = await deps.queues.queueReply({ complaintId: id, type: 'extension_notice', key: '' });
  const notice = { kind: 'extension_notice', complaintId: id } as const;
  await deps.queues.queueOfficer(notice, officerJobId(notice));
  await deps.store.appendEvents(id, [makeEvent('reply_queued', actor, { type: 'extension_notice', jobId })]);
}

async function extensionNoticeQueued(deps: OfficerActionDeps, id: string): Promise<boolean> {
  return hasEvent(await deps.store.events(id), 'reply_queued', { type: 'extension_notice' });
}

export async function extendComplaint(deps: OfficerActionDeps, input: { id: string; weeks: number; reason: string; actor: string }) {
  const current = await deps.store.require(input.id);
  if (current.deadline && current.deadline.extensionWeeks > 0 && !(await extensionNoticeQueued(deps, input.id))) {
    // Extended before, but its notices never left (a crash in between): send them now, once.
    await queueExtensionNotices(deps, input.id, input.actor);
    deps.log.warn('extension_notices_resumed', { id: input.id });
    return current;
  }
  const result = await updateActive(deps, input.id, (record) => {
    requireRunning(record, 'extend');
    if (!record.deadline) throw refusal('action_not_allowed', `${record.id} has no running deadline to extend.`);
    const check = validateExtension({
      currentDeadline: parseCalendarDate(record.deadline.deadline),
      alreadyExtended: record.deadline.extensionWeeks > 0,
      weeks: input.weeks,
      today: amsterdamDateOf(deps.clock.now()),
    });
    if (!check.ok) throw refusal(check.code, `Cannot extend ${record.id}: ${check.message}`);
    const deadline = deadlineState(deps.config, record.deadline.received, record.deadline.route, check.weeks);
    return {
      record: { ...record, deadline },
      events: [makeEvent('extended', input.actor, { weeks: check.weeks, reason: input.reason, from: record.deadline.deadline, to: deadline.deadline })],
    };
  });
  await queueExtensionNotices(deps, input.id, input.actor);
  await scheduleReminders(deps, result.record);
  return result.record;
}

export async function moveToCommittee(deps: OfficerActionDeps, input: { id: string; actor: string; reason?: string }) {
  const result = await updateActive(deps, input.id, (record) => {
    requireRunning(record, 'move to the committee route');
    if (record.deadline?.route === 'committee') throw refusal('action_not_allowed', `${record.id} is already on the committee route.`);
    const deadline = deadlineState(deps.config, record.receivedDate, 'committee', record.deadline?.extensionWeeks ?? 0);
    return {
      record: { ...record, deadline },
      events: [makeEvent('committee_route', input.actor, { reason: input.reason ?? '', from: record.deadline?.deadline ?? null, to: deadline.deadline })],
    };
  });
  await scheduleReminders(deps, result.record);
  return result.record;
}

/** Closes a record under the rules of planClosing (domain/closing-rules.ts); a refusal says what to do from the command line. */
export async function closeComplaint(
  deps: OfficerActionDeps,
  input: { id: string; actor: string; outcome?: OutcomeCategory; summary?: string; noLetterReason?: string },
) {
  const result = await updateActive(deps, input.id, (record, history) => {
    const plan = planClosing(record, history, input);
    switch (plan.problem) {
      case 'already_closed':
        throw refusal('action_not_allowed', `${record.id} is already closed.`);
      case 'outcome_required':
        throw refusal('outcome_required', `Closing ${record.id} needs an outcome: one of ${OUTCOME_CATEGORIES.join(', ')}.`);
      case 'outcome_letter_missing':
        throw refusal(
          'outcome_letter_missing',
          `No outcome letter was sent for ${record.id}. Send it first ("complaints write ${record.id} --template outcome ... --send"), or say why none is sent ("--no-letter <reason>").`,
        );
    }
    const { letterJobId, letterPrintedKey, noLetterReason } = plan;
    const data = {
      ...(input.outcome ? { category: input.outcome } : {}),
      ...(input.summary?.trim() ? { summary: input.summary.trim() } : {}),
      ...(letterJobId ? { letterJobId } : {}),
      ...(letterPrintedKey ? { letterPrintedKey } : {}),
      ...(noLetterReason && !letterJobId && !letterPrintedKey ? { noLetterReason } : {}),
      previousStatus: record.status,
    };
    return { record: { ...record, status: 'closed' as RecordStatus }, events: [makeEvent('closed', input.actor, data)] };
  });
  return result.record;
}

export async function reopenComplaint(deps: OfficerActionDeps, input: { id: string; actor: string; reason?: string }) {
  const result = await updateActive(deps, input.id, (record) => {
    if (!isClosed(record.status)) {
      throw refusal('action_not_allowed', `${record.id} is not closed (status ${record.status}); only a closed complaint can be reopened.`);
    }
    const deadline = record.deadline ?? deadlineState(deps.config, record.receivedDate, 'standard', 0);
    return {
      record: { ...record, status: 'open' as RecordStatus, deadline },
      events: [makeEvent('reopened', input.actor, { reason: input.reason ?? '' })],
    };
  });
  await scheduleReminders(deps, result.record);
  return result.record;
}

export async function assignComplaint(deps: OfficerActionDeps, input: { id: string; to: string; actor: string }) {
  const result = await updateActive(deps, input.id, (record) => {
    if (record.assignedTo === input.to) throw refusal('action_not_allowed', `${record.id} is already assigned to that officer.`);
    return {
      record: { ...record, assignedTo: input.to },
      events: [makeEvent('assigned', input.actor, { to: input.to, from: record.assignedTo })],
    };
  });
  return result.record;
}

export async function markNotHandled(deps: OfficerActionDeps, input: { id: string; reason: string; actor: string }) {
  const result = await updateActive(deps, input.id, (record) => {
    // Automatic and unreadable mail is no complaint to decline.
    if (isClosed(record.status) || record.status === 'ignored' || record.status === 'quarantined') {
      throw refusal('action_not_allowed', `Cannot mark ${record.id} as not handled: its status is ${record.status}.`);
    }
    return {
      record: { ...record, status: 'not_handled' as RecordStatus },
      events: [makeEvent('not_handled', input.actor, { reason: input.reason, previousStatus: record.status })],
    };
  });
  // A complaint reopened and declared not handled again gets a new notice, not the old job.
  const times = eventsOf(await deps.store.events(input.id), 'not_handled').length;
  await deps.queues.queueReply({ complaintId: input.id, type: 'not_handled_notice', key: times > 1 ? `n${times}` : '' });
  return result.record;
}

/**
 * Corrects what triage decided or extracted. The `triage_corrected` event keeps before and after
 * of each changed field (domain/triage-correction.ts). Status and deadline stay: they change
 * through their own actions.
 */
export async function correctTriage(deps: OfficerActionDeps, input: { id: string; actor: string; correction: TriageCorrection }) {
  const result = await updateActive(deps, input.id, (record) => {
    const triage = record.triage;
    if (!triage) throw refusal('action_not_allowed', `${record.id} was never triaged (the message could not be read); there is nothing to correct.`);
    const { before, after } = triageCorrectionDiff(record, input.correction);
    if (Object.keys(after).length === 0) throw refusal('action_not_allowed', `Nothing to correct on ${record.id}: every field already has that value.`);
    const c = input.correction;
    const name = c.name === undefined ? record.contact.name : c.name;
    const phone = c.phone === undefined ? record.contact.phone : c.phone;
    const address = c.address === undefined ? record.contact.address : c.address;
    return {
      record: {
        ...record,
        triage: { ...triage, kind: c.kind ?? triage.kind, urgent: c.urgent ?? triage.urgent, flags: c.flags ?? triage.flags, complainant: { ...triage.complainant, name, phone, address } },
        contact: { ...record.contact, name, phone, address },
      },
      events: [makeEvent('triage_corrected', input.actor, { fields: Object.keys(after), before, after })],
    };
  });
  return result.record;
}

/** An internal note: an event on the record, never sent to anyone. */
export async function addNote(deps: Pick<OfficerActionDeps, 'store'>, input: { id: string; actor: string; note: string }) {
  const note = input.note.trim();
  if (!note) throw refusal('note_empty', 'The note is empty; write what colleagues need to know.');
  if (note.length > 5000) throw refusal('note_too_long', 'The note is longer than 5,000 characters; shorten it.');
  const record = await deps.store.require(input.id);
  await deps.store.appendEvents(record.id, [makeEvent('note_added', input.actor, { note })]);
  return record;
}
