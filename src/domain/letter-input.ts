import { createHash } from 'node:crypto';
import { z } from 'zod';
import { HearingModeSchema, OutcomeCategorySchema } from './complaint-handling.ts';

/**
 * What an officer writes in a letter to the complainant: the outcome (Awb 9:12), the invitation
 * to be heard (Awb 9:10), or a blank letter (the officer's own text in the standard header and
 * footer). Stored as it is in the `letter_written` event; the letter is rendered from it.
 */
const OfficerText = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} may not be empty`);

export const OutcomeLetterSchema = z.object({
  letter: z.literal('outcome'),
  outcome: OutcomeCategorySchema,
  reasons: OfficerText('the outcome and its reasons').pipe(z.string().max(10_000, 'the reasons are at most 10,000 characters')),
  /** Name the ombudsman route; leave out for OMBUDSMAN_ROUTE. */
  ombudsman: z.boolean().optional(),
});
export const HearingInvitationSchema = z.object({
  letter: z.literal('hearing_invitation'),
  date: z.iso.date({ error: 'the date is YYYY-MM-DD' }),
  time: z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'the time is HH:MM'),
  how: HearingModeSchema,
  place: OfficerText('where (an address, the number we call, or how to join)').pipe(z.string().max(2000)),
  attendees: OfficerText('who attends').pipe(z.string().max(2000)),
});
/** The officer's own text inside the standard header and footer; a blank line starts a new paragraph. */
export const BlankLetterSchema = z.object({
  letter: z.literal('blank_letter'),
  body: OfficerText('the text of the letter').pipe(z.string().max(10_000, 'the letter is at most 10,000 characters')),
});
export const LetterInputSchema = z.discriminatedUnion('letter', [OutcomeLetterSchema, HearingInvitationSchema, BlankLetterSchema]);
export type LetterInput = z.infer<typeof LetterInputSchema>;

/** The same letter written twice is one letter: its key is a hash of what was written. */
export function letterKey(letter: LetterInput): string {
  return createHash('sha256').update(JSON.stringify(letter)).digest('hex').slice(0, 12);
}
