import type { Config } from '../config.ts';
import { makeEvent } from '../domain/complaint-record.ts';
import { triageMessage } from '../domain/triage/triage-message.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import { ownDomain } from './ingest-message.ts';

/**
 * Runs the current triage rules again over a stored message (after the rules improved). The
 * status and clock are left alone: they may already reflect officer decisions. Replies are not
 * re-sent. Returns how many records changed.
 */
export async function retriageRecords(deps: { store: ComplaintStore; config: Config }, ids: string[], actor: string): Promise<{ changed: number; skipped: number }> {
  let changed = 0;
  let skipped = 0;
  for (const id of ids) {
    const result = await deps.store.update(id, (record) => {
      if (!record.message) return null;
      const triage = triageMessage(record.message, {
        receivedAt: new Date(record.receivedAt),
        mailboxAddress: deps.config.mailboxAddress,
        ownDomain: ownDomain(deps.config),
      });
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
