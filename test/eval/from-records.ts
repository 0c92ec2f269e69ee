/**
 * `npm run eval:triage -- --from-records`: today's triage rules scored against the records whose
 * triage an officer corrected (`triage_corrected` events), on the machine where the records
 * are. The label of a record is what the officer settled on: each corrected field's last
 * `after`, the record's own value for the fields nobody corrected. Scored: kind, urgency, flags,
 * name and address, in the same table as the labelled sets. Prints counts and codes only.
 */
import { eventsOf } from '../../src/domain/record-events.ts';
import type { ComplaintRecord } from '../../src/domain/complaint-record.ts';
import type { RecordEvent } from '../../src/domain/record-events.ts';
import { triageMessage } from '../../src/domain/triage/triage-message.ts';
import type { TriageContext, TriageResult } from '../../src/domain/triage/triage-result.ts';
import { LabelSchema, type Label, type LabelledMessage } from './labelled-sets.ts';
import { FIELDS, scoreResults, type Field, type Score } from './score.ts';

export const RECORD_FIELDS: readonly Field[] = ['kind', 'urgent', 'flags', 'name', 'address'];

/** The label an officer's corrections give a record; null when nobody corrected it or there is no message to triage. */
export function recordLabel(record: ComplaintRecord, events: readonly RecordEvent[]): Label | null {
  const corrections = eventsOf(events, 'triage_corrected');
  if (corrections.length === 0 || !record.message || !record.triage) return null;
  const settled: Record<string, unknown> = {
    kind: record.triage.kind,
    urgent: record.triage.urgent,
    flags: record.triage.flags,
    name: record.contact.name,
    address: record.contact.address,
    phone: record.contact.phone,
  };
  for (const { data } of corrections) Object.assign(settled, data.after);
  const parsed = LabelSchema.safeParse({
    receivedAt: record.receivedAt,
    kind: settled['kind'],
    urgent: settled['urgent'],
    language: record.triage.language,
    reply: record.triage.reply,
    flags: settled['flags'],
    complainant: { name: settled['name'], email: record.triage.complainant.email, phone: settled['phone'], address: settled['address'] },
  });
  return parsed.success ? parsed.data : null;
}

/** Triage today's rules over each corrected record and score only the fields officers correct. */
export function scoreRecords(items: readonly { record: ComplaintRecord; events: readonly RecordEvent[] }[], context: Omit<TriageContext, 'receivedAt'>): Score {
  const pairs: { message: LabelledMessage; result: TriageResult }[] = [];
  for (const { record, events } of items) {
    const label = recordLabel(record, events);
    if (!label || !record.message) continue;
    const result = triageMessage(record.message, { ...context, receivedAt: new Date(record.receivedAt) });
    pairs.push({ message: { id: record.id, path: '', group: 'records', label }, result });
  }
  const score = scoreResults(pairs);
  for (const field of FIELDS) {
    if (RECORD_FIELDS.includes(field)) continue;
    score.scored[field] = 0;
    score.correct[field] = 0;
  }
  score.mismatches = score.mismatches.filter((mismatch) => RECORD_FIELDS.includes(mismatch.field));
  return score;
}
