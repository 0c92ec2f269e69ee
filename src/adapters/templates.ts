import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import Handlebars from 'handlebars';
import { z } from 'zod';
import { AppError } from '../errors.ts';
import { longDateLanguage } from '../domain/format-date.ts';
import { splitLines, splitParagraphs } from '../domain/officer-text.ts';
import { LanguageSchema, TEMPLATE_TYPES } from '../domain/reply-types.ts';
import type { Language, TemplateType } from '../domain/reply-types.ts';
import { byPostSample, isPostable, SAMPLE_VARIABLES, SUBJECT_VARIABLES, TEMPLATE_VARIABLE_SCHEMAS } from '../domain/template-variables.ts';
import type { TemplateVariables } from '../domain/template-variables.ts';

/**
 * Reply and officer templates: `templates/<type>/<lang>.<part>.hbs`, shared partials in
 * `templates/partials/<name>.hbs` (used as `{{> name}}`). See templates/README.md.
 *
 * Everything is checked when the service starts, so a broken template stops start-up with a
 * message naming the file instead of failing on the first complaint:
 * 1. every type x language x part exists and parses;
 * 2. a static walk over each template (and the partials it uses) checks every variable against
 *    the type's zod schema, including branches the sample data never takes, and only allows the
 *    helpers below, no `{{{triple}}}` in HTML, and subjects that use only SUBJECT_VARIABLES;
 * 3. each template is compiled in strict mode and rendered with SAMPLE_VARIABLES; a type that can
 *    go on paper (POSTABLE_TYPES) also as the printed letter (`byPost`), which may not say what
 *    only an e-mail can ("reply to this e-mail", "this mailbox", "automatic message").
 */

/** The templates that ship with the service (`templates/` at the project root); resolved only here. */
export const TEMPLATES_DIR = resolve(import.meta.dirname, '..', '..', 'templates');

export const LANGUAGES: readonly Language[] = LanguageSchema.options;
export const TEMPLATE_PARTS = ['subject', 'text', 'html'] as const;
export type TemplatePart = (typeof TEMPLATE_PARTS)[number];

export interface RenderedMail {
  /** One line, trimmed. */
  subject: string;
  /** Plain text, not HTML-escaped, ends with one newline. */
  text: string;
  /** A complete HTML document; variables are HTML-escaped. */
  html: string;
}

export interface TemplateSet {
  readonly dir: string;
  /** Validates `variables` with the type's schema, then renders all three parts. */
  render<T extends TemplateType>(type: T, lang: Language, variables: TemplateVariables[T]): RenderedMail;
}

// ---------------------------------------------------------------------------------------------
// Helpers an officer may use besides if, unless, each and with.

const CUSTOM_HELPERS = {
  /** `{{plural weeks "week" "weken"}}` -> "1 week", "4 weken". */
  plural: { params: 3, fn: (count: unknown, one: unknown, many: unknown) => `${String(count)} ${count === 1 ? String(one) : String(many)}` },
  /** `{{#if (eq kind "handling")}}` */
  eq: { params: 2, fn: (a: unknown, b: unknown) => a === b },
  /** `{{#if (lt daysLeft 0)}}` */
  lt: { params: 2, fn: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a < b },
  /** `{{abs daysLeft}}`: 3 for -3. */
  abs: { params: 1, fn: (n: unknown) => (typeof n === 'number' ? Math.abs(n) : n) },
  /**
   * `{{paragraphsOf reasons}}`: officer text with its paragraphs (blank lines) and line breaks.
   * In HTML a `<p>` per paragraph and `<br>` per line break, every line escaped; in text as written.
   */
  paragraphsOf: {
    params: 1,
    fn: (text: unknown) => String(text),
    html: (text: unknown) => new Handlebars.SafeString(splitParagraphs(String(text)).map((p) => `<p>${escapedLines(p)}</p>`).join('\n')),
  },
  /** `<li>Waar: {{lineBreaks place}}</li>`: officer text inside a line; in HTML its line breaks become `<br>`, escaped. */
  lineBreaks: { params: 1, fn: (text: unknown) => String(text), html: (text: unknown) => new Handlebars.SafeString(escapedLines(String(text))) },
} as const satisfies Record<string, { params: number; fn: (...args: never[]) => unknown; html?: (...args: never[]) => unknown }>;

