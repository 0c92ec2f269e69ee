import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { RECORD_STATUSES } from '../../../src/domain/complaint-record.ts';
import { CLOSED_STATUSES, isClosed, isRunning, isUnhandled, RUNNING_STATUSES, UNHANDLED_STATUSES } from '../../../src/domain/record-status.ts';
import { needsDeadline } from '../../../src/domain/record-rules.ts';

describe('record status groups', () => {
  test('every status is in exactly one group', () => {
    for (const status of RECORD_STATUSES) {
      const groups = [isRunning(status), isClosed(status), isUnhandled(status)].filter(Boolean).length;
      assert.equal(groups, 1, `${status} is in ${groups} groups`);
    }
    assert.equal(RUNNING_STATUSES.length + CLOSED_STATUSES.length + UNHANDLED_STATUSES.length, RECORD_STATUSES.length);
  });

  test('the groups', () => {
    assert.deepEqual(RECORD_STATUSES.filter(isRunning), ['open', 'awaiting_details']);
    assert.deepEqual(RECORD_STATUSES.filter(isClosed), ['closed', 'not_handled']);
    assert.deepEqual(RECORD_STATUSES.filter(isUnhandled), ['registered', 'routed', 'ignored', 'quarantined']);
  });

  test('the deadline runs exactly for the running group', () => {
    assert.deepEqual(RECORD_STATUSES.filter(needsDeadline), [...RUNNING_STATUSES]);
  });
});
