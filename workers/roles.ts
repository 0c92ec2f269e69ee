import { TEMPLATES_DIR } from '../src/adapters/templates/layout.ts';
import { loadTemplates, type TemplateSet } from '../src/adapters/templates/load-templates.ts';
import { startHttpServer, type CheckResult, type HealthChecks } from '../src/adapters/http-server.ts';
import { startJobWorker } from '../src/adapters/job-worker.ts';
import { QUEUE_NAMES } from '../src/adapters/queues.ts';
import { OfficerJobSchema, ReplyJobSchema } from '../src/domain/jobs.ts';
import { makeReplyLedger } from '../src/adapters/reply-ledger.ts';
import { readMessage } from '../src/adapters/read-message.ts';
import { startMailboxWorker } from '../src/app/mailbox-worker.ts';
import { checkProcessedMailbox } from '../src/app/mailbox-check.ts';
import { errorCode } from '../src/errors.ts';
import { makeRecordEffects } from '../src/app/record-effects.ts';
import { recordRetriesExhausted, sendReply } from '../src/app/send-reply.ts';
import { handleOfficerJob } from '../src/app/officer-mail.ts';
import { openMailbox, processedFolder } from './mailbox-wiring.ts';
import { pingWithin, type Runtime } from './runtime.ts';

/**
 * The roles a process can run. `workers/all.ts` runs them all; each also has its own entry
 * point so replies or intake can be scaled out. Every role registers its stop with the runtime.
 */

/** Templates are read and checked once per process, however many roles render them. */
const loadedTemplates = new WeakMap<Runtime, Map<string, TemplateSet>>();
export function templatesFor(rt: Runtime, dir: string): TemplateSet {
  const byDir = loadedTemplates.get(rt) ?? new Map<string, TemplateSet>();
  loadedTemplates.set(rt, byDir);
  const cached = byDir.get(dir);
  if (cached) return cached;
  const loaded = loadTemplates(dir);
  byDir.set(dir, loaded);
  return loaded;
}

export function startMailboxRole(rt: Runtime, options: { reconnectBaseMs?: number } = {}) {
  const effects = makeRecordEffects({ store: rt.store, queues: rt.queues, config: rt.config, log: rt.log, clock: rt.clock });
  const source = openMailbox(rt, options);
  const worker = startMailboxWorker({ ...rt, effects, readMessage, mailbox: source });
  rt.onClose(() => worker.stop());
  // Redis lost between runs shows as processed mail without records: report it, once, at start.
  checkProcessedMailbox({ ...rt, folder: processedFolder(rt) }).then(
    (result) => {
      rt.metrics.set('records_missing', result.missing);
      rt.log.info('records_checked', { processed: result.processed, missing: result.missing });
    },
    (error: unknown) => rt.log.warn('records_check_failed', { code: errorCode(error) }),
  );
  return { source, stop: worker.stop };
}

export function startRepliesRole(rt: Runtime, options: { retryBaseMs?: number; concurrency?: number; templatesDir?: string } = {}) {
  // Loading checks every template; a broken one stops start-up here, naming the file.
  const templates = templatesFor(rt, options.templatesDir ?? TEMPLATES_DIR);
  const ledger = makeReplyLedger(rt.redis, rt.store.keys);
  const worker = startJobWorker({
    name: QUEUE_NAMES.replies,
    connection: rt.redis,
    prefix: rt.store.keys.bullPrefix(),
    schema: ReplyJobSchema,
    concurrency: options.concurrency ?? 8,
    retryBaseMs: options.retryBaseMs ?? 30_000,
    log: rt.log.child({ worker: 'replies' }),
    handle: (job) => sendReply({ store: rt.store, mailer: rt.mailer, templates, ledger, config: rt.config, log: rt.log, metrics: rt.metrics, replyIds: rt.replyIds, now: () => rt.clock.now() }, job),
    onExhausted: (job) => recordRetriesExhausted(rt, job),
  });
  rt.onClose(() => worker.close());
  return worker;
}

