/**
 * The examples the spam net (src/domain/triage/spam-model.ts) learns from and is measured on:
 * every dev message labelled spam against every dev message a person wrote, read as triage reads
 * them. Out-of-office replies, bounces and bulk mail are left out: their own rules decide them.
 * Shared by `npm run train:spam` and `npm run eval:spam-model`; never the holdout.
 */
import { spamText } from '../../src/domain/triage/triage-message.ts';
import type { LabelledMessage } from './labelled-sets.ts';
import { parsedDevMessages } from './dev-messages.ts';

export interface SpamExample {
  group: string;
  id: string;
  text: string;
  raw: string;
  spam: boolean;
}

/** Spam and what people wrote; the other machine kinds have rules of their own. */
export function readBySpamNet(message: LabelledMessage): boolean {
  return !['auto_reply', 'bounce', 'bulk'].includes(message.label.kind);
}

export async function spamExamples(): Promise<SpamExample[]> {
  const examples: SpamExample[] = [];
  for await (const { message, parsed } of parsedDevMessages(readBySpamNet)) {
    examples.push({ group: message.group, id: message.id, text: spamText(parsed), raw: parsed.text, spam: message.label.kind === 'spam' });
  }
  return examples;
}
