import type { KeyObject } from 'node:crypto';
import { signJwt } from './jwt.ts';

/**
 * The token request for each provider, as a URL and form fields. Pure (the clock and the
 * assertion id come in), so unit tests check URLs, scopes and assertions without a network.
 *
 * - microsoft: client credentials at login.microsoftonline.com/<tenant>, with a secret or a
 *   certificate (a signed client assertion); scope outlook.office365.com/.default, which
 *   covers IMAP and SMTP (a Graph token does not).
 * - google: the JWT-bearer grant; the service account signs an assertion that impersonates
 *   the mailbox (`sub`), which needs domain-wide delegation.
 * - generic: client credentials with a secret, for any RFC 6749 server (and the tests).
 */
export const MICROSOFT_SCOPE = 'https://outlook.office365.com/.default';
export const GOOGLE_SCOPE = 'https://mail.google.com/';
export const GOOGLE_TOKEN_URL = 'https://oauth2.googleapis.com/token';
export const JWT_BEARER_GRANT = 'urn:ietf:params:oauth:grant-type:jwt-bearer';
export const CLIENT_ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';

export function microsoftTokenUrl(tenantId: string): string {
  return `https://login.microsoftonline.com/${encodeURIComponent(tenantId)}/oauth2/v2.0/token`;
}

export type ClientCredential =
  | { kind: 'secret'; secret: string }
  /** Thumbprints are base64url SHA-1 and SHA-256 digests of the DER certificate. */
  | { kind: 'certificate'; privateKey: KeyObject; x5t: string; x5tS256: string };

export type TokenGrant =
  | { provider: 'microsoft'; tokenUrl: string; scope: string; clientId: string; credential: ClientCredential }
  | { provider: 'google'; tokenUrl: string; scope: string; clientEmail: string; privateKey: KeyObject; keyId: string | null }
  | { provider: 'generic'; tokenUrl: string; scope: string | null; clientId: string; credential: ClientCredential };

export interface TokenHttpRequest {
  url: string;
  form: Record<string, string>;
}

/** Assertions live ten minutes: long enough for clock skew, short enough to be useless if seen. */
const ASSERTION_SECONDS = 600;

function clientAuthentication(grant: { tokenUrl: string; clientId: string; credential: ClientCredential }, nowSeconds: number, jti: string): Record<string, string> {
  if (grant.credential.kind === 'secret') return { client_id: grant.clientId, client_secret: grant.credential.secret };
  const assertion = signJwt(
    { x5t: grant.credential.x5t, 'x5t#S256': grant.credential.x5tS256 },
    { aud: grant.tokenUrl, iss: grant.clientId, sub: grant.clientId, jti, nbf: nowSeconds, iat: nowSeconds, exp: nowSeconds + ASSERTION_SECONDS },
    { alg: 'RS256', privateKey: grant.credential.privateKey },
  );
  return { client_id: grant.clientId, client_assertion_type: CLIENT_ASSERTION_TYPE, client_assertion: assertion };
}

/** `subject` is the mailbox: Google's service account impersonates it; the others ignore it. */
export function buildTokenRequest(grant: TokenGrant, subject: string, nowMs: number, jti: string): TokenHttpRequest {
  const now = Math.floor(nowMs / 1000);
  if (grant.provider === 'google') {
    const assertion = signJwt(
      grant.keyId === null ? {} : { kid: grant.keyId },
      { iss: grant.clientEmail, sub: subject, scope: grant.scope, aud: grant.tokenUrl, iat: now, exp: now + ASSERTION_SECONDS },
      { alg: 'RS256', privateKey: grant.privateKey },
    );
    return { url: grant.tokenUrl, form: { grant_type: JWT_BEARER_GRANT, assertion } };
  }
  return {
    url: grant.tokenUrl,
    form: {
      grant_type: 'client_credentials',
      ...clientAuthentication(grant, now, jti),
      ...(grant.scope === null ? {} : { scope: grant.scope }),
    },
  };
}
