/**
 * `npm run train:urgency`: trains the urgency safety net (src/domain/triage/urgency-model.ts) on
 * the labelled dev set (never the holdout) and writes src/domain/triage/urgency-model.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { urgencyExamples } from '../test/eval/urgency-examples.ts';
import { trainUrgencyModel } from '../src/domain/triage/urgency-model.ts';

const model = trainUrgencyModel(await urgencyExamples());
const out = join(import.meta.dirname, '..', 'src', 'domain', 'triage', 'urgency-model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`urgency model: ${model.trainedOn.messages} messages (${model.trainedOn.positive} urgent), ${Object.keys(model.weights).length} tokens -> ${out}`);
