import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { resolve } from 'node:path';
import { test } from 'node:test';
import { convertMsgToEml } from '../../../src/adapters/outlook-msg.ts';
import { parseRawMessage } from '../../../src/adapters/message-parser.ts';
import { AppError } from '../../../src/errors.ts';

const FIXTURES = resolve(import.meta.dirname, '..', '..', 'fixtures', 'msg');

test('a .msg converts to the same bytes every time, so a file seen again is recognised', async () => {
  const bytes = await readFile(resolve(FIXTURES, 'recipients.msg'));
  const first = await convertMsgToEml(bytes);
  assert.deepEqual(await convertMsgToEml(bytes), first);
  const message = await parseRawMessage(first);
  assert.match(message.messageId ?? '', /^<msg-[0-9a-f]{32}@klachtenopvang\.invalid>$/, 'no Message-ID in the item: one derived from its bytes');
  assert.deepEqual(message.to.map((a) => a.address), ['to@example.com']);
  assert.deepEqual(message.cc.map((a) => a.address), ['cc@example.com']);
  assert.equal(message.from, null, 'no sender in the item, none invented');
  assert.equal(message.text.trim(), 'Message');
  assert.equal(message.headers['x-klachtenopvang-converted-from'], 'outlook-msg');
});

test('bytes that are no Outlook item are refused with msg_unreadable', async () => {
  await assert.rejects(convertMsgToEml(Buffer.from('From: a@example.nl\r\n\r\nHallo\r\n')), (error: unknown) => error instanceof AppError && error.code === 'msg_unreadable');
});
