import type { OutcomeCategory } from '../domain/complaint-handling.ts';
import { daysBetween, parseCalendarDate, weekday, type CalendarDate } from '../domain/calendar-date.ts';
import type { ComplaintRecord } from '../domain/complaint-record.ts';
import type { RecordEvent } from '../domain/record-events.ts';
import { ROUTE_TERM_WEEKS } from '../domain/deadlines.ts';
import { formatLongDate } from '../domain/format-date.ts';
import { quoteStart } from '../domain/triage/quoted-reply.ts';
import { daysLeftWords, flagWord, kindWord, statusWord } from './words.ts';

/**
 * What the complaint page says in words: the deadline arithmetic, triage's reasons, the history,
 * and the message text made inert. Pure.
 */
const nlDate = (date: string) => formatLongDate(date, 'nl');
const DAY_NAMES = ['maandag', 'dinsdag', 'woensdag', 'donderdag', 'vrijdag', 'zaterdag', 'zondag'];
const dayName = (date: string) => DAY_NAMES[weekday(parseCalendarDate(date)) - 1] ?? '';

export function deadlineSentences(record: ComplaintRecord, today: CalendarDate): string[] {
  const deadline = record.deadline;
  if (!deadline) return ['Voor dit bericht loopt geen wettelijke termijn.'];
  const weeks = ROUTE_TERM_WEEKS[deadline.route];
  const lines = [
    `Ontvangen op ${nlDate(deadline.received)}. De termijn is ${weeks} weken${deadline.route === 'committee' ? ', omdat de klacht via de klachtencommissie loopt (Awb 9:14)' : ' (Awb 9:11)'}.`,
  ];
  if (deadline.extensionWeeks > 0) lines.push(`De termijn is één keer verlengd met ${deadline.extensionWeeks} ${deadline.extensionWeeks === 1 ? 'week' : 'weken'} (Awb 9:11 lid 2); verder verlengen kan alleen met instemming van de indiener.`);
  const total = weeks + deadline.extensionWeeks;
  if (deadline.shiftedFrom) {
    lines.push(`${total} weken na ontvangst is ${dayName(deadline.shiftedFrom)} ${nlDate(deadline.shiftedFrom)}; dat is geen werkdag, dus de termijn schuift op naar ${nlDate(deadline.deadline)} (Algemene termijnenwet).`);
  } else {
    lines.push(`${total} weken na ontvangst is ${nlDate(deadline.deadline)}.`);
  }
  if (record.status === 'open' || record.status === 'awaiting_details') {
    lines.push(`Uiterste datum: ${nlDate(deadline.deadline)}, ${daysLeftWords(daysBetween(today, parseCalendarDate(deadline.deadline)))}.`);
  } else {
    lines.push(`De termijn loopt niet meer: de status is ${statusWord(record.status)}.`);
  }
  if (record.noticeBy) lines.push(`Het voorval is ouder dan een jaar: meld vóór ${nlDate(record.noticeBy)} of de klacht niet wordt behandeld (Awb 9:8).`);
  return lines;
}

const RULE_WORDS: Record<string, string> = {
  complaint_words: 'woorden die op een klacht wijzen',
  no_address_found: 'geen adres gevonden',
  reference_in_headers: 'antwoord op een bericht van ons',
  reference_in_subject: 'kenmerk in het onderwerp',
  reference_in_body: 'kenmerk in de tekst',
  sender_mismatch: 'kenmerk van een andere afzender',
  unknown_reference: 'onbekend kenmerk',
  automatic_mail: 'automatische mail',
  signature: 'uit de ondertekening',
  found: 'gevonden',
  conduct_sentence: 'uit een zin over het voorval',
  complete_complaint: 'klacht met naam en adres',
};
const GROUP_WORDS: Record<string, string> = { name: 'naam', address: 'adres', date: 'datum van het voorval', phone: 'telefoon', employees: 'medewerkers', language: 'taal' };

/** `kind:complaint:complaint_words` -> "soort klacht: woorden die op een klacht wijzen". */
export function reasonWords(reason: string): string {
  const [group = '', first = '', ...rest] = reason.split(':');
  const rule = rest.join(':');
  const ruleText = (code: string) => RULE_WORDS[code] ?? code.replace(/_/g, ' ');
  switch (group) {
    case 'kind':
      return rule ? `soort ${kindWord(first)}: ${ruleText(rule)}` : `soort: ${ruleText(first)}`;
    case 'flag':
      return rule ? `${flagWord(first)}: ${ruleText(rule)}` : flagWord(first);
    case 'urgent':
      return `spoed: ${ruleText([first, ...rest].join(' '))}`;
    case 'reply':
      return `antwoord: ${first === 'none' ? 'geen' : first.replace(/_/g, ' ')}${rule ? ` (${ruleText(rule)})` : ''}`;
    default:
      return GROUP_WORDS[group] ? `${GROUP_WORDS[group]}: ${[first, ...rest].map(ruleText).join(', ')}` : reason.replace(/[_:]+/g, ' ');
  }
}

