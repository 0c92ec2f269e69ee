/**
 * The console's Dutch words for the service's codes: statuses, kinds, flags, routes. Unknown
 * codes (a rule added later) fall back to the code with spaces, never to nothing.
 */
export const STATUS_WORDS: Record<string, string> = {
  open: 'in behandeling',
  awaiting_details: 'wacht op gegevens',
  registered: 'geregistreerd (anoniem)',
  routed: 'doorgestuurd',
  ignored: 'automatische mail',
  quarantined: 'in quarantaine',
  closed: 'afgesloten',
  not_handled: 'niet behandeld (Awb 9:8)',
};

export const KIND_WORDS: Record<string, string> = {
  complaint: 'klacht',
  compliment: 'compliment',
  idea: 'idee',
  question: 'vraag',
  report: 'melding onveilige situatie',
  followup: 'vervolgbericht',
  auto_reply: 'automatisch antwoord',
  bounce: 'onbestelbaar bericht',
  bulk: 'massamail',
  spam: 'spam',
};

export const FLAG_WORDS: Record<string, string> = {
  missing_name: 'naam ontbreekt',
  missing_address: 'adres ontbreekt',
  anonymous: 'anoniem',
  missing_description: 'omschrijving ontbreekt',
  incident_over_one_year: 'voorval ouder dan een jaar',
  urgent_safety: 'acuut gevaar',
  has_attachments: 'met bijlagen',
  tnef: 'Outlook-bijlage (winmail.dat)',
  unverified_reference: 'kenmerk niet bevestigd',
  needs_review: 'controle nodig',
  parse_error: 'onleesbaar bericht',
  too_large: 'te groot bericht',
  no_message_id: 'zonder Message-ID',
};

const humanise = (code: string) => code.replace(/[_:]+/g, ' ').trim();

export const statusWord = (code: string) => STATUS_WORDS[code] ?? humanise(code);
export const kindWord = (code: string | null | undefined) => (code ? (KIND_WORDS[code] ?? humanise(code)) : 'onbekend');
export const flagWord = (code: string) => FLAG_WORDS[code] ?? humanise(code);
export const routeWord = (route: string) => (route === 'committee' ? 'via de klachtencommissie (10 weken)' : 'gewone behandeling (6 weken)');

/** "nog 12 dagen", "vandaag", "3 dagen te laat": the text that goes with the colour. */
export function daysLeftWords(daysLeft: number): string {
  if (daysLeft === 0) return 'vandaag';
  if (daysLeft === 1) return 'nog 1 dag';
  if (daysLeft > 1) return `nog ${daysLeft} dagen`;
  return daysLeft === -1 ? '1 dag te laat' : `${-daysLeft} dagen te laat`;
}
