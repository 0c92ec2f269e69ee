import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isMachineCode, MachineCodeSchema } from '../../../src/domain/machine-code.ts';

test('machine codes: a-z first, then a-z, 0-9 and _, at most 64; never text', () => {
  for (const code of ['urgent_safety', 'missing_address', 'a', `a${'b'.repeat(63)}`]) assert.ok(isMachineCode(code), code);
  for (const text of ['', '_x', '1st', 'Urgent', 'urgent safety', 'urgent:threat', `a${'b'.repeat(64)}`]) {
    assert.equal(isMachineCode(text), false, text);
    assert.equal(MachineCodeSchema.safeParse(text).success, false, text);
  }
});
