/**
 * The command line as an officer uses it: `node workers/cli.ts ...` in a child process, against a
 * private Redis with a key prefix per test. Records are created through the store.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { after, afterEach, before, beforeEach, describe, test } from 'node:test';
import { Redis } from 'ioredis';
import { makeComplaintStore, type ComplaintStore } from '../../src/adapters/complaint-store.ts';
import { amsterdamDateOf } from '../../src/domain/calendar-date.ts';
import { type ComplaintRecord } from '../../src/domain/complaint-record.ts';
import { makeEvent, type RecordEvent } from '../../src/domain/record-events.ts';
import { computeDeadline, DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadlines.ts';
import { TriageResultSchema } from '../../src/domain/triage/triage-result.ts';
import { makeMessage, makeRecord, makeTriage } from '../fixtures/records.ts';
import { SAMPLE_COMPLAINT_BODY as SAMPLE_TEXT } from '../helpers/make-eml.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { makeTempDir, removeTempDir } from '../helpers/spawned-server.ts';
import { sampleEvent } from '../fixtures/events.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

const ROOT = resolve(import.meta.dirname, '..', '..');
const CLI = resolve(ROOT, 'workers', 'cli.ts');
const FIXTURES = resolve(ROOT, 'test', 'fixtures', 'triage');
const USAGE_LINE = 'klachtenopvang command line';

let server: RedisServer;
let redis: Redis;
let dataDir: string;
let prefix: string;
let store: ComplaintStore;

before(async () => {
  [server, dataDir] = await Promise.all([startRedis(), makeTempDir('klachten-cli-')]);
  redis = new Redis(server.url, { maxRetriesPerRequest: 1 });
});
after(async () => {
  await redis?.quit().catch(() => redis.disconnect());
  await server?.stop();
  if (dataDir) await removeTempDir(dataDir);
});
beforeEach(() => {
  prefix = `cli${randomBytes(5).toString('hex')}`;
  store = makeComplaintStore(redis, prefix);
});
afterEach(async () => {
  const keys = await redis.keys(`${prefix}*`);
  if (keys.length > 0) await redis.del(...keys);
});

interface CliRun {
  code: number | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs the CLI with a clean environment: nothing from the developer's shell but PATH and HOME. */
function cli(args: string[], env: Record<string, string> = {}): Promise<CliRun> {
  const started = Date.now();
  return new Promise((resolvePromise, reject) => {
    const child = spawn(process.execPath, [CLI, ...args], {
      cwd: ROOT,
      env: {
        PATH: process.env['PATH'] ?? '/usr/bin:/bin',
        HOME: process.env['HOME'] ?? '/tmp',
        USER: 'cli-test',
        REDIS_URL: server.url,
        REDIS_EMBEDDED: 'never',
        REDIS_KEY_PREFIX: prefix,
        METRICS_PORT: '0',
        DATA_DIR: dataDir,
        ...env,
      },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolvePromise({ code, stdout, stderr, ms: Date.now() - started });
    });
  });
}

const parse = (run: CliRun): unknown => {
  assert.equal(run.code, 0, `exit 0 expected; stderr: ${run.stderr}`);
  return JSON.parse(run.stdout);
};

/** Fictional personal data in every seeded record; list and report output must not show it. */
const PERSONAL = ['Marieke', 'Vries', 'example.nl', 'Hynsteblom', 'Klacht over gesprek'];

let seeded = 0;
async function seed(overrides: Partial<ComplaintRecord> = {}, events: RecordEvent[] = []): Promise<string> {
  seeded += 1;
  const { id: _id, ...record } = makeRecord(overrides);
  const created = await store.create({
    record: { ...record, source: { ...record.source, sha256: randomBytes(32).toString('hex') } },
    events: [sampleEvent('received', {}, { at: new Date(record.receivedAt), actor: 'intake' }), ...events],
    fingerprint: null,
    senderAddress: `sender${seeded}@example.nl`,
  });
  return created.id;
}

