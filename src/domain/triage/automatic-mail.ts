import type { ParsedMessage } from '../parsed-message.ts';

/**
 * Mail no person wrote, which must never get an automatic reply (RFC 3834 and practice):
 * the server's spam verdict, delivery failures, out-of-office and other automatic answers (read
 * receipts, delay warnings, challenge-response, feedback and DMARC/TLS reports, ticket systems),
 * and bulk mail. Header evidence comes first; subjects and bodies catch responders that set no
 * headers. This runs before any follow-up logic: an out-of-office that answers our
 * acknowledgement names our reference and our Message-ID, and is still a machine.
 *
 * `X-Auto-Response-Suppress` is no evidence here: it asks the recipient not to auto-answer and
 * is set on mail people write too (Exchange distribution lists, meeting requests, CRM mail), so
 * alone it would silently drop complaints. It suppresses our reply instead (see sender.ts).
 * sisimai (p5-sisimai#491), osTicket (#726) and GLPI (#2170) dropped it as auto-reply evidence.
 */
import { phishingRules } from './phishing.ts';
import { unsolicitedMailRules } from './unsolicited-mail.ts';
import { COMPLAINT_ID_PATTERN, complaintIdFromReplyMessageId } from '../reply-types.ts';
import { spamVerdict } from './spam-verdict.ts';
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
  /\b(?:complaint|abuse|spam|feedback)\b[^\n]{0,40}\b(?:message|mail|e-?mail)s?\s+(?:from|sent from)\s+\[?\d{1,3}(?:\.(?:\d{1,3}|x{1,3}|\*)){3}/i;
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
  /\bfailed\s+recipients?\b|-{3,}\s*returned\s+mail\s*-{3,}/i,
  /\bsmtp\s+error\b|\bremote\s+(?:host|server)\s+said\b|\b5[0-5]\d[\s-]+\d\.\d{1,3}\.\d{1,3}\b/i,
  /\bunknown\s+(?:user|recipient|mailbox)\b|\bcould\s+not\s+deliver\s+(?:the\s+)?(?:message|mail)\b/i,
];

/**
 * Subjects of automatic answers. A subject that starts with `Re:` is a person answering (our
 * acknowledgement, for one), so only the responder's own prefix counts: Outlook's
 * `Automatisch antwoord: ...`, `Out of Office: ...`, `Afwezig: ...`.
 */
