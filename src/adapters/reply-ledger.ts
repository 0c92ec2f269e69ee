import type { Redis } from 'ioredis';
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

export function makeReplyLedger(redis: Redis, keys: Keys) {
  return {
    async reserve(address: string, replyKey: string, cap: number, nowMs: number): Promise<boolean> {
      const result = await redis.eval(RESERVE_SCRIPT, 1, keys.repliesToSender(address), String(nowMs), String(cap), replyKey);
      return result === 1;
    },
  };
}
export type ReplyLedger = ReturnType<typeof makeReplyLedger>;