/** An open complaint received today, so its deadline has not passed and it may be extended. */
async function seedOpenToday(): Promise<string> {
  const now = new Date();
  const received = amsterdamDateOf(now);
  const term = computeDeadline({ received, route: 'standard', policy: DEFAULT_DEADLINE_POLICY });
  return seed({
    receivedAt: now.toISOString(),
    receivedDate: received,
    status: 'open',
    deadline: { route: 'standard', received, deadline: term.deadline, shiftedFrom: term.shiftedFrom, extensionWeeks: 0, reason: term.reason },
  });
}

const snapshot = async (id: string) => ({ json: await redis.get(store.keys.record(id)), events: await redis.lrange(store.keys.events(id), 0, -1) });

describe('offline commands (no Redis needed)', () => {
  test('deadline --received 2026-03-16 --json: King\'s Day moves the deadline to 2026-04-28', async () => {
    const view = parse(await cli(['deadline', '--received', '2026-03-16', '--json'])) as Record<string, unknown>;
    assert.equal(view['deadline'], '2026-04-28');
    assert.equal(view['shiftedFrom'], '2026-04-27');
    assert.equal(view['route'], 'standard');
    assert.equal(view['extensionWeeks'], 0);
  });

  test('deadline: a day that does not exist, an extension over 4 weeks, no date: exit 2 with a clear message', async () => {
    const bad = await cli(['deadline', '--received', '2026-02-30']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /this day does not exist in the calendar/);
    assert.equal(bad.stdout, '');
    const long = await cli(['deadline', '--received', '2026-03-16', '--extend-weeks', '5']);
    assert.equal(long.code, 2);
    assert.match(long.stderr, /--extend-weeks is at most 4/);
    const none = await cli(['deadline']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /--received is required/);
  });

  test('triage <fixture> --json prints a TriageResult', async () => {
    const expected = JSON.parse(readFileSync(resolve(FIXTURES, 'expected.json'), 'utf8')) as { messages: Record<string, { kind: string }> };
    const result = TriageResultSchema.parse(parse(await cli(['triage', resolve(FIXTURES, 'c01-complaint-complete-gmail.eml'), '--json'])));
    assert.equal(result.kind, expected.messages['c01-complaint-complete-gmail.eml']?.kind);
    const missing = await cli(['triage', resolve(FIXTURES, 'does-not-exist.eml')]);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /Cannot read .*does-not-exist\.eml \(ENOENT\)/);
  });

  test('triage <folder> <file> --json prints one JSON line per message, file name included, in one process', async () => {
    const run = await cli(['triage', resolve(FIXTURES, 'batch-02'), resolve(FIXTURES, 'c01-complaint-complete-gmail.eml'), '--json']);
    assert.equal(run.code, 0, run.stderr);
    const lines = run.stdout.trim().split('\n').map((line) => JSON.parse(line) as { file: string; kind: string });
    const inFolder = readdirSync(resolve(FIXTURES, 'batch-02')).filter((name) => name.endsWith('.eml'));
    assert.equal(lines.length, inFolder.length + 1);
    assert.ok(lines.every((line) => typeof line.file === 'string' && TriageResultSchema.safeParse({ ...line, file: undefined }).success));
    assert.equal(lines.at(-1)?.file, resolve(FIXTURES, 'c01-complaint-complete-gmail.eml'));
    assert.equal(lines.at(-1)?.kind, 'complaint');
  });

  test('templates preview acknowledgement --lang en prints English, in the layout of the snapshot files', async () => {
    const run = await cli(['templates', 'preview', 'acknowledgement', '--lang', 'en']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^Subject: Acknowledgement of receipt KL-\d{4}-\d{5}/m);
    // It printed its own layout once (no "Template:" line, "----- HTML -----"): now the one the snapshots use.
    assert.equal(run.stdout, readFileSync(resolve(import.meta.dirname, '../fixtures/template-snapshots/acknowledgement.en.txt'), 'utf8'));
    assert.match(run.stdout, /Dear Sir or Madam/);
    assert.doesNotMatch(run.stdout, /Beste meneer/);
    const bad = await cli(['templates', 'preview', 'acknowledgement', '--lang', 'fr']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--lang must be nl or en/);
  });

  test('unknown commands and options exit 2 with the usage, without waiting for Redis', async () => {
    const dead = `redis://127.0.0.1:${await getFreePort()}`;
    for (const args of [['frobnicate'], ['complaints', 'frobnicate'], ['complaints'], ['mailbox'], ['complaints', 'list', '--bogus'], ['deadline', '--received']]) {
      const run = await cli(args, { REDIS_URL: dead });
      assert.equal(run.code, 2, `${args.join(' ')}: ${run.stderr}`);
      assert.ok(run.stderr.includes(USAGE_LINE), `${args.join(' ')} prints the usage`);
      assert.ok(run.ms < 8_000, `${args.join(' ')} answered without connecting`);
    }
    assert.match((await cli(['frobnicate'], { REDIS_URL: dead })).stderr, /Unknown command "frobnicate"/);
    assert.match((await cli(['complaints', 'list', '--bogus'], { REDIS_URL: dead })).stderr, /Unknown option '--bogus'/);
    const help = await cli(['--help']);
    assert.equal(help.code, 0);
    assert.ok(help.stdout.includes('complaints purge-expired'));
  });

  test('a bad configuration exits 1 naming the variable, never its value', async () => {
    const run = await cli(['complaints', 'list'], { REDIS_KEY_PREFIX: 'secret:prefix-7q', RETENTION_YEARS: 'zeven' });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /REDIS_KEY_PREFIX: expected/);
    assert.match(run.stderr, /RETENTION_YEARS: expected whole years/);
    assert.ok(!run.stderr.includes('7q') && !run.stderr.includes('zeven'));
  });
});

