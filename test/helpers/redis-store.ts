import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach } from 'node:test';
import { Redis } from 'ioredis';
import { makeComplaintStore, type ComplaintStore } from '../../src/adapters/complaint-store.ts';
import { startRedis, type RedisServer } from './redis-server.ts';

/**
 * A real Redis for the file and a complaint store with a key prefix of its own per test, its keys
 * deleted after the test: what a test of the store or of a use case on it needs, set up once.
 * Call at the top of the file; read the fields inside tests.
 */
export interface TestStore {
  readonly server: RedisServer;
  readonly redis: Redis;
  readonly prefix: string;
  readonly store: ComplaintStore;
}

export function useTestStore(): TestStore {
  let server: RedisServer | undefined;
  let redis: Redis | undefined;
  let prefix = '';
  let store: ComplaintStore | undefined;
  before(async () => {
    server = await startRedis();
    redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
  });
  after(async () => {
    await redis?.quit().catch(() => redis?.disconnect());
    await server?.stop();
  });
  beforeEach(() => {
    prefix = `t${randomBytes(5).toString('hex')}`;
    store = makeComplaintStore(need(redis), prefix);
  });
  afterEach(async () => {
    const keys = await need(redis).keys(`${prefix}*`);
    if (keys.length > 0) await need(redis).del(...keys);
  });
  return {
    get server() {
      return need(server);
    },
    get redis() {
      return need(redis);
    },
    get prefix() {
      return prefix;
    },
    get store() {
      return need(store);
    },
  };
}

function need<T>(value: T | undefined): T {
  if (value === undefined) throw new Error('useTestStore: read its fields inside a test, after before() ran');
  return value;
}
