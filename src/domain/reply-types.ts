import { z } from 'zod';

/** Replies to complainants; each has a template per language in templates/. */
export const COMPLAINANT_REPLY_TYPES = [
  'acknowledgement',
  'request_details',
  'anonymous_registered',
  'compliment_thanks',
  'idea_thanks',
  'question_received',
  'report_received',
  'message_received',
  'urgent_redirect',
  'followup_received',
  'extension_notice',
  'not_handled_notice',
] as const;

/**
 * Letters an officer writes to the complainant and sends through the same queue
 * (app/write-letter.ts); `blank_letter` is the officer's own text inside the standard header and footer.
 */
export const OFFICER_LETTER_TYPES = ['outcome', 'hearing_invitation', 'blank_letter'] as const;

/** Mails to officers. */
export const OFFICER_MAIL_TYPES = ['officer_alert', 'deadline_reminder', 'digest'] as const;

export const ReplyTypeSchema = z.enum(COMPLAINANT_REPLY_TYPES);
export type ReplyType = z.infer<typeof ReplyTypeSchema>;
export const OfficerLetterTypeSchema = z.enum(OFFICER_LETTER_TYPES);
export type OfficerLetterType = z.infer<typeof OfficerLetterTypeSchema>;
/** Everything that goes to a complainant: automatic replies, notices and officers' letters. */
export const COMPLAINANT_MAIL_TYPES = [...COMPLAINANT_REPLY_TYPES, ...OFFICER_LETTER_TYPES] as const;
export const ComplainantMailTypeSchema = z.enum(COMPLAINANT_MAIL_TYPES);
export type ComplainantMailType = z.infer<typeof ComplainantMailTypeSchema>;
export const isOfficerLetter = (type: string): type is OfficerLetterType => (OFFICER_LETTER_TYPES as readonly string[]).includes(type);
export const OfficerMailTypeSchema = z.enum(OFFICER_MAIL_TYPES);
export type OfficerMailType = z.infer<typeof OfficerMailTypeSchema>;
export type TemplateType = ComplainantMailType | OfficerMailType;
export const TEMPLATE_TYPES: readonly TemplateType[] = [...COMPLAINANT_MAIL_TYPES, ...OFFICER_MAIL_TYPES];

export const LanguageSchema = z.enum(['nl', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * Complaint ids look like KL-2026-00042: year of receipt and a counter per year. They are minted
 * in one place, the create script in adapters/complaint-store.ts, atomically with the counter.
 */
export const COMPLAINT_ID_PATTERN = /\bKL-(\d{4})-(\d{5,})\b/i;
export const ComplaintIdSchema = z.string().regex(/^KL-\d{4}-\d{5,}$/, 'expected a reference like KL-2026-00042');

/**
 * The Message-ID of our reply of one type to one complaint. Deterministic, so a reply that is
 * queued or sent twice is recognisably the same message. `tag` is the HMAC that proves we made
 * it (reply-ids.ts); without one this is the legacy form of replies sent before it existed.
 */
export function replyMessageId(complaintId: string, type: TemplateType, domain: string, suffix = '', tag = ''): string {
  return `<${complaintId}.${type}${suffix ? `.${suffix}` : ''}${tag ? `.${REPLY_ID_TAG_PREFIX}${tag}` : ''}.klachtenopvang@${domain}>`;
}

/** Marks the HMAC segment; a suffix (follow-up key, reminder key) never starts with it. */
export const REPLY_ID_TAG_PREFIX = 'h1-';
const REPLY_MESSAGE_ID = /^<?(KL-\d{4}-\d{5,})\.([a-z_]+)(?:\.(?!h1-)([^.@]+))?(?:\.h1-([0-9a-f]{32}))?\.klachtenopvang@([^>\s]+)>?$/i;

/** The parts of a Message-ID of ours, or null when it is not one of ours. */
export interface ReplyIdParts {
  complaintId: string;
  type: string;
  suffix: string;
  tag: string | null;
}

export function parseReplyMessageId(messageId: string, domain: string): ReplyIdParts | null {
  const match = REPLY_MESSAGE_ID.exec(messageId.trim());
  if (!match || match[5]?.toLowerCase() !== domain.toLowerCase() || !match[1] || !match[2]) return null;
  return { complaintId: match[1].toUpperCase(), type: match[2].toLowerCase(), suffix: match[3] ?? '', tag: match[4]?.toLowerCase() ?? null };
}

/** The complaint id a Message-ID of ours refers to, or null when it is not one of ours. */
export function complaintIdFromReplyMessageId(messageId: string, domain: string): string | null {
  return parseReplyMessageId(messageId, domain)?.complaintId ?? null;
}

/**
 * Like complaintIdFromReplyMessageId, but only for mail we sent to a complainant. An answer to
 * an officer alert or reminder is an officer writing, never the complainant's follow-up. This
 * names a complaint; whether the id is really ours is `verifyReplyId` in reply-ids.ts.
 */
export function complaintIdFromComplainantReplyId(messageId: string, domain: string): string | null {
  const parts = parseReplyMessageId(messageId, domain);
  if (!parts || !(COMPLAINANT_MAIL_TYPES as readonly string[]).includes(parts.type)) return null;
  return parts.complaintId;
}
