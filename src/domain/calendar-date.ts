import { z } from 'zod';
import { amsterdamWallClock } from './amsterdam-time.ts';

/**
 * A calendar day as an ISO 8601 string `YYYY-MM-DD`, without time or zone. Legal terms count whole
 * days, so days are compared and added as strings mapped to a UTC day number; the local time zone
 * of the machine never enters the arithmetic. The only place a zone matters is turning an instant
 * (IMAP INTERNALDATE) into the day of receipt, which is `amsterdamDateOf`.
 *
 * The one calendar of the service: deadlines, holidays, reminders, retention and triage's
 * incident dates (as `CalendarDay` numbers, below) all count days here, with one leap-day rule
 * for "a year later" (`addYears`).
 */
export type CalendarDate = string & z.$brand<'CalendarDate'>;

const MS_PER_DAY = 86_400_000;
const SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Day number since 1970-01-01 (UTC), or null when the string is not an existing calendar day. */
function toDayNumber(value: string): number | null {
  const match = SHAPE.exec(value);
  if (!match) return null;
  const year = Number(match[1]);
  const month = Number(match[2]);
  const day = Number(match[3]);
  // setUTCFullYear, unlike Date.UTC, does not map years 0-99 onto 1900-1999.
  const date = new Date(0);
  date.setUTCFullYear(year, month - 1, day);
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null; // 2026-02-30 rolls over into March
  }
  return Math.round(date.getTime() / MS_PER_DAY);
}

function fromDayNumber(dayNumber: number): CalendarDate {
  const date = new Date(dayNumber * MS_PER_DAY);
  const year = date.getUTCFullYear();
  if (!Number.isFinite(year) || year < 0 || year > 9999) {
    throw new RangeError('date arithmetic left the years 0000-9999');
  }
  const mm = String(date.getUTCMonth() + 1).padStart(2, '0');
  const dd = String(date.getUTCDate()).padStart(2, '0');
  return `${String(year).padStart(4, '0')}-${mm}-${dd}` as CalendarDate;
}

export const CalendarDateSchema = z
  .string({ error: 'expected a date as YYYY-MM-DD' })
  .regex(SHAPE, 'expected a date as YYYY-MM-DD, e.g. 2026-03-16')
  .refine((v) => toDayNumber(v) !== null, 'this day does not exist in the calendar (check day and month)')
  .brand<'CalendarDate'>();

export function isCalendarDate(value: unknown): value is CalendarDate {
  return typeof value === 'string' && toDayNumber(value) !== null;
}

/** Throws a RangeError that names the expected format; use the schema where input comes from people. */
export function parseCalendarDate(value: string): CalendarDate {
  if (!isCalendarDate(value)) {
    throw new RangeError(`not an existing calendar date as YYYY-MM-DD: ${JSON.stringify(value)}`);
  }
  return value;
}

function dayNumberOf(date: CalendarDate): number {
  const n = toDayNumber(date);
  if (n === null) throw new RangeError(`not an existing calendar date as YYYY-MM-DD: ${JSON.stringify(date)}`);
  return n;
}

/** Builds a date from numbers (month 1-12); throws when the day does not exist. */
export function calendarDate(year: number, month: number, day: number): CalendarDate {
  return parseCalendarDate(
    `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`,
  );
}

export function yearOf(date: CalendarDate): number {
  return Number(date.slice(0, 4));
}

export function addDays(date: CalendarDate, days: number): CalendarDate {
  if (!Number.isInteger(days)) throw new RangeError('addDays expects a whole number of days');
  return fromDayNumber(dayNumberOf(date) + days);
}

/** Days from `from` to `to`: positive when `to` is later. */
export function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return dayNumberOf(to) - dayNumberOf(from);
}

