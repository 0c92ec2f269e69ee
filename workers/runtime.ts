import type { Redis } from 'ioredis';
import { loadConfig, type Config } from '../src/config.ts';
import { AppError, errorCode } from '../src/errors.ts';
import { makeLogger, type Logger } from '../src/log.ts';
import { makeComplaintStore, type ComplaintStore } from '../src/adapters/complaint-store.ts';
import { startEmbeddedRedis, type EmbeddedRedis } from '../src/adapters/embedded-redis.ts';
import type { Server } from 'node:http';
import { startHttpServer, type HealthChecks } from '../src/adapters/http-server.ts';
import { planRedis } from '../src/adapters/redis-plan.ts';
import { loadReplyIdSecret } from '../src/adapters/reply-id-secret.ts';
import { makeReplyIds, type ReplyIds } from '../src/domain/reply-ids.ts';
import { makeMailer, type Mailer } from '../src/adapters/mailer.ts';
import { makeMetrics, type Metrics } from '../src/adapters/metrics.ts';
import { makeQueues, type Queues } from '../src/adapters/queues.ts';
import { checkRedisDurability, connectRedis, waitForRedis } from '../src/adapters/redis-connection.ts';
import { makeServiceState, type ServiceState } from '../src/adapters/service-state.ts';
import { systemClock } from '../src/adapters/system-clock.ts';
import type { Clock } from '../src/app/ports.ts';
import { makeAuthStatus, type AuthStatus } from '../src/adapters/oauth2/auth-status.ts';
import { loadTokenGrant, usesOAuth2 } from '../src/adapters/oauth2/token-grant.ts';
import { makeTokenSource, type TokenSource } from '../src/adapters/oauth2/token-source.ts';

/**
 * The connections every worker shares, opened here and nowhere else, and closed in order by one
 * memoised close(): queues first, then Redis, then an embedded Redis if we started one.
 */
export interface Runtime {
  config: Config;
  log: Logger;
  metrics: Metrics;
  redis: Redis;
  store: ComplaintStore;
  /** UIDVALIDITY per folder and the last digest's time. */
  state: ServiceState;
  queues: Queues;
  mailer: Mailer;
  /** Access tokens when IMAP or SMTP signs in with OAuth2, else null. */
  tokens: TokenSource | null;
  /** Current sign-in problems, for /readyz. */
  authStatus: AuthStatus;
  clock: Clock;
  /** Signs the Message-IDs we send and verifies them in answers. */
  replyIds: ReplyIds;
  /**
   * The HTTP endpoint a service opened before waiting for Redis, handed to the HTTP role once
   * (null after that, or when none was opened): one server for the life of the process, so a
   * probe never sees the port close and reopen.
   */
  takeEarlyHttp(): EarlyHttp | null;
  onClose(cleanup: () => Promise<void> | void): void;
  close(): Promise<void>;
}

export interface EarlyHttp {
  server: Server;
  /** Read at every request: the HTTP role replaces its entries. */
  checks: HealthChecks;
}

export interface RuntimeOptions {
  env?: Record<string, string | undefined>;
  config?: Config;
  log?: Logger;
  clock?: Clock;
  /** Retry base for failed sends; tests shorten it. */
  retryBaseMs?: number;
  /** Attempts per job (default 40, more than 24 hours); tests use a few. */
  attempts?: number;
  /** A service (not the CLI) answers /readyz on METRICS_PORT while it waits for Redis. */
  probeWhileWaiting?: boolean;
  /** Token endpoint client; tests may pass their own fetch. */
  fetch?: typeof fetch;
}

export async function openRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const config = options.config ?? loadConfig(options.env ?? process.env);
  const log = options.log ?? makeLogger({ level: config.LOG_LEVEL });
  const authStatus = makeAuthStatus();
  // Key files are read here, before any connection: a bad one stops start-up with its code.
  const tokens = usesOAuth2(config)
    ? makeTokenSource({ grant: loadTokenGrant(config), log: log.child({ component: 'oauth2' }), status: authStatus, ...(options.fetch ? { fetch: options.fetch } : {}) })
    : null;
  const metrics = makeMetrics();
  const plan = planRedis(config);
  const embedded: EmbeddedRedis | null = plan.kind === 'embedded' ? await startEmbeddedRedis(plan.dir, plan.socket, log) : null;
  const redis = connectRedis(embedded ? { socket: embedded.socket } : { url: config.REDIS_URL }, log);
  let earlyHttp: EarlyHttp | null = null;
  try {
    earlyHttp = options.probeWhileWaiting === true && config.METRICS_PORT !== 0 ? await openEarlyHttp(config, metrics) : null;
    await waitForRedisWithReadiness(redis, config, earlyHttp);
  } catch (error) {
    redis.disconnect();
    if (earlyHttp) await closeServer(earlyHttp.server);
    await embedded?.stop();
    throw error;
  }
  const problems = await checkRedisDurability(redis);
  if (problems.length > 0) log.warn('redis_not_durable', { problems: problems.join(','), hint: 'enable appendonly and maxmemory-policy noeviction' });
  const store = makeComplaintStore(redis, config.REDIS_KEY_PREFIX);
  const replyIds = makeReplyIds(await loadReplyIdSecret(redis, store.keys.replyIdSecret(), config.REPLY_ID_SECRET), config.ownDomain);
  let queueErrors = 0;
  const queues = makeQueues(redis, store.keys.bullPrefix(), {
    retryBaseMs: options.retryBaseMs ?? 30_000,
    ...(options.attempts ? { attempts: options.attempts } : {}),
    // Redis errors are already logged once by connectRedis; count these, log the first.
    onError: (error) => {
      if (queueErrors++ === 0) log.warn('queue_error', { code: errorCode(error) });
    },
  });
  const mailer = makeMailer(config, { tokens, authStatus, log });
  if (tokens) reportFirstToken(tokens, config, log);
  const cleanups: (() => Promise<void> | void)[] = [];
  let closing: Promise<void> | null = null;

  async function closeAll(): Promise<void> {
    for (const cleanup of cleanups.reverse()) {
      await Promise.resolve()
        .then(cleanup)
        .catch((error: unknown) => log.warn('close_failed', { code: errorCode(error) }));
    }
    if (earlyHttp) await closeServer(earlyHttp.server);
    await queues.close().catch(() => {});
    mailer.close();
    await redis.quit().catch(() => redis.disconnect());
    await embedded?.stop();
  }

  return {
    config,
    log,
    metrics,
    redis,
    store,
    state: makeServiceState(redis, store.keys),
    queues,
    mailer,
    tokens,
    authStatus,
    clock: options.clock ?? systemClock,
    replyIds,
    takeEarlyHttp: () => {
      const taken = earlyHttp;
      earlyHttp = null;
      return taken;
    },
    onClose: (cleanup) => void cleanups.push(cleanup),
    close: () => (closing ??= closeAll()),
  };
}

