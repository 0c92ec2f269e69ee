import type { TemplateType } from '../../domain/reply-types.ts';
import { SUBJECT_VARIABLES, TEMPLATE_VARIABLE_SCHEMAS } from '../../domain/template-variables.ts';
import { BLOCK_HELPERS, CUSTOM_HELPERS, isCustomHelper } from './helpers.ts';
import type { TemplatePart } from './layout.ts';
import { flattenShape, shapeOf, VALUE, type Shape } from './variable-shape.ts';

/**
 * The static check of one template: pure, it reads nothing and renders nothing, and returns what
 * is wrong as messages naming file, line and column.
 *
 * The walk: `checkProgram` visits the statements of the syntax tree Handlebars parsed (`hbs.AST`,
 * the namespace of its type declarations) with a stack of scopes. The first scope is the type's
 * variables, their shape read from its zod schema (variable-shape.ts). Each statement is checked
 * where it stands:
 * - `{{name}}` resolves against the scopes (`../` goes one up, `@root` to the first, `as |x|`
 *   names a block parameter) and must end at a single value, never a group or a list; in a
 *   subject only the type's SUBJECT_VARIABLES may be used; in HTML nothing unescaped;
 * - a helper call (`{{plural ...}}`, `(eq a b)`) must be one of helpers.ts with its number of
 *   values, and its values are checked like variables;
 * - `{{#if}}`/`{{#unless}}` check their one value and walk both branches in the same scope;
 *   `{{#each list}}` needs a list and walks its body with the element as `this` (and @index,
 *   @first, @last); `{{#with group}}` needs a group and walks its body with it as `this`;
 * - `{{> partial name=value}}` walks the partial's own tree with the current scope plus the
 *   name=value pairs, refusing a partial of the other part (`.html` in text) and one that
 *   includes itself; `{{#> partial}}...{{/partial}}` walks the block too.
 * Branches are walked whether or not sample data would take them: a variable misspelt in a rarely
 * taken branch fails at start-up, not on the complaint that takes it.
 */

/** What the checker walks: a template or partial file, by name (for messages), and its tree. */
export interface ParsedTemplate {
  file: string;
  source: string;
  ast: hbs.AST.Program;
}

/** Every problem of one template (and the partials it uses), each once. */
export function checkTemplate(
  template: ParsedTemplate,
  on: { type: TemplateType; part: TemplatePart; partials: ReadonlyMap<string, ParsedTemplate> },
): string[] {
  const root = shapeOf(TEMPLATE_VARIABLE_SCHEMAS[on.type]);
  const problems: string[] = [];
  checkProgram(template.ast, [{ shape: root, blockParams: new Map(), inEach: false }], {
    type: on.type,
    part: on.part,
    file: template.file,
    root,
    partials: on.partials,
    partialStack: [],
    partialBlock: false,
    problems,
  });
  return [...new Set(problems)];
}

interface Scope {
  /** What `this` is here. */
  shape: Shape;
  blockParams: ReadonlyMap<string, Shape>;
  /** Inside {{#each}}: @index, @first, @last exist. */
  inEach: boolean;
}

interface CheckContext {
  type: TemplateType;
  part: TemplatePart;
  /** The file being walked: the template, or a partial it uses. */
  file: string;
  root: Shape;
  partials: ReadonlyMap<string, ParsedTemplate>;
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
