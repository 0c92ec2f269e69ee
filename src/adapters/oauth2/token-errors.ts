import { z } from 'zod';
import { OAuth2Error, type OAuth2Code } from './oauth2-error.ts';

/**
 * Turns a refused token request into an OAuth2Error a person can act on. Pure. Microsoft names
 * its reason with an AADSTS number (in `error_codes` and the description); Google and generic
 * servers only with the RFC 6749 `error` and a description we match a few known phrases in.
 */
const ErrorBodySchema = z.looseObject({
  error: z.string().optional(),
  error_description: z.string().optional(),
  error_codes: z.array(z.number()).optional(),
});

/** Microsoft Entra ID codes we know a fix for. */
const AADSTS: Readonly<Record<string, OAuth2Code>> = {
  '7000215': 'oauth2_secret_invalid', // invalid client secret provided
  '7000222': 'oauth2_secret_expired', // the client secret keys have expired
  '700027': 'oauth2_key_invalid', // client assertion failed signature validation (certificate)
  '700016': 'oauth2_client_unknown', // application not found in the directory
  '90002': 'oauth2_tenant_unknown', // tenant not found
  '900023': 'oauth2_tenant_unknown', // specified tenant identifier is neither a valid DNS name nor a GUID
  '90013': 'oauth2_tenant_unknown', // invalid input received from the user (tenant)
  '65001': 'oauth2_consent_missing', // the user or administrator has not consented
  '650057': 'oauth2_consent_missing', // invalid resource: not among the app's requested permissions
  '501051': 'oauth2_consent_missing', // application not assigned a role for the API
  '70011': 'oauth2_scope_invalid', // the provided scope is not valid
  '500011': 'oauth2_scope_invalid', // resource principal not found in the tenant
  '1002012': 'oauth2_scope_invalid', // the provided value for scope is not valid
};

export interface TokenRefusal {
  provider: 'microsoft' | 'google' | 'generic';
  status: number;
  body: unknown;
}

function aadstsNumber(body: z.infer<typeof ErrorBodySchema>): string | null {
  const first = body.error_codes?.[0];
  if (first !== undefined) return String(first);
  return /AADSTS(\d+)/.exec(body.error_description ?? '')?.[1] ?? null;
}

function googleCode(error: string, description: string): OAuth2Code | null {
  if (error === 'unauthorized_client' || error === 'access_denied') return 'oauth2_delegation_missing';
  if (error === 'invalid_grant' && /invalid email|user id/i.test(description)) return 'oauth2_user_invalid';
  if (error === 'invalid_grant' && /signature|account not found|invalid_client/i.test(description)) return 'oauth2_key_invalid';
  return null;
}

function genericCode(error: string): OAuth2Code | null {
  if (error === 'invalid_client') return 'oauth2_secret_invalid';
  if (error === 'invalid_scope') return 'oauth2_scope_invalid';
  if (error === 'unauthorized_client') return 'oauth2_consent_missing';
  return null;
}

export function classifyTokenRefusal(refusal: TokenRefusal): OAuth2Error {
  // Throttled or a server fault: waiting helps, so the caller retries.
  if (refusal.status === 429 || refusal.status >= 500) return new OAuth2Error('oauth2_token_endpoint_unavailable', { providerCode: `http_${refusal.status}` });
  const parsed = ErrorBodySchema.safeParse(refusal.body);
  const body = parsed.success ? parsed.data : {};
  const error = body.error ?? `http_${refusal.status}`;
  const description = body.error_description ?? '';
  const aadsts = refusal.provider === 'microsoft' ? aadstsNumber(body) : null;
  const known = aadsts !== null ? AADSTS[aadsts] : undefined;
  if (known) return new OAuth2Error(known, { providerCode: `AADSTS${aadsts}` });
  const code = (refusal.provider === 'google' ? googleCode(error, description) : null) ?? genericCode(error) ?? 'oauth2_token_refused';
  return new OAuth2Error(code, { providerCode: aadsts !== null ? `AADSTS${aadsts}` : safeCode(error) });
}

/** RFC 6749 error codes are short ASCII words; anything else is not passed on to logs. */
function safeCode(value: string): string {
  return /^[A-Za-z0-9_.-]{1,60}$/.test(value) ? value : 'unrecognised';
}
