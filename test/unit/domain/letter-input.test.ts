import assert from 'node:assert/strict';
import { test } from 'node:test';
import { letterKey, LetterInputSchema, type LetterInput } from '../../../src/domain/letter-input.ts';

test('each letter is read with its own schema; the officer\'s text is trimmed and required', () => {
  assert.deepEqual(LetterInputSchema.parse({ letter: 'blank_letter', body: '  Beste mevrouw,\n\nTot ziens. ' }), { letter: 'blank_letter', body: 'Beste mevrouw,\n\nTot ziens.' });
  assert.deepEqual(LetterInputSchema.parse({ letter: 'outcome', outcome: 'founded', reasons: 'Wij geven u gelijk.' }), { letter: 'outcome', outcome: 'founded', reasons: 'Wij geven u gelijk.' });
  const problems = (input: unknown) => LetterInputSchema.safeParse(input).error?.issues.map((i) => i.message) ?? [];
  assert.deepEqual(problems({ letter: 'outcome', outcome: 'founded', reasons: '   ' }), ['the outcome and its reasons may not be empty']);
  assert.deepEqual(problems({ letter: 'hearing_invitation', date: '8-12-2026', time: '24:00', how: 'phone', place: '06-12345678', attendees: 'de klachtenfunctionaris' }), ['the date is YYYY-MM-DD', 'the time is HH:MM']);
  assert.equal(problems({ letter: 'blank_letter', body: 'x'.repeat(10_001) })[0], 'the letter is at most 10,000 characters');
  assert.ok(!LetterInputSchema.safeParse({ letter: 'acknowledgement' }).success, 'only officer letters');
});

test('the key: the same letter gives the same key, any change another', () => {
  const outcome: LetterInput = { letter: 'outcome', outcome: 'founded', reasons: 'Wij geven u gelijk.' };
  assert.match(letterKey(outcome), /^[0-9a-f]{12}$/);
  assert.equal(letterKey(outcome), letterKey({ ...outcome }));
  assert.notEqual(letterKey(outcome), letterKey({ ...outcome, reasons: 'Wij geven u deels gelijk.' }));
  assert.notEqual(letterKey(outcome), letterKey({ ...outcome, ombudsman: false }));
});
