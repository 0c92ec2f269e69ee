import { z } from 'zod';

/**
 * Bernoulli naive Bayes over the words and word pairs of a text: per token, the log odds of
 * appearing in a positive example rather than a negative one, summed with the prior. Used by the
 * learned safety net for danger (urgency-model.ts) and by the learned spam net (spam-model.ts);
 * each is trained on the labelled dev set only, never on the holdout.
 */
export const WordModelSchema = z.object({
  version: z.literal(1),
  trainedOn: z.object({ messages: z.number().int().positive(), positive: z.number().int().positive() }),
  prior: z.number(),
  weights: z.record(z.string(), z.number()),
});
export type WordModel = z.infer<typeof WordModelSchema>;

/** Lower-case words and adjacent word pairs, each once. */
export function modelTokens(text: string): string[] {
  const words = text.toLowerCase().match(/\p{L}[\p{L}'’-]*/gu) ?? [];
  const out = new Set<string>();
  for (let index = 0; index < words.length; index += 1) {
    out.add(words[index] as string);
    if (index + 1 < words.length) out.add(`${words[index] as string} ${words[index + 1] as string}`);
  }
  return [...out];
}

/** The weights as a Map, built once per model: a lookup in a 20,000-key object was a tenth of triage. */
const weightMaps = new WeakMap<WordModel, ReadonlyMap<string, number>>();

export function wordModelScore(text: string, model: WordModel): number {
  let weights = weightMaps.get(model);
  if (weights === undefined) {
    weights = new Map(Object.entries(model.weights));
    weightMaps.set(model, weights);
  }
  let score = model.prior;
  for (const token of modelTokens(text)) score += weights.get(token) ?? 0;
  return score;
}

/** Training: per token, the log odds of appearing in a positive example; tokens seen once are noise. */
export function trainWordModel(examples: readonly { text: string; positive: boolean }[]): WordModel {
  const counts = { positive: new Map<string, number>(), other: new Map<string, number>() };
  let positive = 0;
  for (const example of examples) {
    if (example.positive) positive += 1;
    const into = example.positive ? counts.positive : counts.other;
    for (const token of modelTokens(example.text)) into.set(token, (into.get(token) ?? 0) + 1);
  }
  const other = examples.length - positive;
  const weights: Record<string, number> = {};
  for (const token of new Set([...counts.positive.keys(), ...counts.other.keys()])) {
    const inPositive = counts.positive.get(token) ?? 0;
    const inOther = counts.other.get(token) ?? 0;
    if (inPositive + inOther < 2) continue;
    const weight = Math.log(((inPositive + 0.5) / (positive + 1)) / ((inOther + 0.5) / (other + 1)));
    weights[token] = Math.round(weight * 1000) / 1000;
  }
  return { version: 1, trainedOn: { messages: examples.length, positive }, prior: Math.log((positive + 1) / (other + 1)), weights };
}
