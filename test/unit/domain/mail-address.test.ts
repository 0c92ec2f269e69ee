import { test } from 'node:test';
import assert from 'node:assert/strict';
import { automaticReplyAddress, hasForeignReplyTo, normaliseAddress, sameMailbox } from '../../../src/domain/mail-address.ts';

const person = (address: string) => ({ name: '', address });

test('our own address, however it is written, is one mailbox', () => {
  for (const written of ['Klachtenopvang@WijZijnHecht.nl', '"klachtenopvang"@wijzijnhecht.nl', 'klachtenopvang+test@wijzijnhecht.nl', 'klachtenopvang@wijzijnhecht.nl.']) {
    assert.equal(sameMailbox(written, 'klachtenopvang@wijzijnhecht.nl'), true, written);
  }
  assert.equal(sameMailbox('klachten@wijzijnhecht.nl', 'klachtenopvang@wijzijnhecht.nl'), false);
  assert.equal(normaliseAddress(' A.B+x@Example.NL. '), 'a.b@example.nl');
});

test('the From address is answered; a Reply-To only within its domain', () => {
  assert.equal(automaticReplyAddress(person('piet@example.nl'), person('stranger@elsewhere.example.com')), 'piet@example.nl');
  assert.equal(hasForeignReplyTo(person('piet@example.nl'), person('stranger@elsewhere.example.com')), true);
  assert.equal(automaticReplyAddress(person('piet@example.nl'), person('secretariaat@example.nl')), 'secretariaat@example.nl');
  assert.equal(automaticReplyAddress(person('piet@example.nl'), null), 'piet@example.nl');
  assert.equal(automaticReplyAddress(null, person('derde@example.org')), null, 'no From: nobody is answered, not the Reply-To');
  assert.equal(automaticReplyAddress(person('a@gmail.com'), person('b@gmail.com')), 'a@gmail.com', 'a public provider is no organisation');
});
