import { z } from 'zod';
import { ParsedMessageSchema } from './parsed-message.ts';
import { ComplaintIdSchema } from './reply-types.ts';
import { TriageResultSchema } from './triage/triage-result.ts';

/**
 * The complaint record (its history is record-events.ts). Every message that reaches the mailbox becomes
 * one record (or a follow-up event on one), including automatic mail and unparseable mail:
 * Awb 9:12a wants a register of every written complaint, and "nothing lost" wants the rest.
 *
 * Status is derived at intake and changed only by officer actions:
 *   open             a complaint being handled; the deadline runs
 *   awaiting_details complaint without name or address; we asked for them (Awb 9:4)
 *   registered       anonymous: registered, not handled
 *   routed           compliment, idea, question or safety report: answered and passed on
 *   ignored          automatic mail (bounce, out-of-office, bulk): kept, never answered
 *   quarantined      could not be parsed or too large: kept for an officer to look at
 *   closed           handled, with an outcome (Awb 9:12)
 *   not_handled      not handled under Awb 9:8, with a reason
 */
export const RECORD_STATUSES = [
  'open',
  'awaiting_details',
  'registered',
  'routed',
  'ignored',
  'quarantined',
  'closed',
  'not_handled',
] as const;
export const RecordStatusSchema = z.enum(RECORD_STATUSES);
export type RecordStatus = z.infer<typeof RecordStatusSchema>;

export const INTAKE_FLAGS = ['parse_error', 'too_large', 'no_message_id'] as const;
export const IntakeFlagSchema = z.enum(INTAKE_FLAGS);
export type IntakeFlag = z.infer<typeof IntakeFlagSchema>;

export const SourceSchema = z.object({
  /** `officer`: a complaint by letter, phone or visit, registered by an officer (`registered_by`). */
  kind: z.enum(['imap', 'local', 'officer']),
  mailbox: z.string(),
  uidValidity: z.number().int().nullable(),
  uid: z.number().int().nullable(),
  file: z.string().nullable(),
  messageId: z.string().nullable(),
  sha256: z.string(),
  size: z.number().int().nonnegative(),
});
export type Source = z.infer<typeof SourceSchema>;

export const AddressSchema = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  postcode: z.string().nullable(),
  city: z.string().nullable(),
});

/** What we know of the complainant now: triage's extraction, completed by follow-ups. */
export const ContactSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  phone: z.string().nullable(),
  address: AddressSchema.nullable(),
});
export type Contact = z.infer<typeof ContactSchema>;

export const DeadlineStateSchema = z.object({
  route: z.enum(['standard', 'committee']),
  received: z.iso.date(),
  deadline: z.iso.date(),
  shiftedFrom: z.iso.date().nullable(),
  extensionWeeks: z.number().int().min(0).max(4),
  reason: z.string(),
});
export type DeadlineState = z.infer<typeof DeadlineStateSchema>;

export const ComplaintRecordSchema = z.object({
  schemaVersion: z.literal(1),
  id: ComplaintIdSchema,
  receivedAt: z.iso.datetime(),
  /** Calendar day of receipt in Europe/Amsterdam: the day the legal terms count from. */
  receivedDate: z.iso.date(),
  ingestedAt: z.iso.datetime(),
  updatedAt: z.iso.datetime(),
  status: RecordStatusSchema,
  intakeFlags: z.array(IntakeFlagSchema),
  source: SourceSchema,
  message: ParsedMessageSchema.nullable(),
  triage: TriageResultSchema.nullable(),
  contact: ContactSchema,
  deadline: DeadlineStateSchema.nullable(),
  /** Awb 9:8: the date by which the complainant must hear that the complaint is not handled. */
  noticeBy: z.iso.date().nullable(),
  assignedTo: z.string().nullable(),
});
export type ComplaintRecord = z.infer<typeof ComplaintRecordSchema>;

/** A record before the store gives it its reference. */
export type NewRecord = Omit<ComplaintRecord, 'id'>;

/**
 * Stands for the reference in a new record's events until the store assigns one, in the same
 * write: a `reply_queued` event can name its job id before the record has its reference.
 */
export const RECORD_ID_PLACEHOLDER = '__KLID__';
