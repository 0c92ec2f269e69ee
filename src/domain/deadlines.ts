import { z } from 'zod';
import { addDays, CalendarDateSchema, compareDates, isWeekend, weekdayName } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';
import { holidayOn, nextWorkingDay } from './dutch-holidays.ts';

/**
 * Statutory terms for a complaint (Awb chapter 9), counted in calendar days from the day of receipt
 * (the term starts the day after, so six weeks end on receipt + 42):
 * - Awb 9:11: 6 weeks on the standard route, 10 weeks when a complaints committee advises;
 * - Awb 9:11(2): one deferral of at most 4 weeks, notified before the deadline;
 * - Awb 9:8: 4 weeks to tell a complainant that the complaint will not be handled.
 * Algemene termijnenwet art. 1 moves a term that ends on a Saturday, Sunday or public holiday to
 * the next day that is none of those; a policy switch, on by default.
 *
 * Extension choice: the extended deadline is the original, unshifted term end plus weeks * 7, and
 * only then shifted. The deferral lengthens the statutory term itself (6 + N weeks), and the
 * Algemene termijnenwet applies to where that longer term ends; counting from the shifted date
 * would stack a holiday shift on top of the extension and give more time than the law grants.
 *
 * Open point: Algemene termijnenwet art. 4 excludes long terms (the usual reading is terms of three
 * months / 12 weeks / 90 days or more). Committee route plus a 4-week deferral is 98 days; this
 * module still shifts it when the policy says so. Verify with the legal adviser.
 */

export const ROUTES = ['standard', 'committee'] as const;
export const RouteSchema = z.enum(ROUTES, { error: 'route must be "standard" or "committee"' });
export type Route = z.infer<typeof RouteSchema>;

export const ROUTE_TERM_WEEKS = { standard: 6, committee: 10 } as const satisfies Record<Route, number>;
export const MAX_EXTENSION_WEEKS = 4;
export const NOTICE_TERM_DAYS = 28;

export type DeadlinePolicy = {
  /** Algemene termijnenwet art. 1; default true. */
  shiftToWorkingDay: boolean;
  /** Days made equal to a public holiday by Royal Decree, as YYYY-MM-DD. */
  extraHolidays: readonly string[];
};

export const DEFAULT_DEADLINE_POLICY: DeadlinePolicy = { shiftToWorkingDay: true, extraHolidays: [] };

export type ShiftedTerm = {
  /** Receipt day + termDays. */
  unshifted: CalendarDate;
  /** The day the term really ends. */
  deadline: CalendarDate;
  /** The unshifted day when the deadline moved, otherwise null. */
  shiftedFrom: CalendarDate | null;
  /** Explanation of the shift; empty when the term ends on a working day. */
  shiftReason: string;
};

function describeNonWorkingDay(date: CalendarDate, extraHolidays: readonly string[]): string | null {
  const holiday = holidayOn(date, extraHolidays);
  if (holiday) return holiday.name;
  if (isWeekend(date)) return `a ${weekdayName(date)}`;
  return null;
}

/** Applies (or, when the policy is off, only reports) the Algemene termijnenwet art. 1 shift. */
export function applyTermShift(unshifted: CalendarDate, policy: DeadlinePolicy): ShiftedTerm {
  const what = describeNonWorkingDay(unshifted, policy.extraHolidays);
  if (what === null) return { unshifted, deadline: unshifted, shiftedFrom: null, shiftReason: '' };
  if (!policy.shiftToWorkingDay) {
    return {
      unshifted,
      deadline: unshifted,
      shiftedFrom: null,
      shiftReason: `${unshifted} is ${what}; not moved, because the Algemene termijnenwet shift is switched off`,
    };
  }
  const deadline = nextWorkingDay(unshifted, policy.extraHolidays);
  return {
    unshifted,
    deadline,
    shiftedFrom: unshifted,
    shiftReason: `${unshifted} is ${what}, moved to the next working day ${deadline} (Algemene termijnenwet art. 1)`,
  };
}

export const ExtensionWeeksSchema = z
  .number({ error: 'extension must be a whole number of weeks from 0 to 4' })
  .int('extension must be a whole number of weeks from 0 to 4')
  .min(0, 'extension cannot be negative')
  .max(MAX_EXTENSION_WEEKS, 'an extension is at most 4 weeks (Awb 9:11); longer needs the complainant\'s written consent');

export type DeadlineInput = {
  received: CalendarDate;
  route: Route;
  /** 0..4; default 0. */
  extensionWeeks?: number;
  policy: DeadlinePolicy;
};

export type DeadlineResult = {
  received: CalendarDate;
  route: Route;
  extensionWeeks: number;
  /** Total calendar days counted from receipt, extension included. */
  termDays: number;
  unshifted: CalendarDate;
  deadline: CalendarDate;
  shiftedFrom: CalendarDate | null;
  reason: string;
};

function joinReason(base: string, shiftReason: string): string {
  return shiftReason === '' ? base : `${base}; ${shiftReason}`;
}

