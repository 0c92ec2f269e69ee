import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { loadConfig } from '../../../src/config.ts';
import { makeLogger } from '../../../src/log.ts';
import type { Clock } from '../../../src/app/ports.ts';
import { planNextReminderJob, scheduleReminders } from '../../../src/app/schedule-reminders.ts';
import type { ComplaintRecord } from '../../../src/domain/complaint-record.ts';
import type { Queues } from '../../../src/adapters/queues.ts';

/** A queue stand-in that keeps what would be queued; reminders are plain data until BullMQ. */
function fakeQueues() {
  const queued: Parameters<Queues['queueOfficerMany']>[0] = [];
  const queues = { queueOfficerMany: async (list: typeof queued) => void queued.push(...list) } as unknown as Queues;
  return { queues, queued };
}

const fixedClock = (iso: string): Clock => ({ now: () => new Date(iso), msUntil: (instant) => Math.max(0, instant.getTime() - Date.parse(iso)) });
const config = loadConfig({ REDIS_EMBEDDED: 'never', DIGEST_TIME: '08:00', REMINDER_OFFSETS_DAYS: '14,7,2' });
const log = makeLogger({ level: 'error', sink: () => undefined });

function record(overrides: Partial<ComplaintRecord>): ComplaintRecord {
  return {
    schemaVersion: 1,
    id: 'KL-2026-00042',
    receivedAt: '2026-03-16T09:00:00.000Z',
    receivedDate: '2026-03-16',
    ingestedAt: '2026-03-16T09:00:01.000Z',
    updatedAt: '2026-03-16T09:00:01.000Z',
    status: 'open',
    intakeFlags: [],
    source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'a.eml', messageId: null, sha256: 'a'.repeat(64), size: 1 },
    message: null,
    triage: null,
    contact: { name: null, email: null, phone: null, address: null },
    // Receipt Mon 16 Mar 2026: 42 days is King's Day (Mon 27 Apr), so Tue 28 Apr 2026.
    deadline: { route: 'standard', received: '2026-03-16', deadline: '2026-04-28', shiftedFrom: '2026-04-27', extensionWeeks: 0, reason: 'test' },
    noticeBy: null,
    assignedTo: null,
    ...overrides,
  };
}

describe('scheduleReminders', () => {
  test('one delayed job per planned day up to the first overdue one, at DIGEST_TIME in Amsterdam, with ids that hold the deadline', async () => {
    const { queues, queued } = fakeQueues();
    const now = '2026-03-16T09:00:00.000Z';
    const count = await scheduleReminders({ queues, config, log, clock: fixedClock(now) }, record({}));
    assert.equal(count, 5, '14, 7 and 2 days before, the day itself, the first week overdue; the later weeks are queued as they come');
    const fireAt = queued.map((q) => new Date(Date.parse(now) + q.delayMs).toISOString());
    // 14 Apr and 21 Apr are Tuesdays; 26 Apr is a Sunday, so the 2-day reminder moves to Fri 24 Apr;
    // the first overdue one falls on 5 May (a holiday) and moves to Wed 6 May.
    // Summer time: 08:00 in Amsterdam is 06:00 UTC.
    assert.deepEqual(fireAt, ['2026-04-14T06:00:00.000Z', '2026-04-21T06:00:00.000Z', '2026-04-24T06:00:00.000Z', '2026-04-28T06:00:00.000Z', '2026-05-06T06:00:00.000Z']);
    assert.equal(queued.at(-1)?.jobId, 'reminder-KL-2026-00042-deadline-2026-04-28-overdue-7');
    assert.deepEqual(queued.slice(0, 2).map((q) => q.jobId), ['reminder-KL-2026-00042-deadline-2026-04-28-before-14', 'reminder-KL-2026-00042-deadline-2026-04-28-before-7']);
    assert.deepEqual(queued[3]?.job, { kind: 'deadline_reminder', complaintId: 'KL-2026-00042', deadline: '2026-04-28', reminderKey: 'deadline-2026-04-28-due-0', target: 'deadline' });
    assert.ok(queued.every((q) => !q.jobId.includes(':')), 'BullMQ job ids may not contain ":"');
  });

  test('an Awb 9:8 notice date gets its own reminders; a closed or anonymous record gets none', async () => {
    const clock = fixedClock('2026-03-16T09:00:00.000Z');
    const withNotice = fakeQueues();
    await scheduleReminders({ queues: withNotice.queues, config, log, clock }, record({ noticeBy: '2026-04-14' }));
    assert.ok(withNotice.queued.some((q) => q.jobId === 'reminder-KL-2026-00042-notice_by-2026-04-14-due-0'));
    for (const status of ['closed', 'registered', 'not_handled'] as const) {
      const none = fakeQueues();
      assert.equal(await scheduleReminders({ queues: none.queues, config, log, clock }, record({ status, noticeBy: '2026-04-14' })), 0, status);
    }
  });

  test('after an extension only the new deadline is planned, and past days are skipped', async () => {
    const { queues, queued } = fakeQueues();
    const extended = record({ deadline: { route: 'standard', received: '2026-03-16', deadline: '2026-05-12', shiftedFrom: null, extensionWeeks: 2, reason: 'test' } });
    await scheduleReminders({ queues, config, log, clock: fixedClock('2026-04-30T12:00:00.000Z') }, extended);
    assert.ok(queued.every((q) => q.jobId.includes('2026-05-12')));
    // 28 Apr (14 days before) has passed; 5 May (7 before) is the first.
    assert.equal(queued[0]?.jobId, 'reminder-KL-2026-00042-deadline-2026-05-12-before-7');
  });
});

