import { isAutomaticKind } from './triage-result.ts';
import type { AutomaticKind, ContentKind, TriageFlag, TriageKind, TriageReply } from './triage-result.ts';

/**
 * Which automatic reply a message gets. Automatic mail and mail we cannot or must not answer
 * (our own mailbox, no sender, a no-reply address) get none. Acute danger overrides every other
 * reply, whatever the kind: the person needs 112 and 0800-2000 first.
 */
export interface ReplyInput {
  kind: TriageKind;
  contentKind: ContentKind | AutomaticKind;
  urgent: boolean;
  flags: readonly TriageFlag[];
  /** Why no reply may go out at all, or null. */
  suppressed: string | null;
}

export interface ReplyDecision {
  reply: TriageReply | null;
  rule: string;
}

export function chooseReply(input: ReplyInput): ReplyDecision {
  if (isAutomaticKind(input.kind)) {
    return { reply: null, rule: 'automatic_mail' };
  }
  if (input.suppressed !== null) return { reply: null, rule: input.suppressed };
  if (input.urgent) return { reply: 'urgent_redirect', rule: 'urgent' };
  if (input.kind === 'followup') return { reply: 'followup_received', rule: 'followup' };
  // Unsure what the message is: a neutral receipt, never a request for details or a wrong thanks.
  if (input.flags.includes('needs_review')) return { reply: 'message_received', rule: 'needs_review' };
  return replyForContent(input.kind, input.flags);
}

function replyForContent(kind: ContentKind, flags: readonly TriageFlag[]): ReplyDecision {
  switch (kind) {
    case 'complaint':
      if (flags.includes('anonymous')) return { reply: 'anonymous_registered', rule: 'anonymous_complaint' };
      if (flags.includes('missing_name') || flags.includes('missing_address')) {
        return { reply: 'request_details', rule: 'complaint_missing_details' };
      }
      return { reply: 'acknowledgement', rule: 'complete_complaint' };
    case 'compliment':
      return { reply: 'compliment_thanks', rule: 'compliment' };
    case 'idea':
      return { reply: 'idea_thanks', rule: 'idea' };
    case 'question':
      return { reply: 'question_received', rule: 'question' };
    case 'report':
      // A report of an unsafe situation is no complaint about the service: no Awb deadline, no
      // request for name or address (reporting to Veilig Thuis may be anonymous). The sender
      // hears it is passed on to Veilig Thuis, with 0800-2000; officers are alerted to route it.
      // Urgent reports got `urgent_redirect` above.
      return { reply: 'report_received', rule: 'report_passed_on' };
  }
}
