import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf, daysBetween, parseCalendarDate } from '../domain/calendar-date.ts';
import type { ComplaintRecord, RecordEvent } from '../domain/complaint-record.ts';
import { isWorkingDay } from '../domain/dutch-holidays.ts';
import { formatLongDate } from '../domain/format-date.ts';
import { replyMessageId } from '../domain/reply-types.ts';
import type { DigestItem, TemplateVariables } from '../domain/template-variables.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Mailer } from '../adapters/mailer.ts';
import type { Clock } from './clock.ts';
import { ownDomain } from './ingest-message.ts';
import type { Renderer } from './send-reply.ts';

export interface DigestDeps {
  store: ComplaintStore;
  config: Config;
  log: Logger;
  clock: Clock;
  templates?: Renderer;
  mailer?: Mailer;
}

const LOOKBACK_MS = 120 * 86_400_000;

/**
 * The officers' daily overview. Personal data is kept out: references, kinds, flags (machine
 * codes) and days only; officers open a record with `complaints show` to see more.
 */
export async function buildDigestVariables(deps: DigestDeps): Promise<{ variables: TemplateVariables['digest']; items: number; since: number }> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  const since = (await deps.store.lastDigestAt()) ?? now.getTime() - 86_400_000;
  const running = await deps.store.getMany([
    ...(await deps.store.listIds({ status: 'open' })),
    ...(await deps.store.listIds({ status: 'awaiting_details' })),
  ]);
  const recentIds = await deps.store.idsReceivedBetween(now.getTime() - LOOKBACK_MS, now.getTime());
  const recent = await deps.store.getMany(recentIds);
  const histories = new Map<string, RecordEvent[]>();
  for (const record of [...running, ...recent]) if (!histories.has(record.id)) histories.set(record.id, await deps.store.events(record.id));
  const after = (event: RecordEvent) => Date.parse(event.at) > since;

  const item = (record: ComplaintRecord, extraFlags: string[] = []): DigestItem => {
    const deadline = record.deadline?.deadline ?? record.receivedDate;
    return {
      reference: record.id,
      kind: record.deadline?.route === 'committee' ? 'committee' : record.deadline?.extensionWeeks ? 'extended' : 'handling',
      deadline: formatLongDate(deadline, 'nl'),
      daysLeft: daysBetween(today, parseCalendarDate(deadline)),
      flags: [...new Set([record.triage?.kind ?? 'unparsed', ...(record.triage?.urgent ? ['urgent'] : []), ...record.intakeFlags, ...(record.triage?.flags ?? []), ...extraFlags])].filter((f) => /^[a-z][a-z0-9_]{0,63}$/.test(f)),
    };
  };
  const byDaysLeft = (a: DigestItem, b: DigestItem) => a.daysLeft - b.daysLeft || a.reference.localeCompare(b.reference);

  const overdue = running.filter((r) => r.deadline && r.deadline.deadline < today).map((r) => item(r)).sort(byDaysLeft);
  const dueSoon = running
    .filter((r) => r.deadline && r.deadline.deadline >= today && daysBetween(today, parseCalendarDate(r.deadline.deadline)) <= 7)
    .map((r) => item(r))
    .sort(byDaysLeft);
  const received = recent
    .filter((r) => Date.parse(r.ingestedAt) > since)
    .map((r) => {
      const history = histories.get(r.id) ?? [];
      const extra = [
        ...(history.some((e) => e.type === 'reply_failed' && after(e)) ? ['reply_failed'] : []),
        ...(r.status === 'awaiting_details' ? [`details_asked_${daysBetween(parseCalendarDate(r.receivedDate), today)}_days_ago`] : []),
      ];
      return item(r, extra);
    })
    .sort(byDaysLeft);
  // Older records with news since the last digest: follow-ups and failed replies.
  for (const record of recent) {
    if (received.some((i) => i.reference === record.id)) continue;
    const history = histories.get(record.id) ?? [];
    const extra = [
      ...(history.some((e) => e.type === 'followup_received' && after(e)) ? ['followup_received'] : []),
      ...(history.some((e) => e.type === 'reply_failed' && after(e)) ? ['reply_failed'] : []),
    ];
    if (extra.length > 0) received.push(item(record, extra));
  }
  const flagged = [...received].filter((i) => i.flags.some((f) => f === 'urgent' || f.startsWith('missing_') || f === 'anonymous' || f === 'reply_failed'));
  const variables: TemplateVariables['digest'] = {
    date: formatLongDate(today, 'nl'),
    counts: { open: running.length, received: received.length, dueSoon: dueSoon.length, overdue: overdue.length, flagged: flagged.length },
    overdue,
    dueSoon,
    received,
    listCommand: 'npm run cli -- complaints list',
  };
  return { variables, items: overdue.length + dueSoon.length + received.length, since };
}

export async function buildDigest(deps: DigestDeps & { templates?: Renderer }): Promise<{ text: string; html: string; subject: string }> {
  const { variables } = await buildDigestVariables(deps);
  const templates = deps.templates ?? (await import('../adapters/templates.ts')).loadTemplates(new URL('../../templates', import.meta.url).pathname);
  return templates.render('digest', 'nl', variables);
}

/** Sends the digest on working days (or when forced) and remembers when, for "new since". */
export async function sendDigest(deps: DigestDeps, options: { force: boolean }): Promise<{ sent: boolean; recipients: number; items: number }> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  if (!options.force && !isWorkingDay(today, deps.config.EXTRA_HOLIDAYS)) return { sent: false, recipients: 0, items: 0 };
  const { variables, items } = await buildDigestVariables(deps);
  const templates = deps.templates ?? (await import('../adapters/templates.ts')).loadTemplates(new URL('../../templates', import.meta.url).pathname);
  const recipients = deps.config.OFFICER_EMAILS;
  if (recipients.length === 0 || !deps.mailer) {
    deps.log.warn('digest_skipped', { reason: 'no_officer_emails' });
    return { sent: false, recipients: 0, items };
  }
  const rendered = templates.render('digest', 'nl', variables);
  await deps.mailer.send({
    from: deps.config.MAIL_FROM,
    to: recipients,
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId: replyMessageId(`KL-${today.slice(0, 4)}-00000`, 'digest', ownDomain(deps.config), `${today}-${now.getTime()}`),
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  });
  await deps.store.setLastDigestAt(now.getTime());
  deps.log.info('digest_sent', { recipients: recipients.length, items });
  return { sent: true, recipients: recipients.length, items };
}
