import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { alertReasons, MAX_ALERT_REASONS } from '../../../src/domain/alert-reasons.ts';
import { TEMPLATE_VARIABLE_SCHEMAS } from '../../../src/domain/template-variables.ts';

describe('alertReasons', () => {
  test('turns triage rule ids (with colons) into codes an officer alert accepts', () => {
    // What triage gives for "Hij staat nu voor de deur en dreigt mij te vermoorden" (fictional).
    const reasons = alertReasons({
      urgent: true,
      flags: ['urgent_safety', 'missing_address'],
      reasons: ['kind:report:urgent_without_complaint', 'urgent:threat_to_life', 'urgent:call_for_help', 'name:last_line', 'flag:urgent_safety:acute_danger'],
    });
    assert.deepEqual(reasons, ['urgent_safety', 'urgent_threat_to_life', 'urgent_call_for_help', 'missing_address']);
    const variables = {
      reference: 'KL-2026-00047',
      receivedAt: '19 november 2026, 14:05',
      urgent: true,
      reasons,
      viewCommand: 'npm run cli -- complaints show KL-2026-00047',
    };
    assert.ok(TEMPLATE_VARIABLE_SCHEMAS.officer_alert.safeParse(variables).success);
  });

  test('is never empty and never longer than the cap', () => {
    assert.deepEqual(alertReasons(null), ['needs_attention']);
    assert.deepEqual(alertReasons({ urgent: false, flags: [], reasons: ['kind:complaint:complaint_words'] }), ['needs_attention']);
    assert.deepEqual(alertReasons(null, ['parse_error']), ['parse_error']);
    const many = alertReasons({ urgent: true, flags: [], reasons: Array.from({ length: 40 }, (_, i) => `urgent:rule_${i}`) });
    assert.equal(many.length, MAX_ALERT_REASONS);
  });
});
