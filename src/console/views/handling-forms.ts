import { HEARING_MODES, OUTCOME_CATEGORIES, WAIVER_GROUNDS } from '../../domain/complaint-handling.ts';
import { HEARING_MODE_WORDS, OUTCOME_WORDS } from '../complaint-words.ts';
import { html, type SafeHtml } from '../html.ts';
import { field, radios } from './form-field.ts';

/**
 * The fields of the letter and hearing forms on the complaint page. What the officer writes
 * here goes into the letter word for word; the hints say so.
 */
export interface HandlingFormContext {
  /** OMBUDSMAN_ROUTE: whether the outcome letter names the Nationale ombudsman unless the officer says otherwise. */
  ombudsman: boolean;
  /** Amsterdam day; a hearing that took place is not after it. */
  today: string;
}

export type HandlingFormAction = 'write_outcome' | 'write_invitation' | 'write_letter' | 'heard' | 'hearing_waived';

const WAIVER_LABELS: Record<(typeof WAIVER_GROUNDS)[number], string> = {
  manifestly_unfounded: 'a. de klacht is kennelijk ongegrond',
  declined: 'b. de indiener wil niet gehoord worden',
  no_response_in_time: 'c. de indiener liet niet binnen de gestelde termijn weten gehoord te willen worden',
};

const modeSelect = (id: string) => html`<select id="${id}" name="how">${HEARING_MODES.map((m) => html`<option value="${m}">${HEARING_MODE_WORDS[m]}</option>`)}</select>`;

export function handlingFields(action: HandlingFormAction, ctx: HandlingFormContext): SafeHtml {
  const p = `${action}-`;
  const wordForWord = 'Deze tekst komt letterlijk in de brief aan de indiener. Citeer niets uit het bericht van de indiener.';
  switch (action) {
    case 'write_outcome':
      return html`${field(`${p}outcome`, 'Uitkomst', html`<select id="${p}outcome" name="outcome" required><option value="">kies een uitkomst</option>${OUTCOME_CATEGORIES.map((c) => html`<option value="${c}">${OUTCOME_WORDS[c]}</option>`)}</select>`)}
${field(`${p}reasons`, 'Wat u vindt en waarom', html`<textarea id="${p}reasons" name="reasons" required aria-describedby="${p}reasons-hint" rows="10"></textarea>`, wordForWord)}
${radios('ombudsman', 'Noemt de brief de Nationale ombudsman als volgende stap?', [['ja', 'ja'], ['nee', 'nee']], ctx.ombudsman ? 'ja' : 'nee', `${p}ombudsman`)}`;
    case 'write_invitation':
      return html`${field(`${p}date`, 'Datum van het gesprek', html`<input type="date" id="${p}date" name="date" required min="${ctx.today}">`)}
${field(`${p}time`, 'Tijd (uu:mm)', html`<input type="time" id="${p}time" name="time" required>`)}
${field(`${p}how`, 'Hoe', modeSelect(`${p}how`))}
${field(`${p}place`, 'Waar, of welk nummer wij bellen, of hoe de indiener meedoet', html`<input id="${p}place" name="place" required aria-describedby="${p}place-hint">`, wordForWord)}
${field(`${p}attendees`, 'Wie er namens Hecht zijn', html`<input id="${p}attendees" name="attendees" required aria-describedby="${p}attendees-hint">`, 'Bijvoorbeeld: de klachtenfunctionaris en de teamleider.')}`;
    case 'write_letter':
      return field(`${p}body`, 'Tekst van de brief', html`<textarea id="${p}body" name="body" required aria-describedby="${p}body-hint" rows="10"></textarea>`, `${wordForWord} Een witregel begint een nieuwe alinea. Aanhef, nummer, hulp van de vertrouwenspersoon en ondertekening komen er vanzelf bij.`);
    case 'heard':
      return html`${field(`${p}date`, 'Datum van het horen', html`<input type="date" id="${p}date" name="date" required max="${ctx.today}">`)}
${field(`${p}how`, 'Hoe', modeSelect(`${p}how`))}
${field(`${p}note`, 'Notitie (intern, niet verplicht)', html`<textarea id="${p}note" name="note"></textarea>`)}`;
    case 'hearing_waived':
      return html`${radios('ground', 'Waarom is er niet gehoord? (Awb 9:10 lid 2)', WAIVER_GROUNDS.map((g) => [g, WAIVER_LABELS[g]] as const), null, `${p}ground`)}
${field(`${p}note`, 'Notitie (intern, niet verplicht)', html`<textarea id="${p}note" name="note"></textarea>`)}`;
  }
}
