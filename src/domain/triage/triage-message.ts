import type { ParsedMessage } from '../parsed-message.ts';
import { asksAnonymity } from './anonymity.ts';
import { hasDocument, hasTnef, realAttachments } from './attachments.ts';
import { detectAutomaticMail } from './automatic-mail.ts';
import type { AutomaticVerdict } from './automatic-mail.ts';
import { amsterdamDay } from '../calendar-date.ts';
import { findCaseReference } from './case-reference.ts';
import { extractComplainant } from './complainant.ts';
import { isCompleteAddress } from '../postal-address.ts';
import { hasForeignReplyTo } from '../mail-address.ts';
import type { ComplainantFindings } from './complainant.ts';
import { findIncidentDate, isOverOneYear } from './dates.ts';
import { lacksDescription } from './description.ts';
import { findEmployees } from './employees.ts';
import { classifyContent } from './kind.ts';
import { detectLanguage } from './language.ts';
import { splitMessageBody } from './message-body.ts';
import type { MessageBody } from './message-body.ts';
import { chooseReply } from './reply.ts';
import { senderSuppression } from './sender.ts';
import { learnedSpamRules } from './spam-model.ts';
import type { ContentKind, TriageContext, TriageFlag, TriageKind, TriageResult } from './triage-result.ts';
import { detectUrgency } from './urgency.ts';
import { modelText } from './urgency-model.ts';
import type { Urgency } from './urgency.ts';

export type { TriageContext, TriageResult } from './triage-result.ts';

/**
 * The rules read at most this much text: a complaint states who, where and what early on, and
 * the bound keeps triage fast on pathological input. Officers still see the whole message.
 */
const MAX_ANALYSED_CHARS = 100_000;

/**
 * Triage of one parsed message: pure, deterministic for a given context. Order matters:
 * automatic mail is recognised first (it never gets a reply, even when it quotes a complaint or
 * points at our reply), then a reference to an existing complaint, then what a person wrote.
 */
export function triageMessage(message: ParsedMessage, context: TriageContext): TriageResult {
  const body = messageBody(message, context);
  const forwardedSender = body.forwarded && { name: body.forwarded.fromName, email: body.forwarded.fromEmail };
  const automatic = detectAutomaticMail(message, forwardedSender, { ownDomain: context.ownDomain, ...(context.spamSclThreshold === undefined ? {} : { spamSclThreshold: context.spamSclThreshold }) });
  // Spam guessed from the content alone (unsolicited-mail.ts) never outranks danger the rules name
  // clearly: a person in danger whose words happen to fit a scheme still gets the urgent reply.
  // (Not the learned net's or the soft signs' verdict: they were made on people's mail and read a
  // scam's "urgent, reply today" as fear.)
  const guessedSpam = automatic !== null && automatic.rules.every((rule) => rule.startsWith('spam:unsolicited_'));
  if (automatic !== null && !(guessedSpam && dangerByRules(messageUrgency(message, body, context.receivedAt)))) return automaticResult(message, body, automatic, context);
  const spam = automatic === null ? learnedSpam(message, body, context) : [];
  if (spam.length > 0) return automaticResult(message, body, { kind: 'spam', rules: spam }, context);
  return personResult(message, body, context);
}

/** What the spam net reads: the subject and the whole text, quotes and signatures included. */
export function spamText(message: Pick<ParsedMessage, 'subject' | 'text'>): string {
  return modelText(message.subject, analysedText(message));
}

function analysedText(message: Pick<ParsedMessage, 'text'>): string {
  return message.text.slice(0, MAX_ANALYSED_CHARS);
}

/**
 * Danger the rules name clearly: a threat to life, a weapon or suicide, or two danger rules
 * together. A scam's "please help the children" or a pitch quoting "huiselijk geweld" as a search
 * term names one softer rule at most (batch-35).
 */
function dangerByRules(urgency: Urgency): boolean {
  const named = urgency.rules.filter((rule) => rule !== 'learned_words' && rule !== 'accumulated_signs');
  return named.length >= 2 || named.some((rule) => rule === 'threat_to_life' || rule === 'weapon' || rule === 'suicide');
}

