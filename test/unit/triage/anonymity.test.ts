import { test } from 'node:test';
import assert from 'node:assert/strict';
import { asksAnonymity } from '../../../src/domain/triage/anonymity.ts';

test('the sender asks to stay anonymous or withholds their name', () => {
  for (const text of [
    'Ik wil een klacht indienen maar ik wil anoniem blijven.',
    'Ik wil dit anoniem melden.',
    'Graag anoniem, ik ben bang voor de gevolgen.',
    'Mijn naam geef ik liever niet.',
    'I would like to remain anonymous.',
  ]) {
    assert.equal(asksAnonymity(text), true, text);
  }
});

test('a complaint about an anonymous report is not anonymous', () => {
  for (const text of [
    'Er is een anonieme melding over ons gezin gedaan.',
    'Ik wil weten wie mij anoniem heeft gemeld.',
    'De melder bleef anoniem, dat begrijp ik.',
    'The report about us was anonymous.',
  ]) {
    assert.equal(asksAnonymity(text), false, text);
  }
});

test('withholding name and address together is anonymity', () => {
  assert.equal(asksAnonymity('Mijn naam en adres geef ik liever niet, ik wil niet in het dossier komen.'), true);
});
