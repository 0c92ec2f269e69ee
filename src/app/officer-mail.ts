import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf, daysBetween, parseCalendarDate } from '../domain/calendar-date.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { hasEvent, lastEvent, makeEvent } from '../domain/record-events.ts';
import { formatLongDate, formatLongDateTime } from '../domain/format-date.ts';
import { alertReasons } from '../domain/alert-reasons.ts';
import { needsDeadline } from '../domain/record-rules.ts';
import { complaintLink } from '../domain/console-link.ts';
import type { OfficerMailType } from '../domain/reply-types.ts';
import type { ReplyIds } from '../domain/reply-ids.ts';
import type { OfficerJob } from '../domain/jobs.ts';
import { officerMail } from '../domain/officer-envelope.ts';
import type { Clock, DigestState, JobQueues, MailSender, RecordStore, Renderer } from './ports.ts';
import { sendDigest } from './digest.ts';
import { purgeExpired } from './purge-expired.ts';
import { planNextReminderJob } from './schedule-reminders.ts';

export interface OfficerMailDeps {
  store: RecordStore;
  state: DigestState;
  mailer: MailSender;
  templates: Renderer;
  config: Config;
  log: Logger;
  clock: Clock;
  replyIds: ReplyIds;
  /** A due or overdue reminder queues the next weekly one. */
  queues: Pick<JobQueues, 'queueOfficer'>;
}

/** Officers get mail about a complaint: the assigned officer, else everyone in OFFICER_EMAILS. */
export function officerRecipients(config: Config, record: ComplaintRecord | null, everyone = false): string[] {
  const list = everyone || !record?.assignedTo ? [...config.OFFICER_EMAILS] : [];
  if (record?.assignedTo) list.push(record.assignedTo);
  return [...new Set(list)];
}

export async function sendOfficerMail(
  deps: OfficerMailDeps,
  type: OfficerMailType,
  to: string[],
  variables: unknown,
  messageId: string,
): Promise<boolean> {
  if (to.length === 0) {
    deps.log.warn('officer_mail_skipped', { type, reason: 'no_officer_emails' });
    return false;
  }
  const rendered = deps.templates.render(type, 'nl', variables);
  await deps.mailer.send(officerMail(deps.config, to, rendered, messageId));
  return true;
}

/** With CONSOLE_URL the officers get a link to the complaint's page; else the CLI command. */
const viewCommand = (config: Config, id: string) => complaintLink(config.CONSOLE_URL, id) ?? `npm run cli -- complaints show ${id}`;

/** Handles one job of the officer queue: urgent alert, deadline reminder, extension notice, digest. */
export async function handleOfficerJob(deps: OfficerMailDeps, job: OfficerJob): Promise<string> {
  if (job.kind === 'digest') {
    const result = await sendDigest(deps, { force: job.force });
    return result.sent ? 'digest_sent' : 'digest_skipped';
  }
  if (job.kind === 'retention_purge') {
    const result = await purgeExpired(deps, { actor: 'retention' });
    return `anonymised_${result.anonymised}`;
  }
  const record = await deps.store.require(job.complaintId);
  const history = await deps.store.events(record.id);

  if (job.kind === 'officer_alert') {
    // One alert per message: the one that opened the record (key '') and each urgent follow-up.
    const key = job.followupKey;
    if (hasEvent(history, 'alert_sent', { key })) return 'already_sent';
    const followup = key ? lastEvent(history, 'followup_received', { followupKey: key }) : undefined;
    if (key && !followup) return 'no_followup';
    const triage = followup ? (followup.data.triage ?? null) : record.triage;
    const receivedAt = followup?.data.receivedAt ?? record.receivedAt;
    const sent = await sendOfficerMail(
      deps,
      'officer_alert',
      officerRecipients(deps.config, record, true),
      {
        reference: record.id,
        receivedAt: formatLongDateTime(new Date(receivedAt), 'nl'),
        urgent: triage?.urgent ?? false,
        reasons: alertReasons(triage, followup ? [] : record.intakeFlags),
        viewCommand: viewCommand(deps.config, record.id),
      },
      deps.replyIds.messageId(record.id, 'officer_alert', key),
    );
    if (sent) await deps.store.appendEvents(record.id, [makeEvent('alert_sent', 'officer', { key })]);
    if (sent) deps.log.info('alert_sent', { id: record.id, followup: key !== '' });
    return sent ? 'sent' : 'no_recipients';
  }

  if (job.kind === 'extension_notice') {
    if (!record.deadline) return 'no_deadline';
    const key = `extension-${record.deadline.deadline}`;
    if (hasEvent(history, 'reminder_sent', { key })) return 'already_sent';
    const today = amsterdamDateOf(deps.clock.now());
    const sent = await sendOfficerMail(
      deps,
      'deadline_reminder',
      officerRecipients(deps.config, record, true),
      {
        reference: record.id,
        kind: 'extended',
        deadline: formatLongDate(record.deadline.deadline, 'nl'),
        daysLeft: Math.max(0, daysBetween(today, parseCalendarDate(record.deadline.deadline))),
        viewCommand: viewCommand(deps.config, record.id),
      },
      deps.replyIds.messageId(record.id, 'deadline_reminder', key),
    );
    if (sent) await deps.store.appendEvents(record.id, [makeEvent('reminder_sent', 'officer', { key })]);
    return sent ? 'sent' : 'no_recipients';
  }

  // A reminder acts only if the complaint still runs and still has the deadline it was planned for.
  const current = job.target === 'deadline' ? record.deadline?.deadline : record.noticeBy;
  if (!needsDeadline(record.status) || current !== job.deadline) return 'stale';
  // Still running with this deadline: a due or overdue reminder queues the next week's (the
  // weekly ones are not queued at intake). Before the send and its checks, so a retry, or a
  // reminder already sent before a crash, still continues the chain; the id makes it once.
  const next = planNextReminderJob(deps, job);
  if (next) await deps.queues.queueOfficer(next.job, next.jobId, next.delayMs);
  if (hasEvent(history, 'reminder_sent', { key: job.reminderKey })) return 'already_sent';
  const today = amsterdamDateOf(deps.clock.now());
  const daysLeft = daysBetween(today, parseCalendarDate(job.deadline));
  const sent = await sendOfficerMail(
    deps,
    'deadline_reminder',
    officerRecipients(deps.config, record),
    {
      reference: record.id,
      kind: job.target === 'notice_by' ? 'not_handled_notice' : record.deadline?.route === 'committee' ? 'committee' : record.deadline?.extensionWeeks ? 'extended' : 'handling',
      deadline: formatLongDate(job.deadline, 'nl'),
      daysLeft,
      viewCommand: viewCommand(deps.config, record.id),
    },
    deps.replyIds.messageId(record.id, 'deadline_reminder', job.reminderKey),
  );
  if (sent) await deps.store.appendEvents(record.id, [makeEvent('reminder_sent', 'officer', { key: job.reminderKey, daysLeft })]);
  return sent ? 'sent' : 'no_recipients';
}
