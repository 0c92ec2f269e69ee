import type { Config } from '../config.ts';
import { refusal } from '../errors.ts';
import { amsterdamInstant } from './amsterdam-time.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import { formatLongDate, formatLongDateTime } from './format-date.ts';
import type { LetterMedium } from './letter-delivery.ts';
import { LetterInputSchema, type LetterInput } from './letter-input.ts';
import { splitParagraphs } from './officer-text.ts';
import { hasEvent, lastEvent, type RecordEvent } from './record-events.ts';
import type { Language, OfficerLetterType } from './reply-types.ts';
import { byPostVariables } from './reply-variables.ts';
import type { TemplateVariables } from './template-variables.ts';

/**
 * The template variables of an officer's letter, built only from what the officer wrote and
 * what we generate (nothing of the complainant's own message): for the preview, for sending,
 * and for the reply worker, which renders the letter from its `letter_written` event.
 */

/** Paragraphs as the officer separated them with blank lines; line breaks within one are kept. */
export function letterParagraphs(body: string): string[] {
  return splitParagraphs(body);
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
export function writtenLetter(history: readonly RecordEvent[], key: string, letter?: OfficerLetterType): LetterInput | null {
  const written = lastEvent(history, 'letter_written', letter === undefined ? { key } : { letter, key });
  const input = LetterInputSchema.safeParse(written?.data.variables);
  return input.success && (letter === undefined || input.data.letter === letter) ? input.data : null;
}

/** The variables of the letter a `letter_written` event with this key holds (for the reply worker, and the print view). */
export function writtenLetterVariables(config: Config, record: ComplaintRecord, history: readonly RecordEvent[], letter: OfficerLetterType, key: string, lang: Language, medium: LetterMedium = 'email') {
  const input = writtenLetter(history, key, letter);
  if (!input) {
    throw refusal('letter_not_recorded', `No ${letter} letter with key ${key} is recorded for ${record.id}; write it again with "complaints write".`);
  }
  return letterVariables(config, record, history, input, lang, medium);
}
