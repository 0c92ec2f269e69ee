import { createHash } from 'node:crypto';
import { z } from 'zod';
import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { amsterdamInstant } from '../domain/amsterdam-time.ts';
import { HearingModeSchema, OutcomeCategorySchema } from '../domain/complaint-handling.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { eventsOf, hasEvent, lastEvent, makeEvent, type RecordEvent } from '../domain/record-events.ts';
import { formatLongDate, formatLongDateTime } from '../domain/format-date.ts';
import { sameMailbox } from '../domain/mail-address.ts';
import { splitParagraphs } from '../domain/officer-text.ts';
import { isCompleteAddress } from '../domain/postal-address.ts';
import { isAnonymised } from '../domain/retention.ts';
import type { Language, OfficerLetterType } from '../domain/reply-types.ts';
import type { TemplateVariables } from '../domain/template-variables.ts';
import { isAutomaticKind } from '../domain/triage/triage-result.ts';
import { byPostVariables } from '../domain/reply-variables.ts';
import type { JobQueues, RecordStore, Renderer } from './ports.ts';

/**
 * Letters an officer writes to the complainant: the outcome (Awb 9:12), the invitation to be
 * heard (Awb 9:10), and a blank letter (the officer's own text in the standard header and footer). The officer's text goes into a `letter_written` event; the reply worker
 * renders the letter from that event and sends it through the outbound queue like any reply,
 * so it goes out once (job id and `reply_sent` per letter), threaded to the complainant's
 * message. The same letter sent twice is one letter: its key is a hash of what was written.
 * Nothing of the complainant's own message is put in: only what the officer wrote. A complainant
 * without an e-mail address gets the same letter on paper (`printLetter`, `letter_printed`).
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

export interface LetterDeps {
  store: RecordStore;
  queues: JobQueues;
  config: Config;
  log: Logger;
  templates: Renderer;
}

const refuse = (code: string, message: string) => new AppError(code, message, { permanent: true });

/**
 * The complainant's own address, never a Reply-To (which a stranger can set): the person inside
 * a forward when triage found one, else the sender; the given address for a registered complaint.
 */
export function letterRecipient(record: ComplaintRecord): string | null {
  const message = record.message;
  if (!message?.from) return record.contact.email;
  const found = record.triage?.complainant.email ?? null;
  const replyTo = message.replyTo?.address ?? null;
  if (found && !sameMailbox(found, message.from.address) && !(replyTo && sameMailbox(found, replyTo))) return found;
  return message.from.address;
}

export function letterLanguage(record: ComplaintRecord): Language {
  return record.triage?.language ?? 'nl';
}

/** Paragraphs as the officer separated them with blank lines; line breaks within one are kept. */
export function letterParagraphs(body: string): string[] {
  return splitParagraphs(body);
}

/**
 * How letters reach this complainant: by e-mail to their own address, or, without one, printed
 * in the console and posted to their postal address. The one rule; the console and the CLI ask it.
 */
export type LetterMedium = 'email' | 'post';
export function letterMedium(record: ComplaintRecord): LetterMedium {
  return letterRecipient(record) ? 'email' : 'post';
}

/** The template variables of a letter from what the officer wrote; `byPost` for the printed letter. */
export function letterVariables(
  config: Config,
  record: ComplaintRecord,
  history: readonly RecordEvent[],
  input: LetterInput,
  lang: Language,
  medium: LetterMedium = 'email',
): TemplateVariables[OfficerLetterType] {
  const vertrouwenspersoon = { phone: config.VERTROUWENSPERSOON_PHONE, email: config.VERTROUWENSPERSOON_EMAIL };
  const post = byPostVariables(config, medium === 'post');
  if (input.letter === 'outcome') {
    return {
      reference: record.id,
      receivedDate: formatLongDate(record.receivedDate, lang),
      outcome: input.outcome,
      reasons: input.reasons,
      committeeDone: hasEvent(history, 'committee_route') || record.deadline?.route === 'committee',
      ombudsman: { applies: input.ombudsman ?? config.OMBUDSMAN_ROUTE, name: config.OMBUDSMAN_NAME, website: config.OMBUDSMAN_WEBSITE, phone: config.OMBUDSMAN_PHONE },
      ...post,
      vertrouwenspersoon,
    };
  }
  if (input.letter === 'blank_letter') return { reference: record.id, paragraphs: letterParagraphs(input.body), ...post, vertrouwenspersoon };
  return {
    reference: record.id,
    when: formatLongDateTime(amsterdamInstant(input.date, input.time), lang),
    how: input.how,
    place: input.place,
    attendees: input.attendees,
    ...post,
    vertrouwenspersoon,
  };
}