/** The lines of officer text, each HTML-escaped, joined by `<br>`: the only HTML a helper makes. */
function escapedLines(text: string): string {
  return splitLines(text).map((line) => Handlebars.escapeExpression(line)).join('<br>\n');
}
type CustomHelperName = keyof typeof CUSTOM_HELPERS;
const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
const isCustomHelper = (name: string): name is CustomHelperName => Object.hasOwn(CUSTOM_HELPERS, name);

// ---------------------------------------------------------------------------------------------
// The shape of a type's variables, read from its zod schema.

type Shape =
  | { kind: 'value' }
  | { kind: 'object'; fields: ReadonlyMap<string, Shape> }
  | { kind: 'list'; element: Shape };

const VALUE: Shape = { kind: 'value' };

function shapeOf(schema: z.core.$ZodType): Shape {
  if (schema instanceof z.ZodObject) {
    return { kind: 'object', fields: new Map(Object.entries(schema.shape).map(([key, field]) => [key, shapeOf(field)])) };
  }
  if (schema instanceof z.ZodArray) return { kind: 'list', element: shapeOf(schema.element) };
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return shapeOf(schema.unwrap());
  return VALUE;
}

function flattenShape(shape: Shape, prefix: string): string[] {
  if (shape.kind === 'value') return prefix ? [prefix] : ['this'];
  if (shape.kind === 'list') {
    return shape.element.kind === 'value' ? [`${prefix}[]`] : flattenShape(shape.element, `${prefix}[]`);
  }
  return [...shape.fields].flatMap(([key, field]) => flattenShape(field, prefix ? `${prefix}.${key}` : key));
}

/**
 * The variables a template type may use, flattened: `missing.name`, `overdue[].reference`
 * (`[]` marks a list, used inside `{{#each overdue}}`), `reasons[]` (a list of single values).
 */
export function describeVariables(type: TemplateType): string[] {
  return flattenShape(shapeOf(TEMPLATE_VARIABLE_SCHEMAS[type]), '');
}

// ---------------------------------------------------------------------------------------------
// Static check of a template's syntax tree.

interface Scope {
  /** What `this` is here. */
  shape: Shape;
  blockParams: ReadonlyMap<string, Shape>;
  /** Inside {{#each}}: @index, @first, @last exist. */
  inEach: boolean;
}

interface ParsedFile {
  file: string;
  source: string;
  ast: hbs.AST.Program;
}

interface CheckContext {
  type: TemplateType;
  part: TemplatePart;
  /** The file being walked: the template, or a partial it uses. */
  file: string;
  root: Shape;
  partials: ReadonlyMap<string, ParsedFile>;
  /** Partials being walked, to catch a partial that includes itself. */
  partialStack: readonly string[];
  /** Inside a partial called as a block: {{> @partial-block}} exists. */
  partialBlock: boolean;
  problems: string[];
}

const where = (ctx: CheckContext, node: hbs.AST.Node) =>
  `${ctx.file}, line ${node.loc.start.line}, column ${node.loc.start.column + 1}`;

function problem(ctx: CheckContext, node: hbs.AST.Node, message: string): void {
  ctx.problems.push(`${where(ctx, node)}: ${message}`);
}

function availableHere(scopes: readonly Scope[]): string {
  const top = scopes[scopes.length - 1];
  const names = top ? flattenShape(top.shape, '') : [];
  for (const scope of scopes) for (const name of scope.blockParams.keys()) names.push(name);
  return names.length > 0 ? names.join(', ') : '(none)';
}

