import { getFreePort } from './free-port.ts';
/**
 * Lifetime of server processes started by tests (redis-server, dovecot) and their temp dirs.
 *
 * Every server runs in its own process group (spawned detached), so a kill reaches Dovecot's
 * children too, and the listening socket they share is really gone afterwards. Children and
 * temp dirs are registered here; when the test process exits, or gets SIGINT/SIGTERM, whatever
 * is left is SIGKILLed and removed, so a failing test never leaves a server behind. Children
 * are unref'd: a test that forgets `stop()` does not hang the runner.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { connect, Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';

export interface ExitInfo {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface SpawnedProcess {
  readonly name: string;
  readonly pid: number;
  /** Resolves once the process has exited; never rejects. */
  readonly exited: Promise<ExitInfo>;
  hasExited(): boolean;
  /** The tail of stdout and stderr together, for error messages. */
  output(): string;
}

const OUTPUT_LIMIT = 16_384;
const liveGroups = new Set<number>();
const tempDirs = new Set<string>();
let hooksInstalled = false;

function killGroup(pid: number, signal: NodeJS.Signals): void {
  try {
    process.kill(-pid, signal);
  } catch {
    // ESRCH: the whole group is gone already.
  }
}

function cleanUpNow(): void {
  for (const pid of liveGroups) killGroup(pid, 'SIGKILL');
  liveGroups.clear();
  for (const dir of tempDirs) {
    try {
      rmSync(dir, { recursive: true, force: true });
    } catch {
      // Best effort while exiting.
    }
  }
  tempDirs.clear();
}

function onSignal(signal: NodeJS.Signals): void {
  cleanUpNow();
  // Only re-raise when nobody else handles the signal (the test runner may have its own handler).
  if (process.listenerCount(signal) === 1) {
    process.removeListener(signal, onSignal);
    process.kill(process.pid, signal);
  }
}

