import { amsterdamDateOf } from '../domain/calendar-date.ts';
import { isRunning } from '../domain/record-status.ts';
import type { ComplaintRecord, RecordEvent } from '../domain/complaint-record.ts';

/**
 * Awb 9:12a register figures for one year of receipt. Pure: the caller loads the records and
 * their events; `today` decides what counts as overdue.
 */
export interface RegisterReport {
  year: number;
  received: number;
  byKind: Record<string, number>;
  anonymousRegistered: number;
  handledWithinTerm: number;
  closedLate: number;
  extended: number;
  committeeRoute: number;
  overdue: number;
  open: number;
  closed: number;
  notHandled: number;
  quarantined: number;
}

export function buildRegisterReport(year: number, items: { record: ComplaintRecord; events: RecordEvent[] }[], today: string): RegisterReport {
  const report: RegisterReport = {
    year,
    received: 0,
    byKind: {},
    anonymousRegistered: 0,
    handledWithinTerm: 0,
    closedLate: 0,
    extended: 0,
    committeeRoute: 0,
    overdue: 0,
    open: 0,
    closed: 0,
    notHandled: 0,
    quarantined: 0,
  };
  for (const { record, events } of items) {
    if (!record.receivedDate.startsWith(`${year}-`)) continue;
    report.received += 1;
    const kind = record.triage?.kind ?? 'unparsed';
    report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
    if (record.status === 'registered') report.anonymousRegistered += 1;
    if (record.status === 'quarantined') report.quarantined += 1;
    if (record.status === 'not_handled') report.notHandled += 1;
    if (record.deadline && record.deadline.extensionWeeks > 0) report.extended += 1;
    if (record.deadline?.route === 'committee') report.committeeRoute += 1;
    if (isRunning(record.status)) {
      report.open += 1;
      if (record.deadline && record.deadline.deadline < today) report.overdue += 1;
    }
    if (record.status === 'closed') {
      report.closed += 1;
      // Legal terms count calendar days in Amsterdam, not UTC.
      const closedEvent = [...events].reverse().find((event) => event.type === 'closed');
      const closedAt = closedEvent ? amsterdamDateOf(new Date(closedEvent.at)) : undefined;
      if (record.deadline && closedAt) {
        if (closedAt <= record.deadline.deadline) report.handledWithinTerm += 1;
        else report.closedLate += 1;
      }
    }
  }
  return report;
}