describe('planNextReminderJob', () => {
  const due = { kind: 'deadline_reminder', complaintId: 'KL-2026-00042', deadline: '2026-04-28', reminderKey: 'deadline-2026-04-28-due-0', target: 'deadline' } as const;
  const overdue = (days: number, target: 'deadline' | 'notice_by' = 'deadline') => ({ ...due, target, reminderKey: `${target}-2026-04-28-overdue-${days}` });

  test('a due or overdue reminder gives the next week\'s job, at DIGEST_TIME, with the id intake would have given it', () => {
    // Fired on Wed 6 May 08:00 (the first week, moved off the 5 May holiday): next is Tue 12 May.
    const now = '2026-05-06T06:00:00.000Z';
    const next = planNextReminderJob({ config, clock: fixedClock(now) }, overdue(7));
    assert.deepEqual(next?.job, { ...due, reminderKey: 'deadline-2026-04-28-overdue-14' });
    assert.equal(next?.jobId, 'reminder-KL-2026-00042-deadline-2026-04-28-overdue-14');
    assert.equal(new Date(Date.parse(now) + (next?.delayMs ?? 0)).toISOString(), '2026-05-12T06:00:00.000Z');
    assert.equal(planNextReminderJob({ config, clock: fixedClock('2026-04-28T06:00:00.000Z') }, due)?.jobId, 'reminder-KL-2026-00042-deadline-2026-04-28-overdue-7');
    assert.equal(planNextReminderJob({ config, clock: fixedClock(now) }, overdue(7, 'notice_by'))?.jobId, 'reminder-KL-2026-00042-notice_by-2026-04-28-overdue-14');
  });

  test('none after the twelfth week, after a reminder before the deadline, or for a key that is not its target\'s', () => {
    const clock = fixedClock('2026-07-21T06:00:00.000Z');
    assert.equal(planNextReminderJob({ config, clock }, overdue(77))?.jobId, 'reminder-KL-2026-00042-deadline-2026-04-28-overdue-84');
    assert.equal(planNextReminderJob({ config, clock }, overdue(84)), null);
    assert.equal(planNextReminderJob({ config, clock: fixedClock('2026-04-14T06:00:00.000Z') }, { ...due, reminderKey: 'deadline-2026-04-28-before-14' }), null);
    assert.equal(planNextReminderJob({ config, clock }, { ...overdue(7), target: 'notice_by' }), null);
  });
});
