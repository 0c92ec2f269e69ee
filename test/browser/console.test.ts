/**
 * The officer console in a real browser (Debian's chromium through playwright-core): sign in
 * with password and TOTP, the queue, search, a complaint, an extension with its notice preview,
 * sign-out; axe-core (WCAG 2.1 A/AA) on every page; and the security cases of issue 11.
 * Screenshots go to test-output/console/.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import type { Page } from 'playwright-core';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { axeViolations, launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { startTestConsole, type TestConsole } from '../helpers/console.ts';

const OUT = resolve(import.meta.dirname, '..', '..', 'test-output', 'console');
const ROOT = resolve(import.meta.dirname, '..', '..');
const EVIL_BODY = [
  'Geachte heer, mevrouw,',
  '',
  'Ik klaag over de behandeling. <script>window.__pwned = 1; alert(1)</script>',
  '<img src=x onerror="window.__pwned = 2">',
  '<a href="javascript:window.__pwned = 3">klik hier</a>',
  '<style>body { display: none }</style>',
  'Bidi: abc\u202Eevil\u202C def',
  '',
  'Met vriendelijke groet,',
  'Kees Pietersen',
  'Lindelaan 12',
  '2312 AB Leiden',
].join('\r\n');

let redis: RedisServer;
let ko: TestConsole;
let browser: TestBrowser;
const ids: Record<'plain' | 'evil' | 'other', string> = { plain: '', evil: '', other: '' };
let officer: { email: string; password: string; secret: string | null };
let manager: { email: string; password: string; secret: string | null };
let admin: { email: string; password: string; secret: string | null };

before(async () => {
  await mkdir(OUT, { recursive: true });
  redis = await startRedis();
  ko = await startTestConsole(redis);
  officer = await ko.addAccount('anna@wijzijnhecht.nl', 'officer');
  manager = await ko.addAccount('bert@wijzijnhecht.nl', 'manager');
  admin = await ko.addAccount('cees@wijzijnhecht.nl', 'admin');
  ids.plain = await ko.complaint(makeEml({ messageId: '<plain@example.nl>', attachmentBytes: 5000 }), 'plain.eml');
  ids.evil = await ko.complaint(makeEml({ messageId: '<evil@example.nl>', from: 'Kees Pietersen <kees@example.nl>', subject: 'Klacht <b>vet</b>', body: EVIL_BODY }));
  ids.other = await ko.complaint(makeEml({ messageId: '<other@example.nl>', from: 'Els Mulder <els@example.nl>' }));
  await ko.deps.store.update(ids.other, (record) => ({ record: { ...record, assignedTo: manager.email }, events: [] }));
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await ko?.stop();
  await redis?.stop();
});

async function expectAccessible(page: Page, what: string): Promise<void> {
  const violations = await axeViolations(page);
  assert.deepEqual(violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join('; ')})`), [], `axe on ${what}`);
}

async function sessionCookie(page: Page): Promise<{ value: string; httpOnly: boolean; sameSite: string; secure: boolean } | undefined> {
  return (await page.context().cookies()).find((c) => c.name === 'ko_sessie');
}

/** A request outside the browser with a given session cookie: what the server thinks of it. */
async function statusWithCookie(path: string, cookie: string): Promise<{ status: number; location: string | null }> {
  const response = await fetch(`${ko.url}${path}`, { headers: { cookie: `ko_sessie=${cookie}` }, redirect: 'manual' });
  return { status: response.status, location: response.headers.get('location') };
}

/** Signs in by keyboard: type, Enter; returns the cookie values before and after. */
async function signIn(page: Page, who: { email: string; password: string; secret: string | null }, stepsAhead = 0): Promise<{ before: string; after: string }> {
  await page.goto(`${ko.url}/aanmelden`);
  const before = (await sessionCookie(page))?.value ?? '';
  await page.locator('#email').fill(who.email);
  await page.locator('#password').fill(who.password);
  await page.locator('#password').press('Enter');
  await page.waitForURL(/\/aanmelden\/code$/);
  await page.locator('#code').fill(ko.code(who.secret ?? '', stepsAhead));
  await page.locator('#code').press('Enter');
  await page.waitForURL((url) => !url.pathname.startsWith('/aanmelden'));
  return { before, after: (await sessionCookie(page))?.value ?? '' };
}

