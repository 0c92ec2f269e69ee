import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { after, afterEach, before, beforeEach, test } from 'node:test';
import { Redis } from 'ioredis';
import { makeComplaintStore, type ComplaintStore } from '../../src/adapters/complaint-store.ts';
import { purgeExpired } from '../../src/app/purge-expired.ts';
import { buildRegisterReport } from '../../src/domain/register-report.ts';
import { DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadlines.ts';
import { type ComplaintRecord } from '../../src/domain/complaint-record.ts';
import { makeEvent, type RecordEvent } from '../../src/domain/record-events.ts';
import { anonymise, decideRetention } from '../../src/domain/retention.ts';
import { parseCalendarDate } from '../../src/domain/calendar-date.ts';
import { makeLogger } from '../../src/log.ts';
import type { Clock } from '../../src/app/ports.ts';
import { makeMessage, makeRecord, makeTriage } from '../fixtures/records.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
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
  prefix = `ret${randomBytes(5).toString('hex')}`;
  store = makeComplaintStore(redis, prefix);
});
afterEach(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

const SENDER = 'm.devries@example.nl';
/** Fictional personal data planted in the records; none of it may survive anonymising. */
const PERSONAL = ['Marieke', 'de Vries', 'devries', 'Hynsteblom', '2311 CS', 'Leiden', '0612345678', 'Petra Smit', 'Klacht over gesprek', 'verslag-gesprek.pdf', 'ouders gescheiden', 'excuses aangeboden', 'dossier-devries.eml'];

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso), msUntil: () => 0 });
const logLines: string[] = [];
const deps = (today: string) => ({ store, config: { RETENTION_YEARS: 5 }, log: makeLogger({ level: 'debug', sink: (line) => void logLines.push(line) }), clock: fixedClock(`${today}T10:00:00.000Z`) });

