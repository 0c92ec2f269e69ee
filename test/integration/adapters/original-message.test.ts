/**
 * An attachment is read from the original message when an officer downloads it: with IMAP the
 * message has moved to the processed folder (new UID), so it is found by its Message-ID.
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { readOriginalMessage } from '../../../src/adapters/original-message.ts';
import { findAttachment } from '../../../src/console/attachment.ts';
import { startDovecot, type DovecotServer } from '../../helpers/dovecot-server.ts';
import { appendMessage, listMessages } from '../../helpers/imap-client.ts';
import { makeEml } from '../../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../../helpers/redis-server.ts';
import { startService, waitUntil } from '../../helpers/service.ts';
import { checkLeaks } from '../../helpers/leak-check.ts';

checkLeaks();

let redis: RedisServer;
let dovecot: DovecotServer;
before(async () => {
  [redis, dovecot] = await Promise.all([startRedis(), startDovecot()]);
});
after(async () => {
  await Promise.all([redis?.stop(), dovecot?.stop()]);
});

test('the original of an IMAP record is found in the processed folder by Message-ID', async () => {
  const service = await startService({ redis, dovecot }, { roles: ['mailbox'] });
  try {
    await appendMessage(dovecot, makeEml({ messageId: '<original-imap@example.nl>', attachmentBytes: 4000 }));
    await waitUntil('the record and the move', async () => (await service.rt.store.count()) === 1 && (await listMessages(dovecot, 'INBOX')).length === 0);
    const [id] = await service.rt.store.listIds();
    const record = await service.rt.store.require(id ?? '');
    const listed = record.message?.attachments[0];
    assert.ok(listed);
    const raw = await readOriginalMessage(service.config, record.source);
    assert.ok(raw, 'found in the processed folder');
    const found = await findAttachment(raw, listed.sha256);
    assert.equal(found?.filename, 'klachtformulier.pdf');
    assert.equal(found?.content.length, listed.size);
    assert.equal(await readOriginalMessage(service.config, { ...record.source, messageId: '<gone@example.nl>' }), null);
  } finally {
    await service.stop();
  }
});
