import assert from 'node:assert/strict';
import { existsSync, globSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';

/**
 * The dependency direction of docs/ARCHITECTURE.md, checked on the import statements of every
 * file in src/: domain/ is pure (no I/O module, nothing of app/, adapters/, console/, cli/ or
 * workers/), adapters/ never reach into a use case, app/ reaches the world only through the
 * ports it declares (src/app/ports.ts), and only workers/ (and the CLI) wire adapters in.
 *
 * Imports are read with a scanner, not a parser: statements that start a line (`import …
 * from`, `export … from`, `import '…'`) and `import('…')` calls. `import type` and
 * `export type` are type-only and vanish at run time; `import { type A } from` does not (Node
 * keeps the statement and loads the module), so it counts as a value import. Every relative
 * import must resolve to a file, so a statement the scanner misread fails the test instead of
 * passing unseen.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const SRC = join(root, 'src');

interface Import {
  file: string;
  specifier: string;
  typeOnly: boolean;
  /** Absolute path for a relative import, else null (a package or node: builtin). */
  target: string | null;
}

const STATIC = /^[ \t]*(import|export)\s+(type\s+)?(?:[\w$*{}\s,]+?\s+from\s+)?['"]([^'"\n]+)['"]/gm;
const DYNAMIC = /(\S*)\s*\bimport\(\s*['"]([^'"\n]+)['"]\s*\)/g;

function importsOf(file: string): Import[] {
  const source = readFileSync(file, 'utf8');
  const found: Import[] = [];
  const add = (specifier: string, typeOnly: boolean) =>
    found.push({ file, specifier, typeOnly, target: specifier.startsWith('.') ? resolve(dirname(file), specifier) : null });
  for (const match of source.matchAll(STATIC)) {
    const [statement = '', keyword, type, specifier = ''] = match;
    // `export const x = …` and the like are no re-exports: only `export … from` names a module.
    if (keyword === 'export' && !/\bfrom\s+['"]/.test(statement)) continue;
    add(specifier, type !== undefined);
  }
  for (const match of source.matchAll(DYNAMIC)) {
    const [, before = '', specifier = ''] = match;
    // `: import('x').T` and `typeof import('x')` name a type; `await import('x')` loads a module.
    add(specifier, /(^|[:<|&]|typeof)$/.test(before));
  }
  return found;
}

const files = globSync('**/*.ts', { cwd: SRC }).map((path) => join(SRC, path)).sort();
const imports = files.flatMap(importsOf);

const under = (dir: string) => (path: string | null) => path !== null && (path === join(root, dir) || path.startsWith(join(root, dir) + '/'));
const inDomain = under('src/domain');
const inApp = under('src/app');
const inAdapters = under('src/adapters');
const inConsole = under('src/console');
const inCli = under('src/cli');
const inWorkers = under('workers');

/**
 * Modules that do I/O or hold connections: never in domain/, and in app/ only behind a port.
 * `node:stream` is here for values; its types (a message's bytes) are allowed.
 */
const IO_MODULES = [
  'fs',
  'node:fs',
  'node:fs/promises',
  'node:net',
  'node:http',
  'node:https',
  'node:http2',
  'node:tls',
  'node:dgram',
  'node:dns',
  'node:child_process',
  'node:cluster',
  'node:worker_threads',
  'node:readline',
  'node:stream',
  'node:stream/promises',
  'node:timers',
  'node:timers/promises',
  'ioredis',
  'bullmq',
  'imapflow',
  'nodemailer',
  'mailparser',
  'fastify',
  'openid-client',
  'smtp-server',
  'handlebars',
  'html-to-text',
  '@kenjiuno/msgreader',
];
const isIo = (specifier: string) => IO_MODULES.includes(specifier) || specifier.startsWith('@fastify/') || specifier.startsWith('@bull-board/') || specifier.startsWith('nodemailer/');

const show = (list: Import[]) => list.map((i) => `${relative(root, i.file)} -> ${i.specifier}${i.typeOnly ? ' (type)' : ''}`);

describe('architecture: the dependency direction holds', () => {
  test('the scanner sees the imports: every relative one resolves to a file', () => {
    assert.ok(files.length > 100, `${files.length} files under src/`);
    assert.ok(imports.length > files.length, `${imports.length} imports found`);
    const unresolved = imports.filter((i) => i.target !== null && !existsSync(i.target));
    assert.deepEqual(show(unresolved), []);
    // A file known to import both kinds, read as such.
    const ports = imports.filter((i) => i.file === join(SRC, 'app', 'ports.ts'));
    assert.ok(ports.length >= 5 && ports.every((i) => i.typeOnly), 'ports.ts imports types only');
    assert.ok(imports.some((i) => i.file === join(SRC, 'app', 'ingest-message.ts') && !i.typeOnly && i.specifier === '../domain/jobs.ts'));
  });

  test('domain/ is pure: no I/O module, nothing of app/, adapters/, console/, cli/ or workers/', () => {
    const bad = imports.filter(
      (i) =>
        inDomain(i.file) &&
        ((isIo(i.specifier) && !(i.typeOnly && i.specifier === 'node:stream')) ||
          inApp(i.target) ||
          inAdapters(i.target) ||
          inConsole(i.target) ||
          inCli(i.target) ||
          inWorkers(i.target) ||
          // The configuration and the logger as types (what a rule reads), never their values.
          (!i.typeOnly && (i.target === join(SRC, 'config.ts') || i.target === join(SRC, 'log.ts')))),
    );
    assert.deepEqual(show(bad), [], 'move the I/O to an adapter and hand the domain plain values');
  });

  test('adapters/ never import a use case (app/), the console, the CLI or workers/', () => {
    const bad = imports.filter((i) => inAdapters(i.file) && (inApp(i.target) || inConsole(i.target) || inCli(i.target) || inWorkers(i.target)));
    assert.deepEqual(show(bad), [], 'an adapter implements a port structurally; shared shapes live in domain/');
  });

  test('app/ reaches the world through its ports: no adapter, no I/O module, no console, CLI or workers/', () => {
    const bad = imports.filter(
      (i) =>
        inApp(i.file) &&
        (inAdapters(i.target) || inConsole(i.target) || inCli(i.target) || inWorkers(i.target) || (isIo(i.specifier) && !(i.typeOnly && i.specifier === 'node:stream'))),
    );
    assert.deepEqual(show(bad), [], 'declare what the use case needs in src/app/ports.ts and wire the adapter in workers/');
  });

  test('nothing in src/ imports workers/: only the entry points wire', () => {
    assert.deepEqual(show(imports.filter((i) => inWorkers(i.target))), []);
  });
});

describe('architecture: files that do one job', () => {
  /** A file past this has grown a second job: split it, as templates/ and cli/commands/ were. */
  const MAX_LINES = 400;

  test(`no file in src/ is over ${MAX_LINES} lines`, () => {
    const long = files
      .map((file) => ({ file: relative(root, file), lines: readFileSync(file, 'utf8').split('\n').length }))
      .filter(({ lines }) => lines > MAX_LINES)
      .map(({ file, lines }) => `${file}: ${lines} lines`);
    assert.deepEqual(long, []);
  });

  test('the CLI runs use cases only from its command modules (src/cli/commands/), one per command or group', () => {
    const inCommands = under('src/cli/commands');
    const bad = imports.filter((i) => inCli(i.file) && !inCommands(i.file) && !i.typeOnly && inApp(i.target));
    assert.deepEqual(show(bad), [], 'put the command in src/cli/commands/ and route to it from workers/cli.ts');
  });
});
