import { parseRawMessage } from './message-parser.ts';
import { triageMessage } from '../domain/triage/triage-message.ts';
import type { TriageContext, TriageResult } from '../domain/triage/triage-result.ts';

/**
 * Raw message bytes to a TriageResult, for the `triage` dry run and tests. A message that is
 * not MIME at all rejects with the parser's `parse_error`.
 */
export async function triageRawMessage(raw: Buffer, context: TriageContext): Promise<TriageResult> {
  const message = await parseRawMessage(raw);
  return triageMessage(message, context);
}
