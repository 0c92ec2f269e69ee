import type { ParsedMessage } from '../parsed-message.ts';

/**
 * Mail no person wrote, which must never get an automatic reply (RFC 3834 and practice):
 * delivery status notifications, out-of-office and other automatic answers, and bulk mail.
 * Header evidence comes first; subjects and bodies catch responders that set no headers.
 *
 * `X-Auto-Response-Suppress` is no evidence here: it asks the recipient not to auto-answer and
 * is set on mail people write too (Exchange distribution lists, meeting requests, CRM mail), so
 * alone it would silently drop complaints. It suppresses our reply instead (see sender.ts).
 * sisimai (p5-sisimai#491), osTicket (#726) and GLPI (#2170) dropped it as auto-reply evidence.
 */
export type { AutomaticKind } from './triage-result.ts';
import type { AutomaticKind } from './triage-result.ts';

export interface AutomaticVerdict {
  kind: AutomaticKind;
  /** Rule ids, e.g. `bounce:multipart_report`, `auto_reply:auto_submitted`. */
  rules: string[];
}

const BOUNCE_SENDER = /^(?:mailer-daemon|mailer_daemon|post[_.-]?master|mail-daemon|maildaemon|mdaemon|bounces?|mail\.delivery\.system|mailerdaemon)(?:[+@]|$)/i;
const BOUNCE_DISPLAY = /\b(?:mail delivery (?:subsystem|system|service)|mailer[- ]daemon|postmaster|delivery status notification|mail administrator|internet mail delivery|e-?mail delivery)\b/i;
const BOUNCE_SUBJECT =
  /\b(?:undeliver(?:ed|able)|undelivered mail|delivery (?:status notification|failure|failed|notification|has failed|report|problem|error|delay|incomplete|warning)|mail delivery failed|returned mail|return(?:ed)? to sender|failure notice|non[- ]?deliver(?:y|able)|nondeliverable|could not (?:be )?deliver(?:ed)?|message not delivered|not delivered|delivery unsuccessful|mail system error|onbestelbaar|niet (?:bezorgd|afgeleverd)|kan niet worden bezorgd|bezorging mislukt|unzustellbar|non remis|rejected|bounced?|mail(?:box)? (?:is )?full|over quota|warning: message .* delayed|message delayed|delivery delayed|DSN|unknown user|user unknown|no such user|permanent (?:error|failure)|temporary failure|mail could not be delivered|delivery notification)\b/i;
