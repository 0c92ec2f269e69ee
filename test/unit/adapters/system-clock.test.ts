import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { systemClock } from '../../../src/adapters/system-clock.ts';

describe('systemClock', () => {
  test('is the wall clock', () => {
    const before = Date.now();
    const now = systemClock.now().getTime();
    assert.ok(now >= before && now <= Date.now());
  });

  test('msUntil is the real distance, 0 for the past', () => {
    const wait = systemClock.msUntil(new Date(Date.now() + 60_000));
    assert.ok(wait > 59_000 && wait <= 60_000, String(wait));
    assert.equal(systemClock.msUntil(new Date(Date.now() - 1)), 0);
  });
});
