import { test } from 'node:test';
import assert from 'node:assert/strict';
import { phishingRules } from '../../../src/domain/triage/phishing.ts';
import type { ParsedMessage } from '../../../src/domain/parsed-message.ts';

const message = (from: string, subject: string, text: string) => ({ from: { address: from, name: null }, subject, text }) as unknown as ParsedMessage;

test('a sender that borrows our name without being ours is phishing', () => {
  assert.deepEqual(phishingRules(message('servicedesk@wijzijnhecht-support.example.com', 'Mailbox', 'Hallo'), 'wijzijnhecht.nl'), ['spam:lookalike_sender']);
  assert.deepEqual(phishingRules(message('it@mail.wijzijnhecht.nl', 'Mailbox', 'Hallo'), 'wijzijnhecht.nl'), []);
  assert.deepEqual(phishingRules(message('anna@example.nl', 'Klacht', 'Hallo'), 'wijzijnhecht.nl'), []);
});

test('the account scam needs two of its parts; a person whose own mailbox was full is no scam', () => {
  const scam = 'Uw mailbox heeft 98% van de opslaglimiet bereikt. Verifieer uw account, anders wordt het binnen 24 uur gedeactiveerd.';
  assert.deepEqual(phishingRules(message('it@example.com', 'Actie vereist', scam), 'wijzijnhecht.nl'), ['spam:account_phishing']);
  const person = 'Mijn mailbox was vol, daarom heb ik uw brief van oktober pas later gelezen. Ik wil een klacht indienen.';
  assert.deepEqual(phishingRules(message('anna@example.nl', 'Klacht', person), 'wijzijnhecht.nl'), []);
});

test('a link to a host that borrows our name, or a request for the login itself, gives phishing away', () => {
  const text = 'Verifieer uw mailbox via https://wijzijnhecht-mailverificatie.example.com/owa en log in met uw huidige gebruikersnaam en wachtwoord.';
  assert.deepEqual(phishingRules(message('servicedesk@ict-support.example.com', 'Actie vereist', text), 'wijzijnhecht.nl'), ['spam:lookalike_link', 'spam:account_phishing']);
  assert.deepEqual(phishingRules(message('anna@example.nl', 'Klacht', 'Zie https://www.wijzijnhecht.nl/klachten voor de regeling.'), 'wijzijnhecht.nl'), []);
});

test('the quota scam that holds mail back until the mailbox is "released" is phishing', () => {
  const scam = 'Your mailbox has exceeded its storage limit (49.8 GB of 50 GB). Incoming messages are being held and will be permanently deleted after 24 hours.';
  assert.deepEqual(phishingRules(message('no-reply@ms-security.example.com', 'Action required', scam), 'wijzijnhecht.nl'), ['spam:account_phishing']);
  const person = 'Mijn berichten werden vastgehouden door mijn werkgever, daarom reageer ik pas na 3 dagen op uw brief. Ik wil een klacht indienen.';
  assert.deepEqual(phishingRules(message('anna@example.nl', 'Klacht', person), 'wijzijnhecht.nl'), []);
});