function installHooks(): void {
  if (hooksInstalled) return;
  hooksInstalled = true;
  process.on('exit', cleanUpNow);
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

/** A fresh temp dir that is removed when the process exits, unless `removeTempDir` ran first. */
export async function makeTempDir(prefix: string): Promise<string> {
  installHooks();
  const dir = await mkdtemp(join(tmpdir(), prefix));
  tempDirs.add(dir);
  return dir;
}

export async function removeTempDir(dir: string): Promise<void> {
  tempDirs.delete(dir);
  await rm(dir, { recursive: true, force: true });
}

export function spawnProcess(name: string, command: string, args: readonly string[]): SpawnedProcess {
  installHooks();
  const child: ChildProcess = spawn(command, args, { detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  let exitInfo: ExitInfo | undefined;
  const append = (chunk: Buffer): void => {
    output = (output + chunk.toString('utf8')).slice(-OUTPUT_LIMIT);
  };
  for (const stream of [child.stdout, child.stderr]) {
    stream?.on('data', append);
    if (stream instanceof Socket) stream.unref();
  }
  const exited = new Promise<ExitInfo>((resolve) => {
    child.once('error', (error) => {
      append(Buffer.from(`\nspawn ${command} failed: ${error.message}\n`));
      exitInfo ??= { code: null, signal: null };
      resolve(exitInfo);
    });
    child.once('exit', (code, signal) => {
      exitInfo = { code, signal };
      resolve(exitInfo);
    });
  });
  const pid = child.pid;
  if (pid === undefined) {
    // spawn failed synchronously (e.g. ENOENT); the 'error' event resolves `exited`.
    return { name, pid: -1, exited, hasExited: () => true, output: () => output };
  }
  liveGroups.add(pid);
  child.unref();
  void exited.then(() => {
    // The leader is gone; take any children still in its group with it.
    killGroup(pid, 'SIGKILL');
    liveGroups.delete(pid);
  });
  return { name, pid, exited, hasExited: () => exitInfo !== undefined, output: () => output };
}

function describeExit(info: ExitInfo): string {
  return info.signal === null ? `exit code ${String(info.code)}` : `signal ${info.signal}`;
}

/**
 * Sends `signal` to the process group and waits for the leader to exit; escalates to SIGKILL
 * after `timeoutMs`. Everything else in the group is SIGKILLed once the leader is gone.
 */
export async function killProcess(
  proc: SpawnedProcess,
  signal: NodeJS.Signals = 'SIGTERM',
  timeoutMs = 5_000,
): Promise<ExitInfo> {
  if (proc.pid < 0) return proc.exited;
  if (!proc.hasExited()) killGroup(proc.pid, signal);
  // A ref'd timer keeps the event loop alive while we wait for the unref'd child.
  let timer: NodeJS.Timeout | undefined;
  const timedOut = new Promise<'timeout'>((resolve) => {
    timer = setTimeout(() => resolve('timeout'), timeoutMs);
  });
  const first = await Promise.race([proc.exited, timedOut]);
  clearTimeout(timer);
  killGroup(proc.pid, 'SIGKILL');
  if (first !== 'timeout') return first;
  const keepAlive = setTimeout(() => undefined, 5_000);
  try {
    return await proc.exited;
  } finally {
    clearTimeout(keepAlive);
  }
}

export class ServerStartError extends Error {
  readonly code = 'SERVER_START_FAILED';
  readonly addressInUse: boolean;

  constructor(message: string, details: string) {
    super(`${message}\n--- server output ---\n${details.trim()}`);
    this.name = 'ServerStartError';
    this.addressInUse = /address already in use/i.test(details);
  }
}

/**
 * Polls `probe` until it answers true. Fails fast when the process exits first, and with the
 * server's output (plus `extraOutput()`, e.g. a log file) so the cause is visible in the test.
 */
export async function waitUntilReady(
  proc: SpawnedProcess,
  probe: () => Promise<boolean>,
  options: { what: string; timeoutMs?: number; extraOutput?: () => Promise<string> },
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 15_000);
  const details = async (): Promise<string> =>
    proc.output() + (options.extraOutput ? await options.extraOutput().catch(() => '') : '');
  for (;;) {
    if (proc.hasExited()) {
      const info = await proc.exited;
      throw new ServerStartError(`${proc.name} exited (${describeExit(info)}) before ${options.what}`, await details());
    }
    if (await probe().catch(() => false)) return;
    if (Date.now() > deadline) {
      const text = await details();
      await killProcess(proc, 'SIGKILL');
      throw new ServerStartError(`${proc.name} did not get to ${options.what} within the time limit`, text);
    }
    await sleep(50);
  }
}

/**
 * Connects to 127.0.0.1:port, optionally writes `send`, and resolves true once the received
 * text satisfies `accept`; false on a refused connection, an early close or after `timeoutMs`.
 */
export function probeTcp(
  port: number,
  accept: (received: string) => boolean,
  options: { send?: string; timeoutMs?: number } = {},
): Promise<boolean> {
  return new Promise((resolve) => {
    let received = '';
    let settled = false;
    const socket = connect({ host: '127.0.0.1', port });
    const finish = (result: boolean): void => {
      if (settled) return;
      settled = true;
      socket.destroy();
      resolve(result);
    };
    socket.setTimeout(options.timeoutMs ?? 1_000, () => finish(false));
    socket.once('error', () => finish(false));
    socket.once('close', () => finish(false));
    socket.once('connect', () => {
      if (options.send !== undefined) socket.write(options.send);
    });
    socket.on('data', (chunk: Buffer) => {
      received += chunk.toString('latin1');
      if (accept(received)) finish(true);
    });
  });
}

/** Starts a server on a free port; another program may take the port between probe and bind, so retry. */
export async function launchOnFreePort(launch: (port: number) => Promise<SpawnedProcess>, attempts = 3): Promise<{ port: number; proc: SpawnedProcess }> {
  for (let attempt = 1; ; attempt += 1) {
    const port = await getFreePort();
    try {
      return { port, proc: await launch(port) };
    } catch (error) {
      if (!(error instanceof ServerStartError && error.addressInUse) || attempt >= attempts) throw error;
    }
  }
}

/** Starts a server again on the same port, waiting while the old socket is still bound. */
export async function relaunchOnPort(launch: (port: number) => Promise<SpawnedProcess>, port: number, windowMs = 5_000): Promise<SpawnedProcess> {
  const deadline = Date.now() + windowMs;
  for (;;) {
    try {
      return await launch(port);
    } catch (error) {
      if (!(error instanceof ServerStartError && error.addressInUse) || Date.now() > deadline) throw error;
    }
  }
}
