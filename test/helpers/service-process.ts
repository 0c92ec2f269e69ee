/**
 * The service as an operator runs it: `node workers/all.ts` (or an npm script) in a child
 * process of its own process group, with only the environment given (nothing of the developer's
 * IMAP or SMTP settings leaks in). Output is collected for assertions; the group is killed when
 * the test process exits.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';

export const ROOT = resolve(import.meta.dirname, '..', '..');

export interface ServiceProcess {
  child: ChildProcess;
  pid: number;
  output(): string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** GET on the metrics port; status 0 when nothing answers. */
  get(path: string): Promise<{ status: number; body: string }>;
  /** Signals the whole process group (what a terminal's Ctrl-C does is `signalGroup('SIGINT')`). */
  signalGroup(signal: NodeJS.Signals): void;
}

const live = new Set<number>();
process.on('exit', () => {
  for (const pid of live) {
    try {
      process.kill(-pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
});

export function baseEnv(extra: Record<string, string>): Record<string, string> {
  return {
    PATH: `${process.env['PATH'] ?? ''}:/usr/sbin:/usr/local/sbin`,
    HOME: process.env['HOME'] ?? '/tmp',
    LOG_LEVEL: 'debug',
    // The officer console's default port is shared by every process: off unless a test wants it.
    CONSOLE_PORT: '0',
    ...extra,
  };
}

export function spawnService(env: Record<string, string>, command: { file: string; args: string[] } = { file: process.execPath, args: ['workers/all.ts'] }): ServiceProcess {
  const child = spawn(command.file, command.args, { cwd: ROOT, detached: true, stdio: ['ignore', 'pipe', 'pipe'], env: baseEnv(env) });
  let output = '';
  for (const stream of [child.stdout, child.stderr]) stream?.on('data', (chunk: Buffer) => (output += chunk.toString('utf8')));
  const pid = child.pid ?? -1;
  live.add(pid);
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) =>
    child.once('exit', (code, signal) => {
      live.delete(pid);
      done({ code, signal });
    }),
  );
  return {
    child,
    pid,
    output: () => output,
    exited,
    get: async (path) => {
      const port = env['METRICS_PORT'];
      try {
        const response = await fetch(`http://127.0.0.1:${port}${path}`, { signal: AbortSignal.timeout(2_000) });
        return { status: response.status, body: await response.text() };
      } catch {
        return { status: 0, body: '' };
      }
    },
    signalGroup: (signal) => {
      try {
        process.kill(-pid, signal);
      } catch {
        // Gone already.
      }
    },
  };
}
