/**
 * `npm run bench`: intake and reply figures against a fresh Dovecot, Redis and SMTP sink on
 * loopback. Not part of `npm test`. BENCH_MESSAGES sets N (default 2000), BENCH_RUNS the measured
 * intake runs (default 5, after a warm-up), BENCH_PROFILE=1 prints where each run's time went.
 */
import { randomBytes } from 'node:crypto';
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ImapFlow } from 'imapflow';
import { startDovecot } from '../test/helpers/dovecot-server.ts';
import { appendMessage, imapFlowOptions, listMessages } from '../test/helpers/imap-client.ts';
import { appendAll, intakeFigures, printIntakeFigures } from './intake-figures.ts';
import { makeEml } from '../test/helpers/make-eml.ts';
import { startRedis } from '../test/helpers/redis-server.ts';
import { startSmtpSink } from '../test/helpers/smtp-sink.ts';
import { startService, testEnv, waitUntil } from '../test/helpers/service.ts';
import { makeTempDir, removeTempDir } from '../test/helpers/spawned-server.ts';

const N = Number(process.env['BENCH_MESSAGES'] ?? 2000);
const SAMPLES = Number(process.env['BENCH_SAMPLES'] ?? 30);
const BURST = Number(process.env['BENCH_BURST'] ?? 1000);
const RUNS = Number(process.env['BENCH_RUNS'] ?? 5);
const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
};
const fmt = (ms: number) => `${ms.toFixed(0)} ms`;

function realisticMessage(i: number): Buffer {
  // Mostly small text mail, some with attachments, a few with multi-megabyte ones.
  const attachmentBytes = i % 500 === 0 ? 3_000_000 : i % 10 === 0 ? 150_000 : 0;
  return makeEml({ messageId: `<bench-${i}-${randomBytes(4).toString('hex')}@example.nl>`, subject: `Klacht ${i}`, attachmentBytes });
}

/** A message of about `bytes` whose only body is text or HTML, as 8-bit lines of 76 characters. */
function bodyOnlyMessage(kind: 'text' | 'html', bytes: number): Buffer {
  const line = kind === 'html' ? '<p>Een lange alinea over het huisbezoek en wat er werd gezegd.</p>' : 'Een lange klacht over het huisbezoek en wat er werd gezegd, regel na regel.';
  const lines = Math.ceil(bytes / (line.length + 2));
  const head = [
    'From: Grote Tekst <grote.tekst@example.nl>',
    'To: klachtenopvang@wijzijnhecht.nl',
    `Subject: Groot ${kind}`,
    'Date: Mon, 23 Nov 2026 10:15:00 +0100',
    `Message-ID: <huge-${kind}-${randomBytes(4).toString('hex')}@example.nl>`,
    'MIME-Version: 1.0',
    `Content-Type: ${kind === 'html' ? 'text/html' : 'text/plain'}; charset=utf-8`,
    'Content-Transfer-Encoding: 8bit',
    '',
    '',
  ].join('\r\n');
  return Buffer.concat([Buffer.from(head), Buffer.from(`${line}\r\n`.repeat(lines))]);
}

/**
 * (d) peak RSS (VmHWM) of a mailbox worker process, a fresh one per message, ingesting one
 * large message: a 40 MB attachment, 45 MB of plain text, 45 MB of HTML.
 */
async function peakRssFigures(redis: Awaited<ReturnType<typeof startRedis>>, dovecot: Awaited<ReturnType<typeof startDovecot>>): Promise<void> {
  const cases: [string, Buffer][] = [
    ['a 40 MB attachment', makeEml({ messageId: `<huge-${randomBytes(4).toString('hex')}@example.nl>`, attachmentBytes: 30_000_000 })],
    ['45 MB of text only', bodyOnlyMessage('text', 45_000_000)],
    ['45 MB of HTML only', bodyOnlyMessage('html', 45_000_000)],
  ];
  for (const [what, raw] of cases) {
    await appendMessage(dovecot, raw);
    const dataDir = await makeTempDir('ko-bench-');
    const env = { ...process.env, ...testEnv({ redis, dovecot }, dataDir, { LOG_LEVEL: 'warn' }) };
    // Same flags as `npm run worker:mailbox`.
    const child = spawn(process.execPath, ['--max-semi-space-size=4', resolve(import.meta.dirname, '..', 'workers', 'mailbox.ts')], { env, stdio: 'ignore' });
    await waitUntil('huge message ingested', async () => (await listMessages(dovecot, 'INBOX')).length === 0, 300_000, 50);
    const status = readFileSync(`/proc/${child.pid}/status`, 'utf8');
    const peakKb = Number(/VmHWM:\s+(\d+)/.exec(status)?.[1] ?? NaN);
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
    await removeTempDir(dataDir);
    console.log(`(d) peak RSS ingesting ${what} (${(raw.length / 1e6).toFixed(0)} MB): ${(peakKb / 1024).toFixed(0)} MB (target < 200 MB)`);
  }
}

