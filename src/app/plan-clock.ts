import type { Config } from '../config.ts';
import { parseCalendarDate } from '../domain/calendar-date.ts';
import type { ComplaintRecord, DeadlineState } from '../domain/complaint-record.ts';
import { computeDeadline, computeNoticeDeadline, type DeadlinePolicy, type Route } from '../domain/deadlines.ts';
import { needsDeadline } from '../domain/record-rules.ts';

export function deadlinePolicy(config: Config): DeadlinePolicy {
  return { shiftToWorkingDay: config.TERMIJNENWET_SHIFT, extraHolidays: config.EXTRA_HOLIDAYS };
}

export function deadlineState(config: Config, received: string, route: Route, extensionWeeks: number): DeadlineState {
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
export function planClock(config: Config, record: ComplaintRecord): Pick<ComplaintRecord, 'deadline' | 'noticeBy'> {
  if (!needsDeadline(record.status)) return { deadline: null, noticeBy: null };
  const deadline = deadlineState(config, record.receivedDate, 'standard', 0);
  const noticeBy = record.triage?.flags.includes('incident_over_one_year')
    ? computeNoticeDeadline(parseCalendarDate(record.receivedDate), deadlinePolicy(config)).deadline
    : null;
  return { deadline, noticeBy };
}
