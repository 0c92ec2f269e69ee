import { Redis } from 'ioredis';
import type { Logger } from '../log.ts';

/**
 * One ioredis client for records and queues. `maxRetriesPerRequest: null` makes commands wait
 * while Redis restarts instead of failing: intake then simply pauses and the message stays in
 * the mailbox until its record can be written.
 */
export function connectRedis(url: string, log: Logger): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: null,
    enableReadyCheck: true,
    connectionName: 'klachtenopvang',
    retryStrategy: (times) => Math.min(200 * 2 ** Math.min(times, 6), 5_000),
  });
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
