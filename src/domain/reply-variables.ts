import type { Config } from '../config.ts';
import { AppError } from '../errors.ts';
import type { ComplaintRecord } from './complaint-record.ts';
import { lastEvent, type RecordEvent } from './record-events.ts';
import { formatLongDate } from './format-date.ts';
import type { Language, ReplyType } from './reply-types.ts';
import type { TemplateVariables } from './template-variables.ts';

/**
 * What a type that can go on paper needs besides its own variables: whether this is the printed
 * letter, and where the complainant writes or calls instead of replying to an e-mail.
 */
export function byPostVariables(config: Pick<Config, 'KLACHTENFUNCTIONARIS_ADDRESS' | 'KLACHTENFUNCTIONARIS_PHONE'>, byPost: boolean) {
  return { byPost, klachtenfunctionaris: { postalAddress: config.KLACHTENFUNCTIONARIS_ADDRESS, phone: config.KLACHTENFUNCTIONARIS_PHONE ?? null } };
}

/**
 * The variables of a complainant reply, built from the record. Only what we generate ourselves
 * goes in (reference, dates, what is missing, officer-written reasons): never the complainant's
 * words, subject, name or address.
 */
export function replyVariables(
  config: Pick<Config, 'VERTROUWENSPERSOON_PHONE' | 'VERTROUWENSPERSOON_EMAIL' | 'COMPLIMENTS_EMAIL' | 'KLACHTENFUNCTIONARIS_ADDRESS' | 'KLACHTENFUNCTIONARIS_PHONE'>,
  record: ComplaintRecord,
  history: RecordEvent[],
  type: ReplyType,
  lang: Language,
  options: { byPost?: boolean } = {},
): TemplateVariables[ReplyType] {
  const reference = record.id;
  const receivedDate = formatLongDate(record.receivedDate, lang);
  const vertrouwenspersoon = { phone: config.VERTROUWENSPERSOON_PHONE, email: config.VERTROUWENSPERSOON_EMAIL };
  const flags = record.triage?.flags ?? [];
  const deadline = record.deadline ? formatLongDate(record.deadline.deadline, lang) : receivedDate;
  const post = byPostVariables(config, options.byPost ?? false);
  switch (type) {
    case 'acknowledgement':
      return { reference, receivedDate, deadline, missing: { name: flags.includes('missing_name'), address: flags.includes('missing_address') }, ...post, vertrouwenspersoon };
    case 'request_details': {
      const missing = {
        name: flags.includes('missing_name'),
        address: flags.includes('missing_address'),
        incidentDate: false,
        description: flags.includes('missing_description'),
      };
      if (!missing.name && !missing.address && !missing.description) missing.name = true;
      return { reference, receivedDate, deadline, missing, ...post, vertrouwenspersoon };
    }
    case 'anonymous_registered':
      return { reference, receivedDate, ...post, vertrouwenspersoon };
    case 'followup_received':
      return { reference, receivedDate, vertrouwenspersoon };
    case 'compliment_thanks':
    case 'idea_thanks':
      return { reference, complimentsEmail: config.COMPLIMENTS_EMAIL };
    case 'question_received':
    case 'report_received':
    case 'message_received':
      return { reference };
    case 'urgent_redirect':
      // An urgent complaint is still a complaint: the acknowledgement's content follows the 112 text.
      return { reference, isComplaint: record.deadline !== null, receivedDate, deadline, vertrouwenspersoon };
    case 'extension_notice': {
      const extended = lastEvent(history, 'extended')?.data;
      const weeks = extended?.weeks ?? record.deadline?.extensionWeeks ?? 0;
      const reason = extended?.reason ?? '';
      if (weeks < 1 || !reason.trim()) {
        throw new AppError('extension_not_recorded', `No extension is recorded for ${reference}; extend it with "complaints extend" first.`, { permanent: true });
      }
      return { reference, newDeadline: deadline, weeks, reason, vertrouwenspersoon };
    }
    case 'not_handled_notice':
      return { reference, receivedDate, reason: lastEvent(history, 'not_handled')?.data.reason ?? '-', vertrouwenspersoon };
    default:
      throw new AppError('reply_type_unknown', `No variables for reply type ${String(type)}.`, { permanent: true });
  }
}