/** Types a term in the search field and presses Enter: the form posts, the page shows the result. */
async function search(page: Page, term: string): Promise<void> {
  await page.locator('#q').fill(term);
  await Promise.all([page.waitForResponse((r) => r.request().method() === 'POST' && new URL(r.url()).pathname === '/complaints'), page.locator('#q').press('Enter')]);
  await page.waitForLoadState();
}

test('an officer signs in with password and TOTP code; the session id changes; cookie flags', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/aanmelden`);
  await expectAccessible(page, 'sign-in page');
  await page.locator('#email').fill(officer.email);
  await page.locator('#password').fill(officer.password);
  await page.locator('#password').press('Enter');
  await page.waitForURL(/\/aanmelden\/code$/);
  await expectAccessible(page, 'code page');
  const { before, after: signedIn } = await signIn(page, officer);
  assert.notEqual(before, '');
  assert.notEqual(signedIn, before, 'a new session id at sign-in');
  assert.equal(new URL(page.url()).pathname, '/complaints');
  const cookie = await sessionCookie(page);
  assert.equal(cookie?.httpOnly, true);
  assert.equal(cookie?.sameSite, 'Lax');
  assert.equal(cookie?.secure, false, 'plain http on loopback; Secure with an https CONSOLE_URL (see console-server.test.ts)');
  assert.equal((await statusWithCookie('/complaints', before)).location, '/aanmelden?verlopen=1', 'the pre-sign-in id is dead server-side');
  const entries = await ko.deps.audit.read({ action: 'sign_in', actor: officer.email }, 10);
  assert.ok(entries.some((e) => e.result === 'ok' && e.origin === '127.0.0.1' && e.role === 'officer'));
});

test('the queue lists the work, grouped, with deadlines in words; search by postcode and reference', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/complaints`);
  assert.equal(await page.title(), 'Werkvoorraad – Klachtenopvang');
  for (const id of Object.values(ids)) assert.equal(await page.locator(`a[href="/complaints/${id}"]`).count(), 1, id);
  assert.match((await page.locator('caption').first().textContent()) ?? '', /\(\d+\)/);
  assert.match((await page.locator('.badge').first().textContent()) ?? '', /nog \d+ dagen/);
  const response = await page.request.get(`${ko.url}/complaints`);
  assert.equal(response.headers()['cache-control'], 'no-store');
  assert.match(response.headers()['content-security-policy'] ?? '', /script-src 'none'/);
  await expectAccessible(page, 'queue');
  await page.screenshot({ path: resolve(OUT, 'werkvoorraad.png'), fullPage: true });

  await search(page, '2311cs');
  assert.deepEqual((await page.locator('tbody th a').allTextContents()).sort(), [ids.plain, ids.other].sort());
  await expectAccessible(page, 'search result');
  await search(page, 'kees@example.nl');
  assert.equal(new URL(page.url()).search, '', 'the search term is not in the URL (history, proxy logs)');
  assert.deepEqual(await page.locator('tbody th a').allTextContents(), [ids.evil]);
  await search(page, ids.plain);
  assert.deepEqual(await page.locator('tbody th a').allTextContents(), [ids.plain]);
  const searches = await ko.deps.audit.read({ action: 'search' }, 10);
  assert.ok(searches.length >= 2);
  assert.ok(searches.every((e) => !/2311|kees|kl-/i.test(`${e.detail}${e.object}`)), 'search terms are never in the audit log');
  assert.ok(searches.some((e) => e.detail.startsWith('term:postcode')));
});

