import * as client from 'openid-client';
import type { Config } from '../config.ts';
import type { Logger } from '../log.ts';
import { errorCode } from '../errors.ts';
import { RoleSchema, ROLES, type Role } from './roles.ts';

/**
 * Single sign-on with OpenID Connect (openid-client v6): authorization code flow with PKCE
 * (S256), state and nonce kept in the pre-sign-in session. The role comes from the claim named
 * by OIDC_ROLE_CLAIM (a string or a list; the first known role wins), else from the account list.
 */
export interface OidcClient {
  issuerOrigin: string;
  /** The authorization URL to send the browser to, and the checks to keep until it returns. */
  start(redirectUri: string): Promise<{ url: string; checks: { state: string; nonce: string; codeVerifier: string } }>;
  /** Exchanges the code; returns the signed-in person's address and the role claim, if any. */
  finish(currentUrl: URL, checks: { state: string; nonce: string; codeVerifier: string }): Promise<{ email: string; claimRole: Role | null; idToken: string | null }>;
  /** Where to end the session at the provider too, when it offers that. */
  endSessionUrl(idToken: string | null, returnTo: string): string | null;
}

export function roleFromClaim(value: unknown): Role | null {
  const values = Array.isArray(value) ? value : [value];
  for (const role of ROLES) if (values.includes(role)) return RoleSchema.parse(role);
  return null;
}

const isLoopback = (url: URL) => ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);

export async function discoverOidc(config: Config, log: Logger): Promise<OidcClient | null> {
  if (!config.OIDC_ISSUER || !config.OIDC_CLIENT_ID || !config.OIDC_CLIENT_SECRET) return null;
  const issuer = new URL(config.OIDC_ISSUER);
  // Plain http only to a provider on this machine (tests, a local Keycloak); never over a network.
  const insecure = issuer.protocol === 'http:' && isLoopback(issuer);
  let configuration: client.Configuration;
  try {
    configuration = await client.discovery(issuer, config.OIDC_CLIENT_ID, config.OIDC_CLIENT_SECRET, undefined, insecure ? { execute: [client.allowInsecureRequests] } : undefined);
  } catch (error) {
    log.error('oidc_discovery_failed', { code: errorCode(error) });
    throw error;
  }
  const claimName = config.OIDC_ROLE_CLAIM;
  return {
    issuerOrigin: issuer.origin,
    async start(redirectUri) {
      const codeVerifier = client.randomPKCECodeVerifier();
      const state = client.randomState();
      const nonce = client.randomNonce();
      const url = client.buildAuthorizationUrl(configuration, {
        redirect_uri: redirectUri,
        scope: 'openid email profile',
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
        state,
        nonce,
      });
      return { url: url.href, checks: { state, nonce, codeVerifier } };
    },
    async finish(currentUrl, checks) {
      const tokens = await client.authorizationCodeGrant(configuration, currentUrl, { pkceCodeVerifier: checks.codeVerifier, expectedState: checks.state, expectedNonce: checks.nonce, idTokenExpected: true });
      const claims = tokens.claims();
      const email = accountAddressFromClaims(claims ?? {}, config.OIDC_EMAIL_CLAIM);
      return { email, claimRole: roleFromClaim(claims?.[claimName]), idToken: tokens.id_token ?? null };
    },
    endSessionUrl(idToken, returnTo) {
      if (!configuration.serverMetadata().end_session_endpoint) return null;
      return client.buildEndSessionUrl(configuration, { post_logout_redirect_uri: returnTo, ...(idToken ? { id_token_hint: idToken } : {}) }).href;
    },
  };
}

/**
 * The console account an identity provider's claims name, or '' (sign-in refused). An address the
 * provider says is unverified names nobody: a user who can edit their own e-mail claim must not
 * become another officer. With Entra ID use OIDC_EMAIL_CLAIM=preferred_username (the UPN).
 */
export function accountAddressFromClaims(claims: Readonly<Record<string, unknown>>, claim: string): string {
  const value = claims[claim];
  if (typeof value !== 'string' || !value.includes('@')) return '';
  if (claim === 'email' && claims['email_verified'] === false) return '';
  return value.trim().toLowerCase();
}