/** What the officer wrote in the `letter_written` event with this key, or null (also once retention removed the text). */
function writtenLetter(history: readonly RecordEvent[], key: string, letter?: OfficerLetterType): LetterInput | null {
  const written = lastEvent(history, 'letter_written', letter === undefined ? { key } : { letter, key });
  const input = LetterInputSchema.safeParse(written?.data.variables);
  return input.success && (letter === undefined || input.data.letter === letter) ? input.data : null;
}

/** The variables of the letter a `letter_written` event with this key holds (for the reply worker, and the print view). */
export function writtenLetterVariables(config: Config, record: ComplaintRecord, history: readonly RecordEvent[], letter: OfficerLetterType, key: string, lang: Language, medium: LetterMedium = 'email') {
  const input = writtenLetter(history, key, letter);
  if (!input) {
    throw refuse('letter_not_recorded', `No ${letter} letter with key ${key} is recorded for ${record.id}; write it again with "complaints write".`);
  }
  return letterVariables(config, record, history, input, lang, medium);
}

function checkLetterAllowed(record: ComplaintRecord, history: readonly RecordEvent[]): void {
  if (isAnonymised(history)) throw refuse('action_not_allowed', `${record.id} was anonymised after its retention period; no letter can be sent.`);
  if (isAutomaticKind(record.triage?.kind)) throw refuse('action_not_allowed', `${record.id} is automatic mail or spam; there is nobody to write to.`);
}

function checkWritable(record: ComplaintRecord, history: readonly RecordEvent[]): string {
  checkLetterAllowed(record, history);
  const to = letterRecipient(record);
  if (!to) throw refuse('no_recipient', `${record.id} has no e-mail address for the complainant; print the letter in the console and post it.`);
  return to;
}

/** The complainant's postal address for a window envelope; a letter by post needs a complete one. */
function checkPostable(record: ComplaintRecord, history: readonly RecordEvent[]): void {
  checkLetterAllowed(record, history);
  if (letterRecipient(record)) throw refuse('has_email', `${record.id} has an e-mail address for the complainant; letters go by e-mail.`);
  if (!isCompleteAddress(record.contact.address)) {
    throw refuse('no_postal_address', `${record.id} has neither an e-mail address nor a complete postal address for the complainant; add the address (correct the assessment) first.`);
  }
}

export interface RenderedLetter {
  lang: Language;
  subject: string;
  text: string;
  html: string;
}

/**
 * What will be sent, exactly as the reply worker will render it, and to whom. In the
 * complainant's language; an English letter comes with the Dutch version for the officer.
 */
export async function previewLetter(deps: Pick<LetterDeps, 'store' | 'config' | 'templates'>, input: { id: string; letter: LetterInput }) {
  const letter = LetterInputSchema.parse(input.letter);
  const record = await deps.store.require(input.id);
  const history = await deps.store.events(record.id);
  const medium = letterMedium(record);
  let to: string | null = null;
  if (medium === 'email') to = checkWritable(record, history);
  else checkPostable(record, history);
  const lang = letterLanguage(record);
  const mails: RenderedLetter[] = (lang === 'en' ? (['en', 'nl'] as const) : (['nl'] as const)).map((l) => ({
    lang: l,
    ...deps.templates.render(letter.letter, l, letterVariables(deps.config, record, history, letter, l, medium)),
  }));
  return { medium, to, lang, mails };
}

export function letterKey(letter: LetterInput): string {
  return createHash('sha256').update(JSON.stringify(letter)).digest('hex').slice(0, 12);
}

