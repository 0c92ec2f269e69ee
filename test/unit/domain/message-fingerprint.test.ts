import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { messageFingerprint } from '../../../src/domain/message-fingerprint.ts';

describe('messageFingerprint', () => {
  test('the fingerprint tells a reused Message-ID from another sender or date apart', () => {
    const base = messageFingerprint('<abc@example.nl>', 'm.devries@example.nl', '2026-11-23T09:15:00.000Z');
    assert.equal(messageFingerprint(' <ABC@example.nl>', 'M.DeVries@example.nl', '2026-11-23T09:15:00.000Z'), base, 'same message re-uploaded');
    assert.notEqual(messageFingerprint('<abc@example.nl>', 'stranger@example.org', '2026-11-23T09:15:00.000Z'), base);
    assert.notEqual(messageFingerprint('<abc@example.nl>', 'm.devries@example.nl', '2026-11-24T09:15:00.000Z'), base);
    assert.notEqual(messageFingerprint('<abc@example.nl>', null, null), base);
    assert.match(base, /^[0-9a-f]{64}$/);
  });
});
