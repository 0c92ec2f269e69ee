/**
 * (a) and (b) of `npm run bench`: intake throughput against the raw fetch of the same messages.
 *
 * The N messages are appended once. Each run fetches them all raw (a), then starts a mailbox
 * worker on an empty store and times it until every record is written and the inbox is empty
 * (b); afterwards the messages go back to the INBOX and Redis is flushed for the next run. The
 * first run warms the JIT and the page cache and is not counted; the figures are the medians of
 * the runs that follow (BENCH_RUNS, default 5), each run's figures printed too.
 * BENCH_PROFILE=1 adds, per run, where the CPU went (node, Redis, Dovecot) and Redis's busiest
 * commands (intake-profile.ts); BENCH_CPU_PROFILE=<dir> writes a V8 CPU profile of each measured run.
 */
import { Redis } from 'ioredis';
import { ImapFlow } from 'imapflow';
import type { DovecotServer } from '../test/helpers/dovecot-server.ts';
import { imapFlowOptions } from '../test/helpers/imap-client.ts';
import type { RedisServer } from '../test/helpers/redis-server.ts';
import type { SmtpSink } from '../test/helpers/smtp-sink.ts';
import { startService } from '../test/helpers/service.ts';
import { startCpuProfile, startInspectorProfile, type CpuProfile } from './intake-profile.ts';

export interface IntakeFigures {
  fetchMs: number;
  intakeMs: number;
}

const median = (values: readonly number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 === 1 ? (sorted[mid] ?? NaN) : ((sorted[mid - 1] ?? NaN) + (sorted[mid] ?? NaN)) / 2;
};
const ms = (value: number) => `${value.toFixed(0)} ms`;

