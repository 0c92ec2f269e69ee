import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import nodemailer from 'nodemailer';
import { startDovecot, type DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage, createMailbox, listMessages, mailboxStatus, withImapClient } from '../helpers/imap-client.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

function rawMessage(messageId: string): string {
  return [
    'From: Test Afzender <afzender@example.test>',
    'To: klachten@example.test',
    'Subject: Testbericht',
    `Message-ID: <${messageId}>`,
    'Date: Tue, 24 Nov 2026 10:00:00 +0100',
    'MIME-Version: 1.0',
    'Content-Type: text/plain; charset=utf-8',
    '',
    'Dit is een testbericht.',
    '',
  ].join('\r\n');
}

async function withRedisClient<T>(server: RedisServer, use: (client: Redis) => Promise<T>): Promise<T> {
  const client = new Redis(server.url, { lazyConnect: true, maxRetriesPerRequest: 1, retryStrategy: () => null });
  client.on('error', () => undefined);
  try {
    await client.connect();
    return await use(client);
  } finally {
    client.disconnect();
  }
}

describe('redis-server helper', () => {
  let redis: RedisServer;
  before(async () => {
    redis = await startRedis();
  });
  after(() => redis.stop());

  test('runs on a private loopback port, not 6379', async () => {
    assert.notEqual(redis.port, 6379);
    assert.equal(redis.url, `redis://127.0.0.1:${redis.port}`);
    assert.equal(await withRedisClient(redis, (client) => client.ping()), 'PONG');
    const config = await withRedisClient(redis, (client) => client.config('GET', 'maxmemory-policy'));
    assert.deepEqual(config, ['maxmemory-policy', 'noeviction']);
  });

  test('keeps data written before a SIGKILL after restart() (AOF)', async () => {
    await withRedisClient(redis, (client) => client.set('harness:survives', 'ja'));
    await redis.kill('SIGKILL');
    await assert.rejects(withRedisClient(redis, (client) => client.ping()));
    await redis.restart();
    assert.equal(await withRedisClient(redis, (client) => client.get('harness:survives')), 'ja');
  });

  test('stop() is idempotent', async () => {
    const other = await startRedis({ appendonly: false });
    await Promise.all([other.stop(), other.stop()]);
    await other.stop();
  });
});

describe('dovecot helper', () => {
  let dovecot: DovecotServer;
  before(async () => {
    dovecot = await startDovecot();
  });
  after(() => dovecot.stop());

  test('offers the extensions the mailbox worker relies on', async () => {
    const capabilities = await withImapClient(dovecot, async (client) => [...client.capabilities.keys()]);
    for (const capability of ['IDLE', 'MOVE', 'UIDPLUS']) assert.ok(capabilities.includes(capability), capability);
  });

  test('accepts an APPEND, lists it, and keeps it across restart()', async () => {
    const internalDate = new Date('2026-11-19T09:30:00Z');
    await appendMessage(dovecot, rawMessage('een@example.test'), 'INBOX', { internalDate });
    const listed = await listMessages(dovecot, 'INBOX');
    assert.deepEqual(listed, [{ uid: 1, messageId: '<een@example.test>' }]);
    const stored = await withImapClient(dovecot, async (client) => {
      const lock = await client.getMailboxLock('INBOX');
      try {
        const message = await client.fetchOne('1', { internalDate: true }, { uid: true });
        return message === false ? undefined : message.internalDate;
      } finally {
        lock.release();
      }
    });
    assert.equal(stored instanceof Date ? stored.toISOString() : stored, internalDate.toISOString());

    await dovecot.kill('SIGKILL');
    await dovecot.restart();
    assert.deepEqual(await listMessages(dovecot, 'INBOX'), listed);
  });

  test('lists a missing mailbox as empty', async () => {
    assert.deepEqual(await listMessages(dovecot, 'BestaatNiet'), []);
  });

  test('resetUidValidity() gives the mailbox a new UIDVALIDITY and the messages new UIDs', async () => {
    await createMailbox(dovecot, 'Verwerkt');
    await appendMessage(dovecot, rawMessage('twee@example.test'), 'Verwerkt');
    await appendMessage(dovecot, rawMessage('drie@example.test'), 'Verwerkt');
    const before = await mailboxStatus(dovecot, 'Verwerkt');
    assert.equal(before.messages, 2);

    await dovecot.resetUidValidity('Verwerkt');
    const afterReset = await mailboxStatus(dovecot, 'Verwerkt');
    assert.notEqual(afterReset.uidValidity, before.uidValidity);
    assert.equal(afterReset.messages, 2);
    const ids = (await listMessages(dovecot, 'Verwerkt')).map((message) => message.messageId).sort();
    assert.deepEqual(ids, ['<drie@example.test>', '<twee@example.test>']);

    const inboxBefore = await mailboxStatus(dovecot, 'INBOX');
    await dovecot.resetUidValidity('INBOX');
    assert.notEqual((await mailboxStatus(dovecot, 'INBOX')).uidValidity, inboxBefore.uidValidity);
  });
});

describe('smtp sink helper', () => {
  let sink: SmtpSink;
  before(async () => {
    sink = await startSmtpSink();
  });
  after(() => sink.stop());

  const send = (subject: string) =>
    nodemailer
      .createTransport({ host: sink.host, port: sink.port, secure: false, ignoreTLS: true })
      .sendMail({
        from: 'klachten@example.test',
        to: ['eerste@example.test', 'tweede@example.test'],
        subject,
        text: 'Ontvangen.',
      });

  test('receives a message with its envelope', async () => {
    await send('Een');
    const [message] = await sink.waitFor(1, 5_000);
    assert.deepEqual(message?.envelope, { from: 'klachten@example.test', to: ['eerste@example.test', 'tweede@example.test'] });
    assert.match(message?.raw.toString('utf8') ?? '', /^Subject: Een$/m);
  });

  test('failNext(1, 451) fails one DATA, then accepts again', async () => {
    const count = sink.messages.length;
    sink.failNext(1, 451, 'Try again later');
    await assert.rejects(send('Twee'), (error: unknown) => {
      assert.ok(error instanceof Error && 'responseCode' in error);
      assert.equal(error.responseCode, 451);
      return true;
    });
    assert.equal(sink.messages.length, count);
    await send('Drie');
    assert.equal((await sink.waitFor(count + 1, 5_000)).length, count + 1);
  });

  test('failNext at RCPT rejects the recipients', async () => {
    sink.failNext(2, 550, 'No such user', 'rcpt');
    await assert.rejects(send('Vier'), (error: unknown) => {
      assert.ok(error instanceof Error && 'responseCode' in error);
      assert.equal(error.responseCode, 550);
      return true;
    });
  });

  test('close() refuses connections until restart() on the same port', async () => {
    const { port } = sink;
    const count = sink.messages.length;
    await sink.close();
    await assert.rejects(send('Vijf'), (error: unknown) => {
      assert.ok(error instanceof Error && 'code' in error);
      assert.equal(error.code, 'ESOCKET');
      return true;
    });
    await sink.restart();
    assert.equal(sink.port, port);
    await send('Zes');
    assert.equal((await sink.waitFor(count + 1, 5_000)).length, count + 1);
  });

  test('waitFor() rejects with a clear message on timeout', async () => {
    await assert.rejects(sink.waitFor(sink.messages.length + 1, 100), /expected at least \d+ message\(s\) within 100 ms/);
  });
});
