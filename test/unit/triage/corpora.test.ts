import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { triageRawMessage } from '../../../src/adapters/triage-raw-message.ts';
import { TriageResultSchema } from '../../../src/domain/triage/triage-result.ts';
import { sharedCorpus } from '../../helpers/shared-corpus.ts';

/**
 * Real mail written by others: sisimai's bounces and auto-replies (../shared/corpora) and the
 * automatic mail collected from other mail projects' test corpora
 * (test/fixtures/automatic-corpora) must never get a reply, and mikel's malformed MIME must
 * triage without throwing. Without ../shared beside the project the shared corpora are skipped
 * with a message, except in CI (`CI` set), where a missing corpus fails the run.
 */
const { dir: SISIMAI, skip: sisimaiMissing } = sharedCorpus('sisimai-set-of-emails');
const { dir: MIKEL, skip: mikelMissing } = sharedCorpus('mikel-mail-fixtures');
const CONTEXT = {
  receivedAt: new Date('2026-11-24T10:00:00Z'),
  mailboxAddress: 'klachtenopvang@wijzijnhecht.nl',
  ownDomain: 'wijzijnhecht.nl',
};

function* filesUnder(dir: string): Generator<string> {
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) yield* filesUnder(path);
    else yield path;
  }
}

/** file (relative to the corpus) -> sisimai reasons, from LABELS.tsv (one row per recipient). */
function readLabels(): Map<string, Set<string>> {
  const labels = new Map<string, Set<string>>();
  for (const line of readFileSync(join(SISIMAI, 'LABELS.tsv'), 'utf8').split('\n')) {
    if (line.startsWith('#') || line.startsWith('file\t') || line.trim() === '') continue;
    const [file, , , , reason] = line.split('\t');
    if (!file || !reason) continue;
    labels.set(file, (labels.get(file) ?? new Set()).add(reason));
  }
  return labels;
}

const AUTOMATIC = join(import.meta.dirname, '..', '..', 'fixtures', 'automatic-corpora');

test('automatic mail from other projects\' test corpora: none gets a reply', async () => {
  const replied: string[] = [];
  let count = 0;
  for (const path of filesUnder(AUTOMATIC)) {
    if (!path.endsWith('.eml')) continue;
    count += 1;
    const result = TriageResultSchema.parse(await triageRawMessage(readFileSync(path), CONTEXT));
    if (result.reply !== null) replied.push(`  ${relative(AUTOMATIC, path)}  kind=${result.kind}  reply=${result.reply}`);
  }
  console.log(`automatic corpora: ${count} files, ${replied.length} got a reply${replied.length ? `:\n${replied.join('\n')}` : ''}`);
  assert.ok(count >= 300, `at least 300 messages, found ${count}`);
  assert.deepEqual(replied, []);
});

test('sisimai: no bounce or auto-reply gets a reply', { skip: sisimaiMissing }, async () => {
  const labels = readLabels();
  const replied: string[] = [];
  const unexpected: string[] = [];
  let count = 0;
  for (const path of filesUnder(join(SISIMAI, 'maildir'))) {
    if (!path.endsWith('.eml')) continue;
    count += 1;
    const file = relative(SISIMAI, path);
    const result = TriageResultSchema.parse(await triageRawMessage(readFileSync(path), CONTEXT));
    if (result.reply === null) continue;
    const reasons = [...(labels.get(file) ?? new Set(['(unlabelled)']))].join(',');
    replied.push(`  ${file}  label=${reasons}  kind=${result.kind}  reply=${result.reply}`);
    if (!labels.get(file)?.has('(not-a-bounce)')) unexpected.push(file);
  }
  console.log(`sisimai: ${count} files, ${replied.length} got a reply${replied.length ? `:\n${replied.join('\n')}` : ''}`);
  assert.deepEqual(unexpected, [], 'only files LABELS.tsv marks (not-a-bounce) may get a reply');
});

test('mikel: every malformed or unusual message triages without throwing', { skip: mikelMissing }, async () => {
  let count = 0;
  for (const path of filesUnder(MIKEL)) {
    if (/(?:LICENSE|SOURCE\.txt)$/.test(path)) continue;
    count += 1;
    const result = await triageRawMessage(readFileSync(path), CONTEXT).catch((error: unknown) => {
      throw new Error(`${relative(MIKEL, path)} failed`, { cause: error });
    });
    TriageResultSchema.parse(result);
  }
  console.log(`mikel: ${count} files triaged`);
  assert.ok(count > 0, 'the corpus holds messages');
});
