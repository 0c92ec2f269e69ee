/**
 * `npm start` in local mode, as an operator would run it on a laptop: no IMAP, no SMTP, no
 * REDIS_URL, so an embedded redis-server of its own under <DATA_DIR>/redis on a Unix socket,
 * whatever listens on 6379 (issue 10, point 3). Mail goes in as files in <DATA_DIR>/inbox and
 * replies come out as files in <DATA_DIR>/outbox.
 */
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdir, readdir, readFile, rename, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { Redis } from 'ioredis';
import { isListening, redisAnswersAt } from '../../src/adapters/embedded-redis.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { waitUntil } from '../helpers/service.ts';
import { makeTempDir, removeTempDir } from '../helpers/spawned-server.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

const ROOT = resolve(import.meta.dirname, '..', '..');

let dataDir: string;
let metricsPort: number;
const prefix = `lm${randomBytes(4).toString('hex')}`;
const socketOf = () => join(dataDir, 'redis', 'redis.sock');
let child: ChildProcess;
let output = '';
let exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;

/** Fictional complainant; none of this may reach the service's log. */
const PERSON = { name: 'Femke Oudshoorn', email: 'f.oudshoorn@example.nl', subject: 'Klacht over huisbezoek Oudshoorn' };

function killGroup(signal: NodeJS.Signals): void {
  try {
    if (child?.pid) process.kill(-child.pid, signal);
  } catch {
    // Already gone.
  }
}

