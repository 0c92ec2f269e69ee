/**
 * Production start with Redis away (issue 10, point 2): the service waits for the configured
 * Redis, says why in /readyz, and exits after REDIS_WAIT_SECONDS with a clear message. It never
 * starts a Redis of its own on the configured port: that one would hand out reference numbers
 * that belong to others and keep the real Redis off its port.
 */
import assert from 'node:assert/strict';
import { afterEach, test } from 'node:test';
import { isListening } from '../../src/adapters/embedded-redis.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { spawnService, type ServiceProcess } from '../helpers/service-process.ts';
import { waitUntil } from '../helpers/service.ts';
import { killProcess, makeTempDir, probeTcp, removeTempDir, spawnProcess, type SpawnedProcess } from '../helpers/spawned-server.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

/** What a test started (services, a late Redis), stopped when that test ends. */
const cleanups: (() => Promise<unknown> | void)[] = [];
afterEach(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
  cleanups.length = 0;
});

async function productionService(extra: Record<string, string>): Promise<{ service: ServiceProcess; redisPort: number }> {
  const [redisPort, metricsPort, imapPort] = await Promise.all([getFreePort(), getFreePort(), getFreePort()]);
  const dataDir = await makeTempDir('ko-redis-start-');
  const service = spawnService({
    DATA_DIR: dataDir,
    REDIS_URL: `redis://:s3cret-pw@127.0.0.1:${redisPort}`,
    METRICS_PORT: String(metricsPort),
    IMAP_HOST: '127.0.0.1',
    IMAP_PORT: String(imapPort),
    IMAP_SECURE: 'false',
    IMAP_USER: 'klachten',
    IMAP_PASSWORD: 'pw',
    OFFICER_EMAILS: 'officer@wijzijnhecht.nl',
    ...extra,
  });
  cleanups.push(async () => {
    service.signalGroup('SIGKILL');
    await service.exited;
    await removeTempDir(dataDir);
  });
  return { service, redisPort };
}

const waitingReason = async (service: ServiceProcess) => {
  const ready = await service.get('/readyz');
  if (ready.status !== 503) return null;
  const body = JSON.parse(ready.body) as { reasons?: { redis?: string } };
  return body.reasons?.redis ?? null;
};

test('production with Redis down waits, says why in /readyz, exits after REDIS_WAIT_SECONDS and starts no Redis of its own', async () => {
  const { service, redisPort } = await productionService({ REDIS_WAIT_SECONDS: '3' });
  await waitUntil('/readyz says it waits for Redis', async () => {
    if (service.child.exitCode !== null) throw new Error(`exited before answering /readyz:\n${service.output()}`);
    return (await waitingReason(service))?.startsWith('waiting_for_redis') ?? false;
  });
  assert.equal(await isListening('127.0.0.1', redisPort), false, 'no Redis was started on the configured port');
  const result = await service.exited;
  assert.deepEqual(result, { code: 1, signal: null }, service.output());
  assert.match(service.output(), /Redis did not answer within 3 s \(last error: ECONNREFUSED\)\. Start Redis or correct REDIS_URL/);
  assert.ok(!service.output().includes('s3cret-pw'), 'the password of REDIS_URL is never printed');
  assert.equal(await isListening('127.0.0.1', redisPort), false, 'still no Redis on the configured port');
});

test('production goes on once the configured Redis comes up within the wait', async () => {
  const second = await productionService({ REDIS_WAIT_SECONDS: '120' });
  await waitUntil('/readyz says it waits for Redis', async () => (await waitingReason(second.service)) !== null);
  const redisDir = await makeTempDir('ko-late-redis-');
  const redis: SpawnedProcess = spawnProcess('late redis', 'redis-server', ['--port', String(second.redisPort), '--bind', '127.0.0.1', '--requirepass', 's3cret-pw', '--dir', redisDir, '--save', '', '--appendonly', 'yes', '--maxmemory-policy', 'noeviction']);
  cleanups.push(async () => {
    await killProcess(redis, 'SIGTERM');
    await removeTempDir(redisDir);
  });
  await waitUntil('the late Redis answers', () => probeTcp(second.redisPort, (text) => text.includes('NOAUTH') || text.includes('+PONG'), { send: 'PING\r\n' }));
  await waitUntil('/readyz reports Redis usable', async () => {
    if (second.service.child.exitCode !== null) throw new Error(`exited:\n${second.service.output()}`);
    const ready = await second.service.get('/readyz');
    return ready.status !== 0 && (JSON.parse(ready.body) as { checks: { redis?: boolean } }).checks.redis === true;
  });
  assert.equal(second.service.child.exitCode, null, 'still running');
});
