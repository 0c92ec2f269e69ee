/**
 * Issue 10, point 9: local mode ingests Outlook .msg files (converted, the original kept), moves
 * any other file to quarantine with a log line instead of ignoring it, and the lost-data check
 * covers `inbox/processed`.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { readdir, readFile, rename, utimes, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { checkProcessedMailbox } from '../../src/app/mailbox-check.ts';
import { processedFolder } from '../../workers/mailbox-wiring.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, waitUntil, type TestService } from '../helpers/service.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks({ ignore: { Timeout: 'the service started in before polls the inbox every second: its timer exists between polls, not during one' } });

const FIXTURES = resolve(import.meta.dirname, '..', 'fixtures', 'msg');
let redis: RedisServer;
let service: TestService;
let inbox: string;

before(async () => {
  redis = await startRedis();
  service = await startService({ redis });
  inbox = join(service.config.DATA_DIR, 'inbox');
  // Watching from here on, so the watcher belongs to the file, not to the first test.
  await waitUntil('the inbox is watched', () => service.logLines.some((line) => line.includes('"local_inbox_watching"')));
});
after(async () => {
  await service?.stop();
  await redis?.stop();
});

/** Written under a dot name, renamed, and dated in the past so intake takes it at its next look. */
async function drop(name: string, bytes: Buffer): Promise<void> {
  await writeFile(join(inbox, `.${name}.part`), bytes);
  const past = new Date(Date.now() - 60_000);
  await utimes(join(inbox, `.${name}.part`), past, past);
  await rename(join(inbox, `.${name}.part`), join(inbox, name));
}

const movedTo = async (name: string) => {
  for (const folder of ['processed', 'quarantine']) {
    const file = (await readdir(join(inbox, folder)).catch(() => [] as string[])).find((f) => f.endsWith(`-${name}`));
    if (file) return { folder, file };
  }
  return null;
};

test('an Outlook .msg is converted and recorded; the original is kept in processed byte for byte', async () => {
  const original = await readFile(join(FIXTURES, 'received-with-embedded-eml.msg'));
  await drop('uit-outlook.msg', original);
  await waitUntil('the .msg moved', async () => (await movedTo('uit-outlook.msg')) !== null);
  const moved = await movedTo('uit-outlook.msg');
  assert.equal(moved?.folder, 'processed');
  assert.deepEqual(await readFile(join(inbox, 'processed', moved?.file ?? '')), original);
  const [id] = await service.rt.store.listIds();
  const record = await service.rt.store.require(id ?? '');
  assert.equal(record.message?.from?.address, 'hmailuser@hmailserver.test');
  assert.equal(record.message?.subject, 'Attach sample.eml');
  assert.equal(record.message?.messageId, '<000001dc64d7$ceee9240$6ccbb6c0$@hmailserver.test>');
  assert.equal(record.source.file, 'uit-outlook.msg');
});

test('other files go to quarantine with a log line naming the type, not the file; an unreadable .msg too', async () => {
  const before = await service.rt.store.count();
  await drop('Verslag Jansen.docx', randomBytes(2048));
  await drop('kapot.msg', randomBytes(4096));
  await waitUntil('both moved', async () => (await movedTo('Verslag Jansen.docx')) !== null && (await movedTo('kapot.msg')) !== null);
  assert.equal((await movedTo('Verslag Jansen.docx'))?.folder, 'quarantine');
  assert.equal((await movedTo('kapot.msg'))?.folder, 'quarantine');
  const lines = service.logLines.filter((line) => line.includes('"local_file_quarantined"'));
  assert.ok(lines.some((line) => line.includes('"extension":"docx"') && line.includes('"reason":"unsupported_type"')));
  assert.ok(lines.some((line) => line.includes('"extension":"msg"') && line.includes('"reason":"msg_unreadable"')));
  assert.ok(!service.logLines.some((line) => line.includes('Jansen')), 'the file name is not logged');
  assert.equal(await service.rt.store.count(), before, 'no record for a file that is not mail');
});

test('the lost-data check covers inbox/processed in local mode, .eml and .msg', async () => {
  await drop('gewoon.eml', makeEml({ messageId: '<local-check-1@example.nl>' }));
  await waitUntil('the .eml moved', async () => (await movedTo('gewoon.eml')) !== null);
  const fine = await checkProcessedMailbox({ ...service.rt, folder: processedFolder(service.rt) });
  assert.equal(fine.processed, 2);
  assert.equal(fine.missing, 0);
  // Redis "lost": the recorded Message-IDs are gone.
  await service.rt.redis.del(service.rt.store.keys.seenMessageIds());
  const lost = await checkProcessedMailbox({ ...service.rt, folder: processedFolder(service.rt) });
  assert.equal(lost.missing, 2, 'both processed files are reported without a record');
});
