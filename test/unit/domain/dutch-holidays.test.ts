import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { addDays, calendarDate, daysBetween, parseCalendarDate, weekday, Weekday } from '../../../src/domain/calendar-date.ts';
import type { CalendarDate } from '../../../src/domain/calendar-date.ts';
import {
  dutchPublicHolidays,
  easterSunday,
  holidayOn,
  isPublicHoliday,
  isWorkingDay,
  monarchsDay,
  nextWorkingDay,
} from '../../../src/domain/dutch-holidays.ts';

const d = parseCalendarDate;
const YEARS: number[] = Array.from({ length: 101 }, (_, i) => 2000 + i);

function dateOf(year: number, name: string): CalendarDate {
  const found = dutchPublicHolidays(year).filter((h) => h.name === name);
  assert.equal(found.length, 1, `${year}: exactly one ${name}`);
  return found[0]!.date;
}

/**
 * An independent Easter computation for cross-checking: Gauss's method with Lichtenberg's
 * correction, a different formulation from the Anonymous Gregorian algorithm in the module.
 */
function gaussEaster(year: number): CalendarDate {
  const k = Math.floor(year / 100);
  const m = 15 + Math.floor((3 * k + 3) / 4) - Math.floor((8 * k + 13) / 25);
  const s = 2 - Math.floor((3 * k + 3) / 4);
  const a = year % 19;
  const dd = (19 * a + m) % 30;
  const r = Math.floor((dd + Math.floor(a / 11)) / 29);
  const og = 21 + dd - r;
  const sz = 7 - ((year + Math.floor(year / 4) + s) % 7);
  const oe = 7 - ((((og - sz) % 7) + 7) % 7);
  const marchDay = og + oe;
  return marchDay > 31 ? calendarDate(year, 4, marchDay - 31) : calendarDate(year, 3, marchDay);
}

describe('easterSunday', () => {
  it('matches known Easter dates', () => {
    const known: Record<number, string> = {
      1818: '1818-03-22',
      1943: '1943-04-25',
      2000: '2000-04-23',
      2008: '2008-03-23',
      2011: '2011-04-24',
      2016: '2016-03-27',
      2019: '2019-04-21',
      2024: '2024-03-31',
      2025: '2025-04-20',
      2026: '2026-04-05',
      2027: '2027-03-28',
      2038: '2038-04-25',
      2285: '2285-03-22',
    };
    for (const [year, date] of Object.entries(known)) {
      assert.equal(easterSunday(Number(year)), date, `Easter ${year}`);
    }
  });

  it('agrees with an independent algorithm for every year 1583-9999', () => {
    for (let year = 1583; year <= 9999; year += 1) {
      assert.equal(easterSunday(year), gaussEaster(year), `Easter ${year}`);
    }
  });

  it('property 2000-2100: a Sunday between 22 March and 25 April', () => {
    for (const year of YEARS) {
      const easter = easterSunday(year);
      assert.equal(weekday(easter), Weekday.sunday, `${year}`);
      assert.ok(easter >= `${year}-03-22` && easter <= `${year}-04-25`, `${year}: ${easter}`);
    }
  });

  it('refuses years outside the Gregorian range', () => {
    assert.throws(() => easterSunday(1582), RangeError);
    assert.throws(() => easterSunday(2026.5), RangeError);
  });
});

