/**
 * Acute danger, recall first. Missing a person in danger can cost a life; a needless
 * `urgent_redirect` costs one paragraph, since it also says what an acknowledgement says. So any
 * danger cue makes a message urgent, in any tense ("gisteren", "vannacht", "tonight"), unless the
 * same sentence places it clearly in the past ("in 2023", "vorig jaar", "jaren geleden") without
 * also saying it is happening again, denies it, or reports it as what Veilig Thuis alleged.
 * Judged per sentence, over the subject and what the sender wrote (quotes of our own replies,
 * which mention 112, are cut before this runs).
 */
import { splitSentences } from './text.ts';
import { PARAGRAPH_PATTERNS, ONLY_WHEN_NOW, PATTERNS, URGENCY_RULES } from './urgency-cues.ts';
import type { UrgencyRule } from './urgency-cues.ts';
import { CONTINUES_TIME, DENIED_OR_ALLEGED, FIGURATIVE, IN_MONTH, IN_SEASON, NARRATED_PAST, OWN_TIME, PAST, PAST_YEAR, RECENT, SAFE_NOW, STUDY_SUBJECT } from './urgency-context.ts';
import { SEASON_MONTHS, monthNumber } from './dates.ts';
import { SIGN_PAIRS_ENOUGH, SIGNS_ENOUGH_ALONE, WEAK_SIGNS, WEAK_SIGNS_NEEDED } from './urgency-signs.ts';
import { MODEL_THRESHOLD, UrgencyModelSchema, modelScore, modelText } from './urgency-model.ts';
import trainedModel from './urgency-model.json' with { type: 'json' };

const MODEL = UrgencyModelSchema.parse(trainedModel);

export { URGENCY_RULES } from './urgency-cues.ts';
export type { UrgencyRule } from './urgency-cues.ts';

export interface Urgency {
  urgent: boolean;
  rules: UrgencyRule[];
}

type When = 'past' | 'recent' | null;

/**
 * Each cue is first tried once on the whole text (its sentences on lines of their own, so `^`
 * and `$` still mean a sentence's start and end); only the cues found there are tried sentence
 * by sentence. The same result (checked on all labelled sets) with about a tenth less work;
 * the rest of urgency's cost is reading each sentence's time and dismissals.
 */
const ONCE_OVER = new Map<UrgencyRule, readonly RegExp[]>(
  URGENCY_RULES.map((rule) => [rule, PATTERNS[rule].map((pattern) => new RegExp(pattern.source, pattern.flags.includes('m') ? pattern.flags : `${pattern.flags}m`))]),
);

