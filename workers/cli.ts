import { readFile } from 'node:fs/promises';
import { z } from 'zod';
import { loadConfig } from '../src/config.ts';
import { AppError, errorCode } from '../src/errors.ts';
import { makeLogger } from '../src/log.ts';
import { amsterdamDateOf } from '../src/domain/calendar-date.ts';
import { makeEvent, RecordStatusSchema } from '../src/domain/complaint-record.ts';
import { computeDeadline, DeadlineCommandInput, type Route } from '../src/domain/deadlines.ts';
import { ComplaintIdSchema, LanguageSchema, TEMPLATE_TYPES, type TemplateType } from '../src/domain/reply-types.ts';
import { messageFiles } from '../src/cli/triage-files.ts';
import type { TriageResult } from '../src/domain/triage/triage-result.ts';
import { triageRawMessage } from '../src/adapters/triage-raw-message.ts';
import { deadlinePolicy } from '../src/domain/plan-clock.ts';
import { retriageRecords } from '../src/app/retriage.ts';
import { buildRegisterReport, registerCsv, registerRows } from '../src/domain/register-report.ts';
import * as actions from '../src/app/officer-actions.ts';
import { buildDigest, sendDigest } from '../src/app/digest.ts';
import { checkProcessedMailbox } from '../src/app/mailbox-check.ts';
import { purgeExpired, type PurgeResult } from '../src/app/purge-expired.ts';
import { TEMPLATES_DIR } from '../src/adapters/templates/layout.ts';
import { loadTemplates } from '../src/adapters/templates/load-templates.ts';
import { formatPreview, renderPreview } from '../src/adapters/templates/preview.ts';
import { formatRecord, formatRecordList, recordSummary } from '../src/cli/format.ts';
import { checkCommand, OFFLINE_COMMANDS, parseCli, USAGE, type CliValues } from '../src/cli/args.ts';
import { outcomeCategory, runHandlingCommand } from '../src/cli/handling-commands.ts';
import { flushed, terminalSafe } from '../src/cli/terminal-output.ts';
import { processedFolder } from './mailbox-wiring.ts';
import { openRuntime, type Runtime } from './runtime.ts';
import { runConsoleCommand } from './console-cli.ts';
import { TriageFlagSchema, TriageKindSchema } from '../src/domain/triage/triage-result.ts';

// Everything printed passes terminalSafe: record fields come from strangers' mail.
const out = (text: string): void => void process.stdout.write(terminalSafe(text.endsWith('\n') ? text : `${text}\n`));
const json = (value: unknown): void => out(JSON.stringify(value, null, 2));

function need<T>(schema: z.ZodType<T>, value: unknown, what: string): T {
  const parsed = schema.safeParse(value);
  if (!parsed.success) throw new AppError('usage', `${what}: ${parsed.error.issues.map((i) => i.message).join('; ')}`, { permanent: true });
  return parsed.data;
}

const text = (what: string) => z.string({ error: `${what} is required` }).trim().min(1, `${what} may not be empty`);
/** `complaints correct-triage` options; a field left out stays as it is, an empty --name or --phone clears it. */
const TriageCorrectionOptions = z.object({
  kind: TriageKindSchema.optional(),
  urgent: z.enum(['true', 'false'], { error: '--urgent is true or false' }).optional().transform((v) => (v === undefined ? undefined : v === 'true')),
  flags: z.string().optional().transform((v) => (v === undefined ? undefined : v.split(',').map((f) => f.trim()).filter(Boolean))).pipe(z.array(TriageFlagSchema).optional()),
  name: z.string().trim().optional().transform((v) => (v === undefined ? undefined : v || null)),
  phone: z.string().trim().optional().transform((v) => (v === undefined ? undefined : v || null)),
});
const actorOf = (values: CliValues) => values.as ?? process.env['USER'] ?? 'officer';
/** Redis that does not answer would make every command wait for ever (ioredis retries without limit). */
const CONNECT_TIMEOUT_MS = 10_000;

