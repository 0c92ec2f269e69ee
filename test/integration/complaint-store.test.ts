import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { makeComplaintStore, type ComplaintStore, type CreateInput } from '../../src/adapters/complaint-store.ts';
import { RECORD_ID_PLACEHOLDER, type NewRecord } from '../../src/domain/complaint-record.ts';
import { messageFingerprint } from '../../src/domain/message-fingerprint.ts';
import { AppError } from '../../src/errors.ts';
import { type ComplaintRecord } from '../../src/domain/complaint-record.ts';
import { lastEvent, makeEvent } from '../../src/domain/record-events.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { makeRecord } from '../fixtures/records.ts';
import { sampleEvent } from '../fixtures/events.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

let server: RedisServer;
let redis: Redis;
let prefix: string;
let store: ComplaintStore;

before(async () => {
  server = await startRedis();
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});
after(async () => {
  await redis?.quit().catch(() => redis.disconnect());
  await server?.stop();
});
beforeEach(() => {
  prefix = `t${randomBytes(5).toString('hex')}`;
  store = makeComplaintStore(redis, prefix);
});
afterEach(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

/** The stored JSON as it is in Redis, read past the store. */
const rawRecord = (id: string) => redis.get(store.keys.record(id));
const EPOCH_DAY = (date: string) => Date.parse(`${date}T00:00:00Z`) / 86_400_000;

let counter = 0;
/** A new record as intake builds it: unique bytes and Message-ID unless the test says otherwise. */
function input(overrides: Partial<ComplaintRecord> = {}, extra: Partial<Omit<CreateInput, 'record'>> = {}): CreateInput {
  counter += 1;
  const { id: _id, ...base } = makeRecord(overrides);
  const messageId = `<store-${counter}-${randomBytes(4).toString('hex')}@example.nl>`;
  const record: NewRecord = {
    ...base,
    source: { ...base.source, sha256: overrides.source?.sha256 ?? randomBytes(32).toString('hex'), messageId },
  };
  return {
    record,
    events: [sampleEvent('received'), makeEvent('reply_queued', 'intake', { type: 'acknowledgement', jobId: `reply-${RECORD_ID_PLACEHOLDER}-acknowledgement` })],
    fingerprint: messageFingerprint(messageId, 'm.devries@example.nl', '2026-11-23T09:15:00.000Z'),
    senderAddress: 'm.devries@example.nl',
    messageId,
    ...extra,
  };
}

describe('create', () => {
  test('assigns KL-<year>-00001, 00002, … with a counter per year of receipt', async () => {
    const a = await store.create(input({ receivedDate: '2026-11-23' }));
    const b = await store.create(input({ receivedDate: '2026-12-31' }));
    const c = await store.create(input({ receivedDate: '2027-01-01', receivedAt: '2026-12-31T23:30:00.000Z' }));
    const d = await store.create(input({ receivedDate: '2026-12-31' }));
    assert.deepEqual([a, b, c, d], [
      { created: true, id: 'KL-2026-00001' },
      { created: true, id: 'KL-2026-00002' },
      { created: true, id: 'KL-2027-00001' },
      { created: true, id: 'KL-2026-00003' },
    ]);
  });

  test('the record and its events are stored with the new id in place of the placeholder', async () => {
    const { id } = await store.create(input());
    const record = await store.require(id);
    assert.equal(record.id, id);
    assert.equal(record.status, 'open');
    const events = await store.events(id);
    assert.deepEqual(events.map((e) => e.type), ['received', 'reply_queued']);
    assert.equal(lastEvent(events, 'reply_queued')?.data.jobId, `reply-${id}-acknowledgement`);
    assert.ok(!(await rawRecord(id))?.includes(RECORD_ID_PLACEHOLDER));
  });

  test('is idempotent by the SHA-256 of the bytes: same id, created false, nothing added', async () => {
    const first = input();
    const { id } = await store.create(first);
    const again = input({ source: { ...first.record.source } }, { fingerprint: null });
    assert.deepEqual(await store.create(again), { created: false, id });
    assert.equal(await store.count(), 1);
    assert.equal((await store.events(id)).length, 2, 'no events appended by the duplicate');
    assert.equal(await redis.get(store.keys.counter(2026)), '1', 'no number used up');
  });

  test('is idempotent by the Message-ID fingerprint when the bytes differ (a re-uploaded message)', async () => {
    const first = input();
    const { id } = await store.create(first);
    const reupload = input({}, { fingerprint: first.fingerprint });
    assert.notEqual(reupload.record.source.sha256, first.record.source.sha256);
    assert.deepEqual(await store.create(reupload), { created: false, id });
    assert.equal(await store.count(), 1);
  });

  test('messages without a Message-ID are told apart by their bytes alone', async () => {
    const a = await store.create(input({}, { fingerprint: null, messageId: null }));
    const b = await store.create(input({}, { fingerprint: null, messageId: null }));
    assert.equal(a.created && b.created, true);
    assert.notEqual(a.id, b.id);
  });

  test('concurrent creates of the same message make one record', async () => {
    const one = input();
    const results = await Promise.all(Array.from({ length: 10 }, () => store.create(one)));
    assert.equal(results.filter((r) => r.created).length, 1);
    assert.equal(new Set(results.map((r) => r.id)).size, 1);
    assert.equal(await store.count(), 1);
  });

  test('dedupe lookups, sender index and recorded Message-IDs', async () => {
    const first = input();
    const { id } = await store.create(first);
    assert.equal(await store.findDuplicate(first.record.source.sha256, null), id);
    assert.equal(await store.findDuplicate('0'.repeat(64), first.fingerprint), id);
    assert.equal(await store.findDuplicate('0'.repeat(64), null), null);
    assert.deepEqual(await store.idsBySender('M.DeVries@Example.nl'), [id]);
    assert.deepEqual(await store.knownMessageIds([first.messageId ?? '', '<never@example.nl>']), [true, false]);
  });

  test('createMany writes a batch in one MULTI/EXEC, results in input order, a message twice in the batch once', async () => {
    const [a, b] = [input(), input()];
    await redis.config('RESETSTAT');
    const results = await store.createMany([a, b, a]);
    const stats = await redis.info('commandstats');
    assert.equal(/cmdstat_exec:calls=(\d+)/.exec(stats)?.[1], '1', 'one transaction for the batch');
    assert.deepEqual(results.map((r) => r.created), [true, true, false]);
    assert.equal(results[2]?.id, results[0]?.id, 'the second copy names the record the first made');
    assert.equal(await store.count(), 2);
    assert.deepEqual(await store.findDuplicates([{ sha256: b.record.source.sha256, fingerprint: null }, { sha256: '0'.repeat(64), fingerprint: a.fingerprint }, { sha256: '1'.repeat(64), fingerprint: null }]), [
      results[1]?.id,
      results[0]?.id,
      null,
    ]);
  });

  test('createMany loads the create script again when Redis has forgotten it (restart, SCRIPT FLUSH)', async () => {
    await store.create(input());
    await redis.script('FLUSH');
    const results = await store.createMany([input(), input()]);
    assert.deepEqual(results.map((r) => r.created), [true, true]);
    assert.equal(await store.count(), 3);
  });

  test('no key name holds the sender address or the Message-ID', async () => {
    const first = input();
    await store.create(first);
    const names = (await redis.keys(`${prefix}*`)).join('\n');
    assert.ok(!names.includes('devries'), names);
    assert.ok(!names.includes('@'), names);
  });
});

describe('update', () => {
  test('applies the mutation, appends its events and stamps updatedAt', async () => {
    const { id } = await store.create(input());
    const before = await store.require(id);
    const result = await store.update(id, (record) => ({
      record: { ...record, assignedTo: 'officer@wijzijnhecht.nl' },
      events: [makeEvent('assigned', 'officer@wijzijnhecht.nl', { to: 'officer@wijzijnhecht.nl', from: null })],
    }));
    assert.equal(result.changed, true);
    assert.equal(result.duplicate, false);
    const stored = await store.require(id);
    assert.equal(stored.assignedTo, 'officer@wijzijnhecht.nl');
    assert.ok(stored.updatedAt > before.updatedAt);
    assert.deepEqual((await store.events(id)).map((e) => e.type), ['received', 'reply_queued', 'assigned']);
  });

  test('a mutation returning null changes nothing', async () => {
    const { id } = await store.create(input());
    const raw = await rawRecord(id);
    const result = await store.update(id, () => null);
    assert.equal(result.changed, false);
    assert.equal(await rawRecord(id), raw);
  });

  test('the mutation cannot change the id', async () => {
    const { id } = await store.create(input());
    await store.update(id, (record) => ({ record: { ...record, id: 'KL-1999-00001' }, events: [] }));
    assert.equal((await store.require(id)).id, id);
    assert.equal(await store.get('KL-1999-00001'), null);
  });

  test('is compare-and-set: two concurrent updates are both applied, none lost', async () => {
    const { id } = await store.create(input());
    // Both writers read the same version before either writes, so one of them must retry.
    let arrived = 0;
    let release: () => void = () => undefined;
    const bothRead = new Promise<void>((resolve) => (release = resolve));
    const calls = { assign: 0, close: 0 };
    const waitForOther = async () => {
      arrived += 1;
      if (arrived === 2) release();
      await bothRead;
    };
    await Promise.all([
      store.update(id, async (record) => {
        calls.assign += 1;
        await waitForOther();
        return { record: { ...record, assignedTo: 'officer@wijzijnhecht.nl' }, events: [sampleEvent('assigned', {}, { actor: 'officer@wijzijnhecht.nl' })] };
      }),
      store.update(id, async (record) => {
        calls.close += 1;
        await waitForOther();
        return { record: { ...record, status: 'closed' }, events: [sampleEvent('closed', {}, { actor: 'officer@wijzijnhecht.nl' })] };
      }),
    ]);
    assert.equal(calls.assign + calls.close, 3, 'the loser re-read and applied its change to the new version');
    const stored = await store.require(id);
    assert.equal(stored.assignedTo, 'officer@wijzijnhecht.nl');
    assert.equal(stored.status, 'closed');
    const types = (await store.events(id)).map((e) => e.type);
    assert.equal(types.filter((t) => t === 'assigned').length, 1);
    assert.equal(types.filter((t) => t === 'closed').length, 1);
  });

  test('many concurrent updates each land exactly once', async () => {
    const { id } = await store.create(input());
    await Promise.all(
      Array.from({ length: 8 }, (_, i) =>
        store.update(id, (record) => ({ record: { ...record, intakeFlags: record.intakeFlags }, events: [makeEvent('viewed', `officer${i}@wijzijnhecht.nl`)] })),
      ),
    );
    const viewers = (await store.events(id)).filter((e) => e.type === 'viewed').map((e) => e.actor).sort();
    assert.deepEqual(viewers, Array.from({ length: 8 }, (_, i) => `officer${i}@wijzijnhecht.nl`).sort());
  });

  test('with a link, the follow-up\'s dedupe keys point at the record', async () => {
    const { id } = await store.create(input());
    const followupSha = randomBytes(32).toString('hex');
    const followupFingerprint = messageFingerprint('<fu@example.nl>', 'm.devries@example.nl', null);
    const result = await store.update(id, (record) => ({ record, events: [sampleEvent('followup_received', { followupKey: followupSha.slice(0, 16), sha256: followupSha })] }), {
      sha256: followupSha,
      fingerprint: followupFingerprint,
      messageId: '<fu@example.nl>',
    });
    assert.equal(result.changed, true);
    assert.equal(await store.findDuplicate(followupSha, null), id);
    assert.equal(await store.findDuplicate('0'.repeat(64), followupFingerprint), id);
    assert.deepEqual(await store.knownMessageIds(['<fu@example.nl>']), [true]);
  });

  test('with a link whose SHA is already recorded, the update is refused as a duplicate', async () => {
    const other = input();
    await store.create(other);
    const { id } = await store.create(input());
    const before = await rawRecord(id);
    const eventsBefore = (await store.events(id)).length;
    const result = await store.update(id, (record) => ({ record: { ...record, assignedTo: 'officer@wijzijnhecht.nl' }, events: [sampleEvent('followup_received')] }), {
      sha256: other.record.source.sha256,
      fingerprint: null,
    });
    assert.deepEqual({ changed: result.changed, duplicate: result.duplicate }, { changed: false, duplicate: true });
    assert.equal(await rawRecord(id), before, 'record untouched');
    assert.equal((await store.events(id)).length, eventsBefore, 'no events appended');
  });

  test('with a link whose fingerprint is already recorded, the update is refused too', async () => {
    const { id } = await store.create(input());
    const link = { sha256: randomBytes(32).toString('hex'), fingerprint: messageFingerprint('<fu2@example.nl>', null, null) };
    const first = await store.update(id, (record) => ({ record, events: [sampleEvent('followup_received')] }), link);
    assert.equal(first.changed, true);
    const again = await store.update(id, (record) => ({ record, events: [sampleEvent('followup_received')] }), { ...link, sha256: randomBytes(32).toString('hex') });
    assert.equal(again.duplicate, true);
    assert.equal((await store.events(id)).filter((e) => e.type === 'followup_received').length, 1);
  });

  test('status and deadline indexes follow the record', async () => {
    const { id } = await store.create(input({ status: 'open' }));
    assert.deepEqual(await store.listIds({ status: 'open' }), [id]);
    assert.deepEqual(await store.idsWithDeadlineUntil(EPOCH_DAY('2027-01-04')), [id]);
    assert.deepEqual(await store.idsWithDeadlineUntil(EPOCH_DAY('2027-01-03')), [], 'scored by the deadline day');

    await store.update(id, (record) => ({ record: { ...record, status: 'closed' }, events: [] }));
    assert.deepEqual(await store.listIds({ status: 'open' }), []);
    assert.deepEqual(await store.listIds({ status: 'closed' }), [id]);
    assert.deepEqual(await store.idsWithDeadlineUntil(EPOCH_DAY('2030-01-01')), [], 'a closed complaint has no running clock');

    await store.update(id, (record) => ({
      record: { ...record, status: 'awaiting_details', deadline: record.deadline && { ...record.deadline, deadline: '2027-02-01', extensionWeeks: 4 } },
      events: [],
    }));
    assert.deepEqual(await store.listIds({ status: 'closed' }), []);
    assert.deepEqual(await store.listIds({ status: 'awaiting_details' }), [id]);
    assert.deepEqual(await store.idsWithDeadlineUntil(EPOCH_DAY('2027-01-31')), []);
    assert.deepEqual(await store.idsWithDeadlineUntil(EPOCH_DAY('2027-02-01')), [id]);
    assert.equal(await store.count('awaiting_details'), 1);
    assert.equal(await store.count('open'), 0);
    assert.equal(await store.count(), 1);
  });

  test('a record created without a running clock is not in the deadline index', async () => {
    await store.create(input({ status: 'routed', deadline: null }));
    await store.create(input({ status: 'registered' }));
    assert.deepEqual(await store.idsWithDeadlineUntil(EPOCH_DAY('2030-01-01')), []);
  });

  test('an unknown id is record_not_found, and the mutation is not called', async () => {
    let called = false;
    await assert.rejects(
      store.update('KL-2026-09999', () => {
        called = true;
        return null;
      }),
      (error: unknown) => error instanceof AppError && error.code === 'record_not_found' && error.permanent,
    );
    assert.equal(called, false);
    await assert.rejects(store.require('KL-2026-09999'), (error: unknown) => error instanceof AppError && error.code === 'record_not_found');
    assert.equal(await store.get('KL-2026-09999'), null);
  });

  test('a mutation producing an invalid record is refused before anything is written', async () => {
    const { id } = await store.create(input());
    const raw = await rawRecord(id);
    await assert.rejects(store.update(id, (record) => ({ record: { ...record, status: 'lost' as never }, events: [] })));
    assert.equal(await rawRecord(id), raw);
  });
});

describe('reading back', () => {
  test('a record that no longer matches the schema gives AppError record_invalid (permanent)', async () => {
    const { id } = await store.create(input());
    const stored = JSON.parse((await rawRecord(id)) ?? '{}') as Record<string, unknown>;
    await redis.set(store.keys.record(id), JSON.stringify({ ...stored, status: 'vanished', receivedAt: 'yesterday' }));
    const isInvalid = (error: unknown) => error instanceof AppError && error.code === 'record_invalid' && error.permanent && !error.message.includes('devries');
    await assert.rejects(store.get(id), isInvalid);
    await assert.rejects(store.getMany([id]), isInvalid);
    await assert.rejects(store.update(id, (record) => ({ record, events: [] })), isInvalid);
  });

  test(
    'a record whose JSON is cut off gives AppError record_invalid too',
    async () => {
      const { id } = await store.create(input());
      const raw = (await rawRecord(id)) ?? '';
      await redis.set(store.keys.record(id), raw.slice(0, raw.length / 2));
      await assert.rejects(store.get(id), (error: unknown) => error instanceof AppError && error.code === 'record_invalid' && error.permanent);
    },
  );

  test('count, listIds (newest first by default, paging) and getMany', async () => {
    const ids: string[] = [];
    for (const [i, receivedAt] of ['2026-11-20T09:00:00.000Z', '2026-11-21T09:00:00.000Z', '2026-11-22T09:00:00.000Z', '2026-11-23T09:00:00.000Z'].entries()) {
      const { id } = await store.create(input({ receivedAt, status: i === 1 ? 'routed' : 'open', ...(i === 1 ? { deadline: null } : {}) }));
      ids.push(id);
    }
    assert.equal(await store.count(), 4);
    assert.equal(await store.count('open'), 3);
    assert.equal(await store.count('routed'), 1);
    assert.equal(await store.count('closed'), 0);
    assert.deepEqual(await store.listIds(), [...ids].reverse());
    assert.deepEqual(await store.listIds({ newestFirst: false }), ids);
    assert.deepEqual(await store.listIds({ limit: 2 }), [ids[3], ids[2]]);
    assert.deepEqual(await store.listIds({ limit: 2, offset: 2 }), [ids[1], ids[0]]);
    assert.deepEqual(await store.listIds({ status: 'routed' }), [ids[1]]);
    assert.deepEqual(
      await store.idsReceivedBetween(Date.parse('2026-11-21T00:00:00.000Z'), Date.parse('2026-11-22T23:59:59.999Z')),
      [ids[1], ids[2]],
    );

    const many = await store.getMany([ids[2] ?? '', 'KL-2026-09999', ids[0] ?? '']);
    assert.deepEqual(many.map((r) => r.id), [ids[2], ids[0]], 'in the order asked, missing ids left out');
    assert.deepEqual(await store.getMany([]), []);
  });

  test('appendEvents adds to the history without touching the record', async () => {
    const { id } = await store.create(input());
    const raw = await rawRecord(id);
    await store.appendEvents(id, [makeEvent('viewed', 'officer@wijzijnhecht.nl')]);
    await store.appendEvents(id, []);
    assert.deepEqual((await store.events(id)).map((e) => e.type), ['received', 'reply_queued', 'viewed']);
    assert.equal(await rawRecord(id), raw);
  });

  test('stores with different prefixes do not see each other', async () => {
    const { id } = await store.create(input());
    const other = makeComplaintStore(redis, `${prefix}x`);
    assert.equal(await other.get(id), null);
    assert.equal(await other.count(), 0);
  });
});
