import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf } from '../domain/calendar-date.ts';
import { RECORD_ID_PLACEHOLDER, type ComplaintRecord, type IntakeFlag, type NewRecord } from '../domain/complaint-record.ts';
import { hasEvent, makeEvent, type RecordEvent } from '../domain/record-events.ts';
import type { IncomingMessage, ReadResult } from '../domain/incoming-message.ts';
import { replyJobId } from '../domain/jobs.ts';
import { messageFingerprint } from '../domain/message-fingerprint.ts';
import { contactFromTriage, initialStatus, mergeFollowupDetails } from '../domain/record-rules.ts';
import type { ReplyIds } from '../domain/reply-ids.ts';
import type { ParsedMessage } from '../domain/parsed-message.ts';
import type { TriageResult } from '../domain/triage/triage-result.ts';
import { triageMessage } from '../domain/triage/triage-message.ts';
import { applyFollowupVerification } from '../domain/triage/followup-verification.ts';
import { isAnonymised } from '../domain/retention.ts';
import { planClock } from '../domain/plan-clock.ts';
import type { MetricsRecorder, ReadMessage, RecordStore } from './ports.ts';

export type IngestOutcome =
  | { outcome: 'created'; id: string; quarantine: boolean }
  | { outcome: 'duplicate'; id: string; quarantine: boolean }
  | { outcome: 'followup'; id: string; quarantine: false };

/** What happens after a record exists: replies, alerts, reminders. Idempotent by design. */
export interface RecordEffects {
  /** `fresh`: the record was just created with its `reply_queued` event, so no history check is needed. */
  afterCreate(record: ComplaintRecord, options?: { fresh?: boolean }): Promise<void>;
  afterFollowup(record: ComplaintRecord, followupKey: string): Promise<void>;
}

export interface IngestDeps {
  store: RecordStore;
  config: Config;
  log: Logger;
  metrics: MetricsRecorder;
  /** Hashes and parses the bytes in one pass (adapters/read-message.ts). */
  readMessage: ReadMessage;
  effects: RecordEffects;
  /** Verifies that an In-Reply-To/References id is really one of our replies. */
  replyIds: ReplyIds;
  now?: () => Date;
}

/**
 * Turns one message into a record (or a follow-up on one). Safe to call again for the same
 * message: the dedupe keys return the existing record and its effects are re-dispatched, which
 * covers a crash between writing the record and queueing its reply.
 */
export async function ingestMessage(deps: IngestDeps, incoming: IncomingMessage): Promise<IngestOutcome> {
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  const read = await deps.readMessage(await incoming.open(), {
    maxBytes: deps.config.MAX_MESSAGE_BYTES,
    declaredSize: incoming.declaredSize,
  });
  const message = read.message;
  const fingerprint = message?.messageId ? messageFingerprint(message.messageId, message.from?.address ?? null, message.date) : null;

  const existing = await deps.store.findDuplicate(read.sha256, fingerprint);
  if (existing) {
    const record = await deps.store.get(existing);
    if (record) {
      await noteDuplicate(deps, existing, read.sha256, incoming);
      // Seen again after a crash: re-dispatch what this message caused, a follow-up's own effects included.
      const followupKey = followupKeyOf(read.sha256);
      const wasFollowup = hasEvent(await deps.store.events(existing), 'followup_received', { followupKey });
      if (wasFollowup) await deps.effects.afterFollowup(record, followupKey);
      else await deps.effects.afterCreate(record);
      deps.metrics.inc('messages_duplicate_total');
      deps.log.info('message_duplicate', { id: existing });
      return { outcome: 'duplicate', id: existing, quarantine: record.status === 'quarantined' };
    }
  }

  const triage = message && !read.failure ? triageMessage(message, { ...deps.config.triage, receivedAt: incoming.receivedAt }) : null;

  if (message && triage) {
    const followup = await tryAttachFollowup(deps, incoming, message, triage, read.sha256, fingerprint);
    if (followup.attached) {
      deps.metrics.inc('messages_ingested_total');
      deps.metrics.observeLag(now().getTime() - incoming.receivedAt.getTime());
      return { outcome: 'followup', id: followup.id, quarantine: false };
    }
    return createRecord(deps, incoming, read, followup.triage, fingerprint, started, now);
  }
  return createRecord(deps, incoming, read, triage, fingerprint, started, now);
}

/** The record's history shows every copy that arrived, with where it came from. */
function noteDuplicate(deps: IngestDeps, id: string, sha256: string, incoming: IncomingMessage): Promise<void> {
  return deps.store.appendEvents(id, [makeEvent('duplicate_seen', 'intake', { sha256, source: incoming.source })]);
}

/** A follow-up's key: its bytes, so the same message seen again maps to the same key. */
function followupKeyOf(sha256: string): string {
  return sha256.slice(0, 16);
}

