import { test } from 'node:test';
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { finished } from 'node:stream/promises';
import { AppError } from '../../../src/errors.ts';
import { htmlToPlainText } from '../../../src/adapters/html-to-plain-text.ts';
import { parseMessageStream, parseRawMessage } from '../../../src/adapters/message-parser.ts';
import type { ParsedMessage } from '../../../src/domain/parsed-message.ts';
import { sharedCorpus } from '../../helpers/shared-corpus.ts';

/**
 * The parser adapter on fictional fixtures (test/fixtures/parser, see its README) and on hostile
 * input generated here. Time limits are generous: they catch a quadratic blow-up, not a slow CI.
 */
const FIXTURES = join(import.meta.dirname, '..', '..', 'fixtures', 'parser');
const sisimai = sharedCorpus('sisimai-set-of-emails');
const SISIMAI = join(sisimai.dir, 'maildir');
const TIME_LIMIT_MS = 10_000;
const CRLF = '\r\n';

function fixture(name: string): Buffer {
  return readFileSync(join(FIXTURES, name));
}

function eml(headers: readonly string[], body: string): Buffer {
  return Buffer.from(`${headers.join(CRLF)}${CRLF}${CRLF}${body}`);
}

function chunked(raw: Buffer, size: number): Readable {
  const chunks: Buffer[] = [];
  for (let at = 0; at < raw.length; at += size) chunks.push(raw.subarray(at, at + size));
  return Readable.from(chunks);
}

async function timed<T>(run: () => Promise<T>): Promise<T> {
  const started = performance.now();
  const result = await run();
  const took = performance.now() - started;
  assert.ok(took < TIME_LIMIT_MS, `took ${Math.round(took)} ms`);
  return result;
}

async function rejectsWithParseError(run: () => Promise<unknown>): Promise<void> {
  const started = performance.now();
  await assert.rejects(run, (error: unknown) => error instanceof AppError && error.code === 'parse_error' && error.permanent);
  assert.ok(performance.now() - started < TIME_LIMIT_MS);
}

function sha256(bytes: Buffer): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What a record may keep of a message: bounded, whatever came in. */
function assertBounded(message: ParsedMessage): void {
  assert.ok(JSON.stringify(message).length < 2_500_000, 'the parsed message stays small');
  assert.ok(Object.keys(message.headers).length <= 200);
  for (const value of Object.values(message.headers)) assert.ok(value.length <= 50 * 4_001);
}

// --- addresses ---------------------------------------------------------------------------------

test('Outlook display names with commas and particles stay one name; addresses are lower-cased', async () => {
  const message = await parseRawMessage(fixture('outlook-related-logo.eml'));
  assert.deepEqual(message.from, { name: 'Meer, J.W. van der', address: 'jw.vandermeer@example.nl' });
  assert.deepEqual(message.to, [{ name: 'Klachtenopvang', address: 'klachtenopvang@wijzijnhecht.nl' }]);
});

test('address forms: encoded words, comments, groups, unquoted commas', async () => {
  const message = await parseRawMessage(
    eml(
      [
        'From: Meer, J.W. van der <jw@example.nl>',
        'To: Klachten: a@example.nl, "Bakker, P." <p.bakker@example.nl>;, =?utf-8?Q?Ren=C3=A9e_de_Graaf?= <renee@example.nl>',
        'Cc: undisclosed-recipients:;',
        'Reply-To: jw.prive@example.com (J.W. van der Meer)',
        'Subject: adressen',
      ],
      'tekst\r\n',
    ),
  );
  assert.deepEqual(message.from, { name: 'Meer, J.W. van der', address: 'jw@example.nl' });
  assert.deepEqual(message.to, [
    { name: '', address: 'a@example.nl' },
    { name: 'Bakker, P.', address: 'p.bakker@example.nl' },
    { name: 'Renée de Graaf', address: 'renee@example.nl' },
  ]);
  assert.deepEqual(message.cc, []);
  assert.deepEqual(message.replyTo, { name: 'J.W. van der Meer', address: 'jw.prive@example.com' });
});

