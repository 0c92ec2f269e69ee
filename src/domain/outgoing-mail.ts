/**
 * A mail we send, as the use cases build it and the mailer adapters (SMTP, the local outbox)
 * compose it: the same shape for complainant replies, letters and officer mail.
 */
export interface OutgoingMail {
  from: string;
  to: string[];
  replyTo?: string;
  subject: string;
  text: string;
  html: string;
  messageId: string;
  inReplyTo?: string;
  references?: string[];
  headers: Record<string, string>;
}