/** Follows `parts` through `shape`; on failure, a message about `original` that a person can act on. */
function walkPath(
  shape: Shape,
  parts: readonly string[],
  original: string,
  available: () => string,
  base = 'this',
): { shape: Shape } | { error: string } {
  let current = shape;
  for (const [i, part] of parts.entries()) {
    const before = parts.slice(0, i).join('.');
    if (current.kind === 'object') {
      const next = current.fields.get(part);
      if (!next) return { error: `unknown variable "${original}". Variables you can use here: ${available()}` };
      current = next;
    } else if (current.kind === 'list') {
      if (part !== 'length') return { error: `"${before}" is a list; use {{#each ${before}}} ... {{/each}} and the item's own fields inside` };
      current = VALUE;
    } else if (before) {
      return { error: `"${before}" is a single value, so "${original}" does not exist` };
    } else {
      return { error: `unknown variable "${original}"; "${base}" is a single value` };
    }
  }
  return { shape: current };
}

/** Handlebars leaves `hash` undefined when a tag has no name=value pairs, whatever its types say. */
const hashPairs = (hash: hbs.AST.Hash | undefined): readonly hbs.AST.HashPair[] => hash?.pairs ?? [];

const isScoped = (path: hbs.AST.PathExpression) => /^(\.|this\b)/.test(path.original);

function resolvePath(path: hbs.AST.PathExpression, scopes: readonly Scope[], ctx: CheckContext): Shape | null {
  const fail = (message: string): null => {
    problem(ctx, path, message);
    return null;
  };
  if (path.data) {
    const [head, ...rest] = path.parts;
    if (path.depth > 0) return fail(`"${path.original}": use @root instead of @../`);
    if (head === 'root') {
      const found = walkPath(ctx.root, rest, path.original, () => flattenShape(ctx.root, '@root').join(', '));
      if ('error' in found) return fail(found.error);
      checkSubjectVariable(rest[0], path, ctx);
      return found.shape;
    }
    if ((head === 'index' || head === 'first' || head === 'last') && rest.length === 0) {
      if (!scopes.some((s) => s.inEach)) return fail(`"${path.original}" only exists inside {{#each}}`);
      return VALUE;
    }
    return fail(`unknown variable "${path.original}"; the @ variables are @index, @first, @last and @root`);
  }
  if (!isScoped(path) && path.depth === 0 && path.parts.length > 0) {
    const [head = '', ...rest] = path.parts;
    for (let i = scopes.length - 1; i >= 0; i--) {
      const param = scopes[i]?.blockParams.get(head);
      if (!param) continue;
      const found = walkPath(param, rest, path.original, () => flattenShape(param, head).join(', '), head);
      if ('error' in found) return fail(found.error);
      return found.shape;
    }
  }
  const index = scopes.length - 1 - path.depth;
  const scope = scopes[index];
  if (!scope) return fail(`"${path.original}" goes up more levels (../) than there are`);
  const found = walkPath(scope.shape, path.parts, path.original, () => availableHere(scopes.slice(0, index + 1)));
  if ('error' in found) return fail(found.error);
  if (index === 0) checkSubjectVariable(path.parts[0], path, ctx);
  return found.shape;
}

/** Subjects use only SUBJECT_VARIABLES: a reference, a date or a count, never free text. */
function checkSubjectVariable(name: string | undefined, node: hbs.AST.Node, ctx: CheckContext): void {
  if (ctx.part !== 'subject' || name === undefined) return;
  if (ctx.root.kind !== 'object' || !ctx.root.fields.has(name)) return;
  const allowed = SUBJECT_VARIABLES[ctx.type];
  if (!allowed.includes(name)) {
    problem(ctx, node, `a subject may not use "${name}"; subjects of ${ctx.type} may use only: ${allowed.join(', ')}`);
  }
}

function checkExpression(expr: hbs.AST.Expression, scopes: readonly Scope[], ctx: CheckContext): Shape | null {
  switch (expr.type) {
    case 'PathExpression':
      return resolvePath(expr as hbs.AST.PathExpression, scopes, ctx);
    case 'SubExpression': {
      const sub = expr as hbs.AST.SubExpression;
      checkHelperCall(sub.path, sub.params, sub.hash, scopes, ctx);
      return VALUE;
    }
    case 'StringLiteral':
    case 'NumberLiteral':
    case 'BooleanLiteral':
    case 'NullLiteral':
    case 'UndefinedLiteral':
      return VALUE;
    default:
      problem(ctx, expr, `unsupported expression (${expr.type})`);
      return null;
  }
}

