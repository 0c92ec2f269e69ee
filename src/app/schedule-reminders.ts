import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf, parseCalendarDate } from '../domain/calendar-date.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import { isWorkingDay } from '../domain/dutch-holidays.ts';
import { amsterdamInstant } from '../domain/amsterdam-time.ts';
import { nextOverdueReminder, planFirstReminders } from '../domain/reminder-plan.ts';
import { needsDeadline } from '../domain/record-rules.ts';
import { officerJobId, type OfficerJob, type OfficerJobEntry } from '../domain/jobs.ts';
import type { Clock, JobQueues } from './ports.ts';

/** A deadline's reminders as (key, instant) pairs: the same for every record with that deadline today. */
type PlannedInstants = readonly { key: string; fireAt: Date }[];

/**
 * Plans of the last few (deadline, today) pairs. Intake plans the same deadline for every
 * complaint received on one day; planning walks the holiday calendar for each of the 16
 * candidate days, which was a tenth of intake's CPU. Keyed by everything the plan depends on.
 */
const recentPlans = new Map<string, PlannedInstants>();
const RECENT_PLANS = 64;

function planOptions(config: Config, date: string, today: string) {
  return {
    deadline: parseCalendarDate(date),
    today: parseCalendarDate(today),
    offsetsDays: config.REMINDER_OFFSETS_DAYS.filter((days) => days > 0),
    isWorkingDay: (day: string) => isWorkingDay(parseCalendarDate(day), config.EXTRA_HOLIDAYS),
  };
}

function plannedInstants(config: Config, date: string, today: string): PlannedInstants {
  const key = [date, today, config.REMINDER_OFFSETS_DAYS.join(','), config.EXTRA_HOLIDAYS.join(','), config.DIGEST_TIME].join('|');
  const known = recentPlans.get(key);
  if (known) return known;
  const plan = planFirstReminders(planOptions(config, date, today)).map((reminder) => ({
    key: reminder.key,
    fireAt: amsterdamInstant(reminder.date, config.DIGEST_TIME),
  }));
  if (recentPlans.size >= RECENT_PLANS) recentPlans.clear();
  recentPlans.set(key, plan);
  return plan;
}

/**
 * The deadline reminders of a record as delayed BullMQ jobs, at DIGEST_TIME on each planned day:
 * those up to the due day and the first overdue one (planFirstReminders); each later weekly one
 * is queued when the one before it fires (planNextReminderJob). Job ids contain the deadline, so
 * a moved deadline plans new jobs and the old ones find a different deadline on the record when
 * they fire and do nothing.
 */
export function planReminderJobs(deps: { config: Config; clock: Clock }, record: ComplaintRecord): OfficerJobEntry[] {
  const clock = deps.clock;
  const today = amsterdamDateOf(clock.now());
  const targets: { target: 'deadline' | 'notice_by'; date: string }[] = [];
  if (record.deadline && needsDeadline(record.status)) targets.push({ target: 'deadline', date: record.deadline.deadline });
  if (record.noticeBy && needsDeadline(record.status)) targets.push({ target: 'notice_by', date: record.noticeBy });
  const jobs: OfficerJobEntry[] = [];
  for (const { target, date } of targets) {
    for (const reminder of plannedInstants(deps.config, date, today)) {
      const job = { kind: 'deadline_reminder', complaintId: record.id, deadline: date, reminderKey: `${target}-${reminder.key}`, target } as const;
      jobs.push({ job, jobId: officerJobId(job), delayMs: clock.msUntil(reminder.fireAt) });
    }
  }
  return jobs;
}

type DeadlineReminderJob = Extract<OfficerJob, { kind: 'deadline_reminder' }>;

/**
 * The weekly reminder after `fired` (a due or overdue reminder that found its complaint still
 * running with its deadline), as a job for the same complaint, target and deadline; null after a
 * reminder before the deadline or after the last week. Its id is deterministic, so a retried or
 * repeated reminder queues it once.
 */
export function planNextReminderJob(deps: { config: Config; clock: Clock }, fired: DeadlineReminderJob): OfficerJobEntry | null {
  const prefix = `${fired.target}-`;
  if (!fired.reminderKey.startsWith(prefix)) return null;
  const today = amsterdamDateOf(deps.clock.now());
  const next = nextOverdueReminder({ ...planOptions(deps.config, fired.deadline, today), after: fired.reminderKey.slice(prefix.length) });
  if (!next) return null;
  const job = { kind: 'deadline_reminder', complaintId: fired.complaintId, deadline: fired.deadline, reminderKey: `${prefix}${next.key}`, target: fired.target } as const;
  return { job, jobId: officerJobId(job), delayMs: deps.clock.msUntil(amsterdamInstant(next.date, deps.config.DIGEST_TIME)) };
}

/** Queues a record's reminders (planReminderJobs) in one round trip; returns how many. */
export async function scheduleReminders(
  deps: { queues: JobQueues; config: Config; log: Logger; clock: Clock },
  record: ComplaintRecord,
): Promise<number> {
  const jobs = planReminderJobs(deps, record);
  await deps.queues.queueOfficerMany(jobs);
  return jobs.length;
}
