import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage, listMessages } from '../helpers/imap-client.ts';
import { makeEml } from '../helpers/make-eml.ts';
import type { RedisServer } from '../helpers/redis-server.ts';
import { startTestServers, type TestServers } from '../helpers/servers.ts';
import type { SmtpSink } from '../helpers/smtp-sink.ts';
import { startService, waitUntil } from '../helpers/service.ts';
import { checkLeaks } from '../helpers/leak-check.ts';
import { drained } from '../helpers/manual-clock.ts';
import { hasEvent } from '../../src/domain/record-events.ts';
import type { TestService } from '../helpers/service.ts';

checkLeaks();

let servers: TestServers;
let redis: RedisServer;
let dovecot: DovecotServer;
let smtp: SmtpSink;

before(async () => {
  servers = await startTestServers();
  ({ redis, dovecot, smtp } = servers);
});
after(async () => {
  await servers?.stopAll();
});

const toComplainant = () => smtp.messages.filter((m) => !m.envelope.to.includes('officer@wijzijnhecht.nl'));

/**
 * Waits until every record has the decision on its reply (`reply_sent`, `reply_suppressed` or
 * `reply_failed`) and no reply job waits or runs: after that no reply can still arrive, so a test
 * can count them without sleeping first.
 */
async function repliesDecided(service: TestService, records: number, timeoutMs = 30_000): Promise<void> {
  await waitUntil(`${records} record(s) with their reply decided`, async () => {
    const ids = await service.rt.store.listIds();
    if (ids.length !== records) return false;
    const histories = await Promise.all(ids.map((id) => service.rt.store.events(id)));
    return histories.every((events) => hasEvent(events, ['reply_sent', 'reply_suppressed', 'reply_failed']));
  }, timeoutMs);
  await drained(service.rt.queues.replies);
}

