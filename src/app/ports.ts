import type { Readable } from 'node:stream';
import type { ComplaintRecord, NewRecord, RecordStatus } from '../domain/complaint-record.ts';
import type { RecordEvent } from '../domain/record-events.ts';
import type { Disposition, IncomingMessage, ReadLimits, ReadResult } from '../domain/incoming-message.ts';
import type { OfficerJobEntry, OfficerJobInput, ReplyJob } from '../domain/jobs.ts';
import type { OutgoingMail } from '../domain/outgoing-mail.ts';
import type { Language, TemplateType } from '../domain/reply-types.ts';

/**
 * The ports: what the use cases need from the world, each as narrow as they use it. Adapters
 * implement them without importing this file (an adapter never imports app/; TypeScript checks
 * the fit where workers/ wires them together), so a use case can be tested with a small fake and
 * an adapter can change behind its port. Shapes both sides share (a message as it arrives, a mail
 * as it leaves, a job's payload) are domain types.
 */

/** Time as the use cases see it: the wall clock in production, a manual clock in tests. */
export interface Clock {
  now(): Date;
  /** Milliseconds to wait until the clock shows `instant` (0 when it is past): a job's delay. */
  msUntil(instant: Date): number;
}

/** A change to one record: the new record and the events that say why; null changes nothing. */
export type Mutation = { record: ComplaintRecord; events: RecordEvent[] } | null;

/** A new record with its first events and dedupe keys, written together or not at all. */
export interface CreateRecord {
  record: NewRecord;
  events: RecordEvent[];
  /** Dedupe by Message-ID fingerprint (domain/message-fingerprint.ts); null when the message has none. */
  fingerprint: string | null;
  senderAddress: string | null;
  /** Remembered (hashed) so a lost store can be detected against the processed folder. */
  messageId?: string | null;
}

/** A follow-up's dedupe keys, pointed at the record it attaches to. */
export interface RecordLink {
  sha256: string;
  fingerprint: string | null;
  messageId?: string | null;
}

/** Complaint records and their histories (adapters/complaint-store.ts). */
export interface RecordStore {
  create(input: CreateRecord): Promise<{ created: boolean; id: string }>;
  /**
   * The records of a batch in one transaction (one round trip, one fsync), results in input
   * order; a message recorded before (or twice in the batch) gets the existing id, `created: false`.
   */
  createMany(inputs: readonly CreateRecord[]): Promise<{ created: boolean; id: string }[]>;
  findDuplicate(sha256: string, fingerprint: string | null): Promise<string | null>;
  /** findDuplicate for every message of a batch, in one round trip. */
  findDuplicates(messages: readonly { sha256: string; fingerprint: string | null }[]): Promise<(string | null)[]>;
  get(id: string): Promise<ComplaintRecord | null>;
  /** Throws `record_not_found` (permanent) when there is none. */
  require(id: string): Promise<ComplaintRecord>;
  getMany(ids: string[]): Promise<ComplaintRecord[]>;
  events(id: string): Promise<RecordEvent[]>;
  appendEvents(id: string, events: RecordEvent[]): Promise<void>;
  /**
   * Compare-and-set: `mutate` sees the current record (and its history on demand) and may run
   * again when another writer came first. With `link` a follow-up's dedupe keys point here too;
   * when they already do, nothing is written and `duplicate` is true.
   */
  update(
    id: string,
    mutate: (record: ComplaintRecord, history: () => Promise<RecordEvent[]>) => Mutation | Promise<Mutation>,
    link?: RecordLink,
  ): Promise<{ record: ComplaintRecord; changed: boolean; duplicate: boolean }>;
  /** Replaces record and history in one step (retention); status, receipt and deadline stay. */
  replaceRecord(id: string, replace: (record: ComplaintRecord, history: RecordEvent[]) => Mutation): Promise<{ record: ComplaintRecord; replaced: boolean }>;
  listIds(options?: { status?: RecordStatus; limit?: number; offset?: number; newestFirst?: boolean }): Promise<string[]>;
  /** Records with an event after `sinceMs`. */
  idsActiveSince(sinceMs: number): Promise<string[]>;
  idsReceivedBetween(fromMs: number, toMs: number): Promise<string[]>;
  /** Which of these Message-IDs were ever recorded (as record or follow-up). */
  knownMessageIds(messageIds: string[]): Promise<boolean[]>;
}

/** The job queues (adapters/queues.ts); job ids are domain/jobs.ts's. Returns or takes the job id. */
export interface JobQueues {
  queueReply(job: ReplyJob): Promise<string>;
  queueOfficer(job: OfficerJobInput, jobId: string, delayMs?: number): Promise<void>;
  queueOfficerMany(list: OfficerJobEntry[]): Promise<void>;
  /** The replies and officer jobs of a batch of new records in one transaction; throws if any was refused. */
  queueBatch(batch: { replies: readonly ReplyJob[]; officer: readonly OfficerJobEntry[] }): Promise<void>;
}

/** Renders a reply or officer template (adapters/templates). */
export interface Renderer {
  render(type: TemplateType, lang: Language, variables: unknown): { subject: string; text: string; html: string };
}

/** Hands a mail to SMTP or the local outbox (adapters/mailer.ts); `via` is `smtp` or a file. */
export interface MailSender {
  send(mail: OutgoingMail): Promise<{ via: string }>;
}

/** One sender per reply at a time, and the cap on automatic replies per address (adapters/reply-ledger.ts). */
export interface ReplyGuard {
  /** Resolves with the release once this process may send the reply. */
  lockSend(replyKey: string): Promise<() => Promise<void>>;
  /** Takes a slot of `cap` per 24 hours for this address, or false when none is left. */
  reserve(address: string, replyKey: string, cap: number, nowMs: number): Promise<boolean>;
}

/** The counters and gauges the use cases move (adapters/metrics.ts). */
export interface MetricsRecorder {
  inc(
    name:
      | 'messages_ingested_total'
      | 'messages_duplicate_total'
      | 'parse_failures_total'
      | 'messages_quarantined_total'
      | 'replies_sent_total'
      | 'replies_failed_total'
      | 'replies_suppressed_total'
      | 'replies_deferred_total',
  ): void;
  set(name: 'smtp_failing', value: number): void;
  setCode(name: 'smtp_last_failure', code: string): void;
  /** Milliseconds from arrival in the mailbox to record. */
  observeLag(ms: number): void;
}

/** Reads a message's bytes once: hash, size and parse (adapters/read-message.ts). */
export type ReadMessage = (source: Readable, limits: ReadLimits) => Promise<ReadResult>;

/** The watched inbox (adapters/imap-mailbox.ts, local-inbox.ts): a batch at a time until stopped. */
export interface Mailbox {
  /**
   * `handle` gets the messages of one FETCH (or one message) and says where each goes, in order;
   * an Error in its place, or a throw for the batch, leaves the message in the inbox to be tried again.
   */
  run(handle: (messages: readonly IncomingMessage[]) => Promise<(Disposition | Error)[]>, signal: AbortSignal): Promise<void>;
}

/** The folder handled mail is moved to, read for the lost-data check. */
export interface ProcessedFolder {
  envelopes(): Promise<{ messageId: string | null }[]>;
}

/** When the last digest was sent, so the next one starts there (adapters/service-state.ts). */
export interface DigestState {
  lastDigestAt(): Promise<number | null>;
  setLastDigestAt(ms: number): Promise<void>;
}
