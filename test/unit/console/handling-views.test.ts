import assert from 'node:assert/strict';
import { test } from 'node:test';
import { buildRegisterReport, registerRows } from '../../../src/domain/register-report.ts';
import { parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import { letterParagraphs } from '../../../src/domain/letter-variables.ts';
import { parseRegistration } from '../../../src/console/registration-input.ts';
import { registerSections } from '../../../src/console/register-words.ts';
import { barChart } from '../../../src/console/views/bar-chart.ts';
import { templateBody } from '../../../src/console/views/print-letter.ts';

test('the bar chart names itself for screen readers, writes every value as text and escapes labels', () => {
  const svg = barChart({ id: 'c', title: 'Klachten <2026>', description: 'Kerncijfers.', bars: [{ label: 'Ontvangen', value: 4 }, { label: 'A & B', value: 0 }] }).value;
  assert.match(svg, /role="img" aria-labelledby="c-title c-desc"/);
  assert.match(svg, /<title id="c-title">Klachten &lt;2026&gt;<\/title>/);
  assert.match(svg, /<desc id="c-desc">Kerncijfers\. Ontvangen: 4; A &amp; B: 0\.<\/desc>/);
  assert.match(svg, /width="300" height="20" fill="#1f4e99"/, 'the largest value fills the bar area');
  assert.match(svg, /width="0" height="20"/);
  assert.deepEqual([...svg.matchAll(/<text [^>]*>([^<]*)<\/text>/g)].map((m) => m[1]), ['Ontvangen', '4', 'A &amp; B', '0']);
  assert.doesNotMatch(svg, /style=/, 'no inline style: the CSP allows none');
  assert.match(barChart({ id: 'z', title: 't', description: 'd', bars: [{ label: 'x', value: 0 }] }).value, /width="0"/, 'all zero: no division by zero');
});

test('the register page shows every figure of the report, each once, in Dutch', () => {
  const report = buildRegisterReport({ year: 2026, today: parseCalendarDate('2026-12-31'), policy: { shiftToWorkingDay: true, extraHolidays: [] }, items: [] });
  report.receivedByKind = { complaint: 3, question: 1 };
  const shown = registerSections(report).flatMap((section) => section.rows.map((row) => row.code));
  const figures = registerRows(report).map((row) => row.figure).filter((code) => code !== 'year' && code !== 'counted_until');
  assert.deepEqual([...shown].sort(), [...figures].sort());
  const labels = registerSections(report).flatMap((section) => section.rows.map((row) => row.label));
  assert.ok(labels.includes('Berichten ontvangen: vraag'));
  assert.ok(labels.every((label) => !label.includes('_')), 'no codes as labels');
});

test('a registration form becomes the use case input: phone and postcode normalised, employees one per line', () => {
  const parsed = parseRegistration(
    { channel: 'visit', receivedDate: '2026-11-20', name: ' Fatima el Amrani ', email: '', phone: '+31 (0)6 9876 5432', street: 'Hooigracht', houseNumber: '15a', postcode: '2312kl', city: 'Leiden', description: 'Bezoek aan de balie.', employees: 'S. Bakker\r\n\r\n  T. de Wit ', anonymous: 'on' },
    '2026-11-29',
  );
  assert.ok(parsed.ok);
  assert.deepEqual(parsed.value, {
    channel: 'visit',
    receivedDate: '2026-11-20',
    name: 'Fatima el Amrani',
    email: null,
    phone: '0698765432',
    address: { street: 'Hooigracht', houseNumber: '15a', postcode: '2312 KL', city: 'Leiden' },
    description: 'Bezoek aan de balie.',
    employees: ['S. Bakker', 'T. de Wit'],
    anonymous: true,
    language: 'nl',
  });
  const bad = parseRegistration({ channel: 'fax', receivedDate: '2026-11-30', phone: '12345', description: 'x' }, '2026-11-29');
  assert.ok(!bad.ok);
  assert.deepEqual(bad.problems.map((p) => p.field), ['channel', 'receivedDate', 'phone']);
});

test('a blank letter keeps the paragraphs the officer made; the print view takes the body of the template', () => {
  assert.deepEqual(letterParagraphs('Eerste alinea,\r\nnog een regel.\r\n\r\n \r\nTweede alinea.\n\n'), ['Eerste alinea,\nnog een regel.', 'Tweede alinea.']);
  assert.equal(templateBody('<!DOCTYPE html><html><head><title>x</title></head><body>\n<h1>Uw klacht</h1>\n</body></html>').value, '<h1>Uw klacht</h1>');
});
