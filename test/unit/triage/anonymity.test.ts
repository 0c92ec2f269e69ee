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

test('anonymity said without the word, or in the subject; someone else asking for it is not the writer', () => {
  assert.equal(asksAnonymity('Ik wil niet dat mijn naam ergens in uw systeem komt.'), true);
  assert.equal(asksAnonymity("I'd rather not share my name with you."), true);
  assert.equal(asksAnonymity('De medewerker kwam te laat.', 'Klacht, maar anoniem'), true);
  assert.equal(asksAnonymity('De medewerker kwam te laat.', 'Klacht over de anonieme melding'), false);
  assert.equal(asksAnonymity('Mijn buurvrouw had gevraagd anoniem te blijven. Zij heeft dat ook zo gezegd.'), false);
  assert.equal(asksAnonymity('Zij vroeg anoniem te blijven, en ik wil ook graag anoniem blijven.'), true);
});

test('anonymity refused is no wish for anonymity', () => {
  for (const text of ['Tot slot: ik wil niet anoniem blijven.', 'Ik wil nadrukkelijk niet anoniem blijven.', 'ik wil níet anoniem blijven', 'Anoniem hoeft niet, u mag mijn naam noemen.', "I don't need to stay anonymous."]) {
    assert.equal(asksAnonymity(text), false, text);
  }
  assert.equal(asksAnonymity('Ik wil anoniem blijven. Mijn naam mag niet genoemd worden.'), true);
});

test('anonymity asked in everyday words', () => {
  for (const text of [
    'Ik noem mijn naam liever niet, ik werk zelf in de jeugdzorg.',
    'kan ik hier ook anoniem een klacht doen? ik wil liever niet dat het op mijn naam komt',
    'Mijn naam en adres krijgen jullie niet. Behandel dit maar anoniem.',
  ]) {
    assert.equal(asksAnonymity(text), true, text);
  }
  assert.equal(asksAnonymity('Mijn naam is Ans de Vries en u mag mijn naam noemen.'), false);
});

test('"niet op mijn naam" is anonymity only as a wish (review)', () => {
  assert.equal(asksAnonymity('Het huurcontract staat niet op mijn naam, daarom schrijf ik namens ons allebei.'), false);
  assert.equal(asksAnonymity('Ik wil liever niet dat het op mijn naam komt.'), true);
});
