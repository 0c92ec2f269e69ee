import { setTimeout as sleep } from 'node:timers/promises';
import type { Queue } from 'bullmq';
import type { Clock } from '../../src/app/ports.ts';
import { waitUntil } from './service.ts';

/**
 * Time in tests as a value the test moves (graphile-worker's fake timers), not a wait: the
 * service reads `now()` from this clock, and a reminder planned weeks ahead is a BullMQ delayed
 * job with that many milliseconds of delay, which never comes due in real time. The test
 * advances the clock, then `runDueJobs` promotes the delayed jobs whose moment has come on this
 * clock and waits until the worker decided every one (sent, already sent, stale), so a test
 * asserts on decisions, never on "nothing more arrived after a sleep".
 */
export interface ManualClock extends Clock {
  /** Moves the clock forward (never back). */
  advance(ms: number): Promise<void>;
  /** Moves the clock to `instant` if that is ahead. */
  advanceTo(instant: Date): Promise<void>;
  /** What the clock showed at a real instant (ms since 1970): where a job's delay started. */
  at(realMs: number): number;
}

export function makeManualClock(start: Date): ManualClock {
  let now = start.getTime();
  // Real instant -> clock time from then on, so a job queued at real time T was planned from at(T).
  const settings: { real: number; clock: number }[] = [{ real: Number.NEGATIVE_INFINITY, clock: now }];
  const advance = async (ms: number) => {
    // A millisecond either side, so no job's real timestamp is shared with the moment the clock jumped.
    await sleep(2);
    now += Math.max(0, ms);
    settings.push({ real: Date.now(), clock: now });
    await sleep(2);
  };
  return {
    now: () => new Date(now),
    msUntil: (instant) => Math.max(0, instant.getTime() - now),
    advance,
    advanceTo: (instant) => advance(instant.getTime() - now),
    at: (realMs) => (settings.findLast((setting) => setting.real <= realMs) ?? settings[0])?.clock ?? now,
  };
}

/**
 * Promotes the delayed jobs that are due on `clock` and waits until the queue's worker has
 * decided each of them; returns how many were promoted.
 */
export async function runDueJobs(queue: Queue, clock: ManualClock, timeoutMs = 20_000): Promise<number> {
  const delayed = await queue.getJobs(['delayed']);
  const due = delayed.filter((job) => clock.at(job.timestamp) + job.delay <= clock.now().getTime());
  await Promise.all(due.map((job) => job.promote()));
  await drained(queue, timeoutMs);
  return due.length;
}

/** Waits until no job of `queue` waits or runs: each was decided (completed or failed). */
export async function drained(queue: Queue, timeoutMs = 20_000): Promise<void> {
  await waitUntil(
    `queue ${queue.name} drained`,
    async () => {
      const counts = await queue.getJobCounts('waiting', 'active', 'prioritized', 'waiting-children');
      return Object.values(counts).every((count) => count === 0);
    },
    timeoutMs,
    50,
  );
}
