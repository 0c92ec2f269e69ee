import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { amsterdamInstant, amsterdamWallClock } from '../../../src/domain/amsterdam-time.ts';

/** An independent oracle: how the instant reads on a clock in Amsterdam. */
const wallClock = new Intl.DateTimeFormat('sv-SE', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});
const readInAmsterdam = (instant: Date) => wallClock.format(instant);
const iso = (date: string, time: string) => amsterdamInstant(date, time).toISOString();

describe('amsterdamInstant', () => {
  test('08:00 in winter is 07:00 UTC, in summer 06:00 UTC', () => {
    assert.equal(iso('2026-01-15', '08:00'), '2026-01-15T07:00:00.000Z');
    assert.equal(iso('2026-07-01', '08:00'), '2026-07-01T06:00:00.000Z');
  });

  test('around the spring change (Sun 29 Mar 2026, 02:00 -> 03:00)', () => {
    assert.equal(iso('2026-03-28', '08:00'), '2026-03-28T07:00:00.000Z');
    assert.equal(iso('2026-03-29', '08:00'), '2026-03-29T06:00:00.000Z');
    assert.equal(iso('2026-03-29', '01:59'), '2026-03-29T00:59:00.000Z', 'still winter time');
    assert.equal(iso('2026-03-29', '03:00'), '2026-03-29T01:00:00.000Z', 'summer time');
    assert.equal(iso('2026-03-30', '08:00'), '2026-03-30T06:00:00.000Z');
  });

  test('around the autumn change (Sun 25 Oct 2026, 03:00 -> 02:00)', () => {
    assert.equal(iso('2026-10-24', '08:00'), '2026-10-24T06:00:00.000Z');
    assert.equal(iso('2026-10-25', '08:00'), '2026-10-25T07:00:00.000Z');
    assert.equal(iso('2026-10-25', '00:30'), '2026-10-24T22:30:00.000Z', 'still summer time');
    assert.equal(iso('2026-10-25', '03:00'), '2026-10-25T02:00:00.000Z', 'winter time');
    assert.equal(iso('2026-10-26', '08:00'), '2026-10-26T07:00:00.000Z');
  });

  test('every quarter hour of both change days reads back as the same wall-clock time (outside the skipped hour)', () => {
    for (const date of ['2026-03-29', '2026-10-25', '2027-03-28', '2027-10-31']) {
      for (let minutes = 0; minutes < 24 * 60; minutes += 15) {
        const time = `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
        if (date.endsWith('-03-29') || date.endsWith('-03-28')) {
          if (time >= '02:00' && time < '03:00') continue; // does not exist in Amsterdam
        }
        assert.equal(readInAmsterdam(amsterdamInstant(date, time)), `${date} ${time}`, `${date} ${time}`);
      }
    }
  });

  test('a time in the skipped spring hour still gives an instant on that day, not an error', () => {
    const instant = amsterdamInstant('2026-03-29', '02:30');
    assert.ok(!Number.isNaN(instant.getTime()));
    assert.ok(readInAmsterdam(instant).startsWith('2026-03-29 0'));
  });

  test('the turn of the year', () => {
    assert.equal(iso('2026-12-31', '23:30'), '2026-12-31T22:30:00.000Z');
    assert.equal(iso('2027-01-01', '00:00'), '2026-12-31T23:00:00.000Z');
  });
});

describe('amsterdamWallClock', () => {
  test('what a clock in Amsterdam shows, in winter and summer time', () => {
    assert.deepEqual(amsterdamWallClock(new Date('2026-11-19T13:05:00Z')), { year: 2026, month: 11, day: 19, hour: 14, minute: 5 });
    assert.deepEqual(amsterdamWallClock(new Date('2026-07-01T22:30:00Z')), { year: 2026, month: 7, day: 2, hour: 0, minute: 30 });
    assert.deepEqual(amsterdamWallClock(new Date('2026-12-31T23:00:00Z')), { year: 2027, month: 1, day: 1, hour: 0, minute: 0 });
  });

  test('refuses an invalid Date', () => {
    assert.throws(() => amsterdamWallClock(new Date('not a date')), RangeError);
  });

  test('property: reads as the formatter does, every 997 minutes from 1975 to 2045, around every change and far off', () => {
    const parts = (instant: Date) => {
      const w = amsterdamWallClock(instant);
      return `${String(w.year).padStart(4, '0')}-${String(w.month).padStart(2, '0')}-${String(w.day).padStart(2, '0')} ${String(w.hour).padStart(2, '0')}:${String(w.minute).padStart(2, '0')}`;
    };
    const instants: number[] = [];
    for (let ms = Date.UTC(1975, 0, 1); ms < Date.UTC(2045, 0, 1); ms += 997 * 60_000) instants.push(ms);
    // Each minute of the hours around the changes (the last Sundays of March and October).
    for (let year = 1978; year <= 2040; year += 1) {
      for (const month of [2, 9]) {
        const lastSunday = new Date(Date.UTC(year, month + 1, 0));
        lastSunday.setUTCDate(lastSunday.getUTCDate() - lastSunday.getUTCDay());
        for (let minute = -90; minute <= 90; minute += 3) instants.push(lastSunday.getTime() + 3_600_000 + minute * 60_000);
      }
    }
    instants.push(Date.UTC(1900, 5, 1, 22, 50), Date.UTC(1937, 6, 1, 0, 30), Date.UTC(1979, 11, 31, 23, 30), Date.UTC(2400, 0, 1), -1, 0);
    for (const ms of instants) assert.equal(parts(new Date(ms)), readInAmsterdam(new Date(ms)), new Date(ms).toISOString());
  });
});