/** `receiptMonth` (1-12), when given, lets a month named two to six months before receipt place a sentence in the past. */
export function detectUrgency(text: string, receiptYear: number, subject = '', receiptMonth?: number): Urgency {
  const rules = new Set<UrgencyRule>();
  // Once the writer says it is over, or writes as a researcher or student, only cues said to be
  // happening now or again still count.
  const safeNow = SAFE_NOW.test(text) || STUDY_SUBJECT.test(subject);
  let previous: When = null;
  let previousDismissed = false;
  const signs = new Set<RegExp>();
  let previousSentence = '';
  const subjectLines = splitSentences(subject).length;
  const all = splitSentences(`${subject}\n${text}`);
  const literals = all.map((sentence) => FIGURATIVE.reduce((out, pattern) => out.replace(pattern, ' '), sentence));
  const joined = literals.join('\n');
  const candidates = URGENCY_RULES.filter((rule) => (ONCE_OVER.get(rule) ?? []).some((pattern) => pattern.test(joined)));
  for (const [index, sentence] of all.entries()) {
    const own = timeOf(sentence, receiptYear, receiptMonth);
    const continues: boolean = CONTINUES_TIME.test(sentence) || (previous === 'past' && NARRATED_PAST.test(sentence) && !OWN_TIME.test(sentence));
    const when: When = own ?? (continues ? previous : null);
    previous = when;
    const literal = literals[index] as string;
    const hits = candidates.filter((rule) => PATTERNS[rule].some((pattern) => pattern.test(literal)))
      .filter((rule) => !ONLY_WHEN_NOW.has(rule) || when === 'recent');
    const dismissed: boolean = when === 'past' || (safeNow && when !== 'recent') || DENIED_OR_ALLEGED.some((pattern) => pattern.test(sentence)) || (previousDismissed && (echoes(sentence, previousSentence) || (/^\s*["“‘]/.test(sentence) && !RECENT.test(sentence))));
    previousDismissed = dismissed;
    previousSentence = sentence;
    // A subject summarises ("Klacht over huisbezoek met politie"): its soft signs are not counted;
    // neither are figures of speech ("tonight I could kill that caseworker").
    if (!dismissed && index >= subjectLines) for (const pattern of WEAK_SIGNS) if (pattern.test(literal)) signs.add(pattern);
    if (hits.length === 0 || dismissed) continue;
    for (const rule of hits) rules.add(rule);
  }
  const weight = [...signs].reduce((sum, sign) => sum + (SIGNS_ENOUGH_ALONE.has(sign) ? WEAK_SIGNS_NEEDED : 1), 0);
  const pair = SIGN_PAIRS_ENOUGH.some(([a, b]) => signs.has(a) && signs.has(b));
  if ((weight >= WEAK_SIGNS_NEEDED || pair) && !(safeNow && rules.size === 0 && !RECENT.test(text))) rules.add('accumulated_signs');
  for (const paragraph of `${subject}\n\n${text}`.split(/\n\s*\n/)) {
    const now = RECENT.test(paragraph);
    if (!now || DENIED_OR_ALLEGED.some((pattern) => pattern.test(paragraph))) continue;
    for (const [rule, pattern] of Object.entries(PARAGRAPH_PATTERNS) as [UrgencyRule, RegExp][]) {
      if (pattern.test(paragraph)) rules.add(rule);
    }
  }
  // The learned safety net reads what the rules read, subject included (urgency-model.ts).
  if (modelScore(modelText(subject, text), MODEL) > MODEL_THRESHOLD) rules.add('learned_words');
  return { urgent: rules.size > 0, rules: URGENCY_RULES.filter((rule) => rules.has(rule)) };
}


/** "Opgesloten!": a word or two that repeat a word of the sentence before. */
function echoes(sentence: string, previous: string): boolean {
  const words = sentence.toLowerCase().match(/\p{L}{5,}/gu) ?? [];
  return sentence.trim().split(/\s+/).length <= 3 && words.some((word) => previous.toLowerCase().includes(word));
}

/** A sentence's own time: recent when it says now or again (which outweighs a past date), past when clearly past. */
function timeOf(sentence: string, receiptYear: number, receiptMonth: number | undefined): When {
  if (RECENT.test(sentence)) return 'recent';
  if (PAST.some((pattern) => pattern.test(sentence)) || mentionsPastYear(sentence, receiptYear) || mentionsPastMonth(sentence, receiptYear, receiptMonth)) return 'past';
  return null;
}

function mentionsPastMonth(sentence: string, receiptYear: number, receiptMonth: number | undefined): boolean {
  if (receiptMonth === undefined) return false;
  for (const match of sentence.matchAll(IN_MONTH)) {
    const month = monthNumber(match[1] ?? '');
    const year = match[2] === undefined ? receiptYear : Number(match[2]);
    // Two to six months back only: "op 3 januari" written in November may be the coming January
    // ("hij komt op 3 januari vrij en dan …"), a threat still ahead.
    if (month !== null && year === receiptYear && month <= receiptMonth - 2 && month >= receiptMonth - 6) return true;
  }
  for (const match of sentence.matchAll(IN_SEASON)) {
    const last = SEASON_MONTHS[(match[1] ?? '').toLowerCase()]?.[1];
    if (last !== undefined && last <= receiptMonth - 2 && last >= receiptMonth - 6) return true;
  }
  return false;
}

function mentionsPastYear(sentence: string, receiptYear: number): boolean {
  for (const match of sentence.matchAll(PAST_YEAR)) {
    if (Number(match[1]) < receiptYear) return true;
  }
  return false;
}
