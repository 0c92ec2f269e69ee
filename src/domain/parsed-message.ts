import { z } from 'zod';

/**
 * What the parser keeps of one message: enough to triage, thread and re-triage it later,
 * never the attachment bytes. Stored inside the complaint record, so it is a zod schema.
 */
export const MailAddressSchema = z.object({
  name: z.string(),
  address: z.string(),
});
export type MailAddress = z.infer<typeof MailAddressSchema>;

export const AttachmentInfoSchema = z.object({
  filename: z.string().nullable(),
  contentType: z.string(),
  size: z.number().int().nonnegative(),
  sha256: z.string(),
});
export type AttachmentInfo = z.infer<typeof AttachmentInfoSchema>;

export const ParsedMessageSchema = z.object({
  messageId: z.string().nullable(),
  inReplyTo: z.string().nullable(),
  references: z.array(z.string()),
  from: MailAddressSchema.nullable(),
  replyTo: MailAddressSchema.nullable(),
  to: z.array(MailAddressSchema),
  cc: z.array(MailAddressSchema),
  subject: z.string(),
  /** Date header as ISO string; informative only, receipt time is the server's INTERNALDATE. */
  date: z.string().nullable(),
  /** Lower-case header name -> unfolded raw value(s), joined by "\n" when repeated. */
  headers: z.record(z.string(), z.string()),
  /** Top-level MIME type, e.g. `multipart/report`. */
  contentType: z.string(),
  /** Plain text; generated from HTML when the message has no text part. */
  text: z.string(),
  textTruncated: z.boolean(),
  hasHtml: z.boolean(),
  attachments: z.array(AttachmentInfoSchema),
});
export type ParsedMessage = z.infer<typeof ParsedMessageSchema>;