async function main(): Promise<void> {
  const [redis, dovecot, smtp] = await Promise.all([startRedis(), startDovecot(), startSmtpSink()]);
  try {
    // BENCH_ONLY=memory: only the peak RSS figures (d).
    if (process.env['BENCH_ONLY'] === 'memory') return await peakRssFigures(redis, dovecot);
    console.log(`klachtenopvang bench: ${N} messages; node ${process.version}; ${process.platform}/${process.arch}`);
    const appended = await appendAll(dovecot, Array.from({ length: N }, (_, i) => realisticMessage(i)));
    console.log(`appended ${appended.count} messages, ${(appended.bytes / 1e6).toFixed(1)} MB`);
    // (a) the ceiling, fetching every message raw with imapflow, and (b) intake: records written
    // and messages moved; a warm-up run, then the median of RUNS.
    const figures = await intakeFigures({ redis, dovecot, smtp }, N, { runs: RUNS, profile: process.env['BENCH_PROFILE'] === '1', cpuProfileDir: process.env['BENCH_CPU_PROFILE'] });
    printIntakeFigures(figures, N, appended.bytes, RUNS);
    // BENCH_ONLY=intake: only (a) and (b).
    if (process.env['BENCH_ONLY'] === 'intake') return;

    // (c) single messages while idle: APPEND to record, and to the acknowledgement at SMTP.
    const live = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    const toRecord: number[] = [];
    const toReply: number[] = [];
    // One logged-in client for the appends, so the figure starts at APPEND, not at a login.
    const appender = new ImapFlow(imapFlowOptions(dovecot));
    await appender.connect();
    await new Promise((r) => setTimeout(r, 1000));
    for (let i = 0; i < SAMPLES; i += 1) {
      const before = await live.rt.store.count();
      const replies = smtp.messages.length;
      const raw = makeEml({ messageId: `<idle-${i}-${randomBytes(4).toString('hex')}@example.nl>`, from: `Test ${i} <idle${i}@example.nl>` });
      const t0 = performance.now();
      await appender.append('INBOX', raw);
      await waitUntil('record', async () => (await live.rt.store.count()) > before, 30_000, 5);
      toRecord.push(performance.now() - t0);
      await waitUntil('reply', () => smtp.messages.length > replies, 30_000, 5);
      toReply.push(performance.now() - t0);
      await new Promise((r) => setTimeout(r, 200));
    }
    await appender.logout();
    console.log(`(c) APPEND -> record:          p50 ${fmt(percentile(toRecord, 50))}, p95 ${fmt(percentile(toRecord, 95))} (target p95 < 1 s)`);
    console.log(`    APPEND -> acknowledgement: p50 ${fmt(percentile(toReply, 50))}, p95 ${fmt(percentile(toReply, 95))} (target p95 < 2 s)`);


    // (e) a burst: BURST complaints from different senders appended at once, until every
    // acknowledgement is accepted by the SMTP server.
    const burstClient = new ImapFlow(imapFlowOptions(dovecot));
    await burstClient.connect();
    const repliesBefore = smtp.messages.length;
    const burstRaw = Array.from({ length: BURST }, (_, i) => makeEml({ messageId: `<burst-${i}-${randomBytes(4).toString('hex')}@example.nl>`, from: `Burst ${i} <burst${i}@example.nl>` }));
    const e0 = performance.now();
    for (const raw of burstRaw) await burstClient.append('INBOX', raw);
    const appendedMs = performance.now() - e0;
    await waitUntil('every acknowledgement', () => smtp.messages.length - repliesBefore >= BURST, 30 * 60_000, 50);
    const e = performance.now() - e0;
    await burstClient.logout();
    console.log(`(e) burst of ${BURST}: all acknowledgements accepted after ${fmt(e)} (${(BURST / (e / 1000)).toFixed(0)} replies/s; appending took ${fmt(appendedMs)})`);

    await live.stop();

    await peakRssFigures(redis, dovecot);
  } finally {
    await Promise.all([redis.stop(), dovecot.stop(), smtp.stop()]);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    console.error(error);
    process.exit(1);
  },
);
