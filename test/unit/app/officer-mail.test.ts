import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { makeLogger } from '../../../src/log.ts';
import { handleOfficerJob, type OfficerMailDeps } from '../../../src/app/officer-mail.ts';
import type { ComplaintRecord } from '../../../src/domain/complaint-record.ts';
import type { OfficerJob, OfficerJobEntry } from '../../../src/domain/jobs.ts';
import type { RecordEvent } from '../../../src/domain/record-events.ts';
import { makeReplyIds } from '../../../src/domain/reply-ids.ts';
import { sampleEvent } from '../../fixtures/events.ts';
import { makeRecord } from '../../fixtures/records.ts';

/**
 * A deadline reminder as the officer worker handles it, with the store, queue and mailer as
 * small fakes: the weekly overdue reminders are not queued at intake, so each due or overdue
 * reminder that finds its complaint still running with its deadline queues the next week's.
 * The record (fixtures/records.ts) has its deadline on Mon 4 Jan 2027.
 */

const config = loadConfig({ REDIS_EMBEDDED: 'never', DIGEST_TIME: '08:00', OFFICER_EMAILS: 'officer@wijzijnhecht.nl' });

function harness(record: ComplaintRecord, history: RecordEvent[] = [], now = '2027-01-11T07:00:00.000Z') {
  const queued: OfficerJobEntry[] = [];
  const sent: string[] = [];
  const events = [...history];
  const deps: OfficerMailDeps = {
    store: {
      require: async () => record,
      events: async () => events,
      appendEvents: async (_id: string, added: RecordEvent[]) => void events.push(...added),
    } as unknown as OfficerMailDeps['store'],
    state: { lastDigestAt: async () => null, setLastDigestAt: async () => {} },
    mailer: { send: async (mail) => (sent.push(mail.messageId), { via: 'test' }) },
    templates: { render: () => ({ subject: 'Herinnering', text: 'tekst', html: '<p>tekst</p>' }) },
    config,
    log: makeLogger({ level: 'error', sink: () => undefined }),
    clock: { now: () => new Date(now), msUntil: (instant) => Math.max(0, instant.getTime() - Date.parse(now)) },
    replyIds: makeReplyIds('test-secret-of-at-least-32-characters', config.ownDomain),
    queues: { queueOfficer: async (job, jobId, delayMs = 0) => void queued.push({ job, jobId, delayMs }) },
  };
  return { deps, queued, sent, events, fireAt: (entry: OfficerJobEntry | undefined) => new Date(Date.parse(now) + (entry?.delayMs ?? NaN)).toISOString() };
}

const reminder = (key: string, deadline = '2027-01-04'): OfficerJob => ({
  kind: 'deadline_reminder',
  complaintId: 'KL-2026-00042',
  deadline,
  reminderKey: `deadline-${deadline}-${key}`,
  target: 'deadline',
});

describe('a fired deadline reminder', () => {
  test('for a complaint still open: sent, and the next week\'s reminder queued under its fixed id', async () => {
    const h = harness(makeRecord());
    assert.equal(await handleOfficerJob(h.deps, reminder('overdue-7')), 'sent');
    assert.equal(h.sent.length, 1);
    assert.deepEqual(h.queued.map((q) => q.jobId), ['reminder-KL-2026-00042-deadline-2027-01-04-overdue-14']);
    assert.deepEqual(h.queued[0]?.job, reminder('overdue-14'));
    // Mon 18 Jan 2027, 08:00 in Amsterdam (winter time: 07:00 UTC).
    assert.equal(h.fireAt(h.queued[0]), '2027-01-18T07:00:00.000Z');
  });

  test('the due-day reminder queues the first week (intake queued it too: same id, so once)', async () => {
    const h = harness(makeRecord(), [], '2027-01-04T07:00:00.000Z');
    assert.equal(await handleOfficerJob(h.deps, reminder('due-0')), 'sent');
    assert.deepEqual(h.queued.map((q) => q.jobId), ['reminder-KL-2026-00042-deadline-2027-01-04-overdue-7']);
  });

  test('run again after a crash that followed the send: no second mail, the chain still goes on', async () => {
    const h = harness(makeRecord(), [sampleEvent('reminder_sent', { key: 'deadline-2027-01-04-overdue-7', daysLeft: -7 })]);
    assert.equal(await handleOfficerJob(h.deps, reminder('overdue-7')), 'already_sent');
    assert.equal(h.sent.length, 0);
    assert.deepEqual(h.queued.map((q) => q.jobId), ['reminder-KL-2026-00042-deadline-2027-01-04-overdue-14']);
  });

  test('for a closed complaint, or one whose deadline moved: stale, nothing sent, nothing queued', async () => {
    for (const [what, record] of [
      ['closed', makeRecord({ status: 'closed' })],
      ['not handled', makeRecord({ status: 'not_handled' })],
      ['extended', makeRecord({ deadline: { route: 'standard', received: '2026-11-23', deadline: '2027-01-18', shiftedFrom: null, extensionWeeks: 2, reason: 'awb_9_11' } })],
    ] as const) {
      const h = harness(record);
      assert.equal(await handleOfficerJob(h.deps, reminder('overdue-7')), 'stale', what);
      assert.deepEqual([h.sent.length, h.queued.length], [0, 0], what);
    }
  });

  test('the twelfth week is sent and is the last: nothing is queued after it', async () => {
    // Week 11 on Mon 22 Mar 2027 queues week 12: Mon 29 Mar is Easter Monday, so Tue 30 Mar.
    const eleven = harness(makeRecord(), [], '2027-03-22T07:00:00.000Z');
    assert.equal(await handleOfficerJob(eleven.deps, reminder('overdue-77')), 'sent');
    assert.deepEqual(eleven.queued.map((q) => q.jobId), ['reminder-KL-2026-00042-deadline-2027-01-04-overdue-84']);
    assert.equal(eleven.fireAt(eleven.queued[0]), '2027-03-30T06:00:00.000Z');

    const twelve = harness(makeRecord(), [], '2027-03-30T06:00:00.000Z');
    assert.equal(await handleOfficerJob(twelve.deps, reminder('overdue-84')), 'sent');
    assert.equal(twelve.sent.length, 1);
    assert.deepEqual(twelve.queued, []);
  });

  test('a reminder before the deadline queues nothing: what follows it was queued with it', async () => {
    const h = harness(makeRecord(), [], '2026-12-21T07:00:00.000Z');
    assert.equal(await handleOfficerJob(h.deps, reminder('before-14')), 'sent');
    assert.deepEqual(h.queued, []);
  });
});
