import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { type ComplaintRecord } from '../domain/complaint-record.ts';
import { checkLetterByEmail, checkLetterByPost, letterLanguage, letterMedium } from '../domain/letter-delivery.ts';
import { letterKey, LetterInputSchema, type LetterInput } from '../domain/letter-input.ts';
import { letterVariables, writtenLetter } from '../domain/letter-variables.ts';
import { eventsOf, hasEvent, lastEvent, makeEvent, type RecordEvent } from '../domain/record-events.ts';
import { isAnonymised } from '../domain/retention.ts';
import type { Language } from '../domain/reply-types.ts';
import type { JobQueues, RecordStore, Renderer } from './ports.ts';

/**
 * Letters an officer writes to the complainant: the outcome (Awb 9:12), the invitation to be
 * heard (Awb 9:10), and a blank letter (the officer's own text in the standard header and
 * footer). The officer's text goes into a `letter_written` event; the reply worker renders the
 * letter from that event and sends it through the outbound queue like any reply, so it goes out
 * once (job id and `reply_sent` per letter), threaded to the complainant's message. The same letter sent twice is one letter: its key is a hash of what was written.
 * Nothing of the complainant's own message is put in: only what the officer wrote. A complainant
 * without an e-mail address gets the same letter on paper (`printLetter`, `letter_printed`).
 * The rules are pure, in domain/: what the officer writes (`letter-input.ts`), who gets it and
 * how (`letter-delivery.ts`), and its template variables (`letter-variables.ts`).
 */

export interface LetterDeps {
  store: RecordStore;
  queues: JobQueues;
  config: Config;
  log: Logger;
  templates: Renderer;
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
  if (medium === 'email') to = checkLetterByEmail(record, history);
  else checkLetterByPost(record, history);
  const lang = letterLanguage(record);
  const mails: RenderedLetter[] = (lang === 'en' ? (['en', 'nl'] as const) : (['nl'] as const)).map((l) => ({
    lang: l,
    ...deps.templates.render(letter.letter, l, letterVariables(deps.config, record, history, letter, l, medium)),
  }));
  return { medium, to, lang, mails };
}

/**
 * Records the letter and queues it. Idempotent: the same letter again queues nothing new, and
 * a crash between recording and queueing is repaired by sending again.
 */
export async function sendLetter(deps: LetterDeps, input: { id: string; letter: LetterInput; actor: string }) {
  const letter = LetterInputSchema.parse(input.letter);
  const record = await deps.store.require(input.id);
  const history = await deps.store.events(record.id);
  const to = checkLetterByEmail(record, history);
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
  checkLetterByPost(record, history);
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
