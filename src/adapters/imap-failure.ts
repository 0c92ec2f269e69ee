import { errorCode } from '../errors.ts';

/**
 * A code an operator can act on for a failed IMAP connection. imapflow marks a refused login
 * with `authenticationFailed` (or the server's AUTHENTICATIONFAILED response code) on a plain
 * Error, whose code alone would read "Error".
 */
export function imapFailureCode(error: unknown): string {
  if (typeof error === 'object' && error !== null) {
    if ('authenticationFailed' in error && error.authenticationFailed === true) return 'imap_auth_failed';
    if ('serverResponseCode' in error && error.serverResponseCode === 'AUTHENTICATIONFAILED') return 'imap_auth_failed';
  }
  return errorCode(error);
}
