import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, before, describe, test } from 'node:test';
import { startHttpRole } from '../../workers/roles.ts';
import { startDovecot, type DovecotServer } from '../helpers/dovecot-server.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { appendMessage, listMessages } from '../helpers/imap-client.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, waitUntil, type TestService } from '../helpers/service.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { startTokenEndpoint, type TokenEndpoint } from '../helpers/token-endpoint.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

/**
 * OAuth2 sign-in against real servers: a Dovecot that offers XOAUTH2 only and validates the
 * tokens itself, an smtp-server that takes XOAUTH2, and a token endpoint on loopback (the
 * generic provider). Every wait is on an event (a log line, a request, a message), not a sleep.
 */
const ISSUER = 'https://login.test/klachten';
const key = randomBytes(32);
let redis: RedisServer;
let dovecot: DovecotServer;
let endpoint: TokenEndpoint;
let smtp: SmtpSink;
/** Tokens the SMTP server no longer accepts, as after an early expiry or a revocation. */
const revoked = new Set<string>();

before(async () => {
  redis = await startRedis();
  dovecot = await startDovecot({ oauth2: { issuer: ISSUER, key } });
  endpoint = await startTokenEndpoint({ issuer: ISSUER, key, subject: dovecot.user });
  smtp = await startSmtpSink({ acceptToken: (user, token) => user === dovecot.user && endpoint.issued.includes(token) && !revoked.has(token) });
});
after(async () => {
  await Promise.allSettled([smtp?.stop(), endpoint?.stop(), dovecot?.stop(), redis?.stop()]);
});

function oauth2Env(extra: Record<string, string> = {}): Record<string, string> {
  return {
    IMAP_AUTH: 'oauth2',
    SMTP_AUTH: 'oauth2',
    SMTP_USER: dovecot.user,
    OAUTH2_PROVIDER: 'generic',
    OAUTH2_TOKEN_URL: endpoint.url,
    OAUTH2_CLIENT_ID: endpoint.clientId,
    OAUTH2_CLIENT_SECRET: endpoint.clientSecret,
    OAUTH2_SCOPE: 'mail',
    ...extra,
  };
}

function events(service: TestService, event: string): Record<string, unknown>[] {
  return service.logLines.map((line) => JSON.parse(line) as Record<string, unknown>).filter((line) => line['event'] === event);
}

const logged = (service: TestService, event: string, count = 1) => () => events(service, event).length >= count;

function assertNoSecretsLogged(service: TestService): void {
  const log = service.logLines.join('\n');
  assert.ok(!log.includes(endpoint.clientSecret), 'the client secret is never logged');
  for (const token of endpoint.issued) assert.ok(!log.includes(token), 'no access token is logged');
}

async function withService(options: Parameters<typeof startService>[1], use: (service: TestService) => Promise<void>): Promise<void> {
  const service = await startService({ redis, dovecot, smtp }, options);
  try {
    await use(service);
  } catch (error) {
    console.error(service.logLines.slice(-30).join('\n'));
    throw error;
  } finally {
    await service.stop();
  }
}

