import type { CalendarDate } from '../../domain/calendar-date.ts';
import type { ComplaintRecord } from '../../domain/complaint-record.ts';
import type { RecordEvent } from '../../domain/record-events.ts';
import { formatLongDate, formatLongDateTime } from '../../domain/format-date.ts';
import { html, type SafeHtml } from '../html.ts';
import { deadlineSentences, eventWords, reasonWords, splitQuoted } from '../complaint-words.ts';
import { daysLeft } from '../queue-plan.ts';
import { isClosed, isRunning } from '../../domain/record-status.ts';
import { isAnonymised } from '../../domain/retention.ts';
import { canAct, COMPLAINT_ACTIONS, HEARING_ACTIONS, LETTER_ACTIONS, type Actor, type ComplaintAction } from '../roles.ts';
import { flagWord, kindWord, statusWord } from '../words.ts';
import { actionForms } from './action-forms.ts';
import { deadlineBadge } from './deadline-badge.ts';
import { canPostTo, canWriteTo, hearingSummary, registrationSection, writingIntro } from './handling.ts';
import { layout, type PageContext } from './layout.ts';

export interface ComplaintView {
  record: ComplaintRecord;
  events: RecordEvent[];
  today: CalendarDate;
  officers: string[];
  /** OMBUDSMAN_ROUTE, the default of the outcome letter's ombudsman paragraph. */
  ombudsman: boolean;
  done?: string;
}

const DONE_WORDS: Record<string, string> = {
  assign: 'De klacht is toegewezen.',
  extend: 'De termijn is verlengd. De indiener en de klachtenfunctionarissen krijgen bericht.',
  committee: 'De klacht loopt nu via de klachtencommissie.',
  close: 'De klacht is afgesloten.',
  not_handled: 'De klacht is niet in behandeling genomen; de indiener krijgt bericht.',
  reopen: 'De klacht is heropend.',
  correct_triage: 'De beoordeling is gecorrigeerd.',
  note: 'De notitie is toegevoegd.',
  write_outcome: 'De afhandelingsbrief staat klaar en wordt verstuurd. In de geschiedenis ziet u wanneer hij verstuurd is.',
  write_invitation: 'De uitnodiging staat klaar en wordt verstuurd. In de geschiedenis ziet u wanneer hij verstuurd is.',
  write_letter: 'De brief staat klaar en wordt verstuurd. In de geschiedenis ziet u wanneer hij verstuurd is.',
  letter_repeated: 'Precies deze brief was al eerder geschreven. Hij wordt maar één keer verstuurd; er gaat niets opnieuw.',
  heard: 'Vastgelegd dat de indiener is gehoord.',
  hearing_waived: 'Vastgelegd dat er is afgezien van horen.',
  register: 'De klacht is geregistreerd. De termijn loopt vanaf de datum van ontvangst.',
};

const HEARING_FORMS: readonly ComplaintAction[] = HEARING_ACTIONS;
const LETTER_FORMS: readonly ComplaintAction[] = LETTER_ACTIONS;

function size(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1).replace('.', ',')} kB`;
  return `${(bytes / 1024 / 1024).toFixed(1).replace('.', ',')} MB`;
}

function address(record: ComplaintRecord): string {
  const a = record.contact.address;
  if (!a) return 'onbekend';
  return [[a.street, a.houseNumber].filter(Boolean).join(' '), [a.postcode, a.city].filter(Boolean).join(' ')].filter(Boolean).join(', ') || 'onbekend';
}

function messageSection(record: ComplaintRecord, events: RecordEvent[]): SafeHtml {
  const message = record.message;
  const registered = registrationSection(events);
  if (registered) return registered;
  if (!message) {
    const anonymised = events.some((e) => e.type === 'anonymised');
    return html`<p class="notice">${anonymised ? 'De tekst is verwijderd na de bewaartermijn.' : 'Het bericht kon niet worden gelezen. Het origineel staat in de map met onverwerkbare mail.'}</p>`;
  }
  const { own, quoted } = splitQuoted(message.text);
  // Always the plain text: the HTML part is never shown, so scripts, images, styles and links in it cannot act.
  return html`<dl class="facts"><dt>Onderwerp</dt><dd>${splitQuoted(message.subject).own}</dd><dt>Afzender</dt><dd>${message.from?.address ?? 'onbekend'}</dd></dl>
<div class="message" dir="auto">${own || '(geen tekst)'}</div>
${message.textTruncated ? html`<p class="notice">De tekst is ingekort; het volledige bericht staat in de mailbox.</p>` : ''}
${quoted ? html`<details><summary>Geciteerde eerdere tekst tonen</summary><div class="message" dir="auto">${quoted}</div></details>` : ''}
${message.hasHtml ? html`<p class="none">Dit bericht had ook een opgemaakte (HTML-)versie; die wordt om veiligheidsredenen niet getoond.</p>` : ''}`;
}

function attachments(record: ComplaintRecord): SafeHtml {
  const download = (sha: string) => `/complaints/${record.id}/bijlagen/${sha}`;
  const list = record.message?.attachments ?? [];
  if (list.length === 0) return html`<p>Geen bijlagen.</p>`;
  return html`<table><caption class="visually-hidden">Bijlagen</caption>
