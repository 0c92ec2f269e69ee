import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { ingestMessage } from '../../src/app/ingest-message.ts';
import { readMessage } from '../../src/adapters/read-message.ts';
import { makeRecordEffects } from '../../src/app/record-effects.ts';
import { replyMessageId } from '../../src/domain/reply-types.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, type TestService } from '../helpers/service.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

let redis: RedisServer;
before(async () => {
  redis = await startRedis();
});
after(async () => redis?.stop());

let uid = 0;
async function ingest(service: TestService, raw: Buffer) {
  const effects = makeRecordEffects({ ...service.rt });
  uid += 1;
  return ingestMessage({ ...service.rt, readMessage, effects }, {
    source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid, file: null },
    receivedAt: new Date(),
    declaredSize: raw.length,
    open: async () => Readable.from([raw]),
  });
}

const NO_ADDRESS = ['Geachte heer, mevrouw,', '', 'Ik heb een klacht over de heer Smits. Hij heeft op 2 november 2026 zonder overleg de school van mijn zoon gebeld.', '', 'Met vriendelijke groet,', 'Anna Verbeek'].join('\r\n');
const ADDRESS_ONLY = ['Hierbij mijn adres:', '', 'Anna Verbeek', 'Rapenburg 12a', '2311 EW Leiden'].join('\r\n');

test('a reply to our acknowledgement attaches to the complaint and fills the missing address', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const first = await ingest(service, makeEml({ messageId: '<fu-1@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    const before = await service.rt.store.require(first.id);
    assert.equal(before.status, 'awaiting_details');
    assert.ok(before.triage?.flags.includes('missing_address'));

    const answer = await ingest(
      service,
      makeEml({
        messageId: '<fu-2@example.nl>',
        from: 'Anna Verbeek <anna@example.nl>',
        subject: `RE: Ontvangstbevestiging ${first.id}`,
        headers: { 'In-Reply-To': replyMessageId(first.id, 'request_details', 'wijzijnhecht.nl') },
        body: ADDRESS_ONLY,
      }),
    );
    assert.equal(answer.outcome, 'followup');
    assert.equal(answer.id, first.id);
    assert.equal(await service.rt.store.count(), 1, 'no new record');
    const after = await service.rt.store.require(first.id);
    assert.equal(after.contact.address?.postcode, '2311 EW');
    assert.ok(!after.triage?.flags.includes('missing_address'), 'the flag is cleared');
    assert.equal(after.status, 'open');
    const events = (await service.rt.store.events(first.id)).map((e) => e.type);
    assert.ok(events.includes('followup_received') && events.includes('details_updated'));
    const jobs = await service.rt.queues.replies.getJobs(['waiting', 'delayed', 'active', 'completed']);
    assert.ok(jobs.some((job) => job.id?.startsWith(`reply-${first.id}-followup_received-`)), 'the follow-up gets its own reply');
  } finally {
    await service.stop();
  }
});

test('a reference from a stranger becomes a new record flagged unverified_reference and leaves the complaint alone', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const first = await ingest(service, makeEml({ messageId: '<fu-3@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    const eventsBefore = (await service.rt.store.events(first.id)).length;
    const stranger = await ingest(
      service,
      makeEml({ messageId: '<fu-4@example.nl>', from: 'Iemand Anders <anders@example.com>', subject: `Over ${first.id}`, body: `Ik heb informatie over ${first.id}.\r\n\r\nRapenburg 99\r\n2311 EW Leiden` }),
    );
    assert.equal(stranger.outcome, 'created');
    assert.notEqual(stranger.id, first.id);
    const record = await service.rt.store.require(stranger.id);
    assert.ok(record.triage?.flags.includes('unverified_reference'));
    const original = await service.rt.store.require(first.id);
    assert.equal(original.contact.address, null, 'nothing of the stranger reaches the complaint');
    assert.equal((await service.rt.store.events(first.id)).length, eventsBefore);
  } finally {
    await service.stop();
  }
});

test('an unknown reference is a new record with a flag, never dropped', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const result = await ingest(service, makeEml({ messageId: '<fu-5@example.nl>', subject: 'Vraag over KL-2020-09999', from: 'Anna Verbeek <anna@example.nl>' }));
    assert.equal(result.outcome, 'created');
    const record = await service.rt.store.require(result.id);
    assert.ok(record.triage?.flags.includes('unverified_reference'));
  } finally {
    await service.stop();
  }
});

test('two copies of one message ingested at the same moment make one record whose history shows both', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const raw = makeEml({ messageId: '<race@example.nl>' });
    const [a, b] = await Promise.all([ingest(service, raw), ingest(service, raw)]);
    assert.equal(a.id, b.id);
    assert.deepEqual([a.outcome, b.outcome].sort(), ['created', 'duplicate']);
    assert.equal(await service.rt.store.count(), 1);
    const events = (await service.rt.store.events(a.id)).map((e) => e.type);
    assert.equal(events.filter((t) => t === 'duplicate_seen').length, 1);
  } finally {
    await service.stop();
  }
});

test('an officer answering an alert is not the complainant: nothing attaches and nobody gets an automatic reply', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const first = await ingest(service, makeEml({ messageId: '<fu-off-1@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    const answer = await ingest(
      service,
      makeEml({
        messageId: '<fu-off-2@example.nl>',
        from: 'Klachtenfunctionaris <officer@wijzijnhecht.nl>',
        subject: `RE: Spoed ${first.id}`,
        headers: { 'In-Reply-To': replyMessageId(first.id, 'officer_alert', 'wijzijnhecht.nl') },
        body: 'Ik pak deze op.\r\n\r\nPetra Smit\r\nKerkstraat 1\r\n2311 AA Leiden',
      }),
    );
    assert.notEqual(answer.id, first.id);
    const record = await service.rt.store.require(answer.id);
    assert.equal(record.triage?.reply, null);
    const original = await service.rt.store.require(first.id);
    assert.equal(original.contact.address, null, 'the officer\'s text does not reach the complaint');
  } finally {
    await service.stop();
  }
});

