import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { hasEvent, lastEvent, makeEvent } from '../domain/record-events.ts';
import type { ReplyType } from '../domain/reply-types.ts';
import { officerJobId } from '../domain/jobs.ts';
import type { RecordEffects } from './ingest-message.ts';
import type { Clock, JobQueues, RecordStore } from './ports.ts';
import { scheduleReminders } from './schedule-reminders.ts';

/**
 * Queues what a record needs after intake. Every step is idempotent (deterministic job ids,
 * events written once), so intake may call it again for the same record after a crash.
 */
export function makeRecordEffects(deps: { store: RecordStore; queues: JobQueues; config: Config; log: Logger; clock: Clock }): RecordEffects {
  async function queueReply(record: ComplaintRecord, type: ReplyType, key = '', fresh = false): Promise<void> {
    const jobId = await deps.queues.queueReply({ complaintId: record.id, type, key });
    if (fresh) return;
    const history = await deps.store.events(record.id);
    if (!hasEvent(history, 'reply_queued', { jobId })) {
      await deps.store.appendEvents(record.id, [makeEvent('reply_queued', 'intake', { type, jobId })]);
    }
  }

  async function alertOfficers(record: ComplaintRecord, key = ''): Promise<void> {
    const job = { kind: 'officer_alert', complaintId: record.id, followupKey: key } as const;
    await deps.queues.queueOfficer(job, officerJobId(job));
  }

  return {
    async afterCreate(record, options = {}) {
      const reply = record.triage?.reply ?? null;
      // Independent steps, issued together so their round trips overlap.
      await Promise.all([
        reply ? queueReply(record, reply, '', options.fresh ?? false) : null,
        // Urgent mail, and every safety report: officers pass those on to Veilig Thuis at once.
        record.triage?.urgent || record.triage?.kind === 'report' ? alertOfficers(record) : null,
        scheduleReminders(deps, record),
      ]);
    },
    async afterFollowup(record, followupKey) {
      const history = await deps.store.events(record.id);
      // Null when the follow-up is not recorded, or its triage went with retention.
      const triage = lastEvent(history, 'followup_received', { followupKey })?.data.triage ?? null;
      if (triage?.urgent) await alertOfficers(record, followupKey);
      // Triage's reply decision holds for follow-ups too: none to a sender who asked for none.
      const reply = triage ? triage.reply : 'followup_received';
      if (reply === 'urgent_redirect' || reply === 'followup_received') await queueReply(record, reply, followupKey);
      await scheduleReminders(deps, record);
    },
  };
}