/** The spam net's verdict, never over danger or a reference to a complaint (spam-model.ts). */
function learnedSpam(message: ParsedMessage, body: MessageBody, context: TriageContext): string[] {
  const rules = learnedSpamRules(spamText(message), analysedText(message));
  if (rules.length === 0) return [];
  if (findCaseReference(message, body.allText, context.ownDomain) !== null) return [];
  return messageUrgency(message, body, context.receivedAt).urgent ? [] : rules;
}

/** What triage reads of a message: the sender's own text, the forward inside it, quotes of our replies cut. */
export function messageBody(message: ParsedMessage, context: Pick<TriageContext, 'ownDomain'>): MessageBody {
  return splitMessageBody(analysedText(message), message.subject, message.hasHtml, context.ownDomain);
}

function automaticResult(message: ParsedMessage, body: MessageBody, verdict: AutomaticVerdict, context: TriageContext): TriageResult {
  const attached = attachmentFlags(message);
  const flags = attached.map((entry) => entry.flag);
  // Which of our replies bounced or was answered automatically, from headers and subject only:
  // a bounce's body quotes our reply, which proves nothing about the sender.
  const reference = findCaseReference(message, '', context.ownDomain);
  return {
    kind: verdict.kind,
    contentKind: verdict.kind,
    urgent: false,
    language: detectLanguage(`${message.subject}\n${body.own}`),
    complainant: { name: null, email: message.from?.address ?? null, phone: null, address: null },
    incidentDate: null,
    employees: [],
    caseRef: reference?.caseRef ?? null,
    referenceSource: reference?.source ?? null,
    flags,
    reply: null,
    reasons: [
      ...verdict.rules.map((rule) => `kind:${rule}`),
      ...attached.map((entry) => `flag:${entry.flag}:${entry.rule}`),
      'reply:none:automatic_mail',
    ],
  };
}

function personResult(message: ParsedMessage, body: MessageBody, context: TriageContext): TriageResult {
  const decided = decideKind(message, body, context);
  const reasons = [...decided.reasons];
  const anonymous = asksAnonymity(body.allText, message.subject);
  const findings = extractComplainant(message, body, context.ownDomain, anonymous);
  reasons.push(...findings.rules);
  const incident = findIncidentDate(`${message.subject}\n${body.complainantText}`, context.receivedAt);
  if (incident !== null) reasons.push(`date:${incident.rule}`);

  const flagged = contentFlags({ body, message, kind: decided.contentKind, anonymous, findings, urgent: decided.urgent });
  if (decided.needsReview) flagged.push({ flag: 'needs_review', rule: 'weak_or_conflicting_evidence' });
  if (incident !== null && decided.contentKind === 'complaint' && isOverOneYear(incident, context.receivedAt)) {
    flagged.push({ flag: 'incident_over_one_year', rule: 'awb_9_8' });
  }
  const flags = orderFlags(flagged.map((entry) => entry.flag));
  reasons.push(...flagged.map((entry) => `flag:${entry.flag}:${entry.rule}`));

  const suppressed = senderSuppression(message, context);
  const decision = chooseReply({ kind: decided.kind, contentKind: decided.contentKind, urgent: decided.urgent, flags, suppressed });
  reasons.push(`reply:${decision.reply ?? 'none'}:${decision.rule}`);
  if (hasForeignReplyTo(message.from, message.replyTo)) reasons.push('sender:reply_to_other_domain_not_answered');

  return {
    kind: decided.kind,
    contentKind: decided.contentKind,
    urgent: decided.urgent,
    language: detectLanguage(`${message.subject}\n${body.allText}`),
    complainant: findings.complainant,
    incidentDate: incident?.iso ?? null,
    employees: findEmployees(body.allText, findings.complainant.name === null ? [] : [findings.complainant.name]),
    caseRef: decided.reference?.caseRef ?? null,
    referenceSource: decided.reference?.source ?? null,
    flags,
    reply: decision.reply,
    reasons,
  };
}

