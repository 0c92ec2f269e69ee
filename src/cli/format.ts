import type { ComplaintRecord } from '../domain/complaint-record.ts';
import { lastEvent, type RecordEvent } from '../domain/record-events.ts';

/** A plain text table: the first row is the header. */
export function formatTable(rows: string[][]): string {
  const widths = rows[0]?.map((_, column) => Math.max(...rows.map((row) => (row[column] ?? '').length))) ?? [];
  return rows.map((row) => row.map((cell, column) => cell.padEnd(widths[column] ?? 0)).join('  ').trimEnd()).join('\n');
}

/**
 * What `complaints list` shows of a record: register fields only. Reading a complainant's data
 * is `complaints show`, which leaves a `viewed` event (audit trail); a list must not be a way
 * around that.
 */
export function recordSummary(record: ComplaintRecord) {
  return {
    id: record.id,
    receivedDate: record.receivedDate,
    status: record.status,
    kind: record.triage?.kind ?? null,
    urgent: record.triage?.urgent ?? false,
    deadline: record.deadline?.deadline ?? null,
    flags: [...record.intakeFlags, ...(record.triage?.flags ?? [])],
    assignedTo: record.assignedTo,
  };
}

export function formatRecordList(records: ComplaintRecord[]): string {
  if (records.length === 0) return 'No complaints.';
  return formatTable([
    ['REFERENCE', 'RECEIVED', 'STATUS', 'KIND', 'DEADLINE', 'FLAGS'],
    ...records.map((record) => [
      record.id,
      record.receivedDate,
      record.status,
      record.triage?.kind ?? '-',
      record.deadline?.deadline ?? '-',
      [...record.intakeFlags, ...(record.triage?.flags ?? [])].join(',') || '-',
    ]),
  ]);
}

export function formatRecord(record: ComplaintRecord, events: RecordEvent[]): string {
  const contact = record.contact;
  const anonymised = lastEvent(events, 'anonymised');
  const missingText = anonymised ? `(removed on ${anonymised.at.slice(0, 10)}: retention period passed)` : '(not parsed)';
  const address = contact.address
    ? [contact.address.street, contact.address.houseNumber, contact.address.postcode, contact.address.city].filter(Boolean).join(' ')
    : '-';
  const lines = [
    `${record.id}  ${record.status}${record.triage?.urgent ? '  URGENT' : ''}`,
    `received     ${record.receivedAt} (${record.receivedDate})`,
    `kind         ${record.triage?.kind ?? '-'}   language ${record.triage?.language ?? '-'}   reply ${record.triage?.reply ?? '-'}`,
    `flags        ${[...record.intakeFlags, ...(record.triage?.flags ?? [])].join(', ') || '-'}`,
    `deadline     ${record.deadline ? `${record.deadline.deadline} (${record.deadline.route}${record.deadline.extensionWeeks ? `, +${record.deadline.extensionWeeks} weeks` : ''})` : '-'}${record.noticeBy ? `   Awb 9:8 notice by ${record.noticeBy}` : ''}`,
    `assigned to  ${record.assignedTo ?? '-'}`,
    `hearing      ${describeHearing(events)}`,
    `name         ${contact.name ?? '-'}`,
    `e-mail       ${contact.email ?? '-'}`,
    `phone        ${contact.phone ?? '-'}`,
    `address      ${address}`,
    `incident     ${record.triage?.incidentDate ?? '-'}   staff named: ${record.triage?.employees.join(', ') || '-'}`,
    `attachments  ${record.message?.attachments.map((a) => `${a.filename ?? 'unnamed'} (${a.contentType}, ${a.size} B)`).join('; ') || '-'}`,
    `reasons      ${record.triage?.reasons.join(', ') ?? '-'}`,
    '',
    'subject',
    `  ${record.message?.subject ?? '-'}`,
    '',
    'text',
    ...(record.message?.text ?? lastEvent(events, 'registered_by')?.data.description ?? missingText).split('\n').map((line) => `  ${line}`),
    '',
    'history',
    ...events.map((event) => `  ${event.at}  ${event.type.padEnd(18)} ${event.actor}${describeEvent(event)}`),
  ];
  return lines.join('\n');
}

/** The event's data worth a glance, whatever its type: a generic view, so read as plain fields. */
function describeEvent(event: RecordEvent): string {
  const data: Record<string, unknown> = event.data;
  const pick = ['type', 'weeks', 'to', 'smtpCode', 'reason', 'code', 'outcome', 'category', 'noLetterReason', 'letter', 'channel', 'date', 'how', 'ground', 'fields', 'kind', 'years', 'keepUntil'].filter((key) => data[key] !== undefined && data[key] !== null);
  return pick.length === 0 ? '' : `  ${pick.map((key) => `${key}=${JSON.stringify(data[key])}`).join(' ')}`;
}

/** The last hearing recorded (Awb 9:10): held (when, how) or waived (on which ground). */
function describeHearing(events: RecordEvent[]): string {
  const last = lastEvent(events, ['hearing_held', 'hearing_waived']);
  if (!last) return 'none recorded';
  if (last.type === 'hearing_held') return `held on ${last.data.date} (${last.data.how})`;
  return `waived (${last.data.ground})`;
}
