/**
 * The console's routes for letters, the hearing, registering a complaint and the Awb 9:12a
 * register, without a browser: Dutch validation messages, previews that refuse in Dutch, role
 * refusals (audited, nothing changed), CSRF, and a letter to an English-writing complainant.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeEml } from '../../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../../helpers/redis-server.ts';
import { startTestConsole, type TestConsole } from '../../helpers/console.ts';
import type { Role } from '../../../src/console/roles.ts';
import { checkLeaks } from '../../helpers/leak-check.ts';

// One console serves every test here: the connections fetch keeps alive to it are pooled, not leaked.
checkLeaks({ settle: () => ko?.closeIdleConnections() });

let redis: RedisServer;
let ko: TestConsole;
let complaint = '';
let english = '';
const MANAGER = 'bert@wijzijnhecht.nl';

before(async () => {
  redis = await startRedis();
  ko = await startTestConsole(redis);
  complaint = await ko.complaint(makeEml({ messageId: '<routes-nl@example.nl>' }));
  english = await ko.complaint(
    makeEml({
      messageId: '<routes-en@example.nl>',
      from: 'Jane Miller <jane.miller@example.nl>',
      subject: 'Complaint about my caseworker',
      body: ['Dear complaints officer,', '', 'I want to file a complaint about the conversation with my caseworker on 3 November 2026.', 'She did not listen to me and cancelled twice without notice.', '', 'Kind regards,', '', 'Jane Miller', 'Hynsteblom 4', '2311 CS Leiden'].join('\r\n'),
    }),
  );
  await ko.deps.store.update(complaint, (record) => ({ record: { ...record, assignedTo: MANAGER }, events: [] }));
});

after(async () => {
  await ko?.stop();
  await redis?.stop();
});

/** A signed-in client: a session made directly in the store, its cookie and CSRF token on every request. */
async function as(role: Role, email: string) {
  const session = await ko.deps.sessions.create({ stage: 'active', email, role, auth: 'local' });
  const headers = { cookie: `ko_sessie=${session.id}` };
  return {
    get: (path: string) => fetch(`${ko.url}${path}`, { headers, redirect: 'manual' }),
    post: (path: string, form: Record<string, string | string[]>, csrf: string | null = session.csrf) => {
      const body = new URLSearchParams();
      for (const [name, value] of Object.entries({ ...form, ...(csrf ? { _csrf: csrf } : {}) })) for (const v of [value].flat()) body.append(name, v);
      return fetch(`${ko.url}${path}`, { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body, redirect: 'manual' });
    },
  };
}

