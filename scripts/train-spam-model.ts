/**
 * `npm run train:spam`: trains the spam net (src/domain/triage/spam-model.ts) on the labelled dev
 * set (never the holdout) and writes src/domain/triage/spam-model.json.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { spamExamples } from '../test/eval/spam-examples.ts';
import { trainWordModel } from '../src/domain/triage/word-model.ts';

const model = trainWordModel((await spamExamples()).map(({ text, spam }) => ({ text, positive: spam })));
const out = join(import.meta.dirname, '..', 'src', 'domain', 'triage', 'spam-model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`spam model: ${model.trainedOn.messages} messages (${model.trainedOn.positive} spam), ${Object.keys(model.weights).length} tokens -> ${out}`);
