import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

/**
 * Corpora of real mail that other people wrote live in ../shared/corpora beside the project,
 * not in the repository. Without them a test that needs one is skipped with a message, except
 * in CI (`CI` set), where a missing corpus fails the run: a gate that skips quietly can pass
 * without testing anything.
 */
export const SHARED_CORPORA = resolve(import.meta.dirname, '..', '..', '..', 'shared', 'corpora');

/** The corpus folder, and `skip`: false when it is there, else the reason (thrown in CI). */
export function sharedCorpus(name: string, env: NodeJS.ProcessEnv = process.env): { dir: string; skip: string | false } {
  const dir = join(SHARED_CORPORA, name);
  if (existsSync(dir)) return { dir, skip: false };
  const reason = `../shared/corpora/${name} is absent (looked in ${dir})`;
  if (env['CI']) throw new Error(`${reason}; CI must run with ../shared beside the project`);
  return { dir, skip: reason };
}
