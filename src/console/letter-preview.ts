import { AppError } from '../errors.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Config } from '../config.ts';
import type { Renderer } from '../app/ports.ts';
import { previewLetter, type LetterInput } from '../app/write-letter.ts';
import type { ActionPreview } from './action-preview.ts';
import { LETTER_WORDS } from './complaint-words.ts';

/**
 * The confirmation page of a letter: rendered by app/write-letter.ts's previewLetter, which
 * renders exactly what the reply worker will send, to the address it will send to. A complainant
 * who wrote English gets the English letter; the Dutch version is shown beside it for the
 * officer, marked as not sent.
 */
const REFUSALS: Record<string, string> = {
  no_recipient: 'Er is geen e-mailadres van de indiener bekend. Stuur de brief per post.',
  action_not_allowed: 'Bij dit bericht kan geen brief worden geschreven: het is automatische mail of spam, of de gegevens zijn na de bewaartermijn verwijderd.',
};

export async function previewLetterAction(deps: { store: ComplaintStore; config: Config; templates: Renderer }, record: ComplaintRecord, letter: LetterInput): Promise<ActionPreview> {
  let preview: Awaited<ReturnType<typeof previewLetter>>;
  try {
    preview = await previewLetter(deps, { id: record.id, letter });
  } catch (error) {
    if (!(error instanceof AppError) || !error.permanent) throw error;
    return { lines: [], mails: [], refusal: REFUSALS[error.code] ?? `De brief kan niet worden gemaakt (${error.code}). Controleer wat u schreef en probeer het opnieuw.` };
  }
  const english = preview.lang === 'en';
  const threaded = Boolean(record.message?.messageId);
  const lines = [
    `De ${LETTER_WORDS[letter.letter]} gaat één keer per e-mail naar ${preview.to}, het adres van de indiener zelf (nooit een Reply-To).`,
    threaded ? 'Hij wordt verstuurd als antwoord op het bericht van de indiener, zodat hij in hetzelfde gesprek in de mailbox staat.' : 'Deze klacht kwam niet per e-mail binnen; de brief is een nieuw bericht.',
    'In de brief staat alleen wat u schreef, nooit tekst uit het bericht van de indiener. De brief komt in de geschiedenis van de klacht.',
    ...(english ? ['De indiener schreef in het Engels: de Engelse brief wordt verstuurd. De Nederlandse versie staat eronder ter controle en wordt niet verstuurd.'] : []),
    ...(letter.letter === 'outcome' ? ['Sluit de klacht daarna af met dezelfde uitkomst (Handelingen, Afsluiten met uitkomst).'] : []),
  ];
  const mails = preview.mails.map((mail) =>
    mail.lang === preview.lang
      ? { title: english ? 'De brief die wordt verstuurd (Engels)' : 'De brief die wordt verstuurd', to: preview.to, subject: mail.subject, text: mail.text }
      : { title: 'Nederlandse versie, ter controle (wordt niet verstuurd)', to: 'niemand (alleen ter controle)', subject: mail.subject, text: mail.text },
  );
  return { lines, mails, refusal: null };
}