describe('OAuth2 sign-in (XOAUTH2 for IMAP and SMTP)', { concurrency: false }, () => {
  test('a complaint is taken in and acknowledged with IMAP_AUTH=oauth2 and SMTP_AUTH=oauth2', async () => {
    const requestsBefore = endpoint.requests.length;
    const sentBefore = smtp.messages.length;
    await withService({ env: oauth2Env(), roles: ['mailbox', 'replies'] }, async (service) => {
      await appendMessage(dovecot, makeEml({ messageId: '<oauth2-e2e@example.nl>' }));
      await smtp.waitFor(sentBefore + 1, 30_000);
      await waitUntil('the message moved', async () => (await listMessages(dovecot, 'INBOX')).length === 0);
      const [id] = await service.rt.store.listIds();
      const record = await service.rt.store.require(id ?? '');
      assert.equal(record.source.messageId, '<oauth2-e2e@example.nl>');
      const reply = smtp.messages.at(-1);
      assert.deepEqual(reply?.envelope.to, ['m.devries@example.nl']);
      assert.match(reply?.raw.toString('utf8') ?? '', /Ontvangstbevestiging KL-/);
      assert.ok(smtp.authAttempts.length > 0 && smtp.authAttempts.every((attempt) => attempt.accepted), 'SMTP signed in with a token');
      const requests = endpoint.requests.slice(requestsBefore);
      // One cached token serves IMAP and SMTP.
      assert.equal(requests.length, 1);
      assert.deepEqual(requests.map((form) => [form['grant_type'], form['scope'], form['client_id']]), [['client_credentials', 'mail', endpoint.clientId]]);
      assert.equal(events(service, 'imap_connected').length, 1);
      assertNoSecretsLogged(service);
    });
  });

  test('an expired token is refused by Dovecot, and a new one is fetched and accepted', async () => {
    const requestsBefore = endpoint.requests.length;
    // The endpoint claims an hour, but the token has expired already (clock skew, early revocation).
    endpoint.plan({ lifetimeSeconds: -60, expiresIn: 3600 });
    await withService({ env: oauth2Env() }, async (service) => {
      await waitUntil('connected with a new token', logged(service, 'imap_connected'));
      assert.equal(events(service, 'imap_token_refused_renewing').length, 1);
      assert.equal(events(service, 'imap_token_refused').length, 0, 'a stale token is not a permission problem');
      assert.equal(endpoint.requests.length - requestsBefore, 2);
      assert.deepEqual(service.rt.authStatus.problems(), []);
      await appendMessage(dovecot, makeEml({ messageId: '<oauth2-after-refusal@example.nl>' }));
      await waitUntil('one record', async () => (await service.rt.store.count()) === 1);
      assertNoSecretsLogged(service);
    });
  });

  test('a token of the wrong issuer is refused with imap_token_refused, in the log and in /readyz', async () => {
    endpoint.setDefault({ issuer: 'https://login.test/someone-else' });
    try {
      const port = await getFreePort();
      await withService({ env: oauth2Env({ METRICS_PORT: String(port) }) }, async (service) => {
        await startHttpRole(service.rt, () => false);
        await waitUntil('the refusal reported', logged(service, 'imap_token_refused'));
        const [line] = events(service, 'imap_token_refused');
        assert.equal(line?.['code'], 'imap_token_refused');
        assert.match(String(line?.['hint']), /README, Microsoft 365 steps 4 and 5/);
        assert.equal(events(service, 'imap_connected').length, 0);
        const response = await fetch(`http://127.0.0.1:${port}/readyz`);
        assert.equal(response.status, 503);
        const body = (await response.json()) as { checks?: Record<string, boolean>; reasons?: Record<string, string> };
        assert.equal(body.checks?.['oauth2'], false);
        assert.equal(body.reasons?.['oauth2'], 'imap_token_refused');
        assertNoSecretsLogged(service);
      });
    } finally {
      endpoint.setDefault({});
    }
  });

  test('a wrong client secret is reported as oauth2_secret_invalid at start-up', async () => {
    await withService({ env: oauth2Env({ OAUTH2_CLIENT_SECRET: 'not-the-secret' }) }, async (service) => {
      await waitUntil('start-up reports the token failure', logged(service, 'oauth2_startup_failed'));
      assert.equal(events(service, 'oauth2_startup_failed')[0]?.['code'], 'oauth2_secret_invalid');
      const failed = events(service, 'oauth2_token_failed')[0];
      assert.equal(failed?.['providerCode'], 'invalid_client');
      assert.match(String(failed?.['hint']), /README, Microsoft 365 step 2/);
      assert.deepEqual(service.rt.authStatus.problems().map((problem) => problem.code), ['oauth2_secret_invalid']);
      assert.ok(!service.logLines.join('\n').includes('not-the-secret'));
    });
  });

  test('a token that expires during IDLE leads to a clean reconnect with a new token', async () => {
    const requestsBefore = endpoint.requests.length;
    endpoint.plan({ lifetimeSeconds: 3 });
    await withService({ env: oauth2Env() }, async (service) => {
      await waitUntil('the first connection', logged(service, 'imap_connected'));
      // The mailbox is idle now; the token's renewal time ends the session, not the server.
      await waitUntil('the planned reconnect', logged(service, 'imap_token_renewal_reconnect'));
      await waitUntil('connected again', logged(service, 'imap_connected', 2));
      assert.equal(endpoint.requests.length - requestsBefore, 2);
      assert.equal(events(service, 'imap_disconnected').length, 0, 'not a failure');
      await appendMessage(dovecot, makeEml({ messageId: '<oauth2-after-idle@example.nl>' }));
      await waitUntil('one record', async () => (await service.rt.store.count()) === 1);
    });
  });
});

