import type { Config } from '../config.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { makeEvent } from '../domain/record-events.ts';
import type { TriageResult } from '../domain/triage/triage-result.ts';
import { triageMessage } from '../domain/triage/triage-message.ts';
import { isCompleteAddress } from '../domain/postal-address.ts';
import type { RecordStore } from './ports.ts';

/**
 * Runs the current triage rules again over a stored message (after the rules improved). The
 * status and clock are left alone: they may already reflect officer decisions. Replies are not
 * re-sent. Returns how many records changed.
 */
export async function retriageRecords(deps: { store: RecordStore; config: Config }, ids: string[], actor: string): Promise<{ changed: number; skipped: number }> {
  let changed = 0;
  let skipped = 0;
  for (const id of ids) {
    const result = await deps.store.update(id, (record) => {
      if (!record.message) return null;
      const fresh = triageMessage(record.message, { ...deps.config.triage, receivedAt: new Date(record.receivedAt) });
      const triage = keepSettled(fresh, record);
      if (JSON.stringify(triage) === JSON.stringify(record.triage)) return null;
      return {
        record: { ...record, triage },
        events: [makeEvent('retriaged', actor, { kind: triage.kind, previousKind: record.triage?.kind ?? null, flags: triage.flags, reasons: triage.reasons })],
      };
    });
    if (result.changed) changed += 1;
    else skipped += 1;
  }
  return { changed, skipped };
}

/**
 * What intake and follow-ups settled stays: the reply was decided (and sent) once, and details a
 * follow-up supplied are still known, so their `missing_*` flags do not come back.
 */
function keepSettled(fresh: TriageResult, record: ComplaintRecord): TriageResult {
  const known = { name: Boolean(record.contact.name), address: isCompleteAddress(record.contact.address) };
  return {
    ...fresh,
    reply: record.triage ? record.triage.reply : fresh.reply,
    flags: fresh.flags.filter((flag) => !(flag === 'missing_name' && known.name) && !(flag === 'missing_address' && known.address)),
  };
}
