import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { makeLogger, sanitizeFields, silentLogger, type LogLevel } from '../../src/log.ts';

function capture(level?: LogLevel) {
  const lines: string[] = [];
  const log = makeLogger({ ...(level ? { level } : {}), sink: (line) => lines.push(line) });
  const entries = () => lines.map((line) => JSON.parse(line) as Record<string, unknown>);
  return { log, lines, entries };
}

describe('sanitizeFields', () => {
  test('redacts fields whose name suggests personal data, whatever the value', () => {
    const fields = {
      name: 'Marieke de Vries',
      senderName: 'Marieke',
      address: 'Hynsteblom 4',
      replyAddress: 'x',
      subject: 'Klacht over gesprek',
      body: 'Ik wil een klacht indienen',
      text: 'tekst',
      html: '<p>tekst</p>',
      from: 'm.devries',
      to: 'klachtenopvang',
      cc: 'someone',
      email: 'not-an-address',
      phone: '0612345678',
      street: 'Hynsteblom',
      postcode: '2311 CS',
      city: 'Leiden',
      headers: 'Received: from ...',
      reason_text: 'officer text',
      outcome: 'officer text',
      Subject: 'upper case key',
    };
    const out = sanitizeFields(fields);
    for (const key of Object.keys(fields)) assert.equal(out[key], '[redacted]', key);
  });

  test('redacts a number or boolean under a personal field name too', () => {
    assert.deepEqual(sanitizeFields({ phone: 612345678, name: true }), { phone: '[redacted]', name: '[redacted]' });
  });

  test('redacts any value that looks like an e-mail address, whatever the field is called', () => {
    const out = sanitizeFields({ id: 'm.devries@example.nl', detail: 'sent to <m.devries@example.nl> today', code: 'x@y' });
    assert.deepEqual(out, { id: '[redacted]', detail: '[redacted]', code: '[redacted]' });
  });

  test('keeps ids, counts, durations, codes and booleans', () => {
    const fields = { id: 'KL-2026-00042', count: 3, ms: 12.5, code: 'ECONNREFUSED', ok: true, status: 'open', smtpCode: null };
    assert.deepEqual(sanitizeFields(fields), fields);
  });

  test('drops undefined fields', () => {
    assert.deepEqual(sanitizeFields({ id: 'KL-2026-00042', extra: undefined }), { id: 'KL-2026-00042' });
  });

  test('cuts long strings to 200 characters', () => {
    const out = sanitizeFields({ detail: 'x'.repeat(500) });
    assert.equal(out['detail'], `${'x'.repeat(200)}…`);
  });

  test('does not change its input', () => {
    const fields = { name: 'Marieke', id: 'KL-2026-00042' };
    sanitizeFields(fields);
    assert.deepEqual(fields, { name: 'Marieke', id: 'KL-2026-00042' });
  });
});

describe('makeLogger', () => {
  test('writes one JSON line per call through the sink, with time, level and event', () => {
    const { log, lines, entries } = capture();
    log.info('record_created', { id: 'KL-2026-00042', bytes: 512 });
    assert.equal(lines.length, 1);
    assert.ok(!lines[0]?.includes('\n'));
    const [entry] = entries();
    assert.equal(entry?.['level'], 'info');
    assert.equal(entry?.['event'], 'record_created');
    assert.equal(entry?.['id'], 'KL-2026-00042');
    assert.equal(entry?.['bytes'], 512);
    assert.ok(!Number.isNaN(Date.parse(String(entry?.['time']))), 'time is an ISO timestamp');
  });

  test('personal data passed by a call site never reaches the sink', () => {
    const { log, lines } = capture('debug');
    log.warn('reply_failed', { id: 'KL-2026-00042', to: 'm.devries@example.nl', subject: 'Klacht over gesprek', detail: 'rejected <m.devries@example.nl>' });
    const text = lines.join('\n');
    assert.ok(!text.includes('m.devries'), text);
    assert.ok(!text.includes('Klacht over gesprek'), text);
    assert.ok(text.includes('KL-2026-00042'));
  });

  test('the default level is info: debug is dropped', () => {
    const { log, entries } = capture();
    log.debug('noise');
    log.info('a');
    log.warn('b');
    log.error('c');
    assert.deepEqual(entries().map((e) => e['event']), ['a', 'b', 'c']);
  });

  test('a level lets through that level and above only', () => {
    const cases: [LogLevel, string[]][] = [
      ['debug', ['debug', 'info', 'warn', 'error']],
      ['info', ['info', 'warn', 'error']],
      ['warn', ['warn', 'error']],
      ['error', ['error']],
    ];
    for (const [level, expected] of cases) {
      const { log, entries } = capture(level);
      log.debug('e');
      log.info('e');
      log.warn('e');
      log.error('e');
      assert.deepEqual(entries().map((e) => e['level']), expected, level);
    }
  });

  test('a child adds its fields to every line, keeps the level and is sanitised too', () => {
    const { log, entries } = capture('warn');
    const child = log.child({ worker: 'replies', email: 'm.devries@example.nl' });
    child.info('dropped');
    child.warn('job_failed', { job: 'reply-KL-2026-00042-acknowledgement' });
    assert.deepEqual(entries(), [
      { time: entries()[0]?.['time'], level: 'warn', event: 'job_failed', worker: 'replies', email: '[redacted]', job: 'reply-KL-2026-00042-acknowledgement' },
    ]);
  });

  test('call-site fields override a child field of the same name', () => {
    const { log, entries } = capture();
    log.child({ worker: 'replies' }).info('e', { worker: 'officer' });
    assert.equal(entries()[0]?.['worker'], 'officer');
  });

  test(
    'a field named event, level or time does not replace the line\'s own',
    () => {
      const { log, entries } = capture();
      log.warn('real_event', { event: 'other', level: 'debug', time: 'yesterday' });
      const [entry] = entries();
      assert.equal(entry?.['event'], 'real_event');
      assert.equal(entry?.['level'], 'warn');
      assert.notEqual(entry?.['time'], 'yesterday');
    },
  );

  test('silentLogger writes nothing and does not throw', () => {
    const originalWrite = process.stderr.write;
    let written = 0;
    process.stderr.write = (() => {
      written += 1;
      return true;
    }) as typeof process.stderr.write;
    try {
      silentLogger.error('e', { id: 'x' });
      silentLogger.child({ a: 1 }).error('e');
    } finally {
      process.stderr.write = originalWrite;
    }
    assert.equal(written, 0);
  });
});

describe('credentials never reach a log line', () => {
  test('fields named like a token, secret, password or assertion are redacted', () => {
    const out = sanitizeFields({ accessToken: 'eyJ.x.y', clientSecret: 's', password: 'p', client_assertion: 'a', code: 'imap_token_refused' });
    assert.deepEqual(out, { accessToken: '[redacted]', clientSecret: '[redacted]', password: '[redacted]', client_assertion: '[redacted]', code: 'imap_token_refused' });
  });
});
