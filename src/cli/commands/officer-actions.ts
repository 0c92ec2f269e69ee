import { z } from 'zod';
import { TriageFlagSchema, TriageKindSchema } from '../../domain/triage/triage-result.ts';
import * as actions from '../../app/officer-actions.ts';
import type { OnlineCommand } from '../command.ts';
import { addressFrom, outcomeCategory } from '../shared-options.ts';
import { parseInput, ReferenceInput, text } from '../input.ts';

/**
 * The officer actions on one complaint (app/officer-actions.ts), one command each: extend,
 * committee, close, reopen, assign, not-handled, note, correct-triage. Each reads its input with
 * its own schema; the action itself refuses what the rules do not allow.
 */

const ExtendInput = z.object({
  id: ReferenceInput,
  weeks: z.coerce.number({ error: '--weeks must be a number' }).int().min(1, '--weeks is 1 to 4').max(4, '--weeks is at most 4 (Awb 9:11)'),
  reason: text('--reason'),
});
export const extendCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(ExtendInput, { id: positionals[2], weeks: values.weeks, reason: values.reason });
  const record = await actions.extendComplaint(deps, { ...input, actor });
  io.out(`${record.id} extended by ${input.weeks} weeks; new deadline ${record.deadline?.deadline}. The complainant and officers are notified.`);
};

const WithReasonInput = z.object({ id: ReferenceInput, reason: z.string().optional() });
export const committeeCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(WithReasonInput, { id: positionals[2], reason: values.reason || undefined });
  const record = await actions.moveToCommittee(deps, { id: input.id, actor, ...(input.reason ? { reason: input.reason } : {}) });
  io.out(`${record.id} is on the committee route; deadline ${record.deadline?.deadline}.`);
};

export const reopenCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(WithReasonInput, { id: positionals[2], reason: values.reason || undefined });
  const record = await actions.reopenComplaint(deps, { id: input.id, actor, ...(input.reason ? { reason: input.reason } : {}) });
  io.out(`${record.id} reopened; deadline ${record.deadline?.deadline}.`);
};

const CloseInput = z.object({
  id: ReferenceInput,
  /** The category; the old free text gets a message saying what to use now (outcomeCategory). */
  outcome: z.string().optional(),
  summary: z.string().optional(),
  'no-letter': text('--no-letter').optional(),
});
export const closeCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(CloseInput, { id: positionals[2], outcome: values.outcome, summary: values.summary || undefined, 'no-letter': values['no-letter'] });
  const outcome = outcomeCategory(input.outcome);
  const record = await actions.closeComplaint(deps, {
    id: input.id,
    actor,
    ...(outcome ? { outcome } : {}),
    ...(input.summary ? { summary: input.summary } : {}),
    ...(input['no-letter'] !== undefined ? { noLetterReason: input['no-letter'] } : {}),
  });
  io.out(`${record.id} closed.`);
};

const AssignInput = z.object({ id: ReferenceInput, to: z.email({ error: '--to must be an e-mail address' }).transform((to) => to.toLowerCase()) });
export const assignCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(AssignInput, { id: positionals[2], to: values.to });
  const record = await actions.assignComplaint(deps, { ...input, actor });
  io.out(`${record.id} assigned.`);
};

const NotHandledInput = z.object({ id: ReferenceInput, reason: text('--reason') });
export const notHandledCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(NotHandledInput, { id: positionals[2], reason: values.reason });
  const record = await actions.markNotHandled(deps, { ...input, actor });
  io.out(`${record.id} marked not handled (Awb 9:8); the complainant is told.`);
};

const NoteInput = z.object({ id: ReferenceInput, note: text('--note') });
export const noteCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const input = parseInput(NoteInput, { id: positionals[2], note: values.note });
  const record = await actions.addNote(deps, { ...input, actor });
  io.out(`Note added to ${record.id} (internal, never sent).`);
};

/** A field left out stays as it is; an empty --name or --phone clears it. */
const CorrectTriageInput = z.object({
  id: ReferenceInput,
  kind: TriageKindSchema.optional(),
  // The usage says yes|no; true|false, which earlier versions documented, still work.
  urgent: z.enum(['yes', 'no', 'true', 'false'], { error: '--urgent is yes or no' }).optional().transform((v) => (v === undefined ? undefined : v === 'yes' || v === 'true')),
  // `none` clears the flags.
  flags: z.string().optional().transform((v) => (v === undefined ? undefined : v.trim() === 'none' ? [] : v.split(',').map((f) => f.trim()).filter(Boolean))).pipe(z.array(TriageFlagSchema).optional()),
  name: z.string().trim().optional().transform((v) => (v === undefined ? undefined : v || null)),
  phone: z.string().trim().optional().transform((v) => (v === undefined ? undefined : v || null)),
});
export const correctTriageCommand: OnlineCommand = async (deps, { positionals, values, actor, io }) => {
  const { id, ...correction } = parseInput(CorrectTriageInput, { id: positionals[2], kind: values.kind, urgent: values.urgent, flags: values.flags, name: values.name, phone: values.phone });
  // The address options the usage lists were read by no one (found in session 3's review).
  const address = addressFrom(values);
  const record = await actions.correctTriage(deps, { id, actor, correction: Object.fromEntries(Object.entries({ ...correction, address }).filter(([, v]) => v !== undefined)) });
  io.out(`${record.id}: triage corrected (before and after are in its history).`);
};
