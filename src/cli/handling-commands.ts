import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError, errorCode } from '../errors.ts';
import type { Logger } from '../log.ts';
import { HearingModeSchema, OUTCOME_CATEGORIES, OutcomeCategorySchema, RegisteredChannelSchema, WaiverGroundSchema } from '../domain/complaint-handling.ts';
import { LanguageSchema, OFFICER_LETTER_TYPES } from '../domain/reply-types.ts';
import type { PostalAddress } from '../domain/triage/triage-result.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Queues } from '../adapters/queues.ts';
import { recordHearingHeld, recordHearingWaived } from '../app/hearing.ts';
import type { Clock, Renderer } from '../app/ports.ts';
import { registerComplaint } from '../app/register-complaint.ts';
import { previewLetter, sendLetter } from '../app/write-letter.ts';
import type { LetterInput } from '../domain/letter-input.ts';
import type { CliValues } from './args.ts';
import { need, text, usage } from './input.ts';

/**
 * The CLI side of handling a complaint: letters, the hearing, and registering a complaint that
 * did not come by mail. Each parses its options with zod and calls the same
 * application function the console will; workers/cli.ts only routes here.
 */
export interface HandlingCliDeps {
  store: ComplaintStore;
  queues: Queues;
  config: Config;
  log: Logger;
  clock: Clock;
  loadTemplates: () => Renderer;
}


async function textOrFile(values: CliValues, option: 'reasons' | 'description' | 'body', what: string): Promise<string> {
  const file = values[`${option}-file`];
  if (file !== undefined) {
    try {
      return need(text(what), await readFile(file, 'utf8'), `--${option}-file`);
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError('file_unreadable', `Cannot read ${file} (${errorCode(error)}).`, { cause: error, permanent: true });
    }
  }
  return need(text(`--${option} (or --${option}-file)`), values[option], `--${option}`);
}

/** `2311cs` and `2311 CS` alike; the address schema wants the normalised form. */
export function addressFrom(values: CliValues): PostalAddress | undefined {
  const parts = [values.street, values['house-number'], values.postcode, values.city];
  if (parts.every((part) => part === undefined)) return undefined;
  const postcode = values.postcode?.replace(/\s+/g, '').toUpperCase().replace(/^(\d{4})([A-Z]{2})$/, '$1 $2') ?? null;
  if (postcode !== null && !/^[1-9]\d{3} [A-Z]{2}$/.test(postcode)) throw usage('--postcode must be a Dutch postcode such as 2311 CS');
  return { street: values.street?.trim() || null, houseNumber: values['house-number']?.trim() || null, postcode, city: values.city?.trim() || null };
}

/** `--outcome` became the category; the old free text gets a message saying what to use now. */
export function outcomeCategory(value: string | undefined): z.infer<typeof OutcomeCategorySchema> | undefined {
  if (value === undefined) return undefined;
  const parsed = OutcomeCategorySchema.safeParse(value.trim().toLowerCase().replace(/[\s-]+/g, '_'));
  if (parsed.success) return parsed.data;
  throw usage(
    `--outcome is now the outcome category, one of: ${OUTCOME_CATEGORIES.join(', ')}. Put your own words in --summary "...", ` +
      'send the outcome letter first (complaints write <id> --template outcome ... --send) or say why none is sent with --no-letter "...".',
  );
}

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

/** Runs one of the handling sub-commands; returns the text to print, or null when `sub` is none of them. */
export async function runHandlingCommand(deps: HandlingCliDeps, sub: string | undefined, id: () => string, values: CliValues, actor: string): Promise<string | null> {
  if (sub === 'write') {
    const complaintId = id();
    if (values.preview === values.send) throw usage('give --preview to see the letter, or --send to send it');
    const letter = await letterInput(values, () => textOrFile(values, 'reasons', 'the outcome and its reasons'), () => textOrFile(values, 'body', 'the text of the letter'));
    const templates = deps.loadTemplates();
    if (values.preview) {
      const preview = await previewLetter({ ...deps, templates }, { id: complaintId, letter });
      const post = preview.medium === 'post';
      const mails = preview.mails.map((mail) => `----- ${mail.lang === preview.lang ? (post ? 'the letter on paper' : 'will be sent') : 'for reference, not sent'} (${mail.lang}) -----\nSubject: ${mail.subject}\n\n${mail.text}`);
      return [post ? `To: by post (no e-mail address); print it in the console: ${complaintId}, Schrijven aan de indiener` : `To: ${preview.to}`, ...mails].join('\n');
    }
    const sent = await sendLetter({ ...deps, templates }, { id: complaintId, letter, actor });
    return sent.repeated
      ? `This ${letter.letter} letter was written before; it is sent once (job ${sent.jobId}).`
      : `${complaintId}: the ${letter.letter} letter is queued for the complainant (job ${sent.jobId}); "complaints show" lists it once it is sent.`;
  }
  if (sub === 'heard') {
    const record = await recordHearingHeld(deps, {
      id: id(),
      actor,
      date: need(z.iso.date({ error: '--date must be YYYY-MM-DD' }), values.date, '--date'),
      how: need(HearingModeSchema, values.how, '--how'),
      ...(values.note ? { note: values.note } : {}),
    });
    return `${record.id}: hearing recorded.`;
  }
  if (sub === 'hearing-waived') {
    const record = await recordHearingWaived(deps, { id: id(), actor, ground: need(WaiverGroundSchema, values.ground, '--ground'), ...(values.note ? { note: values.note } : {}) });
    return `${record.id}: hearing waived (Awb 9:10 lid 2) recorded.`;
  }
  if (sub === 'register') {
    const address = addressFrom(values);
    const result = await registerComplaint(deps, {
      actor,
      channel: need(RegisteredChannelSchema, values.channel, '--channel'),
      receivedDate: need(z.iso.date({ error: '--received must be the date of receipt, YYYY-MM-DD' }), values.received, '--received'),
      name: values.name ?? null,
      email: values.email === undefined ? null : need(z.email({ error: '--email must be an e-mail address' }), values.email, '--email'),
      phone: values.phone ?? null,
      address: address ?? null,
      description: await textOrFile(values, 'description', 'a description of the conduct'),
      employees: values.employee ?? [],
      anonymous: values.anonymous === true,
      language: need(LanguageSchema.default('nl'), values.lang, '--lang'),
    });
    const { record } = result;
    const clock = record.deadline ? `deadline ${record.deadline.deadline}` : 'no deadline (anonymous: registered, not handled)';
    const ack = result.acknowledgement ? `the ${result.acknowledgement} goes to the complainant by e-mail` : 'no e-mail address: send the acknowledgement by post';
    return `${record.id} ${result.created ? 'registered' : 'was registered before'} (${record.status}, ${clock}); ${ack}.`;
  }
  return null;
}