describe('replies through BullMQ and SMTP', { concurrency: false }, () => {
  test('a complaint appended to the mailbox gets exactly one acknowledgement with the right headers', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies', 'officer'] });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<ack-1@example.nl>', from: 'Marieke de Vries <ack1@example.nl>' }));
      await repliesDecided(service, 1);
      assert.equal(toComplainant().length, 1, 'exactly one reply');
      const raw = toComplainant()[0]?.raw.toString('utf8') ?? '';
      assert.match(raw, /^Auto-Submitted: auto-replied/m);
      assert.match(raw, /^In-Reply-To: <ack-1@example\.nl>/m);
      assert.match(raw, /^Message-ID:\s+<KL-\d{4}-\d{5}\.acknowledgement\.h1-[0-9a-f]{32}\.klachtenopvang@wijzijnhecht\.nl>/m);
      assert.match(raw, /^Subject: .*KL-\d{4}-\d{5}/m);
      assert.ok(!raw.includes('Klacht over gesprek'), 'the subject is never quoted');
      assert.ok(!raw.includes('niet laten uitpraten'), 'the message is never quoted');
      const [id] = await service.rt.store.listIds();
      const events = await service.rt.store.events(id ?? '');
      assert.ok(hasEvent(events, 'reply_sent', { type: 'acknowledgement' }));
    } finally {
      await service.stop();
    }
  });

  test('an SMTP server that answers 451 first delivers exactly one copy after the retry', async () => {
    smtp.messages.length = 0;
    smtp.failNext(2, 451, 'Try again later');
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<retry-1@example.nl>', from: 'A. Bakker <retry1@example.nl>' }));
      await repliesDecided(service, 1);
      assert.equal(toComplainant().length, 1);
    } finally {
      await service.stop();
    }
  });

  test('an SMTP server that is down and comes back delivers every queued reply once', async () => {
    smtp.messages.length = 0;
    await smtp.close();
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    try {
      for (let i = 0; i < 3; i += 1) {
        await appendMessage(dovecot, makeEml({ messageId: `<down-${i}@example.nl>`, from: `G. Jansen <down${i}@example.nl>` }));
      }
      await waitUntil('three records', async () => (await service.rt.store.count()) === 3);
      // Let the first attempts fail against the closed port.
      await waitUntil('a failed attempt', () => service.logLines.some((line) => line.includes('"reply_retry"')));
      await smtp.restart();
      await repliesDecided(service, 3);
      assert.equal(toComplainant().length, 3, 'each reply once');
      assert.equal(new Set(toComplainant().map((m) => m.envelope.to[0])).size, 3);
    } finally {
      await service.stop();
    }
  });

  test('a temporary failure that outlives every retry is recorded as reply_failed (retries_exhausted)', async () => {
    smtp.messages.length = 0;
    await smtp.close();
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'], attempts: 3 });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<exhausted-1@example.nl>', from: 'H. de Wit <exhausted@example.nl>' }));
      await waitUntil('reply_failed recorded', async () => {
        const [id] = await service.rt.store.listIds();
        return id ? (await service.rt.store.events(id)).some((e) => e.type === 'reply_failed') : false;
      }, 30_000);
      const [id] = await service.rt.store.listIds();
      const failed = (await service.rt.store.events(id ?? '')).filter((e) => e.type === 'reply_failed');
      assert.equal(failed.length, 1);
      assert.equal(failed[0]?.data['code'], 'retries_exhausted');
    } finally {
      await service.stop();
      await smtp.restart();
    }
  });

  test('a 550 is recorded as reply_failed and not retried', async () => {
    smtp.messages.length = 0;
    smtp.failNext(1, 550, 'No such user');
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<perm-1@example.nl>', from: 'B. Smit <perm1@example.nl>' }));
      await repliesDecided(service, 1);
      assert.equal(toComplainant().length, 0, 'not retried after a permanent failure');
      const [id] = await service.rt.store.listIds();
      const failed = (await service.rt.store.events(id ?? '')).find((e) => e.type === 'reply_failed');
      assert.equal(failed?.data['smtpCode'], 550);
    } finally {
      await service.stop();
    }
  });

  test('a bounce and an out-of-office get no reply', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<oof-1@example.nl>', from: 'C. Visser <oof@example.nl>', subject: 'Automatisch antwoord: Klacht', headers: { 'Auto-Submitted': 'auto-replied' }, body: 'Ik ben afwezig tot en met 30 november.' }));
      await appendMessage(dovecot, makeEml({ messageId: '<dsn-1@example.nl>', from: 'Mail Delivery System <MAILER-DAEMON@example.nl>', subject: 'Undelivered Mail Returned to Sender', body: 'This is the mail system. I am sorry to have to inform you that your message could not be delivered.' }));
      await waitUntil('both recorded', async () => (await service.rt.store.count()) === 2 && (await listMessages(dovecot, 'INBOX')).length === 0);
      // Decided at intake: triage gives automatic mail no reply, so none is queued.
      for (const id of await service.rt.store.listIds()) assert.equal(hasEvent(await service.rt.store.events(id), 'reply_queued'), false);
      await drained(service.rt.queues.replies);
      assert.equal(toComplainant().length, 0);
      const records = await service.rt.store.getMany(await service.rt.store.listIds());
      assert.deepEqual(records.map((r) => r.status).sort(), ['ignored', 'ignored']);
    } finally {
      await service.stop();
    }
  });

  test('a sender mailing ten times in an hour gets at most three replies', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    try {
      for (let i = 0; i < 10; i += 1) {
        await appendMessage(dovecot, makeEml({ messageId: `<flood-${i}@example.nl>`, from: 'D. Mulder <flood@example.nl>', subject: `Klacht ${i}` }));
      }
      await waitUntil('ten records', async () => (await service.rt.store.count()) === 10);
      await waitUntil('all decided', async () => {
        const ids = await service.rt.store.listIds();
        const decided = await Promise.all(ids.map(async (id) => (await service.rt.store.events(id)).some((e) => e.type === 'reply_sent' || e.type === 'reply_suppressed')));
        return decided.every(Boolean);
      });
      assert.equal(toComplainant().length, 3);
    } finally {
      await service.stop();
    }
  });
});

describe('start-up with templates', () => {
  test('a template that uses an unknown variable stops the replies worker with a message naming the file', async () => {
    const { cp, mkdtemp, writeFile, rm } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join, resolve } = await import('node:path');
    const { startRepliesRole } = await import('../../workers/roles.ts');
    const dir = await mkdtemp(join(tmpdir(), 'ko-templates-'));
    await cp(resolve(import.meta.dirname, '..', '..', 'templates'), dir, { recursive: true });
    await writeFile(join(dir, 'acknowledgement', 'nl.text.hbs'), 'Uw klacht {{reference}} over {{onderwerp}}.\n');
    const service = await startService({ redis }, { roles: [] });
    try {
      assert.throws(() => startRepliesRole(service.rt, { templatesDir: dir }), (error: Error) => {
        assert.match(error.message, /acknowledgement[\\/]nl\.text\.hbs/);
        assert.match(error.message, /onderwerp/);
        return true;
      });
    } finally {
      await service.stop();
      await rm(dir, { recursive: true, force: true });
    }
  });
});