/** The Awb 9:11 handling deadline. Throws a RangeError for an extension outside 0..4 weeks. */
export function computeDeadline(input: DeadlineInput): DeadlineResult {
  const extensionWeeks = input.extensionWeeks ?? 0;
  const checked = ExtensionWeeksSchema.safeParse(extensionWeeks);
  if (!checked.success) throw new RangeError(checked.error.issues[0]?.message ?? 'invalid extension');
  const baseDays = ROUTE_TERM_WEEKS[input.route] * 7;
  const termDays = baseDays + extensionWeeks * 7;
  const shifted = applyTermShift(addDays(input.received, termDays), input.policy);
  const routeText = input.route === 'committee' ? 'committee route' : 'standard route';
  const base =
    extensionWeeks === 0
      ? `${termDays} days after receipt (Awb 9:11, ${routeText})`
      : `${baseDays} days after receipt plus an extension of ${extensionWeeks} week${extensionWeeks === 1 ? '' : 's'}, ` +
        `${termDays} days in all (Awb 9:11, ${routeText})`;
  return {
    received: input.received,
    route: input.route,
    extensionWeeks,
    termDays,
    unshifted: shifted.unshifted,
    deadline: shifted.deadline,
    shiftedFrom: shifted.shiftedFrom,
    reason: joinReason(base, shifted.shiftReason),
  };
}

export type NoticeDeadlineResult = {
  received: CalendarDate;
  termDays: number;
  unshifted: CalendarDate;
  deadline: CalendarDate;
  shiftedFrom: CalendarDate | null;
  reason: string;
};

/** Awb 9:8: the last day to tell the complainant in writing that the complaint is not handled. */
export function computeNoticeDeadline(received: CalendarDate, policy: DeadlinePolicy): NoticeDeadlineResult {
  const shifted = applyTermShift(addDays(received, NOTICE_TERM_DAYS), policy);
  return {
    received,
    termDays: NOTICE_TERM_DAYS,
    unshifted: shifted.unshifted,
    deadline: shifted.deadline,
    shiftedFrom: shifted.shiftedFrom,
    reason: joinReason(`${NOTICE_TERM_DAYS} days after receipt (Awb 9:8, notice that the complaint is not handled)`, shifted.shiftReason),
  };
}

export const EXTENSION_ERROR_CODES = ['extension_weeks_out_of_range', 'already_extended', 'deadline_passed'] as const;
export type ExtensionErrorCode = (typeof EXTENSION_ERROR_CODES)[number];

export type ExtensionCheck =
  | { ok: true; weeks: number }
  | { ok: false; code: ExtensionErrorCode; message: string };

/**
 * Whether a deferral may be granted now. Awb 9:11(2) allows one deferral of at most 4 weeks,
 * notified before the term ends; `today` on the deadline itself still counts as in time. Further
 * delay needs the complainant's written consent, which is outside this check.
 */
export function validateExtension(input: {
  currentDeadline: CalendarDate;
  alreadyExtended: boolean;
  weeks: number;
  today: CalendarDate;
}): ExtensionCheck {
  if (!Number.isInteger(input.weeks) || input.weeks < 1 || input.weeks > MAX_EXTENSION_WEEKS) {
    return {
      ok: false,
      code: 'extension_weeks_out_of_range',
      message: 'An extension is 1 to 4 whole weeks (Awb 9:11). Longer needs the complainant\'s written consent.',
    };
  }
  if (input.alreadyExtended) {
    return {
      ok: false,
      code: 'already_extended',
      message: 'This complaint was already extended once; a further delay needs the complainant\'s written consent (Awb 9:11).',
    };
  }
  if (compareDates(input.today, input.currentDeadline) > 0) {
    return {
      ok: false,
      code: 'deadline_passed',
      message: `The deadline ${input.currentDeadline} has passed; an extension must be sent before the deadline. Ask the complainant for written consent to a further delay.`,
    };
  }
  return { ok: true, weeks: input.weeks };
}

/** Turns "2" or 2 into 2; leaves anything else for the number schema to reject. */
function wholeNumberFromText(value: unknown): unknown {
  if (typeof value === 'string' && /^\s*-?\d+\s*$/.test(value)) return Number(value.trim());
  return value;
}

/**
 * Arguments of `cli deadline`. Strings from the command line are accepted for `extendWeeks`.
 * Messages say what to type instead.
 */
export const DeadlineCommandInput = z.object({
  /** The receipt day in Europe/Amsterdam. */
  received: z
    .string({ error: '--received is required: the receipt day as YYYY-MM-DD, e.g. 2026-03-16' })
    .pipe(CalendarDateSchema),
  route: z.enum(ROUTES, { error: '--route must be "standard" or "committee"' }).default('standard'),
  extendWeeks: z
    .preprocess(
      wholeNumberFromText,
      z
        .number({ error: '--extend-weeks must be a whole number of weeks from 0 to 4' })
        .int('--extend-weeks must be a whole number of weeks from 0 to 4')
        .min(0, '--extend-weeks cannot be negative')
        .max(MAX_EXTENSION_WEEKS, '--extend-weeks is at most 4: Awb 9:11 allows one extension of at most 4 weeks'),
    )
    .default(0),
});
export type DeadlineCommandInput = z.infer<typeof DeadlineCommandInput>;
