import { UnrecoverableError, Worker, type Job } from 'bullmq';
import type { Redis } from 'ioredis';
import type { z } from 'zod';
import { AppError, errorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { cappedBackoff } from './queues.ts';

/**
 * A BullMQ worker whose payloads are validated with zod. Permanent failures (bad payload, an
 * AppError marked permanent) fail at once without retries; anything else retries with capped
 * exponential backoff and jitter.
 */
export function startJobWorker<T>(options: {
  name: string;
  connection: Redis;
  prefix: string;
  schema: z.ZodType<T>;
  concurrency: number;
  retryBaseMs: number;
  log: Logger;
  handle: (data: T, job: Job) => Promise<unknown>;
  /** Called once when a job has failed its last attempt on a retryable error. */
  onExhausted?: (data: T) => Promise<void>;
}): Worker {
  const backoff = cappedBackoff(options.retryBaseMs);
  const worker = new Worker(
    options.name,
    async (job: Job) => {
      const parsed = options.schema.safeParse(job.data);
      if (!parsed.success) throw new UnrecoverableError('job_payload_invalid');
      try {
        return await options.handle(parsed.data, job);
      } catch (error) {
        if (error instanceof AppError && error.permanent) throw new UnrecoverableError(error.code);
        throw error;
      }
    },
    {
      connection: options.connection,
      prefix: options.prefix,
      concurrency: options.concurrency,
      settings: { backoffStrategy: (attemptsMade: number) => backoff(attemptsMade) },
    },
  );
  worker.on('failed', (job, error) => {
    options.log.warn('job_failed', { queue: options.name, job: job?.id ?? null, attempts: job?.attemptsMade ?? 0, code: errorCode(error) });
    const last = job !== undefined && job.attemptsMade >= (job.opts.attempts ?? 1) && !(error instanceof UnrecoverableError);
    const parsed = last ? options.schema.safeParse(job.data) : null;
    if (parsed?.success && options.onExhausted) {
      options.onExhausted(parsed.data).catch((cause: unknown) => options.log.error('job_exhausted_unrecorded', { queue: options.name, code: errorCode(cause) }));
    }
  });
  worker.on('error', (error) => options.log.warn('worker_error', { queue: options.name, code: errorCode(error) }));
  return worker;
}