/** The embedded redis-server runs in a process group of its own; its pid file says where. */
async function killEmbeddedRedis(): Promise<void> {
  const pid = Number(await readFile(join(dataDir, 'redis', 'redis.pid'), 'utf8').catch(() => ''));
  if (!(pid > 0)) return;
  try {
    process.kill(pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}

const listFiles = async (dir: string) => (await readdir(dir).catch(() => [] as string[])).filter((name) => !name.startsWith('.'));

async function drop(name: string, raw: Buffer): Promise<void> {
  // Written under another name first, as a mail client would, so a half-written file is never read.
  const inbox = join(dataDir, 'inbox');
  await writeFile(join(inbox, `.${name}.part`), raw);
  await rename(join(inbox, `.${name}.part`), join(inbox, name));
}

async function get(path: string): Promise<{ status: number; body: string }> {
  const response = await fetch(`http://127.0.0.1:${metricsPort}${path}`, { signal: AbortSignal.timeout(2_000) });
  return { status: response.status, body: await response.text() };
}

before(async () => {
  dataDir = await makeTempDir('ko-local-');
  metricsPort = await getFreePort();
  await mkdir(join(dataDir, 'inbox'), { recursive: true });
  child = spawn(process.execPath, ['workers/all.ts'], {
    cwd: ROOT,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
    // Only what local mode needs: nothing of the developer's own IMAP or SMTP settings leaks in.
    env: {
      PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/usr/local/sbin`,
      HOME: process.env['HOME'] ?? '/tmp',
      DATA_DIR: dataDir,
      REDIS_KEY_PREFIX: prefix,
      CONSOLE_PORT: '0',
      METRICS_PORT: String(metricsPort),
      MAX_MESSAGE_BYTES: String(64 * 1024),
      LOG_LEVEL: 'debug',
    },
  });
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  exit = new Promise((done) => child.once('exit', (code, signal) => done({ code, signal })));
  await waitUntil('the service answers /healthz', async () => {
    if (child.exitCode !== null) throw new Error(`the service exited with ${child.exitCode}:\n${output}`);
    return (await get('/healthz').catch(() => ({ status: 0 }))).status === 200;
  });
});

after(async () => {
  killGroup('SIGKILL');
  await killEmbeddedRedis();
  await Promise.race([exit, new Promise((r) => setTimeout(r, 2_000))]);
  await removeTempDir(dataDir);
});

test('health and readiness answer 200 once the service runs', async () => {
  const health = await get('/healthz');
  assert.equal(health.status, 200);
  // /healthz answers from the start; /readyz only once every role runs (never ready on Redis alone).
  let ready = await get('/readyz');
  await waitUntil('the service is ready', async () => (ready = await get('/readyz')).status === 200);
  assert.equal(ready.status, 200, ready.body);
  assert.deepEqual(JSON.parse(ready.body), { ready: true, checks: { redis: true, mailbox: true, mailbox_moves: true } });
  assert.ok(await redisAnswersAt(socketOf()), 'the embedded redis-server answers on its socket under DATA_DIR');
});

test('a complaint dropped in the inbox is processed and acknowledged in the outbox', async () => {
  const raw = makeEml({
    messageId: `<local-${randomBytes(4).toString('hex')}@example.nl>`,
    from: `${PERSON.name} <${PERSON.email}>`,
    subject: PERSON.subject,
    body: ['Geachte heer, mevrouw,', '', 'Ik heb een klacht over het huisbezoek van 3 november 2026. Er werd niet geluisterd.', '', 'Met vriendelijke groet,', '', PERSON.name, 'Hooigracht 17', '2312 KP Leiden'].join('\r\n'),
  });
  await drop('complaint.eml', raw);
  await waitUntil('the complaint moved to inbox/processed', async () => {
    const processed = await listFiles(join(dataDir, 'inbox', 'processed'));
    return processed.some((name) => name.endsWith('-complaint.eml')) && !(await listFiles(join(dataDir, 'inbox'))).includes('complaint.eml');
  });
  const processed = await listFiles(join(dataDir, 'inbox', 'processed'));
  const moved = processed.find((name) => name.endsWith('-complaint.eml')) ?? '';
  assert.deepEqual(await readFile(join(dataDir, 'inbox', 'processed', moved)), raw, 'the message is kept byte for byte');

  let reply = '';
  await waitUntil('an acknowledgement in the outbox', async () => {
    for (const name of (await listFiles(join(dataDir, 'outbox'))).filter((n) => n.endsWith('.eml'))) {
      const text = await readFile(join(dataDir, 'outbox', name), 'utf8');
      if (/\.acknowledgement\.h1-[0-9a-f]{32}\.klachtenopvang@/.test(text)) reply = text;
    }
    return reply !== '';
  });
  assert.match(reply, /^Auto-Submitted: auto-replied\r?$/m);
  assert.match(reply, /^To: .*f\.oudshoorn@example\.nl/m);
  const reference = /KL-\d{4}-\d{5}/.exec(reply)?.[0];
  assert.ok(reference, 'the reply names the KL reference');
  assert.match(reply, new RegExp(`^Subject: .*${reference}`, 'm'));
  assert.match(reply, new RegExp(`^X-Klachtenopvang-Reference: ${reference}\\r?$`, 'm'));
  assert.ok(!reply.includes(PERSON.subject), 'the complaint\'s subject is not quoted');

  // The file lands a moment before the worker records the send and counts it.
  await waitUntil('the send counted', async () => /^klachtenopvang_replies_sent_total [1-9]/m.test((await get('/metrics')).body));
  const metrics = await get('/metrics');
  assert.match(metrics.body, /^klachtenopvang_messages_ingested_total [1-9]/m);

  // The record is in our own Redis, and nothing at all went to a Redis on 6379 (Debian's shared one).
  const own = new Redis(socketOf(), { maxRetriesPerRequest: 1 });
  try {
    assert.ok((await own.keys(`${prefix}:*`)).length > 0, 'records are in the Redis under DATA_DIR');
  } finally {
    own.disconnect();
  }
  if (await isListening('127.0.0.1', 6379)) {
    const foreign = new Redis({ host: '127.0.0.1', port: 6379, maxRetriesPerRequest: 1, lazyConnect: true });
    try {
      await foreign.connect();
      assert.deepEqual(await foreign.keys(`${prefix}*`), [], 'nothing written to the Redis on 6379');
    } catch (error) {
      // A foreign Redis that wants a password cannot have been written to without one.
      if (!/NOAUTH|WRONGPASS/.test(String(error))) throw error;
    } finally {
      foreign.disconnect();
    }
  }
});

test('malformed and oversized files are moved out of the inbox, never left there', async () => {
  await drop('garbage.eml', randomBytes(4096));
  await drop('empty.eml', Buffer.alloc(0));
  await drop('oversized.eml', makeEml({ from: 'Groot Bestand <groot@example.nl>', attachmentBytes: 100 * 1024 }));
  const names = ['garbage.eml', 'empty.eml', 'oversized.eml'];
  const movedTo = async (name: string) => {
    for (const folder of ['processed', 'quarantine']) {
      if ((await listFiles(join(dataDir, 'inbox', folder))).some((file) => file.endsWith(`-${name}`))) return folder;
    }
    return null;
  };
  await waitUntil('every file moved', async () => {
    const left = await listFiles(join(dataDir, 'inbox'));
    return names.every((name) => !left.includes(name)) && (await Promise.all(names.map(movedTo))).every(Boolean);
  });
  assert.equal(await movedTo('oversized.eml'), 'quarantine', 'a message over MAX_MESSAGE_BYTES is quarantined');
});

test('the log carries no personal data of the complaint', () => {
  for (const value of Object.values(PERSON)) assert.ok(!output.includes(value), `the log contains "${value}"`);
  assert.ok(!output.includes('Hooigracht'));
});

test('SIGTERM exits 0 within 10 s and stops the embedded redis-server', async () => {
  const started = Date.now();
  child.kill('SIGTERM');
  let timer: NodeJS.Timeout | undefined;
  const result = await Promise.race([exit, new Promise<'timeout'>((r) => (timer = setTimeout(() => r('timeout'), 10_000)))]);
  clearTimeout(timer);
  assert.notEqual(result, 'timeout', `still running 10 s after SIGTERM:\n${output.slice(-2_000)}`);
  assert.deepEqual(result, { code: 0, signal: null }, output.slice(-2_000));
  assert.ok(Date.now() - started < 10_000);
  assert.equal(await redisAnswersAt(socketOf()), false, 'the redis-server the service started is gone');
  assert.equal(await isListening('127.0.0.1', metricsPort), false, 'the HTTP port is closed');
});
