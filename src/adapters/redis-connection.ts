import { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';

/** A redis:// URL, or the Unix socket of local mode's own Redis. */
export type RedisTarget = { url: string } | { socket: string };

/**
 * One ioredis client for records and queues. `maxRetriesPerRequest: null` makes commands wait
 * while Redis restarts instead of failing: intake then simply pauses and the message stays in
 * the mailbox until its record can be written.
 */
export function connectRedis(target: RedisTarget, log: Logger): Redis {
  const options = {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: 'klachtenopvang',
    retryStrategy: (times: number) => Math.min(200 * 2 ** Math.min(times, 6), 5_000),
  };
  const redis = 'url' in target ? new Redis(target.url, options) : new Redis(target.socket, options);
  let down = false;
  redis.on('error', (error: NodeJS.ErrnoException) => {
    if (!down) log.warn('redis_error', { code: error.code ?? 'unknown' });
    down = true;
  });
  redis.on('ready', () => {
    if (down) log.info('redis_reconnected');
    down = false;
  });
  return redis;
}

/**
 * Records and scheduled reminders live in Redis, so it must persist (AOF) and never evict.
 * Returns what is wrong; managed Redis services may forbid CONFIG, which is reported as unknown.
 */
export async function checkRedisDurability(redis: Redis): Promise<string[]> {
  try {
    const [, appendonly] = (await redis.config('GET', 'appendonly')) as [string, string];
    const [, policy] = (await redis.config('GET', 'maxmemory-policy')) as [string, string];
    const problems: string[] = [];
    if (appendonly !== 'yes') problems.push('appendonly_off');
    if (policy !== 'noeviction') problems.push('eviction_enabled');
    return problems;
  } catch {
    return ['config_unreadable'];
  }
}

/**
 * Waits until Redis answers, at most `timeoutMs`; then throws `redis_unreachable` with a message
 * an operator can act on (never the URL, which may carry a password). `onWaiting` hears the last
 * error code while it waits, for readiness. Exiting beats serving with no store: a supervisor
 * restarts the service, and nothing is ever written to a stand-in.
 */
export async function waitForRedis(redis: Redis, timeoutMs: number, onWaiting: (code: string) => void = () => {}): Promise<void> {
  if (redis.status === 'ready') return;
  let lastCode = 'no_answer';
  const onError = (error: NodeJS.ErrnoException) => {
    lastCode = error.code ?? error.name;
    onWaiting(lastCode);
  };
  redis.on('error', onError);
  onWaiting(lastCode);
  let timer: NodeJS.Timeout | undefined;
  let onReady = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      onReady = resolve;
      redis.once('ready', onReady);
      timer = setTimeout(
        () =>
          reject(
            new AppError(
              'redis_unreachable',
              `Redis did not answer within ${Math.round(timeoutMs / 1000)} s (last error: ${lastCode}). Start Redis or correct REDIS_URL; REDIS_WAIT_SECONDS sets how long a start waits.`,
              { permanent: true },
            ),
          ),
        timeoutMs,
      );
    });
  } finally {
    clearTimeout(timer);
    redis.off('error', onError);
    redis.off('ready', onReady);
  }
}
