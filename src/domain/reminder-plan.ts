import { addDays, compareDates, daysBetween } from './calendar-date.ts';
import type { CalendarDate } from './calendar-date.ts';

/**
 * When to remind officers of a complaint's deadline: a number of days before it, on the day, and
 * once a week while it is overdue. Pure date math; the queue adapter owns the timers and uses
 * `key` (prefixed with the complaint id) as a stable BullMQ job id, so planning twice schedules
 * nothing twice. Keys contain the deadline, so an extended deadline gives new keys; the old jobs
 * stay queued and do nothing when they fire, because the record names another deadline. Keys
 * never contain `:` (BullMQ forbids it).
 *
 * `planReminders` is the whole plan. It is queued in two steps: `planFirstReminders` (the
 * reminders up to the due day and the first overdue one) when a deadline is set, and
 * `nextOverdueReminder` each time a due or overdue reminder fires and finds the complaint still
 * running with that deadline. Most complaints close before their deadline, so most never get the
 * weekly ones queued; the days are the same as the whole plan's (a property test walks the chain).
 */

export const REMINDER_KINDS = ['before', 'due', 'overdue'] as const;
export type ReminderKind = (typeof REMINDER_KINDS)[number];

export type Reminder = {
  date: CalendarDate;
  kind: ReminderKind;
  /** Days from `date` to the deadline: positive before, 0 on the day, negative when overdue. */
  daysLeft: number;
  /** Stable per deadline and nominal offset, e.g. `2026-04-28-before-14`, `2026-04-28-overdue-7`. */
  key: string;
};

export const DEFAULT_REMINDER_OFFSETS_DAYS = [14, 7, 2] as const;
export const DEFAULT_OVERDUE_WEEKS = 12;

export type ReminderPlanOptions = {
  deadline: CalendarDate;
  /** Reminders before this day are dropped; one on this day is kept. */
  today: CalendarDate;
  /** Days before the deadline; whole numbers above 0. Default 14, 7, 2. */
  offsetsDays?: readonly number[];
  /** How many weekly reminders after the deadline at most. Default 12. */
  overdueWeeks?: number;
  /**
   * Optional: when given, a reminder that falls on a non-working day moves to the previous
   * working day (before / due, so it still comes in time) or the next one (overdue). `daysLeft`
   * then reflects the real date; the key keeps the nominal offset so it stays stable.
   */
  isWorkingDay?: (date: CalendarDate) => boolean;
};

function moveToWorkingDay(
  date: CalendarDate,
  direction: -1 | 1,
  isWorkingDay: ((date: CalendarDate) => boolean) | undefined,
): CalendarDate {
  if (!isWorkingDay) return date;
  let day = date;
  for (let step = 0; step < 31; step += 1) {
    if (isWorkingDay(day)) return day;
    day = addDays(day, direction);
  }
  return date; // a calendar without working days is a configuration problem; keep the nominal day
}

export function reminderKey(deadline: CalendarDate, kind: ReminderKind, nominalDays: number): string {
  return `${deadline}-${kind}-${Math.abs(nominalDays)}`;
}

/** The reminders still to come, sorted by date; throws a RangeError on a negative or fractional offset. */
export function planReminders(options: ReminderPlanOptions): Reminder[] {
  const offsets = options.offsetsDays ?? DEFAULT_REMINDER_OFFSETS_DAYS;
  const overdueWeeks = options.overdueWeeks ?? DEFAULT_OVERDUE_WEEKS;
  for (const offset of offsets) {
    if (!Number.isInteger(offset) || offset <= 0) {
      throw new RangeError('reminder offsets must be whole days above 0 (use the due reminder for day 0)');
    }
  }
  if (!Number.isInteger(overdueWeeks) || overdueWeeks < 0) {
    throw new RangeError('overdueWeeks must be a whole number of weeks, 0 or more');
  }

  const { deadline, isWorkingDay } = options;
  const candidates: { date: CalendarDate; kind: ReminderKind; nominal: number }[] = [];
  for (const offset of new Set(offsets)) {
    candidates.push({ date: moveToWorkingDay(addDays(deadline, -offset), -1, isWorkingDay), kind: 'before', nominal: offset });
  }
  candidates.push({ date: moveToWorkingDay(deadline, -1, isWorkingDay), kind: 'due', nominal: 0 });
  for (let week = 1; week <= overdueWeeks; week += 1) {
    candidates.push({ date: moveToWorkingDay(addDays(deadline, 7 * week), 1, isWorkingDay), kind: 'overdue', nominal: -7 * week });
  }

  const byDate = new Map<string, Reminder>();
  // When two candidates share a date (offsets moved onto the same Friday), the one nearer the
  // deadline is set last and wins: fewer days left is the more useful message.
  const ordered = candidates.sort((a, b) => b.nominal - a.nominal);
  for (const c of ordered) {
    if (compareDates(c.date, options.today) < 0) continue;
    const daysLeft = daysBetween(c.date, deadline);
    byDate.set(c.date, { date: c.date, kind: c.kind, daysLeft, key: reminderKey(deadline, c.kind, c.nominal) });
  }
  return [...byDate.values()].sort((a, b) => compareDates(a.date, b.date));
}

/**
 * What is queued when a deadline is set: the reminders still to come, up to and including the
 * first overdue one. Each later weekly reminder is queued by the one before it (nextOverdueReminder).
 */
export function planFirstReminders(options: ReminderPlanOptions): Reminder[] {
  const plan = planReminders(options);
  const firstOverdue = plan.findIndex((r) => r.kind === 'overdue');
  return firstOverdue < 0 ? plan : plan.slice(0, firstOverdue + 1);
}

/**
 * The weekly reminder that follows the due or overdue reminder whose key is `after`, on `today`
 * or later (a reminder that fires late, after an outage, does not queue the weeks already past:
 * they would all arrive at once with the same days left). Null after a reminder before the
 * deadline (what follows it was queued with it), after the last overdue week, or for a key that
 * is not this deadline's.
 */
export function nextOverdueReminder(options: ReminderPlanOptions & { after: string }): Reminder | null {
  const overdueWeeks = options.overdueWeeks ?? DEFAULT_OVERDUE_WEEKS;
  // Week 0 is the due reminder; keys are compared, never parsed.
  const weekOf = (key: string): number | null => {
    for (let week = 0; week <= overdueWeeks; week += 1) {
      if (key === reminderKey(options.deadline, week === 0 ? 'due' : 'overdue', -7 * week)) return week;
    }
    return null;
  };
  const afterWeek = weekOf(options.after);
  if (afterWeek === null) return null;
  return planReminders(options).find((r) => r.kind === 'overdue' && (weekOf(r.key) ?? 0) > afterWeek) ?? null;
}
