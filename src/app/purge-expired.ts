import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { amsterdamDateOf } from '../domain/calendar-date.ts';
import type { RecordStatus } from '../domain/complaint-record.ts';
import { anonymise, decideRetention, retentionCandidatesBefore } from '../domain/retention.ts';
import type { Clock, RecordStore } from './ports.ts';

/**
 * Anonymises every record whose retention period has passed (rules in domain/retention.ts).
 * Safe to run at any time and as often as wanted: a record is anonymised once, and the decision
 * is taken again inside the store's compare-and-set, so a complaint reopened meanwhile is left
 * alone. Reports counts only; the log names record ids, never their content.
 */
export interface PurgeDeps {
  store: RecordStore;
  config: Pick<Config, 'RETENTION_YEARS'>;
  log: Logger;
  clock: Clock;
}

export interface PurgeOptions {
  /** Count what is due without changing anything. */
  dryRun?: boolean;
  /** Recorded on the `anonymised` event. */
  actor?: string;
}

export interface PurgeResult {
  dryRun: boolean;
  retentionYears: number;
  today: string;
  /** Records old enough to be looked at. */
  examined: number;
  /** Due now (in a dry run: would be anonymised). */
  due: number;
  anonymised: number;
  alreadyAnonymised: number;
  /** Due per status. */
  byStatus: Partial<Record<RecordStatus, number>>;
}

const BATCH = 200;

export async function purgeExpired(deps: PurgeDeps, options: PurgeOptions = {}): Promise<PurgeResult> {
  const now = deps.clock.now();
  const today = amsterdamDateOf(now);
  const years = deps.config.RETENTION_YEARS;
  const dryRun = options.dryRun ?? false;
  const actor = options.actor ?? 'retention';
  const result: PurgeResult = { dryRun, retentionYears: years, today, examined: 0, due: 0, anonymised: 0, alreadyAnonymised: 0, byStatus: {} };

  // A record received before day B arrived before B 00:00 in Amsterdam, which is earlier than
  // B 00:00 UTC (Amsterdam is ahead of UTC), so this bound misses no candidate.
  const bound = Date.parse(`${retentionCandidatesBefore(today, years)}T00:00:00Z`);
  const ids = await deps.store.idsReceivedBetween(0, bound);
  for (let offset = 0; offset < ids.length; offset += BATCH) {
    const records = await deps.store.getMany(ids.slice(offset, offset + BATCH));
    for (const record of records) {
      result.examined += 1;
      const decision = decideRetention(record, await deps.store.events(record.id), { today, years });
      if (decision.alreadyAnonymised) result.alreadyAnonymised += 1;
      if (!decision.due) continue;
      if (dryRun) {
        result.due += 1;
        result.byStatus[record.status] = (result.byStatus[record.status] ?? 0) + 1;
        continue;
      }
      const replaced = await deps.store.replaceRecord(record.id, (current, history) => {
        const again = decideRetention(current, history, { today, years });
        return again.due ? anonymise(current, history, { at: now, actor, years, decision: again }) : null;
      });
      if (!replaced.replaced) continue;
      result.due += 1;
      result.anonymised += 1;
      result.byStatus[replaced.record.status] = (result.byStatus[replaced.record.status] ?? 0) + 1;
      deps.log.info('record_anonymised', { id: record.id, status: replaced.record.status });
    }
  }
  deps.log.info('retention_run', { dryRun, years, examined: result.examined, due: result.due, anonymised: result.anonymised });
  return result;
}
