import assert from 'node:assert/strict';
import { test } from 'node:test';
import { planReadBatches } from '../../../src/adapters/imap-batches.ts';

const limits = { streamAboveBytes: 1000, maxBatchBytes: 2500, maxBatchCount: 3 };

test('small messages are read in batches bounded by count and bytes, in UID order', () => {
  const plan = planReadBatches(
    [
      { uid: 5, size: 100 },
      { uid: 1, size: 100 },
      { uid: 2, size: 900 },
      { uid: 3, size: 900 },
      { uid: 4, size: 900 },
    ],
    limits,
  );
  assert.deepEqual(plan, [
    { kind: 'buffered', uids: [1, 2, 3] },
    { kind: 'buffered', uids: [4, 5] },
  ]);
});

test('a large message is streamed alone and splits the batches around it', () => {
  const plan = planReadBatches(
    [
      { uid: 1, size: 10 },
      { uid: 2, size: 5000 },
      { uid: 3, size: 10 },
    ],
    limits,
  );
  assert.deepEqual(plan, [
    { kind: 'buffered', uids: [1] },
    { kind: 'streamed', uid: 2 },
    { kind: 'buffered', uids: [3] },
  ]);
});

test('an empty mailbox plans nothing', () => {
  assert.deepEqual(planReadBatches([], limits), []);
});