/** -1, 0 or 1; the fixed-width ISO form makes string order equal to calendar order. */
export function compareDates(a: CalendarDate, b: CalendarDate): -1 | 0 | 1 {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** ISO 8601 weekday: 1 = Monday ... 6 = Saturday, 7 = Sunday. */
export const Weekday = {
  monday: 1,
  tuesday: 2,
  wednesday: 3,
  thursday: 4,
  friday: 5,
  saturday: 6,
  sunday: 7,
} as const;
export type Weekday = (typeof Weekday)[keyof typeof Weekday];

export function weekday(date: CalendarDate): Weekday {
  // 1970-01-01 was a Thursday (4).
  const d = (((dayNumberOf(date) + 3) % 7) + 7) % 7; // 0 = Monday
  return (d + 1) as Weekday;
}

export function isWeekend(date: CalendarDate): boolean {
  return weekday(date) >= Weekday.saturday;
}

const WEEKDAY_NAMES_EN = ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'] as const;

export function weekdayName(date: CalendarDate): string {
  return WEEKDAY_NAMES_EN[weekday(date) - 1] ?? '';
}

/**
 * The calendar day in Europe/Amsterdam on which an instant falls: the receipt date of a message is
 * the Amsterdam day of its IMAP INTERNALDATE (2026-11-19T23:30Z is 2026-11-20 in Amsterdam).
 */
export function amsterdamDateOf(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('amsterdamDateOf needs a valid Date');
  const { year, month, day } = amsterdamWallClock(instant);
  return calendarDate(year, month, day);
}

export function isLeapYear(year: number): boolean {
  return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31] as const;

/** Days in a month (1-12) of a year; 0 for a month that does not exist. */
export function daysInMonth(year: number, month: number): number {
  if (month === 2 && isLeapYear(year)) return 29;
  return MONTH_DAYS[month - 1] ?? 0;
}

/**
 * The same day `years` later (earlier when negative). **Leap-day rule:** when that day does not
 * exist, because the start is 29 February and the target year is a common year, the result is the
 * last day of the month, 28 February (the end-of-month rule of EU Regulation 1182/71, art.
 * 3(2)(c)). One rule for every "a year later" in the service: the Awb 9:8(1)(b) check (an
 * incident on 29 February 2024 is more than a year old on 1 March 2025) and the retention period
 * (a record closed on 29 February 2024 is kept, with RETENTION_YEARS=1, until 28 February 2025).
 */
export function addYears(date: CalendarDate, years: number): CalendarDate {
  if (!Number.isInteger(years)) throw new RangeError('addYears expects a whole number of years');
  const year = yearOf(date) + years;
  const month = Number(date.slice(5, 7));
  const day = Number(date.slice(8, 10));
  return calendarDate(year, month, Math.min(day, daysInMonth(year, month)));
}

/*
 * The same days as numbers, for triage, which builds days from parts of a text ("14 maart",
 * "vorige week dinsdag"). Arithmetic goes through CalendarDate, so the rules above hold for both.
 */

/** A calendar day as numbers (month 1-12); valid when `isValidDay` says so. */
export interface CalendarDay {
  year: number;
  month: number;
  day: number;
}

export function isValidDay(year: number, month: number, day: number): boolean {
  return Number.isInteger(year) && Number.isInteger(day) && day >= 1 && day <= daysInMonth(year, month);
}

export function dayOf(date: CalendarDate): CalendarDay {
  return { year: yearOf(date), month: Number(date.slice(5, 7)), day: Number(date.slice(8, 10)) };
}

export function dateOfDay(day: CalendarDay): CalendarDate {
  return calendarDate(day.year, day.month, day.day);
}

/** The Amsterdam day of an instant, as numbers (see `amsterdamDateOf`). */
export function amsterdamDay(instant: Date): CalendarDay {
  return dayOf(amsterdamDateOf(instant));
}

/** Negative when a is before b, 0 on the same day, positive when after. */
export function compareDays(a: CalendarDay, b: CalendarDay): number {
  return a.year - b.year || a.month - b.month || a.day - b.day;
}

export function addDaysToDay(day: CalendarDay, days: number): CalendarDay {
  return dayOf(addDays(dateOfDay(day), days));
}

/** The same day a year later, by the leap-day rule of `addYears`: 29 February 2024 becomes 28 February 2025. */
export function addOneYear(day: CalendarDay): CalendarDay {
  return dayOf(addYears(dateOfDay(day), 1));
}

/** `YYYY-MM-DD`. */
export function formatDay(day: CalendarDay): string {
  return `${String(day.year).padStart(4, '0')}-${String(day.month).padStart(2, '0')}-${String(day.day).padStart(2, '0')}`;
}
