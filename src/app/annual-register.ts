import type { Config } from '../config.ts';
import type { CalendarDate } from '../domain/calendar-date.ts';
import { buildRegisterReport, type RegisterReport } from '../domain/register-report.ts';
import { deadlinePolicy } from '../domain/plan-clock.ts';
import type { RecordStore } from './ports.ts';

/**
 * The Awb 9:12a register of one year, for the CLI's `report` and the console's register page:
 * every record with its history, counted by the pure domain/register-report.ts. Reads all
 * records; it is a yearly report, not a page for every minute.
 */
export async function loadRegisterReport(deps: { store: Pick<RecordStore, 'listIds' | 'getMany' | 'events'>; config: Config }, input: { year: number; today: CalendarDate }): Promise<RegisterReport> {
  const ids = await deps.store.listIds({ newestFirst: false });
  const records = await deps.store.getMany(ids);
  const items = await Promise.all(records.map(async (record) => ({ record, events: await deps.store.events(record.id) })));
  return buildRegisterReport({ year: input.year, items, today: input.today, policy: deadlinePolicy(deps.config) });
}
