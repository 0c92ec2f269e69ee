import { amsterdamDateOf, daysBetween, parseCalendarDate, type CalendarDate } from './calendar-date.ts';
import { CHANNELS, OUTCOME_CATEGORIES, WAIVER_GROUNDS, type Channel, type OutcomeCategory, type WaiverGround } from './complaint-handling.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import { eventsOf, hasEvent, lastEvent, type RecordEvent } from './record-events.ts';
import { computeDeadline, type DeadlinePolicy } from './deadlines.ts';
import { isClosed } from './record-status.ts';
import { isAutomaticKind } from './triage/triage-result.ts';

/**
 * The Awb 9:12a register for one calendar year, counted from each record's history: what
 * happened in that year, not what a record's status is today. A complaint received in December,
 * extended in January and closed in February is received in one year, extended and closed in
 * the next. Pure: the caller loads records and events.
 *
 * - What is a complaint: the kind triage gave, as an officer corrected it later
 *   (`triage_corrected`), or a complaint registered by an officer (`registered_by`). Automatic
 *   mail and spam never are, whatever an officer did to them (closing an out-of-office by
 *   mistake closes no complaint); they are only counted apart.
 * - Anonymous: anonymous when received, also when later marked not handled or identified.
 * - Closed, not handled: the last closing (`closed`, `not_handled`) in the year that no
 *   `reopened` followed by the end of the year (or today, for the running year).
 * - Within the term: closed on or before the deadline in force then (Awb 9:11, with the
 *   extension or committee route recorded before the closing). Days are Amsterdam days.
 * - Overdue at year end: a complaint with a running clock at the end of the year (or today)
 *   whose deadline had passed.
 */

export interface RegisterItem {
  record: ComplaintRecord;
  events: readonly RecordEvent[];
}

export interface RegisterInput {
  year: number;
  /** Amsterdam day the report is made; a year not yet over is counted up to this day. */
  today: CalendarDate;
  policy: DeadlinePolicy;
  items: readonly RegisterItem[];
}

export type OutcomeCount = Record<OutcomeCategory | 'unspecified', number>;

export interface RegisterReport {
  year: number;
  /** The last day counted: 31 December, or today for the running year. */
  countedUntil: string;
  /** Messages received in the year by what they are (automatic mail and spam apart). */
  receivedByKind: Record<string, number>;
  /** Automatic mail and spam received in the year: recorded, never complaints. */
  automaticMail: number;
  complaintsReceived: number;
  complaintsByChannel: Record<Channel, number>;
  anonymousRegistered: number;
  handledWithinTerm: number;
  closedLate: number;
  extended: number;
  committeeRoute: number;
  notHandled: number;
  closed: number;
  closedByOutcome: OutcomeCount;
  overdueAtYearEnd: number;
  /** Receipt to closing, in days, over the complaints closed in the year; null when none was. */
  medianDaysToClose: number | null;
  hearingsHeld: number;
  hearingsWaived: number;
  hearingsWaivedByGround: Record<WaiverGround, number>;
}

const dayOf = (event: RecordEvent): CalendarDate => amsterdamDateOf(new Date(event.at));
const zeros = <K extends string>(keys: readonly K[]) => Object.fromEntries(keys.map((key) => [key, 0])) as Record<K, number>;

/** The record's kind as last decided: triage, retriage, or an officer's correction. */
export function effectiveKind(record: ComplaintRecord, events: readonly RecordEvent[]): string {
  let kind = record.triage?.kind ?? 'unparsed';
  let decided = false;
  for (const event of events) {
    if (event.type === 'registered_by') [kind, decided] = ['complaint', true];
    if (event.type === 'triaged' || event.type === 'retriaged') [kind, decided] = [event.data.kind, true];
    // A correction that left the kind alone (or lost its before and after to retention) decides nothing.
    const corrected = event.type === 'triage_corrected' ? event.data.after?.['kind'] : undefined;
    if (typeof corrected === 'string') [kind, decided] = [corrected, true];
  }
  return decided ? kind : (record.triage?.kind ?? 'unparsed');
}

function channelOf(events: readonly RecordEvent[]): Channel {
  return eventsOf(events, 'registered_by')[0]?.data.channel ?? 'email';
}

/** Anonymous when it came in: as registered by the officer, or triage's first verdict. */
function anonymousAtReceipt(record: ComplaintRecord, events: readonly RecordEvent[]): boolean {
  const first = eventsOf(events, ['registered_by', 'triaged'])[0];
  if (first?.type === 'registered_by') return first.data.anonymous;
  if (first?.type === 'triaged') return first.data.flags.includes('anonymous');
  return record.status === 'registered';
}

/** The Awb 9:11 deadline in force on `day`: the last extension or committee route by then, else six weeks. */
function deadlineOn(record: ComplaintRecord, events: readonly RecordEvent[], day: CalendarDate, policy: DeadlinePolicy): CalendarDate {
  const moved = lastEvent(events, ['extended', 'committee_route'], (event) => dayOf(event) <= day);
  return moved ? parseCalendarDate(moved.data.to) : computeDeadline({ received: parseCalendarDate(record.receivedDate), route: 'standard', extensionWeeks: 0, policy }).deadline;
}

const LIFECYCLE = ['closed', 'not_handled', 'reopened'] as const;

