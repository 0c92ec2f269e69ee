import { z } from 'zod';
import { buildDigest, sendDigest } from '../../app/digest.ts';
import type { OnlineCommand } from '../command.ts';
import { parseInput } from '../input.ts';

/** `digest --preview | --send`: the officers' overview as it would go out now, or sent now. */
const DigestInput = z.object({ send: z.boolean().default(false) });

export const digestCommand: OnlineCommand = async (deps, { values, io }) => {
  const input = parseInput(DigestInput, { send: values.send });
  const templates = deps.templates();
  if (input.send) {
    const result = await sendDigest({ ...deps, templates }, { force: true });
    io.out(`Digest sent to ${result.recipients} officer address(es), ${result.items} complaint(s).`);
    return;
  }
  io.out((await buildDigest({ ...deps, templates })).text);
};
