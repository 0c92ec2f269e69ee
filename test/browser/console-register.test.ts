/**
 * Issue 12 in the browser: a phone complaint without an e-mail address is registered in the
 * console (the form's error summary first), gets its reference and clock from the date of
 * receipt, and its acknowledgement is printed (the template's letter on paper, print CSS, a PDF
 * in test-output/console/). Its outcome letter is printed for posting and the complaint closed
 * with it. Then the Awb 9:12a register page for the year and its CSV, checked against a hand
 * count. axe on every page.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { amsterdamDateOf } from '../../src/domain/calendar-date.ts';
import { formatLongDate } from '../../src/domain/format-date.ts';
import { deadlineState } from '../../src/domain/plan-clock.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { startTestConsole, type TestConsole } from '../helpers/console.ts';
import { expectAccessible, openForm, signIn, submit } from '../helpers/console-browser.ts';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-output', 'console');
const DESCRIPTION = 'Mevrouw belde over het huisbezoek van vorige week. De medewerker kwam een uur te laat en gaf geen uitleg.';
const REASONS = 'Wij hebben met u en met de medewerker gesproken.\nDe medewerker kwam een uur te laat en belde niet af.\n\nDat had niet mogen gebeuren. Wij hebben dit met de medewerker besproken.';

let redis: RedisServer;
let ko: TestConsole;
let browser: TestBrowser;
let phoneId = '';
const today = amsterdamDateOf(new Date());

before(async () => {
  await mkdir(OUT, { recursive: true });
  redis = await startRedis();
  ko = await startTestConsole(redis);
  const officer = await ko.addAccount('anna@wijzijnhecht.nl', 'officer');
  await ko.complaint(makeEml({ messageId: '<register-mail@example.nl>' }));
  browser = await launchBrowser();
  await signIn(browser.page, ko, officer);
});

after(async () => {
  await browser?.close();
  await ko?.stop();
  await redis?.stop();
});

const main = async () => (await browser.page.locator('main').textContent()) ?? '';

test('a phone complaint without an e-mail address is registered, and its acknowledgement printed', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/complaints`);
  await submit(page, page.locator('nav a', { hasText: 'Klacht registreren' }));
  assert.equal(await page.locator('#reg-receivedDate').inputValue(), today, 'the date of receipt starts as today');
  await expectAccessible(page, 'registration form');

  // Submitted empty: the summary names what is missing and links to each field; nothing registered.
  await submit(page, page.locator('main form button', { hasText: 'Verder' }));
  const summary = page.locator('#fouten');
  assert.match((await summary.textContent()) ?? '', /Kies hoe de klacht binnenkwam.*De omschrijving van de klacht is verplicht/s);
  assert.equal(await page.locator('#reg-description').getAttribute('aria-invalid'), 'true');
  await expectAccessible(page, 'registration form with errors');
  await summary.locator('a[href="#reg-description"]').press('Enter');
  assert.equal(await page.evaluate(() => (globalThis as unknown as { document: { activeElement: { id: string } | null } }).document.activeElement?.id), 'reg-description', 'the summary link leads to the field');

  await page.locator('#reg-channel-phone').check();
  await page.locator('#reg-name').fill('Fatima el Amrani');
  await page.locator('#reg-phone').fill('06-98765432');
  await page.locator('#reg-street').fill('Hooigracht');
  await page.locator('#reg-houseNumber').fill('15a');
  await page.locator('#reg-postcode').fill('2312kl');
  await page.locator('#reg-city').fill('Leiden');
  await page.locator('#reg-description').fill(DESCRIPTION);
  await page.locator('#reg-employees').fill('S. Bakker');
  await submit(page, page.locator('main form button', { hasText: 'Verder' }));
  const deadline = deadlineState(ko.service.config, today, 'standard', 0).deadline;
  const preview = await main();
  assert.match(preview, /per telefoon binnenkwam op/);
  assert.ok(preview.includes(`uiterste datum ${formatLongDate(deadline, 'nl')}`), 'the clock from the date of receipt');
  assert.match(preview, /Er is geen e-mailadres\. Na het registreren kunt u de ontvangstbevestiging afdrukken/);
  await expectAccessible(page, 'registration confirmation');
  await submit(page, page.locator('button', { hasText: 'Bevestigen: klacht registreren' }));

  phoneId = /\/complaints\/(KL-\d{4}-\d+)$/.exec(new URL(page.url()).pathname)?.[1] ?? '';
  assert.ok(phoneId, page.url());
  const record = await ko.deps.store.require(phoneId);
  assert.equal(record.status, 'open');
  assert.equal(record.deadline?.deadline, deadline);
  assert.equal(record.contact.phone, '0698765432');
  assert.equal(record.contact.email, null);
  const events = await ko.deps.store.events(phoneId);
  assert.ok(!events.some((e) => e.type === 'reply_queued'), 'no e-mail address: nothing queued');
  const shown = await main();
  assert.match(shown, /De klacht is geregistreerd/);
  assert.ok(shown.includes(DESCRIPTION), 'the description as taken down');
  assert.match(shown, /Geregistreerd door een medewerker: klacht per telefoon/);
  assert.match(shown, /geen e-mailadres van de indiener bekend: brieven worden afgedrukt en per post verstuurd/);
  assert.equal(await page.locator('summary', { hasText: 'Afhandelingsbrief' }).count(), 1, 'letters are offered, to print and post');
  await expectAccessible(page, 'registered phone complaint');

  // The printable acknowledgement: the acknowledgement's own template as the letter on paper,
  // with the address for a window envelope.
  await submit(page, page.locator('a', { hasText: 'Ontvangstbevestiging afdrukken' }));
  const letter = page.locator('article.letter');
  const text = ((await letter.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(text, /Uw klacht is ontvangen/);
  assert.ok(text.includes(`Wij hebben uw klacht ontvangen op ${formatLongDate(today, 'nl')}.`));
  assert.ok(text.includes(`Uw klacht heeft het nummer ${phoneId}.`));
  assert.ok(text.includes(`Wij reageren uiterlijk op ${formatLongDate(deadline, 'nl')}.`));
  assert.match(text, /Klachtencommissie Veilig Thuis/);
  assert.match(text, /vertrouwenspersoon van Jeugdstem/);
  assert.ok(text.includes('Contact met ons Wilt u ons iets laten weten? Of heeft u een vraag? Stuur dan een brief naar: Hecht, t.a.v. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden.'), 'how to write to us on paper');
  assert.ok(text.includes(`Noem altijd het nummer ${phoneId}.`));
  assert.match(text, /Bent u in direct gevaar\? Bel dan 112\./);
  assert.doesNotMatch(text, /op deze e-mail|automatisch bericht|Deze mailbox/, 'nothing that only an e-mail can say');
  assert.match((await letter.locator('address').textContent()) ?? '', /Fatima el Amrani.*Hooigracht 15a.*2312 KL {2}Leiden/s);
  assert.ok(!text.includes(DESCRIPTION), 'the complaint itself is never in the letter');
  await expectAccessible(page, 'print view');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('header.site').isVisible(), false, 'on paper only the letter');
  assert.equal(await page.locator('.no-print').isVisible(), false);
  assert.equal(await page.locator('main > h1').isVisible(), false);
  assert.equal(await letter.isVisible(), true);
  await page.pdf({ path: resolve(OUT, 'ontvangstbevestiging.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: resolve(OUT, 'ontvangstbevestiging.png'), fullPage: true });
  const printed = await ko.deps.audit.read({ action: 'print', object: phoneId }, 5);
  assert.deepEqual(printed.map((e) => [e.result, e.detail]), [['ok', 'acknowledgement']]);
});

test('the phone complaint gets its outcome letter printed for posting, with the reasons\' paragraphs, and is closed with it', async () => {
  const page = browser.page;
  assert.ok(phoneId, 'runs after the registration test');
  await page.goto(`${ko.url}/complaints/${phoneId}`);
  const outcome = await openForm(page, 'Afhandelingsbrief');
  await outcome.locator('#write_outcome-outcome').selectOption('founded');
  await outcome.locator('#write_outcome-reasons').fill(REASONS);
  await submit(page, outcome.locator('button'));
  const preview = await main();
  assert.match(preview, /wordt afgedrukt en per post verstuurd naar Fatima el Amrani, Hooigracht 15a, 2312 KL Leiden/);
  const text = (await page.locator('[data-preview]').textContent()) ?? '';
  assert.ok(text.includes(REASONS), 'the reasons word for word');
  assert.match(text, /Uw klacht is gegrond/);
  assert.doesNotMatch(text, /op deze e-mail|Deze mailbox/);
  await expectAccessible(page, 'outcome letter by post, preview');
  await submit(page, page.locator('button', { hasText: 'Afdrukken: afhandelingsbrief' }));

  // The print view of the letter: the address block, the reasons in their paragraphs, only the letter on paper.
  assert.match(new URL(page.url()).pathname, new RegExp(`^/complaints/${phoneId}/brieven/[0-9a-f]{12}$`));
  const letter = page.locator('article.letter');
  assert.match((await letter.locator('address').textContent()) ?? '', /Fatima el Amrani.*Hooigracht 15a.*2312 KL {2}Leiden/s);
  assert.deepEqual(await letter.locator('h2:has-text("Waarom?") + p, h2:has-text("Waarom?") + p + p').allTextContents(), [
    'Wij hebben met u en met de medewerker gesproken.\nDe medewerker kwam een uur te laat en belde niet af.',
    'Dat had niet mogen gebeuren. Wij hebben dit met de medewerker besproken.',
  ]);
  assert.equal(await letter.locator('h2:has-text("Waarom?") + p br').count(), 1, 'the line break the officer typed');
  const body = ((await letter.textContent()) ?? '').replace(/\s+/g, ' ');
  assert.match(body, /Uitkomst van uw klacht/);
  assert.match(body, /Nationale ombudsman/);
  assert.match(body, /Stuur dan een brief naar: Hecht, t\.a\.v\. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden\./);
  assert.doesNotMatch(body, /op deze e-mail|Deze mailbox/);
  assert.ok(!body.includes(DESCRIPTION), 'the complaint itself is never in the letter');
  await expectAccessible(page, 'outcome letter print view');
  await page.emulateMedia({ media: 'print' });
  assert.equal(await page.locator('.no-print').isVisible(), false);
  assert.equal(await letter.isVisible(), true);
  await page.pdf({ path: resolve(OUT, 'afhandelingsbrief-per-post.pdf'), format: 'A4' });
  await page.emulateMedia({ media: 'screen' });
  await page.screenshot({ path: resolve(OUT, 'afhandelingsbrief-per-post.png'), fullPage: true });

  // The complaint page shows it was printed, and closing finds the printed outcome letter.
  await submit(page, page.locator('a', { hasText: `Terug naar ${phoneId}` }));
  assert.match((await page.locator('[data-printed-letters]').textContent()) ?? '', /afhandelingsbrief, .*opnieuw afdrukken/);
  const close = await openForm(page, 'Afsluiten met uitkomst');
  assert.equal(await close.locator('#close-outcome').inputValue(), 'founded', 'the outcome of the printed letter');
  assert.match((await close.locator('#close-noLetterReason-hint').textContent()) ?? '', /afgedrukt om per post te versturen/);
  await submit(page, close.locator('button'));
  assert.match(await main(), /De afhandelingsbrief is afgedrukt om per post te versturen; het afsluiten verwijst ernaar/);
  await submit(page, page.locator('button', { hasText: 'Bevestigen: afsluiten met uitkomst' }));
  assert.equal((await ko.deps.store.require(phoneId)).status, 'closed');
  const timeline = (await page.locator('ol.timeline').textContent()) ?? '';
  for (const line of ['Afhandelingsbrief geschreven (uitkomst: gegrond).', 'Afhandelingsbrief afgedrukt om per post te versturen.', 'Afgesloten. Uitkomst: gegrond. Met afhandelingsbrief, per post.']) {
    assert.ok(timeline.includes(line), `the history shows: ${line}`);
  }
  await expectAccessible(page, 'closed phone complaint');
  await page.screenshot({ path: resolve(OUT, 'klacht-per-post-afgehandeld.png'), fullPage: true });

  const events = await ko.deps.store.events(phoneId);
  assert.ok(!events.some((e) => e.type === 'reply_queued'), 'nothing went to the mail server');
  const audited = (await ko.deps.audit.read({ object: phoneId, result: 'ok' }, 50)).filter((e) => ['write_outcome', 'print', 'close'].includes(e.action)).map((e) => `${e.action}:${e.detail}`);
  assert.deepEqual(audited.sort(), ['close:-', 'print:acknowledgement', 'print:outcome', 'write_outcome:post']);
});

test('the register page for the year: tables, a chart readable without colour, and the CSV', async () => {
  const page = browser.page;
  assert.ok(phoneId, 'runs after the registration and closing tests');
  await page.goto(`${ko.url}/complaints`);
  await submit(page, page.locator('nav a', { hasText: 'Klachtenregister' }));
  const year = today.slice(0, 4);
  assert.equal(await page.title(), `Klachtenregister ${year} – Klachtenopvang`);
  // Hand count: one complaint by e-mail (acknowledged, running) and one by phone (closed with its
  // printed outcome letter), both this year.
  const figure = async (code: string) => (await page.locator(`tr[data-figure="${code}"] td`).textContent())?.trim();
  assert.equal(await figure('complaints_received'), '2');
  assert.equal(await figure('complaints_received_by_email'), '1');
  assert.equal(await figure('complaints_received_by_phone'), '1');
  assert.equal(await figure('closed'), '1');
  assert.equal(await figure('received_complaint'), '2');
  const chart = page.locator('svg[role="img"]').first();
  const labelledBy = (await chart.getAttribute('aria-labelledby')) ?? '';
  assert.deepEqual(labelledBy.split(' '), ['kerncijfers-title', 'kerncijfers-desc']);
  assert.equal(await page.locator('#kerncijfers-title').textContent(), `Klachten in ${year}`);
  assert.match((await page.locator('#kerncijfers-desc').textContent()) ?? '', /Ontvangen: 2; Afgesloten: 1;/);
  const texts = await chart.locator('text').allTextContents();
  assert.ok(texts.includes('Ontvangen') && texts.includes('2'), 'labels and values are text beside the bars');
  await expectAccessible(page, 'register page');
  await page.screenshot({ path: resolve(OUT, 'klachtenregister.png'), fullPage: true });

  const href = (await page.locator('a', { hasText: 'als CSV' }).getAttribute('href')) ?? '';
  assert.equal(href, `/klachtenregister.csv?jaar=${year}`);
  const csv = await page.request.get(`${ko.url}${href}`);
  assert.equal(csv.status(), 200);
  assert.match(csv.headers()['content-disposition'] ?? '', new RegExp(`^attachment; filename="klachtenregister-${year}\\.csv"$`));
  assert.match(csv.headers()['content-type'] ?? '', /^text\/csv/);
  const lines = (await csv.text()).split('\r\n');
  assert.equal(lines[0], 'figure,value');
  for (const line of [`year,${year}`, 'complaints_received,2', 'complaints_received_by_phone,1', 'complaints_received_by_email,1', 'closed,1']) assert.ok(lines.includes(line), line);
  const audits = [...(await ko.deps.audit.read({ action: 'register_report' }, 5)), ...(await ko.deps.audit.read({ action: 'export' }, 5))];
  assert.deepEqual(audits.map((e) => e.detail).sort(), [`register:${year}`, `year:${year}`]);

  await page.locator('#jaar').selectOption(String(Number(year) - 1));
  await submit(page, page.locator('main form button', { hasText: 'Tonen' }));
  assert.equal(await page.title(), `Klachtenregister ${Number(year) - 1} – Klachtenopvang`);
  assert.equal(await figure('complaints_received'), '0');
});
