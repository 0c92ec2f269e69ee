import { WordModelSchema, wordModelScore, type WordModel } from './word-model.ts';
import trainedModel from './spam-model.json' with { type: 'json' };

/**
 * A learned net for spam the server's filter let through, under the scheme rules of
 * unsolicited-mail.ts. Each new batch of such spam brought schemes the rules had never seen
 * (batch-39: the rules written on batch-35 caught 8 of 28); words generalise better than schemes.
 * Trained on the dev set only (`npm run train:spam`): spam against what people wrote. Because a
 * person taken for spam gets no reply, it needs, besides a high score, what spam asks of us (a
 * link, a QR code, "klik hier"), and it never overrules danger or a reference to a complaint.
 * Left out batch by batch on the dev set no person was taken for spam at SPAM_THRESHOLD
 * (`npm run eval:spam-model`).
 */
export const SpamModelSchema = WordModelSchema;
export type SpamModel = WordModel;

const TRAINED: SpamModel = SpamModelSchema.parse(trainedModel);

/** Log odds above which, with a link, a message is spam. */
export const SPAM_THRESHOLD = 50;

/** What spam asks of us that a person's message seldom carries. */
const ASKS_TO_CLICK = /https?:\/\/|\bwww\.|\bklik\s+hier\b|\bclick\s+here\b|\bqr[- ]?code\b|\bscan\s+(?:de|the)\s+(?:qr|code)\b/i;

/**
 * The rule id when the net calls a message spam (`text` as spamText gives it, `rawText` the whole
 * message's text); the caller rules out danger and a reference to a complaint.
 */
export function learnedSpamRules(text: string, rawText: string, model: SpamModel = TRAINED, threshold = SPAM_THRESHOLD): string[] {
  if (!ASKS_TO_CLICK.test(rawText)) return [];
  return wordModelScore(text, model) > threshold ? ['spam:learned_words'] : [];
}
