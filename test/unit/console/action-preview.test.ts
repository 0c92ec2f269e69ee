import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { TEMPLATES_DIR } from '../../../src/adapters/templates/layout.ts';
import { loadTemplates } from '../../../src/adapters/templates/load-templates.ts';
import { makeEvent, type RecordEvent } from '../../../src/domain/record-events.ts';
import { parseActionInput, type ActionInput } from '../../../src/console/action-inputs.ts';
import { previewAction } from '../../../src/console/action-preview.ts';
import { COMPLAINT_ACTIONS, isLetterAction, type ComplaintAction } from '../../../src/console/roles.ts';
import { makeRecord } from '../../fixtures/records.ts';
import { sampleEvent } from '../../fixtures/events.ts';

const deps = { config: loadConfig({}), templates: loadTemplates(TEMPLATES_DIR), now: new Date('2026-11-25T10:00:00Z') };
const record = makeRecord();
const events: RecordEvent[] = [sampleEvent('received', {}, { at: new Date('2026-11-23T09:15:01Z'), actor: 'intake' })];

const FORMS: Record<ComplaintAction, Record<string, unknown>> = {
  assign: { to: 'Anna@wijzijnhecht.nl' },
  extend: { weeks: '2', reason: 'Wij spreken eerst de medewerker.' },
  committee: { reason: '' },
  close: { outcome: 'resolved_informally', noLetterReason: 'Gesprek gevoerd, excuses aangeboden.' },
  not_handled: { reason: 'Het voorval is ouder dan een jaar.' },
  reopen: {},
  note: { note: 'Teruggebeld.' },
  correct_triage: { kind: 'complaint', urgent: 'on', flags: ['missing_address'], name: 'Marieke de Vries', street: '', houseNumber: '', postcode: '', city: '', phone: '' },
  write_outcome: { outcome: 'partly_founded', reasons: 'Wij vinden dat het gesprek beter had gekund.', ombudsman: 'ja' },
  write_invitation: { date: '2026-12-08', time: '14:30', how: 'phone', place: '06-12345678', attendees: 'de klachtenfunctionaris' },
  write_letter: { body: 'Wij sturen u het verslag per post.' },
  heard: { date: '2026-11-24', how: 'phone', note: '' },
  hearing_waived: { ground: 'declined' },
};

test('every action has a form schema and a preview that says what will happen', () => {
  for (const action of COMPLAINT_ACTIONS) {
    const input = parseActionInput(action, FORMS[action]);
    assert.ok(input.ok, `${action}: ${input.ok ? '' : input.problems.join('; ')}`);
    if (isLetterAction(action)) continue; // rendered by letter-preview.ts from the store (test/integration/console)
    const target = action === 'reopen' ? { ...record, status: 'closed' as const } : record;
    const preview = previewAction(deps, target, events, action, input.value as ActionInput<typeof action>);
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

test('closing a complaint being handled needs an outcome and the outcome letter, or a reason why none: refused in Dutch before anything happens', () => {
  const refusal = (form: Record<string, unknown>, history = events) => {
    const input = parseActionInput('close', form);
    assert.ok(input.ok);
    return previewAction(deps, record, history, 'close', input.value).refusal ?? '';
  };
  assert.match(refusal({ outcome: '' }), /Kies een uitkomst/);
  assert.match(refusal({ outcome: 'founded' }), /nog geen afhandelingsbrief verstuurd/);
  const queued = makeEvent('reply_queued', 'anna', { type: 'outcome', jobId: 'reply-KL-2026-00042-outcome-abc' });
  assert.equal(refusal({ outcome: 'founded' }, [...events, queued]), '');
  const failed = makeEvent('reply_failed', 'replies', { type: 'outcome', jobId: 'reply-KL-2026-00042-outcome-abc', smtpCode: 550, code: 'mailbox_unavailable' });
  assert.match(refusal({ outcome: 'founded' }, [...events, queued, failed]), /nog geen afhandelingsbrief/, 'a letter the server refused is no letter');
  const input = parseActionInput('close', { outcome: 'founded' });
  assert.ok(input.ok);
  assert.match(previewAction(deps, record, [...events, queued], 'close', input.value).lines.join(' '), /Uitkomst: gegrond.*afhandelingsbrief is verstuurd/);
});

test('the hearing preview says what is recorded and refuses a date after today, before receipt, or a record that is no complaint', () => {
  const preview = (action: 'heard' | 'hearing_waived', form: Record<string, unknown>, target = record) => {
    const input = parseActionInput(action, form);
    assert.ok(input.ok, input.ok ? '' : input.problems.join('; '));
    return previewAction(deps, target, events, action, input.value);
  };
  assert.match(preview('heard', FORMS.heard).lines[0] ?? '', /op 24 november 2026 telefonisch gehoord/);
  assert.match(preview('hearing_waived', FORMS.hearing_waived).lines[0] ?? '', /niet gehoord wilde worden \(lid 2 onder b\)/);
  assert.match(preview('heard', { date: '2026-11-26', how: 'video' }).refusal ?? '', /ligt na vandaag/);
  assert.match(preview('heard', { date: '2026-11-20', how: 'video' }).refusal ?? '', /vóór de ontvangst/);
  assert.match(preview('hearing_waived', FORMS.hearing_waived, { ...record, status: 'routed' }).refusal ?? '', /geen klacht die behandeld wordt/);
});

test('letter and hearing forms say in Dutch what is missing', () => {
  const problems = (action: ComplaintAction, form: Record<string, unknown>) => {
    const input = parseActionInput(action, form);
    return input.ok ? [] : input.problems;
  };
  assert.deepEqual(problems('write_outcome', { reasons: ' ' }), ['kies de uitkomst', 'De uitkomst en de redenen is verplicht', 'kies of de brief de Nationale ombudsman noemt']);
  assert.deepEqual(problems('write_invitation', { date: '', time: '2pm', how: 'pigeon', place: 'Leiden', attendees: 'x' }), [
    'De datum van het gesprek: vul een datum in (dag, maand en jaar)',
    'vul de tijd in als uu:mm, bijvoorbeeld 14:30',
    'kies hoe het gesprek gaat (persoonlijk, telefonisch of via video)',
  ]);
  assert.deepEqual(problems('write_letter', { body: 'x'.repeat(10_001) }), ['De tekst van de brief is te lang (hoogstens 10000 tekens)']);
  assert.deepEqual(problems('hearing_waived', {}), ['kies de grond (Awb 9:10 lid 2)']);
});
