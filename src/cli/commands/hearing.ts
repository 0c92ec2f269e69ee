import { z } from 'zod';
import { HearingModeSchema, WaiverGroundSchema } from '../../domain/complaint-handling.ts';
import { recordHearingHeld, recordHearingWaived } from '../../app/hearing.ts';
import type { OnlineCommand } from '../command.ts';
import { parseInput, ReferenceInput } from '../input.ts';

/**
 * The hearing (Awb 9:10, app/hearing.ts): `complaints heard` records that the complainant was
 * heard, `complaints hearing-waived` that it was waived on a ground of lid 2.
 */
const Note = z.string().optional().transform((note) => note || undefined);

const HeardInput = z.object({
  id: ReferenceInput,
  date: z.iso.date({ error: '--date must be YYYY-MM-DD' }),
  how: HearingModeSchema,
  note: Note,
});
export const heardCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const { note, ...input } = parseInput(HeardInput, { id: positionals[2], date: values.date, how: values.how, note: values.note });
  const record = await recordHearingHeld(deps, { ...input, actor, ...(note ? { note } : {}) });
  io.out(`${record.id}: hearing recorded.`);
};

const HearingWaivedInput = z.object({ id: ReferenceInput, ground: WaiverGroundSchema, note: Note });
export const hearingWaivedCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const { note, ...input } = parseInput(HearingWaivedInput, { id: positionals[2], ground: values.ground, note: values.note });
  const record = await recordHearingWaived(deps, { ...input, actor, ...(note ? { note } : {}) });
  io.out(`${record.id}: hearing waived (Awb 9:10 lid 2) recorded.`);
};
