import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { outcomeLetterOnItsWay, outcomeLetterPrinted, planClosing } from '../../../src/domain/closing-rules.ts';
import type { RecordEvent } from '../../../src/domain/record-events.ts';
import { sampleEvent } from '../../fixtures/events.ts';
import { makeRecord } from '../../fixtures/records.ts';

const OUTCOME_JOB = 'reply-KL-2026-00042-outcome-abc123';
const queued = (jobId = OUTCOME_JOB, type: 'outcome' | 'acknowledgement' = 'outcome') => sampleEvent('reply_queued', { type, jobId });

describe('planClosing', () => {
  const open = makeRecord();

  test('a closed record closes no more', () => {
    assert.deepEqual(planClosing(makeRecord({ status: 'closed' }), [], { outcome: 'founded', noLetterReason: 'x' }), { problem: 'already_closed' });
  });

  test('a complaint being handled needs an outcome category, then its letter or the reason none is sent', () => {
    assert.equal(planClosing(open, [], { noLetterReason: 'telefonisch opgelost' }).problem, 'outcome_required');
    assert.equal(planClosing(open, [], { outcome: 'founded' }).problem, 'outcome_letter_missing');
    assert.equal(planClosing(open, [], { outcome: 'founded', noLetterReason: '   ' }).problem, 'outcome_letter_missing', 'a blank reason is none');
    assert.equal(planClosing(makeRecord({ status: 'awaiting_details' }), [], { outcome: 'founded' }).problem, 'outcome_letter_missing');
  });

  test('the reason none is sent is trimmed', () => {
    assert.deepEqual(planClosing(open, [], { outcome: 'resolved_informally', noLetterReason: '  Gebeld, klager tevreden. ' }), {
      problem: null,
      complaint: true,
      letterJobId: null,
      letterPrintedKey: null,
      noLetterReason: 'Gebeld, klager tevreden.',
    });
  });

  test('an outcome letter on its way, or printed for the post, is enough', () => {
    assert.deepEqual(planClosing(open, [queued()], { outcome: 'founded' }), { problem: null, complaint: true, letterJobId: OUTCOME_JOB, letterPrintedKey: null, noLetterReason: undefined });
    const printed = sampleEvent('letter_printed', { letter: 'outcome', key: 'k1' });
    assert.deepEqual(planClosing(open, [printed], { outcome: 'founded' }), { problem: null, complaint: true, letterJobId: null, letterPrintedKey: 'k1', noLetterReason: undefined });
    // A letter by e-mail wins over one printed earlier.
    assert.equal((planClosing(open, [printed, queued()], { outcome: 'founded' }) as { letterPrintedKey: string | null }).letterPrintedKey, null);
  });

  test('what is no complaint (routed, ignored, not handled) closes without outcome or letter', () => {
    for (const status of ['routed', 'ignored', 'quarantined', 'registered', 'not_handled'] as const) {
      assert.deepEqual(planClosing(makeRecord({ status }), [], {}), { problem: null, complaint: false, letterJobId: null, letterPrintedKey: null, noLetterReason: undefined }, status);
    }
  });
});

describe('outcome letters in the history', () => {
  test('on its way: the latest outcome letter queued and neither failed nor suppressed', () => {
    assert.equal(outcomeLetterOnItsWay([]), null);
    assert.equal(outcomeLetterOnItsWay([queued('reply-KL-2026-00042-acknowledgement', 'acknowledgement')]), null, 'only outcome letters');
    const history: RecordEvent[] = [queued('job-1'), queued('job-2')];
    assert.equal(outcomeLetterOnItsWay(history), 'job-2');
    assert.equal(outcomeLetterOnItsWay([...history, sampleEvent('reply_failed', { type: 'outcome', jobId: 'job-2' })]), 'job-1');
    assert.equal(
      outcomeLetterOnItsWay([...history, sampleEvent('reply_failed', { type: 'outcome', jobId: 'job-2' }), sampleEvent('reply_suppressed', { type: 'outcome', jobId: 'job-1' })]),
      null,
    );
  });

  test('printed: the key of the latest outcome letter printed, not of other letters', () => {
    assert.equal(outcomeLetterPrinted([sampleEvent('letter_printed', { letter: 'hearing_invitation', key: 'h1' })]), null);
    assert.equal(outcomeLetterPrinted([sampleEvent('letter_printed', { letter: 'outcome', key: 'o1' }), sampleEvent('letter_printed', { letter: 'outcome', key: 'o2' })]), 'o2');
  });
});
