import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeServiceState } from '../../../src/adapters/service-state.ts';
import { useTestStore } from '../../helpers/redis-store.ts';
import { checkLeaks } from '../../helpers/leak-check.ts';

checkLeaks();

const ctx = useTestStore();

describe('service state', () => {
  test('the last digest time round-trips', async () => {
    const state = makeServiceState(ctx.redis, ctx.store.keys);
    assert.equal(await state.lastDigestAt(), null);
    await state.setLastDigestAt(1_795_000_000_000);
    assert.equal(await state.lastDigestAt(), 1_795_000_000_000);
  });

  test('UIDVALIDITY is remembered per folder', async () => {
    const state = makeServiceState(ctx.redis, ctx.store.keys);
    assert.equal(await state.uidValidity.get('INBOX'), null);
    await state.uidValidity.set('INBOX', 1_700_000_001);
    await state.uidValidity.set('Klachten', 42);
    assert.equal(await state.uidValidity.get('INBOX'), 1_700_000_001);
    assert.equal(await state.uidValidity.get('Klachten'), 42);
  });
});