describe('holiday rules, property over 2000-2100', () => {
  it("New Year's Day, 5 May, Christmas and Boxing Day are fixed", () => {
    for (const year of YEARS) {
      assert.equal(dateOf(year, "New Year's Day"), `${year}-01-01`);
      assert.equal(dateOf(year, 'Liberation Day (5 May)'), `${year}-05-05`);
      assert.equal(dateOf(year, 'Christmas Day'), `${year}-12-25`);
      assert.equal(dateOf(year, 'Boxing Day'), `${year}-12-26`);
    }
  });

  it('Good Friday is Easter - 2 and a Friday', () => {
    for (const year of YEARS) {
      const date = dateOf(year, 'Good Friday');
      assert.equal(daysBetween(date, easterSunday(year)), 2);
      assert.equal(weekday(date), Weekday.friday);
    }
  });

  it('Easter Monday is Easter + 1 and a Monday', () => {
    for (const year of YEARS) {
      const date = dateOf(year, 'Easter Monday');
      assert.equal(daysBetween(easterSunday(year), date), 1);
      assert.equal(weekday(date), Weekday.monday);
    }
  });

  it('Ascension Day is Easter + 39, a Thursday between 30 April and 3 June', () => {
    for (const year of YEARS) {
      const date = dateOf(year, 'Ascension Day');
      assert.equal(daysBetween(easterSunday(year), date), 39);
      assert.equal(weekday(date), Weekday.thursday);
      assert.ok(date >= `${year}-04-30` && date <= `${year}-06-03`, date);
    }
  });

  it('Whit Monday is Easter + 50, a Monday between 11 May and 14 June', () => {
    for (const year of YEARS) {
      const date = dateOf(year, 'Whit Monday');
      assert.equal(daysBetween(easterSunday(year), date), 50);
      assert.equal(weekday(date), Weekday.monday);
      assert.ok(date >= `${year}-05-11` && date <= `${year}-06-14`, date);
    }
  });

  it("King's Day (2014-2100): 27 April, or Saturday 26 April when the 27th is a Sunday; never a Sunday", () => {
    for (const year of YEARS.filter((y) => y >= 2014)) {
      const date = dateOf(year, "King's Day");
      const the27th = calendarDate(year, 4, 27);
      assert.notEqual(weekday(date), Weekday.sunday);
      if (weekday(the27th) === Weekday.sunday) {
        assert.equal(date, `${year}-04-26`);
        assert.equal(weekday(date), Weekday.saturday);
      } else {
        assert.equal(date, the27th);
      }
    }
  });

  it("Queen's Day (1980-2013): 30 April, or Saturday 29 April when the 30th is a Sunday", () => {
    for (let year = 1980; year <= 2013; year += 1) {
      const date = monarchsDay(year)?.date;
      const the30th = calendarDate(year, 4, 30);
      assert.equal(monarchsDay(year)?.name, "Queen's Day");
      assert.equal(date, weekday(the30th) === Weekday.sunday ? `${year}-04-29` : the30th, `${year}`);
      assert.notEqual(weekday(date ?? the30th), Weekday.sunday);
    }
  });

  it("Queen's Day (1949-1979): 30 April, or Monday 1 May when the 30th is a Sunday", () => {
    for (let year = 1949; year <= 1979; year += 1) {
      const date = monarchsDay(year)?.date;
      const the30th = calendarDate(year, 4, 30);
      assert.equal(date, weekday(the30th) === Weekday.sunday ? `${year}-05-01` : the30th, `${year}`);
    }
  });

  it("matches known monarch's days", () => {
    assert.equal(monarchsDay(1967)?.date, '1967-05-01');
    assert.equal(monarchsDay(1989)?.date, '1989-04-29');
    assert.equal(monarchsDay(2006)?.date, '2006-04-29');
    assert.equal(monarchsDay(2013)?.date, '2013-04-30');
    assert.equal(monarchsDay(2014)?.date, '2014-04-26');
    assert.equal(monarchsDay(2025)?.date, '2025-04-26');
    assert.equal(monarchsDay(2026)?.date, '2026-04-27');
    assert.equal(monarchsDay(1948), null);
    assert.equal(dutchPublicHolidays(1948).length, 8);
  });

  it('every year has nine holidays, sorted; only Ascension can share a date (with 5 May)', () => {
    for (const year of YEARS) {
      const list = dutchPublicHolidays(year);
      assert.equal(list.length, 9, `${year}`);
      const dates = list.map((h) => h.date);
      assert.deepEqual(dates, [...dates].sort());
      const distinct = new Set(dates).size;
      const ascensionOn5May = easterSunday(year) === addDays(d(`${year}-05-05`), -39);
      assert.equal(distinct, ascensionOn5May ? 8 : 9, `${year}`);
      for (const h of list) {
        assert.ok(h.date.startsWith(`${year}-`));
        assert.ok(h.nameNl.length > 0);
      }
    }
  });

  it('lists the 2026 calendar', () => {
    assert.deepEqual(
      dutchPublicHolidays(2026).map((h) => `${h.date} ${h.nameNl}`),
      [
        '2026-01-01 Nieuwjaarsdag',
        '2026-04-03 Goede Vrijdag',
        '2026-04-06 Tweede Paasdag',
        '2026-04-27 Koningsdag',
        '2026-05-05 Bevrijdingsdag (5 mei)',
        '2026-05-14 Hemelvaartsdag',
        '2026-05-25 Tweede Pinksterdag',
        '2026-12-25 Eerste Kerstdag',
        '2026-12-26 Tweede Kerstdag',
      ],
    );
  });
});

