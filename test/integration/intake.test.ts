import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { readdir } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { startDovecot, type DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage, listMessages, withImapClient } from '../helpers/imap-client.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, testEnv, waitUntil, type TestService } from '../helpers/service.ts';
import { makeTempDir, removeTempDir } from '../helpers/spawned-server.ts';
import { sharedCorpus } from '../helpers/shared-corpus.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

const ROOT = resolve(import.meta.dirname, '..', '..');
const NODE = process.execPath;

let redis: RedisServer;
let dovecot: DovecotServer;

before(async () => {
  redis = await startRedis();
});
after(async () => {
  await redis?.stop();
});

async function freshDovecot(): Promise<DovecotServer> {
  await dovecot?.stop();
  dovecot = await startDovecot();
  return dovecot;
}
after(async () => dovecot?.stop());

async function recordCount(service: TestService): Promise<number> {
  return service.rt.store.count();
}

/**
 * Distinct Message-IDs in a folder. Under load Dovecot's maildir MOVE has (rarely) left a second
 * copy of a message that was then seen again, recognised as a duplicate and moved once more; that
 * loses nothing and records nothing twice, so tests count distinct messages, not folder entries.
 */
async function distinctIds(mailbox: string): Promise<number> {
  return new Set((await listMessages(dovecot, mailbox)).map((m) => m.messageId)).size;
}

/** Messages in a Maildir folder (`new` and `cur`), read from disk: works while Dovecot is down. */
async function messagesOnDisk(maildir: string): Promise<number> {
  const entries = await Promise.all(['new', 'cur'].map((sub) => readdir(join(maildir, sub)).catch(() => [])));
  return entries.flat().length;
}

async function inboxEmpty(): Promise<boolean> {
  return (await listMessages(dovecot, 'INBOX')).length === 0;
}

