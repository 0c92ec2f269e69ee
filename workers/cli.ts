import { readFile } from 'node:fs/promises';
import { loadConfig } from '../src/config.ts';
import { AppError, errorCode } from '../src/errors.ts';
import { makeLogger } from '../src/log.ts';
import { TEMPLATES_DIR } from '../src/adapters/templates/layout.ts';
import { loadTemplates, type TemplateSet } from '../src/adapters/templates/load-templates.ts';
import { checkCommand, OFFLINE_COMMANDS, parseCli, USAGE } from '../src/cli/args.ts';
import type { CliDeps, CliIo, CommandInput, OfflineCommand, OnlineCommand } from '../src/cli/command.ts';
import { listComplaints } from '../src/cli/commands/complaints-list.ts';
import { showComplaint } from '../src/cli/commands/complaints-show.ts';
import { deadlineCommand } from '../src/cli/commands/deadline.ts';
import { digestCommand } from '../src/cli/commands/digest.ts';
import { hearingWaivedCommand, heardCommand } from '../src/cli/commands/hearing.ts';
import { mailboxCheckCommand } from '../src/cli/commands/mailbox-check.ts';
import * as officer from '../src/cli/commands/officer-actions.ts';
import { purgeExpiredCommand } from '../src/cli/commands/purge-expired.ts';
import { registerCommand } from '../src/cli/commands/register.ts';
import { reportCommand } from '../src/cli/commands/report.ts';
import { retriageCommand } from '../src/cli/commands/retriage.ts';
import { templatesPreviewCommand } from '../src/cli/commands/templates-preview.ts';
import { triageCommand } from '../src/cli/commands/triage.ts';
import { writeLetterCommand } from '../src/cli/commands/write-letter.ts';
import { flushed, terminalSafe } from '../src/cli/terminal-output.ts';
import { runConsoleCommand } from './console-cli.ts';
import { processedFolder } from './mailbox-wiring.ts';
import { openRuntime, type Runtime } from './runtime.ts';

/**
 * `npm run cli -- <command>`: routes to one module per command (src/cli/commands/), opening
 * Redis only for the commands that need it, and closing it after.
 */

// Everything printed passes terminalSafe: record fields come from strangers' mail.
const io: CliIo = {
  out: (text) => void process.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`)),
  json: (value) => io.out(JSON.stringify(value, null, 2)),
  raw: (text) => void process.stdout.write(text),
  readInput,
  readStdin,
};

const OFFLINE: Record<string, OfflineCommand> = {
  triage: triageCommand,
  deadline: deadlineCommand,
  'templates preview': templatesPreviewCommand,
};

const ONLINE: Record<string, OnlineCommand> = {
  'complaints list': listComplaints,
  'complaints show': showComplaint,
  'complaints purge-expired': purgeExpiredCommand,
  'complaints retriage': retriageCommand,
  'complaints extend': officer.extendCommand,
  'complaints committee': officer.committeeCommand,
  'complaints close': officer.closeCommand,
  'complaints reopen': officer.reopenCommand,
  'complaints assign': officer.assignCommand,
  'complaints not-handled': officer.notHandledCommand,
  'complaints note': officer.noteCommand,
  'complaints correct-triage': officer.correctTriageCommand,
  'complaints write': writeLetterCommand,
  'complaints heard': heardCommand,
  'complaints hearing-waived': hearingWaivedCommand,
  'complaints register': registerCommand,
  digest: digestCommand,
  report: reportCommand,
  'mailbox check': mailboxCheckCommand,
};

/** Redis that does not answer would make every command wait for ever (ioredis retries without limit). */
const CONNECT_TIMEOUT_MS = 10_000;

async function readInput(file: string): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : await readFile(file);
  } catch (error) {
    throw new AppError('file_unreadable', `Cannot read ${file} (${errorCode(error)}).`, { cause: error, permanent: true });
  }
}

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

function cliDeps(rt: Runtime): CliDeps {
  let templates: TemplateSet | null = null;
  return {
    config: rt.config,
    log: rt.log,
    clock: rt.clock,
    store: rt.store,
    state: rt.state,
    queues: rt.queues,
    mailer: rt.mailer,
    folder: processedFolder(rt),
    templates: () => (templates ??= loadTemplates(TEMPLATES_DIR)),
  };
}

async function openWithin(ms: number): Promise<Runtime> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(
      () => reject(new AppError('redis_unavailable', `Redis at REDIS_URL did not answer within ${ms / 1000} s. Check that it runs and that REDIS_URL points at it.`, { permanent: true })),
      ms,
    );
  });
  try {
    return await Promise.race([openRuntime({ log: makeLogger({ level: 'warn' }) }), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCli(argv);
  const command = positionals[0];
  if (!command || values.help) return io.out(USAGE);
  checkCommand(positionals);
  const input: CommandInput = { positionals, values, actor: values.as ?? process.env['USER'] ?? 'officer', io };
  const name = [command, positionals[1]].filter(Boolean).join(' ');
  if (OFFLINE_COMMANDS.includes(command)) {
    const offline = OFFLINE[name] ?? OFFLINE[command];
    if (!offline) throw new AppError('usage', `Unknown command "${name}".\n\n${USAGE}`, { permanent: true });
    return offline(input, () => loadConfig());
  }
  const rt = await openWithin(CONNECT_TIMEOUT_MS);
  try {
    if (command === 'officers' || command === 'audit') return io.out(await runConsoleCommand(rt, command, positionals, values, { actor: input.actor, readStdin }));
    const online = ONLINE[name] ?? ONLINE[command];
    if (!online) throw new AppError('usage', `Unknown command "${name}".\n\n${USAGE}`, { permanent: true });
    await online(cliDeps(rt), input);
  } finally {
    await rt.close();
  }
}

/** Exits only once stdout and stderr are written out: a pipe must get every byte. */
async function exitAfterOutput(code: number): Promise<never> {
  process.stdout.on('error', () => {});
  await Promise.all([flushed(process.stdout), flushed(process.stderr)]);
  process.exit(code);
}

main(process.argv.slice(2)).then(
  () => exitAfterOutput(0),
  (error: unknown) => {
    process.stderr.write(terminalSafe(`klachtenopvang: ${error instanceof AppError ? error.message : `failed (${errorCode(error)})`}\n`));
    return exitAfterOutput(error instanceof AppError && error.code === 'usage' ? 2 : 1);
  },
);
