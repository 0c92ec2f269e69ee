import type { ComplaintRecord } from '../../domain/complaint-record.ts';
import { eventsOf, type RecordEvent } from '../../domain/record-events.ts';
import { formatLongDate, formatLongDateTime } from '../../domain/format-date.ts';
import { letterProblem, letterRecipient } from '../../domain/letter-delivery.ts';
import { CHANNEL_WORDS, HEARING_MODE_WORDS, LETTER_WORDS, WAIVER_WORDS } from '../complaint-words.ts';
import { html, type SafeHtml } from '../html.ts';

/**
 * The parts of the complaint page about handling it: how a registered complaint came in, the
 * hearing (Awb 9:10) as recorded, and how letters go: by e-mail, or without an e-mail address
 * printed and posted (the printable acknowledgement, and letters printed before).
 */
const nl = (date: string) => formatLongDate(date, 'nl');

/** A complaint taken down by an officer: how it came in, and the description as written down. */
export function registrationSection(events: readonly RecordEvent[]): SafeHtml | null {
  const event = eventsOf(events, 'registered_by')[0];
  if (!event) return null;
  const { data } = event;
  return html`<dl class="facts"><dt>Binnengekomen per</dt><dd>${CHANNEL_WORDS[data.channel]}</dd><dt>Datum van ontvangst</dt><dd>${nl(data.receivedDate)}</dd><dt>Geregistreerd door</dt><dd>${event.actor}</dd>${data.anonymous ? html`<dt>Anoniem</dt><dd>ja: geregistreerd, niet behandeld (Awb 9:4)</dd>` : ''}</dl>
${data.description ? html`<div class="message" dir="auto">${data.description}</div>` : html`<p class="notice">De omschrijving is verwijderd na de bewaartermijn.</p>`}`;
}

/** What was recorded about the hearing, oldest first; invitations sent count too. */
export function hearingSummary(events: readonly RecordEvent[]): SafeHtml {
  const items: { at: string; text: string }[] = [
    ...eventsOf(events, 'letter_written')
      .filter(({ data }) => data.letter === 'hearing_invitation')
      .map(({ at, data }) => ({ at, text: `Uitnodiging geschreven voor ${typeof data.variables?.['date'] === 'string' ? nl(data.variables['date']) : 'een gesprek'}${typeof data.variables?.['time'] === 'string' ? ` om ${data.variables['time']}` : ''}.` })),
    ...eventsOf(events, 'hearing_held').map(({ at, data }) => ({ at, text: `Gehoord op ${nl(data.date)}, ${HEARING_MODE_WORDS[data.how]}.${data.note ? ` Notitie: ${data.note}` : ''}` })),
    ...eventsOf(events, 'hearing_waived').map(({ at, data }) => ({ at, text: `Afgezien van horen, omdat ${WAIVER_WORDS[data.ground]}.${data.note ? ` Notitie: ${data.note}` : ''}` })),
  ].sort((a, b) => a.at.localeCompare(b.at));
  const done = events.some((e) => e.type === 'hearing_held' || e.type === 'hearing_waived');
  return html`${done ? '' : html`<p class="notice" data-hearing="none">Nog niet vastgelegd dat de indiener is gehoord, of waarom niet. De indiener heeft recht om gehoord te worden (Awb 9:10).</p>`}
${items.length ? html`<ul data-hearing="recorded">${items.map((item) => html`<li><time datetime="${item.at}">${formatLongDateTime(new Date(item.at), 'nl')}</time>: ${item.text}</li>`)}</ul>` : ''}`;
}

/** Whether letters can go to this complainant by e-mail: a complaint, not anonymised, with an address of their own. */
export function canWriteTo(record: ComplaintRecord, events: readonly RecordEvent[]): boolean {
  return letterProblem(record, events, 'email') === null;
}

/** Whether letters can go by post instead: no e-mail address, but a complete postal address (the rule sending them checks). */
export function canPostTo(record: ComplaintRecord, events: readonly RecordEvent[]): boolean {
  return letterProblem(record, events, 'post') === null;
}

/** The letters printed for posting, newest last, each with a link to print it again. */
function printedLetters(record: ComplaintRecord, events: readonly RecordEvent[]): SafeHtml {
  const printed = eventsOf(events, 'letter_printed');
  if (printed.length === 0) return html``;
  return html`<p>Afgedrukt om per post te versturen:</p><ul data-printed-letters>${printed.map(({ at, data }) => html`<li>${LETTER_WORDS[data.letter]}, <time datetime="${at}">${formatLongDateTime(new Date(at), 'nl')}</time>: <a href="/complaints/${record.id}/brieven/${data.key}">opnieuw afdrukken<span class="visually-hidden"> (${LETTER_WORDS[data.letter]})</span></a></li>`)}</ul>`;
}

/** Where letters go: by e-mail, or printed and posted (and the printable acknowledgement) without an e-mail address. */
export function writingIntro(record: ComplaintRecord, events: readonly RecordEvent[], canPrint: boolean): SafeHtml {
  if (canWriteTo(record, events)) {
    const sent = eventsOf(events, 'letter_written').map(({ data }) => LETTER_WORDS[data.letter]);
    return html`<p>Brieven gaan per e-mail naar <strong>${letterRecipient(record)}</strong>. U ziet eerst precies wat er wordt verstuurd. Er komt nooit tekst uit het bericht van de indiener in.</p>${sent.length ? html`<p class="none">Eerder geschreven: ${sent.join(', ')}.</p>` : ''}`;
  }
  const print = canPrint ? html`<p><a href="/complaints/${record.id}/ontvangstbevestiging">Ontvangstbevestiging afdrukken</a> (de tekst van de bevestiging, in de versie voor op papier; verstuur die per post of geef die mee).</p>` : '';
  const how = canPostTo(record, events)
    ? html`<p class="notice">Er is geen e-mailadres van de indiener bekend: brieven worden afgedrukt en per post verstuurd. U ziet eerst de brief; na bevestigen drukt u hem af. In de brief staat hoe de indiener ons per post of telefoon bereikt.</p>`
    : html`<p class="notice">Er is geen e-mailadres en geen volledig postadres van de indiener bekend. Vul eerst het adres in (Beoordeling corrigeren) om brieven per post te sturen.</p>`;
  return html`${how}${print}${printedLetters(record, events)}`;
}
