import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { makeEvent, type ComplaintRecord } from '../domain/complaint-record.ts';
import type { ReplyType } from '../domain/reply-types.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import { officerJobId, replyJobId, type OfficerJobEntry, type Queues } from '../adapters/queues.ts';
import type { RecordEffects } from './ingest-message.ts';
import { planReminderJobs, scheduleReminders } from './schedule-reminders.ts';
import type { Clock } from './clock.ts';
import { TriageResultSchema } from '../domain/triage/triage-result.ts';

/**
 * Queues what a record needs after intake. Every step is idempotent (deterministic job ids,
 * events written once), so intake may call it again for the same record after a crash.
 */
export function makeRecordEffects(deps: { store: ComplaintStore; queues: Queues; config: Config; log: Logger; clock: Clock }): RecordEffects {
  async function queueReply(record: ComplaintRecord, type: ReplyType, key = '', fresh = false): Promise<void> {
    const jobId = await deps.queues.queueReply({ complaintId: record.id, type, key });
    if (fresh) return;
    const history = await deps.store.events(record.id);
    if (!history.some((event) => event.type === 'reply_queued' && event.data['jobId'] === jobId)) {
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
        if (!history.some((event) => event.type === 'reply_queued' && event.data['jobId'] === jobId)) {
          await deps.store.appendEvents(reply.complaintId, [makeEvent('reply_queued', 'intake', { type: reply.type, jobId })]);
        }
      }
    },
    async afterFollowup(record, followupKey) {
      const history = await deps.store.events(record.id);
      const event = history.find((e) => e.type === 'followup_received' && e.data['followupKey'] === followupKey);
      const parsed = TriageResultSchema.safeParse(event?.data['triage']);
      const triage = parsed.success ? parsed.data : null;
      if (triage?.urgent) await alertOfficers(record, followupKey);
      // Triage's reply decision holds for follow-ups too: none to a sender who asked for none.
      const reply = triage ? triage.reply : 'followup_received';
      if (reply === 'urgent_redirect' || reply === 'followup_received') await queueReply(record, reply, followupKey);
      await scheduleReminders(deps, record);
    },
  };
}
