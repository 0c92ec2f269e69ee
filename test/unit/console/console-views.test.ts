import assert from 'node:assert/strict';
import { test } from 'node:test';
import { auditCsv } from '../../../src/console/audit.ts';
import { neutraliseBidi, reasonWords, splitQuoted } from '../../../src/console/complaint-words.ts';
import { URGENCY_RULES } from '../../../src/domain/triage/urgency.ts';
import { html } from '../../../src/console/html.ts';
import { filterRows, groupRows, QueueFilterSchema, searchKind, type RegisterRow } from '../../../src/console/queue-plan.ts';
import { parseCalendarDate } from '../../../src/domain/calendar-date.ts';

const today = parseCalendarDate('2026-11-20');
const row = (id: string, fields: Partial<RegisterRow> = {}): RegisterRow => withDays({
  id,
  receivedAt: '2026-10-01T10:00:00.000Z',
  receivedDate: '2026-10-01',
  status: 'open',
  kind: 'complaint',
  urgent: false,
  flags: [],
  deadline: '2026-12-31',
  assignedTo: 'anna@wijzijnhecht.nl',
  search: `${id.toLowerCase()}\njan@example.nl\njan de vries\n2311 cs\n2311cs`,
  ...fields,
});
const epoch = (d: string) => Math.round(Date.parse(`${d}T00:00:00Z`) / 86_400_000);
function withDays(r: Omit<RegisterRow, 'deadlineDay' | 'receivedDay'> & Partial<RegisterRow>): RegisterRow {
  return { ...r, deadlineDay: r.deadline ? epoch(r.deadline) : null, receivedDay: epoch(r.receivedDate) };
}

test('the queue puts urgent first, then overdue, due soon, awaiting details, new, the rest; by days left', () => {
  const rows = [
    row('KL-2026-00001'),
    row('KL-2026-00002', { deadline: '2026-11-25' }),
    row('KL-2026-00003', { deadline: '2026-11-18' }),
    row('KL-2026-00004', { urgent: true, deadline: '2027-01-01' }),
    row('KL-2026-00005', { status: 'awaiting_details' }),
    row('KL-2026-00006', { receivedDate: '2026-11-19', assignedTo: null }),
    row('KL-2026-00007', { deadline: '2026-11-21' }),
    row('KL-2026-00008', { status: 'closed' }),
  ];
  const groups = groupRows(filterRows(rows, {}, today, 'anna@wijzijnhecht.nl'), today);
  assert.deepEqual(
    groups.map((g) => [g.section, g.rows.map((r) => r.id.slice(-1))]),
    [
      ['urgent', ['4']],
      ['overdue', ['3']],
      ['due_soon', ['7', '2']],
      ['awaiting', ['5']],
      ['new', ['6']],
      ['rest', ['1']],
    ],
  );
});

test('search finds by reference, address, name and postcode with or without space, across statuses', () => {
  const rows = [row('KL-2026-00001', { status: 'closed' }), row('KL-2026-00002', { search: 'kl-2026-00002\npiet@example.nl' })];
  for (const q of ['KL-2026-00001', 'jan@example.nl', 'de vries', '2311CS', '2311 cs']) {
    assert.deepEqual(filterRows(rows, { q }, today, 'x').map((r) => r.id), ['KL-2026-00001'], q);
  }
  assert.equal(searchKind('KL-2026-00001'), 'reference');
  assert.equal(searchKind('jan@example.nl'), 'email');
  assert.equal(searchKind('2311 CS'), 'postcode');
  assert.equal(searchKind('Jansen'), 'text');
});

test('empty form fields filter nothing', () => {
  assert.deepEqual(JSON.parse(JSON.stringify(QueueFilterSchema.parse({ q: '', due: '', status: '', assigned: '' }))), {});
});

