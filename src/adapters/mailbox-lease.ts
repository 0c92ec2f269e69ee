import { randomBytes } from 'node:crypto';
import { hostname } from 'node:os';
import type { Redis } from 'ioredis';

/**
 * One reader per mailbox. Two instances reading one inbox race each other's MOVEs (a NO with
 * EXPUNGEISSUED, whole batches read again); so an instance reads only while it holds a lease in
 * Redis, renewed at a third of its period, and the others stand by and try to take it at that
 * rate. A reader killed with SIGKILL renews no more: its lease expires and a standby takes over
 * within about 1⅓ lease periods.
 *
 * Fencing: a paused reader (GC, a frozen VM) can wake after its lease went to another. Each
 * grant gets a number from an ever-growing counter, and the reader checks right before every
 * MOVE that the lease still carries its token; if not, it stops without moving anything.
 */

/** KEYS[1] lease, KEYS[2] fence counter; ARGV[1] owner id, ARGV[2] period in ms. Returns the token or false. */
const ACQUIRE_SCRIPT = `
local current = redis.call('GET', KEYS[1])
if current then
  if string.sub(current, 1, string.len(ARGV[1]) + 1) == ARGV[1] .. '#' then
    redis.call('PEXPIRE', KEYS[1], ARGV[2])
    return current
  end
  return false
end
local token = ARGV[1] .. '#' .. redis.call('INCR', KEYS[2])
redis.call('SET', KEYS[1], token, 'PX', ARGV[2])
return token
`;

/** KEYS[1] lease; ARGV[1] token, ARGV[2] period in ms. 1 when renewed, 0 when the lease is another's. */
const RENEW_SCRIPT = `
if redis.call('GET', KEYS[1]) == ARGV[1] then
  redis.call('PEXPIRE', KEYS[1], ARGV[2])
  return 1
end
return 0
`;

/** KEYS[1] lease; ARGV[1] token. Deletes the lease only when it is still ours. */
const RELEASE_SCRIPT = `if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end return 0`;

export interface MailboxLease {
  /** This instance's owner id (host, pid and a random part; no personal data). */
  readonly owner: string;
  /** Takes the lease when free (or already ours); the token, or null when another holds it. */
  tryAcquire(): Promise<string | null>;
  /** Extends our lease; false when it is no longer ours. */
  renew(token: string): Promise<boolean>;
  /** True while the lease carries `token`: the fencing check before a MOVE. */
  holds(token: string): Promise<boolean>;
  release(token: string): Promise<void>;
}

export function makeMailboxLease(redis: Redis, keys: { lease: string; fence: string }, periodMs: number): MailboxLease {
  const owner = `${hostname()}:${process.pid}:${randomBytes(4).toString('hex')}`;
  return {
    owner,
    tryAcquire: async () => {
      const token = await redis.eval(ACQUIRE_SCRIPT, 2, keys.lease, keys.fence, owner, String(periodMs));
      return typeof token === 'string' ? token : null;
    },
    renew: async (token) => (await redis.eval(RENEW_SCRIPT, 1, keys.lease, token, String(periodMs))) === 1,
    holds: async (token) => (await redis.get(keys.lease)) === token,
    release: async (token) => void (await redis.eval(RELEASE_SCRIPT, 1, keys.lease, token)),
  };
}
