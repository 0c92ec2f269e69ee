import assert from 'node:assert/strict';
import { test } from 'node:test';
import { moveChecked, type MoveClient } from '../../../src/adapters/imap-move.ts';

/** A mailbox in memory whose MOVE answers NO for a whole batch when any UID is gone or blocked. */
function fakeMailbox(present: number[], blocked: number[] = []) {
  const inbox = new Set(present);
  const calls: string[] = [];
  const client: MoveClient = {
    messageMove: async (range) => {
      calls.push(range);
      const uids = range.split(',').map(Number);
      if (uids.some((uid) => !inbox.has(uid) || blocked.includes(uid))) return false;
      for (const uid of uids) inbox.delete(uid);
      return { path: 'INBOX' };
    },
    search: async (query) => (inbox.has(Number(query.uid)) ? [Number(query.uid)] : []),
  };
  return { client, calls, inbox };
}

test('a batch refused because another session moved one message is retried per message; the gone one is no failure', async () => {
  const box = fakeMailbox([1, 3]);
  assert.deepEqual(await moveChecked(box.client, [1, 2, 3], 'Verwerkt'), []);
  assert.deepEqual(box.calls, ['1,2,3', '1', '2', '3']);
  assert.equal(box.inbox.size, 0);
});

test('a message that cannot be moved and is still there is reported', async () => {
  const box = fakeMailbox([1, 2], [2]);
  assert.deepEqual(await moveChecked(box.client, [1, 2], 'Verwerkt'), [2]);
});

test('a batch that moves is one command', async () => {
  const box = fakeMailbox([1, 2]);
  assert.deepEqual(await moveChecked(box.client, [1, 2], 'Verwerkt'), []);
  assert.deepEqual(box.calls, ['1,2']);
});
