import type { Redis } from 'ioredis';
import { loadConfig, type Config } from '../src/config.ts';
import { AppError, errorCode } from '../src/errors.ts';
import { makeLogger, type Logger } from '../src/log.ts';
import { makeComplaintStore, type ComplaintStore } from '../src/adapters/complaint-store.ts';
import { startEmbeddedRedisIfNeeded, type EmbeddedRedis } from '../src/adapters/embedded-redis.ts';
import { makeMailer, type Mailer } from '../src/adapters/mailer.ts';
import { makeMetrics, type Metrics } from '../src/adapters/metrics.ts';
import { makeQueues, type Queues } from '../src/adapters/queues.ts';
import { checkRedisDurability, connectRedis } from '../src/adapters/redis-connection.ts';
import { systemClock, type Clock } from '../src/app/clock.ts';
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
  queues: Queues;
  mailer: Mailer;
  /** Access tokens when IMAP or SMTP signs in with OAuth2, else null. */
  tokens: TokenSource | null;
  /** Current sign-in problems, for /readyz. */
  authStatus: AuthStatus;
  clock: Clock;
  onClose(cleanup: () => Promise<void> | void): void;
  close(): Promise<void>;
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
  let embedded: EmbeddedRedis | null = null;
  if (config.REDIS_EMBEDDED === 'auto') embedded = await startEmbeddedRedisIfNeeded(config.REDIS_URL, config.DATA_DIR, log);
  const redis = connectRedis(config.REDIS_URL, log);
  const problems = await checkRedisDurability(redis);
  if (problems.length > 0) log.warn('redis_not_durable', { problems: problems.join(','), hint: 'enable appendonly and maxmemory-policy noeviction' });
  const store = makeComplaintStore(redis, config.REDIS_KEY_PREFIX);
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
    queues,
    mailer,
    tokens,
    authStatus,
    clock: options.clock ?? systemClock,
    onClose: (cleanup) => void cleanups.push(cleanup),
    close: () => (closing ??= closeAll()),
  };
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

/** Prints a start-up failure a person can act on and exits 1. */
export function exitOnStartupError(error: unknown): never {
  const message = error instanceof AppError ? error.message : `Start-up failed (${errorCode(error)}).`;
  process.stderr.write(`klachtenopvang: ${message}\n`);
  process.exit(1);
}