test('filters: assigned to me or nobody, due within days', () => {
  const rows = [row('KL-2026-00001'), row('KL-2026-00002', { assignedTo: null, deadline: '2026-11-22' })];
  assert.deepEqual(filterRows(rows, { assigned: 'none' }, today, 'anna@wijzijnhecht.nl').map((r) => r.id), ['KL-2026-00002']);
  assert.deepEqual(filterRows(rows, { assigned: 'me' }, today, 'anna@wijzijnhecht.nl').map((r) => r.id), ['KL-2026-00001']);
  assert.deepEqual(filterRows(rows, { due: 7 }, today, 'x').map((r) => r.id), ['KL-2026-00002']);
});

test('html escapes every value; markup in a complaint stays text', () => {
  const evil = '<script>alert(1)</script><img src=x onerror=alert(1)><a href="javascript:alert(1)">x</a>';
  const out = html`<div>${evil}</div><input value="${'" autofocus onfocus="x'}">`.value;
  assert.ok(!out.includes('<script>') && !out.includes('<img') && !out.includes('<a href'));
  assert.ok(out.includes('&quot; autofocus'));
});

test('bidi controls become visible codes; quoted replies are split off', () => {
  assert.equal(neutraliseBidi('abc\u202Edef'), 'abc[U+202E]def');
  const { own, quoted } = splitQuoted('Mijn klacht.\n\nOp di 24 nov 2026 om 10:15 schreef Klachtenopvang <k@x.nl>:\n> eerder');
  assert.equal(own, 'Mijn klacht.');
  assert.match(quoted, /^Op di 24 nov/);
});

test('triage reasons read as words', () => {
  assert.equal(reasonWords('kind:complaint:complaint_words'), 'soort klacht: woorden die op een klacht wijzen');
  assert.equal(reasonWords('flag:missing_address:no_address_found'), 'adres ontbreekt: geen adres gevonden');
  // Every urgency rule has Dutch words: an officer sees why a message was marked urgent.
  for (const rule of URGENCY_RULES) assert.doesNotMatch(reasonWords(`urgent:${rule}`), /_|\b(?:learned|signs|threat|fear|call|neglect|locked)\b/, rule);
  assert.equal(reasonWords('urgent:learned_words'), 'spoed: woorden die vaak in spoedberichten staan (geleerd vangnet)');
});

test('the audit CSV quotes cells and defuses formulas', () => {
  const csv = auditCsv([{ at: '2026-11-20T10:00:00.000Z', actor: '=cmd()', role: 'officer', origin: '127.0.0.1', action: 'view', object: 'KL-2026-00001', result: 'ok', detail: 'a "b"' }]);
  const lines = csv.trimEnd().split('\r\n');
  assert.equal(lines.length, 2);
  assert.match(lines[1] ?? '', /^"2026-11-20T10:00:00.000Z","'=cmd\(\)",/);
  assert.match(lines[1] ?? '', /"a ""b"""$/);
});

test('with CONSOLE_URL every reference in the digest links to the complaint page', async () => {
  const { complaintLink } = await import('../../../src/domain/console-link.ts');
  const { loadTemplates } = await import('../../../src/adapters/templates/load-templates.ts');
  const { SAMPLE_VARIABLES } = await import('../../../src/adapters/templates/sample-variables.ts');
  assert.equal(complaintLink('https://klachten.example.nl/', 'KL-2026-00042'), 'https://klachten.example.nl/complaints/KL-2026-00042');
  assert.equal(complaintLink(undefined, 'KL-2026-00042'), null);
  const sample = SAMPLE_VARIABLES.nl.digest;
  const first = sample.overdue[0];
  assert.ok(first, 'the sample digest has an overdue item');
  const link = complaintLink('https://klachten.example.nl', first.reference) ?? '';
  const mail = loadTemplates(new URL('../../../templates', import.meta.url).pathname).render('digest', 'nl', { ...sample, overdue: [{ ...first, link }, ...sample.overdue.slice(1)] });
  assert.ok(mail.html.includes(`<a href="${link}">${first.reference}</a>`));
  assert.ok(mail.text.includes(`${first.reference} <${link}>:`));
});
