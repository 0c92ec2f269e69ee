import { z } from 'zod';
import { ComplaintIdSchema, ComplainantMailTypeSchema } from './reply-types.ts';

/**
 * What a job asks, and its id. Payloads carry ids, never message content: the worker re-reads
 * the record, so a job queued before a change acts on the current state. Job ids are
 * deterministic (and free of `:`), so queueing the same thing twice queues it once, and the
 * record's history names them (`reply_queued`, `reply_sent`): they are built here and nowhere
 * else. The queues themselves are in adapters/queues.ts.
 */
export const ReplyJobSchema = z.object({
  complaintId: ComplaintIdSchema,
  type: ComplainantMailTypeSchema,
  /** Distinguishes several replies of one type to one complaint (a follow-up's key, a letter's). */
  key: z.string().regex(/^[a-zA-Z0-9_-]*$/).default(''),
});
export type ReplyJob = z.infer<typeof ReplyJobSchema>;

export const OfficerJobSchema = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('officer_alert'),
    complaintId: ComplaintIdSchema,
    /** Empty for the message that opened the record; a follow-up's key for an urgent follow-up. */
    followupKey: z.string().regex(/^[a-zA-Z0-9_-]*$/).default(''),
  }),
  z.object({
    kind: z.literal('deadline_reminder'),
    complaintId: ComplaintIdSchema,
    /** The deadline the reminder was planned for; a moved deadline makes it stale. */
    deadline: z.iso.date(),
    reminderKey: z.string(),
    target: z.enum(['deadline', 'notice_by']),
  }),
  z.object({ kind: z.literal('extension_notice'), complaintId: ComplaintIdSchema }),
  z.object({ kind: z.literal('digest'), force: z.boolean().default(false) }),
  /** Daily: anonymise records past RETENTION_YEARS (see domain/retention.ts). */
  z.object({ kind: z.literal('retention_purge') }),
]);
export type OfficerJob = z.infer<typeof OfficerJobSchema>;
/** An officer job as queued: fields with a default may be left out. */
export type OfficerJobInput = z.input<typeof OfficerJobSchema>;

export function replyJobId(job: Pick<ReplyJob, 'complaintId' | 'type' | 'key'>): string {
  return ['reply', job.complaintId, job.type, job.key].filter(Boolean).join('-');
}

/** The officer jobs about one complaint; the digest and retention run from job schedulers. */
export type ComplaintOfficerJob = Extract<OfficerJobInput, { complaintId: string }>;

/**
 * The job id of an officer mail about one complaint: `alert-<id>[-<followupKey>]`,
 * `reminder-<id>-<reminderKey>` (the key holds the target and the day, so a moved deadline plans
 * new jobs), `extension-<id>`.
 */
export function officerJobId(job: ComplaintOfficerJob): string {
  switch (job.kind) {
    case 'officer_alert':
      return ['alert', job.complaintId, job.followupKey].filter(Boolean).join('-');
    case 'deadline_reminder':
      return ['reminder', job.complaintId, job.reminderKey].join('-');
    case 'extension_notice':
      return `extension-${job.complaintId}`;
  }
}

/** An officer job with its id and the delay before it is due, as the queues take many at once. */
export interface OfficerJobEntry {
  job: OfficerJobInput;
  jobId: string;
  delayMs: number;
}