test('a message without From, or with an empty one, has from null', async () => {
  assert.equal((await parseRawMessage(eml(['To: klachtenopvang@wijzijnhecht.nl', 'Subject: zonder afzender'], 'x\r\n'))).from, null);
  assert.equal((await parseRawMessage(eml(['From: <>', 'Subject: leeg'], 'x\r\n'))).from, null);
  assert.equal((await parseRawMessage(eml(['From: MAILER-DAEMON', 'Subject: daemon'], 'x\r\n'))).from, null);
});

test('at most 100 recipients are kept', async () => {
  const to = Array.from({ length: 500 }, (_, index) => `u${index}@example.nl`).join(', ');
  const message = await parseRawMessage(eml(['From: a@example.nl', `To: ${to}`], 'x\r\n'));
  assert.equal(message.to.length, 100);
  assert.equal(message.to[99]?.address, 'u99@example.nl');
});

// --- threading ---------------------------------------------------------------------------------

test('Message-ID, In-Reply-To and folded References are read as written', async () => {
  const message = await parseRawMessage(fixture('headers.eml'));
  assert.equal(message.messageId, '<CAF=reply-0042@mail.example.nl>');
  assert.equal(message.inReplyTo, '<ack-KL-2026-00042@wijzijnhecht.nl>');
  assert.deepEqual(message.references, ['<first-0001@mail.example.nl>', '<ack-KL-2026-00042@wijzijnhecht.nl>']);
});

test('a long References keeps the thread root and the nearest 99 ancestors', async () => {
  const ids = Array.from({ length: 150 }, (_, index) => `<m${index}@example.nl>`);
  const message = await parseRawMessage(eml(['From: a@example.nl', `References: ${ids.join(`${CRLF} `)}`], 'x\r\n'));
  assert.equal(message.references.length, 100);
  assert.equal(message.references[0], '<m0@example.nl>');
  assert.equal(message.references[1], '<m51@example.nl>');
  assert.equal(message.references[99], '<m149@example.nl>');
});

test('a 10 KB Message-ID is no message id; the header map keeps a capped copy', async () => {
  const long = `<${'m'.repeat(10_240)}@example.nl>`;
  const message = await timed(() =>
    parseRawMessage(eml(['From: a@example.nl', `Message-ID: ${long}`, `In-Reply-To: ${long}`, `References: ${long} <ok@example.nl>`], 'x\r\n')),
  );
  assert.equal(message.messageId, null);
  assert.equal(message.inReplyTo, null);
  assert.deepEqual(message.references, ['<ok@example.nl>']);
  assert.equal(message.headers['message-id']?.length, 4_000);
});

// --- headers -----------------------------------------------------------------------------------

test('the header map has lower-case names, unfolded values and repeats joined by a newline', async () => {
  const message = await parseRawMessage(fixture('headers.eml'));
  assert.ok(Object.keys(message.headers).every((name) => name === name.toLowerCase()));
  assert.equal(message.headers['from'], 'Anouk de Wit <a.dewit@example.nl>');
  assert.equal(message.headers['subject'], 'Re: Ontvangstbevestiging KL-2026-00042');
  assert.equal(message.subject, 'Re: Ontvangstbevestiging KL-2026-00042');
  assert.equal(message.headers['x-mailer-note'], 'first\nsecond');
  const received = message.headers['received']?.split('\n') ?? [];
  assert.equal(received.length, 2);
  assert.match(received[0] ?? '', /^from mx2\.example\.net \(mx2\.example\.net \[192\.0\.2\.20\]\) by mx\.wijzijnhecht\.nl with ESMTPS id 1A2B3C for <klachtenopvang@wijzijnhecht\.nl>; Tue, 24 Nov 2026 12:00:02 \+0100$/);
  assert.equal(message.date, '2026-11-24T11:00:00.000Z');
});

test('10,000 distinct header lines: 200 names kept, From and Subject still parsed', async () => {
  const headers = Array.from({ length: 10_000 }, (_, index) => `X-Filler-${index}: waarde ${index}`);
  const message = await timed(() => parseRawMessage(eml([...headers, 'From: Piet <piet@example.nl>', 'Subject: na de vulling'], 'x\r\n')));
  assert.equal(Object.keys(message.headers).length, 200);
  assert.deepEqual(message.from, { name: 'Piet', address: 'piet@example.nl' });
  assert.equal(message.subject, 'na de vulling');
  assertBounded(message);
});

