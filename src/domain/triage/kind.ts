import type { ContentKind } from './triage-result.ts';

/**
 * What a person wrote: a complaint about the service, a compliment, an idea, a question, or a
 * report of an unsafe situation. Complaint signals win: a message that complains is registered
 * as a complaint even when it also thanks someone or asks a question. With no signal at all the
 * message is a complaint too, since this is the complaints mailbox and a missed complaint costs
 * more than an officer reclassifying one.
 */
export const KIND_RULES = {
  complaint: [
    /\bklacht\w*\b(?!en?funct)/i,
    /\bklaag\b|\bklagen\b|\bbeklag\b/i,
    /\b(?:ontevreden|niet tevreden|teleurgesteld|boos|woedend|verontwaardigd|onacceptabel|onaanvaardbaar|schandalig|respectloos|onprofessioneel|onbeschoft|ongepast)\b/i,
    /\b(?:onterecht|ten onrechte|onjuist|onjuistheden|klopt niet|klopt helemaal niet|niet klopt|niet kloppen|fouten in|niet waar|onzin|belachelijk|kwalijk|oneerlijk|niet eerlijk|gelogen|liegt|niet correct|niet juist)\b/i,
    /\b(?:niet (?:serieus genomen|gehoord|teruggebeld|gereageerd|geïnformeerd|op de hoogte gesteld)|nooit (?:teruggebeld|gereageerd|iets gehoord)|geen reactie (?:gekregen|ontvangen|gehad))\b/i,
    /\b(?:niet eens met|het oneens met|bezwaar tegen)\b/i,
    /\b(?:complaint|complain\w*|dissatisfied|unhappy with|not happy with|disappointed|unacceptable|unprofessional|rude|disrespectful|wrongly|incorrect|never called back|no response)\b/i,
  ],
  compliment: [
    /\bcompliment\w*\b/i,
    /\b(?:wil|willen|wou|wilde)\b[^.!?\n]{0,40}\b(?:bedanken|danken)\b/i,
    /\b(?:heel|erg|ontzettend|super|enorm|zeer)\s+(?:blij|tevreden|dankbaar)\s+(?:met|over|voor)\b/i,
    /\b(?:fijn|goed|geweldig|super|top)\s+geholpen\b/i,
    /\b(?:thank you so much|want(?:ed)? to thank|grateful|compliments?|very pleased with|great help)\b/i,
  ],
  idea: [
    /\b(?:idee|ideeën|suggestie\w*|tip|tips|verbeterpunt\w*|voorstel)\b/i,
    /\b(?:zou het (?:fijn|handig|goed|mooi) zijn als|misschien kunnen jullie|wat als jullie|het zou helpen als)\b/i,
    /\b(?:suggestion\w*|idea|ideas|it would (?:help|be (?:nice|great|helpful)) if|you could consider)\b/i,
  ],
  question: [
    /\b(?:ik heb een vraag|mijn vraag is|vraag over|vraagje|kunt u mij (?:vertellen|laten weten|uitleggen)|kun je mij (?:vertellen|laten weten)|hoe kan ik|hoe moet ik|waar kan ik|is het mogelijk|mag ik)\b/i,
    /\b(?:I have a question|could you (?:tell|let) me|how (?:can|do) I|where can I|is it possible)\b/i,
  ],
  report: [
    /\b(?:ik|wij|we)\s+(?:wil|willen|zou|wou)\s+(?:graag\s+)?(?:een\s+)?melding\s+(?:doen|maken)\b/i,
    /\b(?:wil|willen)\b[^.!?\n]{0,20}\bmelden\s+dat\b/i,
    /\b(?:ik|wij|we)\s+(?:maak|maken)\s+(?:me|mij|ons)\s+(?:\w+\s+)?zorgen\s+(?:om|over)\b/i,
    /\bik\s+(?:hoor|zie)\s+(?:\w+\s+){0,4}(?:schreeuwen|gillen|huilen|slaan|vechten)\b/i,
    /\b(?:wordt|worden)\s+(?:\w+\s+)?(?:geslagen|mishandeld|misbruikt|verwaarloosd)\b/i,
    /\b(?:slaat|schopt|mishandelt|bedreigt)\s+(?:zijn|haar|de|mijn|me|mij)\b/i,
    /\b(?:I|we)\s+(?:want|would like)\s+to\s+report\b|\b(?:I'm|I am|we are)\s+(?:very\s+)?worried about\b/i,
    /\b(?:is|are)\s+(?:being\s+)?(?:beaten|abused|neglected|hit)\b/i,
  ],
} as const satisfies Record<ContentKind, readonly RegExp[]>;

/** Phrases that use a kind's words without meaning it ("geen klacht", "alvast bedankt"). */
const NEUTRALISE: readonly RegExp[] = [
  /\b(?:geen|not a|no)\s+(?:klacht|complaint)\b/gi,
  /\b(?:alvast|bij voorbaat)\s+(?:bedankt|dank)\b/gi,
  /\bklachten(?:formulier|regeling|procedure|functionaris|commissie)\b/gi,
];

export interface KindDecision {
  kind: ContentKind;
  rule: string;
}

/**
 * `urgent` turns a message without complaint words into a report: someone in danger who writes
 * to this mailbox reports a situation, whatever words they use.
 */
export function classifyContent(text: string, subject: string, urgent: boolean): KindDecision {
  const neutral = NEUTRALISE.reduce((out, pattern) => out.replace(pattern, ' '), `${subject}\n${text}`);
  // "Hoe kan ik een klacht indienen?" asks about complaints; only statements complain.
  const statements = joinWrappedLines(neutral)
    .split(/(?<=[.!?])\s+|\n+/)
    .filter((sentence) => !/\?\s*$/.test(sentence))
    .join('\n');
  const hits = (kind: ContentKind, within: string) => KIND_RULES[kind].filter((pattern) => pattern.test(within)).length;
  const complaint = hits('complaint', statements);
  const report = hits('report', neutral);
  if (complaint > 0 && complaint >= report) return { kind: 'complaint', rule: 'complaint_words' };
  if (report > 0) return { kind: 'report', rule: 'unsafe_situation' };
  if (urgent) return { kind: 'report', rule: 'urgent_without_complaint' };
  if (hits('compliment', neutral) > 0) return { kind: 'compliment', rule: 'praise_words' };
  if (hits('idea', neutral) > 0) return { kind: 'idea', rule: 'suggestion_words' };
  if (hits('question', neutral) > 0 || /\?\s*$/m.test(text)) return { kind: 'question', rule: 'question_words' };
  return { kind: 'complaint', rule: 'default_complaint' };
}

/** Lines wrapped inside a paragraph become one line; empty lines still separate paragraphs. */
export function joinWrappedLines(text: string): string {
  return text.replace(/([^\n])\n(?=[^\n])/g, '$1 ');
}
