import { z } from 'zod';
import type { ComplaintRecord } from '../domain/complaint-record.ts';

/**
 * Who may do what (least privilege, console.md):
 *   officer  klachtenfunctionaris: every complaint, every action, letters, registering a
 *            complaint, the Awb 9:12a register
 *   manager  operationeel manager: only complaints assigned to them; reads and adds notes
 *   admin    functioneel beheerder: accounts, audit log, queue health; no complaint content,
 *            not even the register's counts
 */
export const ROLES = ['officer', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'klachtenfunctionaris',
  manager: 'operationeel manager',
  admin: 'functioneel beheerder',
};

/** Letters to the complainant (app/write-letter.ts): the outcome, the hearing invitation, a blank letter. */
export const LETTER_ACTIONS = ['write_outcome', 'write_invitation', 'write_letter'] as const;
export type LetterAction = (typeof LETTER_ACTIONS)[number];
/** The hearing (Awb 9:10, app/hearing.ts): heard, or waived on a ground of lid 2. */
export const HEARING_ACTIONS = ['heard', 'hearing_waived'] as const;
export const COMPLAINT_ACTIONS = ['assign', 'extend', 'committee', 'close', 'not_handled', 'reopen', 'correct_triage', 'note', ...LETTER_ACTIONS, ...HEARING_ACTIONS] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];
export const isLetterAction = (action: ComplaintAction): action is LetterAction => (LETTER_ACTIONS as readonly string[]).includes(action);

export interface Actor {
  email: string;
  role: Role;
}

export function canUseQueue(actor: Actor): boolean {
  return actor.role === 'officer' || actor.role === 'manager';
}

export function canReadComplaint(actor: Actor, record: Pick<ComplaintRecord, 'assignedTo'>): boolean {
  if (actor.role === 'officer') return true;
  return actor.role === 'manager' && record.assignedTo?.toLowerCase() === actor.email.toLowerCase();
}

export function canAct(actor: Actor, record: Pick<ComplaintRecord, 'assignedTo'>, action: ComplaintAction): boolean {
  if (!canReadComplaint(actor, record)) return false;
  return actor.role === 'officer' || action === 'note';
}

/** Registering a letter, call or visit creates a complaint: the klachtenfunctionaris's work. */
export function canRegisterComplaint(actor: Actor): boolean {
  return actor.role === 'officer';
}

/** The Awb 9:12a register covers every complaint: not for a manager who sees only their own. */
export function canReadRegister(actor: Actor): boolean {
  return actor.role === 'officer';
}

export function canAdminister(actor: Actor): boolean {
  return actor.role === 'admin';
}
