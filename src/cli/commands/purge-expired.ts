import { z } from 'zod';
import { purgeExpired, type PurgeResult } from '../../app/purge-expired.ts';
import type { OnlineCommand } from '../command.ts';
import { parseInput } from '../input.ts';

/** `complaints purge-expired [--dry-run] [--json]`: anonymise what is past RETENTION_YEARS now. */
const PurgeInput = z.object({ 'dry-run': z.boolean().default(false) });

export const purgeExpiredCommand: OnlineCommand = async (deps, { values, actor, io }) => {
  const input = parseInput(PurgeInput, { 'dry-run': values['dry-run'] });
  const result = await purgeExpired(deps, { dryRun: input['dry-run'], actor });
  if (values.json) io.json(result);
  else io.out(describePurge(result));
};

function describePurge(result: PurgeResult): string {
  const statuses = Object.entries(result.byStatus).map(([status, n]) => `${status} ${n}`).join(', ') || '-';
  const head = result.dryRun
    ? `Dry run: ${result.due} record(s) would be anonymised (retention ${result.retentionYears} years, today ${result.today}); nothing changed.`
    : `${result.anonymised} record(s) anonymised (retention ${result.retentionYears} years, today ${result.today}).`;
  return `${head}\nby status: ${statuses}\nexamined ${result.examined}, anonymised earlier ${result.alreadyAnonymised}`;
}