describe('SMTP with XOAUTH2', { concurrency: false }, () => {
  const mail = (id: string) => ({
    from: 'Klachtenopvang <klachtenopvang@wijzijnhecht.nl>',
    to: ['ontvanger@example.nl'],
    subject: 'Test',
    text: 'Test',
    html: '<p>Test</p>',
    messageId: `<${id}@klachtenopvang.test>`,
    headers: {},
  });

  test('a stale token gets a challenge and 535; the mailer renews it and sends once', async () => {
    await withService({ env: oauth2Env(), roles: [] }, async (service) => {
      await waitUntil('the start-up token', logged(service, 'oauth2_ready'));
      const stale = endpoint.issued.at(-1) ?? '';
      revoked.add(stale);
      const attemptsBefore = smtp.authAttempts.length;
      const sentBefore = smtp.messages.length;
      const requestsBefore = endpoint.requests.length;
      await service.rt.mailer.send(mail('stale-challenge'));
      assert.deepEqual(smtp.authAttempts.slice(attemptsBefore).map((attempt) => attempt.accepted), [false, true]);
      assert.equal(smtp.messages.length - sentBefore, 1, 'sent exactly once');
      assert.equal(endpoint.requests.length - requestsBefore, 1, 'one renewal');
      assert.deepEqual(service.rt.authStatus.problems(), []);
    });
  });

  test('a 535 without a challenge (Exchange Online) is renewed and retried once by the mailer', async () => {
    const direct = await startSmtpSink({ refuseWithoutChallenge: true, acceptToken: (_user, token) => endpoint.issued.includes(token) && !revoked.has(token) });
    try {
      await withService({ env: oauth2Env({ SMTP_PORT: String(direct.port) }), roles: [] }, async (service) => {
        await waitUntil('the start-up token', logged(service, 'oauth2_ready'));
        revoked.add(endpoint.issued.at(-1) ?? '');
        await service.rt.mailer.send(mail('stale-direct'));
        assert.deepEqual(direct.authAttempts.map((attempt) => attempt.accepted), [false, true]);
        assert.equal(direct.messages.length, 1, 'sent exactly once');
        assert.equal(events(service, 'smtp_token_refused_renewing').length, 1);
      });
    } finally {
      await direct.stop();
    }
  });

  test('a fresh token refused too becomes smtp_token_refused, a temporary failure with a hint', async () => {
    const refusing = await startSmtpSink({ acceptToken: () => false });
    try {
      await withService({ env: oauth2Env({ SMTP_PORT: String(refusing.port) }), roles: [] }, async (service) => {
        await assert.rejects(service.rt.mailer.send(mail('refused')), (error: unknown) => {
          assert.equal((error as { code?: unknown }).code, 'smtp_token_refused');
          assert.equal((error as { permanent?: unknown }).permanent, false, 'the reply stays queued');
          return true;
        });
        assert.equal(refusing.messages.length, 0);
        assert.deepEqual(service.rt.authStatus.problems().map((problem) => problem.code), ['smtp_token_refused']);
        assert.match(String(events(service, 'smtp_token_refused')[0]?.['hint']), /Microsoft 365 steps 3, 5 and 6/);
      });
    } finally {
      await refusing.stop();
    }
  });
});
