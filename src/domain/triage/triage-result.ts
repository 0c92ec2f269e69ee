import { z } from 'zod';
import { LanguageSchema, ReplyTypeSchema } from '../reply-types.ts';

/**
 * What triage decides about one incoming message. Pure data, stored with the complaint record
 * and shown to officers, so `reasons` carry rule ids only, never text from the message.
 */

/** Kinds a human writes; `followup` and the automatic kinds are decided before these. */
export const CONTENT_KINDS = ['complaint', 'compliment', 'idea', 'question', 'report'] as const;
/** Mail no person wrote, and mail the receiving server judged spam: recorded, never answered. */
export const AUTOMATIC_KINDS = ['auto_reply', 'bounce', 'bulk', 'spam'] as const;
export type AutomaticKind = (typeof AUTOMATIC_KINDS)[number];
export function isAutomaticKind(kind: string | null | undefined): kind is AutomaticKind {
  return (AUTOMATIC_KINDS as readonly string[]).includes(kind ?? '');
}
export const TRIAGE_KINDS = [...CONTENT_KINDS, 'followup', ...AUTOMATIC_KINDS] as const;

export const TRIAGE_FLAGS = [
  'missing_name',
  'missing_address',
  'anonymous',
  'missing_description',
  'incident_over_one_year',
  'urgent_safety',
  'has_attachments',
  'tnef',
  'unverified_reference',
  /** The evidence for a kind was weak or conflicting: an officer decides; the sender gets `message_received`. */
  'needs_review',
] as const;

/** Where a case reference came from: our own Message-ID in the headers, or text the sender typed. */
export const REFERENCE_SOURCES = ['headers', 'subject', 'body'] as const;

export const TriageKindSchema = z.enum(TRIAGE_KINDS);
export type TriageKind = z.infer<typeof TriageKindSchema>;
export const ContentKindSchema = z.enum(CONTENT_KINDS);
export type ContentKind = z.infer<typeof ContentKindSchema>;
export const TriageFlagSchema = z.enum(TRIAGE_FLAGS);
export type TriageFlag = z.infer<typeof TriageFlagSchema>;
/** The replies triage can choose; the later notices (extension, not handled) are officers' work. */
export const TriageReplySchema = ReplyTypeSchema.exclude(['extension_notice', 'not_handled_notice']);
export type TriageReply = z.infer<typeof TriageReplySchema>;
export const ReferenceSourceSchema = z.enum(REFERENCE_SOURCES);
export type ReferenceSource = z.infer<typeof ReferenceSourceSchema>;

/** A street address or a PO box (`street: "Postbus 1034"`, `houseNumber: null`). */
export const PostalAddressSchema = z.object({
  street: z.string().nullable(),
  houseNumber: z.string().nullable(),
  /** Normalised `2311 CS`. */
  postcode: z.string().regex(/^[1-9]\d{3} [A-Z]{2}$/).nullable(),
  city: z.string().nullable(),
});
export type PostalAddress = z.infer<typeof PostalAddressSchema>;

export const ComplainantSchema = z.object({
  name: z.string().nullable(),
  email: z.string().nullable(),
  /** Digits only for Dutch numbers (`0612345678`), `+` and digits for foreign ones. */
  phone: z.string().nullable(),
  address: PostalAddressSchema.nullable(),
});
export type Complainant = z.infer<typeof ComplainantSchema>;

/** ISO date, year-month when the text names only a month (`maart 2023` is `2023-03`), a year alone (`in 2019`). */
export const IncidentDateSchema = z.string().regex(/^\d{4}(-\d{2}(-\d{2})?)?$/);

export const TriageResultSchema = z.object({
  kind: TriageKindSchema,
  /**
   * The kind judged from the content alone, ignoring any case reference: what the message is
   * when a reference turns out unknown or unverified (see `applyFollowupVerification`).
   * Equals `kind` for automatic mail.
   */
  contentKind: z.union([ContentKindSchema, z.enum(AUTOMATIC_KINDS)]),
  urgent: z.boolean(),
  language: LanguageSchema,
  complainant: ComplainantSchema,
  incidentDate: IncidentDateSchema.nullable(),
  employees: z.array(z.string()),
  caseRef: z.string().nullable(),
  referenceSource: ReferenceSourceSchema.nullable(),
  /**
   * What this message, taken alone, shows. The complaint-procedure flags (missing_*,
   * incident_over_one_year) follow `contentKind`, so a follow-up carries what it would lack as a
   * new complaint: `applyFollowupVerification` needs them when the reference does not hold.
   */
  flags: z.array(TriageFlagSchema),
  reply: TriageReplySchema.nullable(),
  /** Rule ids (`kind:complaint:complaint_words`, `flag:missing_address:no_address_found`, ...), never message text. */
  reasons: z.array(z.string()),
});
export type TriageResult = z.infer<typeof TriageResultSchema>;

export interface TriageContext {
  /** When the message reached the mailbox (IMAP INTERNALDATE); dates resolve in Europe/Amsterdam. */
  receivedAt: Date;
  /** Our intake address; mail from it never gets a reply. */
  mailboxAddress: string;
  /** Domain of our reply Message-IDs (`<KL-2026-00042.acknowledgement.klachtenopvang@domain>`). */
  ownDomain: string;
  /** Microsoft spam confidence level from which a message counts as spam (SPAM_SCL_THRESHOLD, default 5). */
  spamSclThreshold?: number;
}
