/**
 * Letters to a complainant without an e-mail address, against a real Redis: the outcome letter
 * is previewed and recorded as printed for posting (`letter_written` + `letter_printed`, once),
 * rendered as the letter on paper, and the complaint closes with it. Nothing is queued for the
 * mail server. A complaint with neither e-mail nor postal address, or with an e-mail address,
 * gets no printed letter.
 */
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { closeComplaint } from '../../src/app/officer-actions.ts';
import { planClosing } from '../../src/domain/closing-rules.ts';
import { registerComplaint } from '../../src/app/register-complaint.ts';
import type { CliIo } from '../../src/cli/command.ts';
import { writeLetterCommand } from '../../src/cli/commands/write-letter.ts';
import { previewLetter, printedLetter, printLetter, sendLetter } from '../../src/app/write-letter.ts';
import { letterMedium } from '../../src/domain/letter-delivery.ts';
import type { LetterInput } from '../../src/domain/letter-input.ts';
import { TEMPLATES_DIR } from '../../src/adapters/templates/layout.ts';
import { loadTemplates } from '../../src/adapters/templates/load-templates.ts';
import { amsterdamDateOf } from '../../src/domain/calendar-date.ts';
import { anonymiseEvent } from '../../src/domain/retention.ts';
import { sampleEvent } from '../fixtures/events.ts';
import { checkLeaks } from '../helpers/leak-check.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, type TestService } from '../helpers/service.ts';

checkLeaks();

let redis: RedisServer;
let service: TestService;
before(async () => {
  redis = await startRedis();
  service = await startService({ redis }, { roles: [], env: { KLACHTENFUNCTIONARIS_PHONE: '071-7654321' } });
});
after(async () => {
  await service?.stop();
  await redis?.stop();
});

const templates = loadTemplates(TEMPLATES_DIR);
const deps = () => ({ store: service.rt.store, queues: service.rt.queues, config: service.config, log: service.rt.log, clock: service.rt.clock, templates });
const REASONS = 'Wij hebben met u en de medewerker gesproken.\nDe afspraak is twee keer verzet zonder bericht.\n\nDat had niet mogen gebeuren.';
const OUTCOME: LetterInput = { letter: 'outcome', outcome: 'partly_founded', reasons: REASONS };

async function register(details: { email?: string; address?: boolean; description: string }) {
  const { record } = await registerComplaint(deps(), {
    actor: 'anna@wijzijnhecht.nl',
    channel: 'phone',
    receivedDate: amsterdamDateOf(new Date()),
    name: 'Fatima el Amrani',
    phone: '0698765432',
    ...(details.email ? { email: details.email } : {}),
    ...(details.address === false ? {} : { address: { street: 'Hooigracht', houseNumber: '15a', postcode: '2312 KL', city: 'Leiden' } }),
    description: details.description,
  });
  return record;
}

