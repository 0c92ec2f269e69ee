import { test } from 'node:test';
import assert from 'node:assert/strict';
import { modelScore, modelTokens, trainUrgencyModel, UrgencyModelSchema } from '../../../src/domain/triage/urgency-model.ts';
import trainedModel from '../../../src/domain/triage/urgency-model.json' with { type: 'json' };
import { loadSet } from '../../eval/labelled-sets.ts';
import { isAutomaticKind } from '../../../src/domain/triage/triage-result.ts';

test('tokens are lower-case words and adjacent pairs, each once', () => {
  assert.deepEqual(modelTokens('Hij komt VANAVOND, hij komt.'), ['hij', 'hij komt', 'komt', 'komt vanavond', 'vanavond', 'vanavond hij']);
});

test('training weighs a word by how much more often it came in urgent messages; words seen once are left out', () => {
  const model = trainUrgencyModel([
    { text: 'hij komt vanavond terug', urgent: true },
    { text: 'hij komt vanavond met een mes', urgent: true },
    { text: 'de brief kwam te laat', urgent: false },
    { text: 'de medewerker kwam te laat', urgent: false },
  ]);
  assert.ok((model.weights['vanavond'] ?? 0) > 0);
  assert.ok((model.weights['laat'] ?? 0) < 0);
  assert.equal(model.weights['mes'], undefined, 'seen once');
  assert.ok(modelScore('hij komt vanavond', model) > modelScore('de brief kwam te laat', model));
});

test('the committed model is valid and was trained on the whole current dev set, never the holdout', () => {
  const model = UrgencyModelSchema.parse(trainedModel);
  const people = loadSet('dev').filter((message) => !isAutomaticKind(message.label.kind));
  assert.equal(model.trainedOn.messages, people.length, 'the dev set changed: run npm run train:urgency');
  assert.equal(model.trainedOn.positive, people.filter((message) => message.label.urgent).length);
});
