import type { ComplaintRecord, Contact, IntakeFlag, RecordStatus } from './complaint-record.ts';
import { isCompleteAddress } from './postal-address.ts';
import { isRunning } from './record-status.ts';
import type { TriageResult } from './triage/triage-result.ts';

/** Complaints in the Awb sense: the clock runs for them. */
const HANDLED_KINDS: readonly TriageResult['kind'][] = ['complaint'];
/** Passed on, no Awb clock: compliments and ideas to info@, questions to officers, safety reports to casework. */
const ROUTED_KINDS: readonly TriageResult['kind'][] = ['compliment', 'idea', 'question', 'report'];

/** The status a new record starts in; see the state list in complaint-record.ts. */
export function initialStatus(triage: TriageResult | null, intakeFlags: readonly IntakeFlag[]): RecordStatus {
  if (!triage || intakeFlags.includes('parse_error') || intakeFlags.includes('too_large')) return 'quarantined';
  if (HANDLED_KINDS.includes(triage.kind)) {
    if (triage.flags.includes('anonymous')) return 'registered';
    if (triage.flags.includes('missing_name') || triage.flags.includes('missing_address')) return 'awaiting_details';
    return 'open';
  }
  if (ROUTED_KINDS.includes(triage.kind)) return 'routed';
  if (triage.kind === 'followup') return 'open';
  return 'ignored';
}

/** Whether the Awb 9:11 clock runs for a record in this status: the running group of record-status.ts. */
export function needsDeadline(status: RecordStatus): boolean {
  return isRunning(status);
}

export function contactFromTriage(triage: TriageResult | null, fallbackEmail: string | null): Contact {
  const found = triage?.complainant;
  return {
    name: found?.name ?? null,
    email: found?.email ?? fallbackEmail,
    phone: found?.phone ?? null,
    address: found?.address ?? null,
  };
}

function hasAddress(contact: Contact): boolean {
  return isCompleteAddress(contact.address);
}

/**
 * Fills what a follow-up newly supplies (never overwrites what is known) and clears the
 * matching `missing_*` flags; a complaint that was waiting for details becomes open.
 * Returns which fields were filled so the event can say so without repeating the data.
 */
export function mergeFollowupDetails(
  record: ComplaintRecord,
  followup: TriageResult,
): { record: ComplaintRecord; filled: string[] } {
  const supplied = followup.complainant;
  const contact: Contact = { ...record.contact };
  const filled: string[] = [];
  if (!contact.name && supplied.name) {
    contact.name = supplied.name;
    filled.push('name');
  }
  if (!hasAddress(contact) && supplied.address) {
    // Field by field: what is known stays, only the gaps are filled, and only when that makes
    // the address complete by the same rule triage uses.
    const known = contact.address;
    const merged = {
      street: known?.street ?? supplied.address.street,
      houseNumber: known?.houseNumber ?? supplied.address.houseNumber,
      postcode: known?.postcode ?? supplied.address.postcode,
      city: known?.city ?? supplied.address.city,
    };
    if (isCompleteAddress(merged)) {
      contact.address = merged;
      filled.push('address');
    }
  }
  if (!contact.phone && supplied.phone) {
    contact.phone = supplied.phone;
    filled.push('phone');
  }
  if (filled.length === 0) return { record, filled };
  const complete = Boolean(contact.name) && hasAddress(contact);
  // An anonymous complainant who now gives name and address has chosen to be handled (Awb 9:4).
  const identified = record.status === 'registered' && complete;
  const triage = record.triage
    ? {
        ...record.triage,
        flags: record.triage.flags.filter(
          (flag) =>
            !(flag === 'missing_name' && contact.name) && !(flag === 'missing_address' && hasAddress(contact)) && !(flag === 'anonymous' && identified),
        ),
      }
    : null;
  const status: RecordStatus = (record.status === 'awaiting_details' || identified) && complete ? 'open' : record.status;
  return { record: { ...record, contact, triage, status }, filled };
}
