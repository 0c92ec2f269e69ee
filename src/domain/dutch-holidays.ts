import { addDays, calendarDate, isWeekend, parseCalendarDate, weekday, Weekday, yearOf } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';

/**
 * The "algemeen erkende feestdagen" of the Algemene termijnenwet (art. 3), the days on which a
 * statutory term may not end: New Year's Day, Good Friday, Easter Monday, the King's (or Queen's)
 * birthday as celebrated, 5 May, Ascension Day, Whit Monday, Christmas Day and Boxing Day. Easter
 * Sunday and Whit Sunday are Sundays and need no entry. A Royal Decree under art. 3(3) can make
 * other days equal to a holiday (in practice bridging days such as the Friday after Ascension), so
 * those come from configuration as `extraDates`.
 *
 * The monarch's day, historically:
 * - from 2014, King's Day: 27 April, or Saturday 26 April when the 27th is a Sunday;
 * - 1980-2013, Queen's Day: 30 April, or Saturday 29 April when the 30th is a Sunday;
 * - 1949-1979, Queen's Day: 30 April, or Monday 1 May when the 30th is a Sunday (the Sunday rule
 *   changed when Beatrix acceded in 1980);
 * - before 1949 (Wilhelmina, 31 August) it is not modelled: the Algemene termijnenwet dates from
 *   1965, and complaints are never that old.
 * 5 May counts every year, as the Act says, whatever collective agreements do about a day off.
 */

export type Holiday = {
  date: CalendarDate;
  /** English name, used in explanations such as a deadline's `reason`. */
  name: string;
  /** Dutch name, for Dutch letters and screens. */
  nameNl: string;
};

export const HOLIDAY_NAMES = {
  newYear: { name: "New Year's Day", nameNl: 'Nieuwjaarsdag' },
  goodFriday: { name: 'Good Friday', nameNl: 'Goede Vrijdag' },
  easterMonday: { name: 'Easter Monday', nameNl: 'Tweede Paasdag' },
  kingsDay: { name: "King's Day", nameNl: 'Koningsdag' },
  queensDay: { name: "Queen's Day", nameNl: 'Koninginnedag' },
  liberationDay: { name: 'Liberation Day (5 May)', nameNl: 'Bevrijdingsdag (5 mei)' },
  ascension: { name: 'Ascension Day', nameNl: 'Hemelvaartsdag' },
  whitMonday: { name: 'Whit Monday', nameNl: 'Tweede Pinksterdag' },
  christmas: { name: 'Christmas Day', nameNl: 'Eerste Kerstdag' },
  boxingDay: { name: 'Boxing Day', nameNl: 'Tweede Kerstdag' },
  extra: { name: 'a day equal to a public holiday (configured)', nameNl: 'gelijkgestelde feestdag (configuratie)' },
} as const;

function assertYear(year: number): void {
  if (!Number.isInteger(year) || year < 1583 || year > 9999) {
    throw new RangeError('holiday rules need a whole Gregorian year from 1583 to 9999');
  }
}

/** Easter Sunday in the Gregorian calendar (Anonymous Gregorian algorithm, Meeus/Jones/Butcher). */
export function easterSunday(year: number): CalendarDate {
  assertYear(year);
  const a = year % 19;
  const b = Math.floor(year / 100);
  const c = year % 100;
  const d = Math.floor(b / 4);
  const e = b % 4;
  const f = Math.floor((b + 8) / 25);
  const g = Math.floor((b - f + 1) / 3);
  const h = (19 * a + b - d - g + 15) % 30;
  const i = Math.floor(c / 4);
  const k = c % 4;
  const l = (32 + 2 * e + 2 * i - h - k) % 7;
  const m = Math.floor((a + 11 * h + 22 * l) / 451);
  const month = Math.floor((h + l - 7 * m + 114) / 31);
  const day = ((h + l - 7 * m + 114) % 31) + 1;
  return calendarDate(year, month, day);
}

/** The day the monarch's birthday is celebrated, or null for years before 1949 (see above). */
export function monarchsDay(year: number): Holiday | null {
  assertYear(year);
  if (year >= 2014) {
    const birthday = calendarDate(year, 4, 27);
    const date = weekday(birthday) === Weekday.sunday ? addDays(birthday, -1) : birthday;
    return { date, ...HOLIDAY_NAMES.kingsDay };
  }
  if (year >= 1949) {
    const birthday = calendarDate(year, 4, 30);
    const onSunday = weekday(birthday) === Weekday.sunday;
    const date = !onSunday ? birthday : year >= 1980 ? addDays(birthday, -1) : addDays(birthday, 1);
    return { date, ...HOLIDAY_NAMES.queensDay };
  }
  return null;
}

/**
 * All public holidays of `year`, sorted by date, plus those `extraDates` that fall in `year`.
 * An extra date that is already a statutory holiday keeps the statutory name. Throws a RangeError
 * when an extra date is not an existing `YYYY-MM-DD` day, so a typo in configuration is loud.
 */
export function dutchPublicHolidays(year: number, extraDates: readonly string[] = []): Holiday[] {
  assertYear(year);
  const easter = easterSunday(year);
  const holidays: Holiday[] = [
    { date: calendarDate(year, 1, 1), ...HOLIDAY_NAMES.newYear },
    { date: addDays(easter, -2), ...HOLIDAY_NAMES.goodFriday },
    { date: addDays(easter, 1), ...HOLIDAY_NAMES.easterMonday },
    { date: calendarDate(year, 5, 5), ...HOLIDAY_NAMES.liberationDay },
    { date: addDays(easter, 39), ...HOLIDAY_NAMES.ascension },
    { date: addDays(easter, 50), ...HOLIDAY_NAMES.whitMonday },
    { date: calendarDate(year, 12, 25), ...HOLIDAY_NAMES.christmas },
    { date: calendarDate(year, 12, 26), ...HOLIDAY_NAMES.boxingDay },
  ];
  const monarch = monarchsDay(year);
  if (monarch) holidays.push(monarch);
  const seen = new Set<string>(holidays.map((h) => h.date));
  for (const raw of extraDates) {
    const date = parseCalendarDate(raw);
    if (yearOf(date) !== year || seen.has(date)) continue;
    seen.add(date);
    holidays.push({ date, ...HOLIDAY_NAMES.extra });
  }
  return holidays.sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
}

/** The holiday on `date`, or null. */
export function holidayOn(date: CalendarDate, extraDates: readonly string[] = []): Holiday | null {
  return dutchPublicHolidays(yearOf(date), extraDates).find((h) => h.date === date) ?? null;
}

export function isPublicHoliday(date: CalendarDate, extraDates: readonly string[] = []): boolean {
  return holidayOn(date, extraDates) !== null;
}

/** Monday to Friday and not a public holiday: a day on which a statutory term may end. */
export function isWorkingDay(date: CalendarDate, extraDates: readonly string[] = []): boolean {
  return !isWeekend(date) && !isPublicHoliday(date, extraDates);
}

/** `date` itself when it is a working day, otherwise the first working day after it. */
export function nextWorkingDay(date: CalendarDate, extraDates: readonly string[] = []): CalendarDate {
  let day = date;
  // Never more than a handful of steps (Christmas plus a weekend plus configured days); the bound
  // guards against a configuration that lists every day.
  for (let step = 0; step < 366; step += 1) {
    if (isWorkingDay(day, extraDates)) return day;
    day = addDays(day, 1);
  }
  throw new RangeError('no working day within a year; check the configured extra holidays');
}
