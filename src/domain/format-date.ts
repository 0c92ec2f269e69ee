import { AppError } from '../errors.ts';
import { amsterdamWallClock } from './amsterdam-time.ts';
import type { Language } from './reply-types.ts';

/**
 * Dates as people read them in a letter: "19 november 2026" (Dutch, month in lower case) and
 * "19 November 2026" (English). Month names are spelt out here rather than taken from Intl so
 * the text never depends on the ICU data a Node build happens to ship.
 */
export const MONTH_NAMES: Readonly<Record<Language, readonly string[]>> = {
  nl: ['januari', 'februari', 'maart', 'april', 'mei', 'juni', 'juli', 'augustus', 'september', 'oktober', 'november', 'december'],
  en: ['January', 'February', 'March', 'April', 'May', 'June', 'July', 'August', 'September', 'October', 'November', 'December'],
};

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** "2026-11-19" -> "19 november 2026" (nl) or "19 November 2026" (en). A calendar date, no time zone. */
export function formatLongDate(isoDate: string, lang: Language): string {
  const match = ISO_DATE.exec(isoDate);
  const year = Number(match?.[1]);
  const month = Number(match?.[2]);
  const day = Number(match?.[3]);
  const probe = new Date(Date.UTC(year, month - 1, day));
  if (
    !match ||
    probe.getUTCFullYear() !== year ||
    probe.getUTCMonth() !== month - 1 ||
    probe.getUTCDate() !== day
  ) {
    throw new AppError('date_invalid', 'Expected a calendar date as YYYY-MM-DD, for example 2026-11-19.', {
      permanent: true,
    });
  }
  return `${day} ${MONTH_NAMES[lang][month - 1]} ${year}`;
}

/**
 * An instant as a long date and a 24-hour time in Europe/Amsterdam:
 * "19 november 2026, 14:05" / "19 November 2026, 14:05". For officer mails.
 */
export function formatLongDateTime(instant: Date, lang: Language): string {
  if (Number.isNaN(instant.getTime())) {
    throw new AppError('date_invalid', 'Expected a valid point in time.', { permanent: true });
  }
  const wall = amsterdamWallClock(instant);
  const pad = (n: number) => String(n).padStart(2, '0');
  const date = formatLongDate(`${String(wall.year).padStart(4, '0')}-${pad(wall.month)}-${pad(wall.day)}`, lang);
  return `${date}, ${pad(wall.hour)}:${pad(wall.minute)}`;
}

/** The language whose month names a long date ("19 november 2026", optionally ", 14:05") uses, or null. */
export function longDateLanguage(value: string): Language | null {
  const match = /^\d{1,2} (\p{L}+) \d{4}(?:, \d{2}:\d{2})?$/u.exec(value);
  if (!match) return null;
  for (const lang of ['nl', 'en'] as const) {
    if (MONTH_NAMES[lang].includes(match[1] ?? '')) return lang;
  }
  return null;
}
