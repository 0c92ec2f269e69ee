import type { ParsedMessage } from '../parsed-message.ts';

/**
 * Unsolicited mail the spam filter let through: sales pitches ("free SEO audit, just reply YES"),
 * invoices and parcels that ask us to pay, money offers, sextortion, fake jobs, gift cards, CEO
 * fraud, document-share and photo lures, tax refunds, charity and romance. Answering any of it
 * confirms the address to a list seller; it is recorded as spam, which officers can still rescue.
 * Each scheme needs its subject together with what it asks of us, in a short message, so a person
 * who mentions Google, an invoice or a parcel in a complaint is not caught (batches 35 and 39 hold
 * such people beside the schemes), and danger outranks it (triage-message.ts).
 */
interface Scheme {
  id: string;
  subject: RegExp;
  asks: RegExp;
}

const SCHEMES: readonly Scheme[] = [
  {
    id: 'sales_pitch',
    subject: /\b(?:seo|backlinks?|organic\s+traffic|(?:google\s+)?rankings?|domain\s+authority|high[- ]authority|lead\s+generation|web\s*design|website\s+redesign|app\s+development|vindbaarheid|zoekmachine\w*|zoekwoorden|linkbuilding|organisch\s+verkeer|contacts?\s+list|decision\s+makers|toners?|cartridges?|printerbenodigdheden|vertalingen|tolkdiensten|guest\s+post|content\s+writer|congress|summit|keynote|speaker|awards?|shortlisted|search\s+engine\s+registration|domain\s+(?:name\s+)?expir\w*|handelsregister|zakelijk\s+register)\b/i,
    asks: /\b(?:free|gratis|vrijblijvend\w*)\s+(?:\w+\s+)?(?:audit|scan|quickscan|analys[ei]s|quote|offerte|consult\w*|trial|proefperiode)\b|\b(?:for\s+new\s+clients|special\s+offer|limited\s+offer|this\s+month\s+(?:we're|we\s+are)\s+offering|\d+\s*%\s+(?:off|korting)|nieuwe\s+klanten|aanbieding|kortingscode|deze\s+week\s+alleen|speciaal\s+(?:tarief|voor))\b|\bjust\s+reply\b|\breply\s+["“']?(?:yes|no\s+thanks)\b|\b(?:book|schedule)\s+a\s+(?:quick\s+|short\s+|\d+[- ]minute\s+)?call\b|\bdon't\s+want\s+to\s+hear\s+from\s+me\b|\bunsubscribe\b|\bafmelden\b|\bkennismakingsgesprek\b|\bfollowing\s+up\s+on\s+my\s+previous\s+email\b|\bwould\s+you\s+be\s+interested\b|\bin\s+return\b|\b(?:registration|participation|listing)\s+fee\b|\bsubmit\s+your\s+abstract\b|\bvul\s+het\s+(?:bijgevoegde\s+)?formulier\s+in\b|\bfailure\s+to\s+complete\b/i,
  },
  {
    id: 'payment_demand',
    subject: /\b(?:factuur(?:nummer)?|invoice|betalingsherinnering|aanmaning|openstaand\s+bedrag|outstanding\s+(?:amount|balance)|amount\s+due|invoerrechten|customs\s+duties|administratiekosten)\b/i,
    asks: /\b(?:verzoeken\s+u\s+het\s+bedrag|betaal\s+(?:binnen|via|nu)|maak\s+het\s+bedrag\s+over|(?:complete|make)\s+the\s+payment|pay\s+(?:now|within|online)|binnen\s+\d+\s+(?:uur|dagen|werkdagen)\s+(?:over\s+te\s+maken|te\s+betalen)|release\s+your\s+(?:parcel|shipment)|bezorgmoment|(?:ons\s+)?rekeningnummer\s+(?:is\s+)?(?:per\s+direct\s+)?gewijzigd|nieuw\s+rekeningnummer|bank\s+details\s+have\s+changed|vandaag\s+nog\s+over\s+te\s+maken)\b/i,
  },
  {
    id: 'money_offer',
    subject: /\b(?:bitcoin|crypto\w*|handelsplatform|trading\s+platform|annual\s+return|rendement|obligaties|bonds?|lottery|loterij|lucky\s+winner|you\s+have\s+won|unclaimed\s+(?:deposit|funds)|inheritance|erfenis|next\s+of\s+kin|barrister)\b/i,
    asks: /\b(?:verdien\w*|earn\w*|claim\w*|minimum\s+subscription|fixed\s+return|beneficiary|percentage|deze\s+kans|(?:eur|€|usd|\$)\s?\d[\d.,]*|\d[\d.,]*\s?(?:euro|eur)\b)/i,
  },
  {
    id: 'sextortion',
    subject: /\b(?:recorded\s+you|webcam|adult\s+(?:websites?|sites?|videos?)|trojan|malware)\b/i,
    asks: /\b(?:bitcoin|btc|wallet|48\s+hours|within\s+\d+\s+hours)\b/i,
  },
  {
    id: 'job_offer',
    subject: /\b(?:vacature\w*|bijbaan|vanuit\s+huis|work\s+from\s+home|online\s+reviewer|je\s+profiel\s+past)\b/i,
    asks: /\b(?:per\s+uur|per\s+hour|per\s+dag|per\s+day|dagelijks\s+uitbetaald|€\s?\d+\s*(?:-|tot|to)\s*€?\s?\d+)\b/i,
  },
  {
    id: 'gift_cards',
    subject: /\b(?:cadeaukaart\w*|gift\s*cards?|itunes\s+cards?|google\s+play\s+(?:kaart|card)\w*)\b/i,
    asks: /\b(?:codes?|kras|scratch|achterkant|back\s+of\s+the\s+card)\b/i,
  },
  {
    id: 'document_lure',
    subject: /\b(?:heeft\s+(?:een\s+)?(?:bestand|document)\s+met\s+u\s+gedeeld|shared\s+a\s+(?:file|document)\s+with\s+you|sent\s+you\s+a\s+document\s+to\s+review|review\s+document|wachtwoord\s+behouden|keep\s+(?:your\s+)?(?:current\s+)?password|(?:het\s+)?wachtwoord\s+(?:voor|van)\s+\S+@\S+\s+verloopt|(?:het\s+)?bestand\s+is\s+beveiligd|beveiligd\s+bestand|secured?\s+(?:file|document)|open\s+de\s+bijlage\s+in\s+uw\s+browser)\b/i,
    asks: /\b(?:microsoft|sharepoint|onedrive|docusign|office\s*365|m365|openen|open\s+document|sign|log\s*in\s+met\s+uw\s+(?:werk-?\s?e-?mail|e-?mail)|will\s+expire\s+in\s+\d+\s+hours|verloopt\s+(?:over|binnen)\s+\d+\s+uur)\b/i,
  },
  {
    id: 'refund',
    subject: /\b(?:teruggave|tax\s+refund|tax\s+rebate|refund\s+of)\b/i,
    asks: /\b(?:bevestig\s+uw\s+(?:gegevens|rekeningnummer|bankgegevens)|rekeningnummer\s+niet\s+(?:\(?meer\)?\s+)?bij\s+ons\s+bekend|confirm\s+your\s+(?:bank|account|payment)\s+details)\b/i,
  },
  {
    id: 'ceo_fraud',
    subject: /\b(?:ben\s+je\s+(?:aan\s+je\s+bureau|beschikbaar|op\s+kantoor)|are\s+you\s+(?:at\s+your\s+desk|available))\s*\?/i,
    asks: /\b(?:snelle|kleine)\s+(?:taak|klus)\b|\bquick\s+task\b|\bkan\s+niet\s+bellen\b|\bcan(?:'|no)t\s+(?:talk|call)\b|\breageer\s+(?:even\s+)?hier\b|\breply\s+(?:here|to\s+this\s+(?:e-?mail|message))\b/i,
  },
  {
    id: 'photo_lure',
    subject: /\b(?:ben\s+jij\s+(?:dit|dat)|is\s+(?:this|that)\s+you)\b[^.!?\n]{0,40}\b(?:foto|photo|video|picture|pic)\b/i,
    asks: /https?:\/\/|\bkijk\s+zelf\b|\bsee\s+for\s+yourself\b/i,
  },
  {
    id: 'charity_or_dating',
    subject: /\b(?:orphanage|weeshuis|kind\s+hearted|still\s+single|private\s+page|serious\s+(?:man|relationship)|peacekeeping\s+mission|(?:american|us)\s+soldier|kind\s+and\s+honest\s+person|know\s+each\s+other\s+better)\b/i,
    asks: /\b(?:(?:eur|€|usd|\$)\s?\d[\d.,]*|donat\w*|western\s+union|photos?|pictures?|write\s+me\s+back|https?:\/\/)/i,
  },
];
const MAX_SCHEME_TEXT = 4_000;

/** `spam:unsolicited_<scheme>` for the first scheme whose subject and ask both occur, else none. */
export function unsolicitedMailRules(message: Pick<ParsedMessage, 'subject' | 'text'>): string[] {
  const text = `${message.subject}\n${message.text}`;
  if (text.length > MAX_SCHEME_TEXT) return [];
  const scheme = SCHEMES.find(({ subject, asks }) => subject.test(text) && asks.test(text));
  return scheme === undefined ? [] : [`spam:unsolicited_${scheme.id}`];
}
