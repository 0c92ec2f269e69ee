import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  amsterdamDateOf,
  calendarDate,
  CalendarDateSchema,
  compareDates,
  daysBetween,
  isCalendarDate,
  isWeekend,
  parseCalendarDate,
  weekday,
  Weekday,
  weekdayName,
  yearOf,
} from '../../../src/domain/calendar-date.ts';

const d = parseCalendarDate;

describe('parseCalendarDate / CalendarDateSchema', () => {
  it('accepts existing days, leap days included', () => {
    for (const v of ['2026-03-16', '2024-02-29', '2000-02-29', '1999-12-31', '2100-12-31']) {
      assert.equal(parseCalendarDate(v), v);
      assert.equal(CalendarDateSchema.parse(v), v);
    }
  });

  it('rejects days that do not exist', () => {
    for (const v of ['2026-02-30', '2025-02-29', '2100-02-29', '2026-04-31', '2026-13-01', '2026-00-10', '2026-01-00']) {
      assert.equal(isCalendarDate(v), false, v);
      assert.throws(() => parseCalendarDate(v), RangeError);
      const result = CalendarDateSchema.safeParse(v);
      assert.equal(result.success, false);
      assert.match(result.error?.issues[0]?.message ?? '', /does not exist/);
    }
  });

  it('rejects other shapes with a message that names the format', () => {
    for (const v of ['2026-3-16', '16-03-2026', '2026-03-16T00:00:00Z', ' 2026-03-16', '', '20260316']) {
      assert.equal(isCalendarDate(v), false, v);
      const result = CalendarDateSchema.safeParse(v);
      assert.equal(result.success, false);
      assert.match(result.error?.issues[0]?.message ?? '', /YYYY-MM-DD/);
    }
    assert.equal(CalendarDateSchema.safeParse(20260316).success, false);
    assert.equal(isCalendarDate(undefined), false);
  });

  it('builds dates from numbers and refuses impossible ones', () => {
    assert.equal(calendarDate(2026, 3, 16), '2026-03-16');
    assert.equal(calendarDate(33, 1, 1), '0033-01-01');
    assert.throws(() => calendarDate(2026, 2, 30), RangeError);
  });
});

describe('day arithmetic', () => {
  it('adds days across months, years and leap days', () => {
    assert.equal(addDays(d('2026-11-19'), 42), '2026-12-31');
    assert.equal(addDays(d('2026-12-31'), 1), '2027-01-01');
    assert.equal(addDays(d('2024-02-28'), 1), '2024-02-29');
    assert.equal(addDays(d('2100-02-28'), 1), '2100-03-01');
    assert.equal(addDays(d('2026-03-01'), -1), '2026-02-28');
    assert.equal(addDays(d('2026-03-16'), 0), '2026-03-16');
  });

  it('refuses fractional days and dates outside four-digit years', () => {
    assert.throws(() => addDays(d('2026-03-16'), 1.5), RangeError);
    assert.throws(() => addDays(d('9999-12-31'), 1), RangeError);
  });

  it('is independent of the process time zone: days around DST changes are 1 apart', () => {
    assert.equal(daysBetween(d('2026-03-28'), d('2026-03-29')), 1);
    assert.equal(daysBetween(d('2026-03-29'), d('2026-03-30')), 1);
    assert.equal(daysBetween(d('2026-10-24'), d('2026-10-26')), 2);
  });

  it('property: every day 2000-2100 is one after the previous, with the next weekday', () => {
    let day = d('2000-01-01');
    assert.equal(weekday(day), Weekday.saturday);
    let count = 0;
    while (day !== '2101-01-01') {
      const next = addDays(day, 1);
      assert.equal(daysBetween(day, next), 1);
      assert.equal(addDays(next, -1), day);
      assert.equal(compareDates(day, next), -1);
      assert.equal(weekday(next), (weekday(day) % 7) + 1);
      assert.ok(isCalendarDate(next));
      day = next;
      count += 1;
    }
    assert.equal(count, 36890); // 101 years, 25 leap years (2100 is not one)
    assert.equal(daysBetween(d('2000-01-01'), d('2101-01-01')), 36890);
  });

  it('daysBetween is signed and compareDates orders', () => {
    assert.equal(daysBetween(d('2026-03-16'), d('2026-04-27')), 42);
    assert.equal(daysBetween(d('2026-04-27'), d('2026-03-16')), -42);
    assert.equal(compareDates(d('2026-03-16'), d('2026-03-16')), 0);
    assert.equal(compareDates(d('2027-01-01'), d('2026-12-31')), 1);
    assert.equal(yearOf(d('2026-03-16')), 2026);
  });
});

