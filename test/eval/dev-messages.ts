/**
 * The dev messages a learned net is trained and measured on, each parsed as intake parses it.
 * Shared by urgency-examples.ts and spam-examples.ts; never the holdout.
 */
import { readFileSync } from 'node:fs';
import { parseRawMessage } from '../../src/adapters/message-parser.ts';
import type { ParsedMessage } from '../../src/domain/parsed-message.ts';
import { loadSet, type LabelledMessage } from './labelled-sets.ts';

export async function* parsedDevMessages(include: (message: LabelledMessage) => boolean): AsyncGenerator<{ message: LabelledMessage; parsed: ParsedMessage }> {
  for (const message of loadSet('dev')) {
    if (include(message)) yield { message, parsed: await parseRawMessage(readFileSync(message.path)) };
  }
}
