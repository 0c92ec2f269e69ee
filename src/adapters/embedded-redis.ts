import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect } from 'node:net';
import { resolve } from 'node:path';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';

/** True when something accepts TCP connections at host:port within the timeout. */
export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect({ host, port });
    const finish = (result: boolean) => {
      socket.destroy();
      done(result);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => finish(true));
    socket.once('error', () => finish(false));
  });
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface EmbeddedRedis {
  stop(): Promise<void>;
}

/**
 * Local mode: when nothing listens at REDIS_URL (a loopback address) and `redis-server` is on
 * the PATH, start one with AOF on and no eviction, its data in `<dataDir>/redis`. Returns null
 * when a Redis is already there (it is used as it is).
 */
export async function startEmbeddedRedisIfNeeded(url: string, dataDir: string, log: Logger): Promise<EmbeddedRedis | null> {
  const parsed = new URL(url);
  const host = parsed.hostname || '127.0.0.1';
  const port = Number(parsed.port || 6379);
  if (await isListening(host, port)) return null;
  if (!['127.0.0.1', 'localhost', '::1', '[::1]'].includes(host)) {
    throw new AppError('redis_unreachable', `Nothing answers at REDIS_URL (host ${host}, port ${port}). Start Redis there or correct REDIS_URL.`);
  }
  if (!hasRedisServer()) {
    throw new AppError(
      'redis_missing',
      'No Redis is running at REDIS_URL and redis-server is not installed. Install it with: sudo apt-get install -y redis-server (or set REDIS_URL to a running Redis).',
    );
  }
  const dir = resolve(dataDir, 'redis');
  await mkdir(dir, { recursive: true });
  const child: ChildProcess = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--dir', dir, '--appendonly', 'yes', '--appendfsync', 'always', '--maxmemory-policy', 'noeviction', '--save', '', '--protected-mode', 'yes'],
    { stdio: 'ignore' },
  );
  for (let i = 0; i < 100 && !(await isListening('127.0.0.1', port)); i += 1) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  if (!(await isListening('127.0.0.1', port))) {
    child.kill('SIGKILL');
    throw new AppError('redis_start_failed', `The embedded redis-server did not start on port ${port}; see if another program holds the port.`);
  }
  log.info('redis_embedded_started', { port });
  return {
    stop: () =>
      new Promise((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}
