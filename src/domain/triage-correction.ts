import type { ComplaintRecord } from './complaint-record.ts';
import type { PostalAddress, TriageFlag, TriageKind } from './triage/triage-result.ts';

/**
 * An officer's correction of what triage decided or extracted (app/officer-actions.ts
 * `correctTriage`). The `triage_corrected` event keeps before and after of each changed field,
 * so corrections can later measure the rules; the console's preview shows the same diff.
 */

/** What an officer may correct of triage's result; a field left out stays as it is. */
export interface TriageCorrection {
  kind?: TriageKind;
  urgent?: boolean;
  flags?: TriageFlag[];
  name?: string | null;
  address?: PostalAddress | null;
  phone?: string | null;
}

/** Before and after of each field the correction changes (empty when it changes nothing). */
export function triageCorrectionDiff(record: ComplaintRecord, correction: TriageCorrection): { before: Record<string, unknown>; after: Record<string, unknown> } {
  const triage = record.triage;
  const current: Record<keyof TriageCorrection, unknown> = {
    kind: triage?.kind,
    urgent: triage?.urgent,
    flags: triage?.flags,
    name: record.contact.name,
    address: record.contact.address,
    phone: record.contact.phone,
  };
  const before: Record<string, unknown> = {};
  const after: Record<string, unknown> = {};
  for (const key of Object.keys(current) as (keyof TriageCorrection)[]) {
    const wanted = correction[key];
    if (wanted !== undefined && JSON.stringify(current[key]) !== JSON.stringify(wanted)) {
      before[key] = current[key];
      after[key] = wanted;
    }
  }
  return { before, after };
}
