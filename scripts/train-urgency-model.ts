/**
 * `npm run train:urgency`: trains the urgency safety net (src/domain/triage/urgency-model.ts) on
 * the labelled dev set (never the holdout) and writes src/domain/triage/urgency-model.json.
 * Machine mail and spam are left out: they never get an urgent reply.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadSet, EVAL_CONTEXT } from '../test/eval/labelled-sets.ts';
import { parseRawMessage } from '../src/adapters/message-parser.ts';
import { messageBody } from '../src/domain/triage/triage-message.ts';
import { trainUrgencyModel } from '../src/domain/triage/urgency-model.ts';
import { isAutomaticKind } from '../src/domain/triage/triage-result.ts';

const examples: { text: string; urgent: boolean }[] = [];
for (const message of loadSet('dev')) {
  if (isAutomaticKind(message.label.kind)) continue;
  const parsed = await parseRawMessage(readFileSync(message.path));
  examples.push({ text: `${parsed.subject}\n${messageBody(parsed, EVAL_CONTEXT).allText}`, urgent: message.label.urgent });
}
const model = trainUrgencyModel(examples);
const out = join(import.meta.dirname, '..', 'src', 'domain', 'triage', 'urgency-model.json');
writeFileSync(out, `${JSON.stringify(model)}\n`);
console.log(`urgency model: ${model.trainedOn.messages} messages (${model.trainedOn.urgent} urgent), ${Object.keys(model.weights).length} tokens -> ${out}`);
