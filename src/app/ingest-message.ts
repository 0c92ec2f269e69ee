import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { AppError } from '../errors.ts';
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
import type { CreateRecord, MetricsRecorder, ReadMessage, RecordStore } from './ports.ts';

export type IngestOutcome =
  | { outcome: 'created'; id: string; quarantine: boolean }
  | { outcome: 'duplicate'; id: string; quarantine: boolean }
  | { outcome: 'followup'; id: string; quarantine: false };

/** What happens after a record exists: replies, alerts, reminders. Idempotent by design. */
export interface RecordEffects {
  /**
   * Replies, alerts and reminders of new records, a batch's in one transaction.
   * `fresh`: the records were just created with their `reply_queued` events, so no history check is needed.
   */
  afterCreate(records: readonly ComplaintRecord[], options?: { fresh?: boolean }): Promise<void>;
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

/** A message's result: its outcome, or the error that leaves it in the inbox for the next pass. */
export type IngestResult = IngestOutcome | Error;

/**
 * Turns one message into a record (or a follow-up on one). Safe to call again for the same
 * message: the dedupe keys return the existing record and its effects are re-dispatched, which
 * covers a crash between writing the record and queueing its reply.
 */
export async function ingestMessage(deps: IngestDeps, incoming: IncomingMessage): Promise<IngestOutcome> {
  const [result] = await ingestBatch(deps, [incoming]);
  if (result === undefined) throw new AppError('ingest_no_result', 'Intake gave no result for the message; it stays in the inbox.');
  if (result instanceof Error) throw result;
  return result;
}

/** What a message of a batch needs once it is read: its bytes' verdict and dedupe fingerprint. */
interface ReadIncoming {
  incoming: IncomingMessage;
  read: ReadResult;
  fingerprint: string | null;
}

/** A new record planned for a message, written with the rest of its batch. */
interface PlannedRecord extends ReadIncoming {
  triage: TriageResult | null;
  input: CreateRecord;
}

/**
 * Turns a batch of messages into records, in as few Redis round trips as the batch allows: one
 * dedupe lookup for all, the new records in one transaction (one fsync, create-record-script.ts),
 * then their replies, alerts and reminders in one more (queues.ts queueBatch). Messages already
 * seen and follow-ups, both rare, are settled one by one. Returns one result per message, in
 * order; an Error (the message's own, or the failed write of the batch) means the message stays
 * in the inbox and is read again, which the dedupe keys make safe. Never throws.
 */
export async function ingestBatch(deps: IngestDeps, batch: readonly IncomingMessage[]): Promise<IngestResult[]> {
  const now = deps.now ?? (() => new Date());
  const started = Date.now();
  const results: (IngestResult | undefined)[] = batch.map(() => undefined);
  const finish = () => results.map((result) => result ?? new AppError('ingest_no_result', 'Intake gave no result for the message; it stays in the inbox.'));

  // 1. Every message read once: SHA-256 and streaming parse.
  const reads = await Promise.all(batch.map((incoming) => readIncoming(deps, incoming).catch(asError)));
  const pending: { index: number; message: ReadIncoming }[] = [];
  reads.forEach((read, index) => {
    if (read instanceof Error) results[index] = read;
    else pending.push({ index, message: read });
  });

  // 2. The dedupe lookups of the whole batch in one round trip.
  let existing: (string | null)[];
  try {
    existing = await deps.store.findDuplicates(pending.map(({ message }) => ({ sha256: message.read.sha256, fingerprint: message.fingerprint })));
  } catch (error) {
    for (const { index } of pending) results[index] = asError(error);
    return finish();
  }

  // 3. Seen before, triage, follow-ups: what each message becomes.
  const planned: { index: number; plan: PlannedRecord }[] = [];
  for (const [position, { index, message }] of pending.entries()) {
    try {
      const settled = await settleMessage(deps, message, existing[position] ?? null, now);
      if ('input' in settled) planned.push({ index, plan: settled });
      else results[index] = settled;
    } catch (error) {
      results[index] = asError(error);
    }
  }
  if (planned.length === 0) return finish();

  // 4. The new records of the batch, durable together before any of their messages may move.
  let written: { created: boolean; id: string }[];
  try {
    written = await deps.store.createMany(planned.map(({ plan }) => plan.input));
  } catch (error) {
    for (const { index } of planned) results[index] = asError(error);
    return finish();
  }

  // 5. Their effects: the fresh records' together; a record another copy of the message created
  //    first (the same message twice in a batch, or at once elsewhere) is re-dispatched alone.
  const fresh = planned.flatMap(({ index, plan }, k) => (written[k]?.created ? [{ index, plan, id: written[k].id }] : []));
  try {
    await deps.effects.afterCreate(fresh.map(({ plan, id }) => ({ ...plan.input.record, id })), { fresh: true });
    for (const { index, plan, id } of fresh) results[index] = recordCreated(deps, plan, id, started, now);
  } catch (error) {
    for (const { index } of fresh) results[index] = asError(error);
  }
  for (const [k, { index, plan }] of planned.entries()) {
    const result = written[k];
    if (!result || result.created) continue;
    try {
      await noteDuplicate(deps, result.id, plan.read.sha256, plan.incoming);
      await deps.effects.afterCreate([await deps.store.require(result.id)]);
      results[index] = recordCreated(deps, plan, result.id, started, now, { duplicate: true });
    } catch (error) {
      results[index] = asError(error);
    }
  }
  return finish();
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new AppError('ingest_failed', 'Intake failed on a value that is not an error; the message stays in the inbox.', { cause: error });
}

async function readIncoming(deps: IngestDeps, incoming: IncomingMessage): Promise<ReadIncoming> {
  const read = await deps.readMessage(await incoming.open(), {
    maxBytes: deps.config.MAX_MESSAGE_BYTES,
    declaredSize: incoming.declaredSize,
  });
  const message = read.message;
  const fingerprint = message?.messageId ? messageFingerprint(message.messageId, message.from?.address ?? null, message.date) : null;
  return { incoming, read, fingerprint };
}

/**
 * A message already recorded has its effects re-dispatched; a proven follow-up attaches to its
 * complaint. Anything else is triaged and planned as a new record for the batch to write.
 */
async function settleMessage(deps: IngestDeps, message: ReadIncoming, existing: string | null, now: () => Date): Promise<IngestOutcome | PlannedRecord> {
  const { incoming, read, fingerprint } = message;
  if (existing) {
    const record = await deps.store.get(existing);
    if (record) {
      await noteDuplicate(deps, existing, read.sha256, incoming);
      // Seen again after a crash: re-dispatch what this message caused, a follow-up's own effects included.
      const followupKey = followupKeyOf(read.sha256);
      const wasFollowup = hasEvent(await deps.store.events(existing), 'followup_received', { followupKey });
      if (wasFollowup) await deps.effects.afterFollowup(record, followupKey);
      else await deps.effects.afterCreate([record]);
      deps.metrics.inc('messages_duplicate_total');
      deps.log.info('message_duplicate', { id: existing });
      return { outcome: 'duplicate', id: existing, quarantine: record.status === 'quarantined' };
    }
  }

  const parsed = read.message;
  const triage = parsed && !read.failure ? triageMessage(parsed, { ...deps.config.triage, receivedAt: incoming.receivedAt }) : null;
  if (parsed && triage) {
    const followup = await tryAttachFollowup(deps, incoming, parsed, triage, read.sha256, fingerprint);
    if (followup.attached) {
      deps.metrics.inc('messages_ingested_total');
      deps.metrics.observeLag(now().getTime() - incoming.receivedAt.getTime());
      return { outcome: 'followup', id: followup.id, quarantine: false };
    }
    return planRecord(deps, message, followup.triage, now);
  }
  return planRecord(deps, message, triage, now);
}

/** The record's history shows every copy that arrived, with where it came from. */
function noteDuplicate(deps: IngestDeps, id: string, sha256: string, incoming: IncomingMessage): Promise<void> {
  return deps.store.appendEvents(id, [makeEvent('duplicate_seen', 'intake', { sha256, source: incoming.source })]);
}

/** A follow-up's key: its bytes, so the same message seen again maps to the same key. */
function followupKeyOf(sha256: string): string {
  return sha256.slice(0, 16);
}

/** The record a message makes, with its first events, its clock and its dedupe keys. */
function planRecord(deps: IngestDeps, message: ReadIncoming, triage: TriageResult | null, now: () => Date): PlannedRecord {
  const { incoming, read, fingerprint } = message;
  const parsed = read.message;
  const intakeFlags: IntakeFlag[] = [];
  if (read.failure) intakeFlags.push(read.failure);
  if (parsed && !parsed.messageId) intakeFlags.push('no_message_id');

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
    source: { ...incoming.source, messageId: parsed?.messageId ?? null, sha256: read.sha256, size: read.size },
    message: read.failure === 'parse_error' ? null : parsed,
    triage,
    contact: contactFromTriage(triage, parsed?.replyTo?.address ?? parsed?.from?.address ?? null),
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
  const input: CreateRecord = {
    record,
    events,
    fingerprint,
    senderAddress: parsed?.from?.address ?? null,
    messageId: parsed?.messageId ?? null,
  };
  return { ...message, triage, input };
}

/** Counts and logs a planned record once it is written (or found written by another copy). */
function recordCreated(deps: IngestDeps, plan: PlannedRecord, id: string, started: number, now: () => Date, options: { duplicate?: boolean } = {}): IngestOutcome {
  const { read, incoming, triage } = plan;
  const status = plan.input.record.status;
  const created = !options.duplicate;
  deps.metrics.inc(created ? 'messages_ingested_total' : 'messages_duplicate_total');
  if (read.failure === 'parse_error') deps.metrics.inc('parse_failures_total');
  if (status === 'quarantined') deps.metrics.inc('messages_quarantined_total');
  deps.metrics.observeLag(now().getTime() - incoming.receivedAt.getTime());
  deps.log.info(created ? 'record_created' : 'message_duplicate', {
    id,
    status,
    kind: triage?.kind ?? null,
    bytes: read.size,
    attachments: read.message?.attachments.length ?? 0,
    ms: Date.now() - started,
  });
  return { outcome: created ? 'created' : 'duplicate', id, quarantine: status === 'quarantined' };
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