async function readInput(file: string): Promise<Buffer> {
  try {
    return file === '-' ? await readStdin() : await readFile(file);
  } catch (error) {
    throw new AppError('file_unreadable', `Cannot read ${file} (${errorCode(error)}).`, { cause: error, permanent: true });
  }
}

async function offline(command: string, positionals: string[], values: CliValues): Promise<boolean> {
  if (command === 'triage') {
    need(text('a file name, a folder of .eml files, or - for standard input'), positionals[1], 'triage');
    const config = loadConfig();
    const files = await messageFiles(positionals.slice(1));
    const single = files.length === 1 && positionals.length === 2 && files[0] === positionals[1];
    const summary = (result: TriageResult) => `${result.kind}${result.urgent ? ' (URGENT)' : ''}  reply=${result.reply ?? 'none'}  flags=${result.flags.join(',') || '-'}`;
    if (single) {
      const result = await triageRawMessage(await readInput(files[0] ?? '-'), { ...config.triage, receivedAt: new Date() });
      if (values.json) json(result);
      else out(`${summary(result)}\nreasons: ${result.reasons.join(', ')}`);
      return true;
    }
    // Several files or a folder: one line per message, in one process; a message that cannot be
    // read or parsed gets its error code on its line and the run goes on.
    for (const file of files) {
      const result = await readInput(file).then((raw) => triageRawMessage(raw, { ...config.triage, receivedAt: new Date() })).catch((error: unknown) => ({ error: errorCode(error) }));
      if ('error' in result) out(values.json ? JSON.stringify({ file, error: result.error }) : `${file}  error=${result.error}`);
      else out(values.json ? JSON.stringify({ file, ...result }) : `${file}  ${summary(result)}`);
    }
    return true;
  }
  if (command === 'deadline') {
    const input = need(DeadlineCommandInput, { received: values.received, route: values.route, extendWeeks: values['extend-weeks'] }, 'deadline');
    const config = loadConfig();
    const result = computeDeadline({ received: input.received, route: input.route as Route, extensionWeeks: input.extendWeeks, policy: deadlinePolicy(config) });
    const view = { received: result.received, route: result.route, extensionWeeks: result.extensionWeeks, deadline: result.deadline, shiftedFrom: result.shiftedFrom, reason: result.reason };
    if (values.json) json(view);
    else out(`deadline ${view.deadline}${view.shiftedFrom ? ` (moved from ${view.shiftedFrom})` : ''}\n${view.reason}`);
    return true;
  }
  if (command === 'templates') {
    if (positionals[1] !== 'preview') throw new AppError('usage', 'Use: templates preview <type> [--lang nl|en]', { permanent: true });
    const type = need(z.enum(TEMPLATE_TYPES as [TemplateType, ...TemplateType[]], { error: `type must be one of: ${TEMPLATE_TYPES.join(', ')}` }), positionals[2], 'templates preview');
    const lang = need(z.enum(LanguageSchema.options, { error: '--lang must be nl or en' }).default('nl'), values.lang, '--lang');
    out(formatPreview(type, lang, renderPreview(TEMPLATES_DIR, type, lang)));
    return true;
  }
  return false;
}