export async function startOfficerRole(rt: Runtime, options: { retryBaseMs?: number; scheduleDigest?: boolean } = {}) {
  const templates = templatesFor(rt, TEMPLATES_DIR);
  const worker = startJobWorker({
    name: QUEUE_NAMES.officer,
    connection: rt.redis,
    prefix: rt.store.keys.bullPrefix(),
    schema: OfficerJobSchema,
    concurrency: 2,
    retryBaseMs: options.retryBaseMs ?? 30_000,
    log: rt.log.child({ worker: 'officer' }),
    handle: (job) => handleOfficerJob({ store: rt.store, state: rt.state, mailer: rt.mailer, templates, config: rt.config, log: rt.log, clock: rt.clock, replyIds: rt.replyIds, queues: rt.queues }, job),
  });
  rt.onClose(() => worker.close());
  if (options.scheduleDigest !== false) {
    const [hour, minute] = rt.config.DIGEST_TIME.split(':').map(Number);
    // Working days only: weekdays here, public holidays skipped by the job itself.
    await rt.queues.officer.upsertJobScheduler(
      'daily-digest',
      { pattern: `${minute} ${hour} * * 1-5`, tz: 'Europe/Amsterdam' },
      {
        name: 'digest',
        data: { kind: 'digest', force: false },
        // A mail server that is briefly away must not cost the officers their morning digest:
        // 8 attempts from 30 s, doubling, span about an hour.
        opts: {
          attempts: 8,
          backoff: { type: 'capped-exponential', delay: options.retryBaseMs ?? 30_000 },
          removeOnComplete: { age: 7 * 24 * 3600 },
          removeOnFail: { age: 30 * 24 * 3600 },
        },
      },
    );
    // Retention runs every night; each run anonymises what has become due since the last.
    await rt.queues.officer.upsertJobScheduler(
      'nightly-retention',
      { pattern: '30 2 * * *', tz: 'Europe/Amsterdam' },
      { name: 'retention_purge', data: { kind: 'retention_purge' }, opts: { attempts: 3, removeOnComplete: { age: 7 * 24 * 3600 } } },
    );
  }
  return worker;
}

function oauth2Check(rt: Runtime): CheckResult {
  const [first] = rt.authStatus.problems();
  // The hint that goes with the code is in the log line that reported it.
  return first ? { ok: false, reason: first.code } : true;
}

export async function startHttpRole(rt: Runtime, isMailboxConnected: () => boolean) {
  if (rt.config.METRICS_PORT === 0) return null;
  const checks: HealthChecks = {
    redis: () => pingWithin(rt.redis, 1_000),
    mailbox: () => (isMailboxConnected() ? true : { ok: false, reason: rt.metrics.get('imap_auth_failed') === 1 ? 'imap_auth_failed' : 'not_connected' }),
    ...(rt.config.mode.smtp
      ? { smtp: () => (rt.metrics.get('smtp_failing') === 0 ? true : { ok: false, reason: `smtp_failing:${rt.metrics.getCode('smtp_last_failure') ?? 'unknown'}` }) }
      : {}),
    // Handled mail that cannot leave the inbox is read again every pass: someone must look.
    mailbox_moves: () => (rt.metrics.get('imap_moves_stuck') === 0 ? true : { ok: false, reason: 'move_failed' }),
    // Only with OAuth2: the code of the first sign-in problem (its log line has the README step).
    ...(rt.tokens ? { oauth2: () => oauth2Check(rt) } : {}),
  };
  // A service opened its endpoint before waiting for Redis: keep that server, give it these checks.
  const early = rt.takeEarlyHttp();
  if (early) {
    for (const name of Object.keys(early.checks)) delete early.checks[name];
    Object.assign(early.checks, checks);
  }
  const server = early?.server ?? (await startHttpServer({ host: rt.config.METRICS_HOST, port: rt.config.METRICS_PORT, metrics: rt.metrics, checks }));
  rt.onClose(() => new Promise<void>((done) => server.close(() => done())));
  return server;
}
