import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { simpleParser } from 'mailparser';
import { buildDigestVariables, sendDigest } from '../../src/app/digest.ts';
import { closeComplaint } from '../../src/app/officer-actions.ts';
import { amsterdamInstant } from '../../src/domain/amsterdam-time.ts';
import { addDays, amsterdamDateOf } from '../../src/domain/calendar-date.ts';
import type { ComplaintRecord } from '../../src/domain/complaint-record.ts';
import { officerJobId, type OfficerJob } from '../../src/domain/jobs.ts';
import { TEMPLATES_DIR } from '../../src/adapters/templates/layout.ts';
import { loadTemplates } from '../../src/adapters/templates/load-templates.ts';
import type { DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage } from '../helpers/imap-client.ts';
import { makeEml } from '../helpers/make-eml.ts';
import type { RedisServer } from '../helpers/redis-server.ts';
import { startTestServers, type TestServers } from '../helpers/servers.ts';
import type { ReceivedMessage, SmtpSink } from '../helpers/smtp-sink.ts';
import { startService, waitUntil, type TestService } from '../helpers/service.ts';
import { startOfficerRole } from '../../workers/roles.ts';
import { checkLeaks } from '../helpers/leak-check.ts';
import { drained, makeManualClock, runDueJobs } from '../helpers/manual-clock.ts';

checkLeaks();

/**
 * Officer mail end to end: urgent alerts, deadline reminders across a Redis crash, and the daily
 * digest, against real Redis, Dovecot and an SMTP sink. All people, addresses and texts are
 * fictional (example.nl is reserved).
 */

let servers: TestServers;
let redis: RedisServer;
let dovecot: DovecotServer;
let smtp: SmtpSink;
before(async () => {
  servers = await startTestServers();
  ({ redis, dovecot, smtp } = servers);
});
after(async () => {
  await servers?.stopAll();
});

