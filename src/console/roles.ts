import { z } from 'zod';
import type { ComplaintRecord } from '../domain/complaint-record.ts';

/**
 * Who may do what (least privilege, console.md):
 *   officer  klachtenfunctionaris: every complaint, every action
 *   manager  operationeel manager: only complaints assigned to them; reads and adds notes
 *   admin    functioneel beheerder: accounts, audit log, queue health; no complaint content
 */
export const ROLES = ['officer', 'manager', 'admin'] as const;
export const RoleSchema = z.enum(ROLES);
export type Role = z.infer<typeof RoleSchema>;

export const ROLE_LABELS: Record<Role, string> = {
  officer: 'klachtenfunctionaris',
  manager: 'operationeel manager',
  admin: 'functioneel beheerder',
};

export const COMPLAINT_ACTIONS = ['assign', 'extend', 'committee', 'close', 'not_handled', 'reopen', 'correct_triage', 'note'] as const;
export type ComplaintAction = (typeof COMPLAINT_ACTIONS)[number];

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

export function canAdminister(actor: Actor): boolean {
  return actor.role === 'admin';
}
