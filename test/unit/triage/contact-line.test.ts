import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readContactLine } from '../../../src/domain/triage/contact-line.ts';
import { findAddress } from '../../../src/domain/triage/addresses.ts';

test('a phone-written line: name, street, number, postcode and city without capitals or commas', () => {
  assert.deepEqual(readContactLine('sara el amrani zijlsingel 7 2315kx leiden'), {
    name: 'Sara el Amrani',
    address: { street: 'Zijlsingel', houseNumber: '7', postcode: '2315 KX', city: 'Leiden' },
  });
  assert.deepEqual(readContactLine('youssef el idrissi hoflaan 23 2331 gd leiden 0623344556')?.address, { street: 'Hoflaan', houseNumber: '23', postcode: '2331 GD', city: 'Leiden' });
});

test('in a sentence: no name, a known place in lower case', () => {
  assert.deepEqual(readContactLine('ik woon aan de hooigracht 41 in leiden, dan staat de fiets klaar'), {
    name: null,
    address: { street: 'Hooigracht', houseNumber: '41', postcode: null, city: 'Leiden' },
  });
  assert.equal(readContactLine('burgemeester van der werffstraat 9 alphen aan den rijn')?.address.street, 'Burgemeester van der Werffstraat');
  assert.equal(readContactLine('burgemeester van der werffstraat 9 alphen aan den rijn')?.address.city, 'Alphen aan den Rijn');
});

test('capitalised text is left to the address rules; no street, no line', () => {
  assert.equal(readContactLine('Hoflaan 23, 2331 GD Leiden'), null);
  assert.equal(readContactLine('ik heb drie keer gebeld en niemand nam op'), null);
});

test('the city written before the street, and a known place after a street in lower case', () => {
  assert.deepEqual(findAddress('Ondergetekende, wonende te Alphen aan den Rijn (Julianastraat 88, 2405 CJ), dient een klacht in.'), {
    street: 'Julianastraat', houseNumber: '88', postcode: '2405 CJ', city: 'Alphen aan den Rijn',
  });
  assert.deepEqual(findAddress('Kanaalweg 30 leiden bovenste bel'), { street: 'Kanaalweg', houseNumber: '30', postcode: null, city: 'Leiden' });
});