async function createRecord(
  deps: IngestDeps,
  incoming: IncomingMessage,
  read: ReadResult,
  triage: TriageResult | null,
  fingerprint: string | null,
  started: number,
  now: () => Date,
): Promise<IngestOutcome> {
  const message = read.message;
  const intakeFlags: IntakeFlag[] = [];
  if (read.failure) intakeFlags.push(read.failure);
  if (message && !message.messageId) intakeFlags.push('no_message_id');

  const receivedDate = amsterdamDateOf(incoming.receivedAt);
  const status = initialStatus(triage, intakeFlags);
  const stamp = now().toISOString();
  const base: NewRecord = {
    schemaVersion: 1,
    receivedAt: incoming.receivedAt.toISOString(),
    receivedDate,
    ingestedAt: stamp,
    updatedAt: stamp,
    status,
    intakeFlags,
    source: { ...incoming.source, messageId: message?.messageId ?? null, sha256: read.sha256, size: read.size },
    message: read.failure === 'parse_error' ? null : message,
    triage,
    contact: contactFromTriage(triage, message?.replyTo?.address ?? message?.from?.address ?? null),
    deadline: null,
    noticeBy: null,
    assignedTo: null,
  };
  const clock = planClock(deps.config, { ...base, id: 'KL-0000-00000' });
  const record: NewRecord = { ...base, deadline: clock.deadline, noticeBy: clock.noticeBy };
  const events: RecordEvent[] = [makeEvent('received', 'intake', { sha256: read.sha256, size: read.size, intakeFlags, source: incoming.source })];
  if (triage) events.push(makeEvent('triaged', 'intake', { kind: triage.kind, flags: triage.flags, reply: triage.reply, reasons: triage.reasons }));
  if (triage?.reply) {
    // The store replaces the placeholder with the new id, so the event lands with the record.
    const jobId = replyJobId({ complaintId: RECORD_ID_PLACEHOLDER, type: triage.reply, key: '' });
    events.push(makeEvent('reply_queued', 'intake', { type: triage.reply, jobId }));
  }

  const result = await deps.store.create({
    record,
    events,
    fingerprint,
    senderAddress: message?.from?.address ?? null,
    messageId: message?.messageId ?? null,
  });
  // Not created: the same message arrived twice at once and the other copy won the create script.
  if (!result.created) await noteDuplicate(deps, result.id, read.sha256, incoming);
  const stored = result.created ? { ...record, id: result.id } : await deps.store.require(result.id);
  await deps.effects.afterCreate(stored, { fresh: result.created });

  deps.metrics.inc(result.created ? 'messages_ingested_total' : 'messages_duplicate_total');
  if (read.failure === 'parse_error') deps.metrics.inc('parse_failures_total');
  if (status === 'quarantined') deps.metrics.inc('messages_quarantined_total');
  deps.metrics.observeLag(now().getTime() - incoming.receivedAt.getTime());
  deps.log.info(result.created ? 'record_created' : 'message_duplicate', {
    id: result.id,
    status,
    kind: triage?.kind ?? null,
    bytes: read.size,
    attachments: message?.attachments.length ?? 0,
    ms: Date.now() - started,
  });
  return { outcome: result.created ? 'created' : 'duplicate', id: result.id, quarantine: status === 'quarantined' };
}

/**
 * A follow-up attaches to its complaint only when the link is proven: the message answers one
 * of our replies to that complaint (In-Reply-To/References carrying our valid HMAC tag), or its
 * sender is the complainant. Otherwise it becomes a new record flagged `unverified_reference`
 * and touches nothing else. Legacy ids without a tag (replies sent before tags existed) name
 * the complaint but prove nothing alone, and only the complainant's own address fills in
 * details or lifts anonymity: a proven answer from another address is recorded, nothing more.
 */
async function tryAttachFollowup(
  deps: IngestDeps,
  incoming: IncomingMessage,
  message: ParsedMessage,
  triage: TriageResult,
  sha256: string,
  fingerprint: string | null,
): Promise<{ attached: true; id: string } | { attached: false; triage: TriageResult }> {
  const threadIds = [message.inReplyTo, ...message.references].filter((id): id is string => Boolean(id));
  const thread = threadIds.map((id) => deps.replyIds.verify(id)).filter((ref) => ref !== null);
  const threadRef = (thread.find((ref) => ref.signed) ?? thread[0])?.complaintId ?? null;
  const signedRefs = new Set(thread.filter((ref) => ref.signed).map((ref) => ref.complaintId));
  const ref = threadRef ?? triage.caseRef;
  if (!ref && triage.kind !== 'followup') return { attached: false, triage };

  const found = ref ? await deps.store.get(ref.toUpperCase()) : null;
  // An anonymised complaint takes no new personal data: the message starts a new record.
  const target = found && !isAnonymised(await deps.store.events(found.id)) ? found : null;
  const sender = message.from?.address?.toLowerCase() ?? null;
  const senderMatches = Boolean(
    target && sender && [target.contact.email, target.message?.from?.address, target.message?.replyTo?.address].some((a) => a?.toLowerCase() === sender),
  );
  const verified = applyFollowupVerification(triage, {
    known: target !== null,
    senderMatches,
    headersPointAtOurReply: target !== null && signedRefs.has(target.id),
  });
  if (verified.kind !== 'followup' || !target) return { attached: false, triage: verified };

  const followupKey = followupKeyOf(sha256);
  const result = await deps.store.update(
    target.id,
    (record) => {
      const merged = senderMatches ? mergeFollowupDetails(record, verified) : { record, filled: [] };
      // A complaint that became handleable (an anonymous one, now identified) starts its clock.
      const updated = merged.record.deadline || merged.filled.length === 0 ? merged.record : { ...merged.record, ...planClock(deps.config, merged.record) };
      const events: RecordEvent[] = [
        makeEvent('followup_received', 'intake', {
          followupKey,
          sha256,
          receivedAt: incoming.receivedAt.toISOString(),
          source: { ...incoming.source, messageId: message.messageId },
          message,
          triage: verified,
        }),
      ];
      if (merged.filled.length > 0) events.push(makeEvent('details_updated', 'intake', { fields: merged.filled, followupKey }));
      return { record: updated, events };
    },
    { sha256, fingerprint, messageId: message.messageId },
  );
  // Already linked (the same follow-up arrived twice at once): its effects are idempotent.
  await deps.effects.afterFollowup(result.record, followupKey);
  if (!result.duplicate) deps.log.info('followup_attached', { id: target.id, followupKey });
  return { attached: true, id: target.id };
}
