import { z } from 'zod';
import { AppError } from '../errors.ts';
import { HearingModeSchema, OutcomeCategorySchema, RegisteredChannelSchema, WaiverGroundSchema } from './complaint-handling.ts';
import { IntakeFlagSchema, RecordStatusSchema, SourceSchema } from './complaint-record.ts';
import { ParsedMessageSchema } from './parsed-message.ts';
import { ComplainantMailTypeSchema, OfficerLetterTypeSchema } from './reply-types.ts';
import { TriageFlagSchema, TriageKindSchema, TriageReplySchema, TriageResultSchema } from './triage/triage-result.ts';

/**
 * A record's history: append-only events, one zod schema per event type, read and written
 * through this module. "Has this happened?" is asked with `hasEvent`/`lastEvent`/`eventsOf`, never
 * by reading `event.data['…']` by hand.
 *
 * Reading stays tolerant of what is already stored:
 * - fields that retention removes (the officer's free text, a follow-up's message and triage;
 *   see KEPT_EVENT_DATA in retention.ts) are optional, so an anonymised history reads, and a
 *   reader handles their absence;
 * - shapes written by older versions read as today's: an `alert_sent` without `key` (before
 *   follow-ups had their own alerts) is the opening message's (`key: ''`); a `closed` with only
 *   the officer's free-text `outcome` (before outcome categories) keeps it;
 * - fields this version does not know are dropped when read, never an error.
 * An event that fits none of this (an unknown type, a field of the wrong kind) makes the store
 * raise `record_invalid`, as a malformed record does.
 */

/** Where a message came from, as an event names it (a follow-up adds its Message-ID). */
const EventSourceSchema = SourceSchema.pick({ kind: true, mailbox: true, uidValidity: true, uid: true, file: true }).extend({
  messageId: z.string().nullable().optional(),
});
const CalendarDay = z.iso.date();
const JobId = z.string().min(1);

export const EVENT_DATA_SCHEMAS = {
  received: z.object({ sha256: z.string(), size: z.number().int().nonnegative(), intakeFlags: z.array(IntakeFlagSchema), source: EventSourceSchema }),
  duplicate_seen: z.object({ sha256: z.string(), source: EventSourceSchema }),
  triaged: z.object({ kind: TriageKindSchema, flags: z.array(TriageFlagSchema), reply: TriageReplySchema.nullable(), reasons: z.array(z.string()) }),
  retriaged: z.object({ kind: TriageKindSchema, previousKind: TriageKindSchema.nullable(), flags: z.array(TriageFlagSchema), reasons: z.array(z.string()) }),
  /** `message` and `triage` are removed by retention. */
  followup_received: z.object({
    followupKey: z.string(),
    sha256: z.string(),
    receivedAt: z.iso.datetime(),
    source: EventSourceSchema,
    message: ParsedMessageSchema.optional(),
    triage: TriageResultSchema.optional(),
  }),
  details_updated: z.object({ fields: z.array(z.string()), followupKey: z.string() }),
  reply_queued: z.object({ type: ComplainantMailTypeSchema, jobId: JobId }),
  reply_sent: z.object({ type: ComplainantMailTypeSchema, jobId: JobId, messageId: z.string(), via: z.enum(['smtp', 'outbox']) }),
  reply_failed: z.object({ type: ComplainantMailTypeSchema, jobId: JobId, smtpCode: z.number().int().nullable(), code: z.string() }),
  reply_suppressed: z.object({ type: ComplainantMailTypeSchema, jobId: JobId, reason: z.string() }),
  /** `key`: '' for the message that opened the record, a follow-up's key for an urgent follow-up. */
  alert_sent: z.object({ key: z.string().default('') }),
  /** `key`: the reminder's (`deadline-…`, `notice_by-…`) or `extension-<deadline>`; `daysLeft` for reminders. */
  reminder_sent: z.object({ key: z.string(), daysLeft: z.number().int().optional() }),
  /** `reason` (the officer's words, sent to the complainant) is removed by retention. */
  extended: z.object({ weeks: z.number().int().min(1).max(4), reason: z.string().optional(), from: CalendarDay, to: CalendarDay }),
  committee_route: z.object({ reason: z.string().optional(), from: CalendarDay.nullable(), to: CalendarDay }),
  /**
   * Older closings carry only `outcome` (free text); newer ones a `category`, the outcome
   * letter's job id (or its key when it was printed and posted) or a reason why none was sent,
   * and the officer's summary.
   */
  closed: z.object({
    category: OutcomeCategorySchema.optional(),
    letterJobId: z.string().nullable().optional(),
    /** The key of the outcome letter printed and posted to a complainant without e-mail. */
    letterPrintedKey: z.string().optional(),
    noLetterReason: z.string().optional(),
    summary: z.string().optional(),
    outcome: z.string().optional(),
    previousStatus: RecordStatusSchema.optional(),
  }),
  reopened: z.object({ reason: z.string().optional() }),
  assigned: z.object({ to: z.string(), from: z.string().nullable() }),
  not_handled: z.object({ reason: z.string().optional(), previousStatus: RecordStatusSchema }),
  viewed: z.object({}),
  anonymised: z.object({
    retentionFrom: CalendarDay.nullable(),
    basis: z.enum(['closed', 'received']).nullable(),
    keepUntil: CalendarDay.nullable(),
    years: z.number().int().positive(),
  }),
  /** Before and after of each changed field; retention keeps only the field names. */
  triage_corrected: z.object({
    fields: z.array(z.string()),
    before: z.record(z.string(), z.unknown()).optional(),
    after: z.record(z.string(), z.unknown()).optional(),
  }),
  /** `description` (the complaint in the officer's words) is removed by retention. */
  registered_by: z.object({ channel: RegisteredChannelSchema, receivedDate: CalendarDay, anonymous: z.boolean(), description: z.string().optional() }),
  hearing_held: z.object({ date: CalendarDay, how: HearingModeSchema, note: z.string().optional() }),
  hearing_waived: z.object({ ground: WaiverGroundSchema, note: z.string().optional() }),
  /** `variables`: what the officer wrote, read back by the reply worker when it sends the letter; removed by retention. */
  letter_written: z.object({ letter: OfficerLetterTypeSchema, key: z.string(), variables: z.record(z.string(), z.unknown()).optional() }),
  /** A letter to a complainant without an e-mail address, printed in the console to post (the `letter_written` of the same key holds its text). */
  letter_printed: z.object({ letter: OfficerLetterTypeSchema, key: z.string() }),
  note_added: z.object({ note: z.string().optional() }),
} as const;

