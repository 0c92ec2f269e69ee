import { addDays, addYears, amsterdamDateOf, compareDates, parseCalendarDate, type CalendarDate } from './calendar-date.ts';
import type { ComplaintRecord, Contact } from './complaint-record.ts';
import { hasEvent, lastEvent, makeEvent, RecordEventSchema, type EventType, type RecordEvent } from './record-events.ts';
import { isClosed, isUnhandled } from './record-status.ts';

/**
 * Retention: when a record's personal data goes, and what is left of it. Pure; the use case in
 * `app/purge-expired.ts` loads and stores.
 *
 * A complaint file is kept RETENTION_YEARS (default 5, the municipal selection list) after
 * closure. The clock starts on the Amsterdam day of the event that closed it (`closed` or
 * `not_handled`; the last one, since a complaint can be reopened). Records that never needed
 * handling start their clock on the day of receipt: automatic mail (`ignored`), compliments,
 * ideas and questions (`routed`), unreadable mail (`quarantined`) and anonymous complaints
 * (`registered`: registered, not handled, Awb 9:4). Open complaints are never due.
 *
 * A record is due once more than RETENTION_YEARS have passed: closed on 2021-03-10, it is due
 * from 2026-03-11. A start on 29 February has its anniversary on 28 February (the leap-day rule
 * of `addYears` in calendar-date.ts, which triage's Awb 9:8 check uses too).
 *
 * Anonymising keeps the register skeleton that the Awb 9:12a figures need (id, dates, kind,
 * status, flags, deadline, route, extension, who handled it) and removes everything that says
 * who wrote or what they wrote: the parsed message (subject, text, headers, addresses,
 * attachment names), contact details, triage's complainant, incident date and staff names,
 * the local file name and Message-ID, and from the history the follow-up messages and officers'
 * free text (outcome, reasons). Event data is kept by allowlist, so a field added later is
 * removed until someone decides it may stay. An `anonymised` event records when and why.
 */

export type RetentionBasis = 'closed' | 'received';

export interface RetentionStart {
  /** The day the retention period starts. */
  from: CalendarDate;
  basis: RetentionBasis;
}

export interface RetentionDecision {
  due: boolean;
  alreadyAnonymised: boolean;
  /** Null while the record is still being handled (open, awaiting details). */
  start: RetentionStart | null;
  /** The last day the personal data is kept; due from the day after. Null with `start`. */
  keepUntil: CalendarDate | null;
}

export function isAnonymised(events: readonly RecordEvent[]): boolean {
  return hasEvent(events, 'anonymised');
}

/** When a record's retention period starts, or null when it is still being handled. */
export function retentionStart(record: ComplaintRecord, events: readonly RecordEvent[]): RetentionStart | null {
  if (isClosed(record.status)) {
    const closing = lastEvent(events, record.status);
    // No closing event (an old or hand-edited record): updatedAt is at least the closing time, so
    // the record is kept longer rather than purged early.
    const at = closing?.at ?? record.updatedAt;
    return { from: amsterdamDateOf(new Date(at)), basis: 'closed' };
  }
  if (isUnhandled(record.status)) {
    return { from: parseCalendarDate(record.receivedDate), basis: 'received' };
  }
  return null;
}

export function decideRetention(record: ComplaintRecord, events: readonly RecordEvent[], options: { today: CalendarDate; years: number }): RetentionDecision {
  const alreadyAnonymised = isAnonymised(events);
  const start = retentionStart(record, events);
  if (!start) return { due: false, alreadyAnonymised, start: null, keepUntil: null };
  const keepUntil = addYears(start.from, options.years);
  return { due: !alreadyAnonymised && compareDates(options.today, keepUntil) > 0, alreadyAnonymised, start, keepUntil };
}

/**
 * Records received on or after this day cannot be due today (closure is never before receipt),
 * so a purge only needs to look at records received before it. Generous by a few days.
 */
export function retentionCandidatesBefore(today: CalendarDate, years: number): CalendarDate {
  return addDays(addYears(today, -years), 2);
}

