import { addDaysToDay as addDays, addOneYear, amsterdamDay, compareDays, daysInMonth, formatDay, isValidDay } from '../calendar-date.ts';
import type { CalendarDay } from '../calendar-date.ts';

/**
 * The date of the conduct complained about: `op 3 november`, `14 oktober 2026`, `3-11-2026`,
 * `maart 2023`, `on 3 November`, `gisteren`. Dates without a year are the last such day on or
 * before the receipt day (Europe/Amsterdam). Letter dates, birth dates and future dates are not
 * the incident. Among the rest, a date in a sentence about what staff did wins over background.
 */
export interface IncidentDate {
  /** `2026-11-03`, `2023-03` when only a month is given, `2019` when only a year. */
  iso: string;
  /** The last day the date covers (the month's last day for a month). */
  lastDay: CalendarDay;
  rule: 'conduct_sentence' | 'first_mentioned';
}

const MONTHS: Readonly<Record<string, number>> = {
  januari: 1, jan: 1, january: 1, februari: 2, feb: 2, february: 2, maart: 3, mrt: 3, mar: 3, march: 3,
  april: 4, apr: 4, mei: 5, may: 5, juni: 6, jun: 6, june: 6, juli: 7, jul: 7, july: 7, augustus: 8, aug: 8,
  august: 8, september: 9, sep: 9, sept: 9, oktober: 10, okt: 10, oct: 10, october: 10, november: 11, nov: 11,
  december: 12, dec: 12,
};
/** Month names written out, Dutch and English (urgency-context.ts reads them too). */
export const MONTH_NAMES = 'januari|februari|maart|april|mei|juni|juli|augustus|september|oktober|november|december|january|february|march|may|june|july|august|october';
const MONTH = String.raw`(${MONTH_NAMES}|jan|feb|mrt|mar|apr|jun|jul|aug|sept|sep|okt|oct|nov|dec)\.?`;

interface Mention {
  index: number;
  length: number;
  resolve: (receipt: CalendarDay) => { iso: string; first: CalendarDay; last: CalendarDay } | null;
  yearOnly?: boolean;
}

