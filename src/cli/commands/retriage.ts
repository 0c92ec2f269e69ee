import { z } from 'zod';
import { retriageRecords } from '../../app/retriage.ts';
import type { OnlineCommand } from '../command.ts';
import { parseInput, ReferenceInput } from '../input.ts';

/** `complaints retriage <id> | --all`: today's triage rules over stored messages; prints what changed. */
const RetriageOneInput = z.object({ id: ReferenceInput });

export const retriageCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const ids = values.all ? await deps.store.listIds({ newestFirst: false }) : [parseInput(RetriageOneInput, { id: positionals[2] }).id];
  io.json(await retriageRecords(deps, ids, actor));
};