test('a long Received chain does not push Auto-Submitted out of the header map', async () => {
  const received = Array.from({ length: 10_000 }, (_, index) => `Received: from relay${index}.example.net by mx.example.net`);
  const message = await timed(() => parseRawMessage(eml([...received, 'From: a@example.nl', 'Auto-Submitted: auto-replied'], 'x\r\n')));
  assert.equal(message.headers['auto-submitted'], 'auto-replied');
  assert.equal(message.headers['received']?.split('\n').length, 50);
  assertBounded(message);
});

test('NUL bytes in header names, values, encoded words and the body are dropped', async () => {
  const raw = eml(
    ['From: Pi\0et <piet@example.nl>', 'Subj\0ect: verborgen', 'Subject: kla\0cht =?utf-8?B?AGVpbmQ=?=', 'X-Nul: \0\0\0', 'Content-Type: text/plain; charset=utf-8'],
    'tekst\0 met nul\r\n',
  );
  const message = await parseRawMessage(raw);
  assert.ok(!JSON.stringify(message).includes('\\u0000'), 'no NUL anywhere');
  assert.equal(message.from?.address, 'piet@example.nl');
  assert.equal(message.subject, 'klacht eind');
  assert.equal(message.text, 'tekst met nul\n');
  assert.equal(message.headers['x-nul'], '');
  assert.ok(!Object.keys(message.headers).some((name) => name.startsWith('subj') && name !== 'subject'));
});

test('a 5 MB header line is a parse_error, quickly; a 900 KB one parses with capped values', async () => {
  await rejectsWithParseError(() => parseRawMessage(eml(['From: a@example.nl', `Subject: ${'x'.repeat(5_000_000)}`], 'x\r\n')));
  await rejectsWithParseError(() => parseRawMessage(eml(['From: a@example.nl', `X-Folded: ${Array.from({ length: 70_000 }, () => 'y'.repeat(70)).join(`${CRLF} `)}`], 'x\r\n')));
  const to = Array.from({ length: 50_000 }, (_, index) => `u${index}@example.nl`).join(', ');
  const message = await timed(() => parseRawMessage(eml(['From: a@example.nl', `Subject: ${'x'.repeat(900_000)}`], 'x\r\n')));
  assert.equal(message.subject.length, 1_000);
  assert.equal(message.headers['subject']?.length, 4_000);
  assertBounded(await timed(() => parseRawMessage(eml(['From: a@example.nl', `To: ${to}`], 'x\r\n'))));
});

// --- bodies ------------------------------------------------------------------------------------

test('iso-8859-1 quoted-printable text and encoded headers are decoded', async () => {
  const message = await parseRawMessage(fixture('iso-8859-1-qp.eml'));
  assert.equal(message.subject, 'Klacht over coördinator');
  assert.deepEqual(message.from, { name: 'Renée de Gräff', address: 'renee.degraff@example.nl' });
  assert.match(message.text, /De coördinator heeft ons cafégesprek één keer afgezegd, zonder reden en zonder nieuwe afspraak\./);
  assert.match(message.text, /\nRenée de Gräff\n$/);
  assert.equal(message.hasHtml, false);
});

test('unknown and bogus charsets do not fail the parse; ASCII text survives', async () => {
  const message = await timed(() =>
    parseRawMessage(
      eml(
        [
          'From: =?x-bogus?B?QUJD?= <a@example.nl>',
          'Subject: =?foo-99?Q?caf=E9?= en =?utf-7?Q?+ADw-b+AD4-?=',
          'Content-Type: text/plain; charset="x-unknown-zz"',
          'Content-Transfer-Encoding: quoted-printable',
        ],
        'Mijn klacht gaat over caf=E9 De Zwaan.\r\n',
      ),
    ),
  );
  assert.equal(message.from?.address, 'a@example.nl');
  assert.match(message.subject, /^caf/);
  assert.match(message.text, /^Mijn klacht gaat over caf.{1,2} De Zwaan\.$/m);
  const utf7 = await parseRawMessage(eml(['From: a@example.nl', 'Content-Type: text/plain; charset=utf-7'], '+ADw-script+AD4-\r\n'));
  assert.ok(!utf7.text.includes('<script>'), 'UTF-7 bodies are not decoded into markup');
});

