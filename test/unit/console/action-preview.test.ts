import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { TEMPLATES_DIR } from '../../../src/adapters/templates/layout.ts';
import { loadTemplates } from '../../../src/adapters/templates/load-templates.ts';
import { parseActionInput } from '../../../src/console/action-inputs.ts';
import { previewAction } from '../../../src/console/action-preview.ts';
import { COMPLAINT_ACTIONS, type ComplaintAction } from '../../../src/console/roles.ts';
import { makeRecord } from '../../fixtures/records.ts';
import { sampleEvent } from '../../fixtures/events.ts';

const deps = { config: loadConfig({}), templates: loadTemplates(TEMPLATES_DIR), now: new Date('2026-11-25T10:00:00Z') };
const record = makeRecord();
const events = [sampleEvent('received', {}, { at: new Date('2026-11-23T09:15:01Z'), actor: 'intake' })];

const FORMS: Record<ComplaintAction, Record<string, unknown>> = {
  assign: { to: 'Anna@wijzijnhecht.nl' },
  extend: { weeks: '2', reason: 'Wij spreken eerst de medewerker.' },
  committee: { reason: '' },
  close: { outcome: 'resolved_informally', noLetterReason: 'Gesprek gevoerd, excuses aangeboden.' },
  not_handled: { reason: 'Het voorval is ouder dan een jaar.' },
  reopen: {},
  note: { note: 'Teruggebeld.' },
  correct_triage: { kind: 'complaint', urgent: 'on', flags: ['missing_address'], name: 'Marieke de Vries', street: '', houseNumber: '', postcode: '', city: '', phone: '' },
};

test('every action has a form schema and a preview that says what will happen', () => {
  for (const action of COMPLAINT_ACTIONS) {
    const input = parseActionInput(action, FORMS[action]);
    assert.ok(input.ok, `${action}: ${input.ok ? '' : input.problems.join('; ')}`);
    const target = action === 'reopen' ? { ...record, status: 'closed' as const } : record;
    const preview = previewAction(deps, target, events, action, input.value);
    assert.equal(preview.refusal, null, `${action}: ${preview.refusal}`);
    assert.ok(preview.lines.length > 0, action);
  }
});

test('the extension preview is the notice the complainant gets, with the reason and the new deadline', () => {
  const input = parseActionInput('extend', FORMS.extend);
  assert.ok(input.ok);
  const preview = previewAction(deps, record, events, 'extend', input.value);
  const notice = preview.mails[0];
  assert.equal(notice?.to, 'm.devries@example.nl');
  assert.match(notice?.text ?? '', /Wij spreken eerst de medewerker\./);
  assert.match(notice?.text ?? '', /18 januari 2027/, '4 January 2027 plus two weeks');
  assert.match(preview.lines[0] ?? '', /van 4 januari 2027 naar 18 januari 2027/);
});

test('previews refuse what the action would refuse, and bad forms say what is missing', () => {
  const extended = { ...record, deadline: { ...record.deadline!, extensionWeeks: 2 } };
  const input = parseActionInput('extend', FORMS.extend);
  assert.ok(input.ok);
  assert.match(previewAction(deps, extended, events, 'extend', input.value).refusal ?? '', /Verlengen kan niet/);
  const reopen = parseActionInput('reopen', {});
  assert.ok(reopen.ok);
  assert.match(previewAction(deps, record, events, 'reopen', reopen.value).refusal ?? '', /Alleen een afgesloten klacht/);
  const bad = parseActionInput('extend', { weeks: '6', reason: ' ' });
  assert.deepEqual(bad.ok ? [] : bad.problems, ['hoogstens 4 weken (Awb 9:11)', 'De reden is verplicht']);
  const postcode = parseActionInput('correct_triage', { ...FORMS.correct_triage, postcode: '2311cs' });
  assert.ok(postcode.ok && postcode.value.postcode === '2311 CS');
});