test('a follow-up from a sender who asks for no automatic replies attaches without a reply', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const first = await ingest(service, makeEml({ messageId: '<fu-sup-1@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    const answer = await ingest(
      service,
      makeEml({
        messageId: '<fu-sup-2@example.nl>',
        from: 'Anna Verbeek <anna@example.nl>',
        headers: { 'In-Reply-To': replyMessageId(first.id, 'request_details', 'wijzijnhecht.nl'), 'X-Auto-Response-Suppress': 'All' },
        body: ADDRESS_ONLY,
      }),
    );
    assert.equal(answer.outcome, 'followup');
    const jobs = await service.rt.queues.replies.getJobs(['waiting', 'delayed', 'active', 'completed']);
    assert.ok(!jobs.some((job) => job.id?.includes('followup_received')), 'no automatic reply');
  } finally {
    await service.stop();
  }
});

test('a follow-up seen again after a crash before its effects gets its reply then', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const first = await ingest(service, makeEml({ messageId: '<fu-crash-1@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    const raw = makeEml({ messageId: '<fu-crash-2@example.nl>', from: 'Anna Verbeek <anna@example.nl>', headers: { 'In-Reply-To': replyMessageId(first.id, 'request_details', 'wijzijnhecht.nl') }, body: ADDRESS_ONLY });
    const real = makeRecordEffects({ ...service.rt });
    const crashing = { afterCreate: real.afterCreate, afterFollowup: async () => Promise.reject(new Error('crash')) };
    uid += 1;
    await assert.rejects(() =>
      ingestMessage({ ...service.rt, readMessage, effects: crashing }, { source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid, file: null }, receivedAt: new Date(), declaredSize: raw.length, open: async () => Readable.from([raw]) }),
    );
    const again = await ingest(service, raw);
    assert.equal(again.outcome, 'duplicate');
    const jobs = await service.rt.queues.replies.getJobs(['waiting', 'delayed', 'active', 'completed']);
    assert.ok(jobs.some((job) => job.id?.startsWith(`reply-${first.id}-followup_received-`)), 'the follow-up reply is queued on the second sight');
  } finally {
    await service.stop();
  }
});

test('an anonymous complainant who later gives name and address is handled from then on, with a deadline', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const anonymous = 'Ik wil een klacht indienen over Veilig Thuis. Ik wil graag anoniem blijven. De medewerker heeft mijn verhaal niet serieus genomen.';
    const first = await ingest(service, makeEml({ messageId: '<fu-anon-1@example.nl>', from: 'x <anon1@example.nl>', body: anonymous }));
    const before = await service.rt.store.require(first.id);
    assert.equal(before.status, 'registered');
    assert.equal(before.deadline, null);
    await ingest(
      service,
      makeEml({
        messageId: '<fu-anon-2@example.nl>',
        from: 'x <anon1@example.nl>',
        headers: { 'In-Reply-To': replyMessageId(first.id, 'anonymous_registered', 'wijzijnhecht.nl') },
        body: 'Ik wil toch dat u mijn klacht behandelt.\r\n\r\nMet vriendelijke groet,\r\nAnna Verbeek\r\nRapenburg 12a\r\n2311 EW Leiden',
      }),
    );
    const after = await service.rt.store.require(first.id);
    assert.equal(after.status, 'open');
    assert.ok(!after.triage?.flags.includes('anonymous'));
    assert.ok(after.deadline, 'the Awb clock runs now');
  } finally {
    await service.stop();
  }
});

test('retriage applies the current rules but keeps what intake settled: the reply and details a follow-up supplied', async () => {
  const { retriageRecords } = await import('../../src/app/retriage.ts');
  const service = await startService({ redis }, { roles: [] });
  try {
    const first = await ingest(service, makeEml({ messageId: '<rt-1@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    await ingest(service, makeEml({ messageId: '<rt-2@example.nl>', from: 'Anna Verbeek <anna@example.nl>', headers: { 'In-Reply-To': replyMessageId(first.id, 'request_details', 'wijzijnhecht.nl') }, body: ADDRESS_ONLY }));
    // Pretend older rules had misread the message.
    await service.rt.store.update(first.id, (record) => (record.triage ? { record: { ...record, triage: { ...record.triage, kind: 'question' } }, events: [] } : null));
    const result = await retriageRecords({ store: service.rt.store, config: service.config }, [first.id], 'test');
    assert.deepEqual(result, { changed: 1, skipped: 0 });
    const record = await service.rt.store.require(first.id);
    assert.equal(record.triage?.kind, 'complaint', 'current rules applied');
    assert.ok(!record.triage?.flags.includes('missing_address'), 'the address a follow-up gave is still known');
    assert.equal(record.triage?.reply, 'request_details', 'the reply decided at intake stays');
    assert.ok((await service.rt.store.events(first.id)).some((e) => e.type === 'retriaged'));
    assert.deepEqual(await retriageRecords({ store: service.rt.store, config: service.config }, [first.id], 'test'), { changed: 0, skipped: 1 }, 'running it again changes nothing');
  } finally {
    await service.stop();
  }
});