export async function appendAll(dovecot: DovecotServer, messages: Iterable<Buffer>): Promise<{ count: number; bytes: number }> {
  const client = new ImapFlow(imapFlowOptions(dovecot));
  client.on('error', () => undefined);
  await client.connect();
  let count = 0;
  let bytes = 0;
  try {
    for (const raw of messages) {
      if ((await client.append('INBOX', raw)) === false) throw new Error('APPEND to INBOX was not accepted');
      count += 1;
      bytes += raw.length;
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
  return { count, bytes };
}

/** (a): every message of the INBOX fetched raw by one logged-in client. */
async function fetchAllRaw(dovecot: DovecotServer): Promise<{ ms: number; bytes: number }> {
  const client = new ImapFlow(imapFlowOptions(dovecot));
  client.on('error', () => undefined);
  await client.connect();
  try {
    const lock = await client.getMailboxLock('INBOX');
    try {
      const t0 = performance.now();
      let bytes = 0;
      for await (const message of client.fetch('1:*', { uid: true, source: true })) bytes += message.source?.length ?? 0;
      return { ms: performance.now() - t0, bytes };
    } finally {
      lock.release();
    }
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Messages in `mailbox` by STATUS, on a client that stays logged in (no login per poll). */
async function messagesIn(client: ImapFlow, mailbox: string): Promise<number> {
  const status = await client.status(mailbox, { messages: true });
  return status === false ? -1 : (status.messages ?? 0);
}

/**
 * Puts every processed or quarantined message back into the INBOX for the next run, on a client
 * of its own: one that keeps a folder selected would answer from what it saw when it selected it.
 */
async function restoreInbox(dovecot: DovecotServer, folders: readonly string[], expected: number): Promise<void> {
  const client = new ImapFlow(imapFlowOptions(dovecot));
  client.on('error', () => undefined);
  await client.connect();
  try {
    for (const folder of folders) {
      const lock = await client.getMailboxLock(folder);
      try {
        if (client.mailbox !== false && client.mailbox.exists > 0) await client.messageMove('1:*', 'INBOX');
      } finally {
        lock.release();
      }
    }
    const inbox = await messagesIn(client, 'INBOX');
    if (inbox !== expected) throw new Error(`restoring the INBOX: ${inbox} messages, expected ${expected}`);
  } finally {
    await client.logout().catch(() => client.close());
  }
}

/** Flushes Redis and rewrites its AOF, so every run starts from the same small file. */
async function emptyRedis(admin: Redis): Promise<void> {
  await admin.flushall();
  await admin.bgrewriteaof();
  for (;;) {
    const persistence = await admin.info('persistence');
    if (/aof_rewrite_in_progress:0/.test(persistence) && /aof_rewrite_scheduled:0/.test(persistence)) return;
    await new Promise((r) => setTimeout(r, 20));
  }
}

/**
 * (b): a mailbox worker started on an empty store, timed from its start until the store holds
 * `expected` records and the INBOX is empty. Polls a Redis ZCARD every 5 ms, then STATUS.
 */
async function intakeOnce(
  servers: { redis: RedisServer; dovecot: DovecotServer; smtp: SmtpSink },
  monitor: ImapFlow,
  expected: number,
  profile: CpuProfile | null,
): Promise<{ ms: number; profile: string | null }> {
  const t0 = performance.now();
  const service = await startService(servers, { roles: ['mailbox'], env: { LOG_LEVEL: 'info' } });
  try {
    const deadline = Date.now() + 30 * 60_000;
    while ((await service.rt.store.count()) < expected || (await messagesIn(monitor, 'INBOX')) !== 0) {
      if (Date.now() > deadline) throw new Error(`intake did not finish: ${await service.rt.store.count()} of ${expected} records`);
      await new Promise((r) => setTimeout(r, 5));
    }
    const elapsed = performance.now() - t0;
    return { ms: elapsed, profile: profile ? await profile.report() : null };
  } finally {
    await service.stop();
  }
}

export async function intakeFigures(
  servers: { redis: RedisServer; dovecot: DovecotServer; smtp: SmtpSink },
  expected: number,
  options: { runs: number; profile: boolean; cpuProfileDir?: string | undefined },
): Promise<IntakeFigures> {
  const admin = new Redis(servers.redis.url, { lazyConnect: false });
  const monitor = new ImapFlow(imapFlowOptions(servers.dovecot));
  monitor.on('error', () => undefined);
  await monitor.connect();
  // A rewrite of the AOF that starts mid-run (Redis does that when the file has doubled) would
  // make that run slower: the bench rewrites it between runs instead.
  await admin.config('SET', 'auto-aof-rewrite-percentage', '0');
  const runs: { fetch: number; intake: number }[] = [];
  try {
    for (let run = 0; run <= options.runs; run += 1) {
      const warmUp = run === 0;
      if (run > 0) {
        // The defaults of IMAP_PROCESSED_MAILBOX and IMAP_QUARANTINE_MAILBOX.
        await restoreInbox(servers.dovecot, ['Verwerkt', 'Onverwerkbaar'], expected);
        await emptyRedis(admin);
      }
      const fetched = await fetchAllRaw(servers.dovecot);
      const profile: CpuProfile | null = options.profile && !warmUp ? await startCpuProfile(admin, servers.dovecot) : null;
      const inspector = options.cpuProfileDir && !warmUp ? await startInspectorProfile() : null;
      const { ms: intake, profile: profiled } = await intakeOnce(servers, monitor, expected, profile);
      if (inspector && options.cpuProfileDir) console.log(`    cpu profile: ${await inspector.stop(options.cpuProfileDir, `intake-run-${run}`)}`);
      if (profiled) console.log(profiled);
      const label = warmUp ? 'warm-up' : `run ${run}`;
      console.log(`    ${label.padEnd(8)} (a) ${ms(fetched.ms).padStart(7)}  (b) ${ms(intake).padStart(8)}  b/a ${(intake / fetched.ms).toFixed(1)}`);
      if (!warmUp) runs.push({ fetch: fetched.ms, intake });
    }
  } finally {
    await monitor.logout().catch(() => monitor.close());
    admin.disconnect();
  }
  return { fetchMs: median(runs.map((r) => r.fetch)), intakeMs: median(runs.map((r) => r.intake)) };
}

export function printIntakeFigures(figures: IntakeFigures, expected: number, bytes: number, runs: number): void {
  console.log(`(a) fetch all raw:            ${ms(figures.fetchMs)} (${(bytes / 1e6).toFixed(1)} MB; median of ${runs} runs)`);
  console.log(`(b) intake to records + move: ${ms(figures.intakeMs)}  (${(expected / (figures.intakeMs / 1000)).toFixed(0)} msg/s; median of ${runs} runs)`);
  console.log(`    ratio b/a: ${(figures.intakeMs / figures.fetchMs).toFixed(2)} (target <= 8)`);
}
