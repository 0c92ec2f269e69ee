import { test } from 'node:test';
import assert from 'node:assert/strict';
import { personFromDisplayName, readName, readWholeName, reorderSurnameFirst } from '../../../src/domain/triage/names.ts';
import { findFormName, findStatedName } from '../../../src/domain/triage/name-statements.ts';

test('Outlook display names are reordered: surname, initials and particles', () => {
  assert.equal(reorderSurnameFirst('Meer, J.W. van der'), 'J.W. van der Meer');
  assert.equal(personFromDisplayName('Meer, J.W. van der'), 'J.W. van der Meer');
  assert.equal(personFromDisplayName('Vries-Bakker, Anna de'), 'Anna de Vries-Bakker');
  assert.equal(personFromDisplayName('"Bos, A. de"'), 'A. de Bos');
});

test('display names that are no person give no name', () => {
  for (const display of ['Info Veilig Thuis Hollands Midden', 'Gemeente Leiden', 'Sanne', 'bezorgde ouder', 'piet@example.nl', 'Familie Jansen', 'Team 3', 'Huisartsenpraktijk De Vliet']) {
    assert.equal(personFromDisplayName(display), null, display);
  }
});

test('Dutch particles are lower case after a first name; shouting and lower-case names are normalised', () => {
  assert.equal(personFromDisplayName('Fatima van Amrani'), 'Fatima van Amrani');
  assert.equal(personFromDisplayName('Fatima Van Amrani'), 'Fatima van Amrani');
  // Arabic and Romance particles keep the capital the writer gave them.
  assert.equal(personFromDisplayName('Naima El Khatib'), 'Naima El Khatib');
  assert.equal(personFromDisplayName('Naima el Khatib'), 'Naima el Khatib');
  assert.equal(personFromDisplayName('jan de vries'), 'Jan de Vries');
  assert.equal(personFromDisplayName('JANSEN, P.'), 'P. Jansen');
  assert.equal(readWholeName('De Vries'), 'De Vries');
});

test('a name ends at the first word that cannot be part of one', () => {
  assert.equal(readName('Anouk de Wit. Ik wil'), 'Anouk de Wit');
  assert.equal(readName('mevrouw A. de Wit-Bakker heeft'), 'A. de Wit-Bakker');
  assert.equal(readName('de heer Smits zei'), 'Smits');
  assert.equal(readWholeName('Verstuurd vanaf mijn iPhone'), null);
  assert.equal(readWholeName('Anouk de Wit (moeder van Sem)'), null);
  assert.equal(readWholeName('Mw. C.M. (Carla) Hoek'), 'C.M. Hoek');
  assert.equal(readName('Hoek\nHoge Rijndijk 303'), 'Hoek');
});

test('names the sender states in the text', () => {
  assert.equal(findStatedName('Goedemiddag, mijn naam is Ingrid Bakker en ik ben wijkverpleegkundige.'), 'Ingrid Bakker');
  assert.equal(findStatedName('Ik, Pieter van den Berg, wil een klacht indienen.'), 'Pieter van den Berg');
  assert.equal(findStatedName('My name is Emma Clarke and I live in Leiden.'), 'Emma Clarke');
  assert.equal(findStatedName('Ik ben Boos op jullie.'), null);
  assert.equal(findStatedName('Ik ben de moeder van Sem.'), null);
});

test('names in form lines', () => {
  assert.equal(findFormName('Naam: Wim Brugman\nAdres: Vliet 14'), 'Wim Brugman');
  assert.equal(findFormName('Voornaam: Anna\nTussenvoegsel: de\nAchternaam: Vries'), 'Anna de Vries');
  assert.equal(findFormName('Naam medewerker: mevrouw Okafor'), null);
});

test('two people signing together, and a first name with a surname initial, are names', () => {
  assert.equal(readWholeName('Erik en Monique Jansen'), 'Erik en Monique Jansen');
  assert.equal(readWholeName('Sandra & Mehmet Yilmaz'), 'Sandra en Mehmet Yilmaz');
  assert.equal(readWholeName('Rachid B.'), 'Rachid B.');
  assert.equal(readWholeName('Erik en Monique'), null);
  assert.equal(readWholeName('Verstuurd en gelezen'), null);
});
