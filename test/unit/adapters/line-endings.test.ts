import { test } from 'node:test';
import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { makeLineEndingNormaliser } from '../../../src/adapters/line-endings.ts';

async function normalise(chunks: readonly Buffer[]): Promise<Buffer> {
  const out: Buffer[] = [];
  for await (const chunk of Readable.from(chunks).pipe(makeLineEndingNormaliser())) out.push(chunk as Buffer);
  return Buffer.concat(out);
}

/** Every way to cut `input` into two chunks, plus one byte at a time. */
function splits(input: Buffer): Buffer[][] {
  const ways: Buffer[][] = [];
  for (let at = 0; at <= input.length; at += 1) ways.push([input.subarray(0, at), input.subarray(at)]);
  ways.push([...input].map((byte) => Buffer.from([byte])));
  return ways;
}

test('old-Mac CR line ends become CRLF, however the bytes are chunked', async () => {
  const input = Buffer.from('From: a@example.nl\rSubject: Klacht\r\rregel een\rregel twee\r');
  const expected = Buffer.from('From: a@example.nl\r\nSubject: Klacht\r\n\r\nregel een\r\nregel twee\r\n');
  for (const chunks of splits(input)) assert.deepEqual(await normalise(chunks), expected);
});

test('a CR at the end of one chunk and an LF at the start of the next stay one CRLF', async () => {
  const output = await normalise([Buffer.from('From: a@example.nl\r'), Buffer.from('\nSubject: x\r'), Buffer.from('\n\r\nbody\r\n')]);
  assert.equal(output.toString(), 'From: a@example.nl\r\nSubject: x\r\n\r\nbody\r\n');
});

test('CRLF and LF messages pass byte for byte, bare CR bytes later in them included', async () => {
  const crlf = Buffer.concat([Buffer.from('From: a@example.nl\r\n\r\n'), Buffer.from([0x00, 0x0d, 0x41, 0x0d, 0x0d, 0xff, 0x0d])]);
  const lf = Buffer.from('From: a@example.nl\n\nregel\rmet CR\n');
  for (const input of [crlf, lf]) {
    for (const chunks of splits(input)) assert.deepEqual(await normalise(chunks), input);
  }
});

test('input without line breaks, an empty stream and a lone CR', async () => {
  assert.equal((await normalise([Buffer.from('geen regeleinde')])).toString(), 'geen regeleinde');
  assert.equal((await normalise([])).length, 0);
  assert.equal((await normalise([Buffer.from('\r')])).toString(), '\r\n');
  assert.equal((await normalise([Buffer.from('a'), Buffer.from('\r')])).toString(), 'a\r\n');
});