test('an attachment downloads as a file, never shown inline, and the download is audited', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/complaints/${ids.plain}`);
  const record = await ko.deps.store.require(ids.plain);
  const listed = record.message?.attachments[0];
  assert.ok(listed, 'the fixture has an attachment');
  const href = (await page.locator(`a[href$="/bijlagen/${listed.sha256}"]`).getAttribute('href')) ?? '';
  const response = await page.request.get(`${ko.url}${href}`);
  assert.equal(response.status(), 200);
  assert.match(response.headers()['content-disposition'] ?? '', /^attachment; filename=/);
  assert.equal(response.headers()['content-type'], 'application/octet-stream');
  assert.equal(createHash('sha256').update(await response.body()).digest('hex'), listed.sha256);
  const downloads = await ko.deps.audit.read({ action: 'download', object: ids.plain }, 5);
  assert.deepEqual(downloads.map((e) => e.result), ['ok']);
});

test('a complaint whose mail holds script, onerror, javascript: links, CSS and bidi controls is shown inert', async () => {
  const page = browser.page;
  const dialogs: string[] = [];
  page.on('dialog', (dialog) => {
    dialogs.push(dialog.message());
    void dialog.dismiss();
  });
  await page.goto(`${ko.url}/complaints/${ids.evil}`);
  const message = page.locator('.message').first();
  assert.match((await message.textContent()) ?? '', /<script>window.__pwned = 1; alert\(1\)<\/script>/, 'the markup is shown as text');
  assert.equal(await page.locator('main script, main img, main style, main iframe').count(), 0);
  assert.equal(await page.locator('a[href^="javascript:"]').count(), 0);
  assert.equal(await page.evaluate(() => (globalThis as unknown as { __pwned?: number }).__pwned ?? 0), 0);
  assert.match((await message.textContent()) ?? '', /\[U\+202E\]/, 'bidi control shown as a code');
  assert.ok(await page.locator('body').isVisible(), 'the CSS in the mail did nothing');
  assert.deepEqual(dialogs, []);
  await expectAccessible(page, 'complaint page (hostile mail)');
});

test('extend a complaint: the notice preview, then the new deadline and the event', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/complaints/${ids.plain}`);
  await expectAccessible(page, 'complaint page');
  const before = await ko.deps.store.require(ids.plain);
  const reason = 'Wij willen eerst met de betrokken medewerker spreken.';
  await page.locator('summary', { hasText: 'Termijn verlengen' }).press('Enter');
  await page.locator('#extend-weeks').selectOption('2');
  await page.locator('#extend-reason').fill(reason);
  await page.locator('form[action$="/acties/extend"] button').press('Enter');
  await page.waitForURL(/\/acties\/extend$/);
  const previews = page.locator('[data-preview]');
  assert.equal(await previews.count(), 2, 'the complainant notice and the officers mail');
  const notice = (await previews.first().textContent()) ?? '';
  assert.ok(notice.includes(reason), 'the reason goes to the complainant, as the preview shows');
  assert.ok(notice.includes(ids.plain));
  assert.match(await page.locator('main').textContent() ?? '', /de reden die u schreef gaat letterlijk naar de indiener/);
  assert.equal((await ko.deps.store.require(ids.plain)).deadline?.deadline, before.deadline?.deadline, 'nothing changed before confirming');
  await expectAccessible(page, 'confirmation page');
  await page.locator('button', { hasText: 'Bevestigen' }).press('Enter');
  await page.waitForURL(new RegExp(`/complaints/${ids.plain}\\?gedaan=extend$`));
  const after = await ko.deps.store.require(ids.plain);
  assert.equal(after.deadline?.extensionWeeks, 2);
  assert.notEqual(after.deadline?.deadline, before.deadline?.deadline);
  const main = (await page.locator('main').textContent()) ?? '';
  assert.match(main, /De termijn is verlengd/);
  assert.match(main, /Termijn verlengd met 2 weken/);
  assert.match(main, /verlengd met 2 weken \(Awb 9:11 lid 2\)/);
  const events = await ko.deps.store.events(ids.plain);
  assert.ok(events.some((e) => e.type === 'extended' && e.actor === officer.email && e.data['reason'] === reason));
  const jobs = (await ko.service.rt.queues.replies.getJobs(['waiting', 'delayed', 'active', 'completed'])).map((job) => job.id);
  assert.ok(jobs.includes(`reply-${ids.plain}-extension_notice`), 'the notice is queued by the same action the CLI uses');
  await expectAccessible(page, 'complaint page after extension');
  await page.screenshot({ path: resolve(OUT, 'klacht.png'), fullPage: true });
});

