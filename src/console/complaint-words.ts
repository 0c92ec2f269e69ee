import { type Channel, type HearingMode, type OutcomeCategory, type WaiverGround } from '../domain/complaint-handling.ts';
import { isOfficerLetter, type OfficerLetterType } from '../domain/reply-types.ts';
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
  // Urgency rules (domain/triage/urgency-cues.ts), in the officers' words.
  learned_words: 'woorden die vaak in spoedberichten staan (geleerd vangnet)',
  accumulated_signs: 'meerdere zachte signalen samen',
  suicide: 'signalen van zelfdoding',
  threat_to_life: 'bedreiging',
  weapon: 'wapen',
  violence: 'geweld',
  sexual_abuse: 'seksueel misbruik',
  fear_of_return: 'angst dat iemand terugkomt',
  stalking: 'stalking',
  forced_marriage_or_honour: 'huwelijksdwang of eergerelateerd',
  child_in_distress: 'kind in nood',
  child_alone: 'kind alleen',
  missing_person: 'vermist of niet teruggebracht',
  neglect_now: 'verwaarlozing nu',
  unresponsive: 'reageert niet meer',
  locked_in: 'opgesloten of afgesloten van hulp',
  secrecy: 'geheimhouding, wordt gecontroleerd',
  call_for_help: 'roept om hulp',
  not_safe: 'niet veilig',
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
    case 'registered_by':
      return `geregistreerd door een medewerker, binnengekomen ${first in CHANNEL_PHRASES ? CHANNEL_PHRASES[first as Channel] : first}`;
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

/** How the complainant was heard (Awb 9:10 lid 1). */
export const HEARING_MODE_WORDS: Readonly<Record<HearingMode, string>> = { in_person: 'persoonlijk', phone: 'telefonisch', video: 'via een videogesprek' };

/** Why there was no hearing (Awb 9:10 lid 2), as a sentence after "omdat". */
export const WAIVER_WORDS: Readonly<Record<WaiverGround, string>> = {
  manifestly_unfounded: 'de klacht kennelijk ongegrond is (lid 2 onder a)',
  declined: 'de indiener niet gehoord wilde worden (lid 2 onder b)',
  no_response_in_time: 'de indiener niet op tijd liet weten gehoord te willen worden (lid 2 onder c)',
};

export const LETTER_WORDS: Readonly<Record<OfficerLetterType, string>> = { outcome: 'afhandelingsbrief', hearing_invitation: 'uitnodiging voor het horen', blank_letter: 'brief' };
export const CHANNEL_WORDS: Readonly<Record<Channel, string>> = { email: 'e-mail', letter: 'brief', phone: 'telefoon', visit: 'bezoek' };
/** "De klacht kwam ... binnen." */
export const CHANNEL_PHRASES: Readonly<Record<Channel, string>> = { email: 'per e-mail', letter: 'per brief', phone: 'per telefoon', visit: 'bij een bezoek' };

const capital = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
const replyWord = (type: string) => (isOfficerLetter(type) ? LETTER_WORDS[type] : type.replace(/_/g, ' '));

function closedWords(event: RecordEvent): string {
  const closed = event.type === 'closed' ? event.data : null;
  const outcome = closed?.category ? OUTCOME_WORDS[closed.category] : str(closed?.outcome) || 'geen';
  const letter = closed?.letterJobId ? ' Met afhandelingsbrief.' : closed?.letterPrintedKey ? ' Met afhandelingsbrief, per post.' : closed?.noLetterReason ? ` Geen afhandelingsbrief: ${closed.noLetterReason}` : '';
  return `Afgesloten. Uitkomst: ${outcome}.${letter}`;
}

