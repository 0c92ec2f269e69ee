import { test } from 'node:test';
import assert from 'node:assert/strict';
import { learnedSpamRules, SPAM_THRESHOLD, SpamModelSchema } from '../../../src/domain/triage/spam-model.ts';
import trainedModel from '../../../src/domain/triage/spam-model.json' with { type: 'json' };
import { trainWordModel } from '../../../src/domain/triage/word-model.ts';
import { loadSet } from '../../eval/labelled-sets.ts';
import { readBySpamNet } from '../../eval/spam-examples.ts';

const model = trainWordModel([
  { text: 'klik hier om uw pakket te ontvangen gratis actie', positive: true },
  { text: 'klik hier voor uw gratis prijs actie', positive: true },
  { text: 'ik wil een klacht indienen over uw medewerker', positive: false },
  { text: 'de medewerker heeft mij niet teruggebeld over mijn klacht', positive: false },
]);

test('the spam net needs a high score and a link: a person with a link, or spam words without one, is not spam', () => {
  const spammy = 'klik hier gratis actie pakket prijs';
  assert.deepEqual(learnedSpamRules(`${spammy} https://x.example.com`, `${spammy} https://x.example.com`, model, 0), ['spam:learned_words']);
  assert.deepEqual(learnedSpamRules(spammy, 'geen link in deze tekst', model, 0), [], 'no link');
  assert.deepEqual(learnedSpamRules('ik wil een klacht indienen https://nieuws.example.nl', 'https://nieuws.example.nl', model, 0), [], 'a person with a link');
  assert.ok(SPAM_THRESHOLD > 0);
});

test('the committed spam net was trained on the whole current dev set, never the holdout', () => {
  const committed = SpamModelSchema.parse(trainedModel);
  const examples = loadSet('dev').filter(readBySpamNet);
  assert.equal(committed.trainedOn.messages, examples.length, 'the dev set changed: run npm run train:spam');
  assert.equal(committed.trainedOn.positive, examples.filter((message) => message.label.kind === 'spam').length);
});
