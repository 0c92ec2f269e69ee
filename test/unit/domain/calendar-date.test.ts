import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import {
  addDays,
  addDaysToDay,
  addOneYear,
  addYears,
  amsterdamDateOf,
  amsterdamDay,
  compareDays,
  daysInMonth,
  formatDay,
  isLeapYear,
  isValidDay,
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

describe('addYears: one leap-day rule for "a year later"', () => {
  it('keeps the day and month', () => {
    assert.equal(addYears(d('2026-03-16'), 1), '2027-03-16');
    assert.equal(addYears(d('2026-03-16'), -5), '2021-03-16');
    assert.equal(addYears(d('2024-02-29'), 4), '2028-02-29');
  });

  it('29 February into a common year is 28 February, forward and back', () => {
    assert.equal(addYears(d('2024-02-29'), 1), '2025-02-28');
    assert.equal(addYears(d('2028-02-29'), -5), '2023-02-28');
    assert.equal(addYears(d('2000-02-29'), 100), '2100-02-28', '2100 is not a leap year');
  });

  it('refuses a fraction of a year', () => {
    assert.throws(() => addYears(d('2026-01-01'), 0.5), RangeError);
  });

  it('leap years and month lengths', () => {
    assert.deepEqual([1900, 2000, 2024, 2026].map(isLeapYear), [false, true, true, false]);
    assert.deepEqual([1, 2, 4, 12].map((month) => daysInMonth(2024, month)), [31, 29, 30, 31]);
    assert.equal(daysInMonth(2026, 2), 28);
    assert.equal(daysInMonth(2026, 13), 0);
  });
});

describe('CalendarDay: the same calendar as numbers (triage)', () => {
  it('validates, compares and formats', () => {
    assert.equal(isValidDay(2024, 2, 29), true);
    assert.equal(isValidDay(2026, 2, 29), false);
    assert.equal(isValidDay(2026, 0, 1), false);
    assert.equal(isValidDay(2026, 4, 31), false);
    assert.ok(compareDays({ year: 2026, month: 1, day: 31 }, { year: 2026, month: 2, day: 1 }) < 0);
    assert.equal(compareDays({ year: 2026, month: 2, day: 1 }, { year: 2026, month: 2, day: 1 }), 0);
    assert.equal(formatDay({ year: 2026, month: 3, day: 9 }), '2026-03-09');
  });

  it('adds days and a year with the rules of CalendarDate', () => {
    assert.deepEqual(addDaysToDay({ year: 2026, month: 12, day: 31 }, 1), { year: 2027, month: 1, day: 1 });
    assert.deepEqual(addDaysToDay({ year: 2024, month: 3, day: 1 }, -1), { year: 2024, month: 2, day: 29 });
    assert.deepEqual(addOneYear({ year: 2024, month: 2, day: 29 }), { year: 2025, month: 2, day: 28 });
    assert.deepEqual(addOneYear({ year: 2025, month: 3, day: 1 }), { year: 2026, month: 3, day: 1 });
  });

  it('the Amsterdam day of an instant', () => {
    assert.deepEqual(amsterdamDay(new Date('2026-11-19T23:30:00Z')), { year: 2026, month: 11, day: 20 });
    assert.throws(() => amsterdamDay(new Date('not a date')), RangeError);
  });
});
