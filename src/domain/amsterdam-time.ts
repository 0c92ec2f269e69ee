/**
 * Wall-clock time in Europe/Amsterdam, both ways, across daylight-saving changes. Pure. The one
 * Intl formatter for the zone lives here (building one is costly; it holds no state between
 * calls), asked once per UTC hour for the offset (below): the receipt day (`calendar-date.ts`)
 * and dates in officer mail (`format-date.ts`) read their parts from `amsterdamWallClock`.
 */
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/** Wall-clock parts in Amsterdam, as numbers (month 1-12, hour 0-23). */
export interface WallClock {
  year: number;
  month: number;
  day: number;
  hour: number;
  minute: number;
}

/** What a clock in Amsterdam shows at an instant. Throws a RangeError for an invalid Date. */
export function amsterdamWallClock(instant: Date): WallClock {
  const ms = instant.getTime();
  if (Number.isNaN(ms)) throw new RangeError('amsterdamWallClock needs a valid Date');
  if (ms < HOURLY_OFFSETS_FROM) return formattedWallClock(instant);
  // The UTC fields of the instant moved by the offset are the wall-clock fields.
  const wall = new Date(ms + offsetMinutesAt(ms) * 60_000);
  return { year: wall.getUTCFullYear(), month: wall.getUTCMonth() + 1, day: wall.getUTCDate(), hour: wall.getUTCHours(), minute: wall.getUTCMinutes() };
}

function formattedWallClock(instant: Date): WallClock {
  const clock: WallClock = { year: 0, month: 0, day: 0, hour: 0, minute: 0 };
  for (const part of formatter.formatToParts(instant)) {
    if (part.type === 'year' || part.type === 'month' || part.type === 'day' || part.type === 'hour' || part.type === 'minute') {
      clock[part.type] = Number(part.value);
    }
  }
  return clock;
}

/**
 * Amsterdam's offset changes only on the hour (01:00 UTC), so it is the same for a whole UTC
 * hour: remembered per hour, since formatToParts is costly (about 12 µs a call on the
 * development machine, against 3 µs for the whole of amsterdamDateOf with the offset
 * remembered). Every record plans its reminders with it, and intake and triage ask the
 * Amsterdam day of several instants per message. That holds since the EU rules of 1980 (the
 * changes at 01:00 UTC); before, the Netherlands had offsets such as +00:19:32 and changes off
 * the hour, so older instants are read from the formatter each time.
 */
const HOURLY_OFFSETS_FROM = Date.UTC(1980, 0, 1);
const offsetByHour = new Map<number, number>();
const HOUR_MS = 3_600_000;

function offsetMinutesAt(instant: number): number {
  const hour = Math.floor(instant / HOUR_MS);
  const known = offsetByHour.get(hour);
  if (known !== undefined) return known;
  if (offsetByHour.size > 10_000) offsetByHour.clear();
  const offset = computeOffsetMinutes(hour * HOUR_MS);
  offsetByHour.set(hour, offset);
  return offset;
}

function computeOffsetMinutes(instant: number): number {
  const wall = formattedWallClock(new Date(instant));
  const asUtc = Date.UTC(wall.year, wall.month - 1, wall.day, wall.hour, wall.minute);
  return Math.round((asUtc - Math.floor(instant / 60_000) * 60_000) / 60_000);
}

/** The instant at which it is `time` (HH:MM) on `date` (YYYY-MM-DD) in Amsterdam. */
export function amsterdamInstant(date: string, time: string): Date {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const [hh, mm] = time.split(':').map(Number) as [number, number];
  const wall = Date.UTC(y, m - 1, d, hh, mm);
  let guess = wall - offsetMinutesAt(wall) * 60_000;
  guess = wall - offsetMinutesAt(guess) * 60_000;
  return new Date(guess);
}
