import assert from 'node:assert/strict';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { planRedis } from '../../../src/adapters/redis-plan.ts';

const IMAP = { IMAP_HOST: 'imap.example.nl', IMAP_USER: 'u', IMAP_PASSWORD: 'p', OFFICER_EMAILS: 'o@example.nl' };

describe('planRedis', () => {
  it('local mode without REDIS_URL runs its own Redis on a socket under DATA_DIR, never 6379', () => {
    const plan = planRedis(loadConfig({ DATA_DIR: '/srv/ko' }));
    assert.deepEqual(plan, { kind: 'embedded', dir: resolve('/srv/ko/redis'), socket: resolve('/srv/ko/redis/redis.sock') });
  });
  it('a configured REDIS_URL is used as it is and never embedded, in local mode too', () => {
    assert.deepEqual(planRedis(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6400' })), { kind: 'url', url: 'redis://127.0.0.1:6400' });
    assert.deepEqual(planRedis(loadConfig({ ...IMAP, REDIS_URL: 'redis://:pw@127.0.0.1:6379' })), { kind: 'url', url: 'redis://:pw@127.0.0.1:6379' });
  });
  it('production (IMAP_HOST) never embeds, even with REDIS_URL unset', () => {
    assert.deepEqual(planRedis(loadConfig(IMAP)), { kind: 'url', url: 'redis://127.0.0.1:6379' });
  });
  it('REDIS_EMBEDDED=never uses the default URL', () => {
    assert.equal(planRedis(loadConfig({ REDIS_EMBEDDED: 'never' })).kind, 'url');
  });
});