test('the text is cut at maxTextChars and flagged', async () => {
  const raw = eml(['From: a@example.nl'], `${'regel tekst\r\n'.repeat(100)}`);
  const cut = await parseRawMessage(raw, { maxTextChars: 50 });
  assert.equal(cut.text.length, 50);
  assert.equal(cut.textTruncated, true);
  const whole = await parseRawMessage(raw);
  assert.equal(whole.text.length, 1_200);
  assert.equal(whole.textTruncated, false);
});

// --- HTML --------------------------------------------------------------------------------------

test('Outlook HTML inside multipart/related becomes text: paragraphs, breaks, lists, tables, entities', async () => {
  const message = await parseRawMessage(fixture('outlook-related-logo.eml'));
  assert.equal(message.contentType, 'multipart/related');
  assert.equal(message.hasHtml, true);
  assert.equal(
    message.text,
    [
      'Klacht van J.W. van der Meer',
      '',
      'Geachte heer/mevrouw,',
      '',
      'Het gesprek op 4 november ging mis:',
      'de afspraak werd verzet & niemand belde terug.',
      '',
      ' * eerste punt',
      ' * tweede punt één',
      '',
      'Adres Hooigracht 15',
      'Postcode 2312 KM Leiden',
      '',
      'Met vriendelijke groet,',
      '',
      'J.W. van der Meer',
    ].join('\n'),
  );
  assert.deepEqual(
    message.attachments.map((attachment) => [attachment.filename, attachment.contentType]),
    [['image001.png', 'image/png']],
  );
});

test('HTML-only mail with an attachment (multipart/mixed) gets text too', async () => {
  const message = await parseRawMessage(fixture('outlook-html-with-attachment.eml'));
  assert.equal(message.text, 'Beste klachtenfunctionaris,\n\nIn de bijlage vindt u mijn ingevulde klachtformulier.\n\nGroet,\nFatima el Amrani\nRijnsburgerweg 210\n2334 BP Leiden');
  assert.equal(message.attachments.length, 1);
});

test('root HTML and HTML inside multipart/related give the same text', async () => {
  const html = '<p>Lange regel zonder afbreken die veel langer is dan tachtig tekens, zodat een omloop zou opvallen in de tekst.</p><table><tr><td>Naam</td><td>Sanne Vos</td></tr></table>';
  const root = await parseRawMessage(eml(['From: a@example.nl', 'Content-Type: text/html; charset=utf-8'], html));
  const related = await parseRawMessage(
    eml(['From: a@example.nl', 'Content-Type: multipart/related; boundary="r"'], `--r${CRLF}Content-Type: text/html; charset=utf-8${CRLF}${CRLF}${html}${CRLF}--r--${CRLF}`),
  );
  assert.equal(root.text, related.text);
  assert.equal(root.text, htmlToPlainText(html));
  assert.equal(root.text, 'Lange regel zonder afbreken die veel langer is dan tachtig tekens, zodat een omloop zou opvallen in de tekst.\n\nNaam Sanne Vos');
});

test('with a plain text alternative, the plain text is the text', async () => {
  const message = await parseRawMessage(
    eml(
      ['From: a@example.nl', 'Content-Type: multipart/alternative; boundary="alt"'],
      [`--alt`, 'Content-Type: text/plain; charset=utf-8', '', 'platte tekst', '--alt', 'Content-Type: text/html; charset=utf-8', '', '<p>html tekst</p>', '--alt--', ''].join(CRLF),
    ),
  );
  assert.equal(message.text, 'platte tekst');
  assert.equal(message.hasHtml, true);
});

test('htmlToPlainText: entities, links, headings and images', () => {
  assert.equal(htmlToPlainText('<p>&euro; 10 &amp; &#233;&#xE9;n&nbsp;keer</p>'), '€ 10 & één keer');
  assert.equal(htmlToPlainText('<a href="https://example.nl/klacht">formulier</a>'), 'formulier [https://example.nl/klacht]');
  assert.equal(htmlToPlainText('<a href="https://example.nl">https://example.nl</a>'), 'https://example.nl');
  assert.equal(htmlToPlainText('<h1>Klacht van Sanne de Vries</h1>'), 'Klacht van Sanne de Vries');
  assert.equal(htmlToPlainText('<p>tekst<img src="cid:logo@x" alt="logo"></p>'), 'tekst');
  assert.equal(htmlToPlainText('<style>p{color:red}</style><script>alert(1)</script><p>alleen dit</p>'), 'alleen dit');
  assert.equal(htmlToPlainText('<ol><li>een</li><li>twee</li></ol>'), ' 1. een\n 2. twee');
});

