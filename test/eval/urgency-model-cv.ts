/**
 * `npm run eval:urgency-model`: how the learned urgency safety net (src/domain/triage/urgency-model.ts)
 * does on mail it was not trained on, without touching the holdout: each dev group in turn is
 * left out, the model trained on the rest and scored on it (leave one group out). Prints, per
 * threshold, recall and precision of the model alone and of the rules and the model together
 * (the rules were written on these messages, so the second is their best case). MODEL_THRESHOLD is
 * the lowest at which the model alone is right at least 80% of the time.
 */
import { MODEL_THRESHOLD, modelScore, trainUrgencyModel } from '../../src/domain/triage/urgency-model.ts';
import { urgencyExamples } from './urgency-examples.ts';

const examples = await urgencyExamples();
const groups = [...new Set(examples.map((example) => example.group))];
const scored = groups.flatMap((group) => {
  const model = trainUrgencyModel(examples.filter((example) => example.group !== group));
  return examples.filter((example) => example.group === group).map((example) => ({ urgent: example.urgent, byRules: example.byRules, score: modelScore(example.text, model) }));
});
const urgent = scored.filter((s) => s.urgent).length;
const line = (found: readonly { urgent: boolean }[]) => {
  const right = found.filter((s) => s.urgent).length;
  return `recall ${(100 * right / urgent).toFixed(1)}% (${right}/${urgent}), precision ${(100 * right / Math.max(1, found.length)).toFixed(1)}% (${right}/${found.length})`;
};
console.log(`leave one group out over ${groups.length} dev groups, ${scored.length} messages written by people (${urgent} urgent)`);
console.log(`  rules alone: ${line(scored.filter((s) => s.byRules))}`);
for (const threshold of [5, 8, 10, 15, 20, 25, 30, 40, 50]) {
  const mark = threshold === MODEL_THRESHOLD ? '  <- MODEL_THRESHOLD' : '';
  console.log(`  threshold ${String(threshold).padStart(2)}: model alone ${line(scored.filter((s) => s.score > threshold))}; with the rules ${line(scored.filter((s) => s.byRules || s.score > threshold))}${mark}`);
}
