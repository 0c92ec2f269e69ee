/**
 * Issue 10, point 1: our Message-IDs carry an HMAC under the service's secret, and only a valid
 * one proves that a message answers our reply. A stranger who copies the predictable legacy id
 * (or makes up a tag) into In-Reply-To gets a new record flagged `unverified_reference`; only the
 * complainant's own address fills in details or lifts anonymity.
 */
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
  uid += 1;
  return ingestMessage({ ...service.rt, readMessage, effects: makeRecordEffects({ ...service.rt }) }, {
    source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid, file: null },
    receivedAt: new Date(),
    declaredSize: raw.length,
    open: async () => Readable.from([raw]),
  });
}

const DOMAIN = 'wijzijnhecht.nl';
const NO_ADDRESS = ['Geachte heer, mevrouw,', '', 'Ik heb een klacht over de heer Smits. Hij heeft op 2 november 2026 zonder overleg de school van mijn zoon gebeld.', '', 'Met vriendelijke groet,', 'Anna Verbeek'].join('\r\n');
const ANONYMOUS = ['Ik wil anoniem blijven.', '', 'Ik heb een klacht over een medewerker die op 2 november 2026 onbeschoft was aan de telefoon.'].join('\r\n');
const STRANGER_DETAILS = ['Hierbij mijn gegevens:', '', 'Kees Vreemd', 'Rapenburg 99', '2311 EW Leiden'].join('\r\n');

async function withService(run: (service: TestService) => Promise<void>, env: Record<string, string> = {}) {
  const service = await startService({ redis }, { roles: [], env });
  try {
    await run(service);
  } finally {
    await service.stop();
  }
}

const forgedIds = (id: string, type: 'request_details' | 'anonymous_registered') => ({
  legacy: replyMessageId(id, type, DOMAIN),
  'made-up tag': replyMessageId(id, type, DOMAIN, '', '0123456789abcdef0123456789abcdef'),
});

test('a stranger quoting our reply id (legacy or with a made-up tag) gets a new record and fills in nothing', async () => {
  await withService(async (service) => {
    const first = await ingest(service, makeEml({ messageId: '<pf-1@example.nl>', from: 'Anna Verbeek <anna@example.nl>', body: NO_ADDRESS }));
    const eventsBefore = (await service.rt.store.events(first.id)).length;
    for (const [what, forged] of Object.entries(forgedIds(first.id, 'request_details'))) {
      const attack = await ingest(service, makeEml({ messageId: `<pf-2-${what.length}@example.com>`, from: 'Kees Vreemd <kees@example.com>', subject: `RE: ${first.id}`, headers: { 'In-Reply-To': forged }, body: STRANGER_DETAILS }));
      assert.equal(attack.outcome, 'created', what);
      assert.notEqual(attack.id, first.id, what);
      assert.ok((await service.rt.store.require(attack.id)).triage?.flags.includes('unverified_reference'), what);
    }
    const original = await service.rt.store.require(first.id);
    assert.equal(original.contact.address, null, 'nothing of the stranger reaches the complaint');
    assert.equal(original.status, 'awaiting_details');
    assert.equal((await service.rt.store.events(first.id)).length, eventsBefore, 'no event on the complaint');
  });
});

test('a stranger cannot lift the anonymity of a complaint with a forged reply id', async () => {
  await withService(async (service) => {
    const first = await ingest(service, makeEml({ messageId: '<pf-3@example.nl>', from: 'anoniem1234@example.nl', body: ANONYMOUS }));
    assert.equal((await service.rt.store.require(first.id)).status, 'registered');
    const attack = await ingest(service, makeEml({ messageId: '<pf-4@example.com>', from: 'Kees Vreemd <kees@example.com>', headers: { 'In-Reply-To': forgedIds(first.id, 'anonymous_registered').legacy }, body: STRANGER_DETAILS }));
    assert.notEqual(attack.id, first.id);
    const original = await service.rt.store.require(first.id);
    assert.equal(original.status, 'registered');
    assert.equal(original.contact.name, null);
    assert.equal(original.deadline, null);
  });
});

test('our signed reply id from the complainant attaches and fills in; from another address it attaches and fills in nothing', async () => {
  await withService(async (service) => {
    const first = await ingest(service, makeEml({ messageId: '<pf-5@example.nl>', from: 'anoniem5678@example.nl', body: ANONYMOUS }));
    const signed = service.rt.replyIds.messageId(first.id, 'anonymous_registered');
    assert.match(signed, /\.h1-[0-9a-f]{32}\.klachtenopvang@wijzijnhecht\.nl>$/);

    const other = await ingest(service, makeEml({ messageId: '<pf-6@example.com>', from: 'Kees Vreemd <kees@example.com>', headers: { 'In-Reply-To': signed }, body: STRANGER_DETAILS }));
    assert.equal(other.outcome, 'followup', 'a valid tag proves the writer received our reply');
    assert.equal(other.id, first.id);
    let record = await service.rt.store.require(first.id);
    assert.equal(record.status, 'registered', 'only the complainant lifts anonymity');
    assert.equal(record.contact.name, null);
    assert.ok(!(await service.rt.store.events(first.id)).some((e) => e.type === 'details_updated'));

    const own = await ingest(service, makeEml({ messageId: '<pf-7@example.nl>', from: 'Anna Verbeek <anoniem5678@example.nl>', headers: { 'In-Reply-To': signed }, body: ['Hierbij toch mijn gegevens:', '', 'Anna Verbeek', 'Rapenburg 12a', '2311 EW Leiden'].join('\r\n') }));
    assert.equal(own.outcome, 'followup');
    record = await service.rt.store.require(first.id);
    assert.equal(record.contact.address?.postcode, '2311 EW');
    assert.equal(record.status, 'open');
  });
});

test('the secret is created on first start and kept: a second process makes the same ids; REPLY_ID_SECRET overrides it', async () => {
  const first = await startService({ redis }, { roles: [] });
  try {
    const id = first.rt.replyIds.messageId('KL-2026-00042', 'acknowledgement');
    const second = await startService({ redis }, { roles: [], envBase: first.env });
    try {
      assert.equal(second.rt.replyIds.messageId('KL-2026-00042', 'acknowledgement'), id);
      assert.deepEqual(second.rt.replyIds.verify(id), { complaintId: 'KL-2026-00042', signed: true });
    } finally {
      await second.stop();
    }
    const configured = await startService({ redis }, { roles: [], envBase: { ...first.env, REPLY_ID_SECRET: 'x'.repeat(40) } });
    try {
      assert.notEqual(configured.rt.replyIds.messageId('KL-2026-00042', 'acknowledgement'), id);
      assert.deepEqual(configured.rt.replyIds.verify(id), { complaintId: 'KL-2026-00042', signed: false });
    } finally {
      await configured.stop();
    }
  } finally {
    await first.stop();
  }
});