const OFFICER = 'officer@wijzijnhecht.nl';
const DAY_MS = 86_400_000;
const header = (raw: Buffer, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? '';
const messageIds = (messages: readonly ReceivedMessage[]) => messages.map((m) => header(m.raw, 'Message-ID'));
/** Mail whose Message-ID contains `part`, e.g. `.officer_alert.` or `KL-2026-00001.deadline_reminder.`. */
const withMessageId = (part: string) => smtp.messages.filter((m) => header(m.raw, 'Message-ID').includes(part));

const URGENT_BODY = ['Hij staat nu voor de deur en dreigt mij te vermoorden. Ik durf niet open te doen.', '', 'Sanne Visser'].join('\r\n');
const COMPLETE_BODY = (name: string, street: string) =>
  [
    'Geachte klachtenfunctionaris,',
    '',
    'Ik wil een klacht indienen over de behandeling door een medewerker van Veilig Thuis. Er werd niet naar mij geluisterd en afspraken werden niet nagekomen.',
    '',
    'Met vriendelijke groet,',
    '',
    name,
    street,
    '2312 AB Leiden',
  ].join('\r\n');
const NO_ADDRESS_BODY = (name: string) =>
  ['Ik wil een klacht indienen over het gesprek met Veilig Thuis. De medewerker was onvriendelijk en heeft mij niet teruggebeld.', '', 'Groet,', name].join('\r\n');

async function recordByMessageId(service: TestService, messageId: string): Promise<ComplaintRecord | undefined> {
  const records = await service.rt.store.getMany(await service.rt.store.listIds());
  return records.find((r) => r.source.messageId?.includes(messageId));
}

async function waitForRecord(service: TestService, messageId: string, timeoutMs = 15_000): Promise<ComplaintRecord> {
  let found: ComplaintRecord | undefined;
  await waitUntil(`record for ${messageId}`, async () => Boolean((found = await recordByMessageId(service, messageId))), timeoutMs);
  assert.ok(found);
  return found;
}

describe('officer mail', { concurrency: false }, () => {
  test('an urgent message alerts the officers at once and gives the complainant the urgent reply, each once', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies', 'officer'] });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<urgent-1@example.nl>', from: 'Sanne Visser <urgent1@example.nl>', subject: 'Help', body: URGENT_BODY }));
      const record = await waitForRecord(service, 'urgent-1@example.nl');
      // Awaited on its decision: alert_sent is recorded once the SMTP server accepted the alert.
      // How fast that happens is a figure of `npm run bench` (bench/alert-latency.ts), not a test.
      await waitUntil('alert_sent recorded', async () => (await service.rt.store.events(record.id)).some((e) => e.type === 'alert_sent'), 15_000);
      assert.equal(withMessageId(`${record.id}.officer_alert.`).length, 1, 'the alert is at the SMTP server');
      // "At once": queued at intake without a delay and sent on its first attempt, not left for a
      // digest or a retry.
      const alertJobId = officerJobId({ kind: 'officer_alert', complaintId: record.id, followupKey: '' });
      await waitUntil('the alert job decided', async () => (await service.rt.queues.officer.getJob(alertJobId))?.finishedOn !== undefined);
      const alertJob = await service.rt.queues.officer.getJob(alertJobId);
      assert.equal(alertJob?.delay, 0, 'the alert job is not delayed');
      assert.equal(alertJob?.attemptsMade, 1, 'the alert was sent on its first attempt');
      assert.equal(alertJob?.returnvalue, 'sent');
      await waitUntil('urgent reply to the complainant', () => withMessageId('.urgent_redirect.').length > 0);

      // Queued again under another job id (a re-ingest, a retry): the record says it was sent.
      const again: OfficerJob = { kind: 'officer_alert', complaintId: record.id, followupKey: '' };
      await service.rt.queues.queueOfficer(again, `alert-again-${record.id}`);
      await waitUntil('the second alert job decided', async () => (await service.rt.queues.officer.getJob(`alert-again-${record.id}`))?.finishedOn !== undefined);
      assert.equal((await service.rt.queues.officer.getJob(`alert-again-${record.id}`))?.returnvalue, 'already_sent');
      await drained(service.rt.queues.replies);

      const alerts = withMessageId(`${record.id}.officer_alert.`);
      assert.equal(alerts.length, 1, 'exactly one alert');
      assert.deepEqual(alerts[0]?.envelope.to, [OFFICER]);
      assert.equal(withMessageId(`${record.id}.urgent_redirect.`).length, 1, 'exactly one urgent reply');
      assert.deepEqual(withMessageId('.urgent_redirect.')[0]?.envelope.to, ['urgent1@example.nl']);
      const events = await service.rt.store.events(record.id);
      assert.equal(events.filter((e) => e.type === 'alert_sent').length, 1, 'alert_sent recorded once');

      const alert = await simpleParser(alerts[0]?.raw ?? Buffer.alloc(0));
      assert.equal(alert.subject, `SPOED: aandacht nodig voor ${record.id}`);
      assert.match(alert.text ?? '', /urgent_safety/);
      assert.match(alert.text ?? '', /urgent_threat_to_life/);
      for (const secret of ['vermoorden', 'deur', 'Sanne', 'Visser', 'urgent1@example.nl']) {
        assert.ok(!(alert.text ?? '').includes(secret) && !String(alert.html).includes(secret), `the alert must not contain "${secret}"`);
      }
      const redirect = await simpleParser(withMessageId('.urgent_redirect.')[0]?.raw ?? Buffer.alloc(0));
      assert.match(redirect.text ?? '', /112/);
      assert.match(redirect.text ?? '', /0800-2000/);
    } finally {
      await service.stop();
    }
  });

  test('an urgent follow-up on a known complaint alerts the officers again', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies', 'officer'] });
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<calm-1@example.nl>', from: 'Karin Dekker <calm1@example.nl>', body: COMPLETE_BODY('Karin Dekker', 'Breestraat 3') }));
      await waitUntil('acknowledgement', () => withMessageId('.acknowledgement.').length === 1);
      const record = await waitForRecord(service, 'calm-1@example.nl');
      // Decided at intake, whose effects have run once it logs record_created: no alert job is
      // queued for a calm complaint, and every officer job queued by then was decided.
      await waitUntil('intake done', () => service.logLines.some((line) => line.includes('"record_created"')));
      assert.equal(await service.rt.queues.officer.getJob(officerJobId({ kind: 'officer_alert', complaintId: record.id, followupKey: '' })), undefined, 'no alert job');
      await drained(service.rt.queues.officer);
      assert.equal(withMessageId('.officer_alert.').length, 0, 'a calm complaint raises no alert');
      const ack = header(withMessageId('.acknowledgement.')[0]?.raw ?? Buffer.alloc(0), 'Message-ID');

      await appendMessage(
        dovecot,
        makeEml({ messageId: '<calm-2@example.nl>', from: 'Karin Dekker <calm1@example.nl>', subject: `Re: Ontvangstbevestiging ${record.id}`, headers: { 'In-Reply-To': ack }, body: URGENT_BODY }),
      );
      await waitUntil('alert for the urgent follow-up', () => withMessageId(`${record.id}.officer_alert.`).length === 1, 15_000);
      await waitUntil('urgent reply to the follow-up', () => withMessageId(`${record.id}.urgent_redirect.`).length === 1);
      // Every officer job decided: a second alert would have been sent by now, not later.
      await drained(service.rt.queues.officer);
      assert.equal(withMessageId('.officer_alert.').length, 1);
      const alert = await simpleParser(withMessageId('.officer_alert.')[0]?.raw ?? Buffer.alloc(0));
      assert.match(alert.subject ?? '', /^SPOED/, 'the follow-up, not the calm first message, decides urgency');
      const events = await service.rt.store.events(record.id);
      assert.equal(events.filter((e) => e.type === 'alert_sent').length, 1);
      assert.equal(events.filter((e) => e.type === 'followup_received').length, 1);
    } finally {
      await service.stop();
    }
  });

  test('reminders planned before a Redis crash are delivered exactly once by the next service', async () => {
    smtp.messages.length = 0;
    // One clock for both services; the test moves it.
    const clock = makeManualClock(new Date());
    // Received four weeks ago: the deadline is about two weeks ahead, so reminders come soon.
    const internalDate = new Date(Date.now() - 28 * DAY_MS);
    // Service A takes the message in and plans reminders; it has no officer worker, so none fires.
    const first = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'], clock });
    let record: ComplaintRecord;
    let planned: { key: string; jobId: string }[];
    try {
      await appendMessage(dovecot, makeEml({ messageId: '<restart-1@example.nl>', from: 'Ruud Prins <restart1@example.nl>', body: COMPLETE_BODY('Ruud Prins', 'Nieuwstraat 8') }), 'INBOX', { internalDate });
      record = await waitForRecord(first, 'restart-1@example.nl');
      await waitUntil('reminders planned', () => first.logLines.some((line) => line.includes('record_created')));
      // A reminder whose day has already come is queued to run at once (waiting): it counts as planned.
      const delayed = await first.rt.queues.officer.getJobs(['delayed', 'waiting', 'prioritized']);
      planned = delayed.flatMap((job) => (job.data.kind === 'deadline_reminder' && job.data.complaintId === record.id ? [{ key: String(job.data.reminderKey), jobId: String(job.id) }] : []));
      assert.ok(planned.some((p) => p.key.includes('-due-0')), `the due-day reminder is planned: ${planned.map((p) => p.key).join(', ')}`);
      // Intake plans up to the first week overdue; each later week is queued by the one before.
      assert.ok(planned.some((p) => p.key.endsWith('-overdue-7')), `the first overdue reminder is planned: ${planned.map((p) => p.key).join(', ')}`);
      assert.ok(planned.every((p) => /-(before-\d+|due-0|overdue-7)$/.test(p.key)), `nothing after the first week overdue: ${planned.map((p) => p.key).join(', ')}`);
      await waitUntil('acknowledgement', () => withMessageId(`${record.id}.acknowledgement.`).length === 1);
    } finally {
      await first.stop();
    }
    assert.equal(withMessageId('.deadline_reminder.').length, 0, 'no reminder before service B runs');

    // A crash: Redis is killed without a chance to save, then recovers from its AOF.
    await redis.kill('SIGKILL');
    await redis.restart();

    const second = await startService({ redis, dovecot, smtp }, { roles: ['replies', 'officer'], clock, envBase: first.env });
    try {
      assert.ok(await second.rt.store.get(record.id), 'the record survived the crash');
      // Everything planned, up to the first overdue reminder, day by day: about three weeks on the clock.
      const expected = planned;
      const delivered = (key: string) => withMessageId(`${record.id}.deadline_reminder.${key}.`).length;
      await drained(second.rt.queues.officer);
      const end = Date.parse(`${record.deadline?.deadline}T00:00:00Z`) + 8 * DAY_MS;
      while (clock.now().getTime() < end) {
        await clock.advance(DAY_MS);
        await runDueJobs(second.rt.queues.officer, clock);
      }
      await waitUntil(`reminders ${expected.map((p) => p.key).join(', ')} at the SMTP server`, () => expected.every((p) => delivered(p.key) >= 1));
      const reminders = messageIds(withMessageId('.deadline_reminder.'));
      assert.equal(new Set(reminders).size, reminders.length, `each reminder once: ${reminders.join(', ')}`);
      for (const p of expected) assert.equal(delivered(p.key), 1, p.key);
      assert.ok(reminders.every((id) => planned.some((p) => id.includes(`.deadline_reminder.${p.key}.`))), `only planned reminders: ${reminders.join(', ')}`);
      assert.equal(withMessageId(`${record.id}.acknowledgement.`).length, 1, 'the acknowledgement was not sent again');
      const sent = (await second.rt.store.events(record.id)).flatMap((e) => (e.type === 'reminder_sent' ? [e.data.key] : []));
      assert.equal(new Set(sent).size, sent.length, 'reminder_sent once per reminder');
      // The first overdue reminder found the complaint open and queued the second week's.
      const week2 = planned.find((p) => p.key.endsWith('-overdue-7'))?.jobId.replace(/-overdue-7$/, '-overdue-14') ?? '';
      assert.equal(await (await second.rt.queues.officer.getJob(week2))?.getState(), 'delayed', `${week2} is queued`);
    } finally {
      await second.stop();
    }
  });

  test('the weekly overdue reminders are queued one at a time while the complaint runs, twelve at most; closing stops them', async () => {
    smtp.messages.length = 0;
    const clock = makeManualClock(new Date());
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies', 'officer'], clock });
    const officer = service.rt.queues.officer;
    try {
      // Received 40 days ago: the deadline is a few days ahead.
      const internalDate = new Date(Date.now() - 40 * DAY_MS);
      await appendMessage(dovecot, makeEml({ messageId: '<weekly-open@example.nl>', from: 'Ilse Bakker <weekly-open@example.nl>', body: COMPLETE_BODY('Ilse Bakker', 'Steenstraat 5') }), 'INBOX', { internalDate });
      await appendMessage(dovecot, makeEml({ messageId: '<weekly-closed@example.nl>', from: 'Wim Hendriks <weekly-closed@example.nl>', body: COMPLETE_BODY('Wim Hendriks', 'Langebrug 9') }), 'INBOX', { internalDate });
      const open = await waitForRecord(service, 'weekly-open@example.nl');
      const closing = await waitForRecord(service, 'weekly-closed@example.nl');
      const deadline = open.deadline?.deadline ?? assert.fail('the complaint has a deadline');
      assert.equal(closing.deadline?.deadline, deadline);
      /** The reminders of a record that wait for their day (or are due now), by key without the target and deadline. */
      const pending = async (id: string) =>
        (await officer.getJobs(['delayed', 'waiting', 'prioritized'])).flatMap((job) =>
          job.data.kind === 'deadline_reminder' && job.data.complaintId === id ? [String(job.data.reminderKey).replace(`deadline-${deadline}-`, '')] : [],
        );
      const sentKeys = async (id: string) => (await service.rt.store.events(id)).flatMap((e) => (e.type === 'reminder_sent' ? [e.data.key.replace(`deadline-${deadline}-`, '')] : []));
      await waitUntil('reminders planned at intake', async () => (await pending(open.id)).includes('overdue-7') && (await pending(closing.id)).includes('overdue-7'));
      for (const id of [open.id, closing.id]) {
        const atIntake = await pending(id);
        assert.deepEqual(atIntake.filter((key) => key.startsWith('overdue-')), ['overdue-7'], `only the first week overdue at intake: ${atIntake.join(', ')}`);
      }

      // From reminder to reminder on the clock. The second complaint is closed once its first
      // overdue reminder has gone out; the week after, its next reminder finds it closed.
      let closed = false;
      for (let step = 0; step < 40; step += 1) {
        const waiting = (await officer.getJobs(['delayed'])).filter((job) => job.data.kind === 'deadline_reminder');
        if (waiting.length === 0) break;
        // The chain: never more than one weekly reminder of a record waits at a time.
        for (const id of [open.id, closing.id]) assert.ok((await pending(id)).filter((key) => key.startsWith('overdue-')).length <= 1, `one weekly reminder at a time for ${id}`);
        await clock.advanceTo(new Date(Math.min(...waiting.map((job) => clock.at(job.timestamp) + job.delay))));
        await runDueJobs(officer, clock);
        if (!closed && (await sentKeys(closing.id)).includes('overdue-7')) {
          await closeComplaint({ store: service.rt.store, queues: service.rt.queues, config: service.config, log: service.rt.log, clock }, { id: closing.id, outcome: 'resolved_informally', noLetterReason: 'Opgelost in een gesprek', actor: 'test' });
          closed = true;
        }
      }
      assert.ok(closed, 'the second complaint got its first overdue reminder and was closed');
      assert.deepEqual(await pending(open.id), [], 'nothing waits after the twelfth week');
      assert.deepEqual(await pending(closing.id), [], 'nothing waits for the closed complaint');

      const weeks = Array.from({ length: 12 }, (_, i) => `overdue-${7 * (i + 1)}`);
      const openSent = await sentKeys(open.id);
      assert.deepEqual(openSent.filter((key) => key.startsWith('overdue-')), weeks, 'the open complaint: twelve weekly reminders, in order, each once');
      assert.ok(openSent.includes('due-0'));
      assert.deepEqual((await sentKeys(closing.id)).filter((key) => !key.startsWith('before-')), ['due-0', 'overdue-7'], 'the closed complaint: nothing after closing');
      const week2 = officerJobId({ kind: 'deadline_reminder', complaintId: closing.id, deadline, reminderKey: `deadline-${deadline}-overdue-14`, target: 'deadline' });
      assert.equal((await officer.getJob(week2))?.returnvalue, 'stale', 'the week after closing was decided stale');
      const week3 = officerJobId({ kind: 'deadline_reminder', complaintId: closing.id, deadline, reminderKey: `deadline-${deadline}-overdue-21`, target: 'deadline' });
      assert.equal(await officer.getJob(week3), undefined, 'and queued no third week');

      for (const key of weeks) {
        await waitUntil(`${key} at the SMTP server`, () => withMessageId(`${open.id}.deadline_reminder.deadline-${deadline}-${key}.`).length === 1);
      }
      assert.equal(withMessageId(`${closing.id}.deadline_reminder.deadline-${deadline}-overdue-14.`).length, 0);
      const all = messageIds(withMessageId('.deadline_reminder.'));
      assert.equal(new Set(all).size, all.length, 'each reminder once');
    } finally {
      await service.stop();
    }
  });

  test('the digest lists each complaint in the right sections and reaches the SMTP server as text and HTML', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies'] });
    const deps = { store: service.rt.store, state: service.rt.state, config: service.config, log: service.rt.log, clock: service.rt.clock, mailer: service.rt.mailer, templates: loadTemplates(TEMPLATES_DIR) };
    const daysAgo = (days: number) => new Date(Date.now() - days * DAY_MS);
    try {
      // Before the first digest: complaints received weeks ago.
      const old = [
        { id: 'overdue', internalDate: daysAgo(50), from: 'Johan Smit <d-overdue@example.nl>', body: COMPLETE_BODY('Johan Smit', 'Kerkstraat 12') },
        { id: 'due-soon', internalDate: daysAgo(39), from: 'Lotte Kramer <d-due@example.nl>', body: COMPLETE_BODY('Lotte Kramer', 'Haarlemmerstraat 40') },
        { id: 'closed', internalDate: daysAgo(50), from: 'Bram Vos <d-closed@example.nl>', body: COMPLETE_BODY('Bram Vos', 'Morsweg 2') },
        { id: 'asked', internalDate: daysAgo(10), from: 'Petra Mulder <d-asked@example.nl>', body: NO_ADDRESS_BODY('Petra Mulder') },
      ];
      for (const m of old) await appendMessage(dovecot, makeEml({ messageId: `<d-${m.id}@example.nl>`, from: m.from, body: m.body }), 'INBOX', { internalDate: m.internalDate });
      const byName: Record<string, ComplaintRecord> = {};
      for (const m of old) byName[m.id] = await waitForRecord(service, `d-${m.id}@example.nl`);
      const ref = (name: string) => byName[name]?.id ?? assert.fail(`no record ${name}`);
      await waitUntil('four replies', () => smtp.messages.length === 4);
      await closeComplaint({ ...deps, queues: service.rt.queues }, { id: ref('closed'), outcome: 'resolved_informally', noLetterReason: 'Opgelost in een gesprek', actor: 'test' });

      const firstDigest = await sendDigest(deps, { force: true });
      assert.equal(firstDigest.sent, true);
      await waitUntil('first digest', () => withMessageId('.digest.').length === 1);

      // Since the first digest: urgent, anonymous, a request for details the server refuses,
      // a follow-up, a compliment and an out-of-office reply.
      await appendMessage(dovecot, makeEml({ messageId: '<d-urgent@example.nl>', from: 'Sanne Visser <d-urgent@example.nl>', subject: 'Help', body: URGENT_BODY }));
      await appendMessage(dovecot, makeEml({ messageId: '<d-anon@example.nl>', from: 'x <d-anon@example.nl>', body: 'Ik wil een klacht indienen over Veilig Thuis. Ik wil graag anoniem blijven. De medewerker heeft mijn verhaal niet serieus genomen.' }));
      await appendMessage(dovecot, makeEml({ messageId: '<d-compliment@example.nl>', from: 'Els Bos <d-compliment@example.nl>', subject: 'Bedankt', body: 'Ik wil een compliment geven aan de medewerker van Veilig Thuis. Zij heeft ons heel goed geholpen. Dank u wel!\r\n\r\nEls Bos' }));
      await appendMessage(dovecot, makeEml({ messageId: '<d-ooo@example.nl>', from: 'Johan Smit <d-overdue@example.nl>', subject: 'Afwezig', headers: { 'Auto-Submitted': 'auto-replied' }, body: 'Ik ben afwezig tot en met 30 november.' }));
      const ackOfDueSoon = header(withMessageId(`${ref('due-soon')}.acknowledgement.`)[0]?.raw ?? Buffer.alloc(0), 'Message-ID');
      await appendMessage(dovecot, makeEml({ messageId: '<d-followup@example.nl>', from: 'Lotte Kramer <d-due@example.nl>', subject: `Re: Ontvangstbevestiging ${ref('due-soon')}`, headers: { 'In-Reply-To': ackOfDueSoon }, body: 'Aanvulling op mijn klacht: ik heb nog een brief van Veilig Thuis gevonden.\r\n\r\nLotte Kramer' }));
      for (const name of ['urgent', 'anon', 'compliment', 'ooo']) byName[name] = await waitForRecord(service, `d-${name}@example.nl`);
      await waitUntil('follow-up attached', async () => (await service.rt.store.events(ref('due-soon'))).some((e) => e.type === 'followup_received'));
      await waitUntil('replies to the new messages', () => ['urgent_redirect', 'anonymous_registered', 'compliment_thanks', 'followup_received'].every((t) => withMessageId(`.${t}.`).length === 1));
      // Appended last and alone, so the refusal hits its request for details.
      smtp.failNext(1, 550, 'No such user');
      await appendMessage(dovecot, makeEml({ messageId: '<d-refused@example.nl>', from: 'Kees Jansen <d-refused@example.nl>', body: NO_ADDRESS_BODY('Kees Jansen') }), 'INBOX', { internalDate: amsterdamInstant(addDays(amsterdamDateOf(new Date()), -3), '12:00') });
      byName['refused'] = await waitForRecord(service, 'd-refused@example.nl');
      await waitUntil('refused reply recorded', async () => (await service.rt.store.events(ref('refused'))).some((e) => e.type === 'reply_failed'));

      const { variables: v } = await buildDigestVariables(deps);
      const refs = (items: readonly { reference: string }[]) => items.map((i) => i.reference).sort();
      const sorted = (...names: string[]) => names.map(ref).sort();
      assert.deepEqual(refs(v.urgent), sorted('urgent'));
      assert.deepEqual(refs(v.overdue), sorted('overdue'), 'overdue: not the closed one');
      assert.deepEqual(refs(v.dueSoon), sorted('due-soon'));
      assert.deepEqual(refs(v.received), sorted('urgent', 'anon', 'compliment', 'refused'), 'new since the first digest, without the out-of-office reply');
      assert.deepEqual(refs(v.anonymous), sorted('anon'));
      assert.deepEqual(refs(v.replyFailed), sorted('refused'));
      assert.deepEqual(v.replyFailed[0]?.failedReplies, ['request_details']);
      assert.deepEqual(refs(v.followups), sorted('due-soon'));
      assert.equal(v.followups[0]?.followups, 1);
      const awaiting = Object.fromEntries(v.awaitingDetails.map((i) => [i.reference, [i.detailsAsked, i.daysSinceAsked]]));
      assert.deepEqual(awaiting, { [ref('asked')]: [true, 0], [ref('refused')]: [false, 3] });
      assert.ok(v.overdue[0] && v.overdue[0].daysLeft !== null && v.overdue[0].daysLeft < 0);
      assert.ok(v.dueSoon[0] && v.dueSoon[0].daysLeft !== null && v.dueSoon[0].daysLeft >= 0 && v.dueSoon[0].daysLeft <= 7);
      // The urgent message reports danger without a complaint: a safety report, passed on to
      // casework with an alert, not an Awb complaint with a clock.
      assert.equal(byName['urgent']?.triage?.kind, 'report');
      assert.equal(v.counts.open, 4, 'overdue, due soon, asked and refused are being handled');
      assert.equal(v.counts.received, 4);

      const second = await sendDigest(deps, { force: true });
      assert.deepEqual(second, { sent: true, recipients: 1, items: 7 });
      await waitUntil('second digest', () => withMessageId('.digest.').length === 2);
      const raw = withMessageId('.digest.')[1]?.raw ?? Buffer.alloc(0);
      assert.match(raw.toString('utf8'), /^Content-Type: multipart\/alternative/im);
      assert.match(header(raw, 'Auto-Submitted'), /auto-generated/);
      const mail = await simpleParser(raw);
      assert.deepEqual(withMessageId('.digest.')[1]?.envelope.to, [OFFICER]);
      assert.match(mail.subject ?? '', /^Overzicht klachten .*: 1 spoed, 1 verlopen, 1 binnenkort$/);
      assert.ok(mail.text && mail.html, 'text and HTML parts');
      for (const name of ['urgent', 'overdue', 'due-soon', 'anon', 'refused', 'asked']) {
        assert.ok(mail.text.includes(ref(name)) && mail.html.includes(ref(name)), `${name} is in both parts`);
      }
      assert.match(mail.text, new RegExp(`^- ${ref('refused')}: nog niet gevraagd, ontvangen 3 dagen geleden; complaint, awaiting_details;`, 'm'));
      assert.match(mail.text, new RegExp(`^- ${ref('refused')}: geweigerd: request_details;`, 'm'));
      assert.match(mail.text, /^Spoed sinds het vorige overzicht: 1$/m);
      for (const secret of ['Sanne', 'Visser', 'Kramer', 'Haarlemmerstraat', 'vermoorden', 'anoniem blijven', 'brief', 'd-due@example.nl', 'Leiden']) {
        assert.ok(!mail.text.includes(secret) && !mail.html.includes(secret), `the digest must not contain "${secret}"`);
      }
      // The next digest starts where this one ended: nothing is new any more.
      const after = await buildDigestVariables(deps);
      assert.deepEqual([after.variables.counts.received, after.variables.counts.urgent, after.variables.counts.replyFailed, after.variables.counts.followups], [0, 0, 0, 0]);
      assert.equal(after.variables.counts.overdue, 1, 'a passed deadline stays until it is dealt with');
    } finally {
      await service.stop();
    }
  });

  test('the daily digest is scheduled at DIGEST_TIME on weekdays in Amsterdam, and its job mails the officers', async () => {
    smtp.messages.length = 0;
    const service = await startService({ redis, smtp }, { roles: [], env: { DIGEST_TIME: '07:30' } });
    try {
      await startOfficerRole(service.rt, { retryBaseMs: 200 });
      const scheduler = await service.rt.queues.officer.getJobScheduler('daily-digest');
      assert.equal(scheduler?.pattern, '30 7 * * 1-5');
      assert.equal(scheduler?.tz, 'Europe/Amsterdam');
      assert.equal(scheduler?.template?.opts?.attempts, 8, 'a digest that meets a mail server hiccup is retried');
      const retention = await service.rt.queues.officer.getJobScheduler('nightly-retention');
      assert.equal(retention?.pattern, '30 2 * * *', 'retention runs every night');
      assert.equal(retention?.tz, 'Europe/Amsterdam');
      const next = new Intl.DateTimeFormat('en-GB', { timeZone: 'Europe/Amsterdam', weekday: 'short', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' }).format(new Date(scheduler?.next ?? 0));
      assert.match(next, /^(Mon|Tue|Wed|Thu|Fri),? 07:30$/, `next run: ${next}`);

      // What the scheduler queues at 07:30, run now (forced past the working-day check).
      await service.rt.queues.queueOfficer({ kind: 'digest', force: true }, 'digest-now');
      await waitUntil('digest at the SMTP server', () => withMessageId('.digest.').length === 1, 10_000);
      assert.ok(await service.rt.state.lastDigestAt(), 'the digest remembers when it was sent');
    } finally {
      await service.stop();
    }
  });
});