describe('commands on records', () => {
  test('complaints list --json shows register fields only; show --json adds a viewed event with who looked', async () => {
    const a = await seed({ receivedAt: '2026-03-16T09:00:00.000Z', receivedDate: '2026-03-16' });
    const b = await seed({ receivedAt: '2026-03-17T09:00:00.000Z', receivedDate: '2026-03-17', status: 'routed', deadline: null, triage: makeTriage({ kind: 'compliment', contentKind: 'compliment' }) });

    const listRun = await cli(['complaints', 'list', '--json']);
    const list = parse(listRun) as { id: string; status: string; kind: string }[];
    assert.deepEqual(list.map((r) => r.id), [b, a], 'newest first');
    assert.deepEqual(list.map((r) => [r.status, r.kind]), [['routed', 'compliment'], ['open', 'complaint']]);
    for (const fragment of PERSONAL) assert.ok(!listRun.stdout.includes(fragment), `list does not show "${fragment}"`);
    const onlyOpen = parse(await cli(['complaints', 'list', '--status', 'open', '--json'])) as { id: string }[];
    assert.deepEqual(onlyOpen.map((r) => r.id), [a]);
    const table = await cli(['complaints', 'list']);
    assert.match(table.stdout, /^REFERENCE\s+RECEIVED\s+STATUS/);
    assert.equal((await redis.lrange(store.keys.events(a), 0, -1)).length, 1, 'listing leaves no trace because it shows no personal data');

    const shown = parse(await cli(['complaints', 'show', a.toLowerCase(), '--json', '--as', 'auditor'])) as ComplaintRecord & { events: RecordEvent[] };
    assert.equal(shown.id, a);
    assert.equal(shown.contact.name, 'Marieke de Vries');
    assert.equal(shown.events.at(-1)?.type, 'viewed');
    const events = await store.events(a);
    assert.deepEqual(events.map((e) => [e.type, e.actor]), [['received', 'intake'], ['viewed', 'auditor']]);
    const text = await cli(['complaints', 'show', a]);
    assert.match(text.stdout, /viewed\s+cli-test/, '$USER is the actor without --as');
  });

  test('complaints list --due-within and --sender use the deadline and sender indexes', async () => {
    const dueSoon = await seedOpenToday();
    const later = await seed({ status: 'open', deadline: { route: 'standard', received: '2026-11-20', deadline: '2099-01-01', shiftedFrom: null, extensionWeeks: 0, reason: 'test' } });
    const closed = await seed({ status: 'closed' });
    const within = parse(await cli(['complaints', 'list', '--due-within', '60', '--json'])) as { id: string }[];
    assert.deepEqual(within.map((r) => r.id), [dueSoon], 'only running complaints whose deadline falls in the window');
    const bySender = parse(await cli(['complaints', 'list', '--sender', `sender${seeded - 1}@example.nl`, '--json'])) as { id: string }[];
    assert.deepEqual(bySender.map((r) => r.id), [later]);
    assert.ok(!within.some((r) => r.id === closed));
    const bad = await cli(['complaints', 'list', '--due-within', 'soon']);
    assert.notEqual(bad.code, 0);
    assert.match(bad.stderr, /--due-within/);
  });

  test('unknown and malformed references fail with a clear message', async () => {
    const unknown = await cli(['complaints', 'show', 'KL-2026-99999']);
    assert.equal(unknown.code, 1);
    assert.match(unknown.stderr, /No complaint with reference KL-2026-99999/);
    const malformed = await cli(['complaints', 'show', '42']);
    assert.equal(malformed.code, 2);
    assert.match(malformed.stderr, /expected a reference like KL-2026-00042/);
    const none = await cli(['complaints', 'close', '--outcome', 'x']);
    assert.equal(none.code, 2);
    assert.match(none.stderr, /give the reference/);
  });

  test('complaints extend: once is allowed, a second time fails and changes nothing', async () => {
    const id = await seedOpenToday();
    const original = (await store.require(id)).deadline?.deadline;
    const first = await cli(['complaints', 'extend', id, '--weeks', '2', '--reason', 'Gesprek met medewerker', '--as', 'officer-a']);
    assert.equal(first.code, 0, first.stderr);
    assert.match(first.stdout, new RegExp(`${id} extended by 2 weeks`));
    const extended = await store.require(id);
    assert.equal(extended.deadline?.extensionWeeks, 2);
    assert.notEqual(extended.deadline?.deadline, original);
    const afterFirst = await snapshot(id);

    const second = await cli(['complaints', 'extend', id, '--weeks', '1', '--reason', 'Nog meer tijd']);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /already extended once/);
    assert.deepEqual(await snapshot(id), afterFirst, 'a refused action changes nothing');

    const tooLong = await cli(['complaints', 'extend', id, '--weeks', '5', '--reason', 'x']);
    assert.equal(tooLong.code, 2);
    assert.match(tooLong.stderr, /--weeks is at most 4/);
    const noReason = await cli(['complaints', 'extend', id, '--weeks', '1']);
    assert.equal(noReason.code, 2);
    assert.match(noReason.stderr, /--reason is required/);
  });

  test('complaints close: an outcome category and a letter or the reason none was sent; the old free text says what to use', async () => {
    const id = await seedOpenToday();
    const before = await snapshot(id);
    const oldStyle = await cli(['complaints', 'close', id, '--outcome', 'Opgelost in gesprek']);
    assert.equal(oldStyle.code, 2);
    assert.match(oldStyle.stderr, /--outcome is now the outcome category, one of: founded, partly_founded, unfounded, resolved_informally, withdrawn/);
    assert.match(oldStyle.stderr, /--summary/);
    const noLetter = await cli(['complaints', 'close', id, '--outcome', 'founded']);
    assert.equal(noLetter.code, 1);
    assert.match(noLetter.stderr, /No outcome letter was sent .*complaints write .*--no-letter/);
    const noOutcome = await cli(['complaints', 'close', id, '--no-letter', 'telefonisch opgelost']);
    assert.equal(noOutcome.code, 1);
    assert.match(noOutcome.stderr, /needs an outcome/);
    assert.deepEqual(await snapshot(id), before, 'refused closings change nothing');

    const first = await cli(['complaints', 'close', id, '--outcome', 'resolved_informally', '--no-letter', 'Telefonisch opgelost, klager tevreden', '--as', 'officer-b']);
    assert.equal(first.code, 0, first.stderr);
    assert.equal((await store.require(id)).status, 'closed');
    const closing = (await store.events(id)).at(-1);
    assert.equal(closing?.type, 'closed');
    assert.equal(closing?.actor, 'officer-b');
    assert.deepEqual(closing?.data, { category: 'resolved_informally', noLetterReason: 'Telefonisch opgelost, klager tevreden', previousStatus: 'open' });
    const afterFirst = await snapshot(id);
    const second = await cli(['complaints', 'close', id, '--outcome', 'founded', '--no-letter', 'x']);
    assert.equal(second.code, 1);
    assert.match(second.stderr, /already closed/);
    assert.deepEqual(await snapshot(id), afterFirst);
  });

  test('complaints write, heard, close: an outcome letter previewed and queued, the hearing recorded, then the complaint closes', async () => {
    const id = await seedOpenToday();
    const letter = ['complaints', 'write', id, '--template', 'outcome', '--outcome', 'founded', '--reasons', 'De afspraak had niet verzet mogen worden.'];
    const neither = await cli(letter);
    assert.equal(neither.code, 2);
    assert.match(neither.stderr, /--preview .* or --send/);
    const preview = await cli([...letter, '--preview']);
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /^To: m\.devries@example\.nl$/m);
    assert.match(preview.stdout, /Subject: Besluit over KL-/);
    assert.match(preview.stdout, /Uw klacht is gegrond/);
    assert.ok(!(await store.events(id)).some((e) => e.type === 'letter_written'), 'a preview records nothing');
    const sent = await cli([...letter, '--send', '--as', 'officer-a']);
    assert.equal(sent.code, 0, sent.stderr);
    assert.match(sent.stdout, /outcome letter is queued/);
    const types = (await store.events(id)).map((e) => e.type);
    assert.ok(types.includes('letter_written') && types.includes('reply_queued'));

    const today = amsterdamDateOf(new Date());
    const heard = await cli(['complaints', 'heard', id, '--date', today, '--how', 'telefoon']);
    assert.equal(heard.code, 2);
    assert.match(heard.stderr, /--how: expected one of: in_person, phone, video/);
    assert.equal((await cli(['complaints', 'heard', id, '--date', today, '--how', 'phone'])).code, 0);
    const show = await cli(['complaints', 'show', id]);
    assert.match(show.stdout, new RegExp(`hearing +held on ${today} \\(phone\\)`));

    const closed = await cli(['complaints', 'close', id, '--outcome', 'founded']);
    assert.equal(closed.code, 0, closed.stderr);
    assert.equal((await store.require(id)).status, 'closed');
  });

  test('complaints hearing-waived records the ground and the note; write --body-file reads the letter from a file', async () => {
    const id = await seedOpenToday();
    const bad = await cli(['complaints', 'hearing-waived', id, '--ground', 'busy']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--ground: expected one of: manifestly_unfounded, declined, no_response_in_time/);
    const waived = await cli(['complaints', 'hearing-waived', id, '--ground', 'declined', '--note', 'Wil niet gehoord worden.', '--as', 'officer-a']);
    assert.equal(waived.code, 0, waived.stderr);
    assert.match(waived.stdout, /hearing waived \(Awb 9:10 lid 2\) recorded/);
    const event = (await store.events(id)).at(-1);
    assert.deepEqual([event?.type, event?.actor, event?.data], ['hearing_waived', 'officer-a', { ground: 'declined', note: 'Wil niet gehoord worden.' }]);

    const body = resolve(dataDir, `${prefix}-letter.txt`);
    writeFileSync(body, 'Wij sturen u het verslag per post.\n\nU kunt het ook ophalen.');
    const preview = await cli(['complaints', 'write', id, '--template', 'blank_letter', '--body-file', body, '--preview']);
    assert.equal(preview.code, 0, preview.stderr);
    assert.match(preview.stdout, /Wij sturen u het verslag per post\.\n+U kunt het ook ophalen\./);
    const absent = await cli(['complaints', 'write', id, '--template', 'blank_letter', '--body-file', resolve(dataDir, 'absent.txt'), '--preview']);
    assert.equal(absent.code, 1);
    assert.match(absent.stderr, /Cannot read .*absent\.txt \(ENOENT\)/);
  });

  test('complaints register: a phone complaint without an e-mail address gets a reference and its clock', async () => {
    const received = amsterdamDateOf(new Date(Date.now() - 3 * 86_400_000));
    const run = await cli(['complaints', 'register', '--channel', 'phone', '--received', received, '--name', 'Jan Jansen', '--description', 'Belde over het huisbezoek.', '--postcode', '2311cs', '--street', 'Hynsteblom', '--house-number', '4', '--city', 'Leiden']);
    assert.equal(run.code, 0, run.stderr);
    const id = /^(KL-\d{4}-\d{5})/.exec(run.stdout)?.[1] ?? assert.fail(run.stdout);
    assert.match(run.stdout, /registered \(open, deadline \d{4}-\d{2}-\d{2}\); no e-mail address: send the acknowledgement by post/);
    const record = await store.require(id);
    assert.equal(record.receivedDate, received);
    assert.equal(record.deadline?.deadline, computeDeadline({ received, route: 'standard', policy: DEFAULT_DEADLINE_POLICY }).deadline);
    assert.equal(record.contact.address?.postcode, '2311 CS');
    const missing = await cli(['complaints', 'register', '--channel', 'fax', '--received', received, '--description', 'x']);
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /--channel/);
  });

  test('complaints correct-triage records before and after; eval:triage --from-records scores the corrected records', async () => {
    const id = await seed({ message: makeMessage({ text: SAMPLE_TEXT }), triage: makeTriage({ kind: 'question', contentKind: 'question' }) });
    const nothing = await cli(['complaints', 'correct-triage', id]);
    assert.equal(nothing.code, 1);
    assert.match(nothing.stderr, /Nothing to correct/);
    const run = await cli(['complaints', 'correct-triage', id, '--kind', 'complaint', '--urgent', 'false', '--as', 'officer-a']);
    assert.equal(run.code, 0, run.stderr);
    const event = (await store.events(id)).find((e) => e.type === 'triage_corrected');
    assert.deepEqual(event?.data, { fields: ['kind'], before: { kind: 'question' }, after: { kind: 'complaint' } });
    // The options the usage lists work as it says: yes/no, `none` for no flags, and the address.
    const more = await cli(['complaints', 'correct-triage', id, '--urgent', 'yes', '--flags', 'none', '--street', 'Breestraat', '--house-number', '12a', '--postcode', '2311cs', '--city', 'Leiden', '--as', 'officer-a']);
    assert.equal(more.code, 0, more.stderr);
    const second = (await store.events(id)).filter((e) => e.type === 'triage_corrected').at(-1);
    assert.deepEqual((second?.data as { after?: unknown })?.after, { urgent: true, address: { street: 'Breestraat', houseNumber: '12a', postcode: '2311 CS', city: 'Leiden' } });

    const evaluation = await new Promise<CliRun>((resolvePromise, reject) => {
      const child = spawn(process.execPath, [resolve(ROOT, 'test', 'eval', 'triage-eval.ts'), '--from-records'], {
        cwd: ROOT,
        env: { PATH: process.env['PATH'] ?? '/usr/bin:/bin', REDIS_URL: server.url, REDIS_EMBEDDED: 'never', REDIS_KEY_PREFIX: prefix, METRICS_PORT: '0', DATA_DIR: dataDir },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      child.on('error', reject);
      child.on('close', (code) => resolvePromise({ code, stdout, stderr, ms: 0 }));
    });
    assert.equal(evaluation.code, 0, evaluation.stderr);
    assert.match(evaluation.stdout, /records with officer corrections \(of 1 records\): 1 messages/);
    assert.match(evaluation.stdout, /^  kind +1\/1 /m);
    assert.doesNotMatch(evaluation.stdout, /^  reply /m);
    for (const fragment of PERSONAL) assert.ok(!evaluation.stdout.includes(fragment));
  });

  test('report --year 2026 --json counts the register for that year', async () => {
    const deadline = (received: string, date: string) => ({ route: 'standard' as const, received, deadline: date, shiftedFrom: null, extensionWeeks: 0, reason: 'awb_9_11' });
    await seed({ receivedAt: '2026-03-16T09:00:00.000Z', receivedDate: '2026-03-16', status: 'open', deadline: deadline('2026-03-16', '2026-04-28') });
    await seed({ receivedAt: '2026-02-02T09:00:00.000Z', receivedDate: '2026-02-02', status: 'closed', deadline: deadline('2026-02-02', '2026-03-16') }, [
      makeEvent('closed', 'officer', { outcome: 'Opgelost' }, new Date('2026-03-01T10:00:00Z')),
    ]);
    await seed({ receivedAt: '2026-05-05T09:00:00.000Z', receivedDate: '2026-05-05', status: 'registered', deadline: null, contact: { name: null, email: null, phone: null, address: null }, triage: makeTriage({ flags: ['anonymous'], reply: 'anonymous_registered' }) });
    await seed({ receivedAt: '2026-06-01T09:00:00.000Z', receivedDate: '2026-06-01', status: 'routed', deadline: null, triage: makeTriage({ kind: 'compliment', contentKind: 'compliment' }) });
    await seed({ receivedAt: '2026-06-02T09:00:00.000Z', receivedDate: '2026-06-02', status: 'ignored', deadline: null, triage: makeTriage({ kind: 'auto_reply', contentKind: 'auto_reply', reply: null }) });
    await seed({ receivedAt: '2025-12-30T09:00:00.000Z', receivedDate: '2025-12-30', status: 'closed', deadline: deadline('2025-12-30', '2026-02-10') });

    const run = await cli(['report', '--year', '2026', '--json']);
    const report = parse(run);
    assert.deepEqual(report, {
      year: 2026,
      countedUntil: [amsterdamDateOf(new Date()), '2026-12-31'].sort()[0],
      receivedByKind: { complaint: 3, compliment: 1 },
      automaticMail: 1,
      complaintsReceived: 3,
      complaintsByChannel: { email: 3, letter: 0, phone: 0, visit: 0 },
      anonymousRegistered: 1,
      handledWithinTerm: 1,
      closedLate: 0,
      extended: 0,
      committeeRoute: 0,
      notHandled: 0,
      closed: 1,
      closedByOutcome: { founded: 0, partly_founded: 0, unfounded: 0, resolved_informally: 0, withdrawn: 0, unspecified: 1 },
      overdueAtYearEnd: 1,
      medianDaysToClose: 27,
      hearingsHeld: 0,
      hearingsWaived: 0,
      hearingsWaivedByGround: { manifestly_unfounded: 0, declined: 0, no_response_in_time: 0 },
    });
    const csv = await cli(['report', '--year', '2026', '--csv']);
    assert.equal(csv.code, 0, csv.stderr);
    assert.match(csv.stdout, /^figure,value\r\n(.*\r\n)*complaints_received,3\r\n/);
    for (const fragment of PERSONAL) assert.ok(!run.stdout.includes(fragment));
    const bad = await cli(['report', '--year', 'dit-jaar']);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /--year must be a year/);
  });

  test('complaints purge-expired: a dry run counts, a real run anonymises; output has counts, never names', async () => {
    const old = await seed({ receivedAt: '2019-01-10T09:00:00.000Z', receivedDate: '2019-01-10', status: 'closed', deadline: null }, [
      makeEvent('closed', 'officer', { outcome: 'Excuses aan Marieke' }, new Date('2019-02-01T10:00:00Z')),
    ]);
    const fresh = await seedOpenToday();
    const freshBefore = await snapshot(fresh);

    const dry = parse(await cli(['complaints', 'purge-expired', '--dry-run', '--json'])) as Record<string, unknown>;
    assert.equal(dry['dryRun'], true);
    assert.equal(dry['due'], 1);
    assert.equal(dry['anonymised'], 0);
    assert.equal((await store.require(old)).contact.name, 'Marieke de Vries', 'a dry run changes nothing');

    const run = await cli(['complaints', 'purge-expired', '--as', 'officer-c']);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^1 record\(s\) anonymised \(retention 5 years/);
    assert.match(run.stdout, /by status: closed 1/);
    for (const fragment of [...PERSONAL, old]) assert.ok(!run.stdout.includes(fragment), `output does not show "${fragment}"`);
    const record = await store.require(old);
    assert.equal(record.message, null);
    assert.equal(record.contact.name, null);
    assert.ok(!JSON.stringify(await snapshot(old)).includes('Marieke'));
    assert.deepEqual((await store.events(old)).map((e) => [e.type, e.actor]).at(-1), ['anonymised', 'officer-c']);
    assert.deepEqual(await snapshot(fresh), freshBefore, 'the open complaint is untouched');

    const shown = await cli(['complaints', 'show', old]);
    assert.match(shown.stdout, /removed on \d{4}-\d{2}-\d{2}: retention period passed/);

    const again = parse(await cli(['complaints', 'purge-expired', '--json'])) as Record<string, unknown>;
    assert.equal(again['anonymised'], 0);
    assert.equal(again['alreadyAnonymised'], 1);
  });

  test('Redis that does not answer: exit 1 with a clear message instead of waiting for ever', async () => {
    const run = await cli(['complaints', 'list'], { REDIS_URL: `redis://127.0.0.1:${await getFreePort()}` });
    assert.equal(run.code, 1);
    assert.match(run.stderr, /Redis at REDIS_URL did not answer within 10 s/);
    assert.ok(run.ms < 20_000);
  });
});


