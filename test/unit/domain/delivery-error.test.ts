import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { classifyDeliveryFailure } from '../../../src/domain/delivery-error.ts';

/** Shaped like nodemailer's errors: an Error with `code` and, when the server answered, `responseCode`. */
function smtpError(fields: { code?: string; responseCode?: number; response?: string }): Error {
  return Object.assign(new Error('Message failed: 550 5.1.1 <m.devries@example.nl>: Recipient address rejected'), fields);
}

describe('classifyDeliveryFailure', () => {
  test('a 5xx answer is permanent', () => {
    for (const responseCode of [550, 551, 552, 553, 554, 500, 599]) {
      assert.deepEqual(classifyDeliveryFailure(smtpError({ code: 'EENVELOPE', responseCode })), { permanent: true, smtpCode: responseCode, code: 'smtp_5xx' }, String(responseCode));
    }
  });

  test('a 4xx answer is temporary', () => {
    for (const responseCode of [421, 450, 451, 452]) {
      assert.deepEqual(classifyDeliveryFailure(smtpError({ code: 'EMESSAGE', responseCode })), { permanent: false, smtpCode: responseCode, code: 'smtp_4xx' }, String(responseCode));
    }
  });

  test('the SMTP code decides, not the error code that came with it', () => {
    // nodemailer reports a refused DATA as EMESSAGE; with a 4xx it must still be retried.
    assert.equal(classifyDeliveryFailure(smtpError({ code: 'EMESSAGE', responseCode: 451 })).permanent, false);
    assert.equal(classifyDeliveryFailure(smtpError({ code: 'ECONNECTION', responseCode: 554 })).permanent, true);
  });

  test('connection failures are temporary and keep their code', () => {
    for (const code of ['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ESOCKET', 'ECONNECTION', 'EDNS', 'EPIPE', 'EHOSTUNREACH']) {
      assert.deepEqual(classifyDeliveryFailure(smtpError({ code })), { permanent: false, smtpCode: null, code }, code);
    }
  });

  test('an envelope or message the client itself refuses (no server answer) is permanent', () => {
    assert.deepEqual(classifyDeliveryFailure(smtpError({ code: 'EENVELOPE' })), { permanent: true, smtpCode: null, code: 'EENVELOPE' });
    assert.deepEqual(classifyDeliveryFailure(smtpError({ code: 'EMESSAGE' })), { permanent: true, smtpCode: null, code: 'EMESSAGE' });
  });

  test('anything unknown is temporary, so nothing is given up on by accident', () => {
    assert.deepEqual(classifyDeliveryFailure(new Error('boom')), { permanent: false, smtpCode: null, code: 'unknown' });
    assert.deepEqual(classifyDeliveryFailure(smtpError({ code: 'EAUTH' })), { permanent: false, smtpCode: null, code: 'EAUTH' });
    for (const value of [undefined, null, 'a string', 42, {}]) {
      assert.deepEqual(classifyDeliveryFailure(value), { permanent: false, smtpCode: null, code: 'unknown' }, String(value));
    }
  });

  test('the result never carries the server text, which may hold an address', () => {
    const failure = classifyDeliveryFailure(smtpError({ code: 'EENVELOPE', responseCode: 550, response: '550 5.1.1 <m.devries@example.nl>: Recipient address rejected' }));
    assert.ok(!JSON.stringify(failure).includes('@'));
  });

  test('a responseCode that is not a number is ignored', () => {
    const failure = classifyDeliveryFailure({ code: 'ECONNRESET', responseCode: '550' });
    assert.deepEqual(failure, { permanent: false, smtpCode: null, code: 'ECONNRESET' });
  });
});
