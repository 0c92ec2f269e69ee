/**
 * Acute danger now: violence happening or threatened, threats to life, suicide. Past violence
 * that a complaint about casework mentions ("in 2024 is er geweld geweest") is not acute, nor is
 * violence the sender says Veilig Thuis wrongly assumed. Judged per sentence.
 */
export const URGENCY_RULES = ['suicide', 'threat_to_life', 'violence_now', 'call_for_help'] as const;
export type UrgencyRule = (typeof URGENCY_RULES)[number];

const PATTERNS: Readonly<Record<UrgencyRule, readonly RegExp[]>> = {
  suicide: [
    /\bik\s+(?:wil|ga|denk erover|overweeg|ben van plan)\b[^.!?\n]{0,40}\b(?:dood|zelfmoord|een eind aan (?:mijn|m'n) leven|er een eind aan|mezelf (?:iets )?aan te doen|mezelf van kant|niet meer (?:leven|verder))\b/i,
    /\bik\s+(?:zie|zag)\s+(?:het|alles)\s+(?:echt\s+)?niet\s+meer\s+zitten\b/i,
    /\b(?:zie|zien)\s+geen\s+uitweg\s+meer\b/i,
    /\bik\s+(?:wil|kan)\s+(?:echt\s+)?niet\s+meer\s+(?:leven|verder leven)\b/i,
    /\b(?:dreigt|dreigde|wil|gaat)\s+(?:met\s+zelfmoord|zichzelf\s+(?:iets\s+)?aan\s+te\s+doen|zichzelf\s+van\s+kant|een\s+eind\s+aan\s+(?:zijn|haar)\s+leven)/i,
    /\b(?:suïcidaal|suicidaal)\b[^.!?\n]{0,20}\b(?:nu|vandaag|vanavond|op dit moment)\b/i,
    /\bik\s+ben\s+(?:nu\s+)?(?:suïcidaal|suicidaal)\b/i,
    /\b(?:kill myself|end my (?:own )?life|take my (?:own )?life|commit suicide|want to die|don't want to live any ?more|no reason to live)\b/i,
    /\bI(?:'m| am)\s+(?:feeling\s+)?suicidal\b/i,
  ],
  threat_to_life: [
    /\b(?:dreigt|dreigde|gedreigd|bedreigt|bedreigde|bedreigd|zegt|zei|roept|riep|schreeuwt|appt|stuurt)\b[^.!?\n]{0,60}\b(?:te\s+)?(?:vermoorden|doden|dood\s+te\s+maken|doodmaken|dood\s+maken|om\s+te\s+brengen|af\s+te\s+maken|kapot\s+te\s+maken)\b/i,
    /\b(?:gaat|zal)\s+(?:mij|me|ons|haar|hem|de kinderen|mijn \w+)\s+(?:vermoorden|doden|doodmaken|ombrengen)\b/i,
    /\b(?:bang|vrees)\s+dat\s+(?:hij|zij|ze|mijn \w+)\s+(?:mij|me|ons|haar|hem|de kinderen|mijn \w+)\s+(?:iets\s+aandoet|vermoordt|doodt|doodmaakt|ombrengt)\b/i,
    /\b(?:mes|messen|wapen|pistool|vuurwapen|bijl)\b[^.!?\n]{0,40}\b(?:bedreigd|bedreigt|dreigt|gedreigd|zwaait|zwaaide|op\s+mij|op\s+ons)\b/i,
    /\b(?:bedreigd|bedreigt|dreigt|gedreigd)\b[^.!?\n]{0,40}\bmet\s+(?:een\s+)?(?:mes|wapen|pistool|vuurwapen|bijl)\b/i,
    /\b(?:threaten(?:s|ed|ing)?|said he would|says he will|is going to|he will|she will)\b[^.!?\n]{0,60}\b(?:kill|murder|stab|shoot)\b/i,
    /\b(?:afraid|scared)\s+(?:that\s+)?(?:he|she|they)\s+(?:will|is going to)\s+(?:kill|hurt|harm)\b/i,
  ],
  violence_now: [
    /\b(?:slaat|schopt|mishandelt|wurgt|bedreigt|sloeg|schopte)\b[^.!?\n]{0,40}\b(?:nu|op dit moment|momenteel|nog steeds|elke dag|iedere dag|dagelijks|vanavond|vannacht|net|zojuist)\b/i,
    /\b(?:nu|op dit moment|vanavond|vannacht|zojuist|net|gisteravond|vanochtend)\b[^.!?\n]{0,40}\b(?:geslagen|geschopt|slaat|schopt|mishandeld|gewurgd|aangevallen|in elkaar geslagen)\b/i,
    /\b(?:wordt|worden)\s+(?:nog\s+steeds\s+|elke\s+dag\s+|weer\s+)?(?:geslagen|mishandeld|misbruikt|geschopt|opgesloten)\b/i,
    /\b(?:is|are)\s+(?:hitting|beating|attacking|choking|hurting)\b/i,
    /\b(?:hitting|beating)\s+(?:me|her|him|us|the kids|the children)\s+(?:right\s+)?now\b/i,
  ],
  call_for_help: [
    /\b(?:hij|zij|ze|mijn (?:ex|man|vriend|partner|vader))\s+staat\s+(?:nu\s+)?(?:voor|aan|bij)\s+(?:de|mijn|onze)\s+deur\b/i,
    /\bik\s+(?:durf|kan)\s+niet\s+(?:meer\s+)?naar\s+huis\b/i,
    /\bik\s+(?:zit|ben)\s+(?:nu\s+)?(?:opgesloten|verstopt)\b/i,
    /\b(?:ik|wij|we)\s+(?:ben|zijn)\s+(?:nu|op dit moment|hier)\s+niet\s+veilig\b/i,
    /\b(?:ik|wij|we|mijn kinderen|de kinderen)\s+(?:ben|zijn)\s+(?:nu\s+)?in\s+(?:acuut\s+|direct\s+|groot\s+)?gevaar\b/i,
    /\bhelp\s+(?:me|mij|ons)\b[^.?\n]{0,30}!/i,
    /\bI(?:'m| am)\s+(?:not safe|in danger|hiding)\b/i,
    /\b(?:he|she)\s+is\s+(?:at|outside)\s+(?:the|my|our)\s+door\b/i,
    /\bplease\s+help\s+(?:me|us)\b/i,
  ],
};

/** Sentences that say the danger is past, denied, or Veilig Thuis's allegation. */
const NOT_ACUTE: readonly RegExp[] = [
  /\b(?:geen|niet)\s+(?:in\s+)?(?:acuut|acute|direct|directe|onmiddellijk|onmiddellijke)\s+(?:gevaar|nood)\b/i,
  /\bniet\s+acuut\b/i,
  /\b(?:no|not in)\s+(?:immediate\s+)?danger\b/i,
  /\b(?:jaar|jaren|maanden)\s+geleden\b|\bvroeger\b|\bdestijds\b|\byears ago\b|\bvorig jaar\b|\blast year\b/i,
  /\bvolgens\s+(?:jullie|veilig thuis|het rapport|de medewerker|uw medewerker)\b|\bten onrechte\b|\bonterecht\b|\bbeschuldig\w*\b|\baccus\w*\b|\bwrongly\b|\bfalsely\b/i,
  /\bniet\s+waar\b|\bnot true\b|\bnooit\s+(?:geslagen|mishandeld|bedreigd)\b/i,
];

const PAST_YEAR = /\b(?:in|sinds|since)\s+(20\d{2}|19\d{2})\b/gi;

export interface Urgency {
  urgent: boolean;
  rules: UrgencyRule[];
}

export function detectUrgency(text: string, receiptYear: number): Urgency {
  const rules = new Set<UrgencyRule>();
  for (const sentence of text.split(/(?<=[.!?])\s+|\n+/)) {
    if (NOT_ACUTE.some((pattern) => pattern.test(sentence)) || mentionsPastYear(sentence, receiptYear)) continue;
    for (const rule of URGENCY_RULES) {
      if (PATTERNS[rule].some((pattern) => pattern.test(sentence))) rules.add(rule);
    }
  }
  return { urgent: rules.size > 0, rules: [...rules] };
}

function mentionsPastYear(sentence: string, receiptYear: number): boolean {
  for (const match of sentence.matchAll(PAST_YEAR)) {
    if (Number(match[1]) < receiptYear) return true;
  }
  return false;
}
