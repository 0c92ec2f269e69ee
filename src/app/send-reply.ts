import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { hasEvent, makeEvent } from '../domain/record-events.ts';
import { classifyDeliveryFailure } from '../domain/delivery-error.ts';
import { isAutomaticKind } from '../domain/triage/triage-result.ts';
import { automaticReplyAddress, normaliseAddress, sameMailbox } from '../domain/mail-address.ts';
import { isOfficerLetter, type Language } from '../domain/reply-types.ts';
import type { ReplyIds } from '../domain/reply-ids.ts';
import { isWellFormedMessageId } from '../domain/message-id-syntax.ts';
import { replyJobId, type ReplyJob } from '../domain/jobs.ts';
import { replyVariables } from '../domain/reply-variables.ts';
import type { MailSender, MetricsRecorder, RecordStore, Renderer, ReplyGuard } from './ports.ts';
import { letterRecipient } from '../domain/letter-delivery.ts';
import { writtenLetterVariables } from '../domain/letter-variables.ts';

export interface SendReplyDeps {
  store: RecordStore;
  mailer: MailSender;
  templates: Renderer;
  ledger: ReplyGuard;
  config: Config;
  log: Logger;
  metrics: MetricsRecorder;
  replyIds: ReplyIds;
  now?: () => Date;
}

export type SendOutcome = 'sent' | 'already_sent' | 'suppressed' | 'failed_permanently';

/** Replies that answer the sender's own message; all of them are automatic (RFC 3834). */
const AUTOMATIC_FROM_TRIAGE = new Set(['acknowledgement', 'request_details', 'anonymous_registered', 'compliment_thanks', 'idea_thanks', 'question_received', 'report_received', 'message_received', 'urgent_redirect', 'followup_received']);

/** The events that settle a reply: after one of them the job is done, whatever BullMQ believes. */
const REPLY_DECISIONS = ['reply_sent', 'reply_suppressed', 'reply_failed'] as const;

/** The From address (a Reply-To only within its domain, see mail-address.ts); the contact e-mail for records without mail. */
function recipientOf(record: ComplaintRecord): string | null {
  if (record.message) return automaticReplyAddress(record.message.from, record.message.replyTo) ?? record.contact.email ?? null;
  return record.contact.email ?? null;
}

/**
 * Sends one reply exactly once. The record is the source of truth: a reply whose `reply_sent`
 * event exists is not sent again, whatever BullMQ believes (a crash between the server's 250
 * and the job's completion). Permanent SMTP failures throw a permanent AppError; temporary ones
 * throw a retryable one.
 */
export async function sendReply(deps: SendReplyDeps, job: ReplyJob): Promise<SendOutcome> {
  const release = await deps.ledger.lockSend(replyJobId(job));
  try {
    return await sendReplyLocked(deps, job);
  } finally {
    await release();
  }
}

