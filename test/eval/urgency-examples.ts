/**
 * The examples the urgency safety net learns from and is measured on: every dev message a person
 * wrote (machine mail and spam never get an urgent reply), read as triage reads it. Shared by
 * `npm run train:urgency` and `npm run eval:urgency-model`; never the holdout.
 */
import { messageBody, messageUrgency } from '../../src/domain/triage/triage-message.ts';
import { isAutomaticKind } from '../../src/domain/triage/triage-result.ts';
import { modelText } from '../../src/domain/triage/urgency-model.ts';
import { EVAL_CONTEXT } from './labelled-sets.ts';
import { parsedDevMessages } from './dev-messages.ts';

export interface UrgencyExample {
  group: string;
  text: string;
  urgent: boolean;
  /** Whether the rules alone, without the safety net, call it urgent. */
  byRules: boolean;
}

export async function urgencyExamples(): Promise<UrgencyExample[]> {
  const examples: UrgencyExample[] = [];
  for await (const { message, parsed } of parsedDevMessages((candidate) => !isAutomaticKind(candidate.label.kind))) {
    const body = messageBody(parsed, EVAL_CONTEXT);
    const byRules = messageUrgency(parsed, body, new Date(message.label.receivedAt)).rules.some((rule) => rule !== 'learned_words');
    examples.push({ group: message.group, text: modelText(parsed.subject, body.allText), urgent: message.label.urgent, byRules });
  }
  return examples;
}
