import type { Redis } from 'ioredis';
import { AppError } from '../errors.ts';
import type { Keys } from './redis-keys.ts';

/**
 * Flood protection: at most `cap` automatic replies to one address per 24 hours. A slot is
 * reserved per reply (member = the reply's job id), so a retried send keeps its own slot and
 * concurrent senders cannot both take the last one.
 */
const RESERVE_SCRIPT = `
redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', ARGV[1] - 86400000)
if redis.call('ZSCORE', KEYS[1], ARGV[3]) then return 1 end
if redis.call('ZCARD', KEYS[1]) >= tonumber(ARGV[2]) then return 0 end
redis.call('ZADD', KEYS[1], ARGV[1], ARGV[3])
redis.call('PEXPIRE', KEYS[1], 90000000)
return 1
`;

const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export function makeReplyLedger(redis: Redis, keys: Keys) {
  return {
    /**
     * One sender per reply at a time: BullMQ can hand a stalled job to a second worker while the
     * first is still talking to the SMTP server. The lock expires (`ttlMs`) so a crashed holder
     * does not block the reply for ever; a waiter gives up after `waitMs` with a retryable error.
     */
    async lockSend(replyKey: string, options: { ttlMs?: number; waitMs?: number } = {}): Promise<() => Promise<void>> {
      const key = keys.sendLock(replyKey);
      const token = `${process.pid}-${Math.random().toString(36).slice(2)}`;
      const deadline = Date.now() + (options.waitMs ?? 30_000);
      for (;;) {
        if ((await redis.set(key, token, 'PX', options.ttlMs ?? 120_000, 'NX')) === 'OK') {
          return async () => void (await redis.eval(RELEASE_SCRIPT, 1, key, token));
        }
        if (Date.now() > deadline) {
          throw new AppError('reply_locked', 'Another worker is sending this reply; it will be tried again.');
        }
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    },
    async reserve(address: string, replyKey: string, cap: number, nowMs: number): Promise<boolean> {
      const result = await redis.eval(RESERVE_SCRIPT, 1, keys.repliesToSender(address), String(nowMs), String(cap), replyKey);
      return result === 1;
    },
  };
}
export type ReplyLedger = ReturnType<typeof makeReplyLedger>;