async function sendReplyLocked(deps: SendReplyDeps, job: ReplyJob): Promise<SendOutcome> {
  const jobId = replyJobId(job);
  const record = await deps.store.require(job.complaintId);
  const history = await deps.store.events(record.id);
  if (hasEvent(history, REPLY_DECISIONS, { jobId })) return 'already_sent';

  const suppress = async (reason: string): Promise<SendOutcome> => {
    await deps.store.appendEvents(record.id, [makeEvent('reply_suppressed', 'replies', { type: job.type, jobId, reason })]);
    deps.metrics.inc('replies_suppressed_total');
    deps.log.info('reply_suppressed', { id: record.id, type: job.type, reason });
    return 'suppressed';
  };

  const type = job.type;
  const letter = isOfficerLetter(type);
  const to = letter ? letterRecipient(record) : recipientOf(record);
  if (!to) return suppress('no_recipient');
  // A Reply-To naming our own mailbox is a loop in the making, even though we would answer From.
  const replyTo = record.message?.replyTo?.address;
  if (sameMailbox(to, deps.config.mailboxAddress) || (replyTo && sameMailbox(replyTo, deps.config.mailboxAddress))) return suppress('own_address');
  if (AUTOMATIC_FROM_TRIAGE.has(job.type) && job.type !== 'followup_received' && !job.key && record.triage?.reply !== job.type) {
    return suppress('triage_says_no_reply');
  }
  if (isAutomaticKind(record.triage?.kind)) return suppress('automatic_mail');
  const nowMs = (deps.now?.() ?? new Date()).getTime();
  // Notices an officer decided on (extension, Awb 9:8) are owed by law and are not capped.
  const automatic = AUTOMATIC_FROM_TRIAGE.has(job.type);
  // A person in danger always gets the 112 / 0800-2000 text, however many mails they sent.
  // The cap counts per From address as well, so a rotating Reply-To cannot multiply replies.
  const from = record.message?.from?.address;
  const capped = [to, ...(from && !sameMailbox(from, to) ? [from] : [])];
  if (automatic && job.type !== 'urgent_redirect') {
    for (const address of capped) {
      if (!(await deps.ledger.reserve(normaliseAddress(address), jobId, deps.config.REPLY_CAP_PER_SENDER, nowMs))) return suppress('sender_cap');
    }
  }

  const lang: Language = record.triage?.language ?? 'nl';
  const variables = isOfficerLetter(type) ? writtenLetterVariables(deps.config, record, history, type, job.key, lang) : replyVariables(deps.config, record, history, type, lang);
  const rendered = deps.templates.render(type, lang, variables);
  const messageId = deps.replyIds.messageId(record.id, job.type, job.key);
  // Only ids with msg-id syntax are echoed into our headers (message-id-syntax.ts).
  const original = [record.message?.messageId ?? ''].find(isWellFormedMessageId) ?? null;
  const references = (record.message?.references ?? []).filter(isWellFormedMessageId);
  try {
    const sent = await deps.mailer.send({
      from: deps.config.MAIL_FROM,
      to: [to],
      replyTo: deps.config.mailboxAddress,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      messageId,
      ...(original ? { inReplyTo: original, references: [...references, original].slice(-20) } : {}),
      // A letter an officer wrote is personal mail (RFC 3834): no Auto-Submitted.
      headers: {
        ...(letter ? {} : { 'Auto-Submitted': automatic ? 'auto-replied' : 'auto-generated', 'X-Auto-Response-Suppress': 'All' }),
        'X-Klachtenopvang-Reference': record.id,
      },
    });
    await deps.store.appendEvents(record.id, [makeEvent('reply_sent', 'replies', { type: job.type, jobId, messageId, via: sent.via === 'smtp' ? 'smtp' : 'outbox' })]);
    deps.metrics.inc('replies_sent_total');
    deps.metrics.set('smtp_failing', 0);
    deps.log.info('reply_sent', { id: record.id, type: job.type });
    return 'sent';
  } catch (error) {
    const failure = classifyDeliveryFailure(error);
    deps.metrics.setCode('smtp_last_failure', failure.code);
    if (failure.permanent) {
      await deps.store.appendEvents(record.id, [makeEvent('reply_failed', 'replies', { type: job.type, jobId, smtpCode: failure.smtpCode, code: failure.code })]);
      deps.metrics.inc('replies_failed_total');
      deps.log.warn('reply_failed', { id: record.id, type: job.type, code: failure.code, smtpCode: failure.smtpCode });
      throw new AppError('reply_rejected', `The mail server refused the ${job.type} reply for ${record.id} (${failure.code}); see the digest.`, { permanent: true, cause: error });
    }
    // A server that keeps refusing shows in /readyz and /metrics, not only in the log.
    deps.metrics.inc('replies_deferred_total');
    deps.metrics.set('smtp_failing', 1);
    deps.log.warn('reply_retry', { id: record.id, type: job.type, code: failure.code, smtpCode: failure.smtpCode });
    throw new AppError('reply_deferred', `Sending the ${job.type} reply for ${record.id} failed for now (${failure.code}); it will be retried.`, { cause: error });
  }
}

/**
 * A temporary failure that outlived every retry (more than 24 hours): record it, so officers
 * see it in the digest and `complaints show`, as they do a permanent refusal.
 */
export async function recordRetriesExhausted(deps: Pick<SendReplyDeps, 'store' | 'log' | 'metrics'>, job: ReplyJob): Promise<void> {
  const jobId = replyJobId(job);
  const history = await deps.store.events(job.complaintId);
  if (hasEvent(history, REPLY_DECISIONS, { jobId })) return;
  await deps.store.appendEvents(job.complaintId, [makeEvent('reply_failed', 'replies', { type: job.type, jobId, smtpCode: null, code: 'retries_exhausted' })]);
  deps.metrics.inc('replies_failed_total');
  deps.log.warn('reply_failed', { id: job.complaintId, type: job.type, code: 'retries_exhausted' });
}
