/**
 * A private redis-server for one test file: a free loopback port, data in a temp dir, AOF with
 * fsync on every write, so `kill('SIGKILL')` followed by `restart()` behaves like a crash and
 * recovery. Never the machine's Redis on 6379.
 */
import {
  killProcess,
  makeTempDir,
  probeTcp,
  removeTempDir,
  launchOnFreePort,
  relaunchOnPort,
  spawnProcess,
  waitUntilReady,
  type SpawnedProcess,
} from './spawned-server.ts';

export interface RedisServerOptions {
  /** Append-only file with `appendfsync always`; default true. Without it nothing survives a restart. */
  appendonly?: boolean;
}

export interface RedisServer {
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  readonly port: number;
  /** The data dir (holds `appendonlydir/`). */
  readonly dir: string;
  /** Sends `signal` (default SIGKILL, i.e. a crash) and waits until the server has exited. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops the server if it still runs, starts it on the same port and dir, waits for PING. */
  restart(): Promise<void>;
  /** Idempotent: stops the server and removes its dir. */
  stop(): Promise<void>;
}

const START_ATTEMPTS = 3;
const RESTART_BIND_WINDOW_MS = 5_000;

function redisArgs(port: number, dir: string, appendonly: boolean): string[] {
  return [
    '--port', String(port),
    '--bind', '127.0.0.1',
    '--dir', dir,
    '--appendonly', appendonly ? 'yes' : 'no',
    '--appendfsync', 'always',
    '--maxmemory-policy', 'noeviction',
    '--save', '',
    '--daemonize', 'no',
  ];
}

async function launch(port: number, dir: string, appendonly: boolean): Promise<SpawnedProcess> {
  const proc = spawnProcess(`redis-server on port ${port}`, 'redis-server', redisArgs(port, dir, appendonly));
  // While loading the AOF Redis answers -LOADING; only +PONG means ready.
  await waitUntilReady(proc, () => probeTcp(port, (text) => text.includes('+PONG'), { send: 'PING\r\n' }), {
    what: 'answering PING',
  });
  return proc;
}

export async function startRedis(options: RedisServerOptions = {}): Promise<RedisServer> {
  const appendonly = options.appendonly ?? true;
  const dir = await makeTempDir('klachten-redis-');
  let port = 0;
  let proc: SpawnedProcess | undefined;
  try {
    ({ port, proc } = await launchOnFreePort((candidate) => launch(candidate, dir, appendonly), START_ATTEMPTS));
  } catch (error) {
    await removeTempDir(dir);
    throw error;
  }
  let current: SpawnedProcess = proc;
  let stopping: Promise<void> | undefined;

  const kill = async (signal: NodeJS.Signals = 'SIGKILL'): Promise<void> => {
    await killProcess(current, signal);
  };

  const restart = async (): Promise<void> => {
    if (stopping) throw new Error('restart() after stop(): start a new Redis instead');
    await killProcess(current, 'SIGTERM');
    current = await relaunchOnPort((samePort) => launch(samePort, dir, appendonly), port, RESTART_BIND_WINDOW_MS);
  };

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await killProcess(current, 'SIGTERM');
      await removeTempDir(dir);
    })();
    return stopping;
  };

  return { url: `redis://127.0.0.1:${port}`, port, dir, kill, restart, stop };
}
