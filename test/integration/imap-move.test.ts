/**
 * Issue 10, point 5: a MOVE that the server refuses is noticed. With the processed folder
 * deleted by an administrator, handled mail cannot leave the inbox: that is an error in the log,
 * a metric and a not-ready state, and it clears once the folder is back. Nothing is recorded twice.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { startDovecot, type DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage, createMailbox, listMessages, withImapClient } from '../helpers/imap-client.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, waitUntil } from '../helpers/service.ts';
import { startHttpRole } from '../../workers/roles.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

let redis: RedisServer;
let dovecot: DovecotServer;
before(async () => {
  [redis, dovecot] = await Promise.all([startRedis(), startDovecot()]);
});
after(async () => {
  await Promise.all([redis?.stop(), dovecot?.stop()]);
});

test('a MOVE into a deleted processed folder is an error, a metric and not ready; it clears when the folder is back', async () => {
  const metricsPort = await getFreePort();
  const service = await startService({ redis, dovecot }, { env: { METRICS_PORT: String(metricsPort) } });
  try {
    await startHttpRole(service.rt, () => true);
    const readyz = async () => {
      const response = await fetch(`http://127.0.0.1:${metricsPort}/readyz`);
      return { status: response.status, body: JSON.parse(await response.text()) as { reasons?: Record<string, string> } };
    };
    await waitUntil('connected with its folders made', () => service.rt.metrics.get('imap_connected') === 1);
    await withImapClient(dovecot, (client) => client.mailboxDelete('Verwerkt'));

    await appendMessage(dovecot, makeEml({ messageId: '<move-1@example.nl>' }));
    await waitUntil('the failed move is noticed', () => service.rt.metrics.get('imap_moves_stuck') === 1);
    assert.ok(service.rt.metrics.get('imap_move_failures_total') >= 1);
    assert.ok(service.logLines.some((line) => line.includes('"imap_move_failed"') && line.includes('"level":"error"')), 'an error in the log');
    const notReady = await readyz();
    assert.equal(notReady.status, 503);
    assert.equal(notReady.body.reasons?.['mailbox_moves'], 'move_failed');
    assert.equal((await listMessages(dovecot, 'INBOX')).length, 1, 'the message stays in the inbox, never lost');

    await createMailbox(dovecot, 'Verwerkt');
    await waitUntil('moved once the folder is back', async () => service.rt.metrics.get('imap_moves_stuck') === 0 && (await listMessages(dovecot, 'INBOX')).length === 0);
    assert.equal((await readyz()).status, 200);
    assert.equal(await service.rt.store.count(), 1, 'seen on every pass, recorded once');
  } finally {
    await service.stop();
  }
});
