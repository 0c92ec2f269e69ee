/**
 * Intake of a batch against a real Redis: the batch's records in one transaction, their replies
 * and officer jobs in one bulk add each (same job ids as one at a time), and a failure confined
 * to the messages it concerns, each of which stays in the inbox (an Error result) to be read again.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { Readable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config.ts';
import { makeReplyIds } from '../../src/domain/reply-ids.ts';
import { makeLogger } from '../../src/log.ts';
import { makeComplaintStore, type ComplaintStore } from '../../src/adapters/complaint-store.ts';
import { makeMetrics } from '../../src/adapters/metrics.ts';
import { makeQueues, type Queues } from '../../src/adapters/queues.ts';
import { readMessage } from '../../src/adapters/read-message.ts';
import { systemClock } from '../../src/adapters/system-clock.ts';
import { ingestBatch, type IngestDeps } from '../../src/app/ingest-message.ts';
import { makeRecordEffects } from '../../src/app/record-effects.ts';
import type { IncomingMessage } from '../../src/domain/incoming-message.ts';
import { eventsOf } from '../../src/domain/record-events.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

let server: RedisServer;
let redis: Redis;
let prefix: string;
let config: Config;
let store: ComplaintStore;
let queues: Queues;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: null });
});
after(async () => {
  await redis?.quit().catch(() => redis.disconnect());
  await server?.stop();
});
beforeEach(() => {
  prefix = `t${randomBytes(5).toString('hex')}`;
  config = loadConfig({ REDIS_EMBEDDED: 'never', REDIS_KEY_PREFIX: prefix });
  store = makeComplaintStore(redis, prefix);
  queues = makeQueues(redis, store.keys.bullPrefix(), { retryBaseMs: 200 });
});
afterEach(async () => {
  await queues.close();
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

const log = makeLogger({ sink: () => undefined });
const replyIds = makeReplyIds('test-secret-of-at-least-32-characters', 'wijzijnhecht.nl');

/** Intake's dependencies, with the store and queues given (a test may wrap them to count calls). */
function deps(overrides: { store?: ComplaintStore; queues?: Queues } = {}): IngestDeps {
  const s = overrides.store ?? store;
  const q = overrides.queues ?? queues;
  return { store: s, config, log, metrics: makeMetrics(), readMessage, replyIds, effects: makeRecordEffects({ store: s, queues: q, config, log, clock: systemClock }) };
}

let uid = 0;
function incoming(raw: Buffer, open: () => Promise<Readable> = async () => Readable.from([raw])): IncomingMessage {
  uid += 1;
  return { source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid, file: null }, receivedAt: new Date(), declaredSize: raw.length, open };
}

function complaints(n: number): Buffer[] {
  return Array.from({ length: n }, (_, i) => makeEml({ messageId: `<batch-${i}-${randomBytes(4).toString('hex')}@example.nl>`, from: `Afzender ${i} <afzender${i}@example.nl>` }));
}

/** Counts the calls of the named methods of an object of functions. */
function counting<T extends object>(target: T, names: (keyof T)[]): { wrapped: T; calls: Map<keyof T, number> } {
  const calls = new Map<keyof T, number>();
  const wrapped = { ...target };
  for (const name of names) {
    const original = target[name];
    if (typeof original !== 'function') throw new Error(`${String(name)} is not a function`);
    (wrapped as Record<keyof T, unknown>)[name] = (...args: unknown[]) => {
      calls.set(name, (calls.get(name) ?? 0) + 1);
      return (original as (...a: unknown[]) => unknown).apply(target, args);
    };
  }
  return { wrapped, calls };
}

