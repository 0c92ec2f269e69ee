import assert from 'node:assert/strict';
import { test } from 'node:test';
import { triageCorrectionDiff } from '../../../src/domain/triage-correction.ts';
import { makeRecord, makeTriage } from '../../fixtures/records.ts';

const record = makeRecord({ triage: makeTriage({ kind: 'question', urgent: false, flags: ['missing_address'] }) });

test('a correction keeps before and after of each field it changes', () => {
  const address = { street: 'Breestraat', houseNumber: '1', postcode: '2311 CS', city: 'Leiden' };
  assert.deepEqual(triageCorrectionDiff(record, { kind: 'complaint', urgent: true, flags: [], address }), {
    before: { kind: 'question', urgent: false, flags: ['missing_address'], address: record.contact.address },
    after: { kind: 'complaint', urgent: true, flags: [], address },
  });
});

test('a field left out, or given the value it has, is no change; null clears', () => {
  assert.deepEqual(triageCorrectionDiff(record, {}), { before: {}, after: {} });
  assert.deepEqual(triageCorrectionDiff(record, { kind: 'question', name: 'Marieke de Vries', address: { ...record.contact.address! } }), { before: {}, after: {} });
  assert.deepEqual(triageCorrectionDiff(record, { name: null, phone: null }), { before: { name: 'Marieke de Vries' }, after: { name: null } }, 'the phone was null already');
});

test('a record never triaged has no kind, urgency or flags to compare with', () => {
  assert.deepEqual(triageCorrectionDiff(makeRecord({ triage: null }), { kind: 'complaint' }), { before: { kind: undefined }, after: { kind: 'complaint' } });
});
