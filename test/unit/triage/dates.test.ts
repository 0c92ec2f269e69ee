import { test } from 'node:test';
import assert from 'node:assert/strict';
import { findIncidentDate, isOverOneYear } from '../../../src/domain/triage/dates.ts';

const iso = (text: string, receivedAt: string) => findIncidentDate(text, new Date(receivedAt))?.iso ?? null;

test('a day without a year is the last such day on or before receipt (Europe/Amsterdam)', () => {
  assert.equal(iso('Op 3 november kwam mevrouw Jansen langs.', '2026-11-24T10:00:00Z'), '2026-11-03');
  assert.equal(iso('Op 3 november kwam mevrouw Jansen langs.', '2026-01-10T10:00:00Z'), '2025-11-03');
  // 23:30 UTC on 2 November is already 3 November in Amsterdam.
  assert.equal(iso('Op 3 november kwam zij langs.', '2026-11-02T23:30:00Z'), '2026-11-03');
});

test('written dates in Dutch and English, numeric and ISO', () => {
  const receivedAt = '2026-11-24T10:00:00Z';
  assert.equal(iso('Het gesprek was op 14 oktober 2026.', receivedAt), '2026-10-14');
  assert.equal(iso('Het gesprek was op 14 okt. 2026.', receivedAt), '2026-10-14');
  assert.equal(iso('Datum voorval: 12-11-2026', receivedAt), '2026-11-12');
  assert.equal(iso('Het huisbezoek op 2026-11-02 verliep slecht.', receivedAt), '2026-11-02');
  assert.equal(iso('On 3 November a social worker visited us.', receivedAt), '2026-11-03');
  assert.equal(iso('On November 3rd, 2025 she called.', receivedAt), '2025-11-03');
  assert.equal(iso('Gisteren belde de medewerker.', receivedAt), '2026-11-23');
});

test('a month alone is a year-month', () => {
  assert.equal(iso('In maart 2023 heeft Veilig Thuis een onderzoek gedaan.', '2026-11-24T10:00:00Z'), '2023-03');
});

test('letter dates, birth dates and plans are not the incident', () => {
  const receivedAt = '2026-11-24T10:00:00Z';
  assert.equal(iso('Leiden, 20 november 2026\n\nOp 14 oktober 2026 belde de heer Smits.', receivedAt), '2026-10-14');
  assert.equal(iso('Mijn zoon is geboren op 4 mei 2015. Op 3 november kwam mevrouw Jansen.', receivedAt), '2026-11-03');
  assert.equal(iso('Ik ben vanaf 1 december op vakantie.', receivedAt), null);
  assert.equal(iso('Ik hoop dat het op 3 december 2026 beter gaat.', receivedAt), null);
});

test('a date in a sentence about what staff did wins over background dates', () => {
  const text = 'In maart 2019 zijn wij verhuisd. Op 3 november 2026 kwam de heer Smits langs.';
  assert.equal(iso(text, '2026-11-24T10:00:00Z'), '2026-11-03');
});

test('a range counts from its first day', () => {
  assert.equal(iso('Wij waren weg van 1 tot en met 14 november.', '2026-11-24T10:00:00Z'), '2026-11-01');
});

test('Awb 9:8: more than one year before receipt', () => {
  const at = (text: string, receivedAt: string) => {
    const found = findIncidentDate(text, new Date(receivedAt));
    assert.ok(found);
    return isOverOneYear(found, new Date(receivedAt));
  };
  assert.equal(at('Op 24 november 2025 kwam zij.', '2026-11-24T10:00:00Z'), false);
  assert.equal(at('Op 23 november 2025 kwam zij.', '2026-11-24T10:00:00Z'), true);
  assert.equal(at('In november 2025 kwam zij.', '2026-11-24T10:00:00Z'), false);
  assert.equal(at('In oktober 2025 kwam zij.', '2026-11-24T10:00:00Z'), true);
});

