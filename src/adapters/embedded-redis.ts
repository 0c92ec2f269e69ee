import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdir } from 'node:fs/promises';
import { connect, type NetConnectOpts } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import { AppError } from '../errors.ts';
import type { Logger } from '../log.ts';
import { MAX_SOCKET_PATH_BYTES } from './redis-plan.ts';

/** True when something accepts TCP connections at host:port within the timeout. */
export function isListening(host: string, port: number, timeoutMs = 500): Promise<boolean> {
  return probe({ host, port }, null, timeoutMs);
}

/** True when a Redis at this Unix socket answers PING with PONG (not -LOADING). */
export function redisAnswersAt(socket: string, timeoutMs = 500): Promise<boolean> {
  return probe({ path: socket }, 'PING\r\n', timeoutMs);
}

function probe(target: NetConnectOpts, ping: string | null, timeoutMs: number): Promise<boolean> {
  return new Promise((done) => {
    const socket = connect(target);
    let reply = '';
    const finish = (result: boolean) => {
      socket.destroy();
      done(result);
    };
    socket.setTimeout(timeoutMs, () => finish(false));
    socket.once('connect', () => (ping === null ? finish(true) : socket.write(ping)));
    socket.on('data', (chunk: Buffer) => {
      reply += chunk.toString('latin1');
      if (reply.includes('\r\n')) finish(reply.startsWith('+PONG'));
    });
    socket.once('error', () => finish(false));
  });
}

function hasRedisServer(): boolean {
  return spawnSync('redis-server', ['--version'], { stdio: 'ignore' }).status === 0;
}

export interface EmbeddedRedis {
  /** The Unix socket to connect to. */
  socket: string;
  /** Stops the server if this process started it; a Redis found running is left alone. */
  stop(): Promise<void>;
}

/**
 * Local mode's own redis-server: data in `dir`, reachable only through a Unix socket there
 * (mode 700, no TCP port, so no other program's Redis is ever used and none can use ours), AOF
 * with fsync on every write, no eviction. When our socket already answers (a previous run's
 * server, or another process of this service) it is used as it is.
 *
 * The server runs in its own process group: Ctrl-C in a terminal signals the foreground group,
 * and Redis must outlive the service's orderly shutdown, which stops it last.
 */
export async function startEmbeddedRedis(dir: string, socket: string, log: Logger): Promise<EmbeddedRedis> {
  if (Buffer.byteLength(socket) > MAX_SOCKET_PATH_BYTES) {
    throw new AppError('data_dir_too_long', `DATA_DIR is too long a path for the Redis socket (${socket.length} characters, at most ${MAX_SOCKET_PATH_BYTES} for DATA_DIR/redis/redis.sock). Use a shorter DATA_DIR or set REDIS_URL.`);
  }
  if (await redisAnswersAt(socket)) {
    log.info('redis_embedded_reused');
    return { socket, stop: async () => {} };
  }
  if (!hasRedisServer()) {
    throw new AppError(
      'redis_missing',
      'Local mode runs its own Redis, and redis-server is not installed. Install it with: sudo apt-get install -y redis-server (or set REDIS_URL to a running Redis).',
    );
  }
  await mkdir(dir, { recursive: true, mode: 0o700 });
  const child: ChildProcess = spawn(
    'redis-server',
    [
      '--port', '0',
      '--unixsocket', socket,
      '--unixsocketperm', '700',
      '--dir', dir,
      '--pidfile', `${dir}/redis.pid`,
      '--appendonly', 'yes',
      '--appendfsync', 'always',
      '--maxmemory-policy', 'noeviction',
      '--save', '',
    ],
    { stdio: 'ignore', detached: true },
  );
  const exited = new Promise<void>((done) => {
    child.once('exit', () => done());
    child.once('error', () => done());
  });
  // Loading a large AOF takes a while; only PONG means ready.
  for (let i = 0; i < 600 && child.exitCode === null && !(await redisAnswersAt(socket)); i += 1) await sleep(50);
  if (!(await redisAnswersAt(socket))) {
    child.kill('SIGKILL');
    throw new AppError('redis_start_failed', `The embedded redis-server did not start; its data is in ${dir}. Run redis-server there by hand to see why.`);
  }
  log.info('redis_embedded_started');
  return {
    socket,
    stop: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
      await exited;
    },
  };
}
