import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../src/errors.ts';
import { checkLetterByEmail, checkLetterByPost, letterLanguage, letterMedium, letterProblem, letterRecipient } from '../../../src/domain/letter-delivery.ts';
import { sampleEvent } from '../../fixtures/events.ts';
import { makeMessage, makeRecord, makeTriage } from '../../fixtures/records.ts';

const withEmail = makeRecord();
/** Registered by phone: no message, no e-mail address, a complete postal address. */
const byPost = makeRecord({ message: null, contact: { ...withEmail.contact, email: null } });
const anonymised = [sampleEvent('anonymised')];

describe('who a letter goes to', () => {
  test('the sender, or the person inside a forward; never a Reply-To', () => {
    assert.equal(letterRecipient(withEmail), 'm.devries@example.nl');
    const forwarded = makeRecord({
      message: makeMessage({ from: { name: 'Buurthuis', address: 'info@buurthuis.example.nl' } }),
      triage: makeTriage({ complainant: { name: null, email: 'p.bakker@example.nl', phone: null, address: null } }),
    });
    assert.equal(letterRecipient(forwarded), 'p.bakker@example.nl');
    // A stranger's Reply-To that triage read as the complainant's address does not redirect letters.
    const replyTo = makeRecord({
      message: makeMessage({ replyTo: { name: '', address: 'other@example.nl' } }),
      triage: makeTriage({ complainant: { name: null, email: 'Other@example.nl', phone: null, address: null } }),
    });
    assert.equal(letterRecipient(replyTo), 'm.devries@example.nl');
  });

  test('a registered complaint: the address given, or none (then by post)', () => {
    assert.equal(letterRecipient(makeRecord({ message: null })), 'm.devries@example.nl');
    assert.equal(letterRecipient(byPost), null);
    assert.deepEqual([letterMedium(withEmail), letterMedium(byPost)], ['email', 'post']);
  });

  test('in the language triage found, Dutch without one', () => {
    assert.equal(letterLanguage(makeRecord({ triage: makeTriage({ language: 'en' }) })), 'en');
    assert.equal(letterLanguage(makeRecord({ triage: null })), 'nl');
  });
});

describe('whether a letter can go', () => {
  test('by e-mail to the complainant\'s own address; by post only without one and with a complete address', () => {
    assert.equal(letterProblem(withEmail, [], 'email'), null);
    assert.equal(letterProblem(withEmail, [], 'post'), 'has_email');
    assert.equal(letterProblem(byPost, [], 'post'), null);
    assert.equal(letterProblem(byPost, [], 'email'), 'no_recipient');
    const incomplete = makeRecord({ message: null, contact: { ...byPost.contact, address: { ...byPost.contact.address!, postcode: null, city: null } } });
    assert.equal(letterProblem(incomplete, [], 'post'), 'no_postal_address');
  });

  test('never once anonymised, nor to automatic mail or spam, whatever the medium', () => {
    for (const medium of ['email', 'post'] as const) {
      assert.equal(letterProblem(withEmail, anonymised, medium), 'anonymised');
      assert.equal(letterProblem(makeRecord({ triage: makeTriage({ kind: 'spam' }) }), [], medium), 'automatic_mail');
    }
  });

  test('the checks refuse with a code and a message that says what to do', () => {
    assert.equal(checkLetterByEmail(withEmail, []), 'm.devries@example.nl');
    assert.equal(checkLetterByPost(byPost, []), undefined);
    const refused = (run: () => unknown, code: string, message: RegExp) =>
      assert.throws(run, (error: unknown) => error instanceof AppError && error.permanent && error.code === code && message.test(error.message));
    refused(() => checkLetterByEmail(byPost, []), 'no_recipient', /print the letter in the console and post it/);
    refused(() => checkLetterByPost(withEmail, []), 'has_email', /letters go by e-mail/);
    refused(() => checkLetterByEmail(withEmail, anonymised), 'action_not_allowed', /anonymised/);
    refused(() => checkLetterByPost(makeRecord({ message: null, contact: { ...byPost.contact, address: null } }), []), 'no_postal_address', /add the address/);
  });
});
