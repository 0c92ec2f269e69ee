/**
 * `npm run eval:spam-model`: how the spam net (src/domain/triage/spam-model.ts) does on mail it was
 * not trained on, without the holdout: each dev group in turn is left out, the net trained on the
 * rest and scored on it. Prints, per threshold, the spam found and the people taken for spam (with
 * the link the net also needs); SPAM_THRESHOLD is where no person was.
 */
import { SPAM_THRESHOLD, learnedSpamRules } from '../../src/domain/triage/spam-model.ts';
import { trainWordModel } from '../../src/domain/triage/word-model.ts';
import { spamExamples } from './spam-examples.ts';

const examples = await spamExamples();
const groups = [...new Set(examples.map((example) => example.group))];
const spam = examples.filter((example) => example.spam).length;
const left = groups.map((group) => ({ group, model: trainWordModel(examples.filter((example) => example.group !== group).map(({ text, spam: positive }) => ({ text, positive }))) }));
console.log(`leave one group out over ${groups.length} dev groups: ${spam} spam, ${examples.length - spam} written by people`);
for (const offset of [-30, -20, -10, 0, 10, 20]) {
  const threshold = SPAM_THRESHOLD + offset;
  let found = 0;
  const people: string[] = [];
  for (const { group, model } of left) {
    for (const example of examples.filter((candidate) => candidate.group === group)) {
      const called = learnedSpamRules(example.text, example.raw, model, threshold).length > 0;
      if (called && example.spam) found += 1;
      if (called && !example.spam) people.push(example.id);
    }
  }
  const mark = offset === 0 ? '  <- SPAM_THRESHOLD' : '';
  console.log(`  threshold ${threshold}: spam found ${found}/${spam}, people taken for spam ${people.length}${people.length > 0 ? ` (${people.join(', ')})` : ''}${mark}`);
}
