import { z } from 'zod';
import { HearingModeSchema } from '../../domain/complaint-handling.ts';
import type { LetterInput } from '../../domain/letter-input.ts';
import { OFFICER_LETTER_TYPES } from '../../domain/reply-types.ts';
import type { Renderer } from '../../app/ports.ts';
import { previewLetter, sendLetter } from '../../app/write-letter.ts';
import type { CliValues } from '../args.ts';
import type { CliDeps, CommandInput } from '../command.ts';
import { need, parseInput, ReferenceInput, text, usage } from '../input.ts';
import { outcomeCategory, textOrFile } from '../shared-options.ts';

/**
 * `complaints write <id> --template T ... --preview|--send`: a letter to the complainant
 * (app/write-letter.ts). The preview prints what will be sent, or, without an e-mail address,
 * says to print it in the console; --send records and queues it.
 */
const WriteInput = z.object({ id: ReferenceInput });

/** The letter as the options give it; each template reads only its own options. */
function letterInput(values: CliValues, reasons: () => Promise<string>, body: () => Promise<string>): Promise<LetterInput> | LetterInput {
  const template = need(z.enum(OFFICER_LETTER_TYPES, { error: `--template must be one of: ${OFFICER_LETTER_TYPES.join(', ')}` }), values.template, '--template');
  if (template === 'blank_letter') return body().then((text) => ({ letter: 'blank_letter' as const, body: text }));
  if (template === 'outcome') {
    const outcome = outcomeCategory(need(text('--outcome'), values.outcome, '--outcome'));
    if (values.ombudsman && values['no-ombudsman']) throw usage('give --ombudsman or --no-ombudsman, not both');
    const ombudsman = values['no-ombudsman'] ? false : values.ombudsman ? true : undefined;
    return reasons().then((text) => ({ letter: 'outcome' as const, outcome: outcome ?? 'founded', reasons: text, ...(ombudsman === undefined ? {} : { ombudsman }) }));
  }
  return {
    letter: 'hearing_invitation',
    date: need(z.iso.date({ error: '--date must be YYYY-MM-DD' }), values.date, '--date'),
    time: need(z.string({ error: '--time is required (HH:MM)' }).regex(/^([01]\d|2[0-3]):[0-5]\d$/, '--time must be HH:MM'), values.time, '--time'),
    how: need(HearingModeSchema, values.how, '--how'),
    place: need(text('--place'), values.place, '--place'),
    attendees: need(text('--attendees'), values.attendees, '--attendees'),
  };
}

/** What writing a letter needs of the CLI's adapters; the templates are loaded on first use. */
export type WriteLetterDeps = Pick<CliDeps, 'store' | 'queues' | 'config' | 'log'> & { templates(): Renderer };

export async function writeLetterCommand(deps: WriteLetterDeps, { positionals, values, actor, io }: CommandInput): Promise<void> {
  const { id } = parseInput(WriteInput, { id: positionals[2] });
  if (values.preview === values.send) throw usage('give --preview to see the letter, or --send to send it');
  const letter = await letterInput(values, () => textOrFile(values, 'reasons', 'the outcome and its reasons'), () => textOrFile(values, 'body', 'the text of the letter'));
  const templates = deps.templates();
  if (values.preview) {
    const preview = await previewLetter({ ...deps, templates }, { id, letter });
    const post = preview.medium === 'post';
    const mails = preview.mails.map((mail) => `----- ${mail.lang === preview.lang ? (post ? 'the letter on paper' : 'will be sent') : 'for reference, not sent'} (${mail.lang}) -----\nSubject: ${mail.subject}\n\n${mail.text}`);
    io.out([post ? `To: by post (no e-mail address); print it in the console: ${id}, Schrijven aan de indiener` : `To: ${preview.to}`, ...mails].join('\n'));
    return;
  }
  const sent = await sendLetter({ ...deps, templates }, { id, letter, actor });
  io.out(
    sent.repeated
      ? `This ${letter.letter} letter was written before; it is sent once (job ${sent.jobId}).`
      : `${id}: the ${letter.letter} letter is queued for the complainant (job ${sent.jobId}); "complaints show" lists it once it is sent.`,
  );
}
