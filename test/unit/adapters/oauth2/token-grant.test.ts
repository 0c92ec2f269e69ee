import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, it } from 'node:test';
import { loadConfig } from '../../../../src/config.ts';
import { OAuth2Error } from '../../../../src/adapters/oauth2/oauth2-error.ts';
import { loadTokenGrant, usesOAuth2 } from '../../../../src/adapters/oauth2/token-grant.ts';

const FIXTURES = resolve(import.meta.dirname, '..', '..', '..', 'fixtures', 'oauth2');
const PEM = readFileSync(resolve(FIXTURES, 'test-certificate.pem'), 'utf8');
const PRIVATE_KEY = PEM.slice(0, PEM.indexOf('-----BEGIN CERTIFICATE-----'));

const base = { IMAP_HOST: 'outlook.office365.com', IMAP_AUTH: 'oauth2', IMAP_USER: 'klachtenopvang@example.nl', OFFICER_EMAILS: 'f@example.nl' };
const files = (contents: Record<string, string>) => (path: string) => {
  const text = contents[path];
  if (text === undefined) throw Object.assign(new Error('ENOENT'), { code: 'ENOENT' });
  return text;
};

describe('loadTokenGrant', () => {
  it('microsoft with a secret: the tenant URL and the Exchange Online scope', () => {
    const config = loadConfig({ ...base, OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT_ID: 'contoso.onmicrosoft.com', OAUTH2_CLIENT_ID: 'app', OAUTH2_CLIENT_SECRET: 's' });
    assert.equal(usesOAuth2(config), true);
    const grant = loadTokenGrant(config);
    assert.equal(grant.provider, 'microsoft');
    assert.equal(grant.tokenUrl, 'https://login.microsoftonline.com/contoso.onmicrosoft.com/oauth2/v2.0/token');
    assert.equal(grant.scope, 'https://outlook.office365.com/.default');
  });

  it('microsoft with a certificate: the key and the SHA-1 thumbprint of the certificate (x5t)', () => {
    const config = loadConfig({ ...base, OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT_ID: 't', OAUTH2_CLIENT_ID: 'app', OAUTH2_CLIENT_CERTIFICATE: '/etc/cert.pem' });
    const grant = loadTokenGrant(config, files({ '/etc/cert.pem': PEM }));
    assert.ok(grant.provider === 'microsoft' && grant.credential.kind === 'certificate');
    // openssl x509 -fingerprint -sha1 of the fixture, as base64url.
    assert.equal(grant.credential.x5t, Buffer.from('B946809E4C0B47670649E4103583EF2BDAF44D09', 'hex').toString('base64url'));
  });

  it('a certificate file without a certificate stops start-up with oauth2_certificate_invalid', () => {
    const config = loadConfig({ ...base, OAUTH2_PROVIDER: 'microsoft', OAUTH2_TENANT_ID: 't', OAUTH2_CLIENT_ID: 'app', OAUTH2_CLIENT_CERTIFICATE: '/etc/cert.pem' });
    assert.throws(() => loadTokenGrant(config, files({ '/etc/cert.pem': PRIVATE_KEY })), (error: unknown) => error instanceof OAuth2Error && error.code === 'oauth2_certificate_invalid' && error.permanent);
  });

  it('google reads the service account key and defaults to its token URL and mail scope', () => {
    const key = JSON.stringify({ type: 'service_account', client_email: 'intake@project.iam.gserviceaccount.com', private_key: PRIVATE_KEY, private_key_id: 'kid-1' });
    const config = loadConfig({ ...base, OAUTH2_PROVIDER: 'google', OAUTH2_KEY_FILE: '/etc/key.json' });
    const grant = loadTokenGrant(config, files({ '/etc/key.json': key }));
    assert.ok(grant.provider === 'google');
    assert.equal(grant.tokenUrl, 'https://oauth2.googleapis.com/token');
    assert.equal(grant.scope, 'https://mail.google.com/');
    assert.equal(grant.clientEmail, 'intake@project.iam.gserviceaccount.com');
    assert.equal(grant.keyId, 'kid-1');
  });

  it('a missing or malformed key file is oauth2_key_file_invalid, without its contents in the message', () => {
    const config = loadConfig({ ...base, OAUTH2_PROVIDER: 'google', OAUTH2_KEY_FILE: '/etc/key.json' });
    for (const read of [files({}), files({ '/etc/key.json': '{"type":"service_account","private_key":"SECRET-PART"}' })]) {
      assert.throws(
        () => loadTokenGrant(config, read),
        (error: unknown) => error instanceof OAuth2Error && error.code === 'oauth2_key_file_invalid' && !error.message.includes('SECRET-PART') && /Google Workspace step 2/.test(error.message),
      );
    }
  });
});
