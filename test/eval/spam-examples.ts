/**
 * The examples the spam net (src/domain/triage/spam-model.ts) learns from and is measured on:
 * every dev message labelled spam against every dev message a person wrote, read as triage reads
 * them. Out-of-office replies, bounces and bulk mail are left out: their own rules decide them.
 * Shared by `npm run train:spam` and `npm run eval:spam-model`; never the holdout.
 */
import { readFileSync } from 'node:fs';
import { parseRawMessage } from '../../src/adapters/message-parser.ts';
import { spamText } from '../../src/domain/triage/triage-message.ts';
import { loadSet } from './labelled-sets.ts';

export interface SpamExample {
  group: string;
  id: string;
  text: string;
  raw: string;
  spam: boolean;
}

export async function spamExamples(): Promise<SpamExample[]> {
  const examples: SpamExample[] = [];
  for (const message of loadSet('dev')) {
    const kind = message.label.kind;
    if (kind === 'auto_reply' || kind === 'bounce' || kind === 'bulk') continue;
    const parsed = await parseRawMessage(readFileSync(message.path));
    examples.push({ group: message.group, id: message.id, text: spamText(parsed), raw: parsed.text, spam: kind === 'spam' });
  }
  return examples;
}
