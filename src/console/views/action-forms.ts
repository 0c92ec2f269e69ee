import { OUTCOME_CATEGORIES, OutcomeCategorySchema } from '../../domain/complaint-handling.ts';
import { OUTCOME_WORDS } from '../complaint-words.ts';
import type { ComplaintRecord } from '../../domain/complaint-record.ts';
import { eventsOf, type RecordEvent } from '../../domain/record-events.ts';
import { isRunning } from '../../domain/record-status.ts';
import { TRIAGE_FLAGS, TRIAGE_KINDS } from '../../domain/triage/triage-result.ts';
import { outcomeLetterOnItsWay, outcomeLetterPrinted } from '../../domain/closing-rules.ts';
import { html, type SafeHtml } from '../html.ts';
import type { ComplaintAction } from '../roles.ts';
import { flagWord, kindWord } from '../words.ts';
import { field } from './form-field.ts';
import { handlingFields, type HandlingFormContext } from './handling-forms.ts';
import { csrfInput, type PageContext } from './layout.ts';

/** The action forms of the complaint page; each leads to a confirmation page first. */
export const ACTION_TITLES: Record<ComplaintAction, string> = {
  assign: 'Toewijzen',
  extend: 'Termijn verlengen',
  committee: 'Naar de klachtencommissie',
  close: 'Afsluiten met uitkomst',
  not_handled: 'Niet in behandeling nemen (Awb 9:8)',
  reopen: 'Heropenen',
  correct_triage: 'Beoordeling corrigeren',
  note: 'Interne notitie toevoegen',
  write_outcome: 'Afhandelingsbrief (Awb 9:12)',
  write_invitation: 'Uitnodiging voor het horen (Awb 9:10)',
  write_letter: 'Vrije brief',
  heard: 'De indiener is gehoord',
  hearing_waived: 'Afgezien van horen (Awb 9:10 lid 2)',
};

/** What the confirm button says; the others "Bevestigen: <title>". */
export const CONFIRM_LABELS: Partial<Record<ComplaintAction, string>> = {
  write_outcome: 'Versturen: afhandelingsbrief',
  write_invitation: 'Versturen: uitnodiging',
  write_letter: 'Versturen: brief',
  heard: 'Vastleggen: gehoord',
  hearing_waived: 'Vastleggen: afgezien van horen',
};

export interface ActionFormContext extends HandlingFormContext {
  officers: string[];
  events: readonly RecordEvent[];
}

/** The outcome of the latest outcome letter, so closing starts from what the complainant was told. */
function lastLetterOutcome(events: readonly RecordEvent[]): string | null {
  const written = eventsOf(events, 'letter_written').filter(({ data }) => data.letter === 'outcome').at(-1);
  const parsed = OutcomeCategorySchema.safeParse(written?.data.variables?.['outcome']);
  return parsed.success ? parsed.data : null;
}

function closeFields(p: string, record: ComplaintRecord, events: readonly RecordEvent[]): SafeHtml {
  const running = isRunning(record.status);
  const chosen = lastLetterOutcome(events);
  const letterSent = outcomeLetterOnItsWay(events) !== null;
  const letterPrinted = !letterSent && outcomeLetterPrinted(events) !== null;
  const letterHint = letterSent
    ? 'De afhandelingsbrief is verstuurd; dit veld kan leeg blijven.'
    : letterPrinted
      ? 'De afhandelingsbrief is afgedrukt om per post te versturen; dit veld kan leeg blijven.'
      : 'Nog geen afhandelingsbrief verstuurd: schrijf die eerst, of vul hier in waarom er geen brief komt.';
  return html`${field(`${p}outcome`, 'Uitkomst', html`<select id="${p}outcome" name="outcome">${running ? html`<option value="">kies een uitkomst</option>` : html`<option value="">geen (dit bericht is geen klacht)</option>`}${OUTCOME_CATEGORIES.map((c) => html`<option value="${c}"${c === chosen ? html` selected` : ''}>${OUTCOME_WORDS[c]}</option>`)}</select>`)}
${field(`${p}summary`, 'Samenvatting (intern, niet verplicht)', html`<textarea id="${p}summary" name="summary"></textarea>`)}
${field(`${p}noLetterReason`, 'Geen afhandelingsbrief verstuurd? Waarom niet', html`<textarea id="${p}noLetterReason" name="noLetterReason" aria-describedby="${p}noLetterReason-hint"></textarea>`, running ? letterHint : undefined)}`;
}

