import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import type { Logger } from '../../log.ts';
import type { AuthStatus } from './auth-status.ts';
import { OAuth2Error } from './oauth2-error.ts';
import { classifyTokenRefusal } from './token-errors.ts';
import { buildTokenRequest, type TokenGrant } from './token-request.ts';

/**
 * Access tokens for the mailbox, fetched from the provider's token endpoint, cached, and
 * renewed before they expire. One request at a time per mailbox: callers that ask while a
 * request runs share its answer. `renew` skips the cache, for a token a server has refused.
 *
 * Renewal starts a tenth of the lifetime (at most five minutes) before expiry, so a token
 * handed out always has time left for the connection that uses it.
 */
export interface AccessToken {
  /** The bearer token. Never log it. */
  value: string;
  /** Epoch ms when the provider says it expires. */
  expiresAt: number;
  /** Epoch ms after which the cache fetches a new one. */
  renewAt: number;
}

export interface TokenSource {
  readonly provider: TokenGrant['provider'];
  get(user: string, options?: { renew?: boolean }): Promise<AccessToken>;
}

const TokenResponseSchema = z.looseObject({
  access_token: z.string().min(1),
  // RFC 6749 recommends expires_in; some servers send it as a string; an hour when missing.
  expires_in: z.coerce.number().positive().default(3600),
});

export interface TokenSourceOptions {
  grant: TokenGrant;
  log: Logger;
  status?: AuthStatus;
  fetch?: typeof fetch;
  now?: () => number;
  timeoutMs?: number;
}

export function renewAtFor(issuedAt: number, expiresInSeconds: number): number {
  const lifetime = expiresInSeconds * 1000;
  return issuedAt + lifetime - Math.min(5 * 60_000, lifetime / 10);
}

export function makeTokenSource(options: TokenSourceOptions): TokenSource {
  const { grant, log } = options;
  const doFetch = options.fetch ?? fetch;
  const now = options.now ?? Date.now;
  const cache = new Map<string, AccessToken>();
  const inFlight = new Map<string, Promise<AccessToken>>();
  // Client credentials give one token for every mailbox; Google's is per impersonated mailbox.
  const keyOf = (user: string) => (grant.provider === 'google' ? user.toLowerCase() : '');

  async function request(user: string): Promise<AccessToken> {
    const issuedAt = now();
    const { url, form } = buildTokenRequest(grant, user, issuedAt, randomUUID());
    let response: Response;
    try {
      response = await doFetch(url, {
        method: 'POST',
        headers: { 'content-type': 'application/x-www-form-urlencoded', accept: 'application/json' },
        body: new URLSearchParams(form).toString(),
        signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
      });
    } catch (cause) {
      throw new OAuth2Error('oauth2_token_endpoint_unavailable', { cause, providerCode: 'network' });
    }
    const body: unknown = await response.json().catch(() => null);
    if (!response.ok) throw classifyTokenRefusal({ provider: grant.provider, status: response.status, body });
    const parsed = TokenResponseSchema.safeParse(body);
    if (!parsed.success) throw new OAuth2Error('oauth2_token_response_invalid');
    const token = { value: parsed.data.access_token, expiresAt: issuedAt + parsed.data.expires_in * 1000, renewAt: renewAtFor(issuedAt, parsed.data.expires_in) };
    log.info('oauth2_token_acquired', { provider: grant.provider, expiresInSeconds: Math.round(parsed.data.expires_in) });
    return token;
  }

  function fetchShared(user: string): Promise<AccessToken> {
    const key = keyOf(user);
    const running = inFlight.get(key);
    if (running) return running;
    const next = request(user).then(
      (token) => {
        cache.set(key, token);
        options.status?.report('token', null);
        return token;
      },
      (error: unknown) => {
        cache.delete(key);
        if (error instanceof OAuth2Error) {
          options.status?.report('token', error);
          log.error('oauth2_token_failed', { provider: grant.provider, code: error.code, providerCode: error.providerCode, hint: error.hint });
        }
        throw error;
      },
    );
    inFlight.set(key, next);
    void next.finally(() => inFlight.delete(key)).catch(() => undefined);
    return next;
  }

  return {
    provider: grant.provider,
    async get(user, { renew = false } = {}) {
      const cached = cache.get(keyOf(user));
      if (!renew && cached && now() < cached.renewAt) return cached;
      return fetchShared(user);
    },
  };
}