const NO_CONTACT: Contact = { name: null, email: null, phone: null, address: null };

/** Where a message came from, without the local file name or the Message-ID. */
function anonymiseSource(source: unknown): unknown {
  if (!source || typeof source !== 'object') return source;
  const value = source as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  for (const key of ['kind', 'mailbox', 'uidValidity', 'uid', 'sha256', 'size']) if (key in value) out[key] = value[key];
  if ('file' in value) out['file'] = null;
  if ('messageId' in value) out['messageId'] = null;
  return out;
}

/**
 * Event data that may stay after anonymising, per event type: ids, codes, dates, counts and
 * officers' addresses. Typed by EventType, so a new event type must be decided on here.
 */
const KEPT_EVENT_DATA: Record<EventType, readonly string[]> = {
  received: ['sha256', 'size', 'intakeFlags', 'source'],
  duplicate_seen: ['sha256', 'source'],
  triaged: ['kind', 'flags', 'reply', 'reasons'],
  retriaged: ['kind', 'previousKind', 'flags', 'reasons'],
  followup_received: ['followupKey', 'sha256', 'receivedAt', 'source'],
  details_updated: ['fields', 'followupKey'],
  reply_queued: ['type', 'jobId'],
  reply_sent: ['type', 'jobId', 'messageId', 'via'],
  reply_failed: ['type', 'jobId', 'smtpCode', 'code'],
  reply_suppressed: ['type', 'jobId', 'reason'],
  alert_sent: ['key'],
  reminder_sent: ['key', 'daysLeft'],
  extended: ['weeks', 'from', 'to'],
  committee_route: ['from', 'to'],
  closed: ['previousStatus', 'category', 'letterJobId', 'letterPrintedKey'],
  reopened: [],
  assigned: ['to', 'from'],
  not_handled: ['previousStatus'],
  viewed: [],
  anonymised: ['retentionFrom', 'basis', 'years', 'keepUntil'],
  // The register (Awb 9:12a) needs codes and dates; names, addresses and officers' text go.
  triage_corrected: ['fields'],
  registered_by: ['channel', 'receivedDate', 'anonymous'],
  hearing_held: ['date', 'how'],
  hearing_waived: ['ground'],
  letter_written: ['letter', 'key'],
  letter_printed: ['letter', 'key'],
  note_added: [],
};

/**
 * The event with only its kept data. Read back with its schema, in which every field not kept
 * is optional (record-events.ts): an anonymised history reads like any other.
 */
export function anonymiseEvent(event: RecordEvent): RecordEvent {
  const source: Record<string, unknown> = event.data;
  const data: Record<string, unknown> = {};
  for (const key of KEPT_EVENT_DATA[event.type]) {
    if (!(key in source)) continue;
    data[key] = key === 'source' ? anonymiseSource(source[key]) : source[key];
  }
  return RecordEventSchema.parse({ ...event, data });
}

/** The register skeleton of a record: see the comment at the top. */
export function anonymiseRecord(record: ComplaintRecord, at: Date): ComplaintRecord {
  return {
    ...record,
    updatedAt: at.toISOString(),
    source: { ...record.source, file: null, messageId: null },
    message: null,
    triage: record.triage ? { ...record.triage, complainant: { ...NO_CONTACT }, incidentDate: null, employees: [] } : null,
    contact: { ...NO_CONTACT },
  };
}

/** The anonymised record and its rewritten history, ending with the `anonymised` event. */
export function anonymise(
  record: ComplaintRecord,
  events: readonly RecordEvent[],
  options: { at: Date; actor: string; years: number; decision: RetentionDecision },
): { record: ComplaintRecord; events: RecordEvent[] } {
  const note = makeEvent(
    'anonymised',
    options.actor,
    {
      retentionFrom: options.decision.start?.from ?? null,
      basis: options.decision.start?.basis ?? null,
      keepUntil: options.decision.keepUntil,
      years: options.years,
    },
    options.at,
  );
  return { record: anonymiseRecord(record, options.at), events: [...events.map(anonymiseEvent), note] };
}
