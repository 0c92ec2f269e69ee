import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppError } from '../../../src/errors.ts';
import {
  EVENT_TYPES,
  eventsOf,
  hasEvent,
  lastEvent,
  makeEvent,
  RecordEventSchema,
  type RecordEvent,
} from '../../../src/domain/record-events.ts';
import { anonymiseEvent } from '../../../src/domain/retention.ts';
import { sampleEvent } from '../../fixtures/events.ts';
import { makeMessage, makeTriage } from '../../fixtures/records.ts';

const read = (stored: unknown): RecordEvent => RecordEventSchema.parse(JSON.parse(JSON.stringify(stored)));

describe('record events: one schema per type', () => {
  test('every type has a schema, and an event of each reads back as it was written', () => {
    assert.equal(EVENT_TYPES.length, 27);
    for (const type of EVENT_TYPES) {
      const event = sampleEvent(type);
      assert.deepEqual(read(event), event, type);
    }
  });

  test('makeEvent refuses data its type does not allow, before anything is written', () => {
    const build = makeEvent as (type: string, actor: string, data: unknown) => RecordEvent;
    for (const [type, data] of [
      ['reply_sent', { type: 'acknowledgement' }],
      ['extended', { weeks: 9, from: '2027-01-04', to: '2027-03-08' }],
      ['hearing_held', { date: '2027-02-30', how: 'phone' }],
      ['assigned', { to: 42, from: null }],
    ] as const) {
      assert.throws(() => build(type, 'test', data), (error: unknown) => error instanceof AppError && error.code === 'event_invalid' && error.permanent, type);
    }
  });

  test('an unknown type, or data of the wrong kind, does not read', () => {
    assert.equal(RecordEventSchema.safeParse({ at: '2026-11-23T09:00:00.000Z', type: 'teleported', actor: 'x', data: {} }).success, false);
    assert.equal(RecordEventSchema.safeParse({ ...sampleEvent('reply_queued'), data: { type: 'acknowledgement' } }).success, false, 'a reply_queued without its job id');
    assert.equal(RecordEventSchema.safeParse({ ...sampleEvent('closed'), at: 'yesterday' }).success, false);
  });
});

describe('record events: histories already stored keep reading', () => {
  test('an alert_sent written before follow-ups had their own alerts (no key) is the opening message\'s', () => {
    const old = read({ at: '2026-03-02T09:00:00.000Z', type: 'alert_sent', actor: 'officer', data: {} });
    assert.deepEqual(old.data, { key: '' });
    assert.equal(hasEvent([old], 'alert_sent', { key: '' }), true, 'the opening alert is not sent again');
    assert.equal(hasEvent([old], 'alert_sent', { key: 'f1' }), false, 'an urgent follow-up still gets its own');
  });

  test('a closing from before outcome categories keeps its free-text outcome', () => {
    const old = read({ at: '2026-03-02T09:00:00.000Z', type: 'closed', actor: 'officer', data: { outcome: 'excuses aangeboden', previousStatus: 'open' } });
    assert.equal(old.type === 'closed' && old.data.outcome, 'excuses aangeboden');
    assert.equal(old.type === 'closed' && old.data.category, undefined);
  });

  test('a closing with an outcome letter printed for posting keeps its key; one from before letters by post has none', () => {
    const posted = read(sampleEvent('closed', { category: 'founded', letterPrintedKey: 'abc123abc123' }));
    assert.equal(posted.type === 'closed' && posted.data.letterPrintedKey, 'abc123abc123');
    const earlier = read({ at: '2026-03-02T09:00:00.000Z', type: 'closed', actor: 'officer', data: { category: 'founded', letterJobId: 'reply-KL-2026-00001-outcome-abc', previousStatus: 'open' } });
    assert.equal(earlier.type === 'closed' && earlier.data.letterPrintedKey, undefined);
  });

  test('fields this version does not know are dropped when read, not an error', () => {
    const later = read({ ...sampleEvent('reminder_sent'), data: { key: 'deadline-2027-01-04-before-7', daysLeft: 7, channel: 'sms' } });
    assert.deepEqual(later.data, { key: 'deadline-2027-01-04-before-7', daysLeft: 7 });
  });

  test('every event anonymised under retention still reads: what retention removes is optional', () => {
    for (const type of EVENT_TYPES) {
      const full = sampleEvent(type, type === 'followup_received' ? { message: makeMessage(), triage: makeTriage() } : {});
      const anonymised = anonymiseEvent(full);
      assert.deepEqual(read(anonymised), anonymised, type);
    }
  });
});

describe('record events: asking the history', () => {
  const history: RecordEvent[] = [
    sampleEvent('reply_queued', { jobId: 'reply-KL-2026-00001-acknowledgement' }, { at: new Date('2026-11-23T09:00:00Z') }),
    sampleEvent('reply_failed', { type: 'outcome', jobId: 'reply-KL-2026-00001-outcome-a' }, { at: new Date('2026-11-24T09:00:00Z') }),
    sampleEvent('reply_sent', { jobId: 'reply-KL-2026-00001-acknowledgement' }, { at: new Date('2026-11-25T09:00:00Z') }),
    sampleEvent('reply_queued', { type: 'outcome', jobId: 'reply-KL-2026-00001-outcome-b' }, { at: new Date('2026-11-26T09:00:00Z') }),
  ];

  test('hasEvent: of a type, with fields that must match', () => {
    assert.equal(hasEvent(history, 'reply_sent', { jobId: 'reply-KL-2026-00001-acknowledgement' }), true);
    assert.equal(hasEvent(history, 'reply_sent', { jobId: 'reply-KL-2026-00001-outcome-a' }), false);
    assert.equal(hasEvent(history, 'hearing_held'), false);
  });

  test('several types at once: "did this reply end?"', () => {
    const ended = (jobId: string) => hasEvent(history, ['reply_sent', 'reply_failed', 'reply_suppressed'], { jobId });
    assert.equal(ended('reply-KL-2026-00001-outcome-a'), true);
    assert.equal(ended('reply-KL-2026-00001-outcome-b'), false);
  });

  test('a test of the whole event, its time included', () => {
    const after = (iso: string) => eventsOf(history, 'reply_queued', (event) => event.at > iso);
    assert.deepEqual(after('2026-11-24T00:00:00.000Z').map((e) => e.data.jobId), ['reply-KL-2026-00001-outcome-b']);
  });

  test('lastEvent is the latest of its kind, typed by it', () => {
    assert.equal(lastEvent(history, 'reply_queued')?.data.jobId, 'reply-KL-2026-00001-outcome-b');
    assert.equal(lastEvent(history, 'reply_queued', { type: 'acknowledgement' })?.at, '2026-11-23T09:00:00.000Z');
    assert.equal(lastEvent(history, 'extended'), undefined);
  });
});
