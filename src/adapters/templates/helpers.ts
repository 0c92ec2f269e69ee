/**
 * The helpers a template may use besides the blocks if, unless, each and with: registered with
 * Handlebars when templates are compiled (compile.ts) and the only ones the checker
 * (template-check.ts) lets through, with their number of values.
 */
export const CUSTOM_HELPERS = {
  /** `{{plural weeks "week" "weken"}}` -> "1 week", "4 weken". */
  plural: { params: 3, fn: (count: unknown, one: unknown, many: unknown) => `${String(count)} ${count === 1 ? String(one) : String(many)}` },
  /** `{{#if (eq kind "handling")}}` */
  eq: { params: 2, fn: (a: unknown, b: unknown) => a === b },
  /** `{{#if (lt daysLeft 0)}}` */
  lt: { params: 2, fn: (a: unknown, b: unknown) => typeof a === 'number' && typeof b === 'number' && a < b },
  /** `{{abs daysLeft}}`: 3 for -3. */
  abs: { params: 1, fn: (n: unknown) => (typeof n === 'number' ? Math.abs(n) : n) },
} as const;
export type CustomHelperName = keyof typeof CUSTOM_HELPERS;
export const BLOCK_HELPERS = new Set(['if', 'unless', 'each', 'with']);
export const isCustomHelper = (name: string): name is CustomHelperName => Object.hasOwn(CUSTOM_HELPERS, name);