describe('intake from IMAP', { concurrency: false }, () => {
  test('a plain complaint becomes one record and moves to the processed folder', async () => {
    await freshDovecot();
    const service = await startService({ redis, dovecot });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<plain-1@example.nl>' }));
      await waitUntil('one record', async () => (await recordCount(service)) === 1 && (await inboxEmpty()));
      const [id] = await service.rt.store.listIds();
      const record = await service.rt.store.require(id ?? '');
      assert.match(record.id, /^KL-\d{4}-00001$/);
      assert.equal(record.source.messageId, '<plain-1@example.nl>');
      assert.equal(record.source.kind, 'imap');
      assert.ok(record.triage, 'the record carries its triage');
      assert.equal(record.triage.kind, 'complaint');
      assert.ok(record.deadline, 'a handled complaint gets its deadline at intake');
      const processed = await listMessages(dovecot, 'Verwerkt');
      assert.equal(processed.length, 1);
      const events = await service.rt.store.events(record.id);
      assert.deepEqual(events.slice(0, 2).map((e) => e.type), ['received', 'triaged']);
      // Privacy: the log carries ids and counts, never the complainant's data.
      const log = service.logLines.join('\n');
      for (const secret of ['Marieke', 'Vries', 'Hynsteblom', '2311', 'Klacht over gesprek', 'm.devries', 'Jansen']) {
        assert.ok(!log.includes(secret), `log must not contain ${secret}`);
      }
    } finally {
      await service.stop();
    }
  });

  test('200 messages appended in a burst all land exactly once', async () => {
    await freshDovecot();
    const service = await startService({ redis, dovecot });
    try {
      for (let i = 0; i < 200; i += 1) await appendMessage(dovecot, makeEml({ messageId: `<burst-${i}@example.nl>`, subject: `Klacht ${i}` }));
      await waitUntil('200 records', async () => (await recordCount(service)) === 200 && (await inboxEmpty()), 120_000, 250);
      assert.equal(await distinctIds('Verwerkt'), 200);
      const records = await service.rt.store.getMany(await service.rt.store.listIds());
      assert.equal(new Set(records.map((r) => r.source.messageId)).size, 200);
    } finally {
      await service.stop();
    }
  });

  test('the same Message-ID appended twice makes one record, and both copies are kept', async () => {
    await freshDovecot();
    const service = await startService({ redis, dovecot });
    try {
      const raw = makeEml({ messageId: '<twice@example.nl>' });
      await appendMessage(dovecot, raw);
      // An Outlook re-upload: same message, a header added, so the bytes differ.
      await appendMessage(dovecot, Buffer.concat([Buffer.from('X-Reuploaded: yes\r\n'), raw]));
      await waitUntil('both handled', async () => (await inboxEmpty()) && (await listMessages(dovecot, 'Verwerkt')).length >= 2);
      assert.equal(await recordCount(service), 1);
      const [id] = await service.rt.store.listIds();
      const events = await service.rt.store.events(id ?? '');
      assert.ok(events.some((e) => e.type === 'duplicate_seen'));
    } finally {
      await service.stop();
    }
  });

  test('a message over the size cap is recorded as too_large and quarantined', async () => {
    await freshDovecot();
    const service = await startService({ redis, dovecot }, { env: { MAX_MESSAGE_BYTES: String(64 * 1024) } });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<big@example.nl>', attachmentBytes: 200 * 1024 }));
      await waitUntil('quarantined', async () => (await listMessages(dovecot, 'Onverwerkbaar')).length === 1).catch((error: unknown) => {
        console.error(service.logLines.slice(-20).join('\n'));
        throw error;
      });
      const [id] = await service.rt.store.listIds();
      const record = await service.rt.store.require(id ?? '');
      assert.deepEqual(record.intakeFlags, ['too_large']);
      assert.equal(record.status, 'quarantined');
      assert.equal(record.source.messageId, '<big@example.nl>', 'headers are still read');
      assert.ok(record.source.size > 200 * 1024);
    } finally {
      await service.stop();
    }
  });

  test('a UIDVALIDITY change after a crash before the move does not make a second record', async () => {
    await freshDovecot();
    const raw = makeEml({ messageId: '<uidv@example.nl>' });
    await appendMessage(dovecot, raw);
    // First run: record written, then the mailbox is rebuilt before the message was moved.
    const first = await startService({ redis, dovecot }, { roles: [] });
    const { ingestMessage } = await import('../../src/app/ingest-message.ts');
    const { readMessage } = await import('../../src/adapters/read-message.ts');
    const { Readable } = await import('node:stream');
    const { makeRecordEffects } = await import('../../src/app/record-effects.ts');
    const effects = makeRecordEffects({ ...first.rt });
    await ingestMessage({ ...first.rt, readMessage, effects }, {
      source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid: 1, file: null },
      receivedAt: new Date(),
      declaredSize: raw.length,
      open: async () => Readable.from([raw]),
    });
    await first.rt.close();
    await dovecot.resetUidValidity('INBOX');
    const second = await startService({ redis, dovecot }, { envBase: first.env });
    try {
      await waitUntil('moved', async () => (await inboxEmpty()) && (await listMessages(dovecot, 'Verwerkt')).length === 1);
      assert.equal(await recordCount(second), 1);
    } finally {
      await second.stop();
    }
  });

  test('Redis restarted under load loses nothing and duplicates nothing', async () => {
    await freshDovecot();
    // The load is a backlog, as in the Dovecot test below: 200 messages wait before the worker
    // starts and it holds at most three batches of 50, so the fourth is still in the INBOX when
    // Redis dies. (Appended while the worker ran, only 4 to 18 of 60 were left: too thin a margin.)
    await withImapClient(dovecot, async (client) => {
      for (let i = 0; i < 200; i += 1) await client.append('INBOX', makeEml({ messageId: `<rr-${i}@example.nl>`, attachmentBytes: 20_000 }));
    });
    const service = await startService({ redis, dovecot });
    try {
      await waitUntil('some records', async () => (await recordCount(service)) >= 5, 60_000, 10);
      await redis.kill('SIGKILL');
      const died = Date.now();
      // While Redis is down nothing can be recorded, and a message leaves the INBOX only after its
      // record is written: what the INBOX still holds now was unfinished when Redis died.
      const inboxWhileDown = (await listMessages(dovecot, 'INBOX')).length;
      await redis.restart();
      await waitUntil('200 records', async () => (await recordCount(service)) === 200 && (await inboxEmpty()), 120_000, 250);
      assert.equal(await distinctIds('Verwerkt'), 200);
      // The restart came under load, not after the work was done: messages waited in the INBOX
      // while Redis was down, and records were written that were not written when it died (their
      // time is read after the dedupe lookup, which needs Redis; AOF with fsync keeps the rest).
      assert.ok(inboxWhileDown > 0, 'messages were still in the INBOX while Redis was down');
      const records = await service.rt.store.getMany(await service.rt.store.listIds());
      const ingestedAfter = records.filter((record) => Date.parse(record.ingestedAt) > died).length;
      assert.ok(ingestedAfter > 0 && ingestedAfter < 200, `${ingestedAfter} of 200 records were ingested after Redis died`);
    } finally {
      await service.stop();
    }
  });

  test('Dovecot restarted under load: the worker reconnects and everything lands once', async () => {
    await freshDovecot();
    // The load is a backlog: 200 messages wait before the worker starts, four batches of 50. It
    // holds at most three (two in flight, the next fetched while it waits: imap-mailbox.ts), so
    // when the first batch's records appear the fourth is still to be fetched, after the restart.
    // (Appended while the worker ran, as before, the worker kept up with the appends and as few
    // as 2 of 60 were left when Dovecot went down.)
    await withImapClient(dovecot, async (client) => {
      for (let i = 0; i < 200; i += 1) await client.append('INBOX', makeEml({ messageId: `<dr-${i}@example.nl>`, attachmentBytes: 20_000 }));
    });
    const service = await startService({ redis, dovecot });
    try {
      await waitUntil('some records', async () => (await recordCount(service)) >= 5, 60_000, 10);
      await dovecot.kill('SIGTERM');
      // While Dovecot is down nothing can leave the INBOX, so its Maildir (read from disk, there is
      // no IMAP now) holds exactly what was still there when Dovecot went down.
      const inboxWhileDown = await messagesOnDisk(dovecot.maildir);
      await dovecot.restart();
      const up = Date.now();
      await waitUntil('200 records', async () => (await recordCount(service)) === 200 && (await inboxEmpty()), 120_000, 250);
      assert.equal(await distinctIds('Verwerkt'), 200);
      assert.ok(service.rt.metrics.get('imap_reconnects_total') >= 1, 'the worker reconnected');
      // The restart came under load, not after the work was done: messages waited in the INBOX
      // while Dovecot was down, and records were written after it was back.
      assert.ok(inboxWhileDown > 0, 'messages were still in the INBOX while Dovecot was down');
      const records = await service.rt.store.getMany(await service.rt.store.listIds());
      const ingestedAfter = records.filter((record) => Date.parse(record.ingestedAt) > up).length;
      assert.ok(ingestedAfter > 0 && ingestedAfter < 200, `${ingestedAfter} of 200 records were ingested after Dovecot was back`);
    } finally {
      await service.stop();
    }
  });

  test('the worker killed with SIGKILL mid-batch and restarted loses nothing and duplicates nothing', async () => {
    await freshDovecot();
    const dataDir = await makeTempDir('ko-kill-');
    const env = { ...process.env, ...testEnv({ redis, dovecot }, dataDir, { LOG_LEVEL: 'warn' }) };
    const probe = new Redis(redis.url);
    const countRecords = async () => probe.zcard(`${env.REDIS_KEY_PREFIX}:idx:all`);
    try {
      for (let i = 0; i < 120; i += 1) await appendMessage(dovecot, makeEml({ messageId: `<kill-${i}@example.nl>`, attachmentBytes: 30_000 }));
      const first = spawn(NODE, [join(ROOT, 'workers/mailbox.ts')], { env, stdio: 'ignore' });
      await waitUntil('some records', async () => (await countRecords()) >= 10, 60_000, 10);
      first.kill('SIGKILL');
      await new Promise((done) => first.once('exit', done));
      const before = await countRecords();
      assert.ok(before < 120, 'the kill happened mid-batch');
      const second = spawn(NODE, [join(ROOT, 'workers/mailbox.ts')], { env, stdio: 'ignore' });
      try {
        await waitUntil('120 records', async () => (await countRecords()) === 120 && (await inboxEmpty()), 120_000, 250);
      } finally {
        second.kill('SIGTERM');
        await new Promise((done) => second.once('exit', done));
      }
      assert.equal(await distinctIds('Verwerkt'), 120);
    } finally {
      probe.disconnect();
      await removeTempDir(dataDir);
    }
  });

  test('Redis data lost between runs is detected and reported, and re-ingesting restores it', async () => {
    await freshDovecot();
    const first = await startService({ redis, dovecot });
    await appendMessage(dovecot, makeEml({ messageId: '<lost-1@example.nl>' }));
    await appendMessage(dovecot, makeEml({ messageId: '<lost-2@example.nl>' }));
    await waitUntil('two records', async () => (await recordCount(first)) === 2 && (await inboxEmpty()));
    await first.rt.close();
    // Redis loses everything of this service (a flush, a lost volume).
    const probe = new Redis(redis.url);
    const keys = await probe.keys(`${first.env['REDIS_KEY_PREFIX']}*`);
    if (keys.length > 0) await probe.del(...keys);
    probe.disconnect();
    const second = await startService({ redis, dovecot }, { envBase: first.env });
    try {
      await waitUntil('missing records reported', () => second.rt.metrics.get('records_missing') === 2);
      assert.ok(second.logLines.some((line) => line.includes('"records_missing"')));
      assert.equal(await recordCount(second), 0, 'nothing is invented');
      // Mail is never deleted, so moving it back to the inbox re-ingests it.
      await withImapClient(dovecot, async (client) => {
        const lock = await client.getMailboxLock('Verwerkt');
        try {
          await client.messageMove('1:*', 'INBOX');
        } finally {
          lock.release();
        }
      });
      await waitUntil('records restored', async () => (await recordCount(second)) === 2 && (await inboxEmpty()));
    } finally {
      await second.stop();
    }
  });

  const { dir: MIKEL, skip: mikelMissing } = sharedCorpus('mikel-mail-fixtures');
  test('every malformed MIME fixture becomes a record or a quarantine entry', { skip: mikelMissing }, async () => {
    await freshDovecot();
    const files = (readdirSync(MIKEL, { recursive: true }) as string[])
      .map((f) => join(MIKEL, f))
      .filter((f) => statSync(f).isFile() && !/LICENSE|SOURCE|\.md$/.test(f));
    const service = await startService({ redis, dovecot });
    try {
      for (const file of files) await appendMessage(dovecot, readFileSync(file));
      await waitUntil('inbox drained', inboxEmpty, 120_000, 250);
      const processed = (await listMessages(dovecot, 'Verwerkt')).length;
      const quarantined = (await listMessages(dovecot, 'Onverwerkbaar')).length;
      // Many fixtures share a Message-ID, so folder entries are counted (see distinctIds).
      assert.ok(processed + quarantined >= files.length, 'every fixture left the inbox into a folder');
      assert.ok((await recordCount(service)) > 0);
      assert.equal(service.rt.metrics.get('intake_errors_total'), 0, 'no fixture broke intake');
    } finally {
      await service.stop();
    }
  });
});

describe('start-up', () => {
  test('bad configuration lists every bad variable, never its value, and exits 1', async () => {
    const child = spawn(NODE, [join(ROOT, 'workers/all.ts')], {
      env: { PATH: process.env['PATH'] ?? '', IMAP_HOST: 'mail.example.nl', IMAP_PORT: 'not-a-port', IMAP_PASSWORD: 'Geheim-Wachtwoord-42', LOG_LEVEL: 'loud', OFFICER_EMAILS: 'nope' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    const code = await new Promise((done) => child.once('exit', done));
    assert.equal(code, 1);
    for (const name of ['IMAP_PORT', 'LOG_LEVEL', 'OFFICER_EMAILS']) assert.match(stderr, new RegExp(name));
    assert.ok(!stderr.includes('Geheim-Wachtwoord-42'), 'secrets are never printed');
    assert.ok(!stderr.includes('not-a-port'), 'values are never printed');
  });
});
