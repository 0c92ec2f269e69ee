import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { officerJobId, OfficerJobSchema, ReplyJobSchema, replyJobId } from '../../../src/domain/jobs.ts';

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
