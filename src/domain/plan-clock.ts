import type { Config } from '../config.ts';
import { parseCalendarDate } from './calendar-date.ts';
import type { ComplaintRecord, DeadlineState } from './complaint-record.ts';
import { computeDeadline, computeNoticeDeadline, type DeadlinePolicy, type Route } from './deadlines.ts';
import { needsDeadline } from './record-rules.ts';

/** What of the configuration the legal clock reads: the Algemene termijnenwet switch and extra holidays. */
export type ClockPolicyConfig = Pick<Config, 'TERMIJNENWET_SHIFT' | 'EXTRA_HOLIDAYS'>;

export function deadlinePolicy(config: ClockPolicyConfig): DeadlinePolicy {
  return { shiftToWorkingDay: config.TERMIJNENWET_SHIFT, extraHolidays: config.EXTRA_HOLIDAYS };
}

export function deadlineState(config: ClockPolicyConfig, received: string, route: Route, extensionWeeks: number): DeadlineState {
  const result = computeDeadline({ received: parseCalendarDate(received), route, extensionWeeks, policy: deadlinePolicy(config) });
  return {
    route,
    received,
    deadline: result.deadline,
    shiftedFrom: result.shiftedFrom,
    extensionWeeks,
    reason: result.reason,
  };
}

/**
 * The legal clock of a new record: the Awb 9:11 deadline for complaints that are handled, and
 * the Awb 9:8 notice date when the incident is more than a year old.
 */
export function planClock(config: ClockPolicyConfig, record: ComplaintRecord): Pick<ComplaintRecord, 'deadline' | 'noticeBy'> {
  if (!needsDeadline(record.status)) return { deadline: null, noticeBy: null };
  const deadline = deadlineState(config, record.receivedDate, 'standard', 0);
  const noticeBy = record.triage?.flags.includes('incident_over_one_year')
    ? computeNoticeDeadline(parseCalendarDate(record.receivedDate), deadlinePolicy(config)).deadline
    : null;
  return { deadline, noticeBy };
}
