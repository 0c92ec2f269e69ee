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

/**
 * An action refused by the rules (a state that does not allow it, input that does not fit):
 * permanent, because trying again changes nothing until a person does what the message says.
 */
export function refusal(code: string, message: string): AppError {
  return new AppError(code, message, { permanent: true });
}

export function errorCode(error: unknown): string {
  if (error instanceof AppError) return error.code;
  if (error && typeof error === 'object' && 'code' in error && typeof error.code === 'string') {
    return error.code;
  }
  return error instanceof Error ? error.name : 'unknown';
}
