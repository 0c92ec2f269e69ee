import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf, parseCalendarDate } from '../domain/calendar-date.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import { isWorkingDay } from '../domain/dutch-holidays.ts';
import { amsterdamInstant } from '../domain/amsterdam-time.ts';
import { planReminders } from '../domain/reminder-plan.ts';
import { needsDeadline } from '../domain/record-rules.ts';
import { officerJobId } from '../domain/jobs.ts';
import type { Clock, JobQueues } from './ports.ts';

/**
 * Queues the deadline reminders of a record as delayed BullMQ jobs, at DIGEST_TIME on each
 * planned day. Job ids contain the deadline, so a moved deadline plans new jobs and the old ones
 * find a different deadline on the record when they fire and do nothing.
 */
export async function scheduleReminders(
  deps: { queues: JobQueues; config: Config; log: Logger; clock: Clock },
  record: ComplaintRecord,
): Promise<number> {
  const clock = deps.clock;
  const today = amsterdamDateOf(clock.now());
  const working = (date: string) => isWorkingDay(parseCalendarDate(date), deps.config.EXTRA_HOLIDAYS);
  const targets: { target: 'deadline' | 'notice_by'; date: string }[] = [];
  if (record.deadline && needsDeadline(record.status)) targets.push({ target: 'deadline', date: record.deadline.deadline });
  if (record.noticeBy && needsDeadline(record.status)) targets.push({ target: 'notice_by', date: record.noticeBy });
  const jobs: Parameters<JobQueues['queueOfficerMany']>[0] = [];
  for (const { target, date } of targets) {
    const plan = planReminders({
      deadline: parseCalendarDate(date),
      today,
      offsetsDays: deps.config.REMINDER_OFFSETS_DAYS.filter((days) => days > 0),
      isWorkingDay: working,
    });
    for (const reminder of plan) {
      const fireAt = amsterdamInstant(reminder.date, deps.config.DIGEST_TIME);
      const job = { kind: 'deadline_reminder', complaintId: record.id, deadline: date, reminderKey: `${target}-${reminder.key}`, target } as const;
      jobs.push({ job, jobId: officerJobId(job), delayMs: clock.msUntil(fireAt) });
    }
  }
  await deps.queues.queueOfficerMany(jobs);
  return jobs.length;
}
