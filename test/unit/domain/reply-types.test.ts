import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import {
  COMPLAINT_ID_PATTERN,
  ComplaintIdSchema,
  complaintIdFromReplyMessageId,
  replyMessageId,
  TEMPLATE_TYPES,
} from '../../../src/domain/reply-types.ts';
import { makeReplyIds } from '../../../src/domain/reply-ids.ts';

const DOMAIN = 'wijzijnhecht.nl';

describe('complaint ids (minted by the store\'s create script as KL-<year>-<counter, 5 digits or more>)', () => {
  test('a counter past 99999 grows a digit and is still a valid reference', () => {
    assert.ok(ComplaintIdSchema.safeParse('KL-2026-100000').success);
  });

  test('every id passes the schema and is found in text', () => {
    for (const id of ['KL-2026-00001', 'KL-2026-00007', 'KL-2027-12345']) {
      assert.ok(ComplaintIdSchema.safeParse(id).success, id);
      assert.equal(COMPLAINT_ID_PATTERN.exec(`Re: uw klacht ${id} van vorige week`)?.[0], id);
    }
  });

  test('the schema rejects what is not a reference', () => {
    for (const value of ['KL-2026-42', 'KL-26-00042', 'kl-2026-00042x', 'KL-2026-00042 ', 'XKL-2026-00042']) {
      assert.equal(ComplaintIdSchema.safeParse(value).success, false, value);
    }
  });
});

describe('replyMessageId', () => {
  test('is deterministic and names complaint, type and our domain', () => {
    assert.equal(replyMessageId('KL-2026-00042', 'acknowledgement', DOMAIN), '<KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>');
    assert.equal(replyMessageId('KL-2026-00042', 'acknowledgement', DOMAIN), replyMessageId('KL-2026-00042', 'acknowledgement', DOMAIN));
    assert.equal(replyMessageId('KL-2026-00042', 'followup_received', DOMAIN, '0123abcd'), '<KL-2026-00042.followup_received.0123abcd.klachtenopvang@wijzijnhecht.nl>');
  });

  test('different types or suffixes give different ids', () => {
    const ids = new Set(TEMPLATE_TYPES.map((type) => replyMessageId('KL-2026-00042', type, DOMAIN)));
    assert.equal(ids.size, TEMPLATE_TYPES.length);
    assert.notEqual(replyMessageId('KL-2026-00042', 'followup_received', DOMAIN, 'a1'), replyMessageId('KL-2026-00042', 'followup_received', DOMAIN, 'b2'));
  });
});

describe('complaintIdFromReplyMessageId', () => {
  test('round-trips for every template type, with and without suffix', () => {
    for (const type of TEMPLATE_TYPES) {
      for (const suffix of ['', '9f86d081884c7d65', 'deadline-2027-01-04-before-7']) {
        const messageId = replyMessageId('KL-2026-00042', type, DOMAIN, suffix);
        assert.equal(complaintIdFromReplyMessageId(messageId, DOMAIN), 'KL-2026-00042', messageId);
      }
    }
  });

  test('accepts the id without angle brackets, with spaces around, and in other letter case', () => {
    assert.equal(complaintIdFromReplyMessageId('KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl', DOMAIN), 'KL-2026-00042');
    assert.equal(complaintIdFromReplyMessageId('  <KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>\r\n', DOMAIN), 'KL-2026-00042');
    assert.equal(complaintIdFromReplyMessageId('<kl-2026-00042.acknowledgement.klachtenopvang@WijZijnHecht.NL>', DOMAIN), 'KL-2026-00042');
    assert.equal(complaintIdFromReplyMessageId('<KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>', 'WIJZIJNHECHT.NL'), 'KL-2026-00042');
  });

  test('rejects the same shape from another domain, including look-alikes', () => {
    for (const domain of ['example.nl', 'evil.wijzijnhecht.nl', 'wijzijnhecht.nl.example.com', 'wijzijnhecht.nI']) {
      const messageId = replyMessageId('KL-2026-00042', 'acknowledgement', domain);
      assert.equal(complaintIdFromReplyMessageId(messageId, DOMAIN), null, domain);
    }
  });

  test('rejects Message-IDs that are not ours', () => {
    for (const messageId of [
      '<CAF=abc123@mail.gmail.com>',
      '<KL-2026-00042@wijzijnhecht.nl>',
      '<KL-2026-00042.acknowledgement@wijzijnhecht.nl>',
      '<KL-2026-42.acknowledgement.klachtenopvang@wijzijnhecht.nl>',
      '<x.KL-2026-00042.acknowledgement.klachtenopvang@wijzijnhecht.nl>',
      '',
    ]) {
      assert.equal(complaintIdFromReplyMessageId(messageId, DOMAIN), null, messageId);
    }
  });
});

describe('signed reply ids (reply-ids.ts)', () => {
  const ids = makeReplyIds('unit-test-secret-of-at-least-32-chars', 'wijzijnhecht.nl');
  test('carries a tag that verifies, and a changed part or tag does not', () => {
    const id = ids.messageId('KL-2026-00042', 'followup_received', '0123abcd');
    assert.match(id, /^<KL-2026-00042\.followup_received\.0123abcd\.h1-[0-9a-f]{32}\.klachtenopvang@wijzijnhecht\.nl>$/);
    assert.deepEqual(ids.verify(id), { complaintId: 'KL-2026-00042', signed: true });
    assert.deepEqual(ids.verify(id.replace('00042', '00043')), { complaintId: 'KL-2026-00043', signed: false });
    assert.deepEqual(ids.verify(id.replace('0123abcd', '0123abce')), { complaintId: 'KL-2026-00042', signed: false });
    assert.deepEqual(ids.verify(replyMessageId('KL-2026-00042', 'acknowledgement', 'wijzijnhecht.nl')), { complaintId: 'KL-2026-00042', signed: false }, 'legacy');
    assert.equal(ids.verify(ids.messageId('KL-2026-00042', 'officer_alert')), null, 'officer mail is never a complainant reply');
    assert.equal(makeReplyIds('another-secret-of-at-least-32-chars!!', 'wijzijnhecht.nl').verify(id)?.signed, false);
  });
});
