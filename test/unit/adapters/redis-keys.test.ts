import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeKeys, messageIdHash, sha256Hex } from '../../../src/adapters/redis-keys.ts';
import { messageFingerprint } from '../../../src/domain/message-fingerprint.ts';

const keys = makeKeys('ko');
const SENDER = 'M.DeVries@example.nl';

describe('makeKeys', () => {
  test('every key starts with the prefix', () => {
    const built = [
      keys.record('KL-2026-00042'),
      keys.events('KL-2026-00042'),
      keys.counter(2026),
      keys.all(),
      keys.byStatus('open'),
      keys.byDeadline(),
      keys.bySha('a'.repeat(64)),
      keys.byMessageId('f'.repeat(64)),
      keys.bySender(SENDER),
      keys.repliesToSender(SENDER),
      keys.uidValidity('INBOX'),
      keys.lastDigest(),
      keys.seenMessageIds(),
    ];
    for (const key of built) assert.ok(key.startsWith('ko:'), key);
    assert.equal(new Set(built).size, built.length, 'no two purposes share a key');
  });

  test('records and events are found by reference', () => {
    assert.equal(keys.record('KL-2026-00042'), 'ko:record:KL-2026-00042');
    assert.equal(keys.events('KL-2026-00042'), 'ko:events:KL-2026-00042');
    assert.equal(keys.counter(2027), 'ko:counter:2027');
  });

  test('sender keys hold a hash, never the address', () => {
    for (const key of [keys.bySender(SENDER), keys.repliesToSender(SENDER)]) {
      assert.ok(!key.toLowerCase().includes('devries'), key);
      assert.ok(!key.includes('@'), key);
      assert.match(key, /:[0-9a-f]{64}$/);
    }
  });

  test('a sender is the same whatever the letter case of the address', () => {
    assert.equal(keys.bySender(SENDER), keys.bySender(SENDER.toLowerCase()));
    assert.equal(keys.repliesToSender(SENDER), keys.repliesToSender('m.devries@EXAMPLE.NL'));
    assert.notEqual(keys.bySender(SENDER), keys.bySender('other@example.nl'));
  });

  test('the mailbox name (it may be a person\'s folder) is hashed too', () => {
    const key = keys.uidValidity('Klachten/Marieke de Vries');
    assert.ok(!key.includes('Marieke'), key);
  });

  test('no key built from personal data contains it', () => {
    const personal = ['m.devries@example.nl', 'Marieke de Vries', '<CAF=abc123@mail.gmail.com>'];
    const fingerprint = messageFingerprint('<CAF=abc123@mail.gmail.com>', 'm.devries@example.nl', '2026-11-23T09:15:00.000Z');
    const built = [keys.bySender(personal[0] ?? ''), keys.repliesToSender(personal[0] ?? ''), keys.byMessageId(fingerprint), keys.uidValidity(personal[1] ?? '')];
    for (const key of built) for (const value of personal) assert.ok(!key.includes(value), `${key} contains ${value}`);
  });

  test('BullMQ gets its own prefix without a colon', () => {
    assert.equal(keys.bullPrefix(), 'ko-bull');
    assert.ok(!keys.bullPrefix().includes(':'));
  });

  test('two prefixes never share a key', () => {
    const other = makeKeys('ko2');
    assert.notEqual(other.record('KL-2026-00042'), keys.record('KL-2026-00042'));
    assert.notEqual(other.bySender(SENDER), keys.bySender(SENDER));
  });
});

describe('hashes', () => {
  test('sha256Hex is the usual hex digest', () => {
    assert.equal(sha256Hex('abc'), 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  test('a Message-ID hashes the same with other case or surrounding space', () => {
    assert.equal(messageIdHash(' <ABC@Example.nl> '), messageIdHash('<abc@example.nl>'));
    assert.match(messageIdHash('<abc@example.nl>'), /^[0-9a-f]{64}$/);
  });
});