<thead><tr><th scope="col">Naam</th><th scope="col">Type</th><th scope="col">Grootte</th><th scope="col">SHA-256</th></tr></thead>
<tbody>${list.map((a) => html`<tr><td><a href="${download(a.sha256)}" download>${a.filename ?? '(naamloos)'}</a></td><td>${a.contentType}</td><td>${size(a.size)}</td><td><code>${a.sha256.slice(0, 16)}…</code></td></tr>`)}</tbody></table>
<p class="none">Een bijlage wordt uit het originele bericht in de mailbox gehaald en altijd als bestand gedownload, nooit in de browser geopend.</p>`;
}

export function complaintPage(ctx: PageContext & { actor: Actor }, view: ComplaintView): string {
  const { record, events, today } = view;
  const triage = record.triage;
  const flags = [...record.intakeFlags, ...(triage?.flags ?? [])];
  const body = html`${view.done && DONE_WORDS[view.done] ? html`<p class="success" role="status">${DONE_WORDS[view.done]}</p>` : ''}
<p><a href="/complaints">Terug naar de werkvoorraad</a></p>
<h2>Stand van zaken</h2>
<dl class="facts">
<dt>Status</dt><dd>${statusWord(record.status)}${triage?.urgent ? html` <span class="urgent">spoed</span>` : ''}</dd>
<dt>Soort</dt><dd>${kindWord(triage?.kind)}</dd>
<dt>Ontvangen</dt><dd>${formatLongDateTime(new Date(record.receivedAt), 'nl')}</dd>
<dt>Uiterste datum</dt><dd>${deadlineBadge(record.deadline && ['open', 'awaiting_details'].includes(record.status) ? record.deadline.deadline : null, record.deadline ? daysLeft({ deadline: record.deadline.deadline }, today) : null)}</dd>
<dt>Toegewezen aan</dt><dd>${record.assignedTo ?? 'niemand'}</dd>
<dt>Signalen</dt><dd>${flags.length ? flags.map(flagWord).join(', ') : 'geen'}</dd>
</dl>
<h2>Hoe de termijn is berekend</h2>
<ul>${deadlineSentences(record, today).map((line) => html`<li>${line}</li>`)}</ul>
<h2>Bericht</h2>
${messageSection(record, events)}
<h2>Bijlagen</h2>
${attachments(record)}
<h2>Automatische beoordeling</h2>
${triage ? html`<p>Beoordeeld als <strong>${kindWord(triage.kind)}</strong>${triage.urgent ? ', met spoed' : ''}. Redenen:</p><ul>${triage.reasons.map((r) => html`<li>${reasonWords(r)}</li>`)}</ul>${triage.incidentDate ? html`<p>Datum van het voorval: ${triage.incidentDate}</p>` : ''}${triage.employees.length ? html`<p>Genoemde medewerkers: ${triage.employees.join(', ')}</p>` : ''}` : html`<p>Niet beoordeeld.</p>`}
<h2>Contactgegevens</h2>
<dl class="facts"><dt>Naam</dt><dd>${record.contact.name ?? 'onbekend'}</dd><dt>E-mail</dt><dd>${record.contact.email ?? 'onbekend'}</dd><dt>Telefoon</dt><dd>${record.contact.phone ?? 'onbekend'}</dd><dt>Adres</dt><dd>${address(record)}</dd></dl>
<h2>Geschiedenis</h2>
<ol class="timeline">${events.map((e) => html`<li><time datetime="${e.at}">${formatLongDateTime(new Date(e.at), 'nl')}</time> – ${eventWords(e)} <span class="none">(${e.actor})</span></li>`)}</ol>
${handlingSections(ctx, view)}`;
  return layout(ctx, `Klacht ${record.id}`, body);
}

function handlingSections(ctx: PageContext & { actor: Actor }, view: ComplaintView): SafeHtml {
  const { record, events } = view;
  const form = { officers: view.officers, events, ombudsman: view.ombudsman, today: view.today };
  const allowed = (actions: readonly ComplaintAction[]) => actions.filter((action) => canAct(ctx.actor, record, action) && offeredFor(record, events, action));
  const complaint = isRunning(record.status) || isClosed(record.status);
  const canPrint = ctx.actor.role === 'officer' && record.triage?.kind === 'complaint' && !canWriteTo(record, events) && !isAnonymised(events);
  const others = allowed(COMPLAINT_ACTIONS.filter((action) => !HEARING_FORMS.includes(action) && !LETTER_FORMS.includes(action)));
  return html`${complaint ? html`<h2>Horen (Awb 9:10)</h2>
${hearingSummary(events)}
${actionForms(ctx, record, form, allowed(HEARING_FORMS))}` : ''}
${complaint || canPrint ? html`<h2>Schrijven aan de indiener</h2>
${writingIntro(record, events, canPrint)}
${actionForms(ctx, record, form, allowed(LETTER_FORMS))}` : ''}
<h2>Handelingen</h2>
${others.length ? actionForms(ctx, record, form, others) : html`<p>U kunt bij deze klacht geen handelingen uitvoeren.</p>`}`;
}

/** Which actions the page offers for this status: a hint only; the action itself decides (and refuses). */
function offeredFor(record: ComplaintRecord, events: RecordEvent[], action: ComplaintAction): boolean {
  const running = record.status === 'open' || record.status === 'awaiting_details';
  switch (action) {
    case 'write_outcome':
    case 'write_invitation':
    case 'write_letter': return canWriteTo(record, events) || canPostTo(record, events);
    case 'heard':
    case 'hearing_waived': return (running || isClosed(record.status)) && !isAnonymised(events);
    case 'extend': return running && (record.deadline?.extensionWeeks ?? 0) === 0;
    case 'committee': return running && record.deadline?.route !== 'committee';
    case 'reopen': return record.status === 'closed' || record.status === 'not_handled';
    case 'close': return record.status !== 'closed';
    case 'not_handled': return !['closed', 'not_handled', 'ignored', 'quarantined'].includes(record.status);
    case 'correct_triage': return record.triage !== null;
    default: return true;
  }
}

export const receivedDay = (record: ComplaintRecord) => formatLongDate(record.receivedDate, 'nl');
