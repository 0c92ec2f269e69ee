import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import Handlebars from 'handlebars';
import { AppError } from '../../errors.ts';
import { TEMPLATE_TYPES } from '../../domain/reply-types.ts';
import { LANGUAGES, TEMPLATE_PARTS } from './layout.ts';
import type { ParsedTemplate } from './template-check.ts';

/**
 * Reading the template folder: each file parsed once, the partials, and files that look like
 * templates but would never be used. Problems are collected, not thrown, so one start-up names
 * every broken file (`loadError`).
 */
export interface Problem {
  code: 'template_missing' | 'template_invalid';
  message: string;
}

export function loadError(dir: string, problems: readonly Problem[]): AppError {
  const code = problems.some((p) => p.code === 'template_missing') ? 'template_missing' : 'template_invalid';
  const lines = problems.map((p) => `  ${p.message.replace(/\n/g, '\n    ')}`);
  return new AppError(
    code,
    `Templates in ${dir} are not valid; fix these files and start again (see ${join(dir, 'README.md')}):\n${lines.join('\n')}`,
    { permanent: true },
  );
}

export const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

export function parseFile(file: string, problems: Problem[]): ParsedTemplate | null {
  try {
    const source = readFileSync(file, 'utf8');
    return { file, source, ast: Handlebars.parse(source) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    problems.push({ code: 'template_invalid', message: `${file}: cannot be read as a template: ${detail}` });
    return null;
  }
}

export function readPartials(dir: string, problems: Problem[]): Map<string, ParsedTemplate> {
  const partials = new Map<string, ParsedTemplate>();
  const folder = join(dir, 'partials');
  if (!isDirectory(folder)) return partials;
  for (const entry of readdirSync(folder).sort()) {
    if (!entry.endsWith('.hbs')) continue;
    const parsed = parseFile(join(folder, entry), problems);
    if (parsed) partials.set(entry.slice(0, -'.hbs'.length), parsed);
  }
  return partials;
}

/** Folders and .hbs files that look like templates but would never be used: usually a typo. */
export function findStrayFiles(dir: string, problems: Problem[]): void {
  const expected = new Set(LANGUAGES.flatMap((lang) => TEMPLATE_PARTS.map((part) => `${lang}.${part}.hbs`)));
  for (const entry of readdirSync(dir).sort()) {
    const path = join(dir, entry);
    if (entry === 'partials' || !isDirectory(path)) {
      if (entry.endsWith('.hbs')) {
        problems.push({ code: 'template_invalid', message: `${path}: templates go in a folder per type, e.g. ${join(dir, 'acknowledgement', 'nl.text.hbs')}` });
      }
      continue;
    }
    if (!(TEMPLATE_TYPES as readonly string[]).includes(entry)) {
      problems.push({
        code: 'template_invalid',
        message: `${path}: unknown template type "${entry}"; the types are: ${TEMPLATE_TYPES.join(', ')}`,
      });
      continue;
    }
    for (const file of readdirSync(path).sort()) {
      if (file.endsWith('.hbs') && !expected.has(file)) {
        problems.push({
          code: 'template_invalid',
          message: `${join(path, file)}: unexpected file name; use <language>.<part>.hbs with language ${LANGUAGES.join(' or ')} and part ${TEMPLATE_PARTS.join(', ')}`,
        });
      }
    }
  }
}
