import assert from 'node:assert/strict';
import { Readable } from 'node:stream';
import { after, before, test } from 'node:test';
import { extendComplaint, markNotHandled, reopenComplaint } from '../../src/app/officer-actions.ts';
import { ingestMessage } from '../../src/app/ingest-message.ts';
import { readMessage } from '../../src/adapters/read-message.ts';
import { makeRecordEffects } from '../../src/app/record-effects.ts';
import { makeEml } from '../helpers/make-eml.ts';
import { startRedis, type RedisServer } from '../helpers/redis-server.ts';
import { startService, type TestService } from '../helpers/service.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

let redis: RedisServer;
before(async () => {
  redis = await startRedis();
});
after(async () => redis?.stop());

async function complaint(service: TestService, messageId: string): Promise<string> {
  const raw = makeEml({ messageId });
  const result = await ingestMessage({ ...service.rt, readMessage, effects: makeRecordEffects({ ...service.rt }) }, {
    source: { kind: 'local', mailbox: 'inbox', uidValidity: null, uid: null, file: 'x.eml' },
    receivedAt: new Date(),
    declaredSize: raw.length,
    open: async () => Readable.from([raw]),
  });
  return result.id;
}

const deps = (service: TestService) => ({ store: service.rt.store, queues: service.rt.queues, config: service.config, log: service.rt.log, clock: service.rt.clock });
const replyJobs = async (service: TestService) => (await service.rt.queues.replies.getJobs(['waiting', 'delayed', 'active', 'completed'])).map((job) => job.id ?? '');

test('an extension whose notices were lost in a crash sends them when the officer runs extend again, once', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const id = await complaint(service, '<ext-crash@example.nl>');
    const crashing = { ...deps(service), queues: { ...service.rt.queues, queueReply: async () => Promise.reject(new Error('crash')) } };
    await assert.rejects(() => extendComplaint(crashing, { id, weeks: 2, reason: 'Wij spreken eerst de medewerker.', actor: 'test' }));
    assert.equal((await service.rt.store.require(id)).deadline?.extensionWeeks, 2, 'the extension itself was recorded');
    assert.ok(!(await replyJobs(service)).includes(`reply-${id}-extension_notice`));

    await extendComplaint(deps(service), { id, weeks: 2, reason: 'Wij spreken eerst de medewerker.', actor: 'test' });
    assert.ok((await replyJobs(service)).includes(`reply-${id}-extension_notice`), 'the notice is queued now');
    await assert.rejects(() => extendComplaint(deps(service), { id, weeks: 1, reason: 'nog eens', actor: 'test' }), /already extended/);
  } finally {
    await service.stop();
  }
});

test('a complaint declared not handled a second time after a reopen gets a second notice', async () => {
  const service = await startService({ redis }, { roles: [] });
  try {
    const id = await complaint(service, '<nh-twice@example.nl>');
    await markNotHandled(deps(service), { id, reason: 'Het gesprek was in 2024.', actor: 'test' });
    await reopenComplaint(deps(service), { id, actor: 'test' });
    await markNotHandled(deps(service), { id, reason: 'Toch ouder dan een jaar.', actor: 'test' });
    const notices = (await replyJobs(service)).filter((jobId) => jobId.startsWith(`reply-${id}-not_handled_notice`));
    assert.equal(notices.length, 2);
  } finally {
    await service.stop();
  }
});
