import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { AppError } from '../../../src/errors.ts';
import { acknowledgementType, planRegistration, RegisterComplaintSchema, type RegisterComplaintInput } from '../../../src/domain/registration-plan.ts';

const config = loadConfig({ REDIS_EMBEDDED: 'never' });
const now = new Date('2026-11-25T15:00:00Z');
const ADDRESS = { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' };
const plan = (input: Partial<RegisterComplaintInput>, at = now) =>
  planRegistration(config, RegisterComplaintSchema.parse({ channel: 'phone', receivedDate: '2026-11-23', description: 'Belde over het huisbezoek.', ...input }), 'anna@wijzijnhecht.nl', at);

describe('acknowledgementType', () => {
  test('anonymous first, then details missing, else the plain acknowledgement', () => {
    assert.equal(acknowledgementType([]), 'acknowledgement');
    assert.equal(acknowledgementType(['missing_name']), 'request_details');
    assert.equal(acknowledgementType(['missing_address']), 'request_details');
    assert.equal(acknowledgementType(['anonymous', 'missing_name']), 'anonymous_registered');
  });
});

describe('planRegistration', () => {
  test('a complete registration with an e-mail address: open, its clock from the date of receipt, an acknowledgement queued', () => {
    const { record, events, acknowledgement } = plan({ name: 'Jan Jansen', email: 'J.Jansen@Example.nl', address: ADDRESS });
    assert.equal(acknowledgement, 'acknowledgement');
    assert.equal(record.status, 'open');
    assert.equal(record.receivedDate, '2026-11-23');
    assert.equal(record.receivedAt, '2026-11-23T11:00:00.000Z', 'noon in Amsterdam on the day of receipt');
    assert.equal(record.ingestedAt, now.toISOString());
    assert.equal(record.deadline?.received, '2026-11-23');
    assert.deepEqual(record.contact, { name: 'Jan Jansen', email: 'j.jansen@example.nl', phone: null, address: ADDRESS });
    assert.deepEqual(record.source, { kind: 'officer', mailbox: 'phone', uidValidity: null, uid: null, file: null, messageId: null, sha256: record.source.sha256, size: 26 });
    assert.deepEqual(events.map((e) => [e.type, e.actor]), [
      ['received', 'anna@wijzijnhecht.nl'],
      ['registered_by', 'anna@wijzijnhecht.nl'],
      ['triaged', 'anna@wijzijnhecht.nl'],
      ['reply_queued', 'anna@wijzijnhecht.nl'],
    ]);
    assert.deepEqual(events[3]?.data, { type: 'acknowledgement', jobId: 'reply-__KLID__-acknowledgement' }, 'the reference is filled in when stored');
  });

  test('without an e-mail address nothing is queued: the acknowledgement goes by post', () => {
    const { events, acknowledgement, record } = plan({ name: 'Jan Jansen', address: ADDRESS });
    assert.equal(acknowledgement, null);
    assert.equal(record.triage?.reply, null);
    assert.ok(!events.some((e) => e.type === 'reply_queued'));
  });

  test('missing name or address: awaiting details; anonymous: registered, without name, address or clock', () => {
    const missing = plan({ email: 'j@example.nl', address: { ...ADDRESS, street: null } });
    assert.equal(missing.record.status, 'awaiting_details');
    assert.deepEqual(missing.record.triage?.flags, ['missing_name', 'missing_address']);
    assert.equal(missing.acknowledgement, 'request_details');
    const anonymous = plan({ anonymous: true, name: 'Jan Jansen', address: ADDRESS, email: 'j@example.nl' });
    assert.equal(anonymous.record.status, 'registered');
    assert.deepEqual(anonymous.record.triage?.flags, ['anonymous']);
    assert.deepEqual([anonymous.record.contact.name, anonymous.record.contact.address, anonymous.record.deadline], [null, null, null]);
    assert.equal(anonymous.acknowledgement, 'anonymous_registered');
  });

  test('the same registration twice has the same identity (sha256); another one does not', () => {
    assert.equal(plan({ name: 'A' }).record.source.sha256, plan({ name: 'A' }, new Date('2026-11-25T16:00:00Z')).record.source.sha256);
    assert.notEqual(plan({ name: 'A' }).record.source.sha256, plan({ name: 'B' }).record.source.sha256);
  });

  test('received today before noon: received now, not in the future; a date after today is refused', () => {
    const morning = new Date('2026-11-23T08:00:00Z');
    assert.equal(plan({}, morning).record.receivedAt, morning.toISOString());
    assert.throws(() => plan({ receivedDate: '2026-11-26' }), (error: unknown) => error instanceof AppError && error.code === 'received_in_future' && error.permanent);
  });
});
