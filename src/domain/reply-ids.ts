import { createHmac, timingSafeEqual } from 'node:crypto';
import { COMPLAINANT_REPLY_TYPES, parseReplyMessageId, replyMessageId, type TemplateType } from './reply-types.ts';

/**
 * Message-IDs we send carry an HMAC of complaint id, reply type and suffix under a secret only
 * the service knows. Our ids used to be predictable, so anyone could write `In-Reply-To:` one
 * and pass as the complainant answering us; a valid tag now proves the writer received our mail.
 * Pure: the secret is given (reply-id-secret.ts keeps it).
 */
export interface ReplyIds {
  messageId(complaintId: string, type: TemplateType, suffix?: string): string;
  /**
   * For an id naming one of our replies to a complainant: the complaint, and `signed` when its
   * tag is valid. Legacy ids (no tag, sent before tags existed) and forged tags give
   * `signed: false`: they name a complaint but prove nothing on their own.
   */
  verify(messageId: string): { complaintId: string; signed: boolean } | null;
}

const TAG_HEX = 32;

export function makeReplyIds(secret: string, domain: string): ReplyIds {
  const tagOf = (complaintId: string, type: string, suffix: string) =>
    createHmac('sha256', secret).update(`${complaintId.toUpperCase()}\n${type}\n${suffix}`).digest('hex').slice(0, TAG_HEX);
  return {
    messageId: (complaintId, type, suffix = '') => replyMessageId(complaintId, type, domain, suffix, tagOf(complaintId, type, suffix)),
    verify: (messageId) => {
      const parts = parseReplyMessageId(messageId, domain);
      if (!parts || !(COMPLAINANT_REPLY_TYPES as readonly string[]).includes(parts.type)) return null;
      const expected = Buffer.from(tagOf(parts.complaintId, parts.type, parts.suffix));
      const signed = parts.tag !== null && timingSafeEqual(Buffer.from(parts.tag), expected);
      return { complaintId: parts.complaintId, signed };
    },
  };
}
