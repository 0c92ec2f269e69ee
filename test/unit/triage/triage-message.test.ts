import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseRawMessage } from '../../../src/adapters/message-parser.ts';
import { triageMessage } from '../../../src/domain/triage/triage-message.ts';
import { TriageResultSchema } from '../../../src/domain/triage/triage-result.ts';
import { triageRawMessage } from '../../../src/adapters/triage-raw-message.ts';

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

test('the three danger messages issue 8 found missed, in our own words, get urgent_redirect whatever else they are', async () => {
  const knife = await triage('From: Sanne Bakker <s.bakker@example.nl>\nSubject: weer hij', 'Hij stond vannacht weer bij mij voor de deur, met een mes. Ik ben zo bang dat hij terugkomt.\n\nSanne');
  const pills = await triage('From: Pieter <p.devos@example.com>\nSubject: sorry', 'Ik heb de pillen liggen en neem ze vanavond allemaal in. Ik wilde dat iemand het wist.');
  const child = await triage('From: buurvrouw <buurvrouw12@example.org>\nSubject: nu', 'Naast mij schreeuwt een kind steeds "stop, stop!" en ik hoor klappen. Het gebeurt nu.');
  for (const result of [knife, pills, child]) {
    assert.equal(result.urgent, true);
    assert.equal(result.reply, 'urgent_redirect');
    assert.ok(result.flags.includes('urgent_safety'));
  }
  assert.equal(child.kind, 'report');
});

test('spam by the server\'s verdict is recorded and never answered; a clean verdict changes nothing', async () => {
  for (const verdict of ['X-Spam-Flag: YES', 'X-Spam-Status: Yes, score=12.1', 'X-Rspamd-Action: reject', 'X-MS-Exchange-Organization-SCL: 9', 'X-Forefront-Antispam-Report: CIP:192.0.2.1;SFV:SPM;SCL:5']) {
    const result = await triage(verdict);
    assert.deepEqual([result.kind, result.reply], ['spam', null], verdict);
  }
  for (const clean of ['X-Spam-Flag: NO', 'X-Spam-Status: No, score=0.1', 'X-MS-Exchange-Organization-SCL: 1', 'X-Forefront-Antispam-Report: SFV:NSPM;SCL:1']) {
    assert.equal((await triage(clean)).kind, 'complaint', clean);
  }
  const below = triageMessage(await parseRawMessage(Buffer.from('From: a@example.nl\nX-MS-Exchange-Organization-SCL: 6\n\nIk ben ontevreden.\n')), { ...CONTEXT, spamSclThreshold: 7 });
  assert.notEqual(below.kind, 'spam', 'the SCL threshold is configurable');
});

test('an out-of-office answering our acknowledgement is automatic whatever its language, and a rule-forwarded mail is not', async () => {
  const ours = 'In-Reply-To: <KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>';
  for (const [subject, body] of [
    ['Réponse automatique : Ontvangstbevestiging KL-2026-00042', 'Je suis absente jusqu\'au 4 décembre.'],
    ['Abwesenheitsnotiz: Ontvangstbevestiging KL-2026-00042', 'Ich bin bis zum 4. Dezember nicht im Büro.'],
    ['Re: Ontvangstbevestiging KL-2026-00042', 'Ik ben met vakantie tot en met 4 december.'],
  ]) {
    const result = await triage(`${ours}\nSubject: ${subject}`, body);
    assert.deepEqual([result.kind, result.reply], ['auto_reply', null], subject);
  }
  const forwardedByRule = await triage('X-MS-Exchange-Inbox-Rules-Loop: secretariaat@school.example.nl');
  assert.equal(forwardedByRule.kind, 'complaint');
});

test('a Reply-To outside the From address\'s domain is recorded, not answered', async () => {
  const result = await triage('Reply-To: someone@elsewhere.example.com');
  assert.equal(result.complainant.email, 'marieke@example.nl');
  assert.ok(result.reasons.includes('sender:reply_to_other_domain_not_answered'));
});

test('a first name alone above a phone number, or equal to the display name, is the writer\'s name', async () => {
  const body = 'ik snap niet waarom niemand terugbelt over het gesprek van vorige week, dit is echt niet ok\n\nIlse\n06-22334455';
  assert.equal((await triage('From: ilse.b@example.nl', body)).complainant.name, 'Ilse');
  const daniel = 'Nobody at your office ever calls back after the visit, I am very unhappy with it.\n\nDaniel';
  assert.equal((await triage('From: Daniel <dan.vos88@example.com>', daniel)).complainant.name, 'Daniel');
  // Not a name: the last word matches neither the address nor the display name.
  const help = 'Nobody at your office ever calls back after the visit, I am very unhappy with it.\n\nDaniel';
  assert.equal((await triage('From: <dv88@example.com>', help)).complainant.name, null);
});

test('danger outranks spam guessed from the content: a person whose words fit a scheme still gets the urgent reply', async () => {
  const raw = Buffer.from('From: Sanne <sanne@example.nl>\r\nTo: klachtenopvang@wijzijnhecht.nl\r\nSubject: Ben je beschikbaar?\r\nMessage-ID: <a1@example.nl>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\nBen je beschikbaar? Ik kan niet bellen, hij staat nu voor de deur met een mes. Reageer even hier.\r\n');
  const result = triageMessage(await parseRawMessage(raw), { ownDomain: 'wijzijnhecht.nl', mailboxAddress: 'klachtenopvang@wijzijnhecht.nl', receivedAt: new Date('2026-11-02T09:00:00Z') });
  assert.equal(result.reply, 'urgent_redirect');
  const scam = Buffer.from('From: Directie <d@example.com>\r\nTo: klachtenopvang@wijzijnhecht.nl\r\nSubject: Ben je beschikbaar?\r\nMessage-ID: <a2@example.com>\r\nDate: Mon, 2 Nov 2026 10:00:00 +0100\r\n\r\nBen je beschikbaar? Ik heb een snelle taak voor je. Ik kan niet bellen, reageer even hier.\r\n');
  const scamResult = triageMessage(await parseRawMessage(scam), { ownDomain: 'wijzijnhecht.nl', mailboxAddress: 'klachtenopvang@wijzijnhecht.nl', receivedAt: new Date('2026-11-02T09:00:00Z') });
  assert.deepEqual([scamResult.kind, scamResult.reply], ['spam', null]);
});
