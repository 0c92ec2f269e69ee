import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { makeFastClock } from '../../helpers/fast-clock.ts';

const START = new Date('2026-11-23T08:00:00.000Z');
const HOUR = 3_600_000;

describe('makeFastClock', () => {
  test('starts at the given instant', () => {
    const clock = makeFastClock(START, 1_000);
    const drift = clock.now().getTime() - START.getTime();
    assert.ok(drift >= 0 && drift < 1_000 * 50, `${drift} ms after the start`);
  });

  test('runs speed times faster than real time', async () => {
    const clock = makeFastClock(START, 10_000);
    const before = clock.now().getTime();
    const realBefore = Date.now();
    await sleep(100);
    const real = Date.now() - realBefore;
    const passed = clock.now().getTime() - before;
    // Between the two readings `real` ms went by; allow a few ms of scheduling either side.
    assert.ok(passed >= (real - 5) * 10_000 && passed <= (real + 5) * 10_000, `${passed} clock ms for ${real} real ms`);
  });

  test('never goes backwards', () => {
    const clock = makeFastClock(START, 86_400);
    let last = clock.now().getTime();
    for (let i = 0; i < 1_000; i += 1) {
      const next = clock.now().getTime();
      assert.ok(next >= last);
      last = next;
    }
  });

  test('msUntil divides the clock distance by the speed', () => {
    const clock = makeFastClock(START, 3_600);
    const wait = clock.msUntil(new Date(START.getTime() + HOUR));
    assert.ok(wait > 900 && wait <= 1_000, `an hour ahead at 3600x is about a real second, got ${wait}`);
    const days = makeFastClock(START, 86_400).msUntil(new Date(START.getTime() + 14 * 24 * HOUR));
    assert.ok(days > 13_000 && days <= 14_000, `two weeks at one day per second, got ${days}`);
  });

  test('msUntil is 0 for an instant already past, and a whole number otherwise', () => {
    const clock = makeFastClock(START, 1_000);
    assert.equal(clock.msUntil(new Date(START.getTime() - HOUR)), 0);
    assert.equal(clock.msUntil(START), 0);
    assert.ok(Number.isInteger(clock.msUntil(new Date(START.getTime() + 12_345_678))));
  });

  test('a speed of 1 behaves like real time from the start instant', () => {
    const clock = makeFastClock(START, 1);
    const wait = clock.msUntil(new Date(START.getTime() + 5_000));
    assert.ok(wait > 4_900 && wait <= 5_000, String(wait));
  });
});
