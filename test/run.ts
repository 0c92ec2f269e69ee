/**
 * `npm test`: makes sure redis-server, dovecot and chromium exist (the integration tests start
 * their own servers on free loopback ports; the console's browser tests drive Debian's
 * chromium), then runs every test/**\/*.test.ts with node:test.
 * Arguments are forwarded: existing paths replace the file list, anything else (e.g.
 * `--test-name-pattern=...`) goes to `node --test`.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, globSync } from 'node:fs';
import { delimiter } from 'node:path';
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

const result = spawnSync(process.execPath, ['--test', '--test-concurrency=2', ...options, ...testFiles], {
  cwd: files.length > 0 ? process.cwd() : root,
  stdio: 'inherit',
});
if (result.signal) process.kill(process.pid, result.signal);
process.exit(result.status ?? 1);