function checkHelperCall(
  path: hbs.AST.PathExpression | hbs.AST.Literal,
  params: readonly hbs.AST.Expression[],
  hash: hbs.AST.Hash | undefined,
  scopes: readonly Scope[],
  ctx: CheckContext,
): void {
  const name = path.type === 'PathExpression' ? (path as hbs.AST.PathExpression).original : String(path.type);
  if (!isCustomHelper(name)) {
    const known = Object.keys(CUSTOM_HELPERS).join(', ');
    problem(ctx, path, `unknown helper "${name}"; helpers you can use: ${known} (and #if, #unless, #each, #with as blocks)`);
  } else if (params.length !== CUSTOM_HELPERS[name].params) {
    problem(ctx, path, `helper "${name}" takes ${CUSTOM_HELPERS[name].params} values, got ${params.length}`);
  }
  if (hashPairs(hash).length > 0) problem(ctx, hash ?? path, `helper "${name}" takes no name=value options`);
  for (const param of params) checkExpression(param, scopes, ctx);
}

function helperNameOf(path: hbs.AST.PathExpression | hbs.AST.Literal): string | null {
  if (path.type !== 'PathExpression') return null;
  const p = path as hbs.AST.PathExpression;
  if (p.data || p.depth > 0 || p.parts.length !== 1 || isScoped(p)) return null;
  const name = p.parts[0] ?? '';
  return isCustomHelper(name) || BLOCK_HELPERS.has(name) || name === 'lookup' || name === 'log' ? name : null;
}

function checkMustache(node: hbs.AST.MustacheStatement, scopes: readonly Scope[], ctx: CheckContext): void {
  if (!node.escaped && ctx.part === 'html') {
    problem(ctx, node, '{{{ }}} and {{& }} switch off HTML escaping; use {{ }}');
  }
  if (node.path.type !== 'PathExpression') {
    problem(ctx, node, 'write plain text outside {{ }} instead of a value in quotes');
    return;
  }
  const path = node.path as hbs.AST.PathExpression;
  const helper = helperNameOf(path);
  if (helper && BLOCK_HELPERS.has(helper)) {
    problem(ctx, node, `"${helper}" is a block: write {{#${helper} ...}} ... {{/${helper}}}`);
    return;
  }
  if (helper || node.params.length > 0 || hashPairs(node.hash).length > 0) {
    checkHelperCall(path, node.params, node.hash, scopes, ctx);
    return;
  }
  const shape = resolvePath(path, scopes, ctx);
  if (shape?.kind === 'object') {
    problem(ctx, node, `"${path.original}" is a group of values (${flattenShape(shape, path.original).join(', ')}); use one of them`);
  } else if (shape?.kind === 'list') {
    problem(ctx, node, `"${path.original}" is a list; use {{#each ${path.original}}} ... {{/each}}`);
  }
}

function checkBlock(node: hbs.AST.BlockStatement, scopes: readonly Scope[], ctx: CheckContext): void {
  const helper = helperNameOf(node.path);
  if (!helper || !BLOCK_HELPERS.has(helper)) {
    problem(ctx, node, `"{{#${node.path.original}}}" is not a block you can use; use #if, #unless, #each or #with`);
    return;
  }
  if (ctx.part === 'subject' && (helper === 'each' || helper === 'with')) {
    problem(ctx, node, `a subject is one short line; use only {{#if}} and {{#unless}} there`);
  }
  const [param, ...extra] = node.params;
  if (!param || extra.length > 0 || hashPairs(node.hash).length > 0) {
    problem(ctx, node, `{{#${helper}}} takes exactly one value`);
    return;
  }
  const shape = checkExpression(param, scopes, ctx);
  const blockParams = node.program?.blockParams ?? [];
  let inner: readonly Scope[] = scopes;
  if (helper === 'each') {
    if (shape && shape.kind !== 'list') {
      problem(ctx, node, `{{#each}} needs a list; "${describeExpression(param)}" is not one`);
      return;
    }
    const element = shape?.kind === 'list' ? shape.element : VALUE;
    const params = new Map<string, Shape>();
    if (blockParams[0]) params.set(blockParams[0], element);
    if (blockParams[1]) params.set(blockParams[1], VALUE);
    inner = [...scopes, { shape: element, blockParams: params, inEach: true }];
  } else if (helper === 'with') {
    if (shape && shape.kind !== 'object') {
      problem(ctx, node, `{{#with}} needs a group of values; "${describeExpression(param)}" is not one`);
      return;
    }
    const group = shape ?? VALUE;
    const params = new Map<string, Shape>();
    if (blockParams[0]) params.set(blockParams[0], group);
    inner = [...scopes, { shape: group, blockParams: params, inEach: false }];
  } else if (blockParams.length > 0) {
    problem(ctx, node, `{{#${helper}}} has no "as |...|" values`);
  }
  if (node.program) checkProgram(node.program, inner, ctx);
  if (node.inverse) checkProgram(node.inverse, scopes, ctx);
}