test('HTML nested 200,000 levels deep is reduced to its words without the converter', async () => {
  const deep = `${'<b>'.repeat(200_000)}diep verstopt`;
  assert.equal(await timed(async () => htmlToPlainText(deep)), 'diep verstopt');
  const message = await timed(() =>
    parseRawMessage(eml(['From: a@example.nl', 'Content-Type: multipart/related; boundary="r"'], `--r${CRLF}Content-Type: text/html${CRLF}${CRLF}${deep}${CRLF}--r--${CRLF}`)),
  );
  assert.equal(message.text, 'diep verstopt');
});

test('a 20 MB HTML-only body is converted up to maxHtmlChars, cut and flagged', async () => {
  const paragraph = '<p>Hallo wereld &amp; meer tekst</p>\r\n';
  const html = `<html><body>${paragraph.repeat(Math.ceil(20_000_000 / paragraph.length))}</body></html>`;
  for (const raw of [
    eml(['From: a@example.nl', 'Content-Type: text/html; charset=utf-8'], html),
    eml(['From: a@example.nl', 'Content-Type: multipart/related; boundary="r"'], `--r${CRLF}Content-Type: text/html${CRLF}${CRLF}${html}${CRLF}--r--${CRLF}`),
  ]) {
    const message = await timed(() => parseRawMessage(raw));
    assert.equal(message.textTruncated, true);
    assert.ok(message.text.length <= 1_000_000);
    assert.ok(message.text.startsWith('Hallo wereld & meer tekst\n\nHallo wereld & meer tekst'));
    assertBounded(message);
  }
  const small = await parseRawMessage(eml(['From: a@example.nl', 'Content-Type: text/html'], html.slice(0, 20_000)), { maxHtmlChars: 1_000 });
  assert.equal(small.textTruncated, true);
  assert.ok(small.text.length < 1_000);
});

// --- attachments -------------------------------------------------------------------------------

const ATTACHMENT_BYTES = new Map(
  readFileSync(join(FIXTURES, 'attachment-bytes.txt'), 'utf8')
    .trim()
    .split('\n')
    .map((line) => {
      const [name, hex] = line.split(' ');
      return [name ?? '', Buffer.from(hex ?? '', 'hex')] as const;
    }),
);

test('attachments are hashed over their decoded bytes and described, never kept', async () => {
  const message = await parseRawMessage(fixture('attachments.eml'));
  const pdf = ATTACHMENT_BYTES.get('pdf') ?? Buffer.alloc(0);
  const tnef = ATTACHMENT_BYTES.get('tnef') ?? Buffer.alloc(0);
  assert.deepEqual(message.attachments, [
    { filename: 'formulier.pdf', contentType: 'application/pdf', size: pdf.length, sha256: sha256(pdf) },
    { filename: 'winmail.dat', contentType: 'application/ms-tnef', size: tnef.length, sha256: sha256(tnef) },
  ]);
  const kept = JSON.stringify(message);
  assert.ok(!kept.includes('Fictional complaint form') && !kept.includes(pdf.toString('base64').slice(0, 40)), 'no attachment content in the result');
  assert.equal(message.text, 'Zie de bijlagen.\n');
});

test('attachments streamed in small chunks give the same sizes and hashes', async () => {
  const raw = fixture('attachments.eml');
  assert.deepEqual((await parseMessageStream(chunked(raw, 7))).attachments, (await parseRawMessage(raw)).attachments);
});

test('a delivery report keeps multipart/report as its content type', async () => {
  const message = await parseRawMessage(fixture('dsn-report.eml'));
  assert.equal(message.contentType, 'multipart/report');
  assert.equal(message.headers['return-path'], '<>');
  assert.match(message.text, /could not\nbe delivered/);
  assert.match(message.text, /Status: 5\.1\.1/);
});

// --- structure ---------------------------------------------------------------------------------

