import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRawMessage } from '../../../src/adapters/message-parser.ts';
import { triageMessage } from '../../../src/domain/triage/triage-message.ts';
import { TriageResultSchema } from '../../../src/domain/triage/triage-result.ts';
import { triageRawMessage } from '../../../src/app/triage-raw-message.ts';

const CONTEXT = {
  receivedAt: new Date('2026-11-24T10:00:00Z'),
  mailboxAddress: 'klachtenopvang@wijzijnhecht.nl',
  ownDomain: 'wijzijnhecht.nl',
};
const COMPLAINT = [
  'Geachte klachtenfunctionaris,',
  '',
  'Ik ben ontevreden over het gesprek op 3 november met mevrouw Jansen. Zij heeft mijn',
  'dochter ondervraagd zonder dat ik erbij was.',
  '',
  'Met vriendelijke groet,',
  'Marieke Dekker',
  'Hynsteblom 4',
  '2311 CS Leiden',
].join('\n');

async function triage(headers: string, body = COMPLAINT) {
  const defaults = { from: 'From: Marieke Dekker <marieke@example.nl>', subject: 'Subject: Klacht', id: 'Message-ID: <m1@example.nl>' };
  const lines = [
    /^from:/im.test(headers) ? '' : defaults.from,
    /^subject:/im.test(headers) ? '' : defaults.subject,
    /^message-id:/im.test(headers) ? '' : defaults.id,
    'To: klachtenopvang@wijzijnhecht.nl',
    headers,
  ].filter(Boolean);
  const result = triageMessage(await parseRawMessage(Buffer.from(`${lines.join('\n')}\n\n${body}`)), CONTEXT);
  return TriageResultSchema.parse(result);
}

test('a complete complaint: fields, flags, reply and reasons', async () => {
  const result = await triage('');
  assert.equal(result.kind, 'complaint');
  assert.equal(result.reply, 'acknowledgement');
  assert.deepEqual(result.flags, []);
  assert.deepEqual(result.complainant, {
    name: 'Marieke Dekker',
    email: 'marieke@example.nl',
    phone: null,
    address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' },
  });
  assert.equal(result.incidentDate, '2026-11-03');
  assert.deepEqual(result.employees, ['mevrouw Jansen']);
  assert.ok(result.reasons.includes('kind:complaint:complaint_signals'));
  assert.ok(result.reasons.includes('reply:acknowledgement:complete_complaint'));
  assert.ok(result.reasons.every((reason) => /^[a-z_]+(?::[a-z0-9_]+)*$/.test(reason)), 'reasons are rule ids, no message text');
});

test('In-Reply-To our reply makes a follow-up; a typed reference too', async () => {
  const answered = await triage('In-Reply-To: <KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>\nSubject: Re: Uw bericht');
  assert.deepEqual([answered.kind, answered.caseRef, answered.referenceSource, answered.reply], ['followup', 'KL-2026-00042', 'headers', 'followup_received']);
  assert.equal(answered.contentKind, 'complaint');
  const typed = await triage('Subject: Aanvulling op KL-2026-00017');
  assert.deepEqual([typed.kind, typed.caseRef, typed.referenceSource], ['followup', 'KL-2026-00017', 'subject']);
  const otherDomain = await triage('In-Reply-To: <KL-2026-00042.acknowledgement.klachtenopvang@example.nl>');
  assert.equal(otherDomain.kind, 'complaint');
});

test('an out-of-office answer to our reply is automatic, never a follow-up', async () => {
  const result = await triage(
    'In-Reply-To: <KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>\nAuto-Submitted: auto-replied\nSubject: Automatisch antwoord: Uw bericht',
    'Ik ben afwezig.',
  );
  assert.deepEqual([result.kind, result.reply, result.caseRef], ['auto_reply', null, 'KL-2026-00042']);
});

test('no reply to our own mailbox, our own messages, no-reply addresses or a missing sender', async () => {
  assert.equal((await triage('From: Klachtenopvang <klachtenopvang@wijzijnhecht.nl>')).reply, null);
  assert.equal((await triage('Message-ID: <KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>')).reply, null);
  assert.equal((await triage('From: Formulier <noreply@example.nl>')).reply, null);
  assert.equal((await triage('From: Formulier <noreply@example.nl>\nReply-To: Marieke Dekker <marieke@example.nl>')).reply, 'acknowledgement');
  assert.equal((await triage('From: undisclosed-recipients:;')).reply, null);
  const suppressed = await triage('X-Auto-Response-Suppress: DR, RN, NRN, OOF, AutoReply');
  assert.deepEqual([suppressed.kind, suppressed.reply], ['complaint', null]);
  assert.ok(suppressed.reasons.includes('reply:none:auto_response_suppressed'));
});

test('urgency overrides every reply and sets the flag', async () => {
  const result = await triage('', 'Ik heb een klacht. Hij heeft vandaag gedreigd mij te vermoorden en niemand belt terug.');
  assert.deepEqual([result.urgent, result.reply, result.flags.includes('urgent_safety')], [true, 'urgent_redirect', true]);
});

test('English messages are answered in English', async () => {
  const result = await triage('Subject: Complaint', 'I am not happy with the way my case was handled by your employee. Nobody called me back.');
  assert.equal(result.language, 'en');
});

test('triageRawMessage parses and triages raw bytes', async () => {
  const raw = Buffer.from(`From: Marieke Dekker <marieke@example.nl>\nTo: klachtenopvang@wijzijnhecht.nl\nSubject: Klacht\n\n${COMPLAINT}`);
  const result = await triageRawMessage(raw, CONTEXT);
  assert.equal(result.reply, 'acknowledgement');
});