type DataSchemas = typeof EVENT_DATA_SCHEMAS;
export type EventType = keyof DataSchemas;
export const EVENT_TYPES = Object.keys(EVENT_DATA_SCHEMAS) as EventType[];
export const EventTypeSchema = z.enum(EVENT_TYPES as [EventType, ...EventType[]]);

const eventSchema = <T extends EventType>(type: T) =>
  z.object({
    at: z.iso.datetime(),
    type: z.literal(type),
    /** `system`, a worker name, or the officer who acted. */
    actor: z.string(),
    data: EVENT_DATA_SCHEMAS[type],
  });

type EventSchemas = { [T in EventType]: ReturnType<typeof eventSchema<T>> };
const EVENT_SCHEMAS = Object.fromEntries(EVENT_TYPES.map((type) => [type, eventSchema(type)])) as EventSchemas;

export const RecordEventSchema = z.discriminatedUnion(
  'type',
  Object.values(EVENT_SCHEMAS) as [EventSchemas[EventType], ...EventSchemas[EventType][]],
);

/** One event of a record's history; `type` tells which data it carries. */
export type RecordEvent = { [T in EventType]: z.output<EventSchemas[T]> }[EventType];
export type EventOf<T extends EventType> = Extract<RecordEvent, { type: T }>;
export type EventData<T extends EventType> = EventOf<T>['data'];
/** The data as written: fields with a default may be left out. */
export type EventDataInput<T extends EventType> = z.input<DataSchemas[T]>;

/** An event without data to give (`viewed`) takes none. */
type DataArgs<T extends EventType> = {} extends EventDataInput<T> ? [data?: EventDataInput<T>, at?: Date] : [data: EventDataInput<T>, at?: Date];

/**
 * A new event, its data checked against its type's schema: a use case that builds a wrong one
 * fails here (`event_invalid`, permanent), before anything is written.
 */
export function makeEvent<T extends EventType>(type: T, actor: string, ...[data, at = new Date()]: DataArgs<T>): EventOf<T> {
  const parsed = EVENT_DATA_SCHEMAS[type].safeParse(data ?? {});
  if (!parsed.success) {
    throw new AppError('event_invalid', `A ${type} event was built with data its schema refuses; nothing was written.`, { cause: parsed.error, permanent: true });
  }
  return { at: at.toISOString(), type, actor, data: parsed.data } as EventOf<T>;
}

/** What an event must hold to match: equal data values for the fields given, or a test of the event. */
export type EventMatch<T extends EventType> = Partial<EventData<T>> | ((event: EventOf<T>) => boolean);

const isType = <T extends EventType>(types: T | readonly T[]) => {
  const list: readonly EventType[] = typeof types === 'string' ? [types] : types;
  return (event: RecordEvent): event is EventOf<T> => list.includes(event.type);
};

function matches<T extends EventType>(event: EventOf<T>, match: EventMatch<T> | undefined): boolean {
  if (match === undefined) return true;
  if (typeof match === 'function') return match(event);
  const data = event.data as Record<string, unknown>;
  return Object.entries(match).every(([key, value]) => data[key] === value);
}

/** Every event of these types (whose data matches), in order. */
export function eventsOf<T extends EventType>(events: readonly RecordEvent[], types: T | readonly T[], match?: EventMatch<T>): EventOf<T>[] {
  const wanted = isType(types);
  return events.filter(wanted).filter((event) => matches(event, match));
}

/** Whether an event of these types (whose data matches) happened: "was this reply sent already?". */
export function hasEvent<T extends EventType>(events: readonly RecordEvent[], types: T | readonly T[], match?: EventMatch<T>): boolean {
  const wanted = isType(types);
  return events.some((event) => wanted(event) && matches(event, match));
}

/** Whether the complainant was heard, or the hearing waived (Awb 9:10), at any point. */
export function hearingRecorded(events: readonly RecordEvent[]): boolean {
  return hasEvent(events, ['hearing_held', 'hearing_waived']);
}

/** The latest event of these types (whose data matches), if any. */
export function lastEvent<T extends EventType>(events: readonly RecordEvent[], types: T | readonly T[], match?: EventMatch<T>): EventOf<T> | undefined {
  const wanted = isType(types);
  return events.findLast((event): event is EventOf<T> => wanted(event) && matches(event, match));
}
