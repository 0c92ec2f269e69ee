import { z } from 'zod';
import { makeEvent } from '../../domain/record-events.ts';
import type { OnlineCommand } from '../command.ts';
import { formatRecord } from '../format.ts';
import { parseInput, ReferenceInput } from '../input.ts';

/** `complaints show <id> [--json]`: the record and its history; reading it leaves a `viewed` event. */
const ShowInput = z.object({ id: ReferenceInput });

export const showComplaint: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const { id } = parseInput(ShowInput, { id: positionals[2] });
  const record = await deps.store.require(id);
  await deps.store.appendEvents(record.id, [makeEvent('viewed', actor)]);
  const events = await deps.store.events(record.id);
  if (values.json) io.json({ ...record, events });
  else io.out(formatRecord(record, events));
};
