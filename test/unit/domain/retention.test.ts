import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { addDays, addYears, parseCalendarDate, type CalendarDate } from '../../../src/domain/calendar-date.ts';
import { ComplaintRecordSchema, RECORD_STATUSES, type ComplaintRecord } from '../../../src/domain/complaint-record.ts';
import { makeEvent, RecordEventSchema, type RecordEvent } from '../../../src/domain/record-events.ts';
import {
  anonymise,
  anonymiseEvent,
  anonymiseRecord,
  decideRetention,
  retentionCandidatesBefore,
  retentionStart,
} from '../../../src/domain/retention.ts';
import { makeMessage, makeRecord, makeTriage } from '../../fixtures/records.ts';
import { sampleEvent } from '../../fixtures/events.ts';

const d = parseCalendarDate;
const at = (iso: string) => new Date(iso);
const due = (record: ComplaintRecord, events: RecordEvent[], today: string, years = 5) => decideRetention(record, events, { today: d(today), years }).due;

/** An event as a later version might have stored it: with data this version's schema does not know. */
const withData = (event: RecordEvent, extra: Record<string, unknown>): RecordEvent => ({ ...event, data: { ...event.data, ...extra } }) as RecordEvent;

/** A complaint received 2021-02-01 and closed on `closedAt`. */
function closedComplaint(closedAt: string): { record: ComplaintRecord; events: RecordEvent[] } {
  const record = makeRecord({ id: 'KL-2021-00007', receivedAt: '2021-02-01T09:00:00.000Z', receivedDate: '2021-02-01', status: 'closed', updatedAt: closedAt });
  return {
    record,
    events: [
      sampleEvent('received', {}, { at: at('2021-02-01T09:00:00Z'), actor: 'intake' }),
      makeEvent('closed', 'officer', { outcome: 'Opgelost', previousStatus: 'open' }, at(closedAt)),
    ],
  };
}

describe('when the retention period starts', () => {
  it('a closed complaint: the Amsterdam day of its closing event', () => {
    const { record, events } = closedComplaint('2021-03-09T23:30:00.000Z');
    assert.deepEqual(retentionStart(record, events), { from: '2021-03-10', basis: 'closed' });
  });

  it('closed, reopened and closed again: the last closing counts', () => {
    const { record, events } = closedComplaint('2021-03-10T10:00:00.000Z');
    events.push(makeEvent('reopened', 'officer', {}, at('2021-04-01T10:00:00Z')), makeEvent('closed', 'officer', {}, at('2021-05-20T10:00:00Z')));
    assert.deepEqual(retentionStart(record, events), { from: '2021-05-20', basis: 'closed' });
  });

  it('not handled (Awb 9:8): the day of the not_handled event', () => {
    const record = makeRecord({ status: 'not_handled' });
    const events = [makeEvent('closed', 'officer', {}, at('2021-01-05T10:00:00Z')), makeEvent('not_handled', 'officer', { reason: 'ouder dan een jaar', previousStatus: 'closed' }, at('2021-06-15T10:00:00Z'))];
    assert.deepEqual(retentionStart(record, events), { from: '2021-06-15', basis: 'closed' });
  });

  it('closed without a closing event: updatedAt, so it is kept longer rather than purged early', () => {
    const record = makeRecord({ status: 'closed', updatedAt: '2022-07-01T08:00:00.000Z' });
    assert.deepEqual(retentionStart(record, []), { from: '2022-07-01', basis: 'closed' });
  });

  it('records that never needed handling: the day of receipt', () => {
    for (const status of ['routed', 'ignored', 'quarantined', 'registered'] as const) {
      const record = makeRecord({ status, receivedDate: '2020-12-31', receivedAt: '2020-12-31T22:30:00.000Z' });
      assert.deepEqual(retentionStart(record, []), { from: '2020-12-31', basis: 'received' }, status);
    }
  });

  it('complaints still being handled never start the clock', () => {
    for (const status of ['open', 'awaiting_details'] as const) {
      const record = makeRecord({ status, receivedDate: '2001-01-01' });
      assert.equal(retentionStart(record, []), null, status);
      assert.equal(due(record, [], '2030-01-01'), false, status);
    }
  });

  it('every status is decided: either a clock or none on purpose', () => {
    const withClock = RECORD_STATUSES.filter((status) => retentionStart(makeRecord({ status }), []) !== null);
    assert.deepEqual(withClock.sort(), ['closed', 'ignored', 'not_handled', 'quarantined', 'registered', 'routed']);
  });
});