/** Acute danger in what the sender wrote, read against the receipt day (a year or month named is past or not). */
export function messageUrgency(message: Pick<ParsedMessage, 'subject'>, body: Pick<MessageBody, 'allText'>, receivedAt: Date): Urgency {
  const receipt = amsterdamDay(receivedAt);
  return detectUrgency(body.allText, receipt.year, message.subject, receipt.month);
}

/** Urgency first (it can make a message a report), then content, then a reference. */
function decideKind(message: ParsedMessage, body: MessageBody, context: TriageContext) {
  const urgency = messageUrgency(message, body, context.receivedAt);
  // Soft signs alone make the reply urgent but do not turn a message with a clear kind into a
  // report; one that is only a question or unclear is someone asking for help: a report.
  const clearDanger = urgency.rules.some((rule) => rule !== 'accumulated_signs');
  const classify = (urgent: boolean) => classifyContent(body.allText, message.subject, urgent, hasDocument(message.attachments), isCalendarInvite(message));
  const first = classify(clearDanger);
  const content = urgency.urgent && !clearDanger && (first.needsReview || first.kind === 'question') ? classify(true) : first;
  const reference = findCaseReference(message, body.allText, context.ownDomain);
  const reasons = [`kind:${content.kind}:${content.rule}`, ...content.signals.map((id) => `signal:${id}`)];
  if (reference !== null) reasons.push(`kind:followup:reference_in_${reference.source}`);
  reasons.push(...urgency.rules.map((rule) => `urgent:${rule}`));
  const kind: TriageKind = reference !== null ? 'followup' : content.kind;
  return { kind, contentKind: content.kind, urgent: urgency.urgent, needsReview: content.needsReview && reference === null, reference, reasons };
}

/** A meeting request: a calendar part, or the subject calendar software writes. */
function isCalendarInvite(message: ParsedMessage): boolean {
  return (
    message.attachments.some((part) => /^(?:text\/calendar|application\/ics)/i.test(part.contentType)) ||
    /^\s*(?:uitnodiging|bijgewerkte\s+uitnodiging|invitation|updated\s+invitation|accepted|geaccepteerd|declined|geweigerd)\s*:/i.test(message.subject)
  );
}

interface FlagInput {
  body: MessageBody;
  message: ParsedMessage;
  kind: ContentKind;
  anonymous: boolean;
  findings: ComplainantFindings;
  urgent: boolean;
}

/** Flags from the content; the complaint-procedure flags (Awb 9:4) only for complaints. */
function contentFlags(input: FlagInput): { flag: TriageFlag; rule: string }[] {
  const out: { flag: TriageFlag; rule: string }[] = [];
  const { complainant } = input.findings;
  if (input.kind === 'complaint') {
    if (complainant.name === null) out.push({ flag: 'missing_name', rule: 'no_name_found' });
    if (!isCompleteAddress(complainant.address)) {
      out.push({ flag: 'missing_address', rule: complainant.address === null ? 'no_address_found' : 'incomplete_address' });
    }
    if (lacksDescription(input.body.complainantText) && !hasDocument(input.message.attachments)) {
      out.push({ flag: 'missing_description', rule: 'too_short' });
    }
  }
  if (input.anonymous) out.push({ flag: 'anonymous', rule: 'asks_anonymity' });
  if (input.urgent) out.push({ flag: 'urgent_safety', rule: 'acute_danger' });
  out.push(...attachmentFlags(input.message));
  return out;
}

function attachmentFlags(message: ParsedMessage): { flag: TriageFlag; rule: string }[] {
  const flags: { flag: TriageFlag; rule: string }[] = [];
  if (realAttachments(message.attachments).length > 0) flags.push({ flag: 'has_attachments', rule: 'attachment' });
  if (hasTnef(message.attachments)) flags.push({ flag: 'tnef', rule: 'winmail_dat' });
  return flags;
}

const FLAG_ORDER: readonly TriageFlag[] = [
  'urgent_safety', 'needs_review', 'anonymous', 'missing_name', 'missing_address', 'missing_description',
  'incident_over_one_year', 'unverified_reference', 'has_attachments', 'tnef',
];

function orderFlags(flags: readonly TriageFlag[]): TriageFlag[] {
  return FLAG_ORDER.filter((flag) => flags.includes(flag));
}
