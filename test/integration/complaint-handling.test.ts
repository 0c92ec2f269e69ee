/**
 * Handling a complaint after the acknowledgement, against a real Redis and a real SMTP server:
 * the outcome letter sent once, threaded, to the complainant; closing with it; the hearing;
 * a phone complaint registered with its clock; officers' corrections measured by the eval.
 * Waits are on the events that decide (`reply_sent`), never on time passing.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { Readable } from 'node:stream';
import { after, before, describe, test } from 'node:test';
import { closeComplaint, correctTriage } from '../../src/app/officer-actions.ts';
import { recordHearingHeld, recordHearingWaived } from '../../src/app/hearing.ts';
import { ingestMessage } from '../../src/app/ingest-message.ts';
import { readMessage } from '../../src/adapters/read-message.ts';
import { makeRecordEffects } from '../../src/app/record-effects.ts';
import { registerComplaint } from '../../src/app/register-complaint.ts';
import { previewLetter, sendLetter } from '../../src/app/write-letter.ts';
import type { LetterInput } from '../../src/domain/letter-input.ts';
import { TEMPLATES_DIR } from '../../src/adapters/templates/layout.ts';
import { loadTemplates } from '../../src/adapters/templates/load-templates.ts';
import { amsterdamDateOf, addDays } from '../../src/domain/calendar-date.ts';
import { computeDeadline, DEFAULT_DEADLINE_POLICY } from '../../src/domain/deadlines.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { makeEvent } from '../../src/domain/record-events.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, waitUntil, type TestService } from '../helpers/service.ts';
import { startSmtpSink, type SmtpSink } from '../helpers/smtp-sink.ts';
import { scoreRecords } from '../eval/from-records.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

const ROOT = resolve(import.meta.dirname, '..', '..');
let redis: RedisServer;
let smtp: SmtpSink;
before(async () => {
  [redis, smtp] = await Promise.all([startRedis(), startSmtpSink()]);
});
after(async () => {
  await Promise.allSettled([redis?.stop(), smtp?.close()]);
});

const templates = loadTemplates(TEMPLATES_DIR);
const deps = (service: TestService) => ({ store: service.rt.store, queues: service.rt.queues, config: service.config, log: service.rt.log, clock: service.rt.clock, templates });

async function ingest(service: TestService, raw: Buffer): Promise<string> {
  const result = await ingestMessage({ ...service.rt, readMessage, effects: makeRecordEffects({ ...service.rt }) }, {
    source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'x.eml' },
    receivedAt: new Date(),
    declaredSize: raw.length,
    open: async () => Readable.from([raw]),
  });
  return result.id;
}

const sentOf = async (service: TestService, id: string, type: string) => (await service.rt.store.events(id)).filter((e) => e.type === 'reply_sent' && e.data['type'] === type);
/** Headers unfolded: a letter's Message-ID is long enough to be folded onto the next line. */
const headersOf = (raw: Buffer) => raw.toString('utf8').replace(/\r\n[ \t]+/g, ' ');
const withMessageId = (fragment: string) => smtp.messages.filter((m) => headersOf(m.raw).includes(`Message-ID: <${fragment}`));

const OUTCOME: LetterInput = {
  letter: 'outcome',
  outcome: 'partly_founded',
  reasons: 'De medewerker had u moeten laten uitpraten. De afspraak is wel op tijd verzet.',
};