const DAY_MONTH_YEAR = new RegExp(String.raw`\b(\d{1,2})(?:e|ste|de|st|nd|rd|th)?(?:\s+of)?\s+${MONTH}(?:,?\s+('?\d{4}|'\d{2}))?(?![\p{L}])`, 'giu');
const MONTH_DAY_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(\d{4}))?`, 'giu');
/** `van 1 tot en met 14 november`, `1-14 november`: the range starts on the first day. */
const DAY_RANGE = new RegExp(String.raw`\b(\d{1,2})\s*(?:tot en met|t\/m|tot|until|to|-|–)\s*\d{1,2}(?:e|ste|de|st|nd|rd|th)?\s+${MONTH}(?:,?\s+(\d{4}))?(?![\p{L}])`, 'giu');
/** `in 2019`, `sinds 2021`: a year alone, the weakest mention (it only decides Awb 9:8 for years long past). */
const YEAR_ONLY = /\b(?:in|sinds|since|during|tijdens|van|from)\s+((?:19|20)\d{2})\b(?![-/.]\d)/gi;
/** `vorige maand`, `last month`: the calendar month before receipt. */
const LAST_MONTH = /\b(?:vorige|afgelopen)\s+maand\b|\blast\s+month\b/gi;
/** `vorig jaar oktober`, `oktober vorig jaar`, `last November`: that month of the year before receipt. */
const MONTH_LAST_YEAR = new RegExp(String.raw`\bvorige?\s+jaar\s+${MONTH}(?![\p{L}])|\b${MONTH}\s+(?:van\s+)?vorige?\s+jaar\b|\blast\s+${MONTH}(?![\p{L}])|\b${MONTH}\s+(?:of\s+)?last\s+year\b`, 'giu');
export const SEASON_NAMES = 'voorjaar|lente|zomer|zomervakantie|najaar|herfst|spring|summer|autumn|fall';
const SEASON = `(${SEASON_NAMES})`;
/** `vorig jaar zomer`, `afgelopen voorjaar`, `in the spring of 2025`, `zomer 2024`: the months of that season. */
const SEASON_MENTION = new RegExp(String.raw`\b(vorige?\s+jaar|afgelopen|vorige?|last|this|deze)\s+(?:in\s+de\s+)?${SEASON}\b|\b${SEASON}\s+(?:van\s+|of\s+)?(vorige?\s+jaar|last\s+year|\d{4})\b|\b(?:in\s+the\s+)?${SEASON}\s+of\s+(\d{4})\b`, 'giu');
/** First and last month of each season in SEASON_NAMES. */
export const SEASON_MONTHS: Readonly<Record<string, readonly [number, number]>> = {
  voorjaar: [3, 5], lente: [3, 5], spring: [3, 5], zomer: [6, 8], zomervakantie: [7, 8], summer: [6, 8],
  najaar: [9, 11], herfst: [9, 11], autumn: [9, 11], fall: [9, 11],
};
/** `eind 2024`, `begin 2025`, `end of 2024`: the last or first three months of that year. */
const YEAR_PART = /\b(eind|einde|begin|end\s+of|early|late|beginning\s+of)\s+((?:19|20)\d{2})\b/gi;
/** `twee jaar geleden`, `two years ago`, `ruim een jaar geleden`: counted back from receipt. */
const YEARS_AGO = /\b(?:(ruim|meer\s+dan|over|more\s+than)\s+)?(een|één|1|twee|drie|vier|vijf|zes|zeven|acht|negen|tien|a|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,2})\s+(?:jaar|years?)\s+(?:geleden|ago)\b/gi;
const NUMBER_WORDS: Readonly<Record<string, number>> = {
  een: 1, één: 1, a: 1, one: 1, twee: 2, two: 2, drie: 3, three: 3, vier: 4, four: 4, vijf: 5, five: 5, zes: 6, six: 6,
  zeven: 7, seven: 7, acht: 8, eight: 8, negen: 9, nine: 9, tien: 10, ten: 10,
};
const MONTH_YEAR = new RegExp(String.raw`\b${MONTH}\s+(\d{4})\b`, 'giu');
const NUMERIC = /(?<![\d-])(\d{1,2})[-/.](\d{1,2})[-/.](\d{4}|\d{2})(?![\d-])/g;
const ISO = /\b(\d{4})-(\d{2})-(\d{2})\b/g;
const RELATIVE = /\b(eergisteren|gisteren|gisteravond|gistermiddag|gisterochtend|yesterday)\b/gi;
const TODAY = /\b(vandaag|vanochtend|vanmorgen|vanmiddag|vanavond|today|this morning|this afternoon|tonight)\b/gi;
export const WEEKDAY_NAMES = 'maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag|monday|tuesday|wednesday|thursday|friday|saturday|sunday';
const WEEKDAY = `(${WEEKDAY_NAMES})`;
/** `vorige week dinsdag`, `last week Tuesday`: that weekday in the calendar week before receipt. */
const WEEKDAY_LAST_WEEK = new RegExp(String.raw`\b(?:vorige|afgelopen)\s+week\s+${WEEKDAY}\b|\blast\s+week\s+(?:on\s+)?${WEEKDAY}\b`, 'giu');
/** `afgelopen dinsdag`, `vorige dinsdag`, `dinsdag jl.`, `last Tuesday`: the latest such day before receipt. */
const WEEKDAY_LAST = new RegExp(String.raw`\b(?:vorige|afgelopen|last)\s+${WEEKDAY}\b|\b${WEEKDAY}\s+(?:jl\.?|jongstleden)`, 'giu');
const WEEKDAY_NUMBER: Readonly<Record<string, number>> = {
  maandag: 1, dinsdag: 2, woensdag: 3, donderdag: 4, vrijdag: 5, zaterdag: 6, zondag: 7,
  monday: 1, tuesday: 2, wednesday: 3, thursday: 4, friday: 5, saturday: 6, sunday: 7,
};

/** Lines that date the letter or the mail, not the incident. */
const LETTER_DATE_LINE = /^\s*(?:(?:datum|date|dagtekening|verzonden|sent)\s*:|[\p{L} '’-]{2,40},\s*(?:(?:ma|di|wo|do|vr|za|zo|maandag|dinsdag|woensdag|donderdag|vrijdag|zaterdag|zondag)\w*\.?\s+)?\d{1,2}[-\s/.])/iu;
const NOT_INCIDENT_SENTENCE = /\b(?:geboren|geboortedatum|geb\.|born|date of birth|jarig|verjaardag|birthday)\b/i;
const CONDUCT_CUE =
  /\b(?:mevrouw|mevr|mw|meneer|de heer|dhr|medewerk\w*|casemanager|jeugdbeschermer|hulpverlener|veilig thuis|jullie|gesprek|huisbezoek|kwam|belde|gebeld|zei|zegt|rapport|verslag|onderzoek|beslissing|besloten|aangesproken|employee|caseworker|social worker|visit|called|said|meeting|report)\b/i;

/** Enough for any real message; bounds the work on pathological text. */
const MAX_MENTIONS = 100;
const MAX_SENTENCE = 2_000;

export function findIncidentDate(text: string, receivedAt: Date): IncidentDate | null {
  const receipt = amsterdamDay(receivedAt);
  const found: { iso: string; first: CalendarDay; last: CalendarDay; conduct: boolean; index: number }[] = [];
  for (const sentence of candidateSentences(text)) {
    if (found.length >= MAX_MENTIONS) break;
    for (const mention of mentionsIn(sentence.text.slice(0, MAX_SENTENCE))) {
      const resolved = mention.resolve(receipt);
      if (resolved === null || compareDays(resolved.first, receipt) > 0) continue;
      const conduct = CONDUCT_CUE.test(sentence.text);
      // A year alone, a season or "years ago" dates background ("that was back in 2023") unless the sentence is about what staff did.
      if (mention.yearOnly === true && !conduct) continue;
      found.push({ ...resolved, conduct, index: sentence.index + mention.index });
    }
  }
  const conduct = found.filter((entry) => entry.conduct);
  const pool = conduct.length > 0 ? conduct : found;
  const earliest = [...pool].sort((a, b) => compareDays(a.first, b.first) || a.index - b.index)[0];
  if (earliest === undefined) return null;
  return { iso: earliest.iso, lastDay: earliest.last, rule: conduct.length > 0 ? 'conduct_sentence' : 'first_mentioned' };
}

/** Awb 9:8: the conduct lies more than a year before receipt. */
export function isOverOneYear(incident: IncidentDate, receivedAt: Date): boolean {
  return compareDays(addOneYear(incident.lastDay), amsterdamDay(receivedAt)) < 0;
}

function candidateSentences(text: string): { text: string; index: number }[] {
  const out: { text: string; index: number }[] = [];
  let offset = 0;
  for (const line of text.split('\n')) {
    if (!LETTER_DATE_LINE.test(line)) {
      for (const match of line.matchAll(/[^.!?]+(?:[.!?]+(?=\s|$)|$)/g)) {
        if (!NOT_INCIDENT_SENTENCE.test(match[0])) out.push({ text: match[0], index: offset + match.index });
      }
    }
    offset += line.length + 1;
  }
  return out;
}

function mentionsIn(sentence: string): Mention[] {
  const mentions: Mention[] = [];
  const taken: [number, number][] = [];
  const add = (index: number, length: number, resolve: Mention['resolve'], yearOnly = false) => {
    if (taken.some(([start, end]) => index < end && index + length > start)) return;
    taken.push([index, index + length]);
    mentions.push({ index, length, resolve, yearOnly });
  };
  // Most sentences hold no digit; the patterns that need one are not tried on them.
  const digits = /\d/.test(sentence);
  for (const match of digits ? sentence.matchAll(ISO) : []) {
    add(match.index, match[0].length, () => exactDay(Number(match[1]), Number(match[2]), Number(match[3])));
  }
  for (const match of digits ? sentence.matchAll(NUMERIC) : []) {
    add(match.index, match[0].length, () => exactDay(fullYear(match[3] ?? ''), Number(match[2]), Number(match[1])));
  }
  for (const match of digits ? sentence.matchAll(DAY_RANGE) : []) {
    const month = monthNumber(match[2] ?? '');
    if (month === null || isAmbiguousMay(match[2] ?? '', match[3])) continue;
    add(match.index, match[0].length, (receipt) => dayInMonth(receipt, Number(match[1]), month, match[3]));
  }
  for (const match of digits ? sentence.matchAll(DAY_MONTH_YEAR) : []) {
    const month = monthNumber(match[2] ?? '');
    if (month === null || isAmbiguousMay(match[2] ?? '', match[3])) continue;
    add(match.index, match[0].length, (receipt) => dayInMonth(receipt, Number(match[1]), month, match[3]));
  }
  for (const match of digits ? sentence.matchAll(MONTH_DAY_YEAR) : []) {
    const month = monthNumber(match[1] ?? '');
    if (month === null || !/^\p{Lu}/u.test(match[1] ?? '') || isNameLikeMonth(match[1] ?? '', match[3])) continue;
    add(match.index, match[0].length, (receipt) => dayInMonth(receipt, Number(match[2]), month, match[3]));
  }
  for (const match of sentence.matchAll(MONTH_LAST_YEAR)) {
    const word = match[1] ?? match[2] ?? match[3] ?? match[4] ?? '';
    const month = monthNumber(word);
    if (month === null || isAmbiguousMay(word, '')) continue;
    add(match.index, match[0].length, (receipt) => wholeMonth(receipt.year - 1, month));
  }
  for (const match of sentence.matchAll(SEASON_MENTION)) {
    const season = SEASON_MONTHS[(match[2] ?? match[3] ?? match[5] ?? '').toLowerCase()];
    if (season === undefined) continue;
    const which = (match[1] ?? match[4] ?? match[6] ?? '').toLowerCase();
    add(match.index, match[0].length, (receipt) => {
      const year = /^\d{4}$/.test(which) ? Number(which) : /jaar|year/.test(which) ? receipt.year - 1 : receipt.month > season[1] ? receipt.year : receipt.year - 1;
      return monthSpan(year, season[0], season[1]);
    }, true);
  }
  for (const match of digits ? sentence.matchAll(YEAR_PART) : []) {
    const late = /^(?:eind|einde|end|late)/i.test(match[1] ?? '');
    add(match.index, match[0].length, () => monthSpan(Number(match[2]), late ? 10 : 1, late ? 12 : 3), true);
  }
  for (const match of sentence.matchAll(YEARS_AGO)) {
    const word = (match[2] ?? '').toLowerCase();
    const years = NUMBER_WORDS[word] ?? Number(word);
    const more = match[1] !== undefined;
    // "Een jaar geleden" is on the edge of Awb 9:8; only "ruim een jaar" or two and more say it is past.
    if (!Number.isFinite(years) || years < 1 || (years === 1 && !more)) continue;
    // "een ruzie van twee jaar geleden" dates the quarrel, not what staff did.
    if (/\b(?:van|from)\s+$/i.test(sentence.slice(0, match.index))) continue;
    add(match.index, match[0].length, (receipt) => {
      const back = { year: receipt.year - years, month: receipt.month, day: Math.min(receipt.day, daysInMonth(receipt.year - years, receipt.month)) };
      const day = more ? addDays(back, -1) : back;
      return { iso: String(day.year), first: day, last: day };
    }, true);
  }
  for (const match of digits ? sentence.matchAll(MONTH_YEAR) : []) {
    const month = monthNumber(match[1] ?? '');
    if (month === null || isAmbiguousMay(match[1] ?? '', match[2])) continue;
    add(match.index, match[0].length, () => wholeMonth(Number(match[2]), month));
  }
  const single = (day: CalendarDay) => ({ iso: formatDay(day), first: day, last: day });
  for (const match of sentence.matchAll(WEEKDAY_LAST_WEEK)) {
    const wanted = WEEKDAY_NUMBER[(match[1] ?? match[2] ?? '').toLowerCase()];
    if (wanted === undefined) continue;
    // Monday of the receipt week, one week back, then the weekday in that week.
    add(match.index, match[0].length, (receipt) => single(addDays(receipt, -(isoWeekday(receipt) - 1) - 7 + (wanted - 1))));
  }
  for (const match of sentence.matchAll(WEEKDAY_LAST)) {
    const wanted = WEEKDAY_NUMBER[(match[1] ?? match[2] ?? '').toLowerCase()];
    if (wanted === undefined) continue;
    add(match.index, match[0].length, (receipt) => single(addDays(receipt, -(((isoWeekday(receipt) - wanted + 6) % 7) + 1))));
  }
  for (const match of sentence.matchAll(TODAY)) {
    add(match.index, match[0].length, (receipt) => single(receipt));
  }
  for (const match of sentence.matchAll(RELATIVE)) {
    const back = /^eer/i.test(match[1] ?? '') ? 2 : 1;
    add(match.index, match[0].length, (receipt) => {
      const day = addDays(receipt, -back);
      return { iso: formatDay(day), first: day, last: day };
    });
  }
  for (const match of sentence.matchAll(LAST_MONTH)) {
    add(match.index, match[0].length, (receipt) => {
      const year = receipt.month === 1 ? receipt.year - 1 : receipt.year;
      const month = receipt.month === 1 ? 12 : receipt.month - 1;
      return { iso: `${year}-${String(month).padStart(2, '0')}`, first: { year, month, day: 1 }, last: { year, month, day: daysInMonth(year, month) } };
    });
  }
  for (const match of digits ? sentence.matchAll(YEAR_ONLY) : []) {
    const year = Number(match[1]);
    add(match.index, match[0].length, () => (year < 1950 ? null : { iso: String(year), first: { year, month: 1, day: 1 }, last: { year, month: 12, day: 31 } }), true);
  }
  return mentions;
}

function monthSpan(year: number, from: number, to: number) {
  return { iso: `${year}`, first: { year, month: from, day: 1 }, last: { year, month: to, day: daysInMonth(year, to) } };
}

/** 1 = Monday ... 7 = Sunday. */
function isoWeekday(day: CalendarDay): number {
  return new Date(Date.UTC(day.year, day.month - 1, day.day)).getUTCDay() || 7;
}

/** "may" is a month only when capitalised (English) or followed by a year. */
function isAmbiguousMay(word: string, year: string | undefined): boolean {
  return word === 'may' && year === undefined;
}

/** `Jan 5` is more often a man than a date; short forms before a day need a year. */
function isNameLikeMonth(word: string, year: string | undefined): boolean {
  return year === undefined && /^(?:jan|mar|may|jun|jul)\.?$/i.test(word);
}

export function monthNumber(word: string): number | null {
  return MONTHS[word.toLowerCase().replace(/\.$/, '')] ?? null;
}

function fullYear(text: string): number {
  const digits = Number(text.replace(/'/g, ''));
  return digits < 100 ? 2000 + digits : digits;
}

function exactDay(year: number, month: number, day: number) {
  if (!isValidDay(year, month, day) || year < 1950) return null;
  const found = { year, month, day };
  return { iso: formatDay(found), first: found, last: found };
}

/**
 * Without a year a day is the last one on or before the receipt day; but a day only weeks
 * ahead ("vanaf 1 december", written in November) is a plan, not last year's incident.
 */
const FUTURE_WINDOW_DAYS = 31;

function dayInMonth(receipt: CalendarDay, day: number, month: number, year: string | undefined) {
  if (year !== undefined) return exactDay(fullYear(year), month, day);
  const sameYear = { year: receipt.year, month, day };
  if (compareDays(sameYear, receipt) <= 0) return exactDay(receipt.year, month, day);
  if (compareDays(sameYear, addDays(receipt, FUTURE_WINDOW_DAYS)) <= 0) return null;
  return exactDay(receipt.year - 1, month, day);
}

function wholeMonth(year: number, month: number) {
  if (year < 1950) return null;
  return {
    iso: `${year}-${String(month).padStart(2, '0')}`,
    first: { year, month, day: 1 },
    last: { year, month, day: daysInMonth(year, month) },
  };
}
