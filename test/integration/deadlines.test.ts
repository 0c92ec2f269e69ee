import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { closeComplaint, extendComplaint } from '../../src/app/officer-actions.ts';
import { buildDigestVariables } from '../../src/app/digest.ts';
import type { DovecotServer } from '../helpers/dovecot-server.ts';
import { appendMessage } from '../helpers/imap-client.ts';
import { makeEml } from '../helpers/make-eml.ts';
import type { RedisServer } from '../helpers/redis-server.ts';
import { startTestServers, type TestServers } from '../helpers/servers.ts';
import type { SmtpSink } from '../helpers/smtp-sink.ts';
import { startService, waitUntil } from '../helpers/service.ts';
import { checkLeaks } from '../helpers/leak-check.ts';
import { makeManualClock, runDueJobs } from '../helpers/manual-clock.ts';

checkLeaks();

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

const toOfficer = () => smtp.messages.filter((m) => m.envelope.to.includes('officer@wijzijnhecht.nl'));
const header = (raw: Buffer, name: string) =>
  new RegExp(`^${name}:\\s*(.*)$`, 'mi').exec(raw.toString('utf8').replace(/\r?\n[ \t]+/g, ' '))?.[1]?.trim() ?? '';

const DAY_MS = 86_400_000;

test('deadline at intake, reminders on a manual clock, an extension re-plans them, a close stops them, the digest groups them', async () => {
  const clock = makeManualClock(new Date());
  const service = await startService({ redis, dovecot, smtp }, { roles: ['mailbox', 'replies', 'officer'], clock });
  try {
    await appendMessage(dovecot, makeEml({ messageId: '<clock-1@example.nl>', from: 'E. de Boer <clock1@example.nl>' }));
    await appendMessage(dovecot, makeEml({ messageId: '<clock-2@example.nl>', from: 'F. Kok <clock2@example.nl>' }));
    await waitUntil('two records', async () => (await service.rt.store.count()) === 2);
    const [first, second] = (await service.rt.store.getMany(await service.rt.store.listIds({ newestFirst: false }))) as [any, any];
    assert.ok(first.deadline && second.deadline, 'both complaints get a deadline at intake');
    const original = first.deadline.deadline as string;

    // The second complaint is closed at once: none of its reminders may arrive.
    const deps = { store: service.rt.store, queues: service.rt.queues, config: service.config, log: service.rt.log, clock };
    await closeComplaint(deps, { id: second.id, outcome: 'resolved_informally', noLetterReason: 'Opgelost in gesprek', actor: 'test' });
    // The first is extended by 2 weeks: reminders move to the new deadline, the complainant is told.
    const extended = await extendComplaint(deps, { id: first.id, weeks: 2, reason: 'Wij spreken eerst de medewerker.', actor: 'test' });
    assert.notEqual(extended.deadline?.deadline, original);

    await waitUntil('complainant got the extension notice', () => smtp.messages.some((m) => /extension_notice/.test(header(m.raw, 'Message-ID'))), 20_000);
    // Day by day to the day after the new deadline; each day the reminders due that day are
    // decided (sent, or stale for the closed complaint and the deadline that moved).
    const end = Date.parse(`${extended.deadline?.deadline}T00:00:00Z`) + 2 * DAY_MS;
    while (clock.now().getTime() < end) {
      await clock.advance(DAY_MS);
      await runDueJobs(service.rt.queues.officer, clock);
    }
    const newDeadline = extended.deadline?.deadline ?? '';
    const sent = (await service.rt.store.events(first.id)).flatMap((e) => (e.type === 'reminder_sent' && e.data.key.startsWith('deadline-') ? [e.data.key] : []));
    assert.deepEqual(sent.sort(), ['before-14', 'before-2', 'before-7', 'due-0'].map((offset) => `deadline-${newDeadline}-${offset}`).sort(), 'before-14, before-7, before-2 and due for the new deadline, each once');
    assert.ok(!(await service.rt.store.events(second.id)).some((e) => e.type === 'reminder_sent'), 'the closed complaint: its reminders were decided stale');
    await waitUntil('four reminders for the extended deadline at the SMTP server', () => toOfficer().filter((m) => header(m.raw, 'Message-ID').includes(`${first.id}.deadline_reminder.deadline-`)).length >= 4);
    const reminders = toOfficer().map((m) => header(m.raw, 'Message-ID')).filter((id) => id.includes('deadline_reminder.deadline-'));
    assert.ok(reminders.every((id) => id.includes(first.id)), 'no reminder for the closed complaint');
    assert.ok(!reminders.some((id) => id.includes(`deadline-${original}`)), 'no reminder for the deadline that moved');
    assert.equal(new Set(reminders).size, reminders.length, 'each reminder once');

    const digest = await buildDigestVariables({ store: service.rt.store, state: service.rt.state, config: service.config, log: service.rt.log, clock });
    assert.ok(digest.variables.overdue.some((item) => item.reference === first.id) || digest.variables.dueSoon.some((item) => item.reference === first.id));
    assert.ok(!digest.variables.overdue.some((item) => item.reference === second.id), 'a closed complaint is not overdue');
  } finally {
    await service.stop();
  }
});