describe('handling a complaint', { concurrency: false }, () => {
  test('the outcome letter goes to the complainant once, threaded, without their words; then the complaint closes with it', async () => {
    const service = await startService({ redis, smtp }, { roles: ['replies'] });
    try {
      const id = await ingest(
        service,
        makeEml({ messageId: '<letter-1@example.nl>', from: 'Marieke de Vries <letter1@example.nl>', headers: { 'Reply-To': 'iemand-anders@example.nl' } }),
      );
      await waitUntil('acknowledgement sent', async () => (await sentOf(service, id, 'acknowledgement')).length === 1);

      const preview = await previewLetter(deps(service), { id, letter: OUTCOME });
      assert.equal(preview.to, 'letter1@example.nl', "the complainant's own address, not the Reply-To");
      assert.deepEqual(preview.mails.map((m) => m.lang), ['nl']);
      assert.match(preview.mails[0]?.text ?? '', /voor een deel gegrond/);
      assert.match(preview.mails[0]?.text ?? '', /Nationale ombudsman/);

      const refused = closeComplaint(deps(service), { id, actor: 'test', outcome: 'partly_founded' });
      await assert.rejects(refused, /No outcome letter was sent/);

      const first = await sendLetter(deps(service), { id, letter: OUTCOME, actor: 'officer-a' });
      const again = await sendLetter(deps(service), { id, letter: OUTCOME, actor: 'officer-a' });
      assert.equal(again.jobId, first.jobId);
      assert.equal(again.repeated, true);
      await waitUntil('outcome letter sent', async () => (await sentOf(service, id, 'outcome')).length === 1);

      const copies = withMessageId(`${id}.outcome.`);
      assert.equal(copies.length, 1);
      const raw = copies[0] ? headersOf(copies[0].raw) : '';
      assert.deepEqual(copies[0]?.envelope.to, ['letter1@example.nl']);
      assert.match(raw, /^In-Reply-To: <letter-1@example\.nl>/m);
      assert.match(raw, /^References: .*<letter-1@example\.nl>/m);
      assert.doesNotMatch(raw, /^Auto-Submitted:/m, 'a letter an officer wrote is no automatic mail');
      assert.match(raw, /^Subject: Besluit over KL-/m);
      assert.ok(!raw.includes('niet laten uitpraten'), "the complainant's message is never quoted");
      assert.ok(!raw.includes('Klacht over gesprek'), 'nor their subject');
      const jobs = await service.rt.queues.replies.getJobs(['waiting', 'delayed', 'active', 'completed', 'failed']);
      assert.equal(jobs.filter((job) => job.id === first.jobId).length, 1);

      const closed = await closeComplaint(deps(service), { id, actor: 'officer-a', outcome: 'partly_founded', summary: 'Deels gegrond' });
      assert.equal(closed.status, 'closed');
      const closing = (await service.rt.store.events(id)).filter((e) => e.type === 'closed').at(-1);
      assert.deepEqual(closing?.data, { category: 'partly_founded', summary: 'Deels gegrond', letterJobId: first.jobId, previousStatus: 'open' });
      assert.equal(withMessageId(`${id}.outcome.`).length, 1, 'still one copy');
    } finally {
      await service.stop();
    }
  });

  test('a blank letter: the officer\'s paragraphs in the standard header and footer, sent once by the reply worker; the CLI previews it', async () => {
    const service = await startService({ redis, smtp }, { roles: ['replies'] });
    try {
      const id = await ingest(service, makeEml({ messageId: '<blank-1@example.nl>', from: 'Marieke de Vries <blank1@example.nl>' }));
      const letter: LetterInput = { letter: 'blank_letter', body: 'Wij sturen u het verslag per post.\r\n\r\nU kunt het ook ophalen.' };
      const cli = spawnSync(process.execPath, ['workers/cli.ts', 'complaints', 'write', id, '--template', 'blank_letter', '--body', 'Wij sturen u het verslag per post.', '--preview'], { cwd: ROOT, env: { ...process.env, ...service.env }, encoding: 'utf8' });
      assert.equal(cli.status, 0, cli.stderr);
      assert.match(cli.stdout, /^To: blank1@example\.nl$/m);
      assert.match(cli.stdout, /Subject: Bericht over KL-/);
      await sendLetter(deps(service), { id, letter, actor: 'officer-a' });
      await waitUntil('blank letter sent', async () => (await sentOf(service, id, 'blank_letter')).length === 1);
      const copies = withMessageId(`${id}.blank_letter.`);
      assert.equal(copies.length, 1);
      // Quoted-printable soft line breaks undone, so the HTML reads as it was rendered.
      const raw = (copies[0]?.raw.toString('utf8') ?? '').replace(/=\r\n/g, '').replace(/=3D/g, '=');
      assert.match(raw, /^In-Reply-To: <blank-1@example\.nl>/m);
      assert.match(raw, /<p>Wij sturen u het verslag per post\.<\/p>\s*<p>U kunt het ook ophalen\.<\/p>/, 'one <p> per paragraph in the HTML part');
      assert.ok(!raw.includes('niet laten uitpraten'), "the complainant's message is never quoted");
    } finally {
      await service.stop();
    }
  });

  test('the same letter sent again after its sending failed for good is a new attempt, not the finished job', async () => {
    const service = await startService({ redis, smtp }, { roles: [] });
    try {
      const id = await ingest(service, makeEml({ messageId: '<letter-retry@example.nl>', from: 'Karin Bos <retry@example.nl>' }));
      const first = await sendLetter(deps(service), { id, letter: OUTCOME, actor: 'officer-a' });
      assert.equal((await sendLetter(deps(service), { id, letter: OUTCOME, actor: 'officer-a' })).jobId, first.jobId, 'still pending: the same job');
      await service.rt.store.appendEvents(id, [makeEvent('reply_failed', 'replies', { type: 'outcome', jobId: first.jobId, smtpCode: null, code: 'retries_exhausted' })]);
      const retry = await sendLetter(deps(service), { id, letter: OUTCOME, actor: 'officer-a' });
      assert.notEqual(retry.jobId, first.jobId);
      assert.equal(retry.repeated, false);
    } finally {
      await service.stop();
    }
  });

  test('a hearing invitation in English comes with the Dutch version for the officer; the hearing is recorded or waived', async () => {
    const service = await startService({ redis, smtp }, { roles: [] });
    try {
      const id = await ingest(
        service,
        makeEml({
          messageId: '<hear-1@example.nl>',
          from: 'John Smith <hear1@example.nl>',
          subject: 'Complaint',
          body: 'Dear complaints officer,\r\n\r\nI want to file a complaint about the conversation with Ms Jansen on 3 November 2026. She did not let me finish and the appointment was moved twice without notice.\r\n\r\nKind regards,\r\n\r\nJohn Smith\r\nHynsteblom 4\r\n2311 CS Leiden',
        }),
      );
      const invitation: LetterInput = { letter: 'hearing_invitation', date: '2026-12-08', time: '14:30', how: 'phone', place: '06-12345678', attendees: 'de klachtenfunctionaris' };
      const preview = await previewLetter(deps(service), { id, letter: invitation });
      assert.deepEqual(preview.mails.map((m) => m.lang), ['en', 'nl']);
      assert.match(preview.mails[0]?.text ?? '', /We will call you: 06-12345678/);
      assert.match(preview.mails[0]?.text ?? '', /8 December 2026, 14:30/);

      const today = amsterdamDateOf(new Date());
      await assert.rejects(recordHearingHeld(deps(service), { id, actor: 'test', date: addDays(today, 1), how: 'phone' }), /after today/);
      await recordHearingHeld(deps(service), { id, actor: 'test', date: today, how: 'phone' });
      await recordHearingWaived(deps(service), { id, actor: 'test', ground: 'declined' });
      const types = (await service.rt.store.events(id)).map((e) => e.type);
      assert.ok(types.includes('hearing_held') && types.includes('hearing_waived'));
    } finally {
      await service.stop();
    }
  });

  test('a phone complaint gets a reference and the clock from the date of receipt; without an address no mail, with one an acknowledgement', async () => {
    const service = await startService({ redis, smtp }, { roles: ['replies'] });
    try {
      const received = addDays(amsterdamDateOf(new Date()), -10);
      const phone = await registerComplaint(deps(service), {
        actor: 'officer-a',
        channel: 'phone',
        receivedDate: received,
        name: 'Jan Jansen',
        phone: '0612345678',
        address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' },
        description: 'Belde over het gesprek van vorige week.',
      });
      assert.equal(phone.created, true);
      assert.match(phone.record.id, /^KL-\d{4}-\d{5}$/);
      assert.equal(phone.record.status, 'open');
      assert.equal(phone.record.deadline?.deadline, computeDeadline({ received, route: 'standard', policy: DEFAULT_DEADLINE_POLICY }).deadline);
      assert.equal(phone.acknowledgement, null);
      const events = await service.rt.store.events(phone.record.id);
      assert.deepEqual(events.find((e) => e.type === 'registered_by')?.data, { channel: 'phone', receivedDate: received, anonymous: false, description: 'Belde over het gesprek van vorige week.' });
      assert.ok(!events.some((e) => e.type === 'reply_queued'));

      const repeated = await registerComplaint(deps(service), {
        actor: 'officer-a',
        channel: 'phone',
        receivedDate: received,
        name: 'Jan Jansen',
        phone: '0612345678',
        address: { street: 'Hynsteblom', houseNumber: '4', postcode: '2311 CS', city: 'Leiden' },
        description: 'Belde over het gesprek van vorige week.',
      });
      assert.equal(repeated.created, false);
      assert.equal(repeated.record.id, phone.record.id);

      const letter = await registerComplaint(deps(service), {
        actor: 'officer-a',
        channel: 'letter',
        receivedDate: received,
        name: 'Petra Mulder',
        email: 'petra@example.nl',
        description: 'Brief over het huisbezoek.',
      });
      assert.equal(letter.record.status, 'awaiting_details');
      assert.equal(letter.acknowledgement, 'request_details');
      await waitUntil('request for details sent', async () => (await sentOf(service, letter.record.id, 'request_details')).length === 1);
      assert.deepEqual(withMessageId(`${letter.record.id}.request_details`)[0]?.envelope.to, ['petra@example.nl']);
    } finally {
      await service.stop();
    }
  });

  test("triage corrections are recorded with before and after, and --from-records scores today's rules against them", async () => {
    const service = await startService({ redis, smtp }, { roles: [] });
    try {
      const id = await ingest(service, makeEml({ messageId: '<corr-1@example.nl>', from: 'Marieke de Vries <corr1@example.nl>' }));
      await assert.rejects(correctTriage(deps(service), { id, actor: 'officer-a', correction: { kind: 'complaint' } }), /Nothing to correct/);
      await correctTriage(deps(service), { id, actor: 'officer-a', correction: { urgent: true, name: 'M. de Vries-Bakker' } });
      const corrected = (await service.rt.store.events(id)).find((e) => e.type === 'triage_corrected');
      assert.deepEqual(corrected?.data, {
        fields: ['urgent', 'name'],
        before: { urgent: false, name: 'Marieke de Vries-Bakker' },
        after: { urgent: true, name: 'M. de Vries-Bakker' },
      });
      const record = await service.rt.store.require(id);
      const score = scoreRecords([{ record, events: await service.rt.store.events(id) }], service.config.triage);
      assert.equal(score.messages, 1);
      assert.equal(score.correct.kind, 1);
      assert.equal(score.correct.urgent, 0, 'today the rules still miss what the officer saw');
      assert.equal(score.correct.name, 0);
      assert.equal(score.urgent.falseNegative, 1);
      assert.equal(score.scored.reply, 0, 'only the fields officers correct are scored');
    } finally {
      await service.stop();
    }
  });
});
