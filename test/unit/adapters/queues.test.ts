import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { cappedBackoff, officerJobId, OfficerJobSchema, ReplyJobSchema, replyJobId } from '../../../src/adapters/queues.ts';

const HOUR = 3_600_000;
const middle = () => 0.5; // jitter factor exactly 1.0

describe('cappedBackoff', () => {
  test('starts at the base and doubles per attempt', () => {
    const backoff = cappedBackoff(30_000, middle);
    assert.deepEqual([1, 2, 3, 4, 5].map(backoff), [30_000, 60_000, 120_000, 240_000, 480_000]);
  });

  test('attempt 0 is treated as the first', () => {
    assert.equal(cappedBackoff(1_000, middle)(0), 1_000);
  });

  test('caps at one hour, also for very many attempts', () => {
    const backoff = cappedBackoff(30_000, middle);
    assert.equal(backoff(8), HOUR);
    assert.equal(backoff(40), HOUR);
    assert.equal(backoff(10_000), HOUR);
    assert.equal(cappedBackoff(2 * HOUR, middle)(1), HOUR, 'even a base above the cap');
  });

  test('jitter stays within ±20 %', () => {
    assert.equal(cappedBackoff(10_000, () => 0)(1), 8_000);
    assert.equal(cappedBackoff(10_000, () => 1)(1), 12_000);
    assert.equal(cappedBackoff(10_000, () => 0)(30), 0.8 * HOUR);
    assert.equal(cappedBackoff(10_000, () => 1)(30), 1.2 * HOUR);
    const backoff = cappedBackoff(10_000);
    const centre = cappedBackoff(10_000, middle);
    for (let attempt = 1; attempt <= 40; attempt += 1) {
      const raw = centre(attempt);
      for (let i = 0; i < 20; i += 1) {
        const delay = backoff(attempt);
        assert.ok(delay >= raw * 0.8 && delay <= raw * 1.2, `attempt ${attempt}: ${delay} within ±20 % of ${raw}`);
      }
    }
  });

  test('the 39 waits between 40 attempts span more than 24 hours, even with the shortest jitter', () => {
    // Production retry base is 30 s (workers/runtime.ts); 40 attempts is the queue default.
    const backoff = cappedBackoff(30_000, () => 0);
    let total = 0;
    for (let attempt = 1; attempt < 40; attempt += 1) total += backoff(attempt);
    assert.ok(total > 24 * HOUR, `${(total / HOUR).toFixed(1)} h`);
  });

  test('returns whole milliseconds', () => {
    assert.ok(Number.isInteger(cappedBackoff(333, () => 0.123)(3)));
  });
});

describe('replyJobId', () => {
  test('reply-<id>-<type>, and the key appended when there is one', () => {
    assert.equal(replyJobId({ complaintId: 'KL-2026-00042', type: 'acknowledgement', key: '' }), 'reply-KL-2026-00042-acknowledgement');
    assert.equal(replyJobId({ complaintId: 'KL-2026-00042', type: 'followup_received', key: '9f86d081884c7d65' }), 'reply-KL-2026-00042-followup_received-9f86d081884c7d65');
  });

  test('never contains ":" (BullMQ uses it in its own keys)', () => {
    for (const type of ReplyJobSchema.shape.type.options) {
      assert.ok(!replyJobId({ complaintId: 'KL-2026-00042', type, key: 'abc_DEF-123' }).includes(':'), type);
    }
  });

  test('differs per complaint, type and key, so distinct replies are never merged', () => {
    const ids = new Set([
      replyJobId({ complaintId: 'KL-2026-00042', type: 'acknowledgement', key: '' }),
      replyJobId({ complaintId: 'KL-2026-00043', type: 'acknowledgement', key: '' }),
      replyJobId({ complaintId: 'KL-2026-00042', type: 'request_details', key: '' }),
      replyJobId({ complaintId: 'KL-2026-00042', type: 'followup_received', key: 'a' }),
      replyJobId({ complaintId: 'KL-2026-00042', type: 'followup_received', key: 'b' }),
    ]);
    assert.equal(ids.size, 5);
  });
});

describe('job payload schemas', () => {
  test('a reply job needs a valid reference and reply type; the key defaults to empty', () => {
    assert.deepEqual(ReplyJobSchema.parse({ complaintId: 'KL-2026-00042', type: 'acknowledgement' }), { complaintId: 'KL-2026-00042', type: 'acknowledgement', key: '' });
    assert.equal(ReplyJobSchema.safeParse({ complaintId: 'KL-2026-42', type: 'acknowledgement' }).success, false);
    assert.equal(ReplyJobSchema.safeParse({ complaintId: 'KL-2026-00042', type: 'digest' }).success, false, 'officer mail is not a reply');
  });

  test('a reply key cannot smuggle ":" or other characters into the job id', () => {
    for (const key of ['a:b', 'a b', 'a/b', 'a.b']) {
      assert.equal(ReplyJobSchema.safeParse({ complaintId: 'KL-2026-00042', type: 'followup_received', key }).success, false, key);
    }
  });

  test('officer jobs are told apart by kind', () => {
    assert.deepEqual(OfficerJobSchema.parse({ kind: 'officer_alert', complaintId: 'KL-2026-00042' }), { kind: 'officer_alert', complaintId: 'KL-2026-00042', followupKey: '' });
    assert.deepEqual(OfficerJobSchema.parse({ kind: 'digest' }), { kind: 'digest', force: false });
    assert.equal(OfficerJobSchema.safeParse({ kind: 'deadline_reminder', complaintId: 'KL-2026-00042', deadline: '2027-02-30', reminderKey: 'k', target: 'deadline' }).success, false);
    assert.equal(OfficerJobSchema.safeParse({ kind: 'unknown' }).success, false);
  });
});

describe('officerJobId', () => {
  test('one id per alert, follow-up alert, reminder and extension notice; never a ":"', () => {
    const ids = [
      officerJobId({ kind: 'officer_alert', complaintId: 'KL-2026-00042' }),
      officerJobId({ kind: 'officer_alert', complaintId: 'KL-2026-00042', followupKey: 'f1' }),
      officerJobId({ kind: 'deadline_reminder', complaintId: 'KL-2026-00042', deadline: '2026-04-28', reminderKey: 'deadline-2026-04-28-before-7', target: 'deadline' }),
      officerJobId({ kind: 'extension_notice', complaintId: 'KL-2026-00042' }),
    ];
    assert.deepEqual(ids, ['alert-KL-2026-00042', 'alert-KL-2026-00042-f1', 'reminder-KL-2026-00042-deadline-2026-04-28-before-7', 'extension-KL-2026-00042']);
    assert.ok(ids.every((id) => !id.includes(':')));
  });
});
