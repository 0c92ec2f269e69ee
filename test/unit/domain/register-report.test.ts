import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import { type ComplaintRecord } from '../../../src/domain/complaint-record.ts';
import { makeEvent, type EventDataInput, type EventOf, type EventType, type RecordEvent } from '../../../src/domain/record-events.ts';
import { DEFAULT_DEADLINE_POLICY } from '../../../src/domain/deadlines.ts';
import { buildRegisterReport, median, registerCsv, type RegisterItem } from '../../../src/domain/register-report.ts';
import type { TriageFlag, TriageKind } from '../../../src/domain/triage/triage-result.ts';
import { makeRecord, makeTriage } from '../../fixtures/records.ts';
import { sampleEvent } from '../../fixtures/events.ts';

const OFFICER = 'officer@wijzijnhecht.nl';
/** Noon in Amsterdam on that day, so no event sits near midnight unless a test wants it to. */
const at = (day: string) => new Date(`${day}T11:00:00.000Z`);
const ev = <T extends EventType>(type: T, day: string, data = {} as EventDataInput<T>) =>
  (makeEvent as (type: T, actor: string, data: EventDataInput<T>, at: Date) => EventOf<T>)(type, OFFICER, data, at(day));
const triaged = (day: string, kind: TriageKind, flags: TriageFlag[] = []) => makeEvent('triaged', 'intake', { kind, flags, reply: null, reasons: [] }, at(day));

function item(id: string, receivedDate: string, kind: TriageKind, events: RecordEvent[], overrides: Partial<ComplaintRecord> = {}): RegisterItem {
  const record = makeRecord({ id, receivedDate, receivedAt: at(receivedDate).toISOString(), triage: makeTriage({ kind }), ...overrides });
  return { record, events: [sampleEvent('received', {}, { at: at(receivedDate), actor: 'intake' }), ...events] };
}

/**
 * A scripted history over 2026 and 2027, counted by hand below. Deadlines are six weeks after
 * receipt (Awb 9:11) unless extended or on the committee route; none falls on a holiday.
 */
const history: RegisterItem[] = [
  // A: received Mon 14 Dec 2026 (deadline 25 Jan 2027), extended 2 weeks in January (8 Feb),
  // heard on 20 January, closed partly founded on 3 February: 51 days, within the term.
  item('KL-2026-00001', '2026-12-14', 'complaint', [
    triaged('2026-12-14', 'complaint'),
    ev('extended', '2027-01-11', { weeks: 2, reason: 'afwezig', from: '2027-01-25', to: '2027-02-08' }),
    ev('hearing_held', '2027-01-21', { date: '2027-01-20', how: 'in_person' }),
    ev('closed', '2027-02-03', { category: 'partly_founded', letterJobId: 'reply-KL-2026-00001-outcome-x', previousStatus: 'open' }),
  ], { status: 'closed' }),
  // B: anonymous, registered 2 Nov 2026, marked not handled on 20 November.
  item('KL-2026-00002', '2026-11-02', 'complaint', [
    triaged('2026-11-02', 'complaint', ['anonymous']),
    ev('not_handled', '2026-11-20', { reason: 'anoniem', previousStatus: 'registered' }),
  ], { status: 'not_handled', deadline: null }),
  // C: an out-of-office an officer closed by mistake: no complaint, whatever its status says.
  item('KL-2026-00003', '2026-12-01', 'auto_reply', [triaged('2026-12-01', 'auto_reply'), ev('closed', '2026-12-02', { outcome: 'afgehandeld', previousStatus: 'ignored' })], {
    status: 'closed',
    deadline: null,
  }),
  // D: a phone complaint received 22 Dec 2026 (deadline 2 Feb 2027), registered on the 28th, still open.
  item('KL-2026-00004', '2026-12-22', 'complaint', [ev('registered_by', '2026-12-28', { channel: 'phone', receivedDate: '2026-12-22', anonymous: false })], {
    message: null,
  }),
  // E: received 1 Oct 2026 (deadline 12 Nov 2026), hearing waived (declined) in December, open at
  // the end of 2026, so overdue then; closed founded on 15 Jan 2027: late, 106 days.
  item('KL-2026-00005', '2026-10-01', 'complaint', [
    triaged('2026-10-01', 'complaint'),
    ev('hearing_waived', '2026-12-10', { ground: 'declined' }),
    ev('closed', '2027-01-15', { category: 'founded', letterJobId: 'reply-KL-2026-00005-outcome-y', previousStatus: 'open' }),
  ], { status: 'closed' }),
  // F: received 1 Sep 2026, committee route on 10 September (deadline 10 Nov), closed unfounded
  // in time on 5 November, reopened, and withdrawn on 20 December: late, 110 days.
  item('KL-2026-00006', '2026-09-01', 'complaint', [
    triaged('2026-09-01', 'complaint'),
    ev('committee_route', '2026-09-10', { from: '2026-10-13', to: '2026-11-10' }),
    ev('closed', '2026-11-05', { category: 'unfounded', letterJobId: 'j', previousStatus: 'open' }),
    ev('reopened', '2026-12-01'),
    ev('closed', '2026-12-20', { category: 'withdrawn', noLetterReason: 'ingetrokken per telefoon', previousStatus: 'open' }),
  ], { status: 'closed' }),
  // G: a compliment; H: spam.
  item('KL-2026-00007', '2026-06-01', 'compliment', [triaged('2026-06-01', 'compliment')], { status: 'routed', deadline: null }),
  item('KL-2026-00008', '2026-07-01', 'spam', [triaged('2026-07-01', 'spam')], { status: 'ignored', deadline: null }),
  // I: received 30 Dec 2025 (deadline 10 Feb 2026), closed founded on 20 Jan 2026: 21 days,
  // within the term.
  item('KL-2025-00009', '2025-12-30', 'complaint', [
    triaged('2025-12-30', 'complaint'),
    ev('closed', '2026-01-20', { category: 'founded', letterJobId: 'z', previousStatus: 'open' }),
  ], { status: 'closed' }),
  // J: a question an officer later corrected to a complaint (received 2 Mar 2026, closed on
  // 16 March with the old free-text outcome: no category), 14 days, within the term.
  item('KL-2026-00010', '2026-03-02', 'question', [
    triaged('2026-03-02', 'question'),
    ev('triage_corrected', '2026-03-03', { fields: ['kind'], before: { kind: 'question' }, after: { kind: 'complaint' } }),
    ev('closed', '2026-03-16', { outcome: 'opgelost', previousStatus: 'routed' }),
  ], { status: 'closed' }),
];

