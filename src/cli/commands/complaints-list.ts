import { z } from 'zod';
import { amsterdamDateOf } from '../../domain/calendar-date.ts';
import { RecordStatusSchema } from '../../domain/complaint-record.ts';
import type { OnlineCommand } from '../command.ts';
import { formatRecordList, recordSummary } from '../format.ts';
import { parseInput } from '../input.ts';

/**
 * `complaints list [--status S] [--due-within DAYS] [--sender ADDRESS] [--limit N] [--json]`:
 * register fields only. The deadline and sender indexes answer "what is due" and "what else did
 * this person send".
 */
const ListInput = z.object({
  status: RecordStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(10_000).default(100),
  'due-within': z.coerce.number({ error: '--due-within must be a number of days' }).int().min(0).max(3650).optional(),
  sender: z.email({ error: '--sender must be an e-mail address' }).optional(),
});

export const listComplaints: OnlineCommand = async (deps, { values, io }) => {
  const input = parseInput(ListInput, { status: values.status, limit: values.limit, 'due-within': values['due-within'], sender: values.sender });
  const dueWithin = input['due-within'];
  const filtered = dueWithin !== undefined || input.sender !== undefined;
  let ids = await deps.store.listIds({ ...(input.status ? { status: input.status } : {}), ...(filtered ? {} : { limit: input.limit }) });
  if (dueWithin !== undefined) {
    const today = Date.parse(`${amsterdamDateOf(deps.clock.now())}T00:00:00Z`) / 86_400_000;
    const due = new Set(await deps.store.idsWithDeadlineUntil(today + dueWithin));
    ids = ids.filter((candidate) => due.has(candidate));
  }
  if (input.sender !== undefined) {
    const fromSender = new Set(await deps.store.idsBySender(input.sender));
    ids = ids.filter((candidate) => fromSender.has(candidate));
  }
  const records = await deps.store.getMany(ids.slice(0, input.limit));
  if (values.json) io.json(records.map(recordSummary));
  else io.out(formatRecordList(records));
};
