import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findPhone, normalizePhone } from '../../../src/domain/triage/phone.ts';

test('Dutch numbers in their usual spellings become ten digits', () => {
  for (const raw of ['06-12345678', '06 1234 5678', '+31 6 1234 5678', '+31 (0)6 12345678', '0031612345678', '(06) 12 34 56 78']) {
    assert.equal(normalizePhone(raw), '0612345678', raw);
  }
  assert.equal(normalizePhone('071 - 512 44 90'), '0715124490');
});

test('service numbers and dates are no phone numbers', () => {
  assert.equal(normalizePhone('0800-2000'), null);
  assert.equal(normalizePhone('088-5551000'), null);
  assert.equal(normalizePhone('14-10-2026'), null);
  assert.equal(findPhone('Ik heb Jeugdstem gebeld op 088-5551000 en Veilig Thuis op 0800-2000.'), null);
});

test('a labelled number wins over another number', () => {
  assert.equal(findPhone('Mijn werk: 071-5123456. Mobiel: 06-41237788'), '0641237788');
  assert.equal(findPhone('Bel me terug 0687654321'), '0687654321');
});