/** Feedback loops (Microsoft JMRP and the like): "complaint about message from 192.0.2.1". */
const ABUSE_REPORT_SUBJECT =
  /\b(?:complaint|abuse|spam|feedback)\b[^\n]{0,40}\b(?:message|mail|e-?mail)s?\s+(?:from|sent from)\s+\[?\d{1,3}(?:\.\d{1,3}){3}\b/i;
const BOUNCE_BODY: readonly RegExp[] = [
  /\bthis is the mail system at host\b/i,
  /\b(?:could not be|was not|wasn't|can ?not be|couldn't be)\s+delivered\s+to\b/i,
  /\bdelivery (?:to the following recipients? (?:failed|has been delayed)|has failed to these recipients)\b/i,
  /\b(?:message|mail) (?:could not|can ?not|was unable to) be delivered\b/i,
  /\bpermanent(?:ly)? (?:error|fatal errors?|failure)\b[\s\S]{0,200}\b(?:recipient|address|deliver)/i,
  /\b(?:user|mailbox|recipient)\s+(?:unknown|not found|unavailable|does not exist)\b/i,
  /\bundeliverable\b|\bundelivered\b/i,
  /^\s*(?:final-recipient|original-recipient|diagnostic-code|reporting-mta|action):\s/im,
  /\bI'm afraid I wasn't able to deliver\b|\bI'm sorry to have to inform you\b/i,
  /\bdelivery (?:attempts?|status notification)\b/i,
  /\bkon niet (?:worden )?(?:bezorgd|afgeleverd)\b/i,
];

/**
 * Subjects of automatic answers. A subject that starts with `Re:` is a person answering (our
 * acknowledgement, for one), so only the responder's own prefix counts: Outlook's
 * `Automatisch antwoord: ...`, `Out of Office: ...`, `Afwezig: ...`.
 */
const AUTO_REPLY_SUBJECT =
  /^(?:auto(?:matic|matisch)?[- ]?(?:reply|response|antwoord|answer|respons)\b|automatisch(?:e)? (?:antwoord|reactie|bericht)\b|(?:out of (?:the )?office|out-of-office|ooo|afwezig|afwezigheid|afwezigheidsmelding|niet aanwezig|buiten kantoor|abwesenheit(?:snotiz)?|absence|away from (?:the )?office|on (?:holiday|vacation|leave)|away until [^:]*)\s*(?:[:(-]|$)|(?:ontvangstbevestiging|bevestiging van ontvangst|we have received your (?:e-?mail|message)|thank you for your (?:e-?mail|message)|bedankt voor (?:uw|je) (?:e-?mail|bericht)|wij hebben (?:uw|je) (?:e-?mail|bericht) ontvangen)\s*(?:[:(.!-]|$)|auto:|autoreply|autoresponse|autoresponder|read:|gelezen:|read receipt|not read:|niet gelezen:)/i;
const AUTO_REPLY_BODY: readonly RegExp[] = [
  /\b(?:ik|wij)\s+(?:ben|zijn)\s+(?:momenteel|tot en met|tot|van|vanaf|t\/m|deze week|op dit moment|vandaag|helaas)?[^.!?\n]{0,40}\b(?:afwezig|niet aanwezig|niet op kantoor|op vakantie|met vakantie|met verlof|vrij(?=\s*[.,;!]|\s*$)|niet bereikbaar)\b/im,
  /\b(?:ik|wij)\s+(?:ben|zijn)\s+(?:weer\s+)?(?:aanwezig|terug|bereikbaar|beschikbaar)\s+(?:op|vanaf|per)\b/i,
  /\b(?:uw|je)\s+(?:e-?mail|bericht)\s+(?:wordt|zal)\s+(?:niet\s+)?(?:doorgestuurd|gelezen|behandeld)\b[^.!?\n]{0,40}\b(?:terugkomst|afwezigheid)\b/i,
  /\bI\s+am\s+(?:currently\s+)?(?:out of (?:the )?office|away|on (?:holiday|vacation|leave|annual leave)|travell?ing|not in the office)\b/i,
  /\bI(?:'m| am| will be)\s+(?:out of (?:the )?office|away from (?:the office|my desk))\b/i,
  /\b(?:will|shall)\s+(?:be\s+back|return|respond)\s+(?:on|upon|when|after)\b/i,
  /\blimited access to (?:e-?mail|my e-?mail)\b/i,
  /\bthis is an automated (?:reply|response|message)\b|\bdit is een automatisch(?:e)? (?:antwoord|bericht|reactie|gegenereerd)\b/i,
  /\b(?:voor dringende zaken|in dringende gevallen|bij spoed|voor spoedeisende zaken|for urgent matters|in urgent cases|if (?:it is |your matter is )?urgent|for urgent (?:questions|enquiries|inquiries))\b/i,
  /\b(?:na mijn terugkomst|bij (?:mijn )?terugkomst|upon my return|when I return|on my return|after my return)\b/i,
  /\b(?:wordt niet doorgestuurd|worden niet doorgestuurd|will not be forwarded|is not being forwarded|will not be read)\b/i,
];
/** One out-of-office phrase can occur in a person's mail; two in a short body make a responder. */
const MIN_AUTO_REPLY_BODY_SIGNALS = 2;
/** Out-of-office bodies are short; a long text that mentions "vakantie" is a person writing. */
const MAX_AUTO_REPLY_BODY = 1_200;

/** The sender of a forwarded message inside this one, when it is a forward. */
export interface ForwardedSender {
  name: string | null;
  email: string | null;
}

export function detectAutomaticMail(message: ParsedMessage, forwarded: ForwardedSender | null = null): AutomaticVerdict | null {
  const bounce = bounceRules(message);
  if (forwarded !== null && isForwardedBounce(message, forwarded)) bounce.push('bounce:forwarded_dsn');
  if (bounce.length > 0) return { kind: 'bounce', rules: bounce };
  const autoReply = autoReplyRules(message);
  if (autoReply.length > 0) return { kind: 'auto_reply', rules: autoReply };
  const bulk = bulkRules(message);
  if (bulk.length > 0) return { kind: 'bulk', rules: bulk };
  if (isNullReturnPath(message)) return { kind: 'bounce', rules: ['bounce:null_return_path'] };
  return null;
}

function bounceRules(message: ParsedMessage): string[] {
  const rules: string[] = [];
  const { headers } = message;
  const contentType = message.contentType;
  if (contentType === 'multipart/report' || /^\s*multipart\/report\b/i.test(headers['content-type'] ?? '')) {
    rules.push('bounce:multipart_report');
  }
  if (message.attachments.some((part) => /^message\/(?:delivery-status|global-delivery-status|feedback-report|disposition-notification)/i.test(part.contentType))) {
    rules.push('bounce:delivery_status_part');
  }
  const sender = message.from?.address ?? '';
  const returnPath = headers['return-path'] ?? '';
  if (BOUNCE_SENDER.test(sender) || /mailer-daemon|postmaster@/i.test(returnPath)) rules.push('bounce:daemon_sender');
  if (BOUNCE_DISPLAY.test(message.from?.name ?? '')) rules.push('bounce:daemon_name');
  if (headers['x-failed-recipients'] !== undefined) rules.push('bounce:x_failed_recipients');
  const autoSubmitted = (headers['auto-submitted'] ?? '').toLowerCase();
  const mailerDaemonish = isNullReturnPath(message) || /auto-generated|auto-notified/.test(autoSubmitted) || message.from === null;
  // A person may well write "brief niet bezorgd": subject and body count only with a daemon's headers.
  if (BOUNCE_SUBJECT.test(message.subject) && (mailerDaemonish || rules.length > 0)) rules.push('bounce:subject');
  if (rules.length === 0 && mailerDaemonish && bodyLooksLikeBounce(message.text)) rules.push('bounce:body');
  if (ABUSE_REPORT_SUBJECT.test(message.subject)) rules.push('bounce:abuse_report');
  return rules;
}

/**
 * Someone forwarding a delivery failure ("Fwd: Returned mail") sends a bounce, not a complaint:
 * the forwarded message comes from a mail daemon and has a bounce subject.
 */
function isForwardedBounce(message: ParsedMessage, forwarded: ForwardedSender): boolean {
  const daemon = BOUNCE_DISPLAY.test(forwarded.name ?? '') || BOUNCE_SENDER.test(forwarded.email ?? '');
  return daemon && BOUNCE_SUBJECT.test(message.subject);
}

function bodyLooksLikeBounce(text: string): boolean {
  const head = text.slice(0, 4_000);
  return BOUNCE_BODY.some((pattern) => pattern.test(head));
}

function autoReplyRules(message: ParsedMessage): string[] {
  const rules: string[] = [];
  const { headers } = message;
  const autoSubmitted = (headers['auto-submitted'] ?? '').trim().toLowerCase();
  if (autoSubmitted !== '' && !/^no\b/.test(autoSubmitted)) rules.push('auto_reply:auto_submitted');
  if (headers['x-autoreply'] !== undefined || headers['x-autorespond'] !== undefined || headers['x-auto-reply'] !== undefined) {
    rules.push('auto_reply:x_autoreply');
  }
  if (/\breply\b/i.test(headers['x-autogenerated'] ?? '') || headers['x-autoreply-from'] !== undefined || headers['x-mail-autoreply'] !== undefined) {
    rules.push('auto_reply:x_autogenerated');
  }
  if (/\bauto[-_]?reply\b/i.test(headers['x-precedence'] ?? '') || /autorespond|vacation/i.test(headers['x-post-messageclass'] ?? '')) {
    rules.push('auto_reply:x_precedence');
  }
  if (isExchangeLoop(headers)) rules.push('auto_reply:exchange_loop');
  if (/^(?:auto[-_]?reply|auto[-_]?response)$/i.test((headers['precedence'] ?? '').trim())) rules.push('auto_reply:precedence');
  if (AUTO_REPLY_SUBJECT.test(message.subject.trim())) rules.push('auto_reply:subject');
  const head = message.text.slice(0, MAX_AUTO_REPLY_BODY);
  if (isShort(message) && AUTO_REPLY_BODY.filter((pattern) => pattern.test(head)).length >= MIN_AUTO_REPLY_BODY_SIGNALS) {
    rules.push('auto_reply:body');
  }
  return rules;
}

/**
 * Exchange marks mail its inbox rules generate with `X-MS-Exchange-Inbox-Rules-Loop`, and
 * system-generated mail with `X-MS-Exchange-Generated-Message-Source`. A message an inbox rule
 * merely redirected (`...-AutoForwarded: true`) was still written by a person, so the loop header
 * alone does not silence it; its other headers still can.
 */
function isExchangeLoop(headers: Record<string, string>): boolean {
  if (headers['x-ms-exchange-generated-message-source'] !== undefined) return true;
  if (headers['x-ms-exchange-inbox-rules-loop'] === undefined) return false;
  return !/\btrue\b/i.test(headers['x-ms-exchange-organization-autoforwarded'] ?? '');
}

function isShort(message: ParsedMessage): boolean {
  return message.text.trim().length <= MAX_AUTO_REPLY_BODY;
}

/** Headers list servers add (RFC 2369/2919 aside): Mailman, fml, ezmlm, Sympa, LISTSERV. */
const LIST_SERVER_HEADERS = [
  'list-post', 'list-help', 'list-subscribe', 'list-owner', 'mailing-list', 'x-mailman-version', 'x-mlserver',
  'x-ml-name', 'x-ml-count', 'x-list-administrivia', 'x-listserver', 'x-ezmlm-version', 'x-sympa-version',
] as const;

function bulkRules(message: ParsedMessage): string[] {
  const rules: string[] = [];
  const { headers } = message;
  if (/^(?:bulk|junk|list)$/i.test((headers['precedence'] ?? '').trim())) rules.push('bulk:precedence');
  if (headers['list-id'] !== undefined) rules.push('bulk:list_id');
  if (headers['list-unsubscribe'] !== undefined) rules.push('bulk:list_unsubscribe');
  if (LIST_SERVER_HEADERS.some((name) => headers[name] !== undefined)) rules.push('bulk:list_headers');
  return rules;
}

function isNullReturnPath(message: ParsedMessage): boolean {
  const returnPath = message.headers['return-path'];
  return returnPath !== undefined && /^\s*<\s*>\s*$/.test(returnPath.split('\n')[0] ?? '');
}