function fields(action: ComplaintAction, record: ComplaintRecord, ctx: ActionFormContext): SafeHtml {
  const p = `${action}-`;
  switch (action) {
    case 'assign':
      return field(`${p}to`, 'Medewerker', html`<select id="${p}to" name="to" required>${ctx.officers.map((o) => html`<option value="${o}"${o === record.assignedTo ? html` selected` : ''}>${o}</option>`)}</select>`);
    case 'extend':
      return html`${field(`${p}weeks`, 'Aantal weken (1 tot 4)', html`<select id="${p}weeks" name="weeks">${[1, 2, 3, 4].map((w) => html`<option value="${w}">${w}</option>`)}</select>`)}
${field(`${p}reason`, 'Reden voor de indiener', html`<textarea id="${p}reason" name="reason" required aria-describedby="${p}reason-hint"></textarea>`, 'Deze tekst gaat letterlijk naar de indiener.')}`;
    case 'committee':
    case 'reopen':
      return field(`${p}reason`, 'Reden (intern, niet verplicht)', html`<textarea id="${p}reason" name="reason"></textarea>`);
    case 'close':
      return closeFields(p, record, ctx.events);
    case 'not_handled':
      return field(`${p}reason`, 'Reden voor de indiener', html`<textarea id="${p}reason" name="reason" required aria-describedby="${p}reason-hint"></textarea>`, 'Deze reden staat in het bericht aan de indiener.');
    case 'note':
      return field(`${p}note`, 'Notitie (wordt nooit verstuurd)', html`<textarea id="${p}note" name="note" required></textarea>`);
    case 'correct_triage': {
      const t = record.triage;
      const a = record.contact.address;
      const text = (name: string, label: string, value: string | null | undefined) => field(`${p}${name}`, label, html`<input id="${p}${name}" name="${name}" value="${value ?? ''}">`);
      return html`${field(`${p}kind`, 'Soort', html`<select id="${p}kind" name="kind">${TRIAGE_KINDS.map((k) => html`<option value="${k}"${k === t?.kind ? html` selected` : ''}>${kindWord(k)}</option>`)}</select>`)}
<div class="field"><input type="checkbox" id="${p}urgent" name="urgent"${t?.urgent ? html` checked` : ''}> <label for="${p}urgent">Spoed</label></div>
<fieldset><legend>Signalen</legend>${TRIAGE_FLAGS.map((f) => html`<div><input type="checkbox" id="${p}flag-${f}" name="flags" value="${f}"${t?.flags.includes(f) ? html` checked` : ''}> <label for="${p}flag-${f}">${flagWord(f)}</label></div>`)}</fieldset>
${text('name', 'Naam', record.contact.name)}${text('street', 'Straat', a?.street)}${text('houseNumber', 'Huisnummer', a?.houseNumber)}${text('postcode', 'Postcode', a?.postcode)}${text('city', 'Plaats', a?.city)}${text('phone', 'Telefoon', record.contact.phone)}`;
    }
    default:
      return handlingFields(action, ctx);
  }
}

/** The forms of `actions`, each folded in a <details>; nothing when the list is empty. */
export function actionForms(ctx: PageContext, record: ComplaintRecord, form: ActionFormContext, actions: readonly ComplaintAction[]): SafeHtml {
  return html`<div class="actions-grid">${actions.map(
    (action) => html`<details>
<summary>${ACTION_TITLES[action]}</summary>
<form method="post" action="/complaints/${record.id}/acties/${action}">
${csrfInput(ctx.csrf)}
${fields(action, record, form)}
<button type="submit">Verder: bekijk wat er gebeurt</button>
</form>
</details>`,
  )}</div>`;
}