test('a refused action shows the action\'s own message (as the CLI gives it) and changes nothing', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/complaints/${ids.plain}`);
  assert.equal(await page.locator('summary', { hasText: 'Termijn verlengen' }).count(), 0, 'an extended complaint offers no second extension');
  // A confirmation sent anyway (a second tab, a stale page) reaches the action, which refuses.
  const csrf = (await page.locator('input[name="_csrf"]').first().getAttribute('value')) ?? '';
  const before = await ko.deps.store.events(ids.plain);
  const response = await page.request.post(`${ko.url}/complaints/${ids.plain}/acties/extend`, { form: { _csrf: csrf, weeks: '1', reason: 'Nog eens.', bevestigd: 'ja' }, maxRedirects: 0 });
  assert.equal(response.status(), 409);
  assert.match(await response.text(), /already extended/);
  assert.equal((await ko.deps.store.events(ids.plain)).length, before.length, 'nothing changed');
  const refusals = await ko.deps.audit.read({ action: 'extend', result: 'refused' }, 5);
  assert.equal(refusals[0]?.detail, 'already_extended');
});

test('a POST without or with a wrong CSRF token is refused and changes nothing', async () => {
  const page = browser.page;
  const before = (await ko.deps.store.events(ids.plain)).length;
  for (const token of [undefined, 'wrong-token-wrong-token-wrong-token-wrong-t']) {
    const response = await page.request.post(`${ko.url}/complaints/${ids.plain}/acties/note`, {
      form: { note: 'Zou niet mogen', bevestigd: 'ja', ...(token ? { _csrf: token } : {}) },
      maxRedirects: 0,
    });
    assert.equal(response.status(), 403);
  }
  assert.equal((await ko.deps.store.events(ids.plain)).length, before);
  const refusals = await ko.deps.audit.read({ action: 'csrf_check', result: 'refused' }, 10);
  assert.equal(refusals.length, 2);
});

test('sign-out ends the session server-side', async () => {
  const page = browser.page;
  const cookie = (await sessionCookie(page))?.value ?? '';
  assert.equal((await statusWithCookie('/complaints', cookie)).status, 200);
  await page.locator('header button', { hasText: 'Afmelden' }).press('Enter');
  await page.waitForURL(/\/afmelden$/);
  assert.match((await page.locator('main').textContent()) ?? '', /U bent afgemeld/);
  await expectAccessible(page, 'signed-out page');
  assert.equal((await statusWithCookie('/complaints', cookie)).status, 303, 'the old cookie opens nothing');
  assert.ok((await ko.deps.audit.read({ action: 'sign_out', actor: officer.email }, 5)).length === 1);
});

test('a manager sees only complaints assigned to them; another gets a 403 page and an audit entry', async () => {
  const page = browser.page;
  await signIn(page, manager);
  assert.deepEqual(await page.locator('tbody th a').allTextContents(), [ids.other]);
  await page.goto(`${ko.url}/complaints/${ids.other}`);
  assert.equal(await page.locator('summary', { hasText: 'Termijn verlengen' }).count(), 0, 'a manager reads and adds notes only');
  assert.equal(await page.locator('summary', { hasText: 'Interne notitie' }).count(), 1);
  const response = await page.goto(`${ko.url}/complaints/${ids.plain}`);
  assert.equal(response?.status(), 403);
  assert.match((await page.locator('h1').textContent()) ?? '', /Geen toegang/);
  await expectAccessible(page, '403 page');
  assert.equal((await page.request.get(`${ko.url}/queues`)).status(), 403, 'queue health is for admins');
  const refused = (await ko.deps.audit.read({ actor: manager.email, result: 'refused' }, 5)).filter((e) => e.action === 'view');
  assert.deepEqual(refused.map((e) => [e.action, e.object, e.role]), [['view', ids.plain, 'manager']]);
  await page.locator('header button', { hasText: 'Afmelden' }).press('Enter');
  await page.waitForURL(/\/afmelden$/);
});

test('an admin reads the audit log and exports it, and may not read complaints', async () => {
  const page = browser.page;
  await signIn(page, admin);
  assert.equal(new URL(page.url()).pathname, '/audit');
  assert.ok((await page.locator('tbody tr').count()) > 5);
  await expectAccessible(page, 'audit log');
  const csv = await page.request.get(`${ko.url}/audit.csv`);
  assert.match(csv.headers()['content-disposition'] ?? '', /attachment/);
  assert.match(await csv.text(), /^"tijd","wie","rol"/);
  await page.goto(`${ko.url}/beheer/accounts`);
  await expectAccessible(page, 'accounts');
  const board = await page.goto(`${ko.url}/queues`);
  assert.equal(board?.status(), 200);
  await page.getByText('replies', { exact: false }).first().waitFor();
  const api = await page.request.get(`${ko.url}/queues/api/queues`);
  assert.equal(api.status(), 200);
  const queues = (await api.json()) as { queues: { name: string; readOnlyMode: boolean }[] };
  assert.deepEqual(queues.queues.map((q) => [q.name, q.readOnlyMode]).sort(), [['officer', true], ['replies', true]]);
  const refused = await page.goto(`${ko.url}/complaints/${ids.plain}`);
  assert.equal(refused?.status(), 403);
  await page.locator('header button', { hasText: 'Afmelden' }).press('Enter');
  await page.waitForURL(/\/afmelden$/);
});

test('disabling an account (CLI) ends its sessions at once', async () => {
  const page = browser.page;
  const colleague = await ko.addAccount('dirk@wijzijnhecht.nl', 'officer');
  await signIn(page, colleague);
  assert.equal((await page.goto(`${ko.url}/complaints`))?.status(), 200);
  const cli = spawnSync(process.execPath, ['workers/cli.ts', 'officers', 'disable', colleague.email], { cwd: ROOT, env: { ...process.env, ...ko.service.env }, encoding: 'utf8' });
  assert.equal(cli.status, 0, cli.stderr);
  assert.match(cli.stdout, /1 session\(s\) ended/);
  await page.goto(`${ko.url}/complaints`);
  assert.equal(new URL(page.url()).pathname, '/aanmelden');
  assert.match((await page.locator('[role="alert"]').textContent()) ?? '', /verlopen of beëindigd/);
});

test('repeated failed sign-ins lock the account; then even the right password is refused', async () => {
  const page = browser.page;
  const target = await ko.addAccount('eva@wijzijnhecht.nl', 'officer');
  await page.goto(`${ko.url}/aanmelden`);
  for (let i = 0; i < 10; i += 1) {
    await page.locator('#email').fill(target.email);
    await page.locator('#password').fill(`wrong-${i}`);
    await page.locator('#password').press('Enter');
    await page.waitForLoadState();
  }
  await page.locator('#email').fill(target.email);
  await page.locator('#password').fill(target.password);
  await page.locator('#password').press('Enter');
  await page.waitForLoadState();
  assert.match((await page.locator('[role="alert"]').textContent()) ?? '', /geblokkeerd/);
  assert.equal(new URL(page.url()).pathname, '/aanmelden');
  const entries = await ko.deps.audit.read({ actor: target.email, action: 'sign_in' }, 20);
  assert.ok(entries.some((e) => e.result === 'refused' && e.detail === 'locked'));
  assert.ok(entries.some((e) => e.result === 'failed' && e.detail === 'bad_credentials'));
});

test('no complaint data reaches the service log', () => {
  const log = ko.service.logLines.join('\n');
  for (const secret of ['Marieke', 'm.devries@example.nl', 'Hynsteblom', 'Kees', 'kees@example.nl', 'Lindelaan', '2312 AB', 'eerst met de betrokken medewerker']) {
    assert.ok(!log.includes(secret), `the log contains ${secret}`);
  }
});
