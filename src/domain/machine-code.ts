import { z } from 'zod';

/**
 * A machine code: a fixed-vocabulary word such as `urgent_safety` or `missing_address` (a-z first,
 * then a-z, 0-9 and _, at most 64). Triage reasons and flags reach officers only in this form,
 * never as text from a message, so a template can show them without leaking what someone wrote.
 */
export const MACHINE_CODE = /^[a-z][a-z0-9_]{0,63}$/;

export function isMachineCode(value: string): boolean {
  return MACHINE_CODE.test(value);
}

export const MachineCodeSchema = z.string().regex(MACHINE_CODE, 'expected a machine code such as urgent_safety (a-z, 0-9, _)');
