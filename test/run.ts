/**
 * `npm test`: makes sure redis-server, dovecot and chromium exist (the integration tests start
 * their own servers on free loopback ports; the console's browser tests drive Debian's
 * chromium), runs the type check (`tsc --noEmit`: Node only strips types, so a type error would
 * otherwise pass), then runs every test/**\/*.test.ts with node:test, each test with a timeout
 * so a leaked handle fails the run instead of hanging it.
 * Arguments are forwarded: existing paths replace the file list (and skip the type check, which
 * `npm run typecheck` does alone), anything else (e.g. `--test-name-pattern=...`,
 * `--test-timeout=...`) goes to `node --test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { delimiter, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const packages = ['redis-server', 'dovecot-imapd', 'chromium'];
const installCommand = `apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y ${packages.join(' ')}`;

// dovecot lives in /usr/sbin, which is not on every user's PATH; the test processes inherit this.
const path = (process.env.PATH ?? '').split(delimiter);
for (const dir of ['/usr/sbin', '/usr/local/sbin']) if (!path.includes(dir)) path.push(dir);
process.env.PATH = path.join(delimiter);

const missing = (): string[] => [
  ...['redis-server', 'dovecot'].filter((command) => spawnSync(command, ['--version'], { stdio: 'ignore' }).error !== undefined),
  ...(existsSync('/usr/bin/chromium') ? [] : ['chromium']),
];

function run(command: string, args: string[], env: NodeJS.ProcessEnv = process.env): void {
  console.log(`$ ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { stdio: 'inherit', env });
  if (result.status !== 0) {
    console.error(`${command} failed (${result.error?.message ?? `exit ${String(result.status)}`}); install by hand: ${installCommand}`);
    process.exit(1);
  }
}

if (missing().length > 0) {
  if (process.getuid?.() !== 0) {
    console.error(`The tests need ${missing().join(' and ')}. Install them as root, then run npm test again:\n  sudo sh -c '${installCommand}'`);
    process.exit(1);
  }
  run('apt-get', ['update']);
  run('apt-get', ['install', '-y', ...packages], { ...process.env, DEBIAN_FRONTEND: 'noninteractive' });
  if (missing().length > 0) {
    console.error(`Still missing after install: ${missing().join(', ')}`);
    process.exit(1);
  }
}

const args = process.argv.slice(2);
const files = args.filter((arg) => !arg.startsWith('-') && existsSync(arg));
const options = args.filter((arg) => !files.includes(arg));
const testFiles = files.length > 0 ? files : globSync('test/**/*.test.ts', { cwd: root }).sort();

/** Per test (not per suite or file): the slowest single test takes under 20 s on two shared cores. */
const TEST_TIMEOUT_MS = 120_000;
/**
 * The whole run (about 3 min today). A handle leaked after a file's last test (a worker, queue,
 * connection or timer) keeps that file's process alive, which no per-test timeout sees: without
 * this limit the run would hang until CI gives up.
 */
const RUN_TIMEOUT_MS = 15 * 60_000;

if (files.length === 0) {
  console.log('$ tsc --noEmit -p tsconfig.json');
  const typecheck = spawnSync(join(root, 'node_modules', '.bin', 'tsc'), ['--noEmit', '-p', 'tsconfig.json'], { cwd: root, stdio: 'inherit' });
  if (typecheck.status !== 0) {
    console.error(`Type check failed (${typecheck.error?.message ?? `exit ${String(typecheck.status)}`}); no tests were run. Fix the errors above, or run npm run typecheck.`);
    process.exit(1);
  }
}

const timeout = options.some((option) => option.startsWith('--test-timeout')) ? [] : [`--test-timeout=${TEST_TIMEOUT_MS}`];
const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...timeout, ...options, ...testFiles], {
  cwd: files.length > 0 ? process.cwd() : root,
  stdio: 'inherit',
  timeout: RUN_TIMEOUT_MS,
  killSignal: 'SIGTERM',
});
if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
  console.error(`The tests did not finish within ${RUN_TIMEOUT_MS / 60_000} minutes: a test file probably left a handle open (worker, queue, connection, timer). The file marked cancelled above is the one.`);
  process.exit(1);
}
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
