import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { makeFastClock } from '../helpers/fast-clock.ts';
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

test('deadline at intake, reminders on a fast clock, an extension re-plans them, a close stops them, the digest groups them', async () => {
  // One simulated day passes in about 0.2 s of real time.
  const clock = makeFastClock(new Date(), 86_400_000 / 200);
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
    // Before-14, before-7, before-2 and due for the new deadline: 56 simulated days, ~11 s.
    await waitUntil('four reminders for the extended deadline', () => toOfficer().filter((m) => header(m.raw, 'Message-ID').includes(`${first.id}.deadline_reminder.deadline-${extended.deadline?.deadline}`)).length >= 4, 40_000);
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
