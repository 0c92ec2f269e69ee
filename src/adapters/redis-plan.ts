import { resolve } from 'node:path';
import type { Config } from '../config.ts';

/**
 * Which Redis a process uses. Pure, so the rule is tested without servers.
 *
 * - REDIS_URL set: that Redis, never an embedded one (an embedded Redis on a production port
 *   would hand out reference numbers that belong to others and keep the real one off its port).
 * - IMAP_HOST set (production) with REDIS_URL unset: the default URL, waited for, never embedded.
 * - Local mode with REDIS_URL unset: our own redis-server under DATA_DIR on a Unix socket, never
 *   whatever happens to listen on 6379 (Debian's shared, non-durable redis-server).
 * - REDIS_EMBEDDED=never opts out of the last one: the default URL is used as configured.
 */
export type RedisPlan = { kind: 'embedded'; dir: string; socket: string } | { kind: 'url'; url: string };

/** Unix socket paths are limited to about 107 bytes; stay clearly under. */
export const MAX_SOCKET_PATH_BYTES = 100;

export function planRedis(config: Pick<Config, 'REDIS_URL' | 'REDIS_EMBEDDED' | 'DATA_DIR' | 'redisUrlConfigured' | 'mode'>): RedisPlan {
  if (config.redisUrlConfigured || config.mode.imap || config.REDIS_EMBEDDED === 'never') return { kind: 'url', url: config.REDIS_URL };
  const dir = resolve(config.DATA_DIR, 'redis');
  return { kind: 'embedded', dir, socket: resolve(dir, 'redis.sock') };
}
