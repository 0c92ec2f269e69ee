/**
 * The exactly-once guard of sendReply against a real Redis and SMTP server. BullMQ may run a
 * job again after the mail server said 250 (a crash before the job was marked complete); the
 * record's reply events, not BullMQ, decide whether the reply goes out.
 */
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { loadConfig, type Config } from '../../src/config.ts';
import { makeReplyIds } from '../../src/domain/reply-ids.ts';
import { AppError } from '../../src/errors.ts';
import { makeLogger } from '../../src/log.ts';
import { makeComplaintStore, type ComplaintStore } from '../../src/adapters/complaint-store.ts';
import { makeSmtpMailer, type Mailer } from '../../src/adapters/mailer.ts';
import { makeMetrics, type Metrics } from '../../src/adapters/metrics.ts';
import { makeQueues, type Queues } from '../../src/adapters/queues.ts';
import { makeReplyLedger } from '../../src/adapters/reply-ledger.ts';
import { loadTemplates } from '../../src/adapters/templates/load-templates.ts';
import { systemClock } from '../../src/adapters/system-clock.ts';
import { ingestMessage } from '../../src/app/ingest-message.ts';
import { readMessage } from '../../src/adapters/read-message.ts';
import { makeRecordEffects } from '../../src/app/record-effects.ts';
import { sendReply, type SendReplyDeps } from '../../src/app/send-reply.ts';
import type { ComplaintRecord } from '../../src/domain/complaint-record.ts';
import type { ReplyJob } from '../../src/domain/jobs.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { makeMessage, makeRecord, makeTriage } from '../fixtures/records.ts';
import { eventsOf as eventsOfType, type EventType } from '../../src/domain/record-events.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

const templates = loadTemplates(resolve(import.meta.dirname, '..', '..', 'templates'));

let server: RedisServer;
let smtp: SmtpSink;
let redis: Redis;

before(async () => {
  [server, smtp] = await Promise.all([startRedis(), startSmtpSink()]);
  redis = new Redis(server.url, { maxRetriesPerRequest: null });
});
after(async () => {
  await redis?.quit().catch(() => redis.disconnect());
  await Promise.all([server?.stop(), smtp?.stop()]);
});

interface Context {
  prefix: string;
  config: Config;
  store: ComplaintStore;
  queues: Queues;
  metrics: Metrics;
  logLines: string[];
  mailers: Mailer[];
  /** Fresh deps per call, as a restarted worker would have: a new SMTP connection. */
  deps(): SendReplyDeps;
}
let ctx: Context;
const replyIds = makeReplyIds('test-secret-of-at-least-32-characters', 'wijzijnhecht.nl');

