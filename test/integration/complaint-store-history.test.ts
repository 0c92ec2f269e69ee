import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { describe, test } from 'node:test';
import { handleOfficerJob } from '../../src/app/officer-mail.ts';
import { loadConfig } from '../../src/config.ts';
import { AppError } from '../../src/errors.ts';
import { makeLogger } from '../../src/log.ts';
import { makeReplyIds } from '../../src/domain/reply-ids.ts';
import { useTestStore } from '../helpers/redis-store.ts';
import { sampleEvent } from '../fixtures/events.ts';
import { makeRecord } from '../fixtures/records.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

/**
 * The store's read path for histories: events are read with their schemas (record-events.ts),
 * histories written by older versions keep reading and keep meaning what they meant, and an event
 * that fits no schema is `record_invalid`, like a malformed record.
 */

const ctx = useTestStore();

async function createRecord(): Promise<string> {
  const { id: _id, ...record } = makeRecord({ triage: { ...makeRecord().triage!, urgent: true } });
  const created = await ctx.store.create({ record: { ...record, source: { ...record.source, sha256: randomBytes(32).toString('hex') } }, events: [sampleEvent('received')], fingerprint: null, senderAddress: null });
  return created.id;
}

/** Events exactly as an older version wrote them, past the store. */
const pushRaw = (id: string, ...lines: string[]) => ctx.redis.rpush(ctx.store.keys.events(id), ...lines);

describe('histories already stored', () => {
  test('an old-shaped history reads, typed as today', async () => {
    const id = await createRecord();
    await pushRaw(
      id,
      JSON.stringify({ at: '2026-03-02T09:00:00.000Z', type: 'alert_sent', actor: 'officer', data: {} }),
      JSON.stringify({ at: '2026-04-02T09:00:00.000Z', type: 'closed', actor: 'officer', data: { outcome: 'excuses aangeboden', previousStatus: 'open' } }),
    );
    const events = await ctx.store.events(id);
    assert.deepEqual(events.map((e) => e.type), ['received', 'alert_sent', 'closed']);
    assert.deepEqual(events[1]?.data, { key: '' });
    assert.deepEqual(events[2]?.data, { outcome: 'excuses aangeboden', previousStatus: 'open' });
  });

  test('an urgent record whose alert went out under the old shape gets no second alert', async () => {
    const id = await createRecord();
    await pushRaw(id, JSON.stringify({ at: '2026-03-02T09:00:00.000Z', type: 'alert_sent', actor: 'officer', data: {} }));
    const config = loadConfig({ REDIS_KEY_PREFIX: ctx.prefix, OFFICER_EMAILS: 'officer@wijzijnhecht.nl' });
    const refuse = () => assert.fail('no mail may be sent');
    const outcome = await handleOfficerJob(
      {
        store: ctx.store,
        state: { lastDigestAt: async () => null, setLastDigestAt: async () => {} },
        mailer: { send: refuse },
        templates: { render: refuse },
        config,
        log: makeLogger({ sink: () => {} }),
        clock: { now: () => new Date('2026-11-24T09:00:00Z'), msUntil: () => 0 },
        replyIds: makeReplyIds('test-secret-of-at-least-32-characters', config.ownDomain),
        queues: { queueOfficer: refuse },
      },
      { kind: 'officer_alert', complaintId: id, followupKey: '' },
    );
    assert.equal(outcome, 'already_sent');
  });
});

describe('an event that fits no schema', () => {
  for (const [what, line] of [
    ['not JSON', '{"at":'],
    ['an unknown type', JSON.stringify({ at: '2026-03-02T09:00:00.000Z', type: 'teleported', actor: 'x', data: {} })],
    ['a reply_sent without its job id', JSON.stringify({ at: '2026-03-02T09:00:00.000Z', type: 'reply_sent', actor: 'replies', data: { type: 'acknowledgement' } })],
  ] as const) {
    test(`${what}: record_invalid, naming the event but not its data`, async () => {
      const id = await createRecord();
      await pushRaw(id, line);
      await assert.rejects(
        () => ctx.store.events(id),
        (error: unknown) => error instanceof AppError && error.code === 'record_invalid' && error.permanent && error.message.includes(`Event 2`) && error.message.includes(id),
      );
    });
  }
});
