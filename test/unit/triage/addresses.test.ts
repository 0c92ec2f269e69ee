import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findAddress, streetFrom } from '../../../src/domain/triage/addresses.ts';

test('street, number, postcode and city on one line or in a block', () => {
  const expected = { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' };
  assert.deepEqual(findAddress('Ik woon op Hynsteblom 4, 2311 CS Leiden en ik wil een reactie.'), expected);
  assert.deepEqual(findAddress('Marieke Dekker\nHynsteblom 4\n2311CS Leiden\n06-41237788'), expected);
  assert.deepEqual(findAddress('Adres: Hynsteblom 4\nPostcode: 2311 CS\nWoonplaats: Leiden'), expected);
});

test('cities in capitals after two spaces, with spaces and with apostrophes', () => {
  assert.equal(findAddress('Lammenschansweg 130\n2313 DM  LEIDEN')?.city, 'Leiden');
  assert.equal(findAddress('Julianastraat 16-I, 2405 CK Alphen aan den Rijn.')?.city, 'Alphen aan den Rijn');
  assert.equal(findAddress('Laan van Meerdervoort 210\n2517 BJ \'s-Gravenhage')?.street, 'Laan van Meerdervoort');
  assert.equal(findAddress('Laan van Meerdervoort 210\n2517 BJ \'s-Gravenhage')?.city, '\'s-Gravenhage');
});

test('house numbers with letters and additions', () => {
  for (const number of ['12a', '40A', '5-II', '16-I', '44-bis', '19p-8', '12 hs']) {
    assert.deepEqual(streetFrom(`Vliet ${number}`), { street: 'Vliet', houseNumber: number }, number);
  }
});

test('lower-case postcode letters before a city, but not words or units', () => {
  assert.deepEqual(findAddress('Breestraat 81a\n2311 cs Leiden'), { street: 'Breestraat', houseNumber: '81a', postcode: '2311 CS', city: 'Leiden' });
  assert.equal(findAddress('Breestraat 81a\n2311 cs alphen aan den rijn')?.city, 'Alphen aan den Rijn');
  assert.equal(findAddress('Wij wonen sinds 2019 in Leiden.'), null);
  assert.equal(findAddress('Hij kreeg 1000 mg Paracetamol.'), null);
});

test('a PO box is an address without house number', () => {
  assert.deepEqual(findAddress('Met vriendelijke groet,\nIngrid Bakker\nPostbus 1034, 2302 BA Leiden'), {
    street: 'Postbus 1034',
    houseNumber: null,
    postcode: '2302 BA',
    city: 'Leiden',
  });
});

test('no postcode in doses, unissued letter pairs or our own address block', () => {
  assert.equal(findAddress('Hij kreeg 1000 mg paracetamol en 500 ml water.'), null);
  assert.equal(findAddress('Kamer 12, 2311 SS Leiden'), null);
  const letter = 'Hecht\nT.a.v. de klachtenfunctionaris\nPostbus 121\n2300 AC Leiden\n\nAnouk de Wit\nOude Vest 12\n2312 XW Leiden';
  assert.deepEqual(findAddress(letter), { street: 'Oude Vest', houseNumber: '12', postcode: '2312 XW', city: 'Leiden' });
});

test('a street with a known ending and a city, without postcode', () => {
  assert.deepEqual(findAddress('ik woon op de Hoge Rijndijk 201 in Leiden en jullie mogen schrijven'), {
    street: 'Hoge Rijndijk',
    houseNumber: '201',
    postcode: null,
    city: 'Leiden',
  });
  assert.equal(findAddress('Op 3 november kwam zij langs.'), null);
});

test('street and number on lines of their own, English order, and someone else\'s home', () => {
  assert.deepEqual(findAddress('Mijn gegevens:\nK. Bakker\nZonneveldstraat\n17\n2316 AB\nLeiden'), { street: 'Zonneveldstraat', houseNumber: '17', postcode: '2316 AB', city: 'Leiden' });
  assert.deepEqual(findAddress('My details:\nAnna Smith\n3b Rijnsburgerweg\n2334 BA Leiden'), { street: 'Rijnsburgerweg', houseNumber: '3b', postcode: '2334 BA', city: 'Leiden' });
  assert.equal(findAddress('Het gesprek was bij mijn ex, die woont op de Lammenschansweg 9, 2313 DM Leiden. Bij mij kwam niemand.'), null);
  assert.equal(findAddress('De kinderen logeren bij hun oma, mijn moeder, op de Kerkstraat 4, 2223 AH Katwijk.'), null);
  assert.deepEqual(findAddress('Ik woon op de Kerkstraat 4, 2223 AH Katwijk.'), { street: 'Kerkstraat', houseNumber: '4', postcode: '2223 AH', city: 'Katwijk' });
});

test('a house number\'s label after a postcode is no town', () => {
  const found = findAddress('Wendy Hoogervorst\nPostcode 2215 BN, huisnummer 7\n06-33 90 12 58');
  assert.notEqual(found?.city, 'Huisnummer');
  assert.equal(found?.city ?? null, null);
});

test('a known place before the street on its line is the city', () => {
  assert.deepEqual(findAddress('Gerrit Hoogendoorn\nGouda, Turfmarkt 112\ntel. 0182-512377'), { street: 'Turfmarkt', houseNumber: '112', postcode: null, city: 'Gouda' });
  assert.equal(findAddress('Mijn zus, Turfmarkt 112')?.city ?? null, null);
});

test('a sentence after a postcode is no town, and a school\'s or someone else\'s address is not the writer\'s', () => {
  assert.equal(findAddress('Ondergetekende, wonende Raadhuisstraat 41, 2406 AE dient hierbij een klacht in.')?.city ?? null, null);
  assert.equal(findAddress('Het was op basisschool De Regenboog, Schoolstraat 4, 2741 LK Waddinxveen, dinsdag.'), null);
  assert.equal(findAddress('Letters are sent to her address (Westhaven 12, 2801 PK Gouda) instead of mine.'), null);
  assert.deepEqual(findAddress('Mijn adres: Rapenburg 10, Leiden'), { street: 'Rapenburg', houseNumber: '10', postcode: null, city: 'Leiden' });
});

test('a city first, a bracket or dash before the postcode, the street after it, a lower-case street (batch-44)', () => {
  assert.deepEqual(findAddress('Leiderdorp, Hoofdstraat 21 (2351 AK)'), { street: 'Hoofdstraat', houseNumber: '21', postcode: '2351 AK', city: 'Leiderdorp' });
  assert.deepEqual(findAddress('Zoetermeer, Amerikaweg 210 - 2717 AX'), { street: 'Amerikaweg', houseNumber: '210', postcode: '2717 AX', city: 'Zoetermeer' });
  assert.deepEqual(findAddress('Frank Meijer\nLeiden, 2316 XB, Kooilaan 5'), { street: 'Kooilaan', houseNumber: '5', postcode: '2316 XB', city: 'Leiden' });
  assert.deepEqual(findAddress('Ik woon op de rembrandtlaan 5 2251 gv voorschoten.'), { street: 'Rembrandtlaan', houseNumber: '5', postcode: '2251 GV', city: 'Voorschoten' });
  assert.deepEqual(findAddress('ik woon op de 2e binnenvestgracht 3 in leiden')?.street, '2e Binnenvestgracht');
});
