import assert from 'node:assert/strict';
import { mkdtemp, readdir, rm, unlink, utimes, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { makeLocalInbox } from '../../src/adapters/local-inbox.ts';
import { makeMetrics } from '../../src/adapters/metrics.ts';
import { makeLogger, silentLogger } from '../../src/log.ts';
import { waitUntil } from '../helpers/service.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

async function dropOld(dir: string, name: string): Promise<void> {
  await writeFile(join(dir, name), 'From: a@example.nl\r\n\r\nbody\r\n');
  const past = new Date(Date.now() - 60_000);
  await utimes(join(dir, name), past, past);
}

test('a file that vanishes while intake runs is skipped and intake goes on', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ko-local-'));
  const inbox = makeLocalInbox({ dir, log: silentLogger, metrics: makeMetrics(), pollMs: 50 });
  const seen: string[] = [];
  const controller = new AbortController();
  try {
    await dropOld(dir, 'a.eml');
    await dropOld(dir, 'b.eml');
    const running = inbox.run(async ([message]) => {
      seen.push(message?.source.file ?? '');
      if (message?.source.file === 'a.eml') await unlink(join(dir, 'b.eml'));
      return ['processed'];
    }, controller.signal);
    await waitUntil('a handled', () => seen.includes('a.eml'), 10_000, 20);
    await dropOld(dir, 'c.eml');
    await waitUntil('c handled after b vanished', () => seen.includes('c.eml'), 10_000, 20);
    controller.abort();
    await running;
    assert.ok(!seen.includes('b.eml'));
    assert.equal((await readdir(join(dir, 'processed'))).length, 2);
  } finally {
    controller.abort();
    await rm(dir, { recursive: true, force: true });
  }
});

test('a file still being written (recently changed) waits until it has settled', async () => {
  const dir = await mkdtemp(join(tmpdir(), 'ko-local-'));
  // The inbox measures a file's age on this clock, which stands still until the test moves it:
  // however slow the machine, the file stays "just written" until then.
  let now = Date.now();
  const lines: string[] = [];
  const log = makeLogger({ level: 'debug', sink: (line) => void lines.push(line) });
  const inbox = makeLocalInbox({ dir, log, metrics: makeMetrics(), pollMs: 50, now: () => now });
  const seen: string[] = [];
  const controller = new AbortController();
  try {
    await writeFile(join(dir, 'fresh.eml'), 'From: a@example.nl\r\n');
    const running = inbox.run(async ([message]) => {
      seen.push(message?.source.file ?? '');
      return ['processed'];
    }, controller.signal);
    // Looked at twice (the second time with the size unchanged) and left both times: decided.
    await waitUntil('the file judged unsettled twice', () => {
      assert.equal(seen.length, 0, 'not picked up while it may still grow');
      return lines.filter((line) => line.includes('"local_file_unsettled"')).length >= 2;
    }, 10_000, 20);
    now += 2_000;
    await waitUntil('picked up once settled', () => seen.includes('fresh.eml'), 10_000, 50);
    controller.abort();
    await running;
  } finally {
    controller.abort();
    await rm(dir, { recursive: true, force: true });
  }
});