const AUTO_REPLY_SUBJECT =
  /^(?:\[?\s*auto(?:matically)?[- ]?generated\s*\]?|\[(?:automated|automatisch|auto)\]|r[ée]ponse automatique|absente?s? (?:du bureau)?|absence du bureau|automatische antwort|abwesenheitsnotiz|abwesend|nicht im b[üu]ro|au(?:ß|ss)er haus|respuesta autom[áa]tica|risposta automatica|autosvar|lu\s*:|gelesen\s*:|ungelesen\s*:|leesbevestiging|lesebest[äa]tigung|accus[ée] de (?:lecture|r[ée]ception)|return receipt|disposition notification|afwezigheidsbericht|auto(?:matic|matisch)?[- ]?(?:reply|response|antwoord|answer|respons)\b|automatisch(?:e)? (?:antwoord|reactie|bericht)\b|(?:out of (?:the )?office|out-of-office|ooo|afwezig|afwezigheid|afwezigheidsmelding|niet aanwezig|buiten kantoor|abwesenheit(?:snotiz)?|absence|away from (?:the )?office|on (?:holiday|vacation|leave)|away until [^:]*)\s*(?:[:(-]|$)|(?:ontvangstbevestiging|bevestiging van ontvangst|we have received your (?:e-?mail|message)|thank you for your (?:e-?mail|message)|bedankt voor (?:uw|je) (?:e-?mail|bericht)|wij hebben (?:uw|je) (?:e-?mail|bericht) ontvangen)\s*(?:[:(.!-]|$)|auto:|autoreply|autoresponse|autoresponder|read:|gelezen:|read receipt|not read:|niet gelezen:)/i;
const AUTO_REPLY_BODY: readonly RegExp[] = [
  /\b(?:je\s+suis|nous\s+sommes)\s+(?:actuellement\s+)?(?:absente?s?|en\s+cong[ée]s?|en\s+vacances|hors\s+du\s+bureau)\b|\bde\s+retour\s+le\b/i,
  /\bich\s+bin\s+(?:derzeit\s+|zurzeit\s+|bis\s+(?:zum\s+)?[^.!?\n]{0,30})?(?:nicht\s+im\s+b[üu]ro|abwesend|im\s+urlaub|au(?:ß|ss)er\s+haus)\b|\b(?:ab\s+dem|ab)\s+[^.!?\n]{0,20}\s+wieder\s+(?:im\s+b[üu]ro|erreichbar)\b/i,
  /\b(?:this|dit)\s+(?:is\s+an?\s+)?(?:e-?mail|message|bericht)\s+(?:was|is|wordt|werd)\s+(?:automatically\s+generated|auto-?generated|automatisch\s+(?:gegenereerd|verzonden|verstuurd|aangemaakt))\b/i,
  /\b(?:please\s+)?do\s+not\s+reply\s+to\s+this\s+(?:e-?mail|message)\b|\b(?:gelieve|u\s+kunt|je\s+kunt)\s+(?:niet\s+te\s+)?(?:niet\s+)?(?:antwoorden|reageren)\s+op\s+(?:dit|deze)\s+(?:e-?mail|bericht)\b|\bdeze\s+(?:e-?mail|mailbox)\s+wordt\s+niet\s+gelezen\b/i,
  /\b(?:we|wij)\s+(?:have|hebben)\s+(?:received\s+your|uw|je)\s*(?:e-?mail|message|request|enquiry|inquiry|bericht|vraag|melding|aanvraag)?\s*(?:in\s+goede\s+orde\s+)?(?:ontvangen|received)?\b(?=[^.!?\n]{0,60}\b(?:ticket|number|nummer|binnen|within|werkdagen|working\s+days|business\s+days|as\s+soon\s+as|zo\s+snel\s+mogelijk)\b)/i,
  /\b(?:ik|wij)\s+(?:ben|zijn)\s+(?:momenteel|tot en met|tot|van|vanaf|t\/m|deze week|op dit moment|vandaag|helaas)?[^.!?\n]{0,60}\b(?:afwezig|niet aanwezig|niet op kantoor|op vakantie|met vakantie|met verlof|vrij(?=\s*[.,;!]|\s*$)|niet bereikbaar)\b/im,
  /\b(?:ik|wij)\s+(?:ben|zijn)\s+(?:weer\s+)?(?:aanwezig|terug|bereikbaar|beschikbaar)\s+(?:op|vanaf|per)\b/i,
  /\b(?:uw|je)\s+(?:e-?mail|bericht)\s+(?:wordt|zal)\s+(?:niet\s+)?(?:doorgestuurd|gelezen|behandeld)\b[^.!?\n]{0,40}\b(?:terugkomst|afwezigheid)\b/i,
  /\bI\s+am\s+(?:currently\s+)?(?:out of (?:the )?office|away|on (?:holiday|vacation|leave|annual leave)|travell?ing|not in the office)\b/i,
  /\bI(?:'m| am| will be)\s+(?:out of (?:the )?office|away from (?:the office|my desk))\b/i,
  /\b(?:will|shall)\s+(?:be\s+back|return|respond)\s+(?:on|upon|when|after)\b/i,
  /\blimited access to (?:e-?mail|my e-?mail)\b/i,
  /\bthis is an automated (?:reply|response|message)\b|\bdit is een automatisch(?:e)? (?:antwoord|bericht|reactie|gegenereerd)\b/i,
  /\b(?:voor dringende zaken|in dringende gevallen|bij spoed|voor spoedeisende zaken|for urgent matters|in urgent cases|if (?:it is |your matter is )?urgent|for urgent (?:questions|enquiries|inquiries))\b/i,
  /\b(?:na mijn terugkomst|bij (?:mijn )?terugkomst|upon my return|when I return|on my return|after my return)\b/i,
  /\b(?:wordt|worden)\s+niet\s+(?:automatisch\s+)?doorgestuurd\b|\b(?:will not be forwarded|is not being forwarded|will not be read)\b/i,
  /\blees\s+(?:mijn|de)\s+e-?mail\s+(?:in\s+deze\s+periode\s+|tijdelijk\s+|dan\s+)?niet\b|\b(?:will\s+not|won't)\s+be\s+(?:reading|checking)\s+(?:my\s+)?e-?mails?\b/i,
];
/**
 * What a responder says and a person answering us rarely does: absent right now (a person writes
 * "vanaf 1 december ben ik op vakantie"), or a promise to answer within some working days.
 */
const RESPONDER_NOW: readonly RegExp[] = [
  /\b(?:ik\s+ben|I\s+am|I'm|je\s+suis|ich\s+bin)\s+(?:momenteel\s+|op\s+dit\s+moment\s+|nu\s+|currently\s+|actuellement\s+|derzeit\s+|zurzeit\s+|(?:tot\s+en\s+met|tot|t\/m|until|till|jusqu'au|bis)\s+[^.!?\n]{1,25}?\s+)?(?:afwezig|met\s+vakantie|op\s+vakantie|met\s+verlof|niet\s+(?:aanwezig|op\s+kantoor|bereikbaar)|out\s+of\s+(?:the\s+)?office|away|on\s+(?:holiday|vacation|leave)|absente?|en\s+cong[ée]s?|en\s+vacances|abwesend|im\s+urlaub|nicht\s+im\s+b[üu]ro)\b/i,
  /\b(?:wij|we|ik|I)\s+(?:reageren|antwoorden|reageer|antwoord|nemen|neem|will\s+(?:respond|reply|answer|get\s+back))\b[^.!?\n]{0,50}\b(?:binnen|within)\s+(?:\d+|een|één|twee|drie|vier|vijf|one|two|three|four|five)\s+(?:werk)?(?:dagen|dag|working\s+days?|business\s+days?|days?|uur|hours?)\b/i,
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

export interface AutomaticOptions {
  /** Microsoft SCL from which mail counts as spam (see spam-verdict.ts). */
  spamSclThreshold?: number;
  /** Our domain: mail that answers one of our replies needs less body evidence to be a responder. */
  ownDomain?: string;
}

export function detectAutomaticMail(message: ParsedMessage, forwarded: ForwardedSender | null = null, options: AutomaticOptions = {}): AutomaticVerdict | null {
  const spam = [...spamVerdict(message, options.spamSclThreshold), ...phishingRules(message, options.ownDomain), ...unsolicitedMailRules(message)];
  if (spam.length > 0) return { kind: 'spam', rules: spam };
  const report = reportRules(message);
  if (report.length > 0) return { kind: 'auto_reply', rules: report };
  const bounce = bounceRules(message);
  if (forwarded !== null && isForwardedBounce(message, forwarded)) bounce.push('bounce:forwarded_dsn');
  if (bounce.length > 0) return { kind: 'bounce', rules: bounce };
  const autoReply = autoReplyRules(message, answersOurMail(message, options.ownDomain));
  if (autoReply.length > 0) return { kind: 'auto_reply', rules: autoReply };
  const bulk = bulkRules(message);
  if (bulk.length > 0) return { kind: 'bulk', rules: bulk };
  const notice = automatedNoticeRules(message);
  if (notice.length > 0) return { kind: 'auto_reply', rules: notice };
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
  if (message.attachments.some((part) => /^message\/(?:delivery-status|global-delivery-status)/i.test(part.contentType))) {
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
  if (rules.length === 0 && mailerDaemonish && bounceBodySignals(message.text) > 0) rules.push('bounce:body');
  // A plain-text bounce from a relay that sets no daemon headers: its body says it twice.
  if (rules.length === 0 && bounceBodySignals(message.text) >= 2) {
    rules.push('bounce:body_without_headers');
  }
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

function bounceBodySignals(text: string): number {
  const head = text.slice(0, 4_000);
  return BOUNCE_BODY.filter((pattern) => pattern.test(head)).length;
}

/** Delivery reports that are no failure: read receipts, delay warnings, feedback (ARF), DMARC and TLS reports. */
const DELAY_TEXT = /\b(?:delay(?:ed)?|vertraagd|vertraging|verz[öo]gert|verz[öo]gerung|retard(?:é|e)?|still\s+(?:trying|being\s+retried|in\s+the\s+queue)|not\s+yet\s+been\s+delivered|nog\s+niet\s+(?:bezorgd|afgeleverd)|will\s+(?:continue\s+to\s+)?(?:retry|try)|will\s+be\s+retried|warning\s+only|warning)\b/i;
const FAILURE_TEXT = /\b(?:fail(?:ed|ure)|undeliver(?:ed|able)|permanent(?:ly)?\s+(?:failed|error|failure)|returned\s+(?:to\s+sender|mail)|rejected|onbestelbaar|mislukt|unzustellbar|non\s+remis)\b/i;
const CHALLENGE_RESPONSE =
  /\badded\s+to\s+(?:the\s+|my\s+|our\s+)?(?:recipient'?s\s+)?(?:allowed|approved|safe|trusted|white)\s*(?:senders?\s+)?list\b|\b(?:click|klik|visit|bezoek)\b[\s\S]{0,160}\b(?:allowed|approved|safe|trusted|goedgekeurde|toegestane|veilige)\s+(?:senders?|afzenders?|list|lijst)\b|\bto\s+be\s+added\s+to\s+(?:my|the|our)\s+(?:allowed|approved|safe|trusted|white)\b|\b(?:whitelist|white\s+list|allow\s*list)\b[^\n]{0,80}\b(?:click|confirm|verify|bevestig)\b|\b(?:verify|confirm)\s+(?:that\s+)?you\s+are\s+(?:a\s+)?(?:human|real\s+person|not\s+a\s+robot)\b|\bbevestig\s+dat\s+u\s+(?:een\s+mens|geen\s+robot)\b|\bsender\s+verification\b|\bheld\s+(?:pending|until)\s+(?:you|verification|confirmation)\b|\b(?:boxbe|spamarrest|mailchannels\s+sender\s+verification)\b/i;

function reportRules(message: ParsedMessage): string[] {
  const rules: string[] = [];
  const { headers } = message;
  const contentType = headers['content-type'] ?? message.contentType;
  const reportType = /\breport-type\s*=\s*"?([\w-]+)/i.exec(contentType)?.[1]?.toLowerCase() ?? '';
  const parts = message.attachments.map((part) => part.contentType.toLowerCase());
  if (reportType === 'disposition-notification' || parts.some((type) => type.startsWith('message/disposition-notification'))) rules.push('auto_reply:read_receipt');
  if (reportType === 'feedback-report' || parts.some((type) => type.startsWith('message/feedback-report'))) rules.push('auto_reply:feedback_report');
  if (headers['tls-report-domain'] !== undefined || headers['tls-report-submitter'] !== undefined || parts.some((type) => type.startsWith('application/tlsrpt'))) {
    rules.push('auto_reply:tls_report');
  }
  const dmarcAttachment = message.attachments.some((part) => /![^!]+!\d{9,}!\d{9,}/.test(part.filename ?? ''));
  if (dmarcAttachment || /^\s*report\s+domain:\s*\S+/i.test(message.subject) || /\bdmarc\b[^\n]{0,40}\b(?:aggregate|report)\b/i.test(message.subject)) {
    rules.push('auto_reply:dmarc_report');
  }
  const deliveryReport = reportType === 'delivery-status' || parts.some((type) => /^message\/(?:global-)?delivery-status/.test(type));
  const text = `${message.subject}\n${message.text.slice(0, 4_000)}`;
  if (deliveryReport && (DELAY_TEXT.test(text) || /^\s*action:\s*delayed/im.test(text)) && !FAILURE_TEXT.test(text) && !/^\s*action:\s*failed/im.test(text)) {
    rules.push('auto_reply:delivery_delayed');
  }
  if (!deliveryReport && /\b(?:mail\s+delivery\s+warning|delivery\s+(?:status\s+notification\s+\(delay\)|delayed|warning)|warning:\s+(?:message|could\s+not\s+send)|vertraagde\s+bezorging|verz[öo]gerte\s+zustellung)\b/i.test(message.subject) && !FAILURE_TEXT.test(message.subject)) {
    rules.push('auto_reply:delivery_delayed');
  }
  if (isShort(message) && CHALLENGE_RESPONSE.test(text)) rules.push('auto_reply:challenge_response');
  return rules;
}

/**
 * Notices systems send to a mailbox: abuse and incident reports, scanner and monitor reports,
 * copyright notices. Judged by the sending account and the subject, never by words a person
 * might use. No-reply senders are not among them: web forms send people's complaints from
 * `noreply@` with the person in Reply-To (those are only not answered, see sender.ts).
 */
const AUTOMATED_SENDER = /^(?:abuse|autoreports?|monitor(?:ing)?|robot|daemon|notifications?|alerts?|security-?alerts?)(?:[-_.+].*)?$/i;
const NOTICE_SUBJECT =
  /\b(?:incident|abuse|monitor|scan|security|botnet|malware|phishing|infringement)\s+(?:report|notice|notification|alert)\b|\bnotice\s+of\s+(?:unauthori[sz]ed|claimed|copyright|infringement)\b|\bdmca\b|\bcopyright\s+infringement\b/i;
const IPV4 = /\b(?:\d{1,3}\.){3}\d{1,3}\b/;
/** Four or more hex groups with a letter or `::` (a clock time like 10:30:00 has neither). */
const IPV6 = /\b[0-9a-f]{1,4}(?::[0-9a-f]{0,4}){3,7}\b/gi;
const hasIpAddress = (text: string) => IPV4.test(text) || [...text.matchAll(IPV6)].some(([match]) => /[a-f]|::/i.test(match));

function automatedNoticeRules(message: ParsedMessage): string[] {
  const rules: string[] = [];
  const local = (message.from?.address ?? '').split('@')[0] ?? '';
  if (AUTOMATED_SENDER.test(local)) rules.push('auto_reply:automated_sender');
  if (NOTICE_SUBJECT.test(message.subject)) rules.push('auto_reply:automated_notice');
  if (hasIpAddress(message.subject)) rules.push('auto_reply:ip_address_in_subject');
  return rules;
}

/** Whether the message answers one of our replies: our Message-ID in its thread or our reference in its subject. */
function answersOurMail(message: ParsedMessage, ownDomain: string | undefined): boolean {
  if (ownDomain === undefined) return false;
  const thread = [message.inReplyTo, ...message.references].filter((id): id is string => id !== null);
  return thread.some((id) => complaintIdFromReplyMessageId(id, ownDomain) !== null) || COMPLAINT_ID_PATTERN.test(message.subject);
}

function autoReplyRules(message: ParsedMessage, answersOurs: boolean): string[] {
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
  const bodySignals = AUTO_REPLY_BODY.filter((pattern) => pattern.test(head)).length;
  if (isShort(message) && bodySignals >= MIN_AUTO_REPLY_BODY_SIGNALS) rules.push('auto_reply:body');
  // A short answer to our reply, or a message an Exchange inbox rule sent, that says "I am away
  // now" or "we answer within three working days" is a responder, whatever its subject.
  else if (isShort(message) && (answersOurs || headers['x-ms-exchange-inbox-rules-loop'] !== undefined) && RESPONDER_NOW.some((pattern) => pattern.test(head))) {
    rules.push('auto_reply:responder_answering');
  }
  return rules;
}

/**
 * Exchange marks system-generated mail with `X-MS-Exchange-Generated-Message-Source`. Its
 * `X-MS-Exchange-Inbox-Rules-Loop` only says an inbox rule handled the message: a rule that
 * forwards a colleague's mail sets it on mail a person wrote, so alone it is no evidence; an
 * inbox-rule out-of-office still carries `Auto-Submitted` or an automatic subject.
 */
function isExchangeLoop(headers: Record<string, string>): boolean {
  return headers['x-ms-exchange-generated-message-source'] !== undefined;
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
