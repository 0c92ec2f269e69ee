/**
 * A private Dovecot 2.3 for one test file: plain IMAP on a free loopback port, one passwd-file
 * user, Maildir under a temp dir. Everything Dovecot writes (base_dir, state_dir, log, mail)
 * stays inside that dir. Needs root: mail processes run as nobody/nogroup.
 *
 * Maildir++ layout: INBOX is `<maildir>` itself, another mailbox `Name` is `<maildir>/.Name`.
 */
import { randomBytes } from 'node:crypto';
import { chmod, chown, mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { signJwt } from '../../src/adapters/oauth2/jwt.ts';
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

export interface DovecotServer {
  readonly host: '127.0.0.1';
  readonly port: number;
  readonly user: string;
  readonly password: string;
  /**
   * With `oauth2`: a token valid for an hour that the test's own IMAP helpers sign in with
   * (the server then offers XOAUTH2 only, so the password is refused).
   */
  readonly accessToken?: string;
  /** The user's Maildir (INBOX); other mailboxes are `.Name` dirs inside it. */
  readonly maildir: string;
  /** Dovecot's log file, worth reading when a test fails. */
  readonly logPath: string;
  /** Sends `signal` (default SIGKILL, i.e. a crash) to Dovecot and all its children; waits for exit. */
  kill(signal?: NodeJS.Signals): Promise<void>;
  /** Stops Dovecot if it still runs, starts it on the same port and Maildir, waits for the greeting. */
  restart(): Promise<void>;
  /**
   * Forces a new UIDVALIDITY for `mailbox`: stops Dovecot, deletes the mailbox's
   * `dovecot-uidlist` and index files (and the mailbox list index that caches STATUS), restarts.
   * Messages survive but get new UIDs, as after a server-side mailbox rebuild.
   */
  resetUidValidity(mailbox: string): Promise<void>;
  /** Idempotent: stops Dovecot and removes its dir. */
  stop(): Promise<void>;
}

const USER = 'klachten';
const START_ATTEMPTS = 3;
const RESTART_BIND_WINDOW_MS = 5_000;

async function lookupId(file: '/etc/passwd' | '/etc/group', name: string): Promise<number> {
  const lines = (await readFile(file, 'utf8')).split('\n');
  const line = lines.find((entry) => entry.startsWith(`${name}:`));
  const id = Number(line?.split(':')[2]);
  if (!Number.isInteger(id)) throw new Error(`${name} is missing from ${file}; Dovecot's mail processes run as it`);
  return id;
}

/**
 * Like Exchange Online, only XOAUTH2: Dovecot's oauth2 passdb checks HS256 tokens itself
 * (signature, exp, iss, sub = user), so no introspection endpoint is needed.
 */
export interface DovecotOAuth2Options {
  /** The only issuer accepted (`iss`). */
  issuer: string;
  /** The HS256 key; tokens signed with another key are refused. */
  key: Buffer;
}

function authConfig(dir: string, oauth2: DovecotOAuth2Options | undefined): string {
  if (!oauth2) {
    return `auth_mechanisms = plain login
passdb {
  driver = passwd-file
  args = scheme=PLAIN username_format=%u ${dir}/passwd
}`;
  }
  return `auth_mechanisms = xoauth2
auth_failure_delay = 0
passdb {
  driver = oauth2
  mechanisms = xoauth2
  args = ${dir}/dovecot-oauth2.conf.ext
}
service anvil {
  unix_listener anvil-auth-penalty {
    mode = 0
  }
}`;
}

function oauth2Config(dir: string, oauth2: DovecotOAuth2Options): string {
  return `introspection_mode = local
local_validation_key_dict = fs:posix:prefix=${dir}/keys/
username_attribute = sub
issuers = ${oauth2.issuer}
`;
}

function dovecotConfig(dir: string, port: number, oauth2?: DovecotOAuth2Options): string {
  return `# Written by test/helpers/dovecot-server.ts (Dovecot 2.3 setting names)
instance_name = klachten-test-${port}
base_dir = ${dir}/run
state_dir = ${dir}/state
log_path = ${dir}/dovecot.log
protocols = imap
listen = 127.0.0.1
ssl = no
disable_plaintext_auth = no
${authConfig(dir, oauth2)}
first_valid_uid = 1
first_valid_gid = 1
mail_location = maildir:~/Maildir
userdb {
  driver = static
  args = uid=nobody gid=nogroup home=${dir}/home/%u
}
service imap-login {
  inet_listener imap {
    address = 127.0.0.1
    port = ${port}
  }
  inet_listener imaps {
    port = 0
  }
}
protocol imap {
  # The default of 10 is easily reached by a worker plus a test's helper clients.
  mail_max_userip_connections = 100
}
`;
}

function mailboxDir(maildir: string, mailbox: string): string {
  if (mailbox.toUpperCase() === 'INBOX') return maildir;
  if (!/^[\x20-\x7e]+$/.test(mailbox) || mailbox.includes('/') || mailbox.startsWith('.')) {
    throw new Error(`resetUidValidity supports plain ASCII mailbox names, got ${JSON.stringify(mailbox)}`);
  }
  return join(maildir, `.${mailbox}`);
}

async function deleteIndexFiles(dir: string, isIndexFile: (name: string) => boolean): Promise<void> {
  for (const name of await readdir(dir)) {
    if (isIndexFile(name)) await rm(join(dir, name), { force: true });
  }
}

export async function startDovecot(options: { oauth2?: DovecotOAuth2Options } = {}): Promise<DovecotServer> {
  const { oauth2 } = options;
  if (process.getuid?.() !== 0) {
    throw new Error('startDovecot needs root: Dovecot switches its mail processes to nobody/nogroup');
  }
  const dir = await makeTempDir('klachten-dovecot-');
  const password = randomBytes(12).toString('hex');
  const home = join(dir, 'home', USER);
  const maildir = join(home, 'Maildir');
  const logPath = join(dir, 'dovecot.log');
  const configPath = join(dir, 'dovecot.conf');

  const readLogTail = async (): Promise<string> => `\n--- ${logPath} ---\n${(await readFile(logPath, 'utf8')).slice(-8_192)}`;

  const launch = async (port: number): Promise<SpawnedProcess> => {
    await writeFile(configPath, dovecotConfig(dir, port, oauth2));
    const proc = spawnProcess(`dovecot on port ${port}`, 'dovecot', ['-F', '-c', configPath]);
    await waitUntilReady(proc, () => probeTcp(port, (text) => text.startsWith('* OK')), {
      what: 'greeting IMAP clients',
      extraOutput: readLogTail,
    });
    return proc;
  };

  let port = 0;
  let proc: SpawnedProcess | undefined;
  try {
    // The auth process (user dovecot) reads the passwd file; mail processes (nobody) need to
    // traverse the temp dir, which mkdtemp creates as 0700.
    await chmod(dir, 0o755);
    await writeFile(join(dir, 'passwd'), `${USER}:{PLAIN}${password}\n`, { mode: 0o644 });
    if (oauth2) {
      // Read by the unprivileged auth process: <keys>/<azp>/<alg>/<kid>, base64, "default" when absent.
      await writeFile(join(dir, 'dovecot-oauth2.conf.ext'), oauth2Config(dir, oauth2), { mode: 0o644 });
      await mkdir(join(dir, 'keys', 'default', 'HS256'), { recursive: true, mode: 0o755 });
      await writeFile(join(dir, 'keys', 'default', 'HS256', 'default'), oauth2.key.toString('base64'), { mode: 0o644 });
    }
    await mkdir(home, { recursive: true });
    await chown(home, await lookupId('/etc/passwd', 'nobody'), await lookupId('/etc/group', 'nogroup'));
    ({ port, proc } = await launchOnFreePort((candidate) => launch(candidate), START_ATTEMPTS));
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
    if (stopping) throw new Error('restart() after stop(): start a new Dovecot instead');
    await killProcess(current, 'SIGTERM');
    // The old master is gone, but a login process killed with it can hold the listening socket
    // for a moment under load; the new master would take that for "Dovecot is already running"
    // (exit 89). Its sockets are stale by now: remove them, the new master makes new ones.
    await rm(join(dir, 'run'), { recursive: true, force: true });
    current = await relaunchOnPort((samePort) => launch(samePort), port, RESTART_BIND_WINDOW_MS);
  };

  const resetUidValidity = async (mailbox: string): Promise<void> => {
    const target = mailboxDir(maildir, mailbox);
    if (!(await stat(target).catch(() => undefined))?.isDirectory()) {
      throw new Error(`resetUidValidity: mailbox ${JSON.stringify(mailbox)} does not exist yet`);
    }
    await killProcess(current, 'SIGTERM');
    await deleteIndexFiles(target, (name) => name.startsWith('dovecot-uidlist') || name.startsWith('dovecot.index'));
    // The list index caches each mailbox's STATUS, UIDVALIDITY included. `dovecot-uidvalidity*`
    // stays: it makes Dovecot hand out a value different from every earlier one.
    await deleteIndexFiles(maildir, (name) => name.startsWith('dovecot.list.index'));
    await restart();
  };

  const stop = (): Promise<void> => {
    stopping ??= (async () => {
      await killProcess(current, 'SIGTERM');
      await removeTempDir(dir);
    })();
    return stopping;
  };

  return {
    host: '127.0.0.1',
    port,
    user: USER,
    password,
    ...(oauth2
      ? { accessToken: signJwt({}, { sub: USER, iss: oauth2.issuer, exp: Math.floor(Date.now() / 1000) + 3600 }, { alg: 'HS256', secret: oauth2.key }) }
      : {}),
    maildir,
    logPath,
    kill,
    restart,
    resetUidValidity,
    stop,
  };
}
