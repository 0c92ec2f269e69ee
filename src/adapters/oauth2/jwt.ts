import { createHmac, createSign, type KeyObject } from 'node:crypto';

/**
 * Compact JWS signing with node:crypto: RS256 for the assertions we send (Google's JWT-bearer
 * grant, Microsoft's certificate credential); HS256 only so tests can mint tokens for Dovecot.
 */
export type JwtAlgorithm = 'RS256' | 'HS256';

export function base64url(input: Buffer | string): string {
  return Buffer.from(input).toString('base64url');
}

export function signJwt(
  header: Readonly<Record<string, string>>,
  claims: Readonly<Record<string, string | number>>,
  key: { alg: 'RS256'; privateKey: KeyObject } | { alg: 'HS256'; secret: Buffer },
): string {
  const input = `${base64url(JSON.stringify({ ...header, alg: key.alg, typ: 'JWT' }))}.${base64url(JSON.stringify(claims))}`;
  const signature =
    key.alg === 'RS256' ? createSign('RSA-SHA256').update(input).sign(key.privateKey) : createHmac('sha256', key.secret).update(input).digest();
  return `${input}.${base64url(signature)}`;
}

/** The claims of a compact JWT, unverified: for tests and diagnostics only, never for trust. */
export function decodeJwtClaims(token: string): unknown {
  const part = token.split('.')[1];
  if (part === undefined) return null;
  try {
    return JSON.parse(Buffer.from(part, 'base64url').toString('utf8'));
  } catch {
    return null;
  }
}
