import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ComplaintRecordSchema, type Contact } from '../../../src/domain/complaint-record.ts';
import { contactFromTriage, initialStatus, mergeFollowupDetails, needsDeadline } from '../../../src/domain/record-rules.ts';
import { makeRecord, makeTriage } from '../../fixtures/records.ts';

const ADDRESS = { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' };
const NO_CONTACT: Contact = { name: null, email: 'm.devries@example.nl', phone: null, address: null };

describe('initialStatus', () => {
  test('no triage, a parse error or an oversized message is quarantined', () => {
    assert.equal(initialStatus(null, []), 'quarantined');
    assert.equal(initialStatus(makeTriage(), ['parse_error']), 'quarantined');
    assert.equal(initialStatus(makeTriage(), ['too_large']), 'quarantined');
  });

  test('a message without Message-ID is still handled by its kind', () => {
    assert.equal(initialStatus(makeTriage(), ['no_message_id']), 'open');
  });

  test('a complete complaint is open', () => {
    assert.equal(initialStatus(makeTriage({ kind: 'complaint' }), []), 'open');
  });

  test('a complaint lacking name or address awaits details', () => {
    assert.equal(initialStatus(makeTriage({ flags: ['missing_name'] }), []), 'awaiting_details');
    assert.equal(initialStatus(makeTriage({ flags: ['missing_address'] }), []), 'awaiting_details');
    assert.equal(initialStatus(makeTriage({ flags: ['missing_name', 'missing_address'] }), []), 'awaiting_details');
  });

  test('other flags (missing description, old incident, urgent) do not hold a complaint back', () => {
    assert.equal(initialStatus(makeTriage({ flags: ['missing_description', 'incident_over_one_year', 'urgent_safety', 'has_attachments'] }), []), 'open');
  });

  test('anonymous wins over missing details: registered, not handled', () => {
    assert.equal(initialStatus(makeTriage({ flags: ['anonymous', 'missing_name', 'missing_address'] }), []), 'registered');
  });

  test('compliments, ideas, questions and safety reports are routed (no Awb clock), whatever their flags', () => {
    for (const kind of ['compliment', 'idea', 'question', 'report'] as const) {
      assert.equal(initialStatus(makeTriage({ kind, contentKind: kind }), []), 'routed', kind);
      assert.equal(initialStatus(makeTriage({ kind, contentKind: kind, flags: ['missing_name', 'anonymous'] }), []), 'routed', kind);
    }
  });

  test('a follow-up that gets a record of its own is open', () => {
    assert.equal(initialStatus(makeTriage({ kind: 'followup' }), []), 'open');
  });

  test('automatic mail is ignored', () => {
    for (const kind of ['auto_reply', 'bounce', 'bulk'] as const) {
      assert.equal(initialStatus(makeTriage({ kind, contentKind: kind, reply: null }), []), 'ignored', kind);
    }
  });
});

describe('needsDeadline', () => {
  test('the Awb clock runs only for open and awaiting_details', () => {
    assert.equal(needsDeadline('open'), true);
    assert.equal(needsDeadline('awaiting_details'), true);
    for (const status of ['registered', 'routed', 'ignored', 'quarantined', 'closed', 'not_handled'] as const) {
      assert.equal(needsDeadline(status), false, status);
    }
  });
});

describe('contactFromTriage', () => {
  test('takes what triage found', () => {
    const triage = makeTriage({ complainant: { name: 'Marieke de Vries', email: 'm.devries@example.nl', phone: '0612345678', address: ADDRESS } });
    assert.deepEqual(contactFromTriage(triage, 'other@example.nl'), { name: 'Marieke de Vries', email: 'm.devries@example.nl', phone: '0612345678', address: ADDRESS });
  });

  test('falls back to the sender address when triage found no e-mail, or there is no triage', () => {
    const triage = makeTriage({ complainant: { name: null, email: null, phone: null, address: null } });
    assert.deepEqual(contactFromTriage(triage, 'sender@example.nl'), { name: null, email: 'sender@example.nl', phone: null, address: null });
    assert.deepEqual(contactFromTriage(null, null), { name: null, email: null, phone: null, address: null });
  });
});

describe('mergeFollowupDetails', () => {
  const waiting = () =>
    makeRecord({
      status: 'awaiting_details',
      contact: NO_CONTACT,
      triage: makeTriage({ flags: ['missing_name', 'missing_address', 'has_attachments'], reply: 'request_details' }),
    });
  const supplying = (complainant: Partial<Contact>) =>
    makeTriage({ kind: 'followup', complainant: { name: null, email: 'm.devries@example.nl', phone: null, address: null, ...complainant }, reply: 'followup_received' });

  test('fills name, address and phone that were missing, and says which', () => {
    const { record, filled } = mergeFollowupDetails(waiting(), supplying({ name: 'Marieke de Vries', address: ADDRESS, phone: '0612345678' }));
    assert.deepEqual(filled, ['name', 'address', 'phone']);
    assert.deepEqual(record.contact, { name: 'Marieke de Vries', email: 'm.devries@example.nl', phone: '0612345678', address: ADDRESS });
    assert.doesNotThrow(() => ComplaintRecordSchema.parse(record));
  });

  test('complete details clear the missing_* flags, keep the other flags, and open the complaint', () => {
    const { record } = mergeFollowupDetails(waiting(), supplying({ name: 'Marieke de Vries', address: ADDRESS }));
    assert.deepEqual(record.triage?.flags, ['has_attachments']);
    assert.equal(record.status, 'open');
  });

  test('only a name: missing_name is cleared, the complaint still awaits its address', () => {
    const { record, filled } = mergeFollowupDetails(waiting(), supplying({ name: 'Marieke de Vries' }));
    assert.deepEqual(filled, ['name']);
    assert.deepEqual(record.triage?.flags, ['missing_address', 'has_attachments']);
    assert.equal(record.status, 'awaiting_details');
  });

  test('only an address: missing_address is cleared, the complaint still awaits a name', () => {
    const { record, filled } = mergeFollowupDetails(waiting(), supplying({ address: ADDRESS }));
    assert.deepEqual(filled, ['address']);
    assert.deepEqual(record.triage?.flags, ['missing_name', 'has_attachments']);
    assert.equal(record.status, 'awaiting_details');
  });

  test('an address without house number is not taken as an address', () => {
    const { record, filled } = mergeFollowupDetails(waiting(), supplying({ address: { ...ADDRESS, houseNumber: null, postcode: null } }));
    assert.deepEqual(filled, []);
    assert.equal(record.contact.address, null);
    assert.equal(record.status, 'awaiting_details');
  });

  test('street, number and city without postcode complete the address, as triage counts it', () => {
    const supplied = { ...ADDRESS, postcode: null };
    const { record, filled } = mergeFollowupDetails(waiting(), supplying({ address: supplied }));
    assert.deepEqual(filled, ['address']);
    assert.deepEqual(record.contact.address, supplied);
  });

  test('never overwrites what is known', () => {
    const known = makeRecord({ contact: { name: 'Marieke de Vries', email: 'm.devries@example.nl', phone: '0612345678', address: ADDRESS } });
    const other = { street: 'Breestraat', houseNumber: '1', postcode: '2311 AA', city: 'Leiden' };
    const result = mergeFollowupDetails(known, supplying({ name: 'M. Bakker', phone: '0687654321', address: other }));
    assert.deepEqual(result.filled, []);
    assert.equal(result.record, known, 'nothing filled: the same record comes back');
    assert.deepEqual(result.record.contact, known.contact);
  });

  test('a follow-up that adds nothing changes nothing', () => {
    const before = waiting();
    const result = mergeFollowupDetails(before, supplying({}));
    assert.deepEqual(result.filled, []);
    assert.equal(result.record, before);
  });

  test('does not change the record it was given', () => {
    const before = waiting();
    const snapshot = structuredClone(before);
    mergeFollowupDetails(before, supplying({ name: 'Marieke de Vries', address: ADDRESS, phone: '0612345678' }));
    assert.deepEqual(before, snapshot);
  });

  test('a complete contact opens only an awaiting_details or anonymous record: other statuses stay', () => {
    for (const status of ['open', 'closed', 'not_handled'] as const) {
      const record = makeRecord({ status, contact: { ...NO_CONTACT, name: 'Marieke de Vries' } });
      assert.equal(mergeFollowupDetails(record, supplying({ address: ADDRESS })).record.status, status, status);
    }
  });

  test('an anonymous complainant who gives name and address is handled: open, no longer anonymous', () => {
    const anonymous = makeRecord({ status: 'registered', contact: { ...NO_CONTACT }, triage: makeTriage({ flags: ['anonymous', 'missing_name', 'missing_address'] }) });
    const { record } = mergeFollowupDetails(anonymous, supplying({ name: 'Marieke de Vries', address: ADDRESS }));
    assert.equal(record.status, 'open');
    assert.deepEqual(record.triage?.flags, []);
  });

  test('a phone number alone does not open a complaint that lacks name and address', () => {
    const { record, filled } = mergeFollowupDetails(waiting(), supplying({ phone: '0612345678' }));
    assert.deepEqual(filled, ['phone']);
    assert.equal(record.status, 'awaiting_details');
    assert.deepEqual(record.triage?.flags, ['missing_name', 'missing_address', 'has_attachments']);
  });

  test('a record without triage (quarantined) still gets the details', () => {
    const quarantined = makeRecord({ status: 'quarantined', triage: null, message: null, contact: NO_CONTACT });
    const { record, filled } = mergeFollowupDetails(quarantined, supplying({ name: 'Marieke de Vries', address: ADDRESS }));
    assert.deepEqual(filled, ['name', 'address']);
    assert.equal(record.triage, null);
    assert.equal(record.status, 'quarantined');
  });

  test(
    'a known street and city are kept when a follow-up supplies the number and postcode',
    () => {
      const partial = makeRecord({
        status: 'awaiting_details',
        contact: { ...NO_CONTACT, name: 'Marieke de Vries', address: { street: 'Hynsteblom', houseNumber: null, postcode: null, city: 'Leiden' } },
        triage: makeTriage({ flags: ['missing_address'] }),
      });
      const { record } = mergeFollowupDetails(partial, supplying({ address: { street: null, houseNumber: '4', postcode: '2311 CS', city: null } }));
      assert.equal(record.contact.address?.street, 'Hynsteblom');
      assert.equal(record.contact.address?.city, 'Leiden');
      assert.equal(record.contact.address?.postcode, '2311 CS');
    },
  );
});
