import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { z } from 'zod';
import { ComplaintIdSchema, ComplainantMailTypeSchema } from '../domain/reply-types.ts';

/**
 * The BullMQ queues and their job payloads. Payloads carry ids, never message content: the
 * worker re-reads the record, so a job queued before a change acts on the current state.
 * Job ids are deterministic (and free of `:`), so queueing the same thing twice queues it once.
 */
export const QUEUE_NAMES = { replies: 'replies', officer: 'officer' } as const;

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
 * The job id of an officer mail about one complaint, built only here: `alert-<id>[-<followupKey>]`,
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

export interface QueueOptions {
  /** First retry delay of a failed send; doubles up to an hour, so 40 attempts span > 24 h. */
  retryBaseMs: number;
  /** Attempts per job (default 40); tests use a few. */
  attempts?: number;
  /** Connection trouble while Redis restarts; without a listener BullMQ prints stack traces. */
  onError?: (error: Error) => void;
}

export function makeQueues(connection: Redis, prefix: string, options: QueueOptions) {
  const replies = new Queue(QUEUE_NAMES.replies, { connection, prefix });
  const officer = new Queue(QUEUE_NAMES.officer, { connection, prefix });
  for (const queue of [replies, officer]) queue.on('error', (error: Error) => options.onError?.(error));
  const retrying: JobsOptions = {
    attempts: options.attempts ?? 40,
    backoff: { type: 'capped-exponential', delay: options.retryBaseMs },
    removeOnComplete: { age: 7 * 24 * 3600 },
    removeOnFail: { age: 30 * 24 * 3600 },
  };

  async function queueReply(job: ReplyJob): Promise<string> {
    const data = ReplyJobSchema.parse(job);
    const id = replyJobId(data);
    await replies.add(data.type, data, { ...retrying, jobId: id });
    return id;
  }

  /**
   * Many replies in one round trip (a batch of new records), with the same deterministic job ids
   * as queueReply: a reply queued before stays queued once. Returns the job ids in input order.
   */
  async function queueReplies(list: readonly ReplyJob[]): Promise<string[]> {
    if (list.length === 0) return [];
    const jobs = list.map((job) => {
      const data = ReplyJobSchema.parse(job);
      return { name: data.type, data, opts: { ...retrying, jobId: replyJobId(data) } };
    });
    await replies.addBulk(jobs);
    return jobs.map((job) => job.opts.jobId);
  }

  async function queueOfficer(job: OfficerJobInput, jobId: string, delayMs = 0): Promise<void> {
    const data = OfficerJobSchema.parse(job);
    await officer.add(data.kind, data, { ...retrying, jobId, delay: Math.max(0, delayMs) });
  }

  /** Many officer jobs in one round trip (the alerts and reminders of a batch). Existing job ids are kept. */
  async function queueOfficerMany(list: { job: OfficerJobInput; jobId: string; delayMs: number }[]): Promise<void> {
    if (list.length === 0) return;
    await officer.addBulk(
      list.map(({ job, jobId, delayMs }) => {
        const data = OfficerJobSchema.parse(job);
        return { name: data.kind, data, opts: { ...retrying, jobId, delay: Math.max(0, delayMs) } };
      }),
    );
  }

  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closing ??= Promise.all([replies.close(), officer.close()]).then(() => undefined);
    return closing;
  }

  return { replies, officer, queueReply, queueReplies, queueOfficer, queueOfficerMany, close };
}
export type Queues = ReturnType<typeof makeQueues>;

/** Exponential backoff capped at an hour, with ±20 % jitter so retries do not arrive in step. */
export function cappedBackoff(baseMs: number, random: () => number = Math.random) {
  return (attemptsMade: number): number => {
    const raw = Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), 3_600_000);
    return Math.round(raw * (0.8 + 0.4 * random()));
  };
}