describe('when a record is due', () => {
  it('closed on 2021-03-10 with 5 years: kept through 2026-03-10, due from 2026-03-11', () => {
    const { record, events } = closedComplaint('2021-03-10T10:00:00.000Z');
    assert.equal(due(record, events, '2026-03-09'), false);
    assert.equal(due(record, events, '2026-03-10'), false, 'exactly five years is not more than five');
    assert.equal(due(record, events, '2026-03-11'), true);
    assert.equal(decideRetention(record, events, { today: d('2026-03-11'), years: 5 }).keepUntil, '2026-03-10');
  });

  it('closing late in the evening counts on the Amsterdam day', () => {
    // 2021-03-10T23:30Z is 11 March in Amsterdam.
    const { record, events } = closedComplaint('2021-03-10T23:30:00.000Z');
    assert.equal(due(record, events, '2026-03-11'), false);
    assert.equal(due(record, events, '2026-03-12'), true);
  });

  it('the period is configurable', () => {
    const { record, events } = closedComplaint('2021-03-10T10:00:00.000Z');
    assert.equal(due(record, events, '2022-03-10', 1), false);
    assert.equal(due(record, events, '2022-03-11', 1), true);
    assert.equal(due(record, events, '2031-03-11', 10), true);
    assert.equal(due(record, events, '2031-03-10', 10), false);
  });

  it('the closing date counts, not the receipt: received 2019, closed 2021', () => {
    const record = makeRecord({ status: 'closed', receivedDate: '2019-06-01', receivedAt: '2019-06-01T09:00:00.000Z' });
    const events = [makeEvent('closed', 'officer', {}, at('2021-06-01T09:00:00Z'))];
    assert.equal(due(record, events, '2025-06-02'), false);
    assert.equal(due(record, events, '2026-06-02'), true);
  });

  it('a routed compliment received on 2021-03-10 is due from 2026-03-11', () => {
    const record = makeRecord({ status: 'routed', receivedDate: '2021-03-10', receivedAt: '2021-03-10T09:00:00.000Z' });
    assert.equal(due(record, [], '2026-03-10'), false);
    assert.equal(due(record, [], '2026-03-11'), true);
  });

  it('29 February: the anniversary in a common year is 28 February (the calendar\'s one leap-day rule)', () => {
    const record = makeRecord({ status: 'ignored', receivedDate: '2024-02-29', receivedAt: '2024-02-29T09:00:00.000Z' });
    assert.equal(due(record, [], '2025-02-28', 1), false);
    assert.equal(due(record, [], '2025-03-01', 1), true);
    const closed = closedComplaint('2024-02-29T10:00:00.000Z');
    assert.equal(decideRetention(closed.record, closed.events, { today: d('2025-02-28'), years: 1 }).keepUntil, '2025-02-28');
    assert.equal(due(closed.record, closed.events, '2025-03-01', 1), true);
  });

  it('an anonymised record is not due again', () => {
    const { record, events } = closedComplaint('2021-03-10T10:00:00.000Z');
    const done = [...events, sampleEvent('anonymised', {}, { at: at('2026-03-11T02:00:00Z'), actor: 'retention' })];
    const decision = decideRetention(record, done, { today: d('2027-01-01'), years: 5 });
    assert.equal(decision.due, false);
    assert.equal(decision.alreadyAnonymised, true);
  });

  it('no record received on or after the candidate bound can be due', () => {
    for (const today of ['2026-03-11', '2028-02-29', '2028-03-01', '2027-01-01', '2029-02-28']) {
      for (const years of [1, 4, 5]) {
        const bound = retentionCandidatesBefore(d(today), years);
        for (let day = addDays(bound, -400); day <= addDays(bound, 10); day = addDays(day, 1)) {
          const record = makeRecord({ status: 'ignored', receivedDate: day, receivedAt: `${day}T12:00:00.000Z` });
          if (due(record, [], today, years)) assert.ok(day < bound, `${today}, ${years}y: ${day} due but not before ${bound}`);
        }
        const lastDue: CalendarDate = addDays(addYears(d(today), -years), -1);
        assert.ok(lastDue < bound);
      }
    }
  });
});

