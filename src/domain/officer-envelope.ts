import type { Config } from '../config.ts';
import type { OutgoingMail } from './outgoing-mail.ts';

/**
 * The envelope of every mail to officers (alerts, reminders, extension notices, the digest):
 * automatic, asking for no auto-replies, and answered to the officers, never back into the
 * complaints mailbox, where an answer would be taken for new mail.
 */
export function officerMail(
  config: Pick<Config, 'MAIL_FROM'>,
  to: string[],
  rendered: { subject: string; text: string; html: string },
  messageId: string,
): OutgoingMail {
  return {
    from: config.MAIL_FROM,
    to,
    replyTo: to.join(', '),
    subject: rendered.subject,
    text: rendered.text,
    html: rendered.html,
    messageId,
    headers: { 'Auto-Submitted': 'auto-generated', 'X-Auto-Response-Suppress': 'All' },
  };
}
