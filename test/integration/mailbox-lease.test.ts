/**
 * Issue 10, point 6: one reader per mailbox. Two instances of the whole service (`workers/all.ts`)
 * share one mailbox; only the holder of the lease reads. A burst of 300 complaints, the reader
 * killed with SIGKILL mid-burst: the standby takes over, and every complaint has one record and
 * one acknowledgement. The takeover time is printed (a figure, not an assertion).
 */
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { ImapFlow } from 'imapflow';
import { Queue } from 'bullmq';
import { startDovecot, type DovecotServer } from '../helpers/dovecot-server.ts';
import { imapFlowOptions, listMessages } from '../helpers/imap-client.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { spawnService, type ServiceProcess } from '../helpers/service-process.ts';
import { testEnv, waitUntil } from '../helpers/service.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { makeTempDir, removeTempDir } from '../helpers/spawned-server.ts';
import { makeKeys } from '../../src/adapters/redis-keys.ts';
import { makeComplaintStore } from '../../src/adapters/complaint-store.ts';
import { QUEUE_NAMES } from '../../src/adapters/queues.ts';
import { hasEvent } from '../../src/domain/record-events.ts';
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

const TOTAL = 300;
/** Replies one instance sends at once (the replies worker's concurrency): the most a SIGKILL can leave unrecorded. */
const REPLIES_IN_FLIGHT = 8;
const LEASE_SECONDS = 2;

test('two instances, a burst of 300, the reader killed with SIGKILL: 300 records, 300 acknowledgements, nothing twice', { timeout: 300_000 }, async () => {
  const dataDir = await makeTempDir('ko-lease-');
  const base = testEnv({ redis, dovecot, smtp }, dataDir, { LOG_LEVEL: 'info', MAILBOX_LEASE_SECONDS: String(LEASE_SECONDS) });
  const probe = new Redis(redis.url);
  const keys = makeKeys(base.REDIS_KEY_PREFIX);
  const store = makeComplaintStore(probe, base.REDIS_KEY_PREFIX);
  const replies = new Queue(QUEUE_NAMES.replies, { connection: probe, prefix: keys.bullPrefix() });
  const instances: ServiceProcess[] = [];
  try {
    for (let i = 0; i < 2; i += 1) instances.push(spawnService({ ...base, METRICS_PORT: String(await getFreePort()) }));
    await waitUntil('one instance reads, the other stands by', () => {
      const all = instances.map((s) => s.output());
      return all.some((o) => o.includes('"mailbox_lease_acquired"')) && all.some((o) => o.includes('"mailbox_standby"'));
    });
    const reader = instances.find((s) => s.output().includes('"mailbox_lease_acquired"'));
    const standby = instances.find((s) => s !== reader);
    assert.ok(reader && standby);

    const client = new ImapFlow(imapFlowOptions(dovecot));
    client.on('error', () => undefined);
    await client.connect();
    let killedAt = 0;
    try {
      for (let i = 0; i < TOTAL; i += 1) {
        await client.append('INBOX', makeEml({ messageId: `<lease-${i}@example.nl>`, from: `Klager ${i} <klager${i}@example.nl>` }));
        if (killedAt === 0 && (await probe.zcard(keys.all())) >= 60) {
          reader.signalGroup('SIGKILL');
          killedAt = Date.now();
        }
      }
    } finally {
      await client.logout().catch(() => client.close());
    }
    if (killedAt === 0) {
      // The appends outran the reader: kill it once it is working through the burst.
      await waitUntil('the reader has recorded part of the burst', async () => (await probe.zcard(keys.all())) >= 60, 60_000, 20);
      reader.signalGroup('SIGKILL');
      killedAt = Date.now();
    }
    assert.ok((await probe.zcard(keys.all())) < TOTAL, 'the reader was killed mid-burst, with messages still to read');
    await reader.exited;
    await waitUntil('the standby takes the lease', () => {
      if (standby.child.exitCode !== null) throw new Error(`the standby exited:\n${standby.output().slice(-3_000)}`);
      return standby.output().includes('"mailbox_lease_acquired"');
    }, 60_000, 20).catch((error: unknown) => {
      throw new Error(`${String(error)}\nstandby log tail:\n${standby.output().slice(-3_000)}`);
    });
    const takeoverMs = Date.now() - killedAt;

    await waitUntil(`${TOTAL} records and an empty inbox`, async () => (await probe.zcard(keys.all())) === TOTAL && (await listMessages(dovecot, 'INBOX')).length === 0, 120_000, 250);
    const acknowledgements = () => smtp.messages.map((m) => /^Message-ID:\s+(<[^>]+\.acknowledgement\.[^>]+>)/m.exec(m.raw.toString('utf8'))?.[1]).filter((id): id is string => Boolean(id));
    // Replies the killed instance had in hand are retried by the standby once BullMQ sees them stalled.
    await waitUntil(`${TOTAL} acknowledgements`, () => new Set(acknowledgements()).size === TOTAL, 180_000, 250);
    // Only once every reply is decided and no reply job is left to run (a job the killed instance
    // held comes back when BullMQ sees it stalled) can no further copy arrive: count then.
    await waitUntil('every reply decided, no reply job left', async () => {
      const counts = await replies.getJobCounts('waiting', 'active', 'delayed', 'prioritized');
      if (Object.values(counts).some((count) => count > 0)) return false;
      const histories = await Promise.all((await store.listIds()).map((id) => store.events(id)));
      return histories.length === TOTAL && histories.every((events) => hasEvent(events, ['reply_sent', 'reply_suppressed', 'reply_failed']));
    }, 120_000, 250);
    const sent = acknowledgements();
    console.log(`lease ${LEASE_SECONDS} s: takeover ${takeoverMs} ms after SIGKILL; ${sent.length} acknowledgements for ${TOTAL} complaints`);
    assert.equal(new Set(sent).size, TOTAL, 'every complaint acknowledged');
    // The documented crash window (docs/ARCHITECTURE.md, "Exactly once"): a reply the killed
    // instance had handed to SMTP but not yet recorded goes out again, with the same Message-ID,
    // so mail clients show it once. Only replies in flight at the kill can repeat, each once.
    const copies = new Map<string, number>();
    for (const id of sent) copies.set(id, (copies.get(id) ?? 0) + 1);
    const repeated = [...copies.values()].filter((count) => count > 1);
    assert.ok(repeated.every((count) => count === 2), 'a repeated reply goes out twice at most');
    assert.ok(repeated.length <= REPLIES_IN_FLIGHT, `at most the ${REPLIES_IN_FLIGHT} replies in flight at the kill repeat, saw ${repeated.length}`);
    assert.equal(await probe.zcard(keys.all()), TOTAL, 'nothing recorded twice');
  } finally {
    for (const instance of instances) instance.signalGroup('SIGKILL');
    await Promise.all(instances.map((s) => s.exited));
    await replies.close();
    probe.disconnect();
    await removeTempDir(dataDir);
  }
});