const str = (value: unknown) => (typeof value === 'string' || typeof value === 'number' ? String(value) : '');

/** One event of the history as a sentence. Officers' own texts (reasons, outcomes, notes) are shown; the complainant's words are not in events. */
/** The outcome categories of Awb 9:12 (and 9:5) in the officers' words. */
export const OUTCOME_WORDS: Readonly<Record<OutcomeCategory, string>> = {
  founded: 'gegrond',
  partly_founded: 'deels gegrond',
  unfounded: 'ongegrond',
  resolved_informally: 'informeel opgelost (Awb 9:5)',
  withdrawn: 'ingetrokken',
};

export function eventWords(event: RecordEvent): string {
  const d: Record<string, unknown> = event.data;
  switch (event.type) {
    case 'received': return 'Bericht ontvangen en geregistreerd.';
    case 'duplicate_seen': return 'Hetzelfde bericht kwam nog eens binnen.';
    case 'triaged': return 'Automatisch beoordeeld.';
    case 'retriaged': return 'Opnieuw automatisch beoordeeld.';
    case 'followup_received': return 'Vervolgbericht van de indiener ontvangen.';
    case 'details_updated': return 'Gegevens van de indiener aangevuld.';
    case 'reply_queued': return `Antwoord klaargezet (${str(d['type']).replace(/_/g, ' ')}).`;
    case 'reply_sent': return `Antwoord verstuurd (${str(d['type']).replace(/_/g, ' ')}).`;
    case 'reply_failed': return `Antwoord kon niet worden bezorgd (${str(d['type']).replace(/_/g, ' ')}).`;
    case 'reply_suppressed': return `Geen automatisch antwoord verstuurd (${str(d['reason'] ?? d['type']).replace(/_/g, ' ')}).`;
    case 'alert_sent': return 'Spoedmelding aan de klachtenfunctionarissen verstuurd.';
    case 'reminder_sent': return 'Herinnering over de termijn verstuurd.';
    case 'extended': return `Termijn verlengd met ${str(d['weeks'])} weken, van ${d['from'] ? nlDate(str(d['from'])) : '?'} naar ${d['to'] ? nlDate(str(d['to'])) : '?'}. Reden: ${str(d['reason'])}`;
    case 'committee_route': return `Naar de klachtencommissie; nieuwe uiterste datum ${d['to'] ? nlDate(str(d['to'])) : '?'}.`;
    case 'closed': return `Afgesloten. Uitkomst: ${typeof d['category'] === 'string' && d['category'] in OUTCOME_WORDS ? OUTCOME_WORDS[d['category'] as OutcomeCategory] : str(d['outcome'])}`;
    case 'reopened': return `Heropend.${d['reason'] ? ` Reden: ${str(d['reason'])}` : ''}`;
    case 'assigned': return `Toegewezen aan ${str(d['to'])}.`;
    case 'not_handled': return `Niet in behandeling genomen (Awb 9:8). Reden: ${str(d['reason'])}`;
    case 'viewed': return 'Dossier ingezien.';
    case 'anonymised': return 'Persoonsgegevens verwijderd na de bewaartermijn.';
    case 'triage_corrected': return `Beoordeling gecorrigeerd (${Object.keys(asRecord(d['after'])).join(', ')}).`;
    case 'note_added': return `Interne notitie: ${str(d['note'])}`;
    default: return String(event.type).replace(/_/g, ' ');
  }
}

function asRecord(value: unknown): Record<string, unknown> {
  return value && typeof value === 'object' ? (value as Record<string, unknown>) : {};
}

/**
 * Bidirectional controls (U+202A-202E, U+2066-2069, U+200E/F, U+061C) can make text read
 * differently from what it is ("Trojan Source"); they are shown as visible codes instead.
 */
const BIDI = /[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;
export function neutraliseBidi(text: string): string {
  return text.replace(BIDI, (char) => `[U+${char.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}]`);
}

/** The sender's own words and the quoted earlier message (folded on the page). */
export function splitQuoted(text: string): { own: string; quoted: string } {
  const clean = neutraliseBidi(text);
  const start = quoteStart(clean);
  if (start <= 0) return { own: clean, quoted: '' };
  return { own: clean.slice(0, start).trimEnd(), quoted: clean.slice(start) };
}
