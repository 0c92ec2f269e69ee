/**
 * One error type with a machine-readable `code` and the original `cause`. Messages say what a
 * person can do about it and never contain personal data (no addresses, subjects or bodies).
 */
export class AppError extends Error {
  readonly code: string;
  /** Permanent failures are not retried by job workers. */
  readonly permanent: boolean;

  constructor(code: string, message: string, options: { cause?: unknown; permanent?: boolean } = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.name = 'AppError';
    this.code = code;
    this.permanent = options.permanent ?? false;
  }
}

export function errorCode(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return error instanceof Error ? error.name : 'unknown';
}
