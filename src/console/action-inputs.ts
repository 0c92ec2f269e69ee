import { z } from 'zod';
import { HEARING_MODES, OUTCOME_CATEGORIES, OutcomeCategorySchema, WAIVER_GROUNDS } from '../domain/complaint-handling.ts';
import { TriageFlagSchema, TriageKindSchema } from '../domain/triage/triage-result.ts';
import type { TriageCorrection } from '../domain/triage-correction.ts';
import type { LetterInput } from '../domain/letter-input.ts';
import type { ComplaintAction, LetterAction } from './roles.ts';

/**
 * The form fields of each action, checked with zod before anything is shown or done. Messages
 * are Dutch: they go back to the officer on the form. The use cases check again with their own
 * schemas; these only make sure the officer hears what is wrong in words they read.
 */
export const text = (what: string, max = 2000) => z.string({ error: `${what} is verplicht` }).trim().min(1, `${what} is verplicht`).max(max, `${what} is te lang (hoogstens ${max} tekens)`);
const optionalText = z.string().trim().max(2000, 'de reden is te lang').optional().transform((v) => (v ? v : undefined));
const optionalNote = z.string().trim().max(5000, 'de notitie is te lang (hoogstens 5000 tekens)').optional().transform((v) => (v ? v : undefined));
const blankToNull = z.string().trim().max(200).optional().transform((v) => (v ? v : null));
const list = <T extends z.ZodType>(item: T) => z.preprocess((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]), z.array(item));
/** A date field (`<input type="date">` sends YYYY-MM-DD, or nothing when left empty). */
export const dateField = (what: string) => z.iso.date({ error: `${what}: vul een datum in (dag, maand en jaar)` });
const hearingMode = z.enum(HEARING_MODES, { error: 'kies hoe het gesprek gaat (persoonlijk, telefonisch of via video)' });

/** `2311cs` and `2311 CS` alike, as the address schema stores it; empty is null. */
export const postcodeField = z.string().trim().optional().transform((v, ctx) => {
  if (!v) return null;
  const m = /^([1-9]\d{3})\s?([a-zA-Z]{2})$/.exec(v);
  if (!m) {
    ctx.addIssue({ code: 'custom', message: 'de postcode is vier cijfers en twee letters, zoals 2311 CS' });
    return z.NEVER;
  }
  return `${m[1]} ${m[2]?.toUpperCase()}`;
});

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
    postcode: postcodeField,
    city: blankToNull,
    phone: blankToNull,
  }),
  write_outcome: z.object({
    outcome: z.enum(OUTCOME_CATEGORIES, { error: 'kies de uitkomst' }),
    reasons: text('De uitkomst en de redenen', 10_000),
    ombudsman: z.enum(['ja', 'nee'], { error: 'kies of de brief de Nationale ombudsman noemt' }).transform((v) => v === 'ja'),
  }),
  write_invitation: z.object({
    date: dateField('De datum van het gesprek'),
    time: z.string({ error: 'De tijd is verplicht' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'vul de tijd in als uu:mm, bijvoorbeeld 14:30'),
    how: hearingMode,
    place: text('Waar of hoe', 2000),
    attendees: text('Wie er zijn', 2000),
  }),
  write_letter: z.object({ body: text('De tekst van de brief', 10_000) }),
  heard: z.object({ date: dateField('De datum van het horen'), how: hearingMode, note: optionalNote }),
  hearing_waived: z.object({ ground: z.enum(WAIVER_GROUNDS, { error: 'kies de grond (Awb 9:10 lid 2)' }), note: optionalNote }),
} satisfies Record<ComplaintAction, z.ZodType>;

export type ActionInput<A extends ComplaintAction> = z.infer<(typeof ACTION_INPUTS)[A]>;

export function parseActionInput<A extends ComplaintAction>(action: A, body: unknown): { ok: true; value: ActionInput<A> } | { ok: false; problems: string[] } {
  const result = (ACTION_INPUTS[action] as z.ZodType).safeParse(body ?? {});
  return result.success ? { ok: true, value: result.data as ActionInput<A> } : { ok: false, problems: result.error.issues.map((issue) => issue.message) };
}

/** The letter the use case sends (app/write-letter.ts), from the letter form's fields. */
export function toLetter(action: LetterAction, input: ActionInput<LetterAction>): LetterInput {
  switch (action) {
    case 'write_outcome': {
      const { outcome, reasons, ombudsman } = input as ActionInput<'write_outcome'>;
      return { letter: 'outcome', outcome, reasons, ombudsman };
    }
    case 'write_invitation':
      return { letter: 'hearing_invitation', ...(input as ActionInput<'write_invitation'>) };
    case 'write_letter':
      return { letter: 'blank_letter', body: (input as ActionInput<'write_letter'>).body };
  }
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
