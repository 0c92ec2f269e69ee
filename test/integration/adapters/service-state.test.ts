import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { makeKeys } from '../../../src/adapters/redis-keys.ts';
import { makeServiceState } from '../../../src/adapters/service-state.ts';
import { startRedis, type RedisServer } from '../../helpers/redis-server.ts';
import { checkLeaks } from '../../helpers/leak-check.ts';

checkLeaks();

let server: RedisServer;
let redis: Redis;
const prefix = `t${randomBytes(5).toString('hex')}`;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});
after(async () => {
  await redis?.quit().catch(() => redis.disconnect());
  await server?.stop();
});

describe('service state', () => {
  test('the last digest time round-trips', async () => {
    const state = makeServiceState(redis, makeKeys(prefix));
    assert.equal(await state.lastDigestAt(), null);
    await state.setLastDigestAt(1_795_000_000_000);
    assert.equal(await state.lastDigestAt(), 1_795_000_000_000);
  });

  test('UIDVALIDITY is remembered per folder', async () => {
    const state = makeServiceState(redis, makeKeys(prefix));
    assert.equal(await state.uidValidity.get('INBOX'), null);
    await state.uidValidity.set('INBOX', 1_700_000_001);
    await state.uidValidity.set('Klachten', 42);
    assert.equal(await state.uidValidity.get('INBOX'), 1_700_000_001);
    assert.equal(await state.uidValidity.get('Klachten'), 42);
  });
});