describe('weekday', () => {
  it('knows the weekdays of the worked examples', () => {
    assert.equal(weekday(d('2026-11-19')), Weekday.thursday);
    assert.equal(weekday(d('2026-12-31')), Weekday.thursday);
    assert.equal(weekday(d('2026-03-16')), Weekday.monday);
    assert.equal(weekday(d('2026-04-28')), Weekday.tuesday);
    assert.equal(weekday(d('2026-11-13')), Weekday.friday);
    assert.equal(weekday(d('2026-12-27')), Weekday.sunday);
    assert.equal(weekday(d('1970-01-01')), Weekday.thursday);
    assert.equal(weekday(d('1969-12-28')), Weekday.sunday);
    assert.equal(weekdayName(d('2026-12-26')), 'Saturday');
  });

  it('isWeekend is Saturday and Sunday only', () => {
    assert.equal(isWeekend(d('2026-12-26')), true);
    assert.equal(isWeekend(d('2026-12-27')), true);
    assert.equal(isWeekend(d('2026-12-28')), false);
    assert.equal(isWeekend(d('2026-12-25')), false);
  });
});

describe('amsterdamDateOf', () => {
  it('uses the Amsterdam day, not the UTC day', () => {
    assert.equal(amsterdamDateOf(new Date('2026-11-19T23:30:00Z')), '2026-11-20');
    assert.equal(amsterdamDateOf(new Date('2026-11-19T22:59:59Z')), '2026-11-19');
    assert.equal(amsterdamDateOf(new Date('2026-11-19T23:00:00Z')), '2026-11-20');
  });

  it('follows summer time (UTC+2)', () => {
    assert.equal(amsterdamDateOf(new Date('2026-06-30T21:59:59Z')), '2026-06-30');
    assert.equal(amsterdamDateOf(new Date('2026-06-30T22:00:00Z')), '2026-07-01');
  });

  it('handles the DST change days', () => {
    // 29 March 2026: clocks go from 02:00 CET to 03:00 CEST (01:00Z).
    assert.equal(amsterdamDateOf(new Date('2026-03-28T22:59:00Z')), '2026-03-28');
    assert.equal(amsterdamDateOf(new Date('2026-03-28T23:00:00Z')), '2026-03-29');
    assert.equal(amsterdamDateOf(new Date('2026-03-29T21:59:00Z')), '2026-03-29');
    assert.equal(amsterdamDateOf(new Date('2026-03-29T22:00:00Z')), '2026-03-30');
    // 25 October 2026: clocks go from 03:00 CEST back to 02:00 CET (01:00Z).
    assert.equal(amsterdamDateOf(new Date('2026-10-24T21:59:00Z')), '2026-10-24');
    assert.equal(amsterdamDateOf(new Date('2026-10-24T22:00:00Z')), '2026-10-25');
    assert.equal(amsterdamDateOf(new Date('2026-10-25T22:59:00Z')), '2026-10-25');
    assert.equal(amsterdamDateOf(new Date('2026-10-25T23:00:00Z')), '2026-10-26');
  });

  it('handles New Year in Amsterdam', () => {
    assert.equal(amsterdamDateOf(new Date('2026-12-31T23:00:00Z')), '2027-01-01');
    assert.equal(amsterdamDateOf(new Date('2026-12-31T22:59:59.999Z')), '2026-12-31');
  });

  it('refuses an invalid Date', () => {
    assert.throws(() => amsterdamDateOf(new Date('not a date')), RangeError);
  });
});
