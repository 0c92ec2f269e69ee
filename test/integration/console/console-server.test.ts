/**
 * The console's session rules without a browser: idle and absolute timeouts on a manual clock,
 * cookie flags behind TLS, CONSOLE_MFA=off (warning at start, password only), and the CLI's
 * officers and audit commands.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { makeSessionStore, IDLE_MS } from '../../../src/console/sessions.ts';
import { startRedis, type RedisServer } from '../../helpers/redis-server.ts';
import { startTestConsole, PASSWORD } from '../../helpers/console.ts';
import { checkLeaks } from '../../helpers/leak-check.ts';

checkLeaks();

const ROOT = resolve(import.meta.dirname, '..', '..', '..');
let redis: RedisServer;
before(async () => {
  redis = await startRedis();
});
after(async () => redis?.stop());

test('a session ends after 30 idle minutes, and after 10 hours however active', async () => {
  const ko = await startTestConsole(redis);
  try {
    let now = Date.parse('2026-11-20T08:00:00Z');
    const sessions = makeSessionStore(ko.service.rt.redis, ko.service.rt.store.keys, () => now);
    const idle = await sessions.create({ stage: 'active', email: 'anna@wijzijnhecht.nl', role: 'officer', auth: 'local' });
    now += IDLE_MS - 1000;
    assert.ok(await sessions.load(idle.id), 'used within 30 minutes: alive, and the idle clock restarts');
    now += IDLE_MS - 1000;
    assert.ok(await sessions.load(idle.id));
    now += IDLE_MS + 1;
    assert.equal(await sessions.load(idle.id), null, '30 minutes without use: gone');

    const busy = await sessions.create({ stage: 'active', email: 'anna@wijzijnhecht.nl', role: 'officer', auth: 'local' });
    for (let minutes = 20; minutes < 600; minutes += 20) {
      now += 20 * 60_000;
      assert.ok(await sessions.load(busy.id), `alive after ${minutes} minutes of use`);
    }
    now += 20 * 60_000;
    assert.equal(await sessions.load(busy.id), null, 'ten hours after sign-in: gone');
  } finally {
    await ko.stop();
  }
});

test('behind TLS the cookie is Secure and __Host-; CONSOLE_MFA=off warns at start and signs in with the password alone', async () => {
  const ko = await startTestConsole(redis, { CONSOLE_URL: 'https://klachten.example.nl', CONSOLE_MFA: 'off' });
  try {
    assert.ok(ko.service.logLines.some((line) => line.includes('"console_mfa_off"') && line.includes('"level":"warn"')));
    await ko.addAccount('anna@wijzijnhecht.nl', 'officer');
    const page = await fetch(`${ko.url}/aanmelden`);
    const cookie = page.headers.get('set-cookie') ?? '';
    assert.match(cookie, /^__Host-ko_sessie=[^;]+; Path=\/; HttpOnly; Secure; SameSite=Lax$/);
    assert.match(page.headers.get('strict-transport-security') ?? '', /max-age=31536000/);
    const id = cookie.split(';')[0] ?? '';
    const csrf = /name="_csrf" value="([^"]+)"/.exec(await page.text())?.[1] ?? '';
    const signIn = await fetch(`${ko.url}/aanmelden`, {
      method: 'POST',
      headers: { cookie: id, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ _csrf: csrf, email: 'anna@wijzijnhecht.nl', password: PASSWORD }),
      redirect: 'manual',
    });
    assert.equal(signIn.status, 303);
    assert.equal(signIn.headers.get('location'), '/complaints', 'no code asked with CONSOLE_MFA=off');
  } finally {
    await ko.stop();
  }
});

test('officers add prints an otpauth URI, list shows the account, audit export writes CSV', async () => {
  const ko = await startTestConsole(redis);
  try {
    const env = { ...process.env, ...ko.service.env };
    const cli = (...args: string[]) => spawnSync(process.execPath, ['workers/cli.ts', ...args], { cwd: ROOT, env, encoding: 'utf8', input: 'een-lang-genoeg-wachtwoord\n' });
    const added = cli('officers', 'add', 'Fleur@wijzijnhecht.nl', '--role', 'manager', '--password-stdin');
    assert.equal(added.status, 0, added.stderr);
    assert.match(added.stdout, /^otpauth:\/\/totp\/Klachtenopvang:fleur%40wijzijnhecht\.nl\?secret=[A-Z2-7]{32}&/m);
    assert.equal(cli('officers', 'add', 'fleur@wijzijnhecht.nl', '--role', 'officer', '--password-stdin').status, 1, 'an address is added once');
    assert.equal(cli('officers', 'add', 'gijs@wijzijnhecht.nl', '--role', 'boss').status, 2);
    const list = cli('officers', 'list');
    assert.match(list.stdout, /fleur@wijzijnhecht\.nl\s+manager\s+active\s+password\+totp/);
    const account = await ko.deps.accounts.get('fleur@wijzijnhecht.nl');
    assert.ok(account?.passwordHash?.startsWith('scrypt$'));
    const exported = cli('audit', 'export', '--from', '2000-01-01', '--to', '2100-01-01');
    assert.equal(exported.status, 0, exported.stderr);
    assert.match(exported.stdout, /^"tijd","wie","rol","herkomst","handeling","object","resultaat","toelichting"\r\n/);
    assert.match(exported.stdout, /"account_add","fleur@wijzijnhecht\.nl","ok"/);
  } finally {
    await ko.stop();
  }
});

test('one TOTP step is used once, also by two sign-ins at the same moment', async () => {
  const ko = await startTestConsole(redis);
  try {
    const { email } = await ko.addAccount('totp-race@wijzijnhecht.nl', 'officer');
    const step = Math.floor(Date.now() / 30_000);
    const both = await Promise.all([ko.deps.accounts.useTotpStep(email, step), ko.deps.accounts.useTotpStep(email, step)]);
    assert.deepEqual(both.sort(), [false, true]);
    assert.equal(await ko.deps.accounts.useTotpStep(email, step), false, 'and never again later');
  } finally {
    await ko.stop();
  }
});
