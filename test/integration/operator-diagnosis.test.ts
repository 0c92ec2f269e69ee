/**
 * Issue 10, point 11: operators can tell what is wrong. A refused IMAP login says
 * `imap_auth_failed` in the log and /readyz; a port in use names the port and its variable;
 * SMTP that refuses shows in /readyz and /metrics; the lost-data check at start does not trip
 * over a processed folder the intake has not created yet.
 */
import assert from 'node:assert/strict';
import { mkdir } from 'node:fs/promises';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { redisAnswersAt } from '../../src/adapters/embedded-redis.ts';
import { checkProcessedMailbox } from '../../src/app/mailbox-check.ts';
import { processedFolder } from '../../workers/mailbox-wiring.ts';
import { startHttpRole } from '../../workers/roles.ts';
import { startDovecot, type DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage } from '../helpers/imap-client.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { spawnService } from '../helpers/service-process.ts';
import { startService, waitUntil, type TestService } from '../helpers/service.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir, removeTempDir } from '../helpers/spawned-server.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

let redis: RedisServer;
let dovecot: DovecotServer;
let smtp: SmtpSink;
before(async () => {
  [redis, dovecot, smtp] = await Promise.all([startRedis(), startDovecot(), startSmtpSink()]);
});
after(async () => {
  await Promise.all([redis?.stop(), dovecot?.stop(), smtp?.stop()]);
});

async function withHttp(service: TestService, port: number) {
  await startHttpRole(service.rt, () => service.rt.metrics.get('imap_connected') === 1);
  return {
    readyz: async () => {
      const response = await fetch(`http://127.0.0.1:${port}/readyz`);
      return JSON.parse(await response.text()) as { ready: boolean; checks: Record<string, boolean>; reasons?: Record<string, string> };
    },
    metrics: async () => (await fetch(`http://127.0.0.1:${port}/metrics`)).text(),
  };
}

test('a wrong IMAP password logs imap_auth_failed and /readyz says so', async () => {
  const port = await getFreePort();
  const service = await startService({ redis, dovecot }, { env: { IMAP_PASSWORD: 'niet-het-wachtwoord', METRICS_PORT: String(port) } });
  try {
    const http = await withHttp(service, port);
    await waitUntil('imap_auth_failed in the log', () => service.logLines.some((line) => line.includes('"imap_auth_failed"') && line.includes('"level":"error"')));
    const ready = await http.readyz();
    assert.equal(ready.checks['mailbox'], false);
    assert.equal(ready.reasons?.['mailbox'], 'imap_auth_failed');
    assert.match(await http.metrics(), /^klachtenopvang_imap_auth_failed 1$/m);
    assert.ok(!service.logLines.some((line) => line.includes('niet-het-wachtwoord')));
  } finally {
    await service.stop();
  }
});

test('a metrics port in use stops the start naming the port and METRICS_PORT, and the embedded Redis is stopped', async () => {
  const holder = createServer();
  await new Promise<void>((done) => holder.listen(0, '127.0.0.1', () => done()));
  const port = (holder.address() as { port: number }).port;
  const dataDir = await makeTempDir('ko-port-');
  try {
    await mkdir(join(dataDir, 'inbox'));
    const service = spawnService({ DATA_DIR: dataDir, METRICS_PORT: String(port) });
    const result = await service.exited;
    assert.equal(result.code, 1, service.output());
    assert.match(service.output(), new RegExp(`Port ${port} on 127\\.0\\.0\\.1 \\(METRICS_PORT, METRICS_HOST\\) is in use by another program \\(EADDRINUSE\\)`));
    assert.equal(await redisAnswersAt(join(dataDir, 'redis', 'redis.sock')), false, 'the Redis it started is stopped again');
  } finally {
    holder.close();
    await removeTempDir(dataDir);
  }
});

test('SMTP refusing connections shows in /readyz and /metrics, and clears when replies go out again', async () => {
  const port = await getFreePort();
  await smtp.close();
  const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'], env: { METRICS_PORT: String(port) } });
  try {
    const http = await withHttp(service, port);
    await appendMessage(dovecot, makeEml({ messageId: '<smtp-down-1@example.nl>' }));
    await waitUntil('a deferred reply', () => service.rt.metrics.get('replies_deferred_total') >= 1);
    const down = await http.readyz();
    assert.equal(down.checks['smtp'], false);
    assert.match(down.reasons?.['smtp'] ?? '', /^smtp_failing:/);
    const metrics = await http.metrics();
    assert.match(metrics, /^klachtenopvang_smtp_failing 1$/m);
    assert.match(metrics, /^klachtenopvang_replies_deferred_total [1-9]/m);
    assert.match(metrics, /^klachtenopvang_smtp_last_failure\{code="[A-Za-z0-9_.-]+"\} 1$/m);

    await smtp.restart();
    await smtp.waitFor(1, 30_000);
    await waitUntil('smtp ready again', async () => (await http.readyz()).checks['smtp'] === true);
    assert.match(await http.metrics(), /^klachtenopvang_smtp_failing 0$/m);
  } finally {
    await service.stop();
  }
});

test('the lost-data check on a new mailbox, before intake made the processed folder, finds nothing missing instead of failing', async () => {
  const fresh = await startDovecot();
  try {
    // No mailbox role: the check runs before anything created the folder, as it can at start.
    const service = await startService({ redis, dovecot: fresh }, { roles: [] });
    try {
      assert.deepEqual(await checkProcessedMailbox({ ...service.rt, folder: processedFolder(service.rt) }), { processed: 0, withRecord: 0, missing: 0, unverifiable: 0 });
    } finally {
      await service.stop();
    }
  } finally {
    await fresh.stop();
  }
});