async function online(rt: Runtime, command: string, positionals: string[], values: CliValues): Promise<void> {
  const deps = { store: rt.store, state: rt.state, queues: rt.queues, config: rt.config, log: rt.log, clock: rt.clock, mailer: rt.mailer };
  const id = () => need(z.string({ error: 'give the reference, like KL-2026-00042' }).pipe(ComplaintIdSchema), positionals[2]?.toUpperCase(), 'reference');
  const actor = actorOf(values);
  if (command === 'complaints') {
    const sub = positionals[1];
    if (sub === 'list') {
      const status = values.status === undefined ? undefined : need(RecordStatusSchema, values.status, '--status');
      const limit = need(z.coerce.number().int().min(1).max(10_000).default(100), values.limit, '--limit');
      // The deadline and sender indexes answer "what is due" and "what else did this person send".
      const dueWithin = values['due-within'] === undefined ? undefined : need(z.coerce.number({ error: '--due-within must be a number of days' }).int().min(0).max(3650), values['due-within'], '--due-within');
      const sender = values.sender === undefined ? undefined : need(z.email({ error: '--sender must be an e-mail address' }), values.sender, '--sender');
      let ids = await rt.store.listIds({ ...(status ? { status } : {}), ...(dueWithin === undefined && sender === undefined ? { limit } : {}) });
      if (dueWithin !== undefined) {
        const today = Date.parse(`${amsterdamDateOf(rt.clock.now())}T00:00:00Z`) / 86_400_000;
        const due = new Set(await rt.store.idsWithDeadlineUntil(today + dueWithin));
        ids = ids.filter((candidate) => due.has(candidate));
      }
      if (sender !== undefined) {
        const fromSender = new Set(await rt.store.idsBySender(sender));
        ids = ids.filter((candidate) => fromSender.has(candidate));
      }
      const records = await rt.store.getMany(ids.slice(0, limit));
      return values.json ? json(records.map(recordSummary)) : out(formatRecordList(records));
    }
    if (sub === 'show') {
      const record = await rt.store.require(id());
      await rt.store.appendEvents(record.id, [makeEvent('viewed', actor)]);
      const events = await rt.store.events(record.id);
      return values.json ? json({ ...record, events }) : out(formatRecord(record, events));
    }
    if (sub === 'purge-expired') {
      const result = await purgeExpired(deps, { dryRun: values['dry-run'] === true, actor });
      return values.json ? json(result) : out(describePurge(result));
    }
    if (sub === 'retriage') {
      const ids = values.all ? await rt.store.listIds({ newestFirst: false }) : [id()];
      return json(await retriageRecords(deps, ids, actor));
    }
    if (sub === 'extend') {
      const weeks = need(z.coerce.number({ error: '--weeks must be a number' }).int().min(1, '--weeks is 1 to 4').max(4, '--weeks is at most 4 (Awb 9:11)'), values.weeks, '--weeks');
      const record = await actions.extendComplaint(deps, { id: id(), weeks, reason: need(text('--reason'), values.reason, '--reason'), actor });
      return out(`${record.id} extended by ${weeks} weeks; new deadline ${record.deadline?.deadline}. The complainant and officers are notified.`);
    }
    if (sub === 'committee') {
      const record = await actions.moveToCommittee(deps, { id: id(), actor, ...(values.reason ? { reason: values.reason } : {}) });
      return out(`${record.id} is on the committee route; deadline ${record.deadline?.deadline}.`);
    }
    if (sub === 'close') {
      const complaintId = id();
      const outcome = outcomeCategory(values.outcome);
      const record = await actions.closeComplaint(deps, {
        id: complaintId,
        actor,
        ...(outcome ? { outcome } : {}),
        ...(values.summary ? { summary: values.summary } : {}),
        ...(values['no-letter'] !== undefined ? { noLetterReason: need(text('--no-letter'), values['no-letter'], '--no-letter') } : {}),
      });
      return out(`${record.id} closed.`);
    }
    const handled = await runHandlingCommand({ ...deps, loadTemplates: () => loadTemplates(TEMPLATES_DIR) }, sub, id, values, actor);
    if (handled !== null) return out(handled);
    if (sub === 'reopen') {
      const record = await actions.reopenComplaint(deps, { id: id(), actor, ...(values.reason ? { reason: values.reason } : {}) });
      return out(`${record.id} reopened; deadline ${record.deadline?.deadline}.`);
    }
    if (sub === 'assign') {
      const to = need(z.email({ error: '--to must be an e-mail address' }), values.to, '--to');
      const record = await actions.assignComplaint(deps, { id: id(), to: to.toLowerCase(), actor });
      return out(`${record.id} assigned.`);
    }
    if (sub === 'not-handled') {
      const record = await actions.markNotHandled(deps, { id: id(), reason: need(text('--reason'), values.reason, '--reason'), actor });
      return out(`${record.id} marked not handled (Awb 9:8); the complainant is told.`);
    }
    if (sub === 'note') {
      const record = await actions.addNote(deps, { id: id(), note: need(text('--note'), values.note, '--note'), actor });
      return out(`Note added to ${record.id} (internal, never sent).`);
    }
    if (sub === 'correct-triage') {
      const correction = need(TriageCorrectionOptions, { kind: values.kind, urgent: values.urgent, flags: values.flags, name: values.name, phone: values.phone }, 'correct-triage');
      const record = await actions.correctTriage(deps, { id: id(), actor, correction: Object.fromEntries(Object.entries(correction).filter(([, v]) => v !== undefined)) });
      return out(`${record.id}: triage corrected (before and after are in its history).`);
    }
    throw new AppError('usage', `Unknown complaints command "${sub ?? ''}".\n\n${USAGE}`, { permanent: true });
  }
  if (command === 'digest') {
    if (values.send) {
      const result = await sendDigest({ ...deps, templates: loadTemplates(TEMPLATES_DIR) }, { force: true });
      return out(`Digest sent to ${result.recipients} officer address(es), ${result.items} complaint(s).`);
    }
    const digest = await buildDigest({ ...deps, templates: loadTemplates(TEMPLATES_DIR) });
    return out(digest.text);
  }
  if (command === 'report') {
    const today = amsterdamDateOf(rt.clock.now());
    const year = need(z.coerce.number({ error: '--year must be a year' }).int('--year must be a year').min(2000, '--year must be 2000 to 2100').max(2100, '--year must be 2000 to 2100'), values.year ?? today.slice(0, 4), '--year');
    const ids = await rt.store.listIds({ newestFirst: false });
    const records = await rt.store.getMany(ids);
    const items = await Promise.all(records.map(async (record) => ({ record, events: await rt.store.events(record.id) })));
    const report = buildRegisterReport({ year, items, today, policy: deadlinePolicy(rt.config) });
    if (values.json) return json(report);
    if (values.csv) return void process.stdout.write(registerCsv(report));
    return out(registerRows(report).map((row) => `${row.figure.padEnd(40)} ${row.value || '-'}`).join('\n'));
  }
  if (command === 'officers' || command === 'audit') {
    return out(await runConsoleCommand(rt, command, positionals, values, { actor, readStdin }));
  }
  if (command === 'mailbox' && positionals[1] === 'check') {
    return json(await checkProcessedMailbox({ ...deps, folder: processedFolder(rt) }));
  }
  throw new AppError('usage', `Unknown command "${command}".\n\n${USAGE}`, { permanent: true });
}

function describePurge(result: PurgeResult): string {
  const statuses = Object.entries(result.byStatus).map(([status, n]) => `${status} ${n}`).join(', ') || '-';
  const head = result.dryRun
    ? `Dry run: ${result.due} record(s) would be anonymised (retention ${result.retentionYears} years, today ${result.today}); nothing changed.`
    : `${result.anonymised} record(s) anonymised (retention ${result.retentionYears} years, today ${result.today}).`;
  return `${head}\nby status: ${statuses}\nexamined ${result.examined}, anonymised earlier ${result.alreadyAnonymised}`;
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

async function readStdin(): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin as AsyncIterable<Buffer>) chunks.push(chunk);
  return Buffer.concat(chunks);
}

async function main(argv: string[]): Promise<void> {
  const { values, positionals } = parseCli(argv);
  const command = positionals[0];
  if (!command || values.help) return out(USAGE);
  checkCommand(positionals);
  if (OFFLINE_COMMANDS.includes(command)) {
    await offline(command, positionals, values);
    return;
  }
  const rt = await openWithin(CONNECT_TIMEOUT_MS);
  try {
    await online(rt, command, positionals, values);
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
