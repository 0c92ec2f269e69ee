import { Job, Queue, type JobsOptions } from 'bullmq';
import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import { OfficerJobSchema, ReplyJobSchema, replyJobId, type OfficerJobEntry, type OfficerJobInput, type ReplyJob } from '../domain/jobs.ts';

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
  async function queueOfficerMany(list: OfficerJobEntry[]): Promise<void> {
    if (list.length === 0) return;
    await officer.addBulk(
      list.map(({ job, jobId, delayMs }) => {
        const data = OfficerJobSchema.parse(job);
        return { name: data.kind, data, opts: { ...retrying, jobId, delay: Math.max(0, delayMs) } };
      }),
    );
  }

  /**
   * The replies and officer jobs of a batch of new records in one MULTI/EXEC: one round trip and
   * one AOF fsync. (A pipeline of hundreds of jobs, as addBulk sends it, is read by Redis 16 KB at
   * a time, and with `appendfsync always` each piece is fsynced on its own: 1,100 fsyncs for
   * 2,000 messages instead of 90.) Same ids and options as queueReply and queueOfficerMany, so
   * a job queued before stays queued once; each job is inserted by BullMQ's own script, on our
   * transaction, through the Redis backend's documented escape hatch (getBackend()), as
   * BullMQ's flows do. Throws when any insert failed: the caller's messages are then read again.
   */
  async function queueBatch(batch: { replies: readonly ReplyJob[]; officer: readonly OfficerJobEntry[] }): Promise<void> {
    if (batch.replies.length + batch.officer.length === 0) return;
    // Both queues use `connection`, so one transaction on it takes the jobs of both.
    const transaction = (await replies.getBackend().client).multi();
    const inserts: Promise<unknown>[] = [];
    const insert = (queue: Queue, name: string, data: unknown, opts: JobsOptions & { jobId: string }) => {
      const job = new Job(queue, name, data, opts, opts.jobId);
      inserts.push(queue.getBackend().addJobToTransaction(transaction, job.asJSON(), opts.jobId));
    };
    for (const job of batch.replies) {
      const data = ReplyJobSchema.parse(job);
      insert(replies, data.type, data, { ...retrying, jobId: replyJobId(data) });
    }
    for (const { job, jobId, delayMs } of batch.officer) {
      const data = OfficerJobSchema.parse(job);
      insert(officer, data.kind, data, { ...retrying, jobId, delay: Math.max(0, delayMs) });
    }
    await Promise.all(inserts);
    const answers = (await transaction.exec()) ?? [];
    const failed = answers.length !== inserts.length || answers.some(([error, result]) => error !== null || (typeof result === 'number' && result < 0));
    if (failed) {
      const cause = answers.find(([error]) => error !== null)?.[0];
      throw new AppError('queue_batch_failed', 'Redis refused some of the batch\'s jobs; its messages stay in the inbox and are read again.', { cause });
    }
  }

  let closing: Promise<void> | null = null;
  function close(): Promise<void> {
    closing ??= Promise.all([replies.close(), officer.close()]).then(() => undefined);
    return closing;
  }

  return { replies, officer, queueReply, queueOfficer, queueOfficerMany, queueBatch, close };
}
export type Queues = ReturnType<typeof makeQueues>;

/** Exponential backoff capped at an hour, with ±20 % jitter so retries do not arrive in step. */
export function cappedBackoff(baseMs: number, random: () => number = Math.random) {
  return (attemptsMade: number): number => {
    const raw = Math.min(baseMs * 2 ** Math.max(0, attemptsMade - 1), 3_600_000);
    return Math.round(raw * (0.8 + 0.4 * random()));
  };
}