describe('output an officer can trust (issue 10, points 4 and 7)', () => {
  test('terminal controls from mail (C0, C1 such as U+009B, bidi overrides such as U+202E) never reach the terminal', async () => {
    const hostile = 'Klacht\u001b[2J\u009b31m over \u202egnirpsmoc\u202c\u2066x\u2069\u200f\r de zaak\u0085';
    const id = await seed({ message: makeMessage({ subject: hostile, text: `${hostile}\nTweede regel\tmet tab` }), contact: { name: `Anna\u202e Verbeek`, email: 'anna@example.nl', phone: null, address: null } });
    const unsafe = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f-\u009f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]|\r(?!\n)/;
    for (const args of [['complaints', 'show', id], ['complaints', 'show', id, '--json'], ['complaints', 'list'], ['complaints', 'list', '--json']]) {
      const run = await cli(args);
      assert.equal(run.code, 0, run.stderr);
      assert.doesNotMatch(run.stdout, unsafe, args.join(' '));
      assert.doesNotMatch(run.stderr, unsafe, args.join(' '));
    }
    const shown = await cli(['complaints', 'show', id]);
    assert.match(shown.stdout, /Klacht\[2J31m over gnirpsmocx de zaak/);
    assert.match(shown.stdout, /Tweede regel\tmet tab/, 'tab and newline stay');
    assert.ok(JSON.parse((await cli(['complaints', 'show', id, '--json'])).stdout), 'JSON stays valid');
  });

  test('complaints list --json with 5,000 records through a pipe prints every record; show prints a 3 MB text whole', async () => {
    const total = 5_000;
    for (let start = 0; start < total; start += 250) {
      await Promise.all(Array.from({ length: Math.min(250, total - start) }, () => seed()));
    }
    const run = await cli(['complaints', 'list', '--json', '--limit', '10000']);
    assert.equal(run.code, 0, run.stderr);
    const list = JSON.parse(run.stdout) as unknown[];
    assert.equal(list.length, total, `got ${Buffer.byteLength(run.stdout)} bytes`);

    const big = `${'Een lange klacht. '.repeat(170_000)}EINDE`;
    const id = await seed({ message: makeMessage({ text: big }) });
    const shown = await cli(['complaints', 'show', id]);
    assert.equal(shown.code, 0, shown.stderr);
    assert.ok(shown.stdout.includes('EINDE'), `show printed ${Buffer.byteLength(shown.stdout)} bytes`);
    assert.match(shown.stdout, /viewed/, 'the history after the text came through too');
  });
});