test('Awb 9:8 from 29 February: a year later is 28 February, as for retention (calendar-date addYears)', () => {
  const at = (text: string, receivedAt: string) => {
    const found = findIncidentDate(text, new Date(receivedAt));
    assert.ok(found);
    return isOverOneYear(found, new Date(receivedAt));
  };
  // Received in Amsterdam on 28 February and 1 March 2025 (10:00 CET).
  assert.equal(at('Op 29 februari 2024 kwam zij.', '2025-02-28T09:00:00Z'), false, 'exactly a year');
  assert.equal(at('Op 29 februari 2024 kwam zij.', '2025-03-01T09:00:00Z'), true, 'more than a year; was false while 29 February + 1 year was 1 March');
  assert.equal(at('In februari 2024 kwam zij.', '2025-03-01T09:00:00Z'), true, 'a whole month ends on 29 February too');
});

test('weekdays relative to the receipt day: last week, afgelopen, jl., today', () => {
  // Received on Tuesday 24 November 2026.
  const tuesday = new Date('2026-11-24T10:00:00Z');
  const on = (text: string) => findIncidentDate(text, tuesday)?.iso ?? null;
  assert.equal(on('Vorige week dinsdag heeft meneer De Groot mijn moeder bezocht.'), '2026-11-17');
  assert.equal(on('Last week on Friday the caseworker called.'), '2026-11-20');
  assert.equal(on('Afgelopen maandag was het gesprek.'), '2026-11-23');
  assert.equal(on('Afgelopen dinsdag belde zij.'), '2026-11-17', 'the previous one, never the receipt day itself');
  assert.equal(on('Last Sunday she came by.'), '2026-11-22');
  assert.equal(on('Het gesprek van donderdag jl. was slecht.'), '2026-11-19');
  assert.equal(on('Vanochtend belde de medewerker mij.'), '2026-11-24');
});

test('a year alone and "last month" are dates too; a year long past is over a year old (Awb 9:8)', () => {
  const receivedAt = new Date('2026-11-24T10:00:00Z');
  const year = findIncidentDate('In 2019 heb ik zelf Veilig Thuis gebeld.', receivedAt);
  assert.equal(year?.iso, '2019');
  assert.equal(year !== null && isOverOneYear(year, receivedAt), true);
  const lastMonth = findIncidentDate('Last month your caseworker visited us.', receivedAt);
  assert.equal(lastMonth?.iso, '2026-10');
  assert.equal(findIncidentDate('Het gesprek was in 2026 en daarna niets.', receivedAt)?.iso, '2026');
});

test('relative years and seasons: a month last year, a season, years ago, the end of a year', () => {
  const over = (text: string, receivedAt: string) => {
    const found = findIncidentDate(text, new Date(receivedAt));
    return found === null ? null : isOverOneYear(found, new Date(receivedAt));
  };
  assert.equal(iso('Vorig jaar oktober belde de medewerker mij op.', '2026-11-16T10:00:00Z'), '2025-10');
  assert.equal(over('Vorig jaar oktober belde de medewerker mij op.', '2026-11-16T10:00:00Z'), true);
  assert.equal(over('December vorig jaar kwam de medewerker langs.', '2026-11-10T10:00:00Z'), false);
  assert.equal(over('Vorig jaar zomer heb ik Veilig Thuis gebeld.', '2026-11-21T10:00:00Z'), true);
  assert.equal(over('Afgelopen voorjaar was het gesprek met de casemanager.', '2026-11-21T10:00:00Z'), false);
  assert.equal(over('The caseworker called me in the spring of 2025.', '2026-11-21T10:00:00Z'), true);
  assert.equal(over('Klacht over het onderzoek van Veilig Thuis, twee jaar geleden.', '2026-11-17T10:00:00Z'), true);
  assert.equal(over('Het gesprek met de medewerker was ruim een jaar geleden.', '2026-11-17T10:00:00Z'), true);
  assert.equal(over('Het gesprek met de medewerker was een jaar geleden.', '2026-11-17T10:00:00Z'), null);
  assert.equal(over('Het rapport gaat over een ruzie van twee jaar geleden.', '2026-11-17T10:00:00Z'), null);
  assert.equal(over('Eind 2024 kwam de medewerker bij ons thuis.', '2026-01-10T10:00:00Z'), true);
});
