/** Wall-clock time in Europe/Amsterdam to an instant, across daylight-saving changes. Pure. */
const formatter = new Intl.DateTimeFormat('en-GB', {
  timeZone: 'Europe/Amsterdam',
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
});

/**
 * Amsterdam's offset changes only on the hour (01:00 UTC), so it is the same for a whole UTC
 * hour: remembered per hour, since formatToParts is costly and every record plans its reminders
 * with it (the intake profile of November 2026 found it the largest single CPU cost).
 */
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
  const parts = Object.fromEntries(formatter.formatToParts(new Date(instant)).map((p) => [p.type, p.value]));
  const asUtc = Date.UTC(Number(parts['year']), Number(parts['month']) - 1, Number(parts['day']), Number(parts['hour']), Number(parts['minute']));
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