beforeEach(() => {
  smtp.messages.length = 0;
  const prefix = `t${randomBytes(5).toString('hex')}`;
  const config = loadConfig({ REDIS_EMBEDDED: 'never', REDIS_KEY_PREFIX: prefix, SMTP_HOST: smtp.host, SMTP_PORT: String(smtp.port), SMTP_SECURE: 'false' });
  const store = makeComplaintStore(redis, prefix);
  const queues = makeQueues(redis, store.keys.bullPrefix(), { retryBaseMs: 200 });
  const metrics = makeMetrics();
  const logLines: string[] = [];
  const log = makeLogger({ level: 'debug', sink: (line) => logLines.push(line) });
  const mailers: Mailer[] = [];
  const ledger = makeReplyLedger(redis, store.keys);
  ctx = {
    prefix,
    config,
    store,
    queues,
    metrics,
    logLines,
    mailers,
    deps: () => {
      const mailer = makeSmtpMailer(config);
      mailers.push(mailer);
      return { store, mailer, templates, ledger, config, log, metrics, replyIds };
    },
  };
});
afterEach(async () => {
  for (const mailer of ctx.mailers) mailer.close();
  await ctx.queues.close();
  const keys = await redis.keys(`${ctx.prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

/** A complaint through the real intake: record, events and its queued acknowledgement. */
async function ingestComplaint(from = 'Marieke de Vries <m.devries@example.nl>'): Promise<string> {
  const raw = makeEml({ from });
  const effects = makeRecordEffects({ store: ctx.store, queues: ctx.queues, config: ctx.config, log: makeLogger({ sink: () => undefined }), clock: systemClock });
  const result = await ingestMessage(
    { store: ctx.store, config: ctx.config, log: makeLogger({ sink: () => undefined }), metrics: ctx.metrics, readMessage, effects, replyIds },
    { source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'a.eml' }, receivedAt: new Date('2026-11-23T09:15:00Z'), declaredSize: raw.length, open: async () => Readable.from([raw]) },
  );
  assert.equal(result.outcome, 'created');
  return result.id;
}

/** A record written straight through the store, for shapes intake would not produce. */
async function createRecord(overrides: Partial<ComplaintRecord>): Promise<string> {
  const { id: _id, ...record } = makeRecord(overrides);
  const result = await ctx.store.create({ record: { ...record, source: { ...record.source, sha256: randomBytes(32).toString('hex') } }, events: [], fingerprint: null, senderAddress: null });
  return result.id;
}

const eventsOf = async <T extends EventType>(id: string, type: T) => eventsOfType(await ctx.store.events(id), type);

describe('sendReply exactly once', () => {
  test('a job run again after the server accepted it (crash before completion) is not sent twice', async () => {
    const id = await ingestComplaint();
    const record = await ctx.store.require(id);
    assert.equal(record.triage?.reply, 'acknowledgement');
    const queued = await ctx.queues.replies.getJob(`reply-${id}-acknowledgement`);
    assert.ok(queued, 'intake queued the reply');
    const job = queued.data as ReplyJob;

    assert.equal(await sendReply(ctx.deps(), job), 'sent');
    await smtp.waitFor(1);
    // The worker "crashed" here: BullMQ never heard the job completed and hands it out again.
    assert.equal(await sendReply(ctx.deps(), job), 'already_sent');
    assert.equal(await sendReply(ctx.deps(), job), 'already_sent');

    assert.equal(smtp.messages.length, 1, 'one message reached the server');
    assert.deepEqual(smtp.messages[0]?.envelope.to, ['m.devries@example.nl']);
    const sent = await eventsOf(id, 'reply_sent');
    assert.equal(sent.length, 1);
    assert.equal(sent[0]?.data.jobId, `reply-${id}-acknowledgement`);
    assert.equal(ctx.metrics.get('replies_sent_total'), 1);
  });

  test('the message sent is an automatic reply with a deterministic Message-ID and the reference', async () => {
    const id = await ingestComplaint();
    await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' });
    const raw = (await smtp.waitFor(1))[0]?.raw.toString('utf8') ?? '';
    assert.match(raw, /^Auto-Submitted: auto-replied\r?$/m);
    assert.match(raw, new RegExp(`^Message-ID:\\s+<${id}\\.acknowledgement\\.h1-[0-9a-f]{32}\\.klachtenopvang@wijzijnhecht\\.nl>\\r?$`, 'm'));
    assert.ok(raw.replace(/\r\n /g, ' ').includes(`Message-ID: ${replyIds.messageId(id, 'acknowledgement')}`), 'the id carries the HMAC under the service secret');
    assert.match(raw, new RegExp(`^X-Klachtenopvang-Reference: ${id}\\r?$`, 'm'));
    assert.ok(!raw.includes('Klacht over gesprek'), 'the subject of the complaint is not quoted');
  });

  test('a Message-ID or References entry without msg-id syntax is never copied into our headers', async () => {
    const id = await createRecord({
      message: makeMessage({ messageId: 'geen-haakjes@example.nl Bcc: x@example.com', references: ['<goed-1@example.nl>', '<kwaad"aanhalingsteken@example.nl>', '<a@example.nl><b@example.nl>', '<résumé@example.nl>', '<goed-2@[127.0.0.1]>'] }),
    });
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' }), 'sent');
    const raw = ((await smtp.waitFor(1))[0]?.raw.toString('utf8') ?? '').replace(/\r\n[ \t]+/g, ' ');
    assert.doesNotMatch(raw, /^In-Reply-To:/m, 'a malformed Message-ID is not echoed');
    assert.doesNotMatch(raw, /^References:/m, 'no thread to join without the message\'s own id');
    assert.ok(!raw.includes('Bcc: x@example.com'));
  });

  test('a well-formed Message-ID is answered with In-Reply-To, and References keep only well-formed entries', async () => {
    const id = await createRecord({
      message: makeMessage({ messageId: '<CAF+x.y_z@mail.example.nl>', references: ['<root@example.nl>', '<kwaad"aanhalingsteken@example.nl>', '<a@example.nl><b@example.nl>', '<résumé@example.nl>', '<goed-2@[127.0.0.1]>'] }),
    });
    await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' });
    const raw = ((await smtp.waitFor(1))[0]?.raw.toString('utf8') ?? '').replace(/\r\n[ \t]+/g, ' ');
    assert.match(raw, /^In-Reply-To: <CAF\+x\.y_z@mail\.example\.nl>\r?$/m);
    assert.match(raw, /^References: <root@example\.nl> <goed-2@\[127\.0\.0\.1\]> <CAF\+x\.y_z@mail\.example\.nl>\r?$/m, 'malformed entries are left out');
    assert.ok(!raw.includes('kwaad') && !raw.includes('résumé'));
  });

  test('a different reply to the same complaint is its own job and is sent', async () => {
    const id = await ingestComplaint();
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' }), 'sent');
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'followup_received', key: 'abc123' }), 'sent');
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'followup_received', key: 'abc123' }), 'already_sent');
    assert.equal(smtp.messages.length, 2);
  });

  test('a permanent refusal (550) is recorded once and the job is not tried again', async () => {
    const id = await ingestComplaint();
    const job: ReplyJob = { complaintId: id, type: 'acknowledgement', key: '' };
    smtp.failNext(1, 550, 'No such user');
    await assert.rejects(sendReply(ctx.deps(), job), (error: unknown) => error instanceof AppError && error.code === 'reply_rejected' && error.permanent);
    assert.equal(await sendReply(ctx.deps(), job), 'already_sent');
    assert.equal(smtp.messages.length, 0);
    const failed = await eventsOf(id, 'reply_failed');
    assert.equal(failed.length, 1);
    assert.equal(failed[0]?.data.smtpCode, 550);
  });

  test('a temporary refusal (451) leaves no event, so the retry sends', async () => {
    const id = await ingestComplaint();
    const job: ReplyJob = { complaintId: id, type: 'acknowledgement', key: '' };
    smtp.failNext(1, 451, 'Try again later');
    await assert.rejects(sendReply(ctx.deps(), job), (error: unknown) => error instanceof AppError && error.code === 'reply_deferred' && !error.permanent);
    assert.equal((await eventsOf(id, 'reply_sent')).length + (await eventsOf(id, 'reply_failed')).length, 0);
    assert.equal(await sendReply(ctx.deps(), job), 'sent');
    assert.equal(smtp.messages.length, 1);
  });

  test('the log holds the reference, never the recipient', async () => {
    const id = await ingestComplaint();
    await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' });
    const text = ctx.logLines.join('\n');
    assert.ok(text.includes(id));
    assert.ok(!text.includes('devries'), text);
  });

  test(
    'two workers running the same job at once (a stalled job handed out again) send it once',
    async () => {
      const id = await ingestComplaint();
      const job: ReplyJob = { complaintId: id, type: 'acknowledgement', key: '' };
      const outcomes = await Promise.all([sendReply(ctx.deps(), job), sendReply(ctx.deps(), job)]);
      assert.deepEqual(outcomes.sort(), ['already_sent', 'sent']);
      assert.equal(smtp.messages.length, 1);
    },
  );
});

describe('sendReply suppression', () => {
  test('a recipient equal to our own mailbox address is suppressed (own_address), in any letter case', async () => {
    for (const address of ['klachtenopvang@wijzijnhecht.nl', 'KlachtenOpvang@WijZijnHecht.NL']) {
      const id = await createRecord({ message: makeMessage({ from: { name: 'Klachtenopvang', address } }), contact: { name: null, email: address, phone: null, address: null } });
      const job: ReplyJob = { complaintId: id, type: 'acknowledgement', key: '' };
      assert.equal(await sendReply(ctx.deps(), job), 'suppressed', address);
      const suppressed = await eventsOf(id, 'reply_suppressed');
      assert.equal(suppressed[0]?.data.reason, 'own_address');
      assert.equal(await sendReply(ctx.deps(), job), 'already_sent', 'a suppression is final too');
    }
    assert.equal(smtp.messages.length, 0);
    assert.equal(ctx.metrics.get('replies_suppressed_total'), 2);
  });

  test('a Reply-To pointing at our own mailbox is suppressed as well', async () => {
    const id = await createRecord({ message: makeMessage({ replyTo: { name: '', address: 'klachtenopvang@wijzijnhecht.nl' } }) });
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' }), 'suppressed');
    assert.equal((await eventsOf(id, 'reply_suppressed'))[0]?.data.reason, 'own_address');
    assert.equal(smtp.messages.length, 0);
  });

  test('a record whose triage chose no reply is suppressed', async () => {
    const id = await createRecord({ triage: makeTriage({ reply: null }) });
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' }), 'suppressed');
    assert.equal((await eventsOf(id, 'reply_suppressed'))[0]?.data.reason, 'triage_says_no_reply');
    assert.equal(smtp.messages.length, 0);
  });

  test('a reply of another type than triage chose is suppressed', async () => {
    const id = await createRecord({ triage: makeTriage({ reply: 'request_details' }) });
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' }), 'suppressed');
    assert.equal(smtp.messages.length, 0);
  });

  test('automatic mail never gets even an officer-decided notice', async () => {
    const id = await createRecord({ status: 'ignored', triage: makeTriage({ kind: 'bounce', contentKind: 'bounce', reply: null }) });
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'not_handled_notice', key: '' }), 'suppressed');
    assert.equal((await eventsOf(id, 'reply_suppressed'))[0]?.data.reason, 'automatic_mail');
    assert.equal(smtp.messages.length, 0);
  });

  test('a record without any address to answer is suppressed (no_recipient)', async () => {
    const id = await createRecord({ message: null, contact: { name: null, email: null, phone: null, address: null } });
    assert.equal(await sendReply(ctx.deps(), { complaintId: id, type: 'acknowledgement', key: '' }), 'suppressed');
    assert.equal((await eventsOf(id, 'reply_suppressed'))[0]?.data.reason, 'no_recipient');
  });

  test('an unknown complaint is a permanent error', async () => {
    await assert.rejects(
      sendReply(ctx.deps(), { complaintId: 'KL-2026-09999', type: 'acknowledgement', key: '' }),
      (error: unknown) => error instanceof AppError && error.code === 'record_not_found' && error.permanent,
    );
  });
});