function nested(depth: number): Buffer {
  let raw = `From: a@example.nl${CRLF}Subject: genest${CRLF}MIME-Version: 1.0${CRLF}`;
  for (let level = 0; level < depth; level += 1) raw += `Content-Type: multipart/mixed; boundary="b${level}"${CRLF}${CRLF}--b${level}${CRLF}`;
  raw += `Content-Type: text/plain${CRLF}${CRLF}diepe tekst${CRLF}`;
  for (let level = depth - 1; level >= 0; level -= 1) raw += `--b${level}--${CRLF}`;
  return Buffer.from(raw);
}

test('200 levels of nested multiparts parse; 5,000 are a parse_error', async () => {
  const message = await timed(() => parseRawMessage(nested(200)));
  assert.equal(message.text, 'diepe tekst');
  assert.equal(message.contentType, 'multipart/mixed');
  await rejectsWithParseError(() => parseRawMessage(nested(5_000)));
});

test('bytes that are not MIME at all give an empty message, not a crash', async () => {
  const empty = await parseRawMessage(Buffer.alloc(0));
  assert.equal(empty.from, null);
  assert.equal(empty.text, '');
  assert.equal(empty.contentType, 'text/plain');
});

// --- line endings ------------------------------------------------------------------------------

function withLineEnds(raw: Buffer, end: '\n' | '\r'): Buffer {
  return Buffer.from(raw.toString('latin1').replace(/\r\n/g, end), 'latin1');
}

/** LF-only copies change the bytes of parts that are not base64 (text/rfc822-headers), so their hashes. */
function withoutAttachmentBytes(message: ParsedMessage): unknown {
  return { ...message, attachments: message.attachments.map(({ filename, contentType }) => ({ filename, contentType })) };
}

test('CRLF, LF-only and CR-only copies of each fixture parse the same, in any chunking', async () => {
  for (const name of readdirSync(FIXTURES).filter((file) => file.endsWith('.eml'))) {
    const raw = fixture(name);
    const expected = await parseRawMessage(raw);
    assert.ok(expected.from !== null, `${name} has a sender`);
    for (const size of [1, 13, 64 * 1024]) {
      assert.deepEqual(await parseMessageStream(chunked(withLineEnds(raw, '\r'), size)), expected, `${name}, CR, chunks of ${size}`);
      const lf = await parseMessageStream(chunked(withLineEnds(raw, '\n'), size));
      assert.deepEqual(withoutAttachmentBytes(lf), withoutAttachmentBytes(expected), `${name}, LF, chunks of ${size}`);
    }
  }
});

test('sisimai: old-Mac copies parse like their Unix twins', { skip: sisimai.skip }, async () => {
  let compared = 0;
  for (const file of readdirSync(join(SISIMAI, 'mac'))) {
    if (!existsSync(join(SISIMAI, 'bsd', file))) continue;
    const [mac, bsd] = await Promise.all([parseRawMessage(readFileSync(join(SISIMAI, 'mac', file))), parseRawMessage(readFileSync(join(SISIMAI, 'bsd', file)))]);
    assert.ok(Object.keys(mac.headers).length > 3, `${file}: headers found`);
    assert.deepEqual(Object.keys(mac.headers), Object.keys(bsd.headers), file);
    assert.deepEqual([mac.from, mac.subject, mac.contentType], [bsd.from, bsd.subject, bsd.contentType], file);
    compared += 1;
  }
  assert.ok(compared >= 50, `compared ${compared} pairs`);
});

// --- the stream contract -----------------------------------------------------------------------

test('after a parse_error the source is drained, so the caller can finish its hash', async () => {
  const source = chunked(eml(['From: a@example.nl', `Subject: ${'x'.repeat(3_000_000)}`], 'rest van het bericht\r\n'), 16 * 1024);
  await rejectsWithParseError(() => parseMessageStream(source));
  let timer: NodeJS.Timeout | undefined;
  try {
    await Promise.race([finished(source), new Promise((_, reject) => (timer = setTimeout(() => reject(new Error('source never ended')), 5_000)))]);
  } finally {
    clearTimeout(timer);
  }
});

test('a failing source rejects with its own error, not a parse_error', async () => {
  const lost = new Error('connection lost');
  const source = new Readable({
    read() {
      this.push(Buffer.from(`From: a@example.nl${CRLF}Subject: half${CRLF}${CRLF}begin`));
      this.destroy(lost);
    },
  });
  await assert.rejects(() => parseMessageStream(source), (error: unknown) => error === lost);
});
