import { AppError } from '../errors.ts';

/** Errors of the console that a person reads; `code` goes to the audit log, never the message. */
export const refuseConsole = (code: string, message: string) => new AppError(code, message, { permanent: true });
