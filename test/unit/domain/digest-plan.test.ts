import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseCalendarDate } from '../../../src/domain/calendar-date.ts';
import { type ComplaintRecord } from '../../../src/domain/complaint-record.ts';
import { makeEvent, type RecordEvent } from '../../../src/domain/record-events.ts';
import { firstDeadline, planDigest, type DigestPlanInput, type DigestRecord } from '../../../src/domain/digest-plan.ts';
import { TEMPLATE_VARIABLE_SCHEMAS } from '../../../src/domain/template-variables.ts';
import type { TriageResult } from '../../../src/domain/triage/triage-result.ts';
import { makeMessage, makeTriage } from '../../fixtures/records.ts';
import { sampleEvent } from '../../fixtures/events.ts';

/** Fictional records for the digest rules; only the fields the digest reads matter. */
const TODAY = parseCalendarDate('2026-12-24');
const NOW = Date.parse('2026-12-24T07:00:00Z'); // 08:00 in Amsterdam
const SINCE = Date.parse('2026-12-23T07:00:00Z');
const at = (iso: string) => new Date(iso);

function triage(overrides: Partial<TriageResult> = {}): TriageResult {
  return makeTriage({ complainant: { name: null, email: 'x@example.nl', phone: null, address: null }, reasons: ['kind:complaint:complaint_words'], ...overrides });
}

function record(id: string, overrides: Partial<ComplaintRecord> & { deadlineDate?: string; extensionWeeks?: number } = {}): ComplaintRecord {
  const { deadlineDate, extensionWeeks, ...rest } = overrides;
  const receivedDate = rest.receivedDate ?? '2026-11-19';
  return {
    schemaVersion: 1,
    id,
    receivedAt: `${receivedDate}T09:00:00.000Z`,
    receivedDate,
    ingestedAt: `${receivedDate}T09:00:01.000Z`,
    updatedAt: `${receivedDate}T09:00:01.000Z`,
    status: 'open',
    intakeFlags: [],
    source: { kind: 'imap', mailbox: 'INBOX', uidValidity: 1, uid: 1, file: null, messageId: null, sha256: 'a'.repeat(64), size: 100 },
    message: null,
    triage: triage(),
    contact: { name: null, email: 'x@example.nl', phone: null, address: null },
    deadline: deadlineDate
      ? { route: 'standard', received: receivedDate, deadline: deadlineDate, shiftedFrom: null, extensionWeeks: extensionWeeks ?? 0, reason: 'test' }
      : null,
    noticeBy: null,
    assignedTo: null,
    ...rest,
  };
}

const entry = (r: ComplaintRecord, events: RecordEvent[] = []): DigestRecord => ({ record: r, events });

function plan(records: DigestRecord[], overrides: Partial<DigestPlanInput> = {}) {
  const variables = planDigest({ today: TODAY, since: SINCE, until: NOW, detail: 'minimal', lang: 'nl', records, listCommand: 'npm run cli -- complaints list', ...overrides });
  // Whatever the digest plans must pass the template's own schema.
  TEMPLATE_VARIABLE_SCHEMAS.digest.parse(variables);
  return variables;
}
const refs = (items: readonly { reference: string }[]) => items.map((i) => i.reference);