describe('the Awb 9:12a register, counted from events', () => {
  test('2026, counted by hand', () => {
    const report = buildRegisterReport({ year: 2026, today: parseCalendarDate('2027-03-01'), policy: DEFAULT_DEADLINE_POLICY, items: history });
    assert.deepEqual(report, {
      year: 2026,
      countedUntil: '2026-12-31',
      // A, B, D, E, F, J are complaints received in 2026 (I came in 2025); G a compliment.
      receivedByKind: { complaint: 6, compliment: 1 },
      automaticMail: 2, // C and H
      complaintsReceived: 6,
      complaintsByChannel: { email: 5, letter: 0, phone: 1, visit: 0 },
      anonymousRegistered: 1, // B, though it is not handled today
      handledWithinTerm: 2, // I and J
      closedLate: 1, // F: its last closing, after the committee deadline
      extended: 0, // A was extended in 2027
      committeeRoute: 1, // F
      notHandled: 1, // B
      closed: 3, // F, I, J (C is no complaint; A and E closed in 2027)
      closedByOutcome: { founded: 1, partly_founded: 0, unfounded: 0, resolved_informally: 0, withdrawn: 1, unspecified: 1 },
      overdueAtYearEnd: 1, // E (deadline 12 Nov); A, D have later deadlines
      medianDaysToClose: 21, // 14 (J), 21 (I), 110 (F)
      hearingsHeld: 0,
      hearingsWaived: 1, // E
      hearingsWaivedByGround: { manifestly_unfounded: 0, declined: 1, no_response_in_time: 0 },
    });
  });

  test('2027, counted by hand up to 1 March', () => {
    const report = buildRegisterReport({ year: 2027, today: parseCalendarDate('2027-03-01'), policy: DEFAULT_DEADLINE_POLICY, items: history });
    assert.deepEqual(report, {
      year: 2027,
      countedUntil: '2027-03-01',
      receivedByKind: {},
      automaticMail: 0,
      complaintsReceived: 0,
      complaintsByChannel: { email: 0, letter: 0, phone: 0, visit: 0 },
      anonymousRegistered: 0,
      handledWithinTerm: 1, // A
      closedLate: 1, // E
      extended: 1, // A
      committeeRoute: 0,
      notHandled: 0,
      closed: 2,
      closedByOutcome: { founded: 1, partly_founded: 1, unfounded: 0, resolved_informally: 0, withdrawn: 0, unspecified: 0 },
      overdueAtYearEnd: 1, // D: deadline 2 Feb 2027, still open on 1 March
      medianDaysToClose: 78.5, // 51 (A) and 106 (E)
      hearingsHeld: 1, // A
      hearingsWaived: 0,
      hearingsWaivedByGround: { manifestly_unfounded: 0, declined: 0, no_response_in_time: 0 },
    });
  });

  test('a complaint closed at 00:30 in Amsterdam on the day after its deadline is late', () => {
    const late = item('KL-2026-00011', '2026-11-23', 'complaint', [
      triaged('2026-11-23', 'complaint'),
      makeEvent('closed', OFFICER, { category: 'founded' }, new Date('2027-01-04T23:30:00.000Z')), // 5 Jan 00:30
    ]);
    const report = buildRegisterReport({ year: 2027, today: parseCalendarDate('2027-02-01'), policy: DEFAULT_DEADLINE_POLICY, items: [late] });
    assert.equal(report.closedLate, 1);
    assert.equal(report.handledWithinTerm, 0);
  });

  test('the CSV has one line per figure', () => {
    const csv = registerCsv(buildRegisterReport({ year: 2026, today: parseCalendarDate('2027-03-01'), policy: DEFAULT_DEADLINE_POLICY, items: history }));
    assert.match(csv, /^figure,value\r\n/);
    assert.match(csv, /\r\ncomplaints_received,6\r\n/);
    assert.match(csv, /\r\nclosed_withdrawn,1\r\n/);
    assert.match(csv, /\r\nmedian_days_to_close,21\r\n/);
  });

  test('median', () => {
    assert.equal(median([]), null);
    assert.equal(median([5]), 5);
    assert.equal(median([110, 14, 21]), 21);
    assert.equal(median([106, 51]), 78.5);
  });
});
