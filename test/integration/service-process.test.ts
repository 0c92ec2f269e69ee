/**
 * Stopping the service as operators do (issue 10, point 8): `kill` of the `npm start` process
 * stops the service itself (npm scripts `exec` node, so no shell stays between npm and node),
 * and Ctrl-C in a terminal (SIGINT to the whole foreground process group) lets the service shut
 * down in order before its embedded Redis stops: that Redis runs in a process group of its own.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { redisAnswersAt } from '../../src/adapters/embedded-redis.ts';
import { getFreePort } from '../helpers/free-port.ts';
import { spawnService, type ServiceProcess } from '../helpers/service-process.ts';
import { waitUntil } from '../helpers/service.ts';
import { makeTempDir, removeTempDir } from '../helpers/spawned-server.ts';
import { checkLeaks } from '../helpers/leak-check.ts';

checkLeaks();

const cleanups: (() => Promise<void>)[] = [];
after(async () => {
  for (const cleanup of cleanups.reverse()) await cleanup();
});

async function localService(command?: { file: string; args: string[] }): Promise<{ service: ServiceProcess; dataDir: string }> {
  const dataDir = await makeTempDir('ko-stop-');
  await mkdir(join(dataDir, 'inbox'), { recursive: true });
  const service = spawnService({ DATA_DIR: dataDir, METRICS_PORT: String(await getFreePort()) }, command);
  cleanups.push(async () => {
    service.signalGroup('SIGKILL');
    const pid = Number(await readFile(join(dataDir, 'redis', 'redis.pid'), 'utf8').catch(() => ''));
    if (pid > 0) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Stopped already.
      }
    }
    await removeTempDir(dataDir);
  });
  await waitUntil('the service answers /readyz', async () => {
    if (service.child.exitCode !== null) throw new Error(`exited:\n${service.output()}`);
    return (await service.get('/readyz')).status === 200;
  });
  return { service, dataDir };
}

const groupAlive = (pid: number) => {
  try {
    process.kill(-pid, 0);
    return true;
  } catch {
    return false;
  }
};

test('kill of the npm start process stops the service: no node left serving', async () => {
  const { service } = await localService({ file: 'npm', args: ['start', '--silent'] });
  process.kill(service.pid, 'SIGTERM');
  await service.exited;
  await waitUntil('nothing of npm start is left (npm, sh, node)', () => !groupAlive(service.pid));
  assert.equal((await service.get('/healthz')).status, 0, 'the HTTP port is closed');
});

test('Ctrl-C (SIGINT to the process group) shuts down in order: Redis outlives the service, then stops', async () => {
  const { service, dataDir } = await localService();
  const redisPid = Number(await readFile(join(dataDir, 'redis', 'redis.pid'), 'utf8'));
  // /proc/<pid>/stat: "pid (comm) state ppid pgrp ..."; comm has no spaces for redis-server.
  const redisGroup = Number((await readFile(`/proc/${redisPid}/stat`, 'utf8')).split(' ')[4]);
  assert.notEqual(redisGroup, service.pid, 'the embedded Redis is not in the service\'s process group, which a terminal signals');
  service.signalGroup('SIGINT');
  const result = await service.exited;
  assert.deepEqual(result, { code: 0, signal: null }, service.output().slice(-2_000));
  assert.doesNotMatch(service.output(), /redis_error|close_failed|shutdown_timeout/, 'Redis was there until the service closed it');
  assert.match(service.output(), /shutdown_complete/);
  assert.equal(await redisAnswersAt(join(dataDir, 'redis', 'redis.sock')), false, 'the service stopped its Redis at the end');
});