describe('planDigest', () => {
  test('overdue and due within 7 days, by days left then reference; closed complaints are not listed', () => {
    const v = plan([
      entry(record('KL-2026-00005', { deadlineDate: '2026-12-31' })), // 7 days
      entry(record('KL-2026-00004', { deadlineDate: '2026-12-28' })), // 4 days
      entry(record('KL-2026-00003', { deadlineDate: '2026-12-24' })), // today
      entry(record('KL-2026-00002', { deadlineDate: '2026-12-20' })), // 4 days late
      entry(record('KL-2026-00001', { deadlineDate: '2026-12-20', status: 'awaiting_details' })),
      entry(record('KL-2026-00006', { deadlineDate: '2027-01-01' })), // 8 days: neither
      entry(record('KL-2026-00007', { deadlineDate: '2026-12-01', status: 'closed' })),
      entry(record('KL-2026-00008', { deadlineDate: '2026-12-26', extensionWeeks: 2 })),
    ]);
    assert.deepEqual(refs(v.overdue), ['KL-2026-00001', 'KL-2026-00002']);
    assert.deepEqual(v.overdue.map((i) => i.daysLeft), [-4, -4]);
    assert.deepEqual(refs(v.dueSoon), ['KL-2026-00003', 'KL-2026-00008', 'KL-2026-00004', 'KL-2026-00005']);
    assert.equal(v.dueSoon[1]?.kind, 'extended');
    assert.equal(v.dueSoon[0]?.deadline, '24 december 2026');
    assert.equal(v.counts.open, 7);
    assert.equal(v.counts.overdue, 2);
    assert.equal(v.counts.dueSoon, 4);
  });

  test('the Awb 9:8 notice date counts when it comes before the handling deadline', () => {
    const r = record('KL-2026-00009', { deadlineDate: '2026-12-31', noticeBy: '2026-12-17' });
    assert.deepEqual(firstDeadline(r), { kind: 'not_handled_notice', date: '2026-12-17' });
    const v = plan([entry(r)]);
    assert.equal(v.overdue[0]?.kind, 'not_handled_notice');
    assert.equal(v.overdue[0]?.daysLeft, -7);
    assert.equal(firstDeadline({ ...r, status: 'closed' }), null);
  });

  test('new since the last digest: everything but automatic mail; urgent and anonymous in their own sections', () => {
    const fresh = { receivedDate: '2026-12-23', ingestedAt: '2026-12-23T15:00:00.000Z' };
    const v = plan([
      entry(record('KL-2026-00010', { ...fresh, deadlineDate: '2027-02-03' })),
      entry(record('KL-2026-00011', { ...fresh, status: 'registered', triage: triage({ flags: ['anonymous'], reply: 'anonymous_registered' }) })),
      entry(record('KL-2026-00012', { ...fresh, deadlineDate: '2027-02-03', triage: triage({ kind: 'report', urgent: true, flags: ['urgent_safety'], reply: 'urgent_redirect' }) })),
      entry(record('KL-2026-00013', { ...fresh, status: 'ignored', triage: triage({ kind: 'auto_reply', reply: null }) })),
      entry(record('KL-2026-00014', { ...fresh, status: 'quarantined', triage: null, intakeFlags: ['parse_error'] })),
      entry(record('KL-2026-00015', { ...fresh, status: 'routed', triage: triage({ kind: 'compliment', reply: 'compliment_thanks' }) })),
      // Recorded before the last digest: listed then, not now.
      entry(record('KL-2026-00016', { receivedDate: '2026-12-22', ingestedAt: '2026-12-22T15:00:00.000Z', status: 'registered', triage: triage({ kind: 'report', urgent: true, flags: ['anonymous'] }) })),
      // Recorded after the digest's view ended (between build and send): the next digest lists it.
      entry(record('KL-2026-00017', { receivedDate: '2026-12-24', ingestedAt: '2026-12-24T07:00:00.001Z' })),
    ]);
    assert.deepEqual(refs(v.received), ['KL-2026-00010', 'KL-2026-00012', 'KL-2026-00011', 'KL-2026-00014', 'KL-2026-00015']);
    assert.deepEqual(refs(v.urgent), ['KL-2026-00012']);
    assert.deepEqual(refs(v.anonymous), ['KL-2026-00011']);
    const quarantined = v.received.find((i) => i.reference === 'KL-2026-00014');
    assert.equal(quarantined?.messageKind, 'unparsed');
    assert.deepEqual(quarantined?.flags, ['parse_error']);
    assert.equal(quarantined?.deadline, null);
    assert.deepEqual(v.urgent[0]?.flags, ['urgent_safety']);
    assert.equal(v.counts.received, 5);
  });

  test('awaiting details: days since the request went out, else since receipt', () => {
    const asked = record('KL-2026-00020', { status: 'awaiting_details', receivedDate: '2026-12-01', deadlineDate: '2027-01-12', triage: triage({ flags: ['missing_address'], reply: 'request_details' }) });
    const notAsked = record('KL-2026-00021', { status: 'awaiting_details', receivedDate: '2026-12-14', deadlineDate: '2027-01-25', triage: triage({ flags: ['missing_name'], reply: 'urgent_redirect' }) });
    const v = plan([
      entry(asked, [sampleEvent('reply_sent', { type: 'request_details' }, { at: at('2026-12-02T10:00:00Z'), actor: 'replies' })]),
      entry(notAsked, [sampleEvent('reply_sent', { type: 'urgent_redirect' }, { at: at('2026-12-14T10:00:00Z'), actor: 'replies' })]),
      entry(record('KL-2026-00022', { deadlineDate: '2027-01-25' })),
    ]);
    assert.deepEqual(
      v.awaitingDetails.map((i) => [i.reference, i.detailsAsked, i.daysSinceAsked]),
      [
        ['KL-2026-00020', true, 22],
        ['KL-2026-00021', false, 10],
      ],
    );
    assert.deepEqual(v.awaitingDetails[0]?.flags, ['missing_address']);
  });

  test('refused replies and follow-ups since the last digest, also on a closed complaint; older ones are not repeated', () => {
    const old = at('2026-12-22T10:00:00Z');
    const recent = at('2026-12-23T12:00:00Z');
    const closed = record('KL-2026-00030', { status: 'closed', deadlineDate: '2026-12-10' });
    const running = record('KL-2026-00031', { deadlineDate: '2026-12-29' });
    const v = plan([
      entry(closed, [
        sampleEvent('followup_received', { followupKey: 'a', triage: triage({ kind: 'followup' }) }, { at: old, actor: 'intake' }),
        sampleEvent('followup_received', { followupKey: 'b', triage: triage({ kind: 'followup' }) }, { at: recent, actor: 'intake' }),
      ]),
      entry(running, [
        sampleEvent('reply_failed', { type: 'acknowledgement', smtpCode: 550 }, { at: recent, actor: 'replies' }),
        sampleEvent('reply_failed', { type: 'acknowledgement', smtpCode: 550 }, { at: recent, actor: 'replies' }),
        sampleEvent('reply_failed', { type: 'extension_notice', smtpCode: 550 }, { at: old, actor: 'replies' }),
        sampleEvent('followup_received', { followupKey: 'c', triage: triage({ kind: 'followup', urgent: true }) }, { at: recent, actor: 'intake' }),
        sampleEvent('followup_received', { followupKey: 'd', triage: triage({ kind: 'followup' }) }, { at: recent, actor: 'intake' }),
      ]),
    ]);
    assert.deepEqual(v.replyFailed.map((i) => [i.reference, i.failedReplies]), [['KL-2026-00031', ['acknowledgement']]]);
    assert.deepEqual(v.followups.map((i) => [i.reference, i.followups]), [['KL-2026-00031', 2], ['KL-2026-00030', 1]]);
    assert.equal(v.followups[1]?.deadline, null, 'a closed complaint has no running deadline');
    // An urgent follow-up puts its complaint in the urgent section, flagged as such.
    assert.deepEqual(refs(v.urgent), ['KL-2026-00031']);
    assert.ok(v.urgent[0]?.flags.includes('urgent_followup'));
  });

  test('minimal detail: no receipt date or officer; standard adds both, and only a valid officer address', () => {
    const assigned = record('KL-2026-00040', { deadlineDate: '2026-12-28', assignedTo: 'a.jansen@wijzijnhecht.nl' });
    const odd = record('KL-2026-00041', { deadlineDate: '2026-12-29', assignedTo: 'Anna Jansen' });
    const minimal = plan([entry(assigned), entry(odd)]);
    assert.deepEqual(minimal.dueSoon.map((i) => [i.receivedDate, i.assignedTo]), [[null, null], [null, null]]);
    const standard = plan([entry(assigned), entry(odd)], { detail: 'standard' });
    assert.deepEqual(standard.dueSoon.map((i) => [i.receivedDate, i.assignedTo]), [
      ['19 november 2026', 'a.jansen@wijzijnhecht.nl'],
      ['19 november 2026', null],
    ]);
  });

  test('nothing from the message reaches the digest', () => {
    const canary = 'Piet de Vries, Hynsteblom 4';
    const r = record('KL-2026-00050', {
      receivedDate: '2026-12-23',
      ingestedAt: '2026-12-23T15:00:00.000Z',
      deadlineDate: '2027-02-03',
      contact: { name: canary, email: 'piet@example.nl', phone: '0612345678', address: { street: canary, houseNumber: '4', postcode: '2311 CS', city: 'Leiden' } },
      triage: triage({ complainant: { name: canary, email: 'piet@example.nl', phone: null, address: null }, employees: [canary], reasons: [`name:${canary}`] }),
    });
    const v = plan([entry(r, [sampleEvent('followup_received', { followupKey: 'e', message: makeMessage({ text: canary }), triage: triage({ kind: 'followup' }) }, { at: at('2026-12-23T16:00:00Z'), actor: 'intake' })])]);
    const json = JSON.stringify(v);
    for (const needle of ['Piet', 'Hynsteblom', 'piet@example.nl', '0612345678', 'Leiden']) assert.ok(!json.includes(needle), needle);
  });

  test('an empty store gives empty sections and zero counts', () => {
    const v = plan([]);
    assert.deepEqual(v.counts, { open: 0, needsReview: 0, urgent: 0, overdue: 0, dueSoon: 0, noHearing: 0, received: 0, awaitingDetails: 0, anonymous: 0, replyFailed: 0, followups: 0, spam: 0 });
    assert.equal(v.date, '24 december 2026');
  });

  test('needs_review records come first until an officer closes them; spam since the last digest is listed, never answered', () => {
    const unclear = record('KL-2026-00090', { triage: triage({ flags: ['needs_review'] }) });
    const closed = record('KL-2026-00091', { status: 'closed', triage: triage({ flags: ['needs_review'] }) });
    const spam = record('KL-2026-00092', { receivedDate: '2026-12-23', status: 'ignored', deadline: null, triage: triage({ kind: 'spam', contentKind: 'spam', reply: null }) });
    const v = plan([entry(unclear), entry(closed), entry(spam)]);
    assert.deepEqual(refs(v.needsReview), ['KL-2026-00090']);
    assert.deepEqual(refs(v.spam), ['KL-2026-00092']);
    assert.equal(v.counts.needsReview, 1);
    assert.equal(v.counts.spam, 1);
    assert.equal(Object.keys(v).indexOf('needsReview') < Object.keys(v).indexOf('urgent'), true, 'needs_review is the first section');
  });

  test('no hearing recorded: running complaints within 14 days of their deadline (or past it) that were neither heard nor waived', () => {
    const v = plan([
      entry(record('KL-2026-00021', { deadlineDate: '2027-01-07' })), // 14 days: listed
      entry(record('KL-2026-00022', { deadlineDate: '2027-01-08' })), // 15 days: not yet
      entry(record('KL-2026-00023', { deadlineDate: '2026-12-20' })), // overdue: listed
      entry(record('KL-2026-00024', { deadlineDate: '2026-12-28' }), [makeEvent('hearing_held', 'officer', { date: '2026-12-10', how: 'phone' })]),
      entry(record('KL-2026-00025', { deadlineDate: '2026-12-28' }), [makeEvent('hearing_waived', 'officer', { ground: 'declined' })]),
      entry(record('KL-2026-00026', { deadlineDate: '2026-12-28', status: 'closed' })),
    ]);
    assert.deepEqual(refs(v.noHearing), ['KL-2026-00023', 'KL-2026-00021']);
    assert.equal(v.counts.noHearing, 2);
  });
});
