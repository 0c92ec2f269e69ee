import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { OAUTH2_PROBLEMS, OAuth2Error, type OAuth2Code } from '../../../../src/adapters/oauth2/oauth2-error.ts';
import { classifyTokenRefusal } from '../../../../src/adapters/oauth2/token-errors.ts';

const README = readFileSync(resolve(import.meta.dirname, '..', '..', '..', '..', 'README.md'), 'utf8');

function microsoft(aadsts: number, error = 'invalid_request'): OAuth2Error {
  return classifyTokenRefusal({
    provider: 'microsoft',
    status: 400,
    body: { error, error_description: `AADSTS${aadsts}: something. Trace ID: 0000`, error_codes: [aadsts] },
  });
}

describe('Microsoft AADSTS codes', () => {
  const cases: [number, OAuth2Code][] = [
    [7000215, 'oauth2_secret_invalid'],
    [7000222, 'oauth2_secret_expired'],
    [700016, 'oauth2_client_unknown'],
    [90002, 'oauth2_tenant_unknown'],
    [65001, 'oauth2_consent_missing'],
    [70011, 'oauth2_scope_invalid'],
    [700027, 'oauth2_key_invalid'],
  ];
  for (const [aadsts, code] of cases) {
    it(`AADSTS${aadsts} -> ${code}`, () => {
      const error = microsoft(aadsts);
      assert.equal(error.code, code);
      assert.equal(error.providerCode, `AADSTS${aadsts}`);
      assert.equal(error.needsAction, true);
      assert.equal(error.permanent, false, 'a job waits for the fix instead of giving up');
    });
  }

  it('reads the code from the description when error_codes is missing', () => {
    const error = classifyTokenRefusal({ provider: 'microsoft', status: 401, body: { error: 'invalid_client', error_description: 'AADSTS7000215: Invalid client secret provided.' } });
    assert.equal(error.code, 'oauth2_secret_invalid');
  });

  it('an unknown AADSTS code falls back on the RFC 6749 error', () => {
    assert.equal(microsoft(123456, 'invalid_client').code, 'oauth2_secret_invalid');
    assert.equal(microsoft(123456, 'server_said_no').code, 'oauth2_token_refused');
  });
});

describe('Google and generic refusals', () => {
  it('unauthorized_client from Google means domain-wide delegation is missing', () => {
    const error = classifyTokenRefusal({ provider: 'google', status: 401, body: { error: 'unauthorized_client', error_description: 'Client is unauthorized to retrieve access tokens using this method.' } });
    assert.equal(error.code, 'oauth2_delegation_missing');
    assert.match(error.hint, /Google Workspace step 3/);
  });

  it('invalid_grant from Google is told apart by its description', () => {
    assert.equal(classifyTokenRefusal({ provider: 'google', status: 400, body: { error: 'invalid_grant', error_description: 'Invalid JWT Signature.' } }).code, 'oauth2_key_invalid');
    assert.equal(classifyTokenRefusal({ provider: 'google', status: 400, body: { error: 'invalid_grant', error_description: 'Invalid email or User ID' } }).code, 'oauth2_user_invalid');
  });

  it('throttling and server faults are temporary', () => {
    for (const status of [429, 500, 503]) {
      const error = classifyTokenRefusal({ provider: 'generic', status, body: null });
      assert.equal(error.code, 'oauth2_token_endpoint_unavailable');
      assert.equal(error.needsAction, false);
    }
  });

  it('passes on only a short code, never the provider free text', () => {
    const error = classifyTokenRefusal({ provider: 'generic', status: 400, body: { error: 'no such thing for user jan@example.nl' } });
    assert.equal(error.code, 'oauth2_token_refused');
    assert.equal(error.providerCode, 'unrecognised');
  });
});

describe('hints', () => {
  it('every hint names a README step that exists', () => {
    const steps = new Set<string>();
    for (const match of README.matchAll(/^#### (Microsoft 365|Google Workspace) step (\d+)\b/gm)) steps.add(`${match[1]} step ${match[2]}`);
    assert.ok(steps.size >= 8, `README has the numbered steps (found ${steps.size})`);
    for (const [code, problem] of Object.entries(OAUTH2_PROBLEMS)) {
      // "Microsoft 365 steps 4 and 5", "steps 3, 5 and 6", "steps 1 to 3", "Google Workspace step 3"
      for (const mention of problem.hint.matchAll(/(Microsoft 365|Google Workspace) steps? ([\d, ]+(?:(?:and|to) \d+)?)/g)) {
        const numbers = (mention[2] ?? '').match(/\d+/g) ?? [];
        for (const n of numbers) assert.ok(steps.has(`${mention[1]} step ${n}`), `${code}: README has ${mention[1]} step ${n}`);
      }
    }
  });

  it('every code has a hint that points somewhere and a message', () => {
    for (const [code, problem] of Object.entries(OAUTH2_PROBLEMS)) {
      assert.ok(problem.message.length > 10, code);
      assert.ok(/README|OAUTH2_|network/.test(problem.hint), `${code} hint says where to look`);
      assert.ok(problem.hint.length <= 200, `${code} hint fits a log field`);
    }
  });
});
