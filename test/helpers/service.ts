import { randomBytes } from 'node:crypto';
import { loadConfig, type Config } from '../../src/config.ts';
import { makeLogger, type Logger } from '../../src/log.ts';
import type { Clock } from '../../src/app/ports.ts';
import { openRuntime, type Runtime } from '../../workers/runtime.ts';
import { startMailboxRole, startOfficerRole, startRepliesRole } from '../../workers/roles.ts';
import type { DovecotServer } from './dovecot-server.ts';
import type { RedisServer } from './redis-server.ts';
import type { SmtpSink } from './smtp-sink.ts';
import { makeTempDir, removeTempDir } from './spawned-server.ts';

/** Environment for the service against the test servers; a unique key prefix per call. */
export function testEnv(servers: { redis: RedisServer; dovecot?: DovecotServer; smtp?: SmtpSink }, dataDir: string, extra: Record<string, string> = {}) {
  return {
    REDIS_URL: servers.redis.url,
    REDIS_EMBEDDED: 'never',
    REDIS_KEY_PREFIX: `t${randomBytes(5).toString('hex')}`,
    DATA_DIR: dataDir,
    METRICS_PORT: '0',
    LOG_LEVEL: 'debug',
    IMAP_RESYNC_SECONDS: '5',
    // A reader killed with SIGKILL holds the mailbox lease until it expires: keep that short.
    MAILBOX_LEASE_SECONDS: '3',
    OFFICER_EMAILS: 'officer@wijzijnhecht.nl',
    ...(servers.dovecot
      ? {
          IMAP_HOST: servers.dovecot.host,
          IMAP_PORT: String(servers.dovecot.port),
          IMAP_SECURE: 'false',
          IMAP_USER: servers.dovecot.user,
          IMAP_PASSWORD: servers.dovecot.password,
        }
      : {}),
    ...(servers.smtp ? { SMTP_HOST: servers.smtp.host, SMTP_PORT: String(servers.smtp.port), SMTP_SECURE: 'false' } : {}),
    ...extra,
  };
}

export interface TestService {
  rt: Runtime;
  config: Config;
  logLines: string[];
  env: Record<string, string>;
  stop(): Promise<void>;
}

/** Runs the chosen roles in this process, with logs captured for assertions. */
export async function startService(
  servers: { redis: RedisServer; dovecot?: DovecotServer; smtp?: SmtpSink },
  options: { env?: Record<string, string>; roles?: ('mailbox' | 'replies' | 'officer')[]; clock?: Clock; envBase?: Record<string, string>; attempts?: number } = {},
): Promise<TestService> {
  const dataDir = await makeTempDir('ko-data-');
  const env = options.envBase ?? testEnv(servers, dataDir, options.env);
  const logLines: string[] = [];
  const log: Logger = makeLogger({
    level: 'debug',
    sink: (line) => {
      logLines.push(line);
      if (process.env['KO_TEST_LOG']) process.stderr.write(`${line}\n`);
    },
  });
  const config = loadConfig(env);
  const rt = await openRuntime({ config, log, ...(options.clock ? { clock: options.clock } : {}), retryBaseMs: 200, ...(options.attempts ? { attempts: options.attempts } : {}) });
  const roles = options.roles ?? ['mailbox'];
  if (roles.includes('replies')) startRepliesRole(rt, { retryBaseMs: 200 });
  if (roles.includes('officer')) await startOfficerRole(rt, { retryBaseMs: 200, scheduleDigest: false });
  if (roles.includes('mailbox')) startMailboxRole(rt, { reconnectBaseMs: 100 });
  return {
    rt,
    config,
    logLines,
    env,
    stop: async () => {
      await rt.close();
      await removeTempDir(dataDir);
    },
  };
}

/** Polls `check` until it returns true; fails with `what` after the timeout. */
export async function waitUntil(what: string, check: () => Promise<boolean> | boolean, timeoutMs = 30_000, intervalMs = 100): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (await check()) return;
    if (Date.now() > deadline) throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}`);
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}