const alerts = (page: string) => [...page.matchAll(/<li>(?:<a href="[^"]*">)?([^<]+)/g)].map((m) => m[1] ?? '');

test('letter and hearing forms refuse in Dutch what is missing or impossible, and change nothing', async () => {
  const officer = await as('officer', 'anna@wijzijnhecht.nl');
  const before = (await ko.deps.store.events(complaint)).length;
  const outcome = await officer.post(`/complaints/${complaint}/acties/write_outcome`, { outcome: '', reasons: '  ' });
  assert.equal(outcome.status, 400);
  const page = await outcome.text();
  assert.match(page, /kies de uitkomst/);
  assert.match(page, /De uitkomst en de redenen is verplicht/);
  assert.match(page, /Er is niets veranderd/);
  const future = await officer.post(`/complaints/${complaint}/acties/heard`, { date: '2999-01-01', how: 'phone' });
  assert.equal(future.status, 409);
  assert.match(await future.text(), /ligt na vandaag/);
  const confirmedAnyway = await officer.post(`/complaints/${complaint}/acties/heard`, { date: '2999-01-01', how: 'phone', bevestigd: 'ja' });
  assert.equal(confirmedAnyway.status, 409, 'the use case refuses what the preview refused');
  const close = await officer.post(`/complaints/${complaint}/acties/close`, { outcome: 'founded' });
  assert.equal(close.status, 409);
  assert.match(await close.text(), /nog geen afhandelingsbrief verstuurd/);
  assert.equal((await ko.deps.store.events(complaint)).length, before);
});

test('the registration form lists every problem in Dutch, at the top and at each field, and registers nothing', async () => {
  const officer = await as('officer', 'anna@wijzijnhecht.nl');
  const ids = await ko.deps.store.listIds({ newestFirst: false });
  const response = await officer.post('/complaints/registreren', { receivedDate: '2999-01-01', email: 'geen-adres', postcode: '123', description: ' ', name: 'Piet Verhoef' });
  assert.equal(response.status, 400);
  const page = await response.text();
  const summaryAt = page.indexOf('Controleer het formulier');
  assert.deepEqual(alerts(page.slice(summaryAt, page.indexOf('</ul>', summaryAt))), [
    'Kies hoe de klacht binnenkwam: per brief, telefoon of bezoek.',
    'De datum van ontvangst ligt na vandaag. Vul de dag in waarop de klacht binnenkwam.',
    'Het e-mailadres is niet geldig. Laat het veld leeg als er geen e-mailadres is.',
    'de postcode is vier cijfers en twee letters, zoals 2311 CS',
    'De omschrijving van de klacht is verplicht',
  ]);
  assert.match(page, /<a href="#reg-channel">/, 'the summary links to the field');
  assert.match(page, /id="reg-email"[^>]*aria-invalid="true" aria-describedby="reg-email-hint reg-email-error"/);
  assert.match(page, /value="Piet Verhoef"/, 'what was typed stays in the form');
  assert.deepEqual(await ko.deps.store.listIds({ newestFirst: false }), ids);
});

test('a registration with an e-mail address: the preview says the acknowledgement is mailed; confirming twice makes one record', async () => {
  const officer = await as('officer', 'anna@wijzijnhecht.nl');
  const form = { channel: 'letter', receivedDate: '2026-11-20', name: 'Piet Verhoef', email: 'P.Verhoef@example.nl', street: 'Lindelaan', houseNumber: '12', postcode: '2312ab', city: 'Leiden', description: 'Klacht per brief over een huisbezoek.', employees: 'J. Jansen\r\n\r\nK. de Wit', language: 'nl' };
  const preview = await officer.post('/complaints/registreren', form);
  assert.equal(preview.status, 200);
  const text = await preview.text();
  assert.match(text, /per brief binnenkwam op 20 november 2026/);
  assert.match(text, /uiterste datum 4 januari 2027/);
  assert.match(text, /De ontvangstbevestiging gaat per e-mail naar p\.verhoef@example\.nl/);
  const first = await officer.post('/complaints/registreren', { ...form, bevestigd: 'ja' });
  assert.equal(first.status, 303);
  const id = /\/complaints\/(KL-\d{4}-\d+)\?gedaan=register$/.exec(first.headers.get('location') ?? '')?.[1] ?? '';
  assert.ok(id);
  const again = await officer.post('/complaints/registreren', { ...form, bevestigd: 'ja' });
  assert.equal(again.headers.get('location'), `/complaints/${id}?gedaan=register`, 'a double click is one record');
  const record = await ko.deps.store.require(id);
  assert.equal(record.contact.address?.postcode, '2312 AB');
  assert.deepEqual(record.triage?.employees, ['J. Jansen', 'K. de Wit']);
  assert.equal(record.deadline?.deadline, '2027-01-04');
  const events = await ko.deps.store.events(id);
  assert.ok(events.some((e) => e.type === 'reply_queued' && e.data['type'] === 'acknowledgement'));
  const audits = await ko.deps.audit.read({ action: 'register', object: id }, 5);
  assert.deepEqual(audits.map((e) => e.detail).sort(), ['channel:letter,created', 'channel:letter,repeated']);
  const printed = await officer.get(`/complaints/${id}/ontvangstbevestiging`);
  assert.equal(printed.status, 200, 'the acknowledgement can be printed too');
});

test('a letter to a complainant who wrote English: the English letter is sent, the Dutch one shown for checking; the same letter twice is sent once', async () => {
  const officer = await as('officer', 'anna@wijzijnhecht.nl');
  const form = { body: 'We will send you the report by post.\r\n\r\nYou can also collect it at our office.' };
  const preview = await officer.post(`/complaints/${english}/acties/write_letter`, form);
  assert.equal(preview.status, 200);
  const page = await preview.text();
  const blocks = [...page.matchAll(/<div class="message" data-preview="([^"]+)">([^<]*)<\/div>/g)].map((m) => ({ title: m[1] ?? '', text: m[2] ?? '' }));
  assert.deepEqual(blocks.map((b) => b.title), ['De brief die wordt verstuurd (Engels)', 'Nederlandse versie, ter controle (wordt niet verstuurd)']);
  assert.match(blocks[0]?.text ?? '', /^Dear Sir or Madam,/);
  assert.match(blocks[0]?.text ?? '', /by post\.\r?\n\r?\nYou can also collect it/, 'paragraphs as the officer wrote them');
  assert.match(blocks[1]?.text ?? '', /^Beste meneer, mevrouw,/);
  assert.match(page, /jane\.miller@example\.nl/);
  assert.doesNotMatch(page, /did not listen to me/, 'nothing of the complainant\'s message');
  const sent = await officer.post(`/complaints/${english}/acties/write_letter`, { ...form, bevestigd: 'ja' });
  assert.equal(sent.headers.get('location'), `/complaints/${english}?gedaan=write_letter`);
  const repeated = await officer.post(`/complaints/${english}/acties/write_letter`, { ...form, bevestigd: 'ja' });
  assert.equal(repeated.headers.get('location'), `/complaints/${english}?gedaan=letter_repeated`);
  const events = await ko.deps.store.events(english);
  assert.equal(events.filter((e) => e.type === 'letter_written').length, 1);
  assert.equal(events.filter((e) => e.type === 'reply_queued' && e.data['type'] === 'blank_letter').length, 1);
});

test('a manager and an admin are refused letters, hearings, registering and the register; each refusal is audited', async () => {
  const manager = await as('manager', MANAGER);
  const admin = await as('admin', 'cees@wijzijnhecht.nl');
  const before = (await ko.deps.store.events(complaint)).length;
  const refusals: [string, Response][] = [
    ['write_outcome', await manager.post(`/complaints/${complaint}/acties/write_outcome`, { outcome: 'founded', reasons: 'x', ombudsman: 'ja', bevestigd: 'ja' })],
    ['heard', await manager.post(`/complaints/${complaint}/acties/heard`, { date: '2026-11-20', how: 'phone', bevestigd: 'ja' })],
    ['register_form', await manager.get('/complaints/registreren')],
    ['register', await manager.post('/complaints/registreren', { channel: 'phone', receivedDate: '2026-11-20', description: 'x', bevestigd: 'ja' })],
    ['register_report', await manager.get('/klachtenregister')],
    ['export', await admin.get('/klachtenregister.csv?jaar=2026')],
    ['print', await manager.get(`/complaints/${complaint}/ontvangstbevestiging`)],
  ];
  for (const [action, response] of refusals) assert.equal(response.status, 403, action);
  assert.equal((await ko.deps.store.events(complaint)).length, before, 'nothing changed');
  const audited = [...(await ko.deps.audit.read({ actor: MANAGER, result: 'refused' }, 20)), ...(await ko.deps.audit.read({ actor: 'cees@wijzijnhecht.nl', result: 'refused' }, 20))];
  for (const [action] of refusals) assert.ok(audited.some((e) => e.action === action && e.detail === 'forbidden'), `${action} audited`);
  const page = await (await manager.get(`/complaints/${complaint}`)).text();
  assert.doesNotMatch(page, /acties\/(write_|heard|hearing_waived)/, 'the manager is not offered these forms');
  assert.doesNotMatch(page, /Klachtenregister|Klacht registreren/, 'nor the links');
});

test('registering needs the CSRF token; the register refuses a year it cannot count', async () => {
  const officer = await as('officer', 'anna@wijzijnhecht.nl');
  const ids = await ko.deps.store.listIds({ newestFirst: false });
  const forged = await officer.post('/complaints/registreren', { channel: 'phone', receivedDate: '2026-11-20', description: 'x', bevestigd: 'ja' }, null);
  assert.equal(forged.status, 403);
  assert.deepEqual(await ko.deps.store.listIds({ newestFirst: false }), ids);
  for (const year of ['1999', '3000', 'vorig']) {
    const response = await officer.get(`/klachtenregister?jaar=${year}`);
    assert.equal(response.status, 400, year);
    assert.match(await response.text(), /Kies een jaar van 2000 tot en met \d{4}/);
  }
});

test('a letter to a complainant without e-mail: previewed as the letter on paper, confirmed as printed, shown to print; the print audited, a manager refused', async () => {
  const officer = await as('officer', 'anna@wijzijnhecht.nl');
  const form = { channel: 'visit', receivedDate: '2026-11-23', name: 'Kees Bos', street: 'Breestraat', houseNumber: '8', postcode: '2311ch', city: 'Leiden', description: 'Kwam langs over een gesprek op school.', language: 'nl' };
  const registered = await officer.post('/complaints/registreren', { ...form, bevestigd: 'ja' });
  const id = /\/complaints\/(KL-\d{4}-\d+)\?gedaan=register$/.exec(registered.headers.get('location') ?? '')?.[1] ?? '';
  assert.ok(id);
  const complaintPage = await (await officer.get(`/complaints/${id}`)).text();
  assert.match(complaintPage, /brieven worden afgedrukt en per post verstuurd/);
  assert.match(complaintPage, new RegExp(`action="/complaints/${id}/acties/write_invitation"`), 'letters are offered by post');

  const letter = { date: '2026-12-01', time: '10:00', how: 'in_person', place: 'Hecht\r\nVoorbeeldstraat 1\r\nLeiden', attendees: 'de klachtenfunctionaris' };
  const preview = await officer.post(`/complaints/${id}/acties/write_invitation`, letter);
  assert.equal(preview.status, 200);
  const page = await preview.text();
  assert.match(page, /wordt afgedrukt en per post verstuurd naar Kees Bos, Breestraat 8, 2311 CH Leiden/);
  assert.match(page, /<button type="submit">Afdrukken: uitnodiging<\/button>/);
  assert.match(page, /data-preview="De brief die wordt afgedrukt"/);
  assert.match(page, /Stuur dan een brief naar: Hecht, t\.a\.v\. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden\./);
  const shown = /data-preview="De brief die wordt afgedrukt">([^<]*)<\/div>/.exec(page)?.[1] ?? '';
  assert.match(shown, /^Beste meneer, mevrouw,/);
  assert.doesNotMatch(shown, /op deze e-mail|Deze mailbox/);

  const confirmed = await officer.post(`/complaints/${id}/acties/write_invitation`, { ...letter, bevestigd: 'ja' });
  assert.equal(confirmed.status, 303);
  const location = confirmed.headers.get('location') ?? '';
  const key = new RegExp(`^/complaints/${id}/brieven/([0-9a-f]{12})$`).exec(location)?.[1] ?? '';
  assert.ok(key, location);
  const again = await officer.post(`/complaints/${id}/acties/write_invitation`, { ...letter, bevestigd: 'ja' });
  assert.equal(again.headers.get('location'), location, 'the same letter again: the same printed letter');
  const events = await ko.deps.store.events(id);
  assert.deepEqual(events.filter((e) => e.type === 'letter_printed').map((e) => e.data), [{ letter: 'hearing_invitation', key }]);
  assert.ok(!events.some((e) => e.type === 'reply_queued' && e.data['type'] === 'hearing_invitation'), 'nothing queued for the mail server');

  const printView = await officer.get(location);
  assert.equal(printView.status, 200);
  assert.equal(printView.headers.get('cache-control'), 'no-store');
  const printed = await printView.text();
  assert.match(printed, /<address class="recipient">Kees Bos<br>Breestraat 8<br>2311 CH {2}Leiden<\/address>/);
  assert.match(printed, /Waar: Hecht<br>\nVoorbeeldstraat 1<br>\nLeiden<\/li>/, 'the place keeps its lines');
  assert.match(printed, /In de geschiedenis staat: uitnodiging voor het horen afgedrukt om per post te versturen/);
  assert.match(await (await officer.get(`/complaints/${id}`)).text(), new RegExp(`href="/complaints/${id}/brieven/${key}">opnieuw afdrukken`));
  const unknown = await officer.get(`/complaints/${id}/brieven/000000000000`);
  assert.equal(unknown.status, 404);

  const manager = await as('manager', MANAGER);
  assert.equal((await manager.get(location)).status, 403);
  const audits = await ko.deps.audit.read({ object: id }, 50);
  const seen = audits.filter((e) => ['write_invitation', 'print'].includes(e.action)).map((e) => `${e.action}:${e.result}:${e.detail}`).sort();
  assert.deepEqual(seen, ['print:ok:hearing_invitation', 'print:refused:forbidden', 'print:refused:no_printed_letter', 'write_invitation:ok:post', 'write_invitation:ok:post,repeated']);
});
