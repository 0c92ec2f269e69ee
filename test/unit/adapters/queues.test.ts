import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cappedBackoff } from '../../../src/adapters/queues.ts';

const HOUR = 3_600_000;
const middle = () => 0.5; // jitter factor exactly 1.0

describe('cappedBackoff', () => {
  test('starts at the base and doubles per attempt', () => {
    const backoff = cappedBackoff(30_000, middle);
    assert.deepEqual([1, 2, 3, 4, 5].map(backoff), [30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  test('attempt 0 is treated as the first', () => {
    assert.equal(cappedBackoff(1_000, middle)(0), 1_000);
  });

  test('caps at one hour, also for very many attempts', () => {
    const backoff = cappedBackoff(30_000, middle);
    assert.equal(backoff(8), HOUR);
    assert.equal(backoff(40), HOUR);
    assert.equal(backoff(10_000), HOUR);
    assert.equal(cappedBackoff(2 * HOUR, middle)(1), HOUR, 'even a base above the cap');
  });

  test('jitter stays within ±20 %', () => {
    assert.equal(cappedBackoff(10_000, () => 0)(1), 8_000);
    assert.equal(cappedBackoff(10_000, () => 1)(1), 12_000);
    assert.equal(cappedBackoff(10_000, () => 0)(30), 0.8 * HOUR);
    assert.equal(cappedBackoff(10_000, () => 1)(30), 1.2 * HOUR);
    const backoff = cappedBackoff(10_000);
    const centre = cappedBackoff(10_000, middle);
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const raw = centre(attempt);
      for (let i = 0; i < 20; i += 1) {
        const delay = backoff(attempt);
        assert.ok(delay >= raw * 0.8 && delay <= raw * 1.2, `attempt ${attempt}: ${delay} within ±20 % of ${raw}`);
      }
    }
  });

  test('the 39 waits between 40 attempts span more than 24 hours, even with the shortest jitter', () => {
    // Production retry base is 30 s (workers/runtime.ts); 40 attempts is the queue default.
    const backoff = cappedBackoff(30_000, () => 0);
    let total = 0;
    for (let attempt = 1; attempt < 40; attempt += 1) total += backoff(attempt);
    assert.ok(total > 24 * HOUR, `${(total / HOUR).toFixed(1)} h`);
  });

  test('returns whole milliseconds', () => {
    assert.ok(Number.isInteger(cappedBackoff(333, () => 0.123)(3)));
  });
});
