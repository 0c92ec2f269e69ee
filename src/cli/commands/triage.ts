import { z } from 'zod';
import { errorCode } from '../../errors.ts';
import type { TriageResult } from '../../domain/triage/triage-result.ts';
import { triageRawMessage } from '../../adapters/triage-raw-message.ts';
import type { OfflineCommand } from '../command.ts';
import { need, text } from '../input.ts';
import { messageFiles } from '../triage-files.ts';

/** `triage <file.eml|folder|-> [--json]`: what triage decides, without servers and without storing anything. */
const TriageInput = z.tuple([text('a file name, a folder of .eml files, or - for standard input')], z.string());

const summary = (result: TriageResult) => `${result.kind}${result.urgent ? ' (URGENT)' : ''}  reply=${result.reply ?? 'none'}  flags=${result.flags.join(',') || '-'}`;

export const triageCommand: OfflineCommand = async ({ positionals, values, io }, config) => {
  const paths = need(TriageInput, positionals.slice(1), 'triage');
  const input = { files: paths, json: values.json === true };
  const context = { ...config().triage, receivedAt: new Date() };
  const files = await messageFiles(input.files);
  if (files.length === 1 && input.files.length === 1 && files[0] === input.files[0]) {
    const result = await triageRawMessage(await io.readInput(files[0] ?? '-'), context);
    if (input.json) io.json(result);
    else io.out(`${summary(result)}\nreasons: ${result.reasons.join(', ')}`);
    return;
  }
  // Several files or a folder: one line per message, in one process; a message that cannot be
  // read or parsed gets its error code on its line and the run goes on.
  for (const file of files) {
    const result = await io.readInput(file).then((raw) => triageRawMessage(raw, context)).catch((error: unknown) => ({ error: errorCode(error) }));
    if ('error' in result) io.out(input.json ? JSON.stringify({ file, error: result.error }) : `${file}  error=${result.error}`);
    else io.out(input.json ? JSON.stringify({ file, ...result }) : `${file}  ${summary(result)}`);
  }
};
