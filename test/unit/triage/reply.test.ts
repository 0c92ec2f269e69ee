import { test } from 'node:test';
import assert from 'node:assert/strict';
import { chooseReply } from '../../../src/domain/triage/reply.ts';
import type { ReplyInput } from '../../../src/domain/triage/reply.ts';

const reply = (input: Partial<ReplyInput>) =>
  chooseReply({ kind: 'complaint', contentKind: 'complaint', urgent: false, flags: [], suppressed: null, ...input }).reply;

test('complaints: urgent, then anonymous, then missing details, then acknowledgement', () => {
  assert.equal(reply({ urgent: true, flags: ['anonymous', 'missing_name'] }), 'urgent_redirect');
  assert.equal(reply({ flags: ['anonymous', 'missing_name', 'missing_address'] }), 'anonymous_registered');
  assert.equal(reply({ flags: ['missing_address'] }), 'request_details');
  assert.equal(reply({ flags: ['missing_name'] }), 'request_details');
  assert.equal(reply({ flags: ['missing_description', 'incident_over_one_year'] }), 'acknowledgement');
});

test('other kinds', () => {
  assert.equal(reply({ kind: 'compliment', contentKind: 'compliment' }), 'compliment_thanks');
  assert.equal(reply({ kind: 'idea', contentKind: 'idea' }), 'idea_thanks');
  assert.equal(reply({ kind: 'question', contentKind: 'question' }), 'question_received');
  assert.equal(reply({ kind: 'report', contentKind: 'report' }), 'report_received');
  assert.equal(reply({ kind: 'report', contentKind: 'report', urgent: true }), 'urgent_redirect');
  assert.equal(reply({ kind: 'followup' }), 'followup_received');
  assert.equal(reply({ kind: 'followup', urgent: true }), 'urgent_redirect');
});

test('never a reply to automatic mail or to a sender we must not answer', () => {
  for (const kind of ['auto_reply', 'bounce', 'bulk'] as const) {
    assert.equal(reply({ kind, contentKind: kind, urgent: true }), null, kind);
  }
  assert.equal(reply({ suppressed: 'own_mailbox', urgent: true }), null);
});
