/**
 * Issue 12 in the browser: a complaint that came by e-mail is handled entirely in the console.
 * The officer invites the complainant to be heard, records the hearing, writes the outcome
 * letter (seeing exactly what will be sent first), and closes with the outcome; the letter
 * reaches the SMTP server once, threaded, without the complainant's words, and every step
 * shows in the history. And a hearing waived on a ground of Awb 9:10 lid 2. axe on every page;
 * screenshots in test-output/console/.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { addDays, amsterdamDateOf } from '../../src/domain/calendar-date.ts';
import { formatLongDate } from '../../src/domain/format-date.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { waitUntil } from '../helpers/service.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { startTestConsole, type TestConsole } from '../helpers/console.ts';
import { expectAccessible, openForm, signIn, submit } from '../helpers/console-browser.ts';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-output', 'console');
const REASONS = 'Wij hebben met u en met de medewerker gesproken. De afspraak is twee keer verzet zonder bericht; dat had niet mogen gebeuren. Het gesprek zelf is volgens ons zorgvuldig gevoerd.';

let redis: RedisServer;
let smtp: SmtpSink;
let ko: TestConsole;
let browser: TestBrowser;
let officer: { email: string; password: string; secret: string | null };

before(async () => {
  await mkdir(OUT, { recursive: true });
  redis = await startRedis();
  smtp = await startSmtpSink();
  ko = await startTestConsole(redis, {}, { smtp, roles: ['replies'] });
  officer = await ko.addAccount('anna@wijzijnhecht.nl', 'officer');
  browser = await launchBrowser();
  await signIn(browser.page, ko, officer);
});

after(async () => {
  await browser?.close();
  await ko?.stop();
  await smtp?.stop();
  await redis?.stop();
});

const subjectOf = (raw: Buffer) => /^Subject: (.*)$/m.exec(raw.toString('utf8'))?.[1]?.trim() ?? '';
const sentWith = (subject: string) => smtp.messages.filter((m) => subjectOf(m.raw) === subject);
const main = async () => (await browser.page.locator('main').textContent()) ?? '';

async function sent(id: string, type: string): Promise<void> {
  await waitUntil(`${type} sent for ${id}`, async () => (await ko.deps.store.events(id)).some((e) => e.type === 'reply_sent' && e.data['type'] === type));
}

test('from e-mail to a sent outcome letter with a hearing recorded, entirely in the browser', async () => {
  const page = browser.page;
  const id = await ko.complaint(makeEml({ messageId: '<flow@example.nl>' }));
  const today = amsterdamDateOf(new Date());
  await page.goto(`${ko.url}/complaints/${id}`);
  assert.match(await page.locator('[data-hearing="none"]').textContent() ?? '', /Nog niet vastgelegd/);
  for (const summary of await page.locator('details > summary').all()) await summary.press('Enter');
  assert.equal(await page.locator('details:not([open])').count(), 0);
  await expectAccessible(page, 'complaint page with every form open');
  await page.reload();

  // 1. The invitation to be heard (Awb 9:10): preview, then send.
  const meeting = addDays(today, 7);
  const invitation = await openForm(page, 'Uitnodiging voor het horen');
  await invitation.locator('#write_invitation-date').fill(meeting);
  await invitation.locator('#write_invitation-time').fill('14:30');
  await invitation.locator('#write_invitation-how').selectOption('phone');
  await invitation.locator('#write_invitation-place').fill('071-5123456');
  await invitation.locator('#write_invitation-attendees').fill('de klachtenfunctionaris');
  await submit(page, invitation.locator('button'));
  assert.match(await page.locator('[data-preview]').first().textContent() ?? '', new RegExp(`Wanneer: ${formatLongDate(meeting, 'nl')}, 14:30`));
  await expectAccessible(page, 'invitation preview');
  await submit(page, page.locator('button', { hasText: 'Versturen: uitnodiging' }));
  assert.match(await main(), /De uitnodiging staat klaar/);
  await sent(id, 'hearing_invitation');

  // 2. The hearing took place: recorded, and the page shows it.
  const heard = await openForm(page, 'De indiener is gehoord');
  await heard.locator('#heard-date').fill(today);
  await heard.locator('#heard-how').selectOption('phone');
  await heard.locator('#heard-note').fill('Gesprek van een half uur.');
  await submit(page, heard.locator('button'));
  assert.match(await main(), new RegExp(`op ${formatLongDate(today, 'nl')} telefonisch gehoord`));
  await expectAccessible(page, 'hearing preview');
  await submit(page, page.locator('button', { hasText: 'Vastleggen: gehoord' }));
  assert.match(await page.locator('[data-hearing="recorded"]').textContent() ?? '', new RegExp(`Gehoord op ${formatLongDate(today, 'nl')}, telefonisch`));
  assert.equal(await page.locator('[data-hearing="none"]').count(), 0);

  // 3. The outcome letter: exactly what will be sent, to whom, before it is sent.
  const outcome = await openForm(page, 'Afhandelingsbrief');
  await outcome.locator('#write_outcome-outcome').selectOption('partly_founded');
  await outcome.locator('#write_outcome-reasons').fill(REASONS);
  assert.equal(await outcome.locator('#write_outcome-ombudsman-ja').isChecked(), true, 'OMBUDSMAN_ROUTE is the default');
  await submit(page, outcome.locator('button'));
  const preview = (await page.locator('[data-preview]').textContent()) ?? '';
  assert.match(preview, /Uw klacht is voor een deel gegrond/);
  assert.ok(preview.includes(REASONS), 'the reasons word for word');
  assert.match(preview, /Nationale ombudsman/);
  assert.match(await main(), /Besluit over KL-/);
  assert.match(await main(), /m\.devries@example\.nl/);
  assert.doesNotMatch(preview, /niet laten uitpraten/, 'nothing of the complainant\'s message');
  assert.equal(sentWith(`Besluit over ${id}`).length, 0, 'nothing sent before confirming');
  await expectAccessible(page, 'outcome letter preview');
  await page.screenshot({ path: resolve(OUT, 'afhandelingsbrief-voorbeeld.png'), fullPage: true });
  const confirmFields = await page.locator('form:has(button:has-text("Versturen")) input[type="hidden"]').evaluateAll((inputs) => inputs.map((i) => [i.getAttribute('name') ?? '', i.getAttribute('value') ?? ''] as [string, string]));
  await submit(page, page.locator('button', { hasText: 'Versturen: afhandelingsbrief' }));
  assert.match(await main(), /De afhandelingsbrief staat klaar/);
  await sent(id, 'outcome');

  // The same confirmation again (a double click, a second tab): one letter.
  const again = await page.request.post(`${ko.url}/complaints/${id}/acties/write_outcome`, { form: Object.fromEntries(confirmFields), maxRedirects: 0 });
  assert.equal(again.headers()['location'], `/complaints/${id}?gedaan=letter_repeated`);

  // 4. Close with the outcome; the letter is found, the category comes from it.
  await page.goto(`${ko.url}/complaints/${id}`);
  const close = await openForm(page, 'Afsluiten met uitkomst');
  assert.equal(await close.locator('#close-outcome').inputValue(), 'partly_founded');
  await submit(page, close.locator('button'));
  assert.match(await main(), /afhandelingsbrief is verstuurd/);
  await submit(page, page.locator('button', { hasText: 'Bevestigen: afsluiten met uitkomst' }));
  assert.equal((await ko.deps.store.require(id)).status, 'closed');

  const timeline = (await page.locator('ol.timeline').textContent()) ?? '';
  for (const line of ['Uitnodiging voor het horen verstuurd.', 'Gehoord op', 'Afhandelingsbrief geschreven (uitkomst: deels gegrond).', 'Afhandelingsbrief verstuurd.', 'Afgesloten. Uitkomst: deels gegrond. Met afhandelingsbrief.']) {
    assert.ok(timeline.includes(line), `the history shows: ${line}`);
  }
  await expectAccessible(page, 'closed complaint');
  await page.screenshot({ path: resolve(OUT, 'klacht-afgehandeld.png'), fullPage: true });

  // At the SMTP server: the letter once, to the complainant's own address, threaded, personal mail.
  const letters = sentWith(`Besluit over ${id}`);
  assert.equal(letters.length, 1, 'exactly one copy of the outcome letter');
  const raw = letters[0]?.raw.toString('utf8') ?? '';
  assert.deepEqual(letters[0]?.envelope.to, ['m.devries@example.nl']);
  assert.match(raw, /^In-Reply-To: <flow@example\.nl>/m);
  assert.doesNotMatch(raw, /^Auto-Submitted:/m, 'a letter an officer wrote is no automatic reply');
  assert.doesNotMatch(raw, /niet laten uitpraten|Hynsteblom/);
  assert.equal(sentWith(`Uitnodiging voor een gesprek over ${id}`).length, 1);
  const events = await ko.deps.store.events(id);
  assert.equal(events.filter((e) => e.type === 'reply_sent' && e.data['type'] === 'outcome').length, 1);
  const audited = (await ko.deps.audit.read({ object: id, result: 'ok' }, 50)).filter((e) => e.action !== 'view').map((e) => `${e.action}:${e.detail}`);
  assert.deepEqual(audited.sort(), ['close:-', 'heard:-', 'write_invitation:-', 'write_outcome:-', 'write_outcome:repeated']);
});

test('recording that the hearing was waived because the complainant declined', async () => {
  const page = browser.page;
  const id = await ko.complaint(makeEml({ messageId: '<waived@example.nl>', from: 'Els Mulder <els@example.nl>' }));
  await page.goto(`${ko.url}/complaints/${id}`);
  const waived = await openForm(page, 'Afgezien van horen');
  await submit(page, waived.locator('button'));
  assert.equal(new URL(page.url()).pathname, `/complaints/${id}/acties/hearing_waived`);
  assert.match(await page.locator('[role="alert"]').textContent() ?? '', /kies de grond \(Awb 9:10 lid 2\)/);
  await expectAccessible(page, 'hearing form error');
  await page.goto(`${ko.url}/complaints/${id}`);
  const form = await openForm(page, 'Afgezien van horen');
  await form.locator('#hearing_waived-ground-declined').check();
  await form.locator('#hearing_waived-note').fill('Indiener liet telefonisch weten geen gesprek te willen.');
  await submit(page, form.locator('button'));
  assert.match(await main(), /niet gehoord wilde worden \(lid 2 onder b\)/);
  await submit(page, page.locator('button', { hasText: 'Vastleggen: afgezien van horen' }));
  assert.match(await main(), /Vastgelegd dat er is afgezien van horen/);
  assert.match(await page.locator('[data-hearing="recorded"]').textContent() ?? '', /Afgezien van horen, omdat de indiener niet gehoord wilde worden/);
  const events = await ko.deps.store.events(id);
  assert.deepEqual(events.filter((e) => e.type === 'hearing_waived').map((e) => [e.actor, e.data['ground']]), [[officer.email, 'declined']]);
  await expectAccessible(page, 'complaint page with the hearing waived');
});
