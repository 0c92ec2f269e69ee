/**
 * Single sign-on against a real OpenID provider (the npm `oidc-provider`, on a free loopback
 * port, with its development login pages): sign in through the browser with the authorization
 * code flow and PKCE, the role from the claim, sign-out ending the console session.
 */
import assert from 'node:assert/strict';
import type { Server } from 'node:http';
import { after, before, test } from 'node:test';
import Provider from 'oidc-provider';
import { getFreePort } from '../helpers/free-port.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { axeViolations, launchBrowser, type TestBrowser } from '../helpers/browser.ts';
import { startTestConsole, type TestConsole } from '../helpers/console.ts';

const ROLES: Record<string, string[]> = { 'iris@wijzijnhecht.nl': ['admin'], 'joost@wijzijnhecht.nl': ['officer', 'medewerker'], 'kim@wijzijnhecht.nl': [] };

let redis: RedisServer;
let ko: TestConsole;
let idp: Server;
let browser: TestBrowser;
let pkceSeen = false;

before(async () => {
  redis = await startRedis();
  const idpPort = await getFreePort();
  const consolePort = await getFreePort();
  const consoleUrl = `http://127.0.0.1:${consolePort}`;
  const issuer = `http://127.0.0.1:${idpPort}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'klachtenopvang',
        client_secret: 'test-only-secret-of-the-console-client',
        redirect_uris: [`${consoleUrl}/aanmelden/sso/terug`],
        post_logout_redirect_uris: [`${consoleUrl}/aanmelden`],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    findAccount: async (_ctx: unknown, sub: string) => ({ accountId: sub, claims: async () => ({ sub, email: sub, roles: ROLES[sub] ?? [] }) }),
    claims: { openid: ['sub'], email: ['email'], profile: ['roles'] },
    conformIdTokenClaims: false,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    cookies: { keys: ['test-only-cookie-key'] },
  });
  // Only to see that the console really sends a PKCE challenge.
  (provider as unknown as { use(mw: (ctx: { path: string; query: Record<string, string> }, next: () => Promise<void>) => Promise<void>): void }).use(async (ctx, next) => {
    if (ctx.path === '/auth' && ctx.query['code_challenge_method'] === 'S256' && ctx.query['code_challenge']) pkceSeen = true;
    await next();
  });
  idp = provider.listen(idpPort, '127.0.0.1');
  ko = await startTestConsole(redis, { CONSOLE_URL: consoleUrl, OIDC_ISSUER: issuer, OIDC_CLIENT_ID: 'klachtenopvang', OIDC_CLIENT_SECRET: 'test-only-secret-of-the-console-client' }, { port: consolePort });
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  await ko?.stop();
  await new Promise<void>((done) => (idp ? idp.close(() => done()) : done()));
  await redis?.stop();
});

async function signInWithProvider(login: string): Promise<void> {
  const page = browser.page;
  await page.goto(`${ko.url}/aanmelden`);
  await page.locator('a', { hasText: 'single sign-on' }).click();
  await page.locator('input[name="login"]').fill(login);
  await page.locator('input[name="password"]').fill('any');
  await page.locator('button[type="submit"]').click();
  // The provider asks for consent once per client and account: wait for whichever comes first.
  const consoleOrigin = new URL(ko.url).origin;
  const consent = page.locator('button[type="submit"]', { hasText: /continue/i });
  const first = await Promise.race([
    page.waitForURL((url) => url.origin === consoleOrigin).then(() => 'console', () => 'none'),
    consent.waitFor({ state: 'visible' }).then(() => 'consent', () => 'none'),
  ]);
  if (first === 'consent') await consent.click();
  await page.waitForURL((url) => url.origin === consoleOrigin);
}

test('sign in through the provider with PKCE; the role comes from the claim; sign-out ends the session', async () => {
  const page = browser.page;
  await page.goto(`${ko.url}/aanmelden`);
  assert.match((await page.context().cookies()).map((c) => c.name).join(','), /ko_sessie/);
  assert.deepEqual(await axeViolations(page), []);
  await signInWithProvider('iris@wijzijnhecht.nl');
  assert.equal(new URL(page.url()).pathname, '/audit', 'an admin by claim lands on the audit log');
  assert.ok(pkceSeen, 'the authorization request carried an S256 code challenge');
  assert.match((await page.locator('.who').textContent()) ?? '', /iris@wijzijnhecht\.nl \(functioneel beheerder\)/);
  const entries = await ko.deps.audit.read({ actor: 'iris@wijzijnhecht.nl', action: 'sign_in' }, 5);
  assert.deepEqual(entries.map((e) => [e.result, e.role, e.detail]), [['ok', 'admin', 'oidc']]);
  const cookie = (await page.context().cookies()).find((c) => c.name === 'ko_sessie')?.value ?? '';

  await page.locator('header button', { hasText: 'Afmelden' }).click();
  await page.waitForURL(/\/afmelden$/);
  assert.equal(await page.locator('a', { hasText: 'organisatie-account' }).count(), 1, 'a link to end the provider session too');
  const after = await fetch(`${ko.url}/audit`, { headers: { cookie: `ko_sessie=${cookie}` }, redirect: 'manual' });
  assert.equal(after.status, 303, 'the console session is gone server-side');
});

test('an officer by claim gets the queue; an account without a role is refused and audited', async () => {
  const page = browser.page;
  await page.context().clearCookies();
  await signInWithProvider('joost@wijzijnhecht.nl');
  assert.equal(new URL(page.url()).pathname, '/complaints');
  await page.locator('header button', { hasText: 'Afmelden' }).click();
  await page.waitForURL(/\/afmelden$/);

  await page.context().clearCookies();
  await signInWithProvider('kim@wijzijnhecht.nl');
  assert.match((await page.locator('[role="alert"]').textContent()) ?? '', /geen rol/);
  const refused = await ko.deps.audit.read({ actor: 'kim@wijzijnhecht.nl' }, 5);
  assert.deepEqual(refused.map((e) => [e.result, e.detail]), [['failed', 'oidc_no_role']]);
});