/** Stores a record with the given status and history, as intake and officers would have left it. */
async function seed(overrides: Partial<ComplaintRecord>, history: RecordEvent[]): Promise<string> {
  const { id: _id, ...base } = makeRecord({
    message: makeMessage({
      subject: 'Klacht over gesprek',
      text: 'Mijn ouders gescheiden; Petra Smit luisterde niet. Marieke de Vries, Hynsteblom 4, 2311 CS Leiden, 0612345678',
      attachments: [{ filename: 'verslag-gesprek.pdf', contentType: 'application/pdf', size: 2048, sha256: 'd'.repeat(64) }],
    }),
    triage: makeTriage({
      complainant: { name: 'Marieke de Vries', email: SENDER, phone: '0612345678', address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' } },
      employees: ['Petra Smit'],
      incidentDate: '2019-10-01',
    }),
    contact: { name: 'Marieke de Vries', email: SENDER, phone: '0612345678', address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' } },
    ...overrides,
  });
  const record = { ...base, source: { ...base.source, file: 'dossier-devries.eml', sha256: randomBytes(32).toString('hex') } };
  const created = await store.create({ record, events: history, fingerprint: null, senderAddress: SENDER });
  assert.ok(created.created);
  return created.id;
}

const received = (date: string) => ({ receivedAt: `${date}T09:00:00.000Z`, receivedDate: date });
const deadline = (receivedDate: string, date: string) => ({ route: 'standard' as const, received: receivedDate, deadline: date, shiftedFrom: null, extensionWeeks: 0, reason: '42 days after receipt (Awb 9:11, standard route)' });

async function snapshot(id: string) {
  return { json: await redis.get(store.keys.record(id)), events: await redis.lrange(store.keys.events(id), 0, -1) };
}

test('purge-expired anonymises expired records, keeps their register fields and leaves fresh ones alone', async () => {
  const today = '2026-11-24';
  // Closed on 2020-03-01: expired. It has a follow-up, an extension and an outcome in its history.
  const expiredClosed = await seed({ ...received('2020-01-10'), status: 'closed', deadline: { ...deadline('2020-01-10', '2020-03-20'), extensionWeeks: 2 } }, [
    sampleEvent('received', { source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'dossier-devries.eml' } }, { at: new Date('2020-01-10T09:00:00Z'), actor: 'intake' }),
    sampleEvent('followup_received', { message: makeMessage({ text: 'Marieke de Vries, Hynsteblom 4' }), triage: makeTriage() }, { at: new Date('2020-01-15T09:00:00Z'), actor: 'intake' }),
    makeEvent('extended', 'officer', { weeks: 2, reason: 'ouders gescheiden, gesprek later', from: '2020-02-21', to: '2020-03-06' }, new Date('2020-02-01T09:00:00Z')),
    makeEvent('closed', 'officer', { outcome: 'excuses aangeboden aan Marieke', previousStatus: 'open' }, new Date('2020-03-01T09:00:00Z')),
  ]);
  // A compliment received 2021-11-23: more than five years ago on 2026-11-24.
  const expiredRouted = await seed({ ...received('2021-11-23'), status: 'routed', deadline: null, triage: makeTriage({ kind: 'compliment', contentKind: 'compliment', reply: 'compliment_thanks' }) }, [
    sampleEvent('received', {}, { at: new Date('2021-11-23T09:00:00Z'), actor: 'intake' }),
  ]);
  // Closed exactly five years ago: kept one more day.
  const boundary = await seed({ ...received('2021-10-01'), status: 'closed', deadline: deadline('2021-10-01', '2021-11-12') }, [
    makeEvent('closed', 'officer', { outcome: 'excuses aangeboden' }, new Date('2021-11-24T10:00:00Z')),
  ]);
  // Still open after years: never purged. And a fresh compliment.
  const open = await seed({ ...received('2019-05-01'), status: 'open', deadline: deadline('2019-05-01', '2019-06-12') }, []);
  const fresh = await seed({ ...received('2026-01-05'), status: 'routed', deadline: null }, []);

  const untouched = [boundary, open, fresh];
  const before = await Promise.all(untouched.map(snapshot));
  const all = await store.listIds({ newestFirst: false });
  const report = async () =>
    buildRegisterReport({
      year: 2020,
      items: await Promise.all((await store.getMany(all)).map(async (record) => ({ record, events: await store.events(record.id) }))),
      today: parseCalendarDate(today),
      policy: DEFAULT_DEADLINE_POLICY,
    });
  const reportBefore = await report();
  const expiredBefore = await store.require(expiredClosed);

  // A dry run counts and changes nothing.
  const dry = await purgeExpired(deps(today), { dryRun: true });
  assert.equal(dry.due, 2);
  assert.equal(dry.anonymised, 0);
  assert.deepEqual(dry.byStatus, { closed: 1, routed: 1 });
  assert.match(JSON.stringify(await snapshot(expiredClosed)), /Hynsteblom/, 'the dry run left the data');

  const result = await purgeExpired(deps(today), { actor: 'cli-officer' });
  assert.equal(result.anonymised, 2);
  assert.equal(result.due, 2);
  assert.deepEqual(result.byStatus, { closed: 1, routed: 1 });
  assert.equal(result.examined, 4, 'the fresh record is not even read');

  for (const id of [expiredClosed, expiredRouted]) {
    const raw = JSON.stringify(await snapshot(id));
    for (const fragment of PERSONAL) assert.ok(!raw.includes(fragment), `${id}: "${fragment}" is gone from record and history`);
  }

  // The register skeleton of the closed complaint stays.
  const after = await store.require(expiredClosed);
  assert.equal(after.message, null);
  assert.deepEqual(after.contact, { name: null, email: null, phone: null, address: null });
  for (const field of ['id', 'receivedAt', 'receivedDate', 'ingestedAt', 'status', 'intakeFlags', 'deadline', 'noticeBy', 'assignedTo'] as const) {
    assert.deepEqual(after[field], expiredBefore[field], field);
  }
  assert.equal(after.triage?.kind, 'complaint');
  assert.deepEqual(after.triage?.flags, expiredBefore.triage?.flags);
  assert.equal(after.source.sha256, expiredBefore.source.sha256);
  const history = await store.events(expiredClosed);
  assert.deepEqual(history.map((e) => e.type), ['received', 'followup_received', 'extended', 'closed', 'anonymised']);
  assert.deepEqual(history.find((e) => e.type === 'extended')?.data, { weeks: 2, from: '2020-02-21', to: '2020-03-06' });
  assert.deepEqual(history.at(-1)?.data, { retentionFrom: '2020-03-01', basis: 'closed', keepUntil: '2025-03-01', years: 5 });
  assert.equal(history.at(-1)?.actor, 'cli-officer');
  assert.deepEqual(await report(), reportBefore, 'the Awb 9:12a figures are the same after anonymising');

  // The hashed sender index no longer links the sender to anonymised records.
  const bySender = await store.idsBySender(SENDER);
  assert.deepEqual(bySender.filter((id) => [expiredClosed, expiredRouted].includes(id)), []);
  assert.deepEqual([...bySender].sort(), [...untouched].sort());

  // Fresh, open and boundary records are byte for byte as they were.
  assert.deepEqual(await Promise.all(untouched.map(snapshot)), before);

  // A second run finds nothing new; the boundary record is due a day later.
  const again = await purgeExpired(deps(today));
  assert.equal(again.anonymised, 0);
  assert.equal(again.alreadyAnonymised, 2);
  const nextDay = await purgeExpired(deps('2026-11-25'));
  assert.equal(nextDay.anonymised, 1);
  assert.ok(!JSON.stringify(await snapshot(boundary)).includes('excuses'));

  // Logs carry ids and counts only.
  const log = logLines.join('\n');
  for (const fragment of PERSONAL) assert.ok(!log.includes(fragment), `log: ${fragment}`);
  assert.match(log, /"event":"record_anonymised"/);
});

test('an event appended while anonymising is not lost: the replacement is retried and rewrites it too', async () => {
  const id = await seed({ ...received('2019-01-10'), status: 'closed', deadline: deadline('2019-01-10', '2019-02-21') }, [
    makeEvent('closed', 'officer', { outcome: 'excuses aangeboden' }, new Date('2019-02-01T09:00:00Z')),
  ]);
  let calls = 0;
  const result = await store.replaceRecord(id, (record, history) => {
    calls += 1;
    // Another writer appends between our read and our write (same connection, so it lands first).
    if (calls === 1) void store.appendEvents(id, [makeEvent('viewed', 'other-officer', {}, new Date('2026-11-24T09:00:00Z'))]);
    const decision = decideRetention(record, history, { today: parseCalendarDate('2026-11-24'), years: 5 });
    return anonymise(record, history, { at: new Date('2026-11-24T10:00:00Z'), actor: 'retention', years: 5, decision });
  });
  assert.equal(result.replaced, true);
  assert.equal(calls, 2, 'the first write was refused because the history had grown');
  const history = await store.events(id);
  assert.deepEqual(history.map((e) => e.type), ['closed', 'viewed', 'anonymised']);
  assert.deepEqual(history[0]?.data, {});
});

test('replaceRecord refuses a change of status, which would leave the status index wrong', async () => {
  const id = await seed({ ...received('2019-01-10'), status: 'closed', deadline: null }, []);
  await assert.rejects(
    store.replaceRecord(id, (record, history) => ({ record: { ...record, status: 'open' }, events: history })),
    (error: Error & { code?: string }) => error.code === 'record_replace_invalid',
  );
  assert.equal((await store.require(id)).status, 'closed');
});

test('an anonymised complaint takes no new personal data: officers cannot change it and a follow-up starts a new record', async () => {
  const { makeQueues } = await import('../../src/adapters/queues.ts');
  const { reopenComplaint } = await import('../../src/app/officer-actions.ts');
  const { ingestMessage } = await import('../../src/app/ingest-message.ts');
  const { readMessage } = await import('../../src/adapters/read-message.ts');
  const { makeRecordEffects } = await import('../../src/app/record-effects.ts');
  const { loadConfig } = await import('../../src/config.ts');
  const { Readable } = await import('node:stream');
  const { makeEml } = await import('../helpers/make-eml.ts');
  const id = await seed({ ...received('2020-01-10'), status: 'closed', deadline: deadline('2020-01-10', '2020-02-21') }, [
    makeEvent('closed', 'officer', { outcome: 'excuses aangeboden' }, new Date('2020-02-01T09:00:00Z')),
  ]);
  assert.equal((await purgeExpired(deps('2026-11-24'))).anonymised, 1);
  const queues = makeQueues(redis, store.keys.bullPrefix(), { retryBaseMs: 1000 });
  const config = loadConfig({ REDIS_KEY_PREFIX: prefix });
  const base = { store, queues, config, log: makeLogger({ sink: () => {} }), clock: fixedClock('2026-11-24T10:00:00.000Z') };
  try {
    await assert.rejects(() => reopenComplaint(base, { id, actor: 'test' }), /anonymised/);
    const raw = makeEml({ messageId: '<after-retention@example.nl>', from: `Marieke de Vries <${SENDER}>`, subject: `Over ${id}`, body: `Nog een vraag over ${id}.\r\n\r\nMarieke de Vries\r\nHynsteblom 4\r\n2311 CS Leiden` });
    const replyIds = (await import('../../src/domain/reply-ids.ts')).makeReplyIds('test-secret-of-at-least-32-characters', 'wijzijnhecht.nl');
    const outcome = await ingestMessage({ ...base, metrics: (await import('../../src/adapters/metrics.ts')).makeMetrics(), readMessage, effects: makeRecordEffects(base), replyIds }, {
      source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'x.eml' },
      receivedAt: new Date('2026-11-24T10:00:00Z'),
      declaredSize: raw.length,
      open: async () => Readable.from([raw]),
    });
    assert.equal(outcome.outcome, 'created');
    assert.notEqual(outcome.id, id);
    assert.doesNotMatch(JSON.stringify(await snapshot(id)), /Hynsteblom/, 'the anonymised record stays empty');
  } finally {
    await queues.close();
  }
});
