import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { globSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

/**
 * The gate checks what we rely on: every integration test file runs the leak check
 * (test/helpers/leak-check.ts), and the leak check fails a test that leaves a server or a timer
 * running while it passes one that closes what it opened.
 */

const root = fileURLToPath(new URL('../..', import.meta.url));
const helper = pathToFileURL(join(root, 'test', 'helpers', 'leak-check.ts')).href;

describe('the test gate', () => {
  test('every integration test file runs the leak check', () => {
    const files = globSync('test/integration/**/*.test.ts', { cwd: root });
    assert.ok(files.length > 20, `${files.length} integration test files`);
    const without = files.filter((file) => !/^checkLeaks\(/m.test(readFileSync(join(root, file), 'utf8')));
    assert.deepEqual(without, [], 'call checkLeaks() at the top of these files');
  });

  test('the leak check fails a test that leaves a server or timer running, and passes one that closes them', () => {
    const dir = mkdtempSync(join(tmpdir(), 'ko-leak-'));
    try {
      const file = join(dir, 'leaks.test.ts');
      writeFileSync(
        file,
        [
          `import { createServer } from 'node:net';`,
          `import { test } from 'node:test';`,
          `import { checkLeaks } from '${helper}';`,
          `checkLeaks({ graceMs: 200 });`,
          `let server;`,
          `test('closes what it opened', async () => { const s = createServer().listen(0); await new Promise((r) => s.once('listening', r)); await new Promise((r) => s.close(r)); });`,
          `test('leaves a server open', async () => { server = createServer().listen(0); await new Promise((r) => server.once('listening', r)); });`,
          `test('leaves a timer running', () => { setTimeout(() => server.close(), 1_000); });`,
        ].join('\n'),
      );
      // A run of its own: without NODE_TEST_CONTEXT, which tells node --test it is inside a run.
      const { NODE_TEST_CONTEXT: _inside, ...env } = process.env;
      const run = spawnSync(process.execPath, ['--test', '--test-reporter=tap', file], { encoding: 'utf8', timeout: 30_000, env });
      assert.ok(run.stdout.includes('# tests 3'), run.stderr || run.error?.message);
      assert.match(run.stdout, /^ok \d+ - closes what it opened$/m);
      assert.match(run.stdout, /^not ok \d+ - leaves a server open$/m);
      assert.match(run.stdout, /left open: TCPServerWrap \+1/);
      assert.match(run.stdout, /^not ok \d+ - leaves a timer running$/m);
      assert.match(run.stdout, /left open: Timeout \+1/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
