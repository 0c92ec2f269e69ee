import type { OAuth2Error } from './oauth2-error.ts';

/**
 * The current sign-in problem of each part (token endpoint, IMAP, SMTP), for /readyz. Each part
 * reports its failure and clears it on its next success.
 */
export type AuthPart = 'token' | 'imap' | 'smtp';

export interface AuthProblem {
  part: AuthPart;
  code: string;
  hint: string;
}

export interface AuthStatus {
  report(part: AuthPart, error: OAuth2Error | null): void;
  problems(): AuthProblem[];
}

export function makeAuthStatus(): AuthStatus {
  const current = new Map<AuthPart, AuthProblem>();
  return {
    report(part, error) {
      if (error === null) current.delete(part);
      else current.set(part, { part, code: error.code, hint: error.hint });
    },
    problems: () => [...current.values()],
  };
}
