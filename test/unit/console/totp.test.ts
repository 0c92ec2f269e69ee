import assert from 'node:assert/strict';
import { test } from 'node:test';
import { base32Decode, base32Encode, hotp, otpauthUri, totpCode, verifyTotp } from '../../../src/console/totp.ts';

// RFC 6238 appendix B and RFC 4226 appendix D: the ASCII secret "12345678901234567890".
const SECRET = Buffer.from('12345678901234567890');
const SECRET_B32 = base32Encode(SECRET);

test('base32 round-trips and matches RFC 4648', () => {
  assert.equal(base32Encode(Buffer.from('foobar')), 'MZXW6YTBOI');
  assert.deepEqual(base32Decode('MZXW6YTBOI'), Buffer.from('foobar'));
  assert.deepEqual(base32Decode(SECRET_B32), SECRET);
});

test('HOTP matches the RFC 4226 test values', () => {
  const expected = ['755224', '287082', '359152', '969429', '338314', '254676', '287922', '162583', '399871', '520489'];
  expected.forEach((code, counter) => assert.equal(hotp(SECRET, counter), code));
});

test('TOTP matches the RFC 6238 SHA-1 test values (last six digits)', () => {
  const cases: [number, string][] = [
    [59, '287082'],
    [1111111109, '081804'],
    [1111111111, '050471'],
    [1234567890, '005924'],
    [2000000000, '279037'],
  ];
  for (const [seconds, code] of cases) assert.equal(totpCode(SECRET_B32, seconds * 1000), code);
});

test('a code is accepted one step either side, and never twice', () => {
  const at = 1234567890_000;
  const code = totpCode(SECRET_B32, at);
  const step = verifyTotp(SECRET_B32, code, at + 30_000);
  assert.equal(step, Math.floor(1234567890 / 30));
  assert.equal(verifyTotp(SECRET_B32, code, at + 90_000), null, 'two steps later it is too old');
  assert.equal(verifyTotp(SECRET_B32, code, at, step ?? 0), null, 'a used step is spent');
  assert.equal(verifyTotp(SECRET_B32, 'abcdef', at), null);
});

test('the otpauth URI names issuer and account and carries the secret', () => {
  const uri = new URL(otpauthUri(SECRET_B32, 'anna@wijzijnhecht.nl'));
  assert.equal(uri.protocol, 'otpauth:');
  assert.equal(uri.searchParams.get('secret'), SECRET_B32);
  assert.equal(uri.searchParams.get('issuer'), 'Klachtenopvang');
  assert.match(uri.pathname, /Klachtenopvang:anna%40wijzijnhecht\.nl$/);
});
