import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { buildRegisterReport } from '../../../src/app/register-report.ts';
import { makeEvent, type ComplaintRecord, type RecordEvent } from '../../../src/domain/complaint-record.ts';
import { makeRecord, makeTriage } from '../../fixtures/records.ts';

type Item = { record: ComplaintRecord; events: RecordEvent[] };
const item = (overrides: Partial<ComplaintRecord> = {}, events: RecordEvent[] = []): Item => ({ record: makeRecord(overrides), events });
const closedOn = (iso: string) => makeEvent('closed', 'officer@wijzijnhecht.nl', { outcome: 'gegrond' }, new Date(iso));
const deadline = (date: string, extra: Partial<NonNullable<ComplaintRecord['deadline']>> = {}) => ({
  route: 'standard' as const,
  received: '2026-11-23',
  deadline: date,
  shiftedFrom: null,
  extensionWeeks: 0,
  reason: 'awb_9_11',
  ...extra,
});

describe('buildRegisterReport', () => {
  test('an empty year is all zeros', () => {
    assert.deepEqual(buildRegisterReport(2026, [], '2026-12-31'), {
      year: 2026,
      received: 0,
      byKind: {},
      anonymousRegistered: 0,
      handledWithinTerm: 0,
      closedLate: 0,
      extended: 0,
      committeeRoute: 0,
      overdue: 0,
      open: 0,
      closed: 0,
      notHandled: 0,
      quarantined: 0,
    });
  });

  test('counts only records received in that year (Amsterdam day of receipt)', () => {
    const items = [
      item({ receivedDate: '2025-12-31', receivedAt: '2025-12-31T22:30:00.000Z' }),
      item({ receivedDate: '2026-01-01', receivedAt: '2025-12-31T23:30:00.000Z' }),
      item({ receivedDate: '2026-12-31' }),
      item({ receivedDate: '2027-01-01' }),
    ];
    assert.equal(buildRegisterReport(2026, items, '2027-01-10').received, 2);
    assert.equal(buildRegisterReport(2025, items, '2027-01-10').received, 1);
  });

  test('counts by triage kind, unparsed mail as "unparsed"', () => {
    const items = [
      item(),
      item(),
      item({ status: 'routed', triage: makeTriage({ kind: 'compliment', contentKind: 'compliment', reply: 'compliment_thanks' }), deadline: null }),
      item({ status: 'ignored', triage: makeTriage({ kind: 'bounce', contentKind: 'bounce', reply: null }), deadline: null }),
      item({ status: 'quarantined', triage: null, message: null, deadline: null }),
    ];
    assert.deepEqual(buildRegisterReport(2026, items, '2026-11-24').byKind, { complaint: 2, compliment: 1, bounce: 1, unparsed: 1 });
  });

  test('status counts: anonymous, quarantined, not handled, open (with awaiting details), closed', () => {
    const items = [
      item({ status: 'registered', deadline: null }),
      item({ status: 'quarantined', triage: null, deadline: null }),
      item({ status: 'not_handled' }),
      item({ status: 'open' }),
      item({ status: 'awaiting_details' }),
      item({ status: 'closed' }, [closedOn('2026-12-01T10:00:00.000Z')]),
      item({ status: 'routed', deadline: null }),
    ];
    const report = buildRegisterReport(2026, items, '2026-11-24');
    assert.equal(report.received, 7);
    assert.equal(report.anonymousRegistered, 1);
    assert.equal(report.quarantined, 1);
    assert.equal(report.notHandled, 1);
    assert.equal(report.open, 2);
    assert.equal(report.closed, 1);
  });

  test('overdue: a running complaint whose deadline is before today; the deadline day itself is not overdue', () => {
    const items = [
      item({ status: 'open', deadline: deadline('2027-01-04') }),
      item({ status: 'awaiting_details', deadline: deadline('2027-01-03') }),
      item({ status: 'open', deadline: deadline('2027-01-05') }),
      item({ status: 'closed', deadline: deadline('2026-12-01') }, [closedOn('2027-01-02T10:00:00.000Z')]),
    ];
    assert.equal(buildRegisterReport(2026, items, '2027-01-04').overdue, 1);
    assert.equal(buildRegisterReport(2026, items, '2027-01-06').overdue, 3);
  });

  test('closed within the term or late, judged by the last closing', () => {
    const items = [
      item({ status: 'closed', deadline: deadline('2027-01-04') }, [closedOn('2027-01-04T10:00:00.000Z')]),
      item({ status: 'closed', deadline: deadline('2027-01-04') }, [closedOn('2027-01-05T10:00:00.000Z')]),
      // Closed in time, reopened, closed again late: the last closing counts.
      item({ status: 'closed', deadline: deadline('2027-01-04') }, [
        closedOn('2026-12-10T10:00:00.000Z'),
        makeEvent('reopened', 'officer@wijzijnhecht.nl', {}, new Date('2026-12-20T10:00:00.000Z')),
        closedOn('2027-01-08T10:00:00.000Z'),
      ]),
      // No deadline (or no closed event): closed, but neither in time nor late.
      item({ status: 'closed', deadline: null }, [closedOn('2026-12-01T10:00:00.000Z')]),
      item({ status: 'closed', deadline: deadline('2027-01-04') }, []),
    ];
    const report = buildRegisterReport(2026, items, '2027-02-01');
    assert.equal(report.closed, 5);
    assert.equal(report.handledWithinTerm, 1);
    assert.equal(report.closedLate, 2);
  });

  test('extended and committee route are counted from the deadline state', () => {
    const items = [
      item({ deadline: deadline('2027-02-01', { extensionWeeks: 4 }) }),
      item({ deadline: deadline('2027-02-15', { route: 'committee' }) }),
      item({ deadline: deadline('2027-01-04') }),
    ];
    const report = buildRegisterReport(2026, items, '2026-11-24');
    assert.equal(report.extended, 1);
    assert.equal(report.committeeRoute, 1);
  });

  test(
    'a complaint closed after midnight in Amsterdam on the day after its deadline is late',
    () => {
      const late = item({ status: 'closed', deadline: deadline('2027-01-04') }, [closedOn('2027-01-04T23:30:00.000Z')]); // 5 Jan 00:30 in Amsterdam
      const report = buildRegisterReport(2026, [late], '2027-02-01');
      assert.equal(report.closedLate, 1);
      assert.equal(report.handledWithinTerm, 0);
    },
  );
});
