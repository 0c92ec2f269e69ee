import assert from 'node:assert/strict';
import { test } from 'node:test';
import { parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import { hearingProblem } from '../../../src/domain/hearing-rules.ts';

const today = parseCalendarDate('2026-11-25');
const received = '2026-11-23';

test('a hearing is recorded on a complaint being handled or closed, never on what was no complaint', () => {
  for (const status of ['open', 'awaiting_details', 'closed', 'not_handled'] as const) {
    assert.equal(hearingProblem({ status, receivedDate: received }, null, today), null, status);
  }
  for (const status of ['registered', 'routed', 'ignored', 'quarantined'] as const) {
    assert.equal(hearingProblem({ status, receivedDate: received }, '2026-11-24', today), 'not_a_complaint', status);
  }
});

test('a hearing held is dated from the day of receipt up to today', () => {
  const record = { status: 'open', receivedDate: received } as const;
  assert.equal(hearingProblem(record, received, today), null);
  assert.equal(hearingProblem(record, '2026-11-25', today), null);
  assert.equal(hearingProblem(record, '2026-11-26', today), 'hearing_in_future');
  assert.equal(hearingProblem(record, '2026-11-22', today), 'hearing_before_receipt');
});