describe('ingestBatch', () => {
  test('a batch of new complaints: one dedupe lookup, one transaction for the records, one for their jobs', async () => {
    const counted = counting(store, ['findDuplicate', 'findDuplicates', 'create', 'createMany']);
    const countedQueues = counting(queues, ['queueReply', 'queueOfficer', 'queueOfficerMany', 'queueBatch']);
    await redis.config('RESETSTAT');
    const results = await ingestBatch(deps({ store: counted.wrapped, queues: countedQueues.wrapped }), complaints(20).map((raw) => incoming(raw)));

    assert.deepEqual(results.map((r) => (r instanceof Error ? r.message : r.outcome)), Array(20).fill('created'));
    assert.deepEqual(Object.fromEntries(counted.calls), { findDuplicates: 1, createMany: 1 });
    assert.deepEqual(Object.fromEntries(countedQueues.calls), { queueBatch: 1 });
    assert.equal(/cmdstat_exec:calls=(\d+)/.exec(await redis.info('commandstats'))?.[1], '2', 'the records in one MULTI/EXEC, their jobs in another');
    // Each record has its acknowledgement queued under the id it always had, and its reminders.
    for (const result of results) {
      if (result instanceof Error) continue;
      assert.ok(await queues.replies.getJob(`reply-${result.id}-acknowledgement`), result.id);
      const events = await store.events(result.id);
      assert.equal(eventsOf(events, 'reply_queued').length, 1);
    }
    const reminders = await queues.officer.getJobs(['delayed', 'waiting']);
    assert.ok(reminders.length >= 20, `reminders queued: ${reminders.length}`);
  });

  test('the same batch read again (a crash before the MOVE) queues nothing twice', async () => {
    const raws = complaints(5);
    const first = await ingestBatch(deps(), raws.map((raw) => incoming(raw)));
    const replies = await queues.replies.getJobCounts();
    const officer = await queues.officer.getJobCounts();
    const again = await ingestBatch(deps(), raws.map((raw) => incoming(raw)));

    assert.deepEqual(again.map((r) => (r instanceof Error ? r.message : r.outcome)), Array(5).fill('duplicate'));
    assert.deepEqual(again.map((r) => (r instanceof Error ? null : r.id)), first.map((r) => (r instanceof Error ? null : r.id)));
    assert.deepEqual(await queues.replies.getJobCounts(), replies);
    assert.deepEqual(await queues.officer.getJobCounts(), officer);
    assert.equal(await store.count(), 5);
  });

  test('a message that cannot be read fails alone; the rest of the batch is written', async () => {
    const [a, b, c] = complaints(3);
    if (!a || !b || !c) throw new Error('three messages');
    const results = await ingestBatch(deps(), [
      incoming(a),
      incoming(b, async () => {
        throw Object.assign(new Error('the server closed the stream'), { code: 'imap_message_gone' });
      }),
      incoming(c),
    ]);
    assert.deepEqual(results.map((r) => (r instanceof Error ? 'error' : r.outcome)), ['created', 'error', 'created']);
    assert.equal(await store.count(), 2);
  });

  test('the same message twice in one batch makes one record; the second copy is noted as a duplicate', async () => {
    const [raw] = complaints(1);
    if (!raw) throw new Error('one message');
    const results = await ingestBatch(deps(), [incoming(raw), incoming(raw)]);
    assert.deepEqual(results.map((r) => (r instanceof Error ? 'error' : r.outcome)), ['created', 'duplicate']);
    const [first] = results;
    if (!first || first instanceof Error) throw new Error('created');
    assert.equal(eventsOf(await store.events(first.id), 'duplicate_seen').length, 1);
    assert.equal(await store.count(), 1);
  });

  test('when the batch cannot be written every message of it fails and nothing is queued', async () => {
    const failing = { ...store, createMany: async () => Promise.reject(Object.assign(new Error('connection lost'), { code: 'ECONNRESET' })) };
    const results = await ingestBatch(deps({ store: failing }), complaints(4).map((raw) => incoming(raw)));
    assert.ok(results.every((r) => r instanceof Error));
    assert.equal(await store.count(), 0);
    assert.equal((await queues.replies.getJobs(['waiting', 'delayed'])).length, 0);
  });

  test('when the replies cannot be queued the messages fail; read again, their records get their replies', async () => {
    const raws = complaints(3);
    const failingQueues = { ...queues, queueBatch: async () => Promise.reject(new Error('connection lost')) };
    const first = await ingestBatch(deps({ queues: failingQueues }), raws.map((raw) => incoming(raw)));
    assert.ok(first.every((r) => r instanceof Error), 'left in the inbox');
    assert.equal(await store.count(), 3, 'the records are written');

    const again = await ingestBatch(deps(), raws.map((raw) => incoming(raw)));
    assert.deepEqual(again.map((r) => (r instanceof Error ? 'error' : r.outcome)), ['duplicate', 'duplicate', 'duplicate']);
    for (const result of again) {
      if (result instanceof Error) continue;
      assert.ok(await queues.replies.getJob(`reply-${result.id}-acknowledgement`), result.id);
    }
  });

  test('a job Redis refuses fails the messages of its batch, which are read again', async () => {
    // The replies queue's event stream as a string: every job insert into that queue fails.
    const events = `${store.keys.bullPrefix()}:replies:events`;
    await redis.set(events, 'not a stream');
    const raws = complaints(2);
    const first = await ingestBatch(deps(), raws.map((raw) => incoming(raw)));
    assert.ok(first.every((r) => r instanceof Error && (r as { code?: string }).code === 'queue_batch_failed'), String(first));
    await redis.del(events);
    const again = await ingestBatch(deps(), raws.map((raw) => incoming(raw)));
    for (const result of again) {
      assert.ok(!(result instanceof Error), String(result));
      assert.ok(await queues.replies.getJob(`reply-${result.id}-acknowledgement`), result.id);
    }
  });
});