/**
 * Records the letter and queues it. Idempotent: the same letter again queues nothing new, and
 * a crash between recording and queueing is repaired by sending again.
 */
export async function sendLetter(deps: LetterDeps, input: { id: string; letter: LetterInput; actor: string }) {
  const letter = LetterInputSchema.parse(input.letter);
  const record = await deps.store.require(input.id);
  const history = await deps.store.events(record.id);
  const to = checkWritable(record, history);
  // Render once now, so a letter that cannot be rendered is refused before anything is recorded.
  deps.templates.render(letter.letter, letterLanguage(record), letterVariables(deps.config, record, history, letter, letterLanguage(record)));
  // A letter whose earlier sending failed for good (or was withheld) goes out under a new key:
  // the same text again is a new attempt, not the finished job of the last one.
  const base = letterKey(letter);
  const attempts = eventsOf(history, ['reply_failed', 'reply_suppressed'], ({ data }) => data.type === letter.letter && data.jobId.includes(base)).length;
  const key = attempts === 0 ? base : `${base}-${attempts}`;
  const repeated = hasEvent(history, 'letter_written', { letter: letter.letter, key });
  if (!repeated) await deps.store.appendEvents(record.id, [makeEvent('letter_written', input.actor, { letter: letter.letter, key, variables: letter })]);
  const jobId = await deps.queues.queueReply({ complaintId: record.id, type: letter.letter, key });
  if (!hasEvent(history, 'reply_queued', { jobId })) {
    await deps.store.appendEvents(record.id, [makeEvent('reply_queued', input.actor, { type: letter.letter, jobId })]);
  }
  deps.log.info('letter_queued', { id: record.id, type: letter.letter, repeated });
  return { jobId, key, to, repeated };
}

/**
 * A letter to a complainant without an e-mail address: recorded as written (the same event and
 * key as a letter by e-mail) and as printed for posting (`letter_printed`); the console then shows
 * it to print. Idempotent like sendLetter: the same letter again records nothing new
 * (`repeated`), and can be printed again from the complaint page.
 */
export async function printLetter(deps: Pick<LetterDeps, 'store' | 'config' | 'templates' | 'log'>, input: { id: string; letter: LetterInput; actor: string }) {
  const letter = LetterInputSchema.parse(input.letter);
  const record = await deps.store.require(input.id);
  const history = await deps.store.events(record.id);
  checkPostable(record, history);
  const lang = letterLanguage(record);
  // Render once now, so a letter that cannot be rendered is refused before anything is recorded.
  deps.templates.render(letter.letter, lang, letterVariables(deps.config, record, history, letter, lang, 'post'));
  const key = letterKey(letter);
  const written = hasEvent(history, 'letter_written', { letter: letter.letter, key });
  const printed = hasEvent(history, 'letter_printed', { letter: letter.letter, key });
  const events = [
    ...(written ? [] : [makeEvent('letter_written', input.actor, { letter: letter.letter, key, variables: letter })]),
    ...(printed ? [] : [makeEvent('letter_printed', input.actor, { letter: letter.letter, key })]),
  ];
  if (events.length > 0) await deps.store.appendEvents(record.id, events);
  deps.log.info('letter_printed', { id: record.id, type: letter.letter, repeated: printed });
  return { key, repeated: printed };
}

/**
 * A printed letter to show again (the print view): the letter recorded under `key` as written
 * and printed, rendered as the printed letter in the complainant's language. Null when there is
 * no such letter, or its text is gone (anonymised after the retention period).
 */
export function printedLetter(deps: Pick<LetterDeps, 'config' | 'templates'>, record: ComplaintRecord, history: readonly RecordEvent[], key: string) {
  const printed = lastEvent(history, 'letter_printed', { key });
  if (!printed || isAnonymised(history)) return null;
  const input = writtenLetter(history, key, printed.data.letter);
  if (!input) return null;
  const lang = letterLanguage(record);
  return { letter: input.letter, lang, mail: deps.templates.render(input.letter, lang, letterVariables(deps.config, record, history, input, lang, 'post')) };
}
