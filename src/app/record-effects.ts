import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { hasEvent, lastEvent, makeEvent } from '../domain/record-events.ts';
import type { ReplyType } from '../domain/reply-types.ts';
import { officerJobId, replyJobId, type OfficerJobEntry } from '../domain/jobs.ts';
import type { RecordEffects } from './ingest-message.ts';
import type { Clock, JobQueues, RecordStore } from './ports.ts';
import { planReminderJobs, scheduleReminders } from './schedule-reminders.ts';

/**
 * Queues what a record needs after intake. Every step is idempotent (deterministic job ids,
 * events written once), so intake may call it again for the same record after a crash.
 */
export function makeRecordEffects(deps: { store: RecordStore; queues: JobQueues; config: Config; log: Logger; clock: Clock }): RecordEffects {
  async function queueReply(record: ComplaintRecord, type: ReplyType, key: string): Promise<void> {
    const jobId = await deps.queues.queueReply({ complaintId: record.id, type, key });
    const history = await deps.store.events(record.id);
    if (!hasEvent(history, 'reply_queued', { jobId })) {
      await deps.store.appendEvents(record.id, [makeEvent('reply_queued', 'intake', { type, jobId })]);
    }
  }

  async function alertOfficers(record: ComplaintRecord, key = ''): Promise<void> {
    const job = { kind: 'officer_alert', complaintId: record.id, followupKey: key } as const;
    await deps.queues.queueOfficer(job, officerJobId(job));
  }

  /** Urgent mail, and every safety report: officers pass those on to Veilig Thuis at once. */
  function alertJobs(record: ComplaintRecord): OfficerJobEntry[] {
    if (!record.triage?.urgent && record.triage?.kind !== 'report') return [];
    const job = { kind: 'officer_alert', complaintId: record.id, followupKey: '' } as const;
    return [{ job, jobId: officerJobId(job), delayMs: 0 }];
  }

  return {
    async afterCreate(records, options = {}) {
      const replies = records.flatMap((record) => (record.triage?.reply ? [{ complaintId: record.id, type: record.triage.reply, key: '' }] : []));
      // A batch's replies, alerts and reminders in one transaction.
      await deps.queues.queueBatch({ replies, officer: records.flatMap((record) => [...alertJobs(record), ...planReminderJobs(deps, record)]) });
      if (options.fresh) return;
      // Seen again: the record may predate its reply_queued event (a crash in between).
      for (const reply of replies) {
        const jobId = replyJobId(reply);
        const history = await deps.store.events(reply.complaintId);
        if (!hasEvent(history, 'reply_queued', { jobId })) {
          await deps.store.appendEvents(reply.complaintId, [makeEvent('reply_queued', 'intake', { type: reply.type, jobId })]);
        }
      }
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
