import { z } from 'zod';
import { OutcomeCategorySchema } from '../domain/complaint-handling.ts';
import { TriageFlagSchema, TriageKindSchema } from '../domain/triage/triage-result.ts';
import type { TriageCorrection } from '../app/officer-actions.ts';
import type { ComplaintAction } from './roles.ts';

/**
 * The form fields of each action, checked with zod before anything is shown or done. Messages
 * are Dutch: they go back to the officer on the form.
 */
const text = (what: string, max = 2000) => z.string({ error: `${what} is verplicht` }).trim().min(1, `${what} is verplicht`).max(max, `${what} is te lang (hoogstens ${max} tekens)`);
const optionalText = z.string().trim().max(2000, 'de reden is te lang').optional().transform((v) => (v ? v : undefined));
const blankToNull = z.string().trim().max(200).optional().transform((v) => (v ? v : null));
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));

export const ACTION_INPUTS = {
  assign: z.object({ to: z.email({ error: 'kies een medewerker' }).transform((v) => v.toLowerCase()) }),
  extend: z.object({ weeks: z.coerce.number({ error: 'kies het aantal weken' }).int().min(1, 'minstens 1 week').max(4, 'hoogstens 4 weken (Awb 9:11)'), reason: text('De reden') }),
  committee: z.object({ reason: optionalText }),
  close: z.object({
    outcome: OutcomeCategorySchema.or(z.literal('')).optional().transform((v) => v || undefined),
    summary: optionalText,
    noLetterReason: optionalText,
  }),
  not_handled: z.object({ reason: text('De reden') }),
  reopen: z.object({ reason: optionalText }),
  note: z.object({ note: text('De notitie', 5000) }),
  correct_triage: z.object({
    kind: TriageKindSchema,
    urgent: z.literal('on').optional().transform((v) => v === 'on'),
    flags: list(TriageFlagSchema),
    name: blankToNull,
    street: blankToNull,
    houseNumber: blankToNull,
    postcode: z.string().trim().optional().transform((v, ctx) => {
      if (!v) return null;
      const m = /^([1-9]\d{3})\s?([a-zA-Z]{2})$/.exec(v);
      if (!m) {
        ctx.addIssue({ code: 'custom', message: 'postcode als 1234 AB' });
        return z.NEVER;
      }
      return `${m[1]} ${m[2]?.toUpperCase()}`;
    }),
    city: blankToNull,
    phone: blankToNull,
  }),
} satisfies Record<ComplaintAction, z.ZodType>;

export type ActionInput<A extends ComplaintAction> = z.infer<(typeof ACTION_INPUTS)[A]>;

export function parseActionInput<A extends ComplaintAction>(action: A, body: unknown): { ok: true; value: ActionInput<A> } | { ok: false; problems: string[] } {
  const result = (ACTION_INPUTS[action] as z.ZodType).safeParse(body ?? {});
  return result.success ? { ok: true, value: result.data as ActionInput<A> } : { ok: false, problems: result.error.issues.map((issue) => issue.message) };
}

export function toCorrection(input: ActionInput<'correct_triage'>): TriageCorrection {
  const hasAddress = input.street || input.houseNumber || input.postcode || input.city;
  return {
    kind: input.kind,
    urgent: input.urgent,
    flags: [...new Set(input.flags)],
    name: input.name,
    phone: input.phone,
    address: hasAddress ? { street: input.street, houseNumber: input.houseNumber, postcode: input.postcode, city: input.city } : null,
  };
}
