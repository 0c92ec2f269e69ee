/**
 * All three test servers at once, for integration tests of a whole flow:
 *
 *   let servers: TestServers;
 *   before(async () => { servers = await startTestServers(); });
 *   after(() => servers.stopAll());
 */
import { startDovecot, type DovecotServer } from './dovecot-server.ts';
import { startRedis, type RedisServer, type RedisServerOptions } from './redis-server.ts';
import { startSmtpSink, type SmtpSink } from './smtp-sink.ts';

export interface TestServers {
  redis: RedisServer;
  dovecot: DovecotServer;
  smtp: SmtpSink;
  /** Idempotent; stops every server even when one of them fails to stop. */
  stopAll(): Promise<void>;
}

export interface TestServersOptions {
  redis?: RedisServerOptions;
}

export async function startTestServers(options: TestServersOptions = {}): Promise<TestServers> {
  const started = await Promise.allSettled([startRedis(options.redis), startDovecot(), startSmtpSink()]);
  const [redis, dovecot, smtp] = started;
  const stoppers = started.flatMap((result) => (result.status === 'fulfilled' ? [() => result.value.stop()] : []));
  let stopping: Promise<void> | undefined;
  const stopAll = (): Promise<void> => {
    stopping ??= Promise.allSettled(stoppers.map((stop) => stop())).then((results) => {
      const failures = results.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
      if (failures.length > 0) throw new AggregateError(failures, 'stopping the test servers failed');
    });
    return stopping;
  };
  if (redis.status === 'fulfilled' && dovecot.status === 'fulfilled' && smtp.status === 'fulfilled') {
    return { redis: redis.value, dovecot: dovecot.value, smtp: smtp.value, stopAll };
  }
  await stopAll().catch(() => undefined);
  const failures = started.flatMap((result) => (result.status === 'rejected' ? [result.reason] : []));
  throw new AggregateError(failures, `starting the test servers failed: ${failures.map(String).join('; ')}`);
}

/** Starts the servers, runs `use`, and stops them whatever happens. */
export async function withServers<T>(use: (servers: TestServers) => Promise<T>, options: TestServersOptions = {}): Promise<T> {
  const servers = await startTestServers(options);
  try {
    return await use(servers);
  } finally {
    await servers.stopAll();
  }
}
