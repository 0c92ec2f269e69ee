import { Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { OfficerJobSchema, ReplyJobSchema, replyJobId, type OfficerJobInput, type ReplyJob } from '../domain/jobs.ts';

/**
 * The BullMQ queues. What a job carries, and its deterministic id, is domain/jobs.ts: queueing
 * the same thing twice queues it once.
 */
export const QUEUE_NAMES = { replies: 'replies', officer: 'officer' } as const;

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

  async function queueOfficer(job: OfficerJobInput, jobId: string, delayMs = 0): Promise<void> {
    const data = OfficerJobSchema.parse(job);
    await officer.add(data.kind, data, { ...retrying, jobId, delay: Math.max(0, delayMs) });
  }

  /** Many officer jobs in one round trip (a record's reminders). Existing job ids are kept. */
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

  return { replies, officer, queueReply, queueOfficer, queueOfficerMany, close };
}
export type Queues = ReturnType<typeof makeQueues>;

/** Exponential backoff capped at an hour, with ±20 % jitter so retries do not arrive in step. */
export function cappedBackoff(baseMs: number, random: () => number = Math.random) {
  return (attemptsMade: number): number => {
    const raw = Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), 3_600_000);
    return Math.round(raw * (0.8 + 0.4 * random()));
  };
}
