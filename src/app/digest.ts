import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf } from '../domain/calendar-date.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import { planDigest, type DigestRecord } from '../domain/digest-plan.ts';
import { isWorkingDay } from '../domain/dutch-holidays.ts';
import { RUNNING_STATUSES } from '../domain/record-status.ts';
import { replyMessageId } from '../domain/reply-types.ts';
import type { TemplateVariables } from '../domain/template-variables.ts';
import { officerMail } from '../domain/officer-envelope.ts';
import type { Clock, DigestState, MailSender, RecordStore, Renderer } from './ports.ts';

export interface DigestDeps {
  store: RecordStore;
  /** Remembers when the last digest went out. */
  state: DigestState;
  config: Config;
  log: Logger;
  clock: Clock;
  mailer?: MailSender;
}

/** Rendering the digest needs the templates, which the caller (a worker or the CLI) loads. */
export type DigestRenderDeps = DigestDeps & { templates: Renderer };

const DAY_MS = 86_400_000;
/** How many records' histories are read at once. */
const READ_CONCURRENCY = 16;

/**
 * The officers' daily overview, built from the store (see domain/digest-plan.ts for the
 * sections). Personal data is kept out: references, codes, dates and counts only; officers open
 * a record with `complaints show` to see more.
 */
export async function buildDigestVariables(deps: DigestDeps): Promise<{ variables: TemplateVariables['digest']; items: number; since: number; until: number }> {
  const now = deps.clock.now();
  const until = now.getTime();
  const since = (await deps.state.lastDigestAt()) ?? until - DAY_MS;
  const ids = new Set([
    ...(await Promise.all(RUNNING_STATUSES.map((status) => deps.store.listIds({ status })))).flat(),
    // Everything with news since the last digest: new records, follow-ups, refused replies,
    // however old the record is.
    ...(await deps.store.idsActiveSince(since)),
  ]);
  const records = await deps.store.getMany([...ids]);
  const variables = planDigest({
    today: amsterdamDateOf(now),
    since,
    until,
    detail: deps.config.DIGEST_DETAIL,
    lang: 'nl',
    records: await withHistories(deps.store, records),
    listCommand: 'npm run cli -- complaints list',
    consoleUrl: deps.config.CONSOLE_URL ?? null,
  });
  const references = new Set(
    [variables.urgent, variables.overdue, variables.dueSoon, variables.noHearing, variables.received, variables.awaitingDetails, variables.anonymous, variables.replyFailed, variables.followups]
      .flat()
      .map((item) => item.reference),
  );
  return { variables, items: references.size, since, until };
}

async function withHistories(store: RecordStore, records: ComplaintRecord[]): Promise<DigestRecord[]> {
  const out: DigestRecord[] = [];
  for (let i = 0; i < records.length; i += READ_CONCURRENCY) {
    const batch = records.slice(i, i + READ_CONCURRENCY);
    const histories = await Promise.all(batch.map((record) => store.events(record.id)));
    batch.forEach((record, index) => out.push({ record, events: histories[index] ?? [] }));
  }
  return out;
}

/** The digest as it would be sent now (`digest --preview`); remembers nothing. */
export async function buildDigest(deps: DigestRenderDeps): Promise<{ text: string; html: string; subject: string }> {
  const { variables } = await buildDigestVariables(deps);
  return deps.templates.render('digest', 'nl', variables);
}

/** Sends the digest on working days (or when forced) and remembers when, for "new since". */
export async function sendDigest(deps: DigestRenderDeps, options: { force: boolean }): Promise<{ sent: boolean; recipients: number; items: number }> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  if (!options.force && !isWorkingDay(today, deps.config.EXTRA_HOLIDAYS)) return { sent: false, recipients: 0, items: 0 };
  const recipients = deps.config.OFFICER_EMAILS;
  if (recipients.length === 0 || !deps.mailer) {
    deps.log.warn('digest_skipped', { reason: recipients.length === 0 ? 'no_officer_emails' : 'no_mailer' });
    return { sent: false, recipients: 0, items: 0 };
  }
  const { variables, items, until } = await buildDigestVariables(deps);
  const rendered = deps.templates.render('digest', 'nl', variables);
  const messageId = replyMessageId(`KL-${today.slice(0, 4)}-00000`, 'digest', deps.config.ownDomain, `${today}-${until}`);
  await deps.mailer.send(officerMail(deps.config, recipients, rendered, messageId));
  // The next digest starts where this one's view ended, so nothing falls between two digests.
  await deps.state.setLastDigestAt(until);
  deps.log.info('digest_sent', { recipients: recipients.length, items });
  return { sent: true, recipients: recipients.length, items };
}
