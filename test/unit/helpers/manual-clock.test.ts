import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeManualClock } from '../../helpers/manual-clock.ts';

const START = new Date('2026-11-23T08:00:00.000Z');
const DAY = 86_400_000;

describe('makeManualClock', () => {
  test('stands still until the test moves it, and never goes back', async () => {
    const clock = makeManualClock(START);
    assert.equal(clock.now().toISOString(), START.toISOString());
    await clock.advance(DAY);
    assert.equal(clock.now().getTime(), START.getTime() + DAY);
    await clock.advance(-DAY);
    await clock.advanceTo(START);
    assert.equal(clock.now().getTime(), START.getTime() + DAY);
  });

  test('msUntil is the distance on the clock, 0 for the past: a job delay that real time never reaches', () => {
    const clock = makeManualClock(START);
    assert.equal(clock.msUntil(new Date(START.getTime() + 14 * DAY)), 14 * DAY);
    assert.equal(clock.msUntil(new Date(START.getTime() - 1)), 0);
  });

  test('at() tells what the clock showed at a real instant, so a delay is counted from where it started', async () => {
    const clock = makeManualClock(START);
    const before = Date.now();
    await clock.advance(7 * DAY);
    const after = Date.now();
    assert.equal(clock.at(before), START.getTime());
    assert.equal(clock.at(after), START.getTime() + 7 * DAY);
  });
});