describe('extra dates from configuration', () => {
  it('adds dates of the year only, sorted, without duplicating statutory days', () => {
    const list = dutchPublicHolidays(2026, ['2026-05-15', '2027-05-07', '2026-12-25', '2026-05-15']);
    assert.equal(list.length, 10);
    const extra = list.filter((h) => h.date === '2026-05-15');
    assert.equal(extra.length, 1);
    assert.match(extra[0]!.name, /configured/);
    assert.equal(holidayOn(d('2026-12-25'), ['2026-12-25'])?.name, 'Christmas Day');
    assert.deepEqual(list.map((h) => h.date), [...list.map((h) => h.date)].sort());
  });

  it('makes an extra date a non-working day', () => {
    assert.equal(isWorkingDay(d('2026-05-15')), true);
    assert.equal(isWorkingDay(d('2026-05-15'), ['2026-05-15']), false);
    assert.equal(isPublicHoliday(d('2026-05-15'), ['2026-05-15']), true);
  });

  it('rejects a malformed extra date loudly', () => {
    assert.throws(() => dutchPublicHolidays(2026, ['2026-02-30']), RangeError);
    assert.throws(() => dutchPublicHolidays(2026, ['15-05-2026']), RangeError);
  });
});

describe('working days', () => {
  it('weekends and holidays are not working days', () => {
    assert.equal(isWorkingDay(d('2026-03-16')), true); // Monday
    assert.equal(isWorkingDay(d('2026-12-26')), false); // Saturday and Boxing Day
    assert.equal(isWorkingDay(d('2026-12-27')), false); // Sunday
    assert.equal(isWorkingDay(d('2026-04-27')), false); // King's Day
    assert.equal(isWorkingDay(d('2026-04-03')), false); // Good Friday
    assert.equal(isPublicHoliday(d('2026-04-05')), false); // Easter Sunday: a Sunday, not listed
  });

  it('nextWorkingDay returns the day itself or the first working day after it', () => {
    assert.equal(nextWorkingDay(d('2026-04-28')), '2026-04-28');
    assert.equal(nextWorkingDay(d('2026-04-27')), '2026-04-28');
    assert.equal(nextWorkingDay(d('2026-04-25')), '2026-04-28');
    assert.equal(nextWorkingDay(d('2026-12-25')), '2026-12-28');
    assert.equal(nextWorkingDay(d('2025-12-25')), '2025-12-29'); // Thu, Fri, Sat, Sun
    assert.equal(nextWorkingDay(d('2026-05-14'), ['2026-05-15']), '2026-05-18');
    // The longest run in 2000-2100: Good Friday 23 April 2038, the Easter weekend, Easter Monday,
    // then King's Day on Tuesday 27 April.
    assert.equal(nextWorkingDay(d('2038-04-23')), '2038-04-28');
  });

  it('property 2000-2100: nextWorkingDay is the first working day on or after a date, within 5 days', () => {
    let day = d('2000-01-01');
    while (day !== '2101-01-01') {
      const next = nextWorkingDay(day);
      assert.ok(isWorkingDay(next));
      assert.notEqual(weekday(next), Weekday.saturday);
      assert.notEqual(weekday(next), Weekday.sunday);
      const gap = daysBetween(day, next);
      assert.ok(gap >= 0 && gap <= 5, `${day} -> ${next}`);
      for (let i = 0; i < gap; i += 1) assert.equal(isWorkingDay(addDays(day, i)), false);
      day = addDays(day, 1);
    }
  });

  it('gives up clearly when configuration leaves no working day', () => {
    const everyDay: string[] = [];
    for (let day = d('2026-01-01'); day <= '2027-12-31'; day = addDays(day, 1)) everyDay.push(day);
    assert.throws(() => nextWorkingDay(d('2026-03-02'), everyDay), /no working day/);
  });
});
