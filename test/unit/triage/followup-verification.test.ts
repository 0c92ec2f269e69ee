import { test } from 'node:test';
import assert from 'node:assert/strict';
import { applyFollowupVerification } from '../../../src/domain/triage/followup-verification.ts';
import type { TriageResult } from '../../../src/domain/triage/triage-result.ts';

const followup: TriageResult = {
  kind: 'followup',
  contentKind: 'complaint',
  urgent: false,
  language: 'nl',
  complainant: { name: 'Tom Hoekstra', email: 'tom@example.nl', phone: null, address: null },
  incidentDate: null,
  employees: [],
  caseRef: 'KL-2026-00017',
  referenceSource: 'subject',
  flags: ['missing_address'],
  reply: 'followup_received',
  reasons: ['kind:complaint:complaint_words', 'kind:followup:reference_in_subject', 'reply:followup_received:followup'],
};

test('a known reference from the complainant, or answering our reply, stays a follow-up', () => {
  assert.equal(applyFollowupVerification(followup, { known: true, senderMatches: true, headersPointAtOurReply: false }), followup);
  assert.equal(applyFollowupVerification(followup, { known: true, senderMatches: false, headersPointAtOurReply: true }), followup);
});

test('an unknown or unverified reference is handled as a new message and flagged', () => {
  for (const verification of [
    { known: false, senderMatches: false, headersPointAtOurReply: false },
    { known: true, senderMatches: false, headersPointAtOurReply: false },
  ]) {
    const result = applyFollowupVerification(followup, verification);
    assert.equal(result.kind, 'complaint');
    assert.equal(result.reply, 'request_details');
    assert.deepEqual(result.flags, ['missing_address', 'unverified_reference']);
    assert.equal(result.caseRef, 'KL-2026-00017', 'officers still see which complaint it claimed');
    assert.equal(result.reasons.filter((reason) => reason.startsWith('reply:')).length, 1);
  }
});

test('urgency and other kinds survive the reversal; non-follow-ups pass through', () => {
  const urgent = applyFollowupVerification({ ...followup, urgent: true, reply: 'urgent_redirect' }, { known: false, senderMatches: false, headersPointAtOurReply: false });
  assert.equal(urgent.reply, 'urgent_redirect');
  const question = applyFollowupVerification({ ...followup, contentKind: 'question', flags: [] }, { known: false, senderMatches: false, headersPointAtOurReply: false });
  assert.deepEqual([question.kind, question.reply], ['question', 'question_received']);
  const complaint = { ...followup, kind: 'complaint' as const, reply: 'acknowledgement' as const };
  assert.equal(applyFollowupVerification(complaint, { known: false, senderMatches: false, headersPointAtOurReply: false }), complaint);
});

test('a follow-up whose reply was suppressed stays without reply', () => {
  const own = applyFollowupVerification({ ...followup, reply: null }, { known: false, senderMatches: false, headersPointAtOurReply: false });
  assert.equal(own.reply, null);
});
