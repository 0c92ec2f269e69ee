import { AppError } from '../errors.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import type { ComplaintStore } from '../adapters/complaint-store.ts';
import type { Config } from '../config.ts';
import type { Renderer } from '../app/ports.ts';
import { previewLetter } from '../app/write-letter.ts';
import type { LetterInput } from '../domain/letter-input.ts';
import type { ActionPreview } from './action-preview.ts';
import { LETTER_WORDS } from './complaint-words.ts';
import { postalAddressLines } from './views/print-letter.ts';

/**
 * The confirmation page of a letter: rendered by app/write-letter.ts's previewLetter, which
 * renders exactly what the reply worker will send, to the address it will send to. A complainant
 * who wrote English gets the English letter; the Dutch version is shown beside it for the
 * officer, marked as not sent. Without an e-mail address the letter is printed and posted: the
 * same preview of the printed letter, and a confirm button that says so.
 */
const REFUSALS: Record<string, string> = {
  no_recipient: 'Er is geen e-mailadres van de indiener bekend. Stuur de brief per post.',
  no_postal_address: 'Er is geen e-mailadres en geen volledig postadres van de indiener bekend. Vul eerst het adres in (Handelingen, Beoordeling corrigeren); dan kunt u de brief afdrukken en per post versturen.',
  action_not_allowed: 'Bij dit bericht kan geen brief worden geschreven: het is automatische mail of spam, of de gegevens zijn na de bewaartermijn verwijderd.',
};

/** The confirm button of a letter on paper: it is recorded as printed, then shown to print. */
const PRINT_LABELS: Record<LetterInput['letter'], string> = {
  outcome: 'Afdrukken: afhandelingsbrief',
  hearing_invitation: 'Afdrukken: uitnodiging',
  blank_letter: 'Afdrukken: brief',
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
  if (preview.medium === 'post') return postPreview(record, letter, preview);
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
      ? { title: english ? 'De brief die wordt verstuurd (Engels)' : 'De brief die wordt verstuurd', to: preview.to ?? '', subject: mail.subject, text: mail.text }
      : { title: 'Nederlandse versie, ter controle (wordt niet verstuurd)', to: 'niemand (alleen ter controle)', subject: mail.subject, text: mail.text },
  );
  return { lines, mails, refusal: null };
}

/** A complainant without an e-mail address: the letter as it will be printed, to the postal address. */
function postPreview(record: ComplaintRecord, letter: LetterInput, preview: Awaited<ReturnType<typeof previewLetter>>): ActionPreview {
  const english = preview.lang === 'en';
  const address = postalAddressLines(record).map((line) => line.replace(/\s+/g, ' ')).join(', ');
  const lines = [
    `Er is geen e-mailadres van de indiener bekend. De ${LETTER_WORDS[letter.letter]} wordt afgedrukt en per post verstuurd naar ${address}.`,
    'Na bevestigen ziet u de brief om af te drukken (Ctrl+P), met het adres voor een envelop met venster. In de brief staat hoe de indiener ons per post of telefoon bereikt, niet "antwoord op deze e-mail".',
    'In de geschiedenis komt dat de brief is afgedrukt om per post te versturen. U kunt hem daarna opnieuw afdrukken vanaf de pagina van de klacht.',
    'In de brief staat alleen wat u schreef, nooit tekst uit de klacht.',
    ...(english ? ['De indiener schreef in het Engels: de Engelse brief wordt afgedrukt. De Nederlandse versie staat eronder ter controle en wordt niet afgedrukt.'] : []),
    ...(letter.letter === 'outcome' ? ['Sluit de klacht daarna af met dezelfde uitkomst (Handelingen, Afsluiten met uitkomst).'] : []),
  ];
  const mails = preview.mails.map((mail) =>
    mail.lang === preview.lang
      ? { title: english ? 'De brief die wordt afgedrukt (Engels)' : 'De brief die wordt afgedrukt', to: `per post: ${address}`, subject: mail.subject, text: mail.text }
      : { title: 'Nederlandse versie, ter controle (wordt niet afgedrukt)', to: 'niemand (alleen ter controle)', subject: mail.subject, text: mail.text },
  );
  return { lines, mails, refusal: null, confirmLabel: PRINT_LABELS[letter.letter] };
}