function describeExpression(expr: hbs.AST.Expression): string {
  return expr.type === 'PathExpression' ? (expr as hbs.AST.PathExpression).original : expr.type;
}

function checkPartial(
  node: hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement,
  scopes: readonly Scope[],
  ctx: CheckContext,
): void {
  if (node.name.type !== 'PathExpression') {
    problem(ctx, node, 'a partial needs a fixed name: {{> name}}');
    return;
  }
  const nameNode = node.name as hbs.AST.PathExpression;
  if (nameNode.data) {
    if (nameNode.original !== '@partial-block' && nameNode.original !== 'partial-block') {
      problem(ctx, node, `unknown partial "${nameNode.original}"`);
    } else if (!ctx.partialBlock) {
      problem(ctx, node, '{{> @partial-block}} only works in a partial that is used as {{#> name}} ... {{/name}}');
    }
    return;
  }
  const name = nameNode.original;
  const partial = ctx.partials.get(name);
  if (!partial) {
    const known = [...ctx.partials.keys()].sort().join(', ') || '(none)';
    problem(ctx, node, `unknown partial "${name}"; partials in the partials folder: ${known}`);
    return;
  }
  const otherPart = ctx.part === 'html' ? 'text' : 'html';
  if (name.split('.').includes(otherPart)) {
    problem(ctx, node, `partial "${name}" is for ${otherPart} mails; this is the ${ctx.part === 'html' ? 'HTML' : ctx.part} part`);
  }
  if (node.params.length > 0) {
    problem(ctx, node, `pass values to partial "${name}" as name=value, e.g. {{> ${name} title="..."}}`);
  }
  if (ctx.partialStack.includes(name)) {
    problem(ctx, node, `partial "${name}" includes itself`);
    return;
  }
  const top = scopes[scopes.length - 1];
  const fields = new Map(top?.shape.kind === 'object' ? top.shape.fields : []);
  for (const pair of hashPairs(node.hash)) {
    const shape = checkExpression(pair.value, scopes, ctx);
    fields.set(pair.key, shape ?? VALUE);
  }
  const merged: Shape = { kind: 'object', fields };
  const isBlock = node.type === 'PartialBlockStatement';
  const inEach = scopes.some((s) => s.inEach);
  checkProgram(partial.ast, [{ shape: merged, blockParams: new Map(), inEach }], {
    ...ctx,
    file: partial.file,
    partialStack: [...ctx.partialStack, name],
    partialBlock: isBlock,
  });
  if (isBlock) {
    const block = node as hbs.AST.PartialBlockStatement;
    const withHash = top ? [...scopes.slice(0, -1), { ...top, shape: merged }] : scopes;
    checkProgram(block.program, withHash, ctx);
  }
}

