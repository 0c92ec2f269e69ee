import type { Redis } from 'ioredis';
import type { Keys } from '../adapters/redis-keys.ts';
import { ACCOUNT_LIMITS, ADDRESS_LIMITS, decideAttempt, stricter, type AttemptDecision, type FailureState } from './sign-in-limits.ts';

/** Failure counters in Redis (keys hold hashes of address and e-mail), kept 15 minutes after the last failure. */
const KEEP_MS = 15 * 60_000;

export function makeSignInFailures(redis: Redis, keys: Keys, now: () => number = Date.now) {
  async function read(key: string): Promise<FailureState | null> {
    const value = await redis.hgetall(key);
    return value['count'] ? { count: Number(value['count']), lastMs: Number(value['last']) } : null;
  }

  async function check(email: string, address: string): Promise<AttemptDecision> {
    const [account, origin] = await Promise.all([read(keys.consoleFailures('account', email)), read(keys.consoleFailures('address', address))]);
    return stricter(decideAttempt(account, now(), ACCOUNT_LIMITS), decideAttempt(origin, now(), ADDRESS_LIMITS));
  }

  async function record(email: string, address: string): Promise<number> {
    const multi = redis.multi();
    for (const key of [keys.consoleFailures('account', email), keys.consoleFailures('address', address)]) {
      multi.hincrby(key, 'count', 1).hset(key, 'last', String(now())).pexpire(key, KEEP_MS);
    }
    const results = await multi.exec();
    return Number(results?.[0]?.[1] ?? 0);
  }

  /** A successful sign-in clears the account's count, not the address's. */
  async function clearAccount(email: string): Promise<void> {
    await redis.del(keys.consoleFailures('account', email));
  }

  return { check, record, clearAccount };
}
export type SignInFailures = ReturnType<typeof makeSignInFailures>;