describe('what an anonymised record looks like', () => {
  const full = makeRecord({
    id: 'KL-2021-00007',
    status: 'closed',
    receivedAt: '2021-02-01T09:00:00.000Z',
    receivedDate: '2021-02-01',
    assignedTo: 'klachtenfunctionaris@wijzijnhecht.nl',
    noticeBy: '2021-03-01',
    intakeFlags: ['no_message_id'],
    message: makeMessage({
      subject: 'Klacht over Petra Smit',
      text: 'Mijn dochter Sanne werd niet gehoord. Groet, Marieke de Vries, Hynsteblom 4, 2311 CS Leiden',
      replyTo: { name: 'M. de Vries', address: 'marieke.prive@example.nl' },
      attachments: [{ filename: 'klachtformulier-de-vries.pdf', contentType: 'application/pdf', size: 12_345, sha256: 'b'.repeat(64) }],
      headers: { 'x-originating-ip': '192.0.2.7' },
    }),
    triage: makeTriage({
      flags: ['has_attachments', 'incident_over_one_year'],
      reasons: ['kind:complaint:complaint_words'],
      complainant: { name: 'Marieke de Vries', email: 'm.devries@example.nl', phone: '0612345678', address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' } },
      incidentDate: '2019-11-03',
      employees: ['Petra Smit'],
      caseRef: 'KL-2021-00007',
      referenceSource: 'subject',
    }),
    contact: { name: 'Marieke de Vries', email: 'm.devries@example.nl', phone: '0612345678', address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' } },
    deadline: { route: 'committee', received: '2021-02-01', deadline: '2021-04-12', shiftedFrom: null, extensionWeeks: 2, reason: '70 days after receipt (Awb 9:11, committee route)' },
  });
  const PERSONAL = ['Marieke', 'Vries', 'Hynsteblom', '2311 CS', 'Leiden', '0612345678', 'example.nl', 'Petra', 'Sanne', 'Klacht over', 'klachtformulier', 'fixture', '192.0.2.7', '2019-11-03', 'Opgelost met excuses', 'medewerker ziek'];
  const history = [
    makeEvent('received', 'intake', { sha256: 'a'.repeat(64), size: 512, intakeFlags: [], source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'klacht-de-vries.eml' } }, at('2021-02-01T09:00:00Z')),
    makeEvent('triaged', 'intake', { kind: 'complaint', flags: ['has_attachments'], reply: 'acknowledgement', reasons: ['kind:complaint:complaint_words'] }, at('2021-02-01T09:00:00Z')),
    makeEvent('reply_sent', 'replies', { type: 'acknowledgement', jobId: 'reply-KL-2021-00007-acknowledgement', messageId: '<KL-2021-00007.acknowledgement.klachtenopvang@wijzijnhecht.nl>', via: 'smtp' }, at('2021-02-01T09:00:02Z')),
    makeEvent('followup_received', 'intake', { followupKey: 'c'.repeat(16), sha256: 'c'.repeat(64), receivedAt: '2021-02-03T10:00:00.000Z', source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid: 9, file: null, messageId: '<x@example.nl>' }, message: makeMessage({ text: 'Ik woon op Hynsteblom 4, Leiden.' }), triage: makeTriage() }, at('2021-02-03T10:00:00Z')),
    makeEvent('details_updated', 'intake', { fields: ['address'], followupKey: 'c'.repeat(16) }, at('2021-02-03T10:00:00Z')),
    makeEvent('extended', 'a.officer', { weeks: 2, reason: 'medewerker ziek', from: '2021-03-15', to: '2021-03-29' }, at('2021-03-01T10:00:00Z')),
    makeEvent('viewed', 'a.officer', {}, at('2021-03-02T10:00:00Z')),
    // A field this version does not know (written by a later one) must go too: data is kept by allowlist.
    withData(makeEvent('closed', 'a.officer', { outcome: 'Opgelost met excuses aan Marieke', previousStatus: 'open' }, at('2021-03-10T10:00:00Z')), { note: 'unknown field' }),
  ];

  it('keeps the register skeleton and removes every trace of who wrote what', () => {
    const decision = decideRetention(full, history, { today: d('2026-03-11'), years: 5 });
    assert.equal(decision.due, true);
    const result = anonymise(full, history, { at: at('2026-03-11T03:00:00Z'), actor: 'retention', years: 5, decision });
    const record = ComplaintRecordSchema.parse(result.record);
    const text = JSON.stringify(result);
    for (const fragment of PERSONAL) assert.ok(!text.includes(fragment), `"${fragment}" is gone`);

    // The register skeleton stays.
    assert.equal(record.id, 'KL-2021-00007');
    assert.equal(record.receivedAt, full.receivedAt);
    assert.equal(record.receivedDate, full.receivedDate);
    assert.equal(record.ingestedAt, full.ingestedAt);
    assert.equal(record.status, 'closed');
    assert.deepEqual(record.intakeFlags, ['no_message_id']);
    assert.deepEqual(record.deadline, full.deadline);
    assert.equal(record.noticeBy, '2021-03-01');
    assert.equal(record.assignedTo, 'klachtenfunctionaris@wijzijnhecht.nl');
    assert.equal(record.triage?.kind, 'complaint');
    assert.equal(record.triage?.contentKind, 'complaint');
    assert.deepEqual(record.triage?.flags, ['has_attachments', 'incident_over_one_year']);
    assert.deepEqual(record.triage?.reasons, ['kind:complaint:complaint_words']);
    assert.equal(record.triage?.caseRef, 'KL-2021-00007');
    assert.equal(record.source.sha256, full.source.sha256, 'the hash stays: a re-delivered copy is still recognised as a duplicate');
    assert.equal(record.updatedAt, '2026-03-11T03:00:00.000Z');

    // Personal data is gone from the record.
    assert.equal(record.message, null);
    assert.deepEqual(record.contact, { name: null, email: null, phone: null, address: null });
    assert.deepEqual(record.triage?.complainant, { name: null, email: null, phone: null, address: null });
    assert.equal(record.triage?.incidentDate, null);
    assert.deepEqual(record.triage?.employees, []);
    assert.equal(record.source.file, null);
    assert.equal(record.source.messageId, null);
  });

  it('rewrites the history by allowlist and ends it with an anonymised event', () => {
    const decision = decideRetention(full, history, { today: d('2026-03-11'), years: 5 });
    const { events } = anonymise(full, history, { at: at('2026-03-11T03:00:00Z'), actor: 'retention', years: 5, decision });
    for (const event of events) RecordEventSchema.parse(event);
    assert.deepEqual(events.map((e) => e.type), [...history.map((e) => e.type), 'anonymised']);
    assert.deepEqual(events.map((e) => e.at).slice(0, -1), history.map((e) => e.at), 'dates and order stay');
    assert.deepEqual(events.map((e) => e.actor).slice(0, -1), history.map((e) => e.actor), 'who acted stays (audit trail)');
    const byType = (type: string) => events.find((e) => e.type === type)?.data;
    assert.deepEqual(byType('received'), { sha256: 'a'.repeat(64), size: 512, intakeFlags: [], source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: null } });
    assert.deepEqual(byType('followup_received'), { followupKey: 'c'.repeat(16), sha256: 'c'.repeat(64), receivedAt: '2021-02-03T10:00:00.000Z', source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid: 9, file: null, messageId: null } });
    assert.deepEqual(byType('extended'), { weeks: 2, from: '2021-03-15', to: '2021-03-29' });
    assert.deepEqual(byType('closed'), { previousStatus: 'open' }, 'outcome and unknown fields go');
    assert.deepEqual(byType('reply_sent'), history[2]?.data, 'our own reply ids stay');
    assert.deepEqual(byType('triaged'), history[1]?.data);
    const note = events.at(-1);
    assert.equal(note?.at, '2026-03-11T03:00:00.000Z');
    assert.equal(note?.actor, 'retention');
    assert.deepEqual(note?.data, { retentionFrom: '2021-03-10', basis: 'closed', keepUntil: '2026-03-10', years: 5 });
  });

  it('officers\' free text goes from every event that carries it', () => {
    const cases = [
      makeEvent('not_handled', 'o', { reason: 'Marieke schreef te laat', previousStatus: 'open' }),
      makeEvent('committee_route', 'o', { reason: 'Marieke wil een hoorzitting', from: '2021-03-15', to: '2021-04-12' }),
      makeEvent('reopened', 'o', { reason: 'Marieke belde' }),
      makeEvent('retriaged', 'o', { kind: 'complaint', previousKind: 'question', flags: [], reasons: [] }),
    ];
    for (const event of cases) assert.ok(!JSON.stringify(anonymiseEvent(event)).includes('Marieke'), event.type);
  });

  it('anonymising twice changes nothing more', () => {
    const once = anonymiseRecord(full, at('2026-03-11T03:00:00Z'));
    assert.deepEqual(anonymiseRecord(once, at('2026-03-11T03:00:00Z')), once);
  });

  it('a quarantined record without message or triage stays valid', () => {
    const record = makeRecord({ status: 'quarantined', message: null, triage: null, intakeFlags: ['parse_error'], deadline: null });
    const result = ComplaintRecordSchema.parse(anonymiseRecord(record, at('2030-01-01T00:00:00Z')));
    assert.equal(result.triage, null);
    assert.deepEqual(result.intakeFlags, ['parse_error']);
  });
});
