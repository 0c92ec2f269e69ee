import { z } from 'zod';
import { amsterdamDateOf } from '../../domain/calendar-date.ts';
import { registerCsv, registerRows } from '../../domain/register-report.ts';
import { loadRegisterReport } from '../../app/annual-register.ts';
import type { OnlineCommand } from '../command.ts';
import { parseInput } from '../input.ts';

/** `report --year YYYY [--json|--csv]`: the Awb 9:12a register of one year, counted from events. */
const ReportInput = z.object({
  year: z.coerce.number({ error: '--year must be a year' }).int('--year must be a year').min(2000, '--year must be 2000 to 2100').max(2100, '--year must be 2000 to 2100'),
});

export const reportCommand: OnlineCommand = async (deps, { values, io }) => {
  const today = amsterdamDateOf(deps.clock.now());
  const { year } = parseInput(ReportInput, { year: values.year ?? today.slice(0, 4) });
  const report = await loadRegisterReport(deps, { year, today });
  if (values.json) io.json(report);
  else if (values.csv) io.raw(registerCsv(report));
  else io.out(registerRows(report).map((row) => `${row.figure.padEnd(40)} ${row.value || '-'}`).join('\n'));
};