export function median(values: readonly number[]): number | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  const upper = sorted[middle] ?? 0;
  return sorted.length % 2 === 1 ? upper : ((sorted[middle - 1] ?? 0) + upper) / 2;
}

export function buildRegisterReport(input: RegisterInput): RegisterReport {
  const { year } = input;
  const yearEnd = parseCalendarDate(`${year}-12-31`);
  const until = input.today < yearEnd ? input.today : yearEnd;
  const inYear = (day: string) => day.startsWith(`${year}-`) && day <= until;
  const report: RegisterReport = {
    year,
    countedUntil: until,
    receivedByKind: {},
    automaticMail: 0,
    complaintsReceived: 0,
    complaintsByChannel: zeros(CHANNELS),
    anonymousRegistered: 0,
    handledWithinTerm: 0,
    closedLate: 0,
    extended: 0,
    committeeRoute: 0,
    notHandled: 0,
    closed: 0,
    closedByOutcome: zeros([...OUTCOME_CATEGORIES, 'unspecified']),
    overdueAtYearEnd: 0,
    medianDaysToClose: null,
    hearingsHeld: 0,
    hearingsWaived: 0,
    hearingsWaivedByGround: zeros(WAIVER_GROUNDS),
  };
  const daysToClose: number[] = [];

  for (const { record, events } of input.items) {
    const kind = effectiveKind(record, events);
    const received = inYear(record.receivedDate);
    if (received) {
      if (isAutomaticKind(kind)) report.automaticMail += 1;
      else report.receivedByKind[kind] = (report.receivedByKind[kind] ?? 0) + 1;
    }
    if (kind !== 'complaint') continue;

    const anonymous = anonymousAtReceipt(record, events);
    if (received) {
      report.complaintsReceived += 1;
      report.complaintsByChannel[channelOf(events)] += 1;
      if (anonymous) report.anonymousRegistered += 1;
    }
    const counted = events.filter((event) => dayOf(event) <= until);
    if (hasEvent(counted, 'extended', (event) => inYear(dayOf(event)))) report.extended += 1;
    if (hasEvent(counted, 'committee_route', (event) => inYear(dayOf(event)))) report.committeeRoute += 1;
    const held = hasEvent(counted, 'hearing_held', (event) => inYear(event.data.date));
    if (held) report.hearingsHeld += 1;
    const ground = lastEvent(counted, 'hearing_waived', (event) => inYear(dayOf(event)))?.data.ground;
    if (!held && ground) {
      report.hearingsWaived += 1;
      report.hearingsWaivedByGround[ground] += 1;
    }

    const last = lastEvent(counted, LIFECYCLE);
    if (last && last.type !== 'reopened') {
      const day = dayOf(last);
      if (!inYear(day)) continue;
      if (last.type === 'not_handled') {
        report.notHandled += 1;
        continue;
      }
      report.closed += 1;
      report.closedByOutcome[last.data.category ?? 'unspecified'] += 1;
      if (day <= deadlineOn(record, events, day, input.policy)) report.handledWithinTerm += 1;
      else report.closedLate += 1;
      daysToClose.push(daysBetween(parseCalendarDate(record.receivedDate), day));
      continue;
    }
    // Still being handled at the end of the counted period: an anonymous complaint has no clock
    // until the complainant gives name and address.
    const clockRuns = !anonymous || record.deadline !== null;
    // A closed record without any closing event (written before events were kept) is not running.
    if (isClosed(record.status) && !hasEvent(events, LIFECYCLE)) continue;
    if (record.receivedDate <= until && clockRuns && deadlineOn(record, events, until, input.policy) < until) report.overdueAtYearEnd += 1;
  }
  report.medianDaysToClose = median(daysToClose);
  return report;
}

/** The report as rows of figure and value, for the text table and the CSV download. */
export function registerRows(report: RegisterReport): { figure: string; value: string }[] {
  const rows: { figure: string; value: string }[] = [];
  const add = (figure: string, value: number | string | null) => rows.push({ figure, value: value === null ? '' : String(value) });
  add('year', report.year);
  add('counted_until', report.countedUntil);
  add('complaints_received', report.complaintsReceived);
  for (const channel of CHANNELS) add(`complaints_received_by_${channel}`, report.complaintsByChannel[channel]);
  add('anonymous_registered', report.anonymousRegistered);
  add('handled_within_term', report.handledWithinTerm);
  add('closed_late', report.closedLate);
  add('extended', report.extended);
  add('committee_route', report.committeeRoute);
  add('not_handled', report.notHandled);
  add('closed', report.closed);
  for (const [category, n] of Object.entries(report.closedByOutcome)) add(`closed_${category}`, n);
  add('overdue_at_year_end', report.overdueAtYearEnd);
  add('median_days_to_close', report.medianDaysToClose);
  add('hearings_held', report.hearingsHeld);
  add('hearings_waived', report.hearingsWaived);
  for (const [ground, n] of Object.entries(report.hearingsWaivedByGround)) add(`hearings_waived_${ground}`, n);
  for (const [kind, n] of Object.entries(report.receivedByKind).sort()) add(`received_${kind}`, n);
  add('automatic_mail_not_counted', report.automaticMail);
  return rows;
}

/** RFC 4180 CSV with a header line; every value is a code or a number, so nothing needs quoting. */
export function registerCsv(report: RegisterReport): string {
  return `figure,value\r\n${registerRows(report).map((row) => `${row.figure},${row.value}`).join('\r\n')}\r\n`;
}
