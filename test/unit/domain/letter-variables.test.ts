import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { AppError } from '../../../src/errors.ts';
import type { LetterInput } from '../../../src/domain/letter-input.ts';
import { makeEvent } from '../../../src/domain/record-events.ts';
import { letterParagraphs, letterVariables, writtenLetter, writtenLetterVariables } from '../../../src/domain/letter-variables.ts';
import { TEMPLATE_VARIABLE_SCHEMAS } from '../../../src/domain/template-variables.ts';
import { sampleEvent } from '../../fixtures/events.ts';
import { makeRecord } from '../../fixtures/records.ts';

const config = loadConfig({ REDIS_EMBEDDED: 'never', VERTROUWENSPERSOON_PHONE: '088-5551000', VERTROUWENSPERSOON_EMAIL: 'info@jeugdstem.nl' });
const record = makeRecord();
const OUTCOME: LetterInput = { letter: 'outcome', outcome: 'partly_founded', reasons: 'Het gesprek had beter gekund.' };
const INVITATION: LetterInput = { letter: 'hearing_invitation', date: '2026-12-08', time: '14:30', how: 'phone', place: '06-12345678', attendees: 'de klachtenfunctionaris' };
const BLANK: LetterInput = { letter: 'blank_letter', body: 'Eerste alinea,\nnog een regel.\n\nTweede alinea.' };

describe('letterVariables', () => {
  test('each letter fits its template\'s schema, by e-mail and by post', () => {
    for (const input of [OUTCOME, INVITATION, BLANK]) {
      for (const medium of ['email', 'post'] as const) {
        const variables = letterVariables(config, record, [], input, 'nl', medium);
        assert.ok(TEMPLATE_VARIABLE_SCHEMAS[input.letter].safeParse(variables).success, `${input.letter} ${medium}`);
        assert.equal((variables as { byPost: boolean }).byPost, medium === 'post');
      }
    }
  });

  test('the outcome: the committee counts as done once the record went that route; the ombudsman route from the letter, else the configuration', () => {
    const plain = letterVariables(config, record, [], OUTCOME, 'nl') as { committeeDone: boolean; ombudsman: { applies: boolean }; receivedDate: string };
    assert.deepEqual([plain.committeeDone, plain.ombudsman.applies, plain.receivedDate], [false, config.OMBUDSMAN_ROUTE, '23 november 2026']);
    const committee = letterVariables(config, record, [sampleEvent('committee_route')], { ...OUTCOME, ombudsman: false }, 'nl') as typeof plain;
    assert.deepEqual([committee.committeeDone, committee.ombudsman.applies], [true, false]);
  });

  test('the invitation says when in the complainant\'s language; the blank letter keeps the officer\'s paragraphs', () => {
    const invitation = letterVariables(config, record, [], INVITATION, 'en') as { when: string };
    assert.match(invitation.when, /8 December 2026/);
    assert.match(invitation.when, /14:30/);
    assert.deepEqual((letterVariables(config, record, [], BLANK, 'nl') as { paragraphs: string[] }).paragraphs, ['Eerste alinea,\nnog een regel.', 'Tweede alinea.']);
    assert.deepEqual(letterParagraphs('Eén.\r\n\r\n \r\nTwee.\n\n'), ['Eén.', 'Twee.']);
  });
});

describe('the letter an event holds', () => {
  const written = sampleEvent('letter_written', { letter: 'outcome', key: 'k1', variables: OUTCOME });

  test('found by key (and letter type), null when absent or emptied by retention', () => {
    assert.deepEqual(writtenLetter([written], 'k1'), OUTCOME);
    assert.deepEqual(writtenLetter([written], 'k1', 'outcome'), OUTCOME);
    assert.equal(writtenLetter([written], 'k1', 'blank_letter'), null);
    assert.equal(writtenLetter([written], 'k2'), null);
    assert.equal(writtenLetter([makeEvent('letter_written', 'retention', { letter: 'outcome', key: 'k1' })], 'k1'), null, 'retention keeps the letter type and key only');
  });

  test('its variables for the reply worker; a letter not recorded is refused, saying how to write it again', () => {
    assert.deepEqual(writtenLetterVariables(config, record, [written], 'outcome', 'k1', 'nl'), letterVariables(config, record, [written], OUTCOME, 'nl'));
    assert.throws(
      () => writtenLetterVariables(config, record, [], 'outcome', 'k1', 'nl'),
      (error: unknown) => error instanceof AppError && error.code === 'letter_not_recorded' && error.permanent && /complaints write/.test(error.message),
    );
  });
});
