import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { AppError } from '../errors.ts';

/**
 * The messages a `triage` dry run reads: files as given, folders walked for `.eml` files
 * (sorted, so two runs print in the same order). `-` is standard input.
 */
export async function messageFiles(paths: readonly string[]): Promise<string[]> {
  const out: string[] = [];
  for (const path of paths) {
    if (path === '-') {
      out.push(path);
      continue;
    }
    const info = await stat(path).catch((error: unknown) => {
      throw new AppError('file_unreadable', `Cannot read ${path} (${(error as NodeJS.ErrnoException).code ?? 'error'}).`, { cause: error, permanent: true });
    });
    out.push(...(info.isDirectory() ? await emlFilesUnder(path) : [path]));
  }
  return out;
}

async function emlFilesUnder(dir: string): Promise<string[]> {
  const entries = (await readdir(dir, { withFileTypes: true })).sort((a, b) => a.name.localeCompare(b.name));
  const out: string[] = [];
  for (const entry of entries) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await emlFilesUnder(path)));
    else if (entry.isFile() && entry.name.toLowerCase().endsWith('.eml')) out.push(path);
  }
  return out;
}