function closeServer(server: Server): Promise<void> {
  return new Promise((done) => server.close(() => done()));
}

/** /healthz, /readyz and /metrics from the start; a port in use stops the start here. */
async function openEarlyHttp(config: Config, metrics: Metrics): Promise<EarlyHttp> {
  const checks: HealthChecks = {};
  const server = await startHttpServer({ host: config.METRICS_HOST, port: config.METRICS_PORT, metrics, checks });
  return { server, checks };
}

/**
 * Waits for Redis within REDIS_WAIT_SECONDS. Meanwhile /readyz answers 503 with the reason, so
 * an orchestrator sees why the service is not ready; then a bounded ping answers until the HTTP
 * role installs its checks.
 */
async function waitForRedisWithReadiness(redis: Redis, config: Config, http: EarlyHttp | null): Promise<void> {
  let code = 'no_answer';
  if (http) http.checks['redis'] = () => ({ ok: false, reason: `waiting_for_redis:${code}` });
  await waitForRedis(redis, config.REDIS_WAIT_SECONDS * 1000, (last) => (code = last));
  if (http) {
    http.checks['redis'] = () => pingWithin(redis, 1_000);
    // Redis answers, but the roles are not running yet: not ready until they install their checks.
    http.checks['roles'] = () => ({ ok: false, reason: 'starting' });
  }
}

/** Bounded: with Redis away, commands wait for it, and a probe must answer 503 instead. */
export function pingWithin(redis: Redis, ms: number): Promise<boolean> {
  return Promise.race([redis.ping().then((pong) => pong === 'PONG'), new Promise<boolean>((done) => setTimeout(() => done(false), ms).unref())]);
}

/**
 * Asks for a token once at start-up so a wrong secret or a missing consent shows in the log at
 * once, with its code and hint (the token source logs the failure), not at the first reply.
 * The service keeps running: /readyz reports the code, and a fix needs no restart.
 */
function reportFirstToken(tokens: TokenSource, config: Config, log: Logger): void {
  const user = (config.IMAP_AUTH === 'oauth2' ? config.IMAP_USER : config.SMTP_USER) ?? '';
  tokens.get(user).then(
    () => log.info('oauth2_ready', { provider: tokens.provider }),
    (error: unknown) => log.error('oauth2_startup_failed', { provider: tokens.provider, code: errorCode(error) }),
  );
}

/** SIGTERM/SIGINT: close within the budget; a second signal exits at once. */
export function handleSignals(close: () => Promise<void>, log: Logger, budgetMs = 8_000): void {
  let stopping = false;
  const onSignal = (signal: string) => {
    if (stopping) {
      log.warn('forced_exit', { signal });
      process.exit(1);
    }
    stopping = true;
    log.info('shutdown_started', { signal });
    const timer = setTimeout(() => {
      log.error('shutdown_timeout', { budgetMs });
      process.exit(1);
    }, budgetMs);
    timer.unref();
    close().then(
      () => {
        log.info('shutdown_complete');
        process.exit(0);
      },
      () => process.exit(1),
    );
  };
  process.on('SIGTERM', () => onSignal('SIGTERM'));
  process.on('SIGINT', () => onSignal('SIGINT'));
}

/** Runs the rest of a start; when it fails, closes the runtime (and an embedded Redis) first. */
export async function closeOnError(rt: Runtime, start: () => Promise<void>): Promise<void> {
  try {
    await start();
  } catch (error) {
    await rt.close().catch(() => {});
    throw error;
  }
}

/** Prints a start-up failure a person can act on and exits 1. */
export function exitOnStartupError(error: unknown): never {
  const message = error instanceof AppError ? error.message : `Start-up failed (${errorCode(error)}).`;
  process.stderr.write(`klachtenopvang: ${message}\n`);
  process.exit(1);
}
