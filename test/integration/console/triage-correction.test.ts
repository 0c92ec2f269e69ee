/**
 * The two officer actions the console added to src/app/officer-actions.ts: correcting triage
 * (a `triage_corrected` event with before and after) and an internal note.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { resolve } from 'node:path';
import { after, before, test } from 'node:test';
import { addNote, correctTriage } from '../../../src/app/officer-actions.ts';
import { anonymiseEvent } from '../../../src/domain/retention.ts';
import { makeEml } from '../../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../../helpers/redis-server.ts';
import { startTestConsole } from '../../helpers/console.ts';
import { checkLeaks } from '../../helpers/leak-check.ts';

checkLeaks();

let redis: RedisServer;
before(async () => {
  redis = await startRedis();
});
after(async () => redis?.stop());

test('correcting triage keeps before and after of what changed; nothing to change is refused', async () => {
  const ko = await startTestConsole(redis);
  try {
    const id = await ko.complaint(makeEml({ messageId: '<correct@example.nl>' }));
    const deps = { store: ko.service.rt.store, queues: ko.service.rt.queues, config: ko.service.config, log: ko.service.rt.log, clock: ko.service.rt.clock };
    const before = await ko.service.rt.store.require(id);
    const record = await correctTriage(deps, { id, actor: 'anna@wijzijnhecht.nl', correction: { urgent: true, phone: '0201234567', kind: before.triage?.kind ?? 'complaint' } });
    assert.equal(record.triage?.urgent, true);
    assert.equal(record.contact.phone, '0201234567');
    assert.equal(record.triage?.complainant.phone, '0201234567');
    assert.equal(record.status, before.status, 'status stays');
    const event = (await ko.service.rt.store.events(id)).find((e) => e.type === 'triage_corrected');
    assert.deepEqual(event?.data, { fields: ['urgent', 'phone'], before: { urgent: false, phone: before.contact.phone }, after: { urgent: true, phone: '0201234567' } });
    assert.deepEqual(event && anonymiseEvent(event).data, { fields: ['urgent', 'phone'] }, 'retention keeps which fields, not the values');
    await assert.rejects(() => correctTriage(deps, { id, actor: 'anna@wijzijnhecht.nl', correction: { urgent: true } }), /Nothing to correct/);

    await addNote(deps, { id, actor: 'anna@wijzijnhecht.nl', note: 'Gebeld, terugbelverzoek genoteerd.' });
    const note = (await ko.service.rt.store.events(id)).find((e) => e.type === 'note_added');
    assert.equal(note?.data['note'], 'Gebeld, terugbelverzoek genoteerd.');
    await assert.rejects(() => addNote(deps, { id, actor: 'x', note: '   ' }), /empty/);
  } finally {
    await ko.stop();
  }
});

test('the CLI runs the same two actions: complaints note and complaints correct-triage', async () => {
  const ko = await startTestConsole(redis);
  try {
    const id = await ko.complaint(makeEml({ messageId: '<correct-cli@example.nl>' }));
    const cli = (...args: string[]) => spawnSync(process.execPath, ['workers/cli.ts', ...args], { cwd: resolve(import.meta.dirname, '..', '..', '..'), env: { ...process.env, ...ko.service.env }, encoding: 'utf8' });
    const note = cli('complaints', 'note', id, '--note', 'Dossier opgevraagd.', '--as', 'anna@wijzijnhecht.nl');
    assert.equal(note.status, 0, note.stderr);
    const corrected = cli('complaints', 'correct-triage', id, '--urgent', 'true', '--flags', 'missing_address,needs_review', '--as', 'anna@wijzijnhecht.nl');
    assert.equal(corrected.status, 0, corrected.stderr);
    assert.equal(cli('complaints', 'correct-triage', id, '--flags', 'not_a_flag').status, 2);
    const events = await ko.service.rt.store.events(id);
    assert.equal(events.find((e) => e.type === 'note_added')?.data['note'], 'Dossier opgevraagd.');
    assert.deepEqual(events.find((e) => e.type === 'triage_corrected')?.data['fields'], ['urgent', 'flags']);
  } finally {
    await ko.stop();
  }
});