export function eventWords(event: RecordEvent): string {
  const d: Record<string, unknown> = event.data;
  switch (event.type) {
    case 'registered_by': {
      const r = event.data;
      return r ? `Geregistreerd door een medewerker: klacht per ${CHANNEL_WORDS[r.channel]}, ontvangen op ${nlDate(r.receivedDate)}${r.anonymous ? ' (anoniem)' : ''}.` : 'Geregistreerd door een medewerker.';
    }
    case 'hearing_held': {
      const h = event.data;
      return h ? `Gehoord op ${nlDate(h.date)}, ${HEARING_MODE_WORDS[h.how]} (Awb 9:10).${h.note ? ` Notitie: ${h.note}` : ''}` : 'Gehoord (Awb 9:10).';
    }
    case 'hearing_waived': {
      const w = event.data;
      return w ? `Afgezien van horen, omdat ${WAIVER_WORDS[w.ground]} (Awb 9:10).${w.note ? ` Notitie: ${w.note}` : ''}` : 'Afgezien van horen (Awb 9:10).';
    }
    case 'letter_written': {
      const l = event.data;
      const outcome = l?.letter === 'outcome' && typeof l.variables?.['outcome'] === 'string' && l.variables['outcome'] in OUTCOME_WORDS ? ` (uitkomst: ${OUTCOME_WORDS[l.variables['outcome'] as OutcomeCategory]})` : '';
      return l ? `${capital(LETTER_WORDS[l.letter])} geschreven${outcome}.` : 'Brief geschreven.';
    }
    case 'letter_printed': return `${capital(LETTER_WORDS[event.data.letter])} afgedrukt om per post te versturen.`;
    case 'received': return 'Bericht ontvangen en geregistreerd.';
    case 'duplicate_seen': return 'Hetzelfde bericht kwam nog eens binnen.';
    case 'triaged': return 'Automatisch beoordeeld.';
    case 'retriaged': return 'Opnieuw automatisch beoordeeld.';
    case 'followup_received': return 'Vervolgbericht van de indiener ontvangen.';
    case 'details_updated': return 'Gegevens van de indiener aangevuld.';
    case 'reply_queued': return isOfficerLetter(str(d['type'])) ? `${capital(replyWord(str(d['type'])))} klaargezet om te versturen.` : `Antwoord klaargezet (${replyWord(str(d['type']))}).`;
    case 'reply_sent': return isOfficerLetter(str(d['type'])) ? `${capital(replyWord(str(d['type'])))} verstuurd.` : `Antwoord verstuurd (${replyWord(str(d['type']))}).`;
    case 'reply_failed': return `${isOfficerLetter(str(d['type'])) ? capital(replyWord(str(d['type']))) : `Antwoord (${replyWord(str(d['type']))})`} kon niet worden bezorgd.`;
    case 'reply_suppressed': return `Niet verstuurd: ${replyWord(str(d['type']))} (${str(d['reason']).replace(/_/g, ' ') || 'geen reden'}).`;
    case 'alert_sent': return 'Spoedmelding aan de klachtenfunctionarissen verstuurd.';
    case 'reminder_sent': return 'Herinnering over de termijn verstuurd.';
    case 'extended': return `Termijn verlengd met ${str(d['weeks'])} weken, van ${d['from'] ? nlDate(str(d['from'])) : '?'} naar ${d['to'] ? nlDate(str(d['to'])) : '?'}. Reden: ${str(d['reason'])}`;
    case 'committee_route': return `Naar de klachtencommissie; nieuwe uiterste datum ${d['to'] ? nlDate(str(d['to'])) : '?'}.`;
    case 'closed': return closedWords(event);
    case 'reopened': return `Heropend.${d['reason'] ? ` Reden: ${str(d['reason'])}` : ''}`;
    case 'assigned': return `Toegewezen aan ${str(d['to'])}.`;
    case 'not_handled': return `Niet in behandeling genomen (Awb 9:8). Reden: ${str(d['reason'])}`;
    case 'viewed': return 'Dossier ingezien.';
    case 'anonymised': return 'Persoonsgegevens verwijderd na de bewaartermijn.';
    case 'triage_corrected': return `Beoordeling gecorrigeerd (${Object.keys(asRecord(d['after'])).join(', ')}).`;
    case 'note_added': return `Interne notitie: ${str(d['note'])}`;
    default: return String((event as { type: string }).type).replace(/_/g, ' ');
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