function checkProgram(program: hbs.AST.Program, scopes: readonly Scope[], ctx: CheckContext): void {
  for (const statement of program.body) {
    switch (statement.type) {
      case 'ContentStatement':
      case 'CommentStatement':
        break;
      case 'MustacheStatement':
        checkMustache(statement as hbs.AST.MustacheStatement, scopes, ctx);
        break;
      case 'BlockStatement':
        checkBlock(statement as hbs.AST.BlockStatement, scopes, ctx);
        break;
      case 'PartialStatement':
      case 'PartialBlockStatement':
        checkPartial(statement as hbs.AST.PartialStatement | hbs.AST.PartialBlockStatement, scopes, ctx);
        break;
      default:
        problem(ctx, statement, `unsupported template syntax (${statement.type})`);
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Loading.

interface Problem {
  code: 'template_missing' | 'template_invalid';
  message: string;
}

function loadError(dir: string, problems: readonly Problem[]): AppError {
  const code = problems.some((p) => p.code === 'template_missing') ? 'template_missing' : 'template_invalid';
  const lines = problems.map((p) => `  ${p.message.replace(/\n/g, '\n    ')}`);
  return new AppError(
    code,
    `Templates in ${dir} are not valid; fix these files and start again (see ${join(dir, 'README.md')}):\n${lines.join('\n')}`,
    { permanent: true },
  );
}

const templateFile = (dir: string, type: TemplateType, lang: Language, part: TemplatePart) =>
  join(dir, type, `${lang}.${part}.hbs`);

const isDirectory = (path: string) => existsSync(path) && statSync(path).isDirectory();

function parseFile(file: string, problems: Problem[]): ParsedFile | null {
  try {
    const source = readFileSync(file, 'utf8');
    return { file, source, ast: Handlebars.parse(source) };
  } catch (error) {
    const detail = error instanceof Error ? error.message : String(error);
    problems.push({ code: 'template_invalid', message: `${file}: cannot be read as a template: ${detail}` });
    return null;
  }
}

function readPartials(dir: string, problems: Problem[]): Map<string, ParsedFile> {
  const partials = new Map<string, ParsedFile>();
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
function findStrayFiles(dir: string, problems: Problem[]): void {
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

type Environment = ReturnType<typeof Handlebars.create>;
type Compiled = Record<TemplatePart, Handlebars.TemplateDelegate<unknown>>;

function makeEnvironment(html: boolean, partials: ReadonlyMap<string, ParsedFile>): Environment {
  const env = Handlebars.create();
  for (const [name, helper] of Object.entries(CUSTOM_HELPERS)) env.registerHelper(name, html && 'html' in helper ? helper.html : helper.fn);
  // Partials are compiled up front with this environment's options: a partial registered as a
  // string is compiled lazily with whichever template uses it first, and cached.
  for (const [name, partial] of partials) env.registerPartial(name, env.compile(partial.source, compileOptions(html)));
  return env;
}

function compileOptions(html: boolean): CompileOptions {
  return {
    strict: true,
    knownHelpersOnly: true,
    knownHelpers: Object.fromEntries(Object.keys(CUSTOM_HELPERS).map((name) => [name, true])),
    noEscape: !html,
  };
}

function normaliseSubject(value: string): string {
  return value.replace(/\s+/g, ' ').trim();
}

/** Drops trailing spaces and the blank lines that skipped sections leave behind. */
function normaliseText(value: string): string {
  return `${value
    .replace(/\r\n?/g, '\n')
    .replace(/[ \t]+$/gm, '')
    .replace(/\n{3,}/g, '\n\n')
    .trim()}\n`;
}

function renderPart(template: Handlebars.TemplateDelegate<unknown>, part: TemplatePart, data: unknown): string {
  const raw = template(data);
  return part === 'subject' ? normaliseSubject(raw) : normaliseText(raw);
}

/** Checks of the rendered sample that a static walk cannot see. */
function checkRendered(part: TemplatePart, lang: Language, output: string): string | null {
  if (part === 'subject' && output === '') return 'the subject is empty';
  if (part === 'html') {
    if (!new RegExp(`<html[^>]*\\slang="${lang}"`).test(output)) return `the HTML part needs <html lang="${lang}">`;
    if (/<(img|script|iframe|object|embed)\b/i.test(output)) return 'the HTML part may not contain images or scripts';
    if (!/<h1\b/i.test(output) || !/<p\b/i.test(output)) return 'the HTML part needs a heading (<h1>) and paragraphs (<p>)';
  }
  return null;
}

/**
 * What only an e-mail can say, refused in the printed letter (`byPost`): a letter on paper cannot
 * be answered by replying, is no automatic message, and comes from no mailbox.
 */
const EMAIL_ONLY = /\b((antwoord|antwoorden|reply|replying)\b[^.?!]{0,20}\b(deze e-?mail|this e-?mail)|deze mailbox|this mailbox|automatisch bericht|automatic message)\b/i;

function checkOnPaper(output: string): string | null {
  const found = EMAIL_ONLY.exec(output)?.[0];
  return found ? `the printed letter (byPost) says "${found}"; on paper, say how to write or call instead ({{#if byPost}} ... {{else}} ... {{/if}})` : null;
}

/**
 * Reads, checks and compiles every template under `dir`. Throws `AppError` with code
 * `template_missing` (a type, language or part has no file) or `template_invalid` (anything else),
 * listing every problem with the file it is in.
 */
export function loadTemplates(dir: string): TemplateSet {
  if (!isDirectory(dir)) {
    throw new AppError('template_missing', `Template folder ${dir} not found; set the path to the templates folder.`, {
      permanent: true,
    });
  }
  const problems: Problem[] = [];
  findStrayFiles(dir, problems);
  const partials = readPartials(dir, problems);
  const sources = new Map<string, string>();

  for (const type of TEMPLATE_TYPES) {
    const root = shapeOf(TEMPLATE_VARIABLE_SCHEMAS[type]);
    for (const lang of LANGUAGES) {
      for (const part of TEMPLATE_PARTS) {
        const file = templateFile(dir, type, lang, part);
        if (!existsSync(file)) {
          problems.push({ code: 'template_missing', message: `${file}: file is missing (${type}, ${lang}, ${part})` });
          continue;
        }
        const parsed = parseFile(file, problems);
        if (!parsed) continue;
        sources.set(file, parsed.source);
        const found: string[] = [];
        checkProgram(parsed.ast, [{ shape: root, blockParams: new Map(), inEach: false }], {
          type,
          part,
          file,
          root,
          partials,
          partialStack: [],
          partialBlock: false,
          problems: found,
        });
        for (const message of new Set(found)) problems.push({ code: 'template_invalid', message });
      }
    }
  }
  if (problems.length > 0) throw loadError(dir, problems);

  const envs = { text: makeEnvironment(false, partials), html: makeEnvironment(true, partials) };
  const compiled = new Map<string, Compiled>();
  for (const type of TEMPLATE_TYPES) {
    for (const lang of LANGUAGES) {
      const parts = {} as Compiled;
      for (const part of TEMPLATE_PARTS) {
        const file = templateFile(dir, type, lang, part);
        const env = part === 'html' ? envs.html : envs.text;
        parts[part] = env.compile(sources.get(file) ?? '', compileOptions(part === 'html'));
        // A type that can go on paper is rendered twice: as the e-mail and as the printed letter.
        const samples = isPostable(type) ? [SAMPLE_VARIABLES[lang][type], byPostSample(type, lang)] : [SAMPLE_VARIABLES[lang][type]];
        for (const sample of samples) {
          const byPost = 'byPost' in sample && sample.byPost;
          const which = byPost ? 'the sample data of the printed letter (byPost)' : 'the sample data';
          try {
            const output = renderPart(parts[part], part, sample);
            const issue = checkRendered(part, lang, output);
            if (issue) problems.push({ code: 'template_invalid', message: `${file}: ${issue}${byPost ? ' (in the printed letter, byPost)' : ''}` });
            const onPaper = byPost ? checkOnPaper(output) : null;
            if (onPaper) problems.push({ code: 'template_invalid', message: `${file}: ${onPaper}` });
          } catch (error) {
            const detail = error instanceof Error ? error.message : String(error);
            problems.push({ code: 'template_invalid', message: `${file}: fails with ${which}: ${detail}` });
          }
        }
      }
      compiled.set(`${type}/${lang}`, parts);
    }
  }
  if (problems.length > 0) throw loadError(dir, problems);

  return {
    dir,
    render<T extends TemplateType>(type: T, lang: Language, variables: TemplateVariables[T]): RenderedMail {
      const data = validateVariables(type, lang, variables);
      const parts = compiled.get(`${type}/${lang}`);
      if (!parts) throw new AppError('template_missing', `No template for ${type} in ${lang}.`, { permanent: true });
      const out = {} as RenderedMail;
      for (const part of TEMPLATE_PARTS) {
        try {
          out[part] = renderPart(parts[part], part, data);
        } catch (error) {
          throw new AppError(
            'template_render_failed',
            `Rendering ${templateFile(dir, type, lang, part)} failed; check the template and its variables.`,
            { cause: error, permanent: true },
          );
        }
      }
      return out;
    },
  };
}

/**
 * Checks variables against the type's schema, and that every formatted date is in the mail's
 * language. Messages name the fields, never their values.
 */
function validateVariables(type: TemplateType, lang: Language, variables: unknown): unknown {
  const result = TEMPLATE_VARIABLE_SCHEMAS[type].safeParse(variables);
  if (!result.success) {
    const fields = result.error.issues.map((issue) => {
      const path = issue.path.map(String).join('.') || '(variables)';
      const detail = issue.code === 'unrecognized_keys' ? `not a variable of ${type}: ${issue.keys.join(', ')}` : issue.message;
      return `${path}: ${detail}`;
    });
    throw new AppError('template_variables_invalid', `Variables for template ${type} are invalid: ${fields.join('; ')}`, {
      permanent: true,
    });
  }
  const wrong: string[] = [];
  const visit = (value: unknown, path: string): void => {
    if (typeof value === 'string') {
      const dateLang = longDateLanguage(value);
      if (dateLang && dateLang !== lang) wrong.push(path);
    } else if (Array.isArray(value)) {
      value.forEach((item, i) => visit(item, `${path}.${i}`));
    } else if (value && typeof value === 'object') {
      for (const [key, item] of Object.entries(value)) visit(item, path ? `${path}.${key}` : key);
    }
  };
  visit(result.data, '');
  if (wrong.length > 0) {
    throw new AppError(
      'template_variables_invalid',
      `Variables for template ${type} are invalid: ${wrong.join(', ')}: date is not formatted in ${lang} (use formatLongDate(date, '${lang}'))`,
      { permanent: true },
    );
  }
  return result.data;
}

// ---------------------------------------------------------------------------------------------
// Preview, for the CLI and for snapshot tests.

/** A rendered mail as a person reads it: subject, then the text part, then the HTML part. */
export function formatPreview(type: TemplateType, lang: Language, mail: RenderedMail, options: { byPost?: boolean } = {}): string {
  return [
    `Template: ${type} (${lang}${options.byPost ? ', printed letter' : ''}), rendered with sample data`,
    `Subject: ${mail.subject}`,
    '',
    '----- text -----',
    mail.text.trimEnd(),
    '',
    '----- html -----',
    mail.html.trimEnd(),
    '',
  ].join('\n');
}

/**
 * Loads the templates in `dir` and renders one with SAMPLE_VARIABLES, for
 * `npm run --silent cli -- templates preview <type> [--lang en]`. Type and language may come
 * straight from the command line; they are checked here. `formatPreview` lays the result out.
 */
export function renderPreview(dir: string, type: string, lang = 'nl'): RenderedMail {
  if (!(TEMPLATE_TYPES as readonly string[]).includes(type)) {
    throw new AppError('template_unknown_type', `Unknown template type "${type}". Types: ${TEMPLATE_TYPES.join(', ')}.`, {
      permanent: true,
    });
  }
  const language = LanguageSchema.safeParse(lang);
  if (!language.success) {
    throw new AppError('template_unknown_language', `Unknown language "${lang}". Languages: ${LANGUAGES.join(', ')}.`, {
      permanent: true,
    });
  }
  const templateType = type as TemplateType;
  return loadTemplates(dir).render(templateType, language.data, SAMPLE_VARIABLES[language.data][templateType]);
}
