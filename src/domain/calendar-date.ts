import { z } from 'zod';

/**
 * A calendar day as an ISO 8601 string `YYYY-MM-DD`, without time or zone. Legal terms count whole
 * days, so days are compared and added as strings mapped to a UTC day number; the local time zone
 * of the machine never enters the arithmetic. The only place a zone matters is turning an instant
 * (IMAP INTERNALDATE) into the day of receipt, which is `amsterdamDateOf`.
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

// Built once: constructing an Intl formatter is costly and it holds no state between calls.
const AMSTERDAM_DAY = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Europe/Amsterdam',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
});

/**
 * The calendar day in Europe/Amsterdam on which an instant falls: the receipt date of a message is
 * the Amsterdam day of its IMAP INTERNALDATE (2026-11-19T23:30Z is 2026-11-20 in Amsterdam).
 */
export function amsterdamDateOf(instant: Date): CalendarDate {
  if (Number.isNaN(instant.getTime())) throw new RangeError('amsterdamDateOf needs a valid Date');
  let year = '';
  let month = '';
  let day = '';
  for (const part of AMSTERDAM_DAY.formatToParts(instant)) {
    if (part.type === 'year') year = part.value;
    else if (part.type === 'month') month = part.value;
    else if (part.type === 'day') day = part.value;
  }
  return parseCalendarDate(`${year.padStart(4, '0')}-${month}-${day}`);
}