describe('letters by post', { concurrency: false }, () => {
  test('a phone complaint without e-mail: the outcome letter is printed once for posting, and the complaint closes with it', async () => {
    const record = await register({ description: 'Belde over een huisbezoek dat twee keer werd verzet.' });
    assert.equal(letterMedium(record), 'post');

    const preview = await previewLetter(deps(), { id: record.id, letter: OUTCOME });
    assert.equal(preview.medium, 'post');
    assert.equal(preview.to, null);
    const text = preview.mails[0]?.text ?? '';
    assert.match(text, /Stuur dan een brief naar: Hecht, t\.a\.v\. de klachtenfunctionaris, Postbus 121, 2300 AC Leiden\. U kunt ook bellen met de klachtenfunctionaris: 071-7654321\./);
    assert.doesNotMatch(text, /deze e-mail|mailbox/);
    await assert.rejects(sendLetter(deps(), { id: record.id, actor: 'anna@wijzijnhecht.nl', letter: OUTCOME }), /no e-mail address for the complainant; print the letter in the console/);
    // The CLI's preview says the same: the letter on paper, to print in the console.
    const printed: string[] = [];
    const io: CliIo = { out: (text) => void printed.push(text), json: () => assert.fail('no JSON'), raw: () => assert.fail('no raw output'), readInput: () => assert.fail('no file'), readStdin: () => assert.fail('no stdin') };
    const values = { template: 'outcome', outcome: 'partly_founded', reasons: REASONS, preview: true };
    await writeLetterCommand({ ...deps(), templates: () => templates }, { positionals: ['complaints', 'write', record.id], values, actor: 'anna@wijzijnhecht.nl', io });
    const cli = printed.join('\n');
    assert.match(cli, new RegExp(`^To: by post \\(no e-mail address\\); print it in the console: ${record.id}`));
    assert.match(cli, /----- the letter on paper \(nl\) -----/);
    assert.equal(planClosing(record, await service.rt.store.events(record.id), { outcome: 'partly_founded' }).problem, 'outcome_letter_missing');

    const first = await printLetter(deps(), { id: record.id, actor: 'anna@wijzijnhecht.nl', letter: OUTCOME });
    const again = await printLetter(deps(), { id: record.id, actor: 'anna@wijzijnhecht.nl', letter: OUTCOME });
    assert.deepEqual([first.repeated, again.repeated, again.key], [false, true, first.key]);
    const events = await service.rt.store.events(record.id);
    assert.deepEqual(events.filter((e) => e.type === 'letter_printed').map((e) => [e.actor, e.data]), [['anna@wijzijnhecht.nl', { letter: 'outcome', key: first.key }]]);
    assert.equal(events.filter((e) => e.type === 'letter_written').length, 1);
    assert.ok(!events.some((e) => e.type === 'reply_queued'), 'nothing for the mail server');

    const shown = printedLetter(deps(), record, events, first.key);
    assert.equal(shown?.letter, 'outcome');
    assert.ok(shown?.mail.html.includes('<p>Wij hebben met u en de medewerker gesproken.<br>\nDe afspraak is twee keer verzet zonder bericht.</p>\n<p>Dat had niet mogen gebeuren.</p>'), shown?.mail.html);
    assert.match(shown?.mail.html ?? '', /<h2>Contact met ons<\/h2>/);
    assert.equal(printedLetter(deps(), record, events, '000000000000'), null, 'no such letter');
    assert.equal(printedLetter(deps(), record, [...events.map(anonymiseEvent), sampleEvent('anonymised', {}, { actor: 'retention' })], first.key), null, 'its text is gone after anonymising');

    const closed = await closeComplaint(deps(), { id: record.id, actor: 'anna@wijzijnhecht.nl', outcome: 'partly_founded' });
    assert.equal(closed.status, 'closed');
    const closing = (await service.rt.store.events(record.id)).find((e) => e.type === 'closed');
    assert.deepEqual(closing?.data, { category: 'partly_founded', letterPrintedKey: first.key, previousStatus: 'open' });
  });

  test('no printed letter with an e-mail address, or without a complete postal address', async () => {
    const withEmail = await register({ email: 'fatima@example.nl', description: 'Belde, en gaf een e-mailadres.' });
    assert.equal(letterMedium(withEmail), 'email');
    await assert.rejects(printLetter(deps(), { id: withEmail.id, actor: 'anna@wijzijnhecht.nl', letter: OUTCOME }), /has an e-mail address for the complainant; letters go by e-mail/);

    const noAddress = await register({ address: false, description: 'Belde zonder adres te geven.' });
    await assert.rejects(previewLetter(deps(), { id: noAddress.id, letter: OUTCOME }), (error: Error & { code?: string }) => error.code === 'no_postal_address');
    await assert.rejects(printLetter(deps(), { id: noAddress.id, actor: 'anna@wijzijnhecht.nl', letter: OUTCOME }), /neither an e-mail address nor a complete postal address/);
    assert.ok(!(await service.rt.store.events(noAddress.id)).some((e) => e.type === 'letter_written' || e.type === 'letter_printed'), 'a refusal records nothing');
  });
});
