import assert from 'node:assert/strict';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, test } from 'node:test';
import { LANGUAGES, TEMPLATES_DIR } from '../../../src/adapters/templates/layout.ts';
import { loadTemplates } from '../../../src/adapters/templates/load-templates.ts';
import { formatPreview } from '../../../src/adapters/templates/preview.ts';
import { byPostSample, SAMPLE_VARIABLES } from '../../../src/adapters/templates/sample-variables.ts';
import { TEMPLATE_TYPES } from '../../../src/domain/reply-types.ts';
import { POSTABLE_TYPES } from '../../../src/domain/template-variables.ts';

/**
 * Every template in both languages, rendered with the sample data, compared with a file a person
 * can read: test/fixtures/template-snapshots/<type>.<lang>.txt (the same layout the CLI preview
 * prints); the types that can go on paper also as the printed letter, <type>.<lang>.post.txt.
 * After changing a template, write new snapshots and read the diff before committing:
 *
 *   UPDATE_SNAPSHOTS=1 node_modules/.bin/node --test test/unit/templates/snapshots.test.ts
 */

const SNAPSHOT_DIR = resolve(import.meta.dirname, '../../fixtures/template-snapshots');
const UPDATE = process.env['UPDATE_SNAPSHOTS'] === '1';
const templates = loadTemplates(TEMPLATES_DIR);

describe('template snapshots', () => {
  if (UPDATE) mkdirSync(SNAPSHOT_DIR, { recursive: true });
  const expectedFiles = new Set<string>();

  for (const type of TEMPLATE_TYPES) {
    for (const lang of LANGUAGES) {
      const name = `${type}.${lang}.txt`;
      expectedFiles.add(name);
      test(`${type} (${lang})`, () => {
        const actual = formatPreview(type, lang, templates.render(type, lang, SAMPLE_VARIABLES[lang][type]));
        const file = join(SNAPSHOT_DIR, name);
        if (UPDATE) {
          writeFileSync(file, actual);
          return;
        }
        assert.ok(existsSync(file), `no snapshot ${file}; write it with UPDATE_SNAPSHOTS=1 and review it`);
        assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs; if the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff`);
      });
    }
  }

  // The types that can go on paper, as the printed letter: <type>.<lang>.post.txt.
  for (const type of POSTABLE_TYPES) {
    for (const lang of LANGUAGES) {
      const name = `${type}.${lang}.post.txt`;
      expectedFiles.add(name);
      test(`${type} (${lang}), printed letter`, () => {
        const actual = formatPreview(type, lang, templates.render(type, lang, byPostSample(type, lang)), { byPost: true });
        const file = join(SNAPSHOT_DIR, name);
        if (UPDATE) {
          writeFileSync(file, actual);
          return;
        }
        assert.ok(existsSync(file), `no snapshot ${file}; write it with UPDATE_SNAPSHOTS=1 and review it`);
        assert.equal(actual, readFileSync(file, 'utf8'), `${name} differs; if the change is intended, run with UPDATE_SNAPSHOTS=1 and review the diff`);
      });
    }
  }

  test('no snapshot is left over from a type or language that no longer exists', () => {
    const stale = existsSync(SNAPSHOT_DIR) ? readdirSync(SNAPSHOT_DIR).filter((f) => !expectedFiles.has(f)) : [];
    assert.deepEqual(stale, [], 'remove these snapshot files');
  });
});
