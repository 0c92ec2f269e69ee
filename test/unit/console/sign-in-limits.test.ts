import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ACCOUNT_LIMITS, decideAttempt, stricter } from '../../../src/console/sign-in-limits.ts';

test('the first failures cost nothing, then the wait doubles, then sign-in locks', () => {
  const t = 1_000_000;
  assert.deepEqual(decideAttempt(null, t, ACCOUNT_LIMITS), { allowed: true });
  assert.deepEqual(decideAttempt({ count: 2, lastMs: t }, t, ACCOUNT_LIMITS), { allowed: true });
  assert.deepEqual(decideAttempt({ count: 3, lastMs: t }, t + 500, ACCOUNT_LIMITS), { allowed: false, reason: 'slow_down', retryAfterMs: 500 });
  assert.deepEqual(decideAttempt({ count: 3, lastMs: t }, t + 1000, ACCOUNT_LIMITS), { allowed: true });
  assert.deepEqual(decideAttempt({ count: 5, lastMs: t }, t + 3000, ACCOUNT_LIMITS), { allowed: false, reason: 'slow_down', retryAfterMs: 1000 });
  const locked = decideAttempt({ count: 10, lastMs: t }, t + 60_000, ACCOUNT_LIMITS);
  assert.deepEqual(locked, { allowed: false, reason: 'locked', retryAfterMs: 14 * 60_000 });
  assert.deepEqual(decideAttempt({ count: 10, lastMs: t }, t + 15 * 60_000, ACCOUNT_LIMITS), { allowed: true });
});

test('the stricter decision wins: a lock over a wait, the longer wait over the shorter', () => {
  const wait = { allowed: false, reason: 'slow_down', retryAfterMs: 2000 } as const;
  const lock = { allowed: false, reason: 'locked', retryAfterMs: 1000 } as const;
  assert.equal(stricter({ allowed: true }, wait), wait);
  assert.equal(stricter(wait, lock), lock);
  assert.equal(stricter(wait, { ...wait, retryAfterMs: 5000 }).allowed, false);
});
