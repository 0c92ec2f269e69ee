import assert from 'node:assert/strict';
import { createHash, createVerify, generateKeyPairSync, type KeyObject } from 'node:crypto';
import { describe, it } from 'node:test';
import { decodeJwtClaims } from '../../../../src/adapters/oauth2/jwt.ts';
import {
  buildTokenRequest,
  CLIENT_ASSERTION_TYPE,
  GOOGLE_SCOPE,
  GOOGLE_TOKEN_URL,
  JWT_BEARER_GRANT,
  MICROSOFT_SCOPE,
  microsoftTokenUrl,
} from '../../../../src/adapters/oauth2/token-request.ts';

const NOW = Date.parse('2026-11-29T08:00:00Z');
const NOW_S = NOW / 1000;
const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 });

function verifyRs256(jwt: string, key: KeyObject): { header: Record<string, unknown>; claims: Record<string, unknown> } {
  const [header, claims, signature] = jwt.split('.');
  assert.ok(header && claims && signature, 'three parts');
  assert.ok(createVerify('RSA-SHA256').update(`${header}.${claims}`).verify(key, Buffer.from(signature, 'base64url')), 'signature verifies with the public key');
  return {
    header: JSON.parse(Buffer.from(header, 'base64url').toString('utf8')) as Record<string, unknown>,
    claims: decodeJwtClaims(jwt) as Record<string, unknown>,
  };
}

describe('Microsoft token request', () => {
  const tenant = '11111111-2222-3333-4444-555555555555';

  it('posts client credentials with the secret to the tenant endpoint, scope Exchange Online', () => {
    const request = buildTokenRequest(
      { provider: 'microsoft', tokenUrl: microsoftTokenUrl(tenant), scope: MICROSOFT_SCOPE, clientId: 'app-id', credential: { kind: 'secret', secret: 's3cret' } },
      'klachtenopvang@example.nl',
      NOW,
      'jti-1',
    );
    assert.equal(request.url, `https://login.microsoftonline.com/${tenant}/oauth2/v2.0/token`);
    assert.deepEqual(request.form, {
      grant_type: 'client_credentials',
      client_id: 'app-id',
      client_secret: 's3cret',
      scope: 'https://outlook.office365.com/.default',
    });
  });

  it('with a certificate, sends a signed client assertion naming the certificate, no secret', () => {
    const url = microsoftTokenUrl('contoso.onmicrosoft.com');
    const request = buildTokenRequest(
      { provider: 'microsoft', tokenUrl: url, scope: MICROSOFT_SCOPE, clientId: 'app-id', credential: { kind: 'certificate', privateKey, x5t: 'sha1-thumb', x5tS256: 'sha256-thumb' } },
      'klachtenopvang@example.nl',
      NOW,
      'jti-2',
    );
    assert.equal(request.url, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    assert.equal(request.form['client_assertion_type'], CLIENT_ASSERTION_TYPE);
    assert.equal(request.form['client_secret'], undefined);
    assert.equal(request.form['scope'], MICROSOFT_SCOPE);
    const { header, claims } = verifyRs256(request.form['client_assertion'] ?? '', publicKey);
    assert.deepEqual(header, { x5t: 'sha1-thumb', 'x5t#S256': 'sha256-thumb', alg: 'RS256', typ: 'JWT' });
    assert.deepEqual(claims, { aud: url, iss: 'app-id', sub: 'app-id', jti: 'jti-2', nbf: NOW_S, iat: NOW_S, exp: NOW_S + 600 });
  });

  it('escapes the tenant in the URL', () => {
    assert.equal(microsoftTokenUrl('a/b'), 'https://login.microsoftonline.com/a%2Fb/oauth2/v2.0/token');
  });
});

describe('Google token request', () => {
  it('uses the JWT-bearer grant with an assertion that impersonates the mailbox, scope mail.google.com', () => {
    const request = buildTokenRequest(
      { provider: 'google', tokenUrl: GOOGLE_TOKEN_URL, scope: GOOGLE_SCOPE, clientEmail: 'intake@project.iam.gserviceaccount.com', privateKey, keyId: 'key-1' },
      'klachtenopvang@example.nl',
      NOW,
      'unused',
    );
    assert.equal(request.url, 'https://oauth2.googleapis.com/token');
    assert.deepEqual(Object.keys(request.form).sort(), ['assertion', 'grant_type']);
    assert.equal(request.form['grant_type'], JWT_BEARER_GRANT);
    assert.equal(JWT_BEARER_GRANT, 'urn:ietf:params:oauth:grant-type:jwt-bearer');
    const { header, claims } = verifyRs256(request.form['assertion'] ?? '', publicKey);
    assert.deepEqual(header, { kid: 'key-1', alg: 'RS256', typ: 'JWT' });
    assert.deepEqual(claims, {
      iss: 'intake@project.iam.gserviceaccount.com',
      sub: 'klachtenopvang@example.nl',
      scope: 'https://mail.google.com/',
      aud: 'https://oauth2.googleapis.com/token',
      iat: NOW_S,
      exp: NOW_S + 600,
    });
  });
});

describe('generic token request', () => {
  it('posts client credentials and leaves the scope out when none is set', () => {
    const request = buildTokenRequest(
      { provider: 'generic', tokenUrl: 'https://idp.example.nl/token', scope: null, clientId: 'c', credential: { kind: 'secret', secret: 's' } },
      'x',
      NOW,
      'j',
    );
    assert.deepEqual(request, { url: 'https://idp.example.nl/token', form: { grant_type: 'client_credentials', client_id: 'c', client_secret: 's' } });
  });
});

describe('certificate thumbprints', () => {
  it('are base64url digests (the form x5t takes), checked here against a known value', () => {
    assert.equal(createHash('sha1').update('abc').digest('base64url'), 'qZk-NkcGgWq6PiVxeFDCbJzQ2J0');
  });
});
