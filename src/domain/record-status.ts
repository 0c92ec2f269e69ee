import type { RecordStatus } from './complaint-record.ts';

/**
 * The status groups, in one place (the states themselves are listed in complaint-record.ts).
 * Every status is in exactly one group; a test keeps it so when a status is added.
 *
 *   running    a complaint being handled: the Awb 9:11 clock runs, reminders fire, the digest
 *              lists it, the deadline index holds it
 *   closed     handled to an end: closed with an outcome (Awb 9:12) or not handled (Awb 9:8);
 *              only these can be reopened, retention counts from the closing event
 *   unhandled  never needed handling: anonymous complaints (registered, Awb 9:4), routed
 *              compliments, ideas, questions and safety reports, automatic mail, unreadable mail;
 *              retention counts from receipt
 */
export const RUNNING_STATUSES = ['open', 'awaiting_details'] as const satisfies readonly RecordStatus[];
export const CLOSED_STATUSES = ['closed', 'not_handled'] as const satisfies readonly RecordStatus[];
export const UNHANDLED_STATUSES = ['registered', 'routed', 'ignored', 'quarantined'] as const satisfies readonly RecordStatus[];

export type RunningStatus = (typeof RUNNING_STATUSES)[number];
export type ClosedStatus = (typeof CLOSED_STATUSES)[number];
export type UnhandledStatus = (typeof UNHANDLED_STATUSES)[number];

const isIn = <T extends RecordStatus>(group: readonly T[], status: RecordStatus): status is T => (group as readonly RecordStatus[]).includes(status);

/** Whether the Awb 9:11 clock runs for a record in this status. */
export function isRunning(status: RecordStatus): status is RunningStatus {
  return isIn(RUNNING_STATUSES, status);
}

export function isClosed(status: RecordStatus): status is ClosedStatus {
  return isIn(CLOSED_STATUSES, status);
}

export function isUnhandled(status: RecordStatus): status is UnhandledStatus {
  return isIn(UNHANDLED_STATUSES, status);
}
