import type { Redis } from 'ioredis';
import type { Keys } from './redis-keys.ts';

/**
 * What the service remembers about itself, apart from records: the UIDVALIDITY last seen per
 * IMAP folder (a change is logged; nothing depends on UIDs for identity) and when the last digest
 * was sent (the next one starts there, so nothing falls between two digests).
 */
export function makeServiceState(redis: Redis, keys: Pick<Keys, 'uidValidity' | 'lastDigest'>) {
  const readNumber = async (key: string): Promise<number | null> => {
    const value = await redis.get(key);
    return value === null ? null : Number(value);
  };
  return {
    uidValidity: {
      get: (mailbox: string): Promise<number | null> => readNumber(keys.uidValidity(mailbox)),
      set: async (mailbox: string, value: number): Promise<void> => void (await redis.set(keys.uidValidity(mailbox), String(value))),
    },
    lastDigestAt: (): Promise<number | null> => readNumber(keys.lastDigest()),
    setLastDigestAt: async (ms: number): Promise<void> => void (await redis.set(keys.lastDigest(), String(ms))),
  };
}
export type ServiceState = ReturnType<typeof makeServiceState>;
