import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { reconnectDelayMs } from '../../../src/domain/reconnect-backoff.ts';

const low = () => 0;
const high = () => 1;

describe('reconnectDelayMs', () => {
  test('the first attempt waits between half the base and the base (default base 500 ms)', () => {
    assert.equal(reconnectDelayMs(1, { random: low }), 250);
    assert.equal(reconnectDelayMs(1, { random: high }), 500);
    for (let i = 0; i < 200; i += 1) {
      const delay = reconnectDelayMs(1);
      assert.ok(delay >= 250 && delay <= 500, `${delay} within [250, 500]`);
    }
  });

  test('the ceiling doubles per attempt', () => {
    const ceilings = [1, 2, 3, 4, 5].map((attempt) => reconnectDelayMs(attempt, { baseMs: 100, random: high }));
    assert.deepEqual(ceilings, [100, 200, 400, 800, 1600]);
  });

  test('jitter spans the upper half of the ceiling', () => {
    assert.equal(reconnectDelayMs(3, { baseMs: 100, random: () => 0.5 }), 300);
    assert.equal(reconnectDelayMs(3, { baseMs: 100, random: low }), 200);
  });

  test('never exceeds the cap (default one minute), even after very many attempts', () => {
    assert.equal(reconnectDelayMs(50, { random: high }), 60_000);
    assert.equal(reconnectDelayMs(10_000, { random: high }), 60_000);
    assert.equal(reconnectDelayMs(10_000, { random: low }), 30_000);
    assert.equal(reconnectDelayMs(20, { baseMs: 100, capMs: 5_000, random: high }), 5_000);
    assert.ok(Number.isFinite(reconnectDelayMs(Number.MAX_SAFE_INTEGER)));
  });

  test('attempt 0 or below is treated as the first attempt', () => {
    assert.equal(reconnectDelayMs(0, { baseMs: 100, random: high }), 100);
    assert.equal(reconnectDelayMs(-3, { baseMs: 100, random: high }), 100);
  });

  test('returns whole milliseconds', () => {
    assert.ok(Number.isInteger(reconnectDelayMs(2, { baseMs: 333, random: () => 0.123 })));
  });
});
