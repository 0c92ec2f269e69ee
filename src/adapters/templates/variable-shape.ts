import { z } from 'zod';
import type { TemplateType } from '../../domain/reply-types.ts';
import { TEMPLATE_VARIABLE_SCHEMAS } from '../../domain/template-variables.ts';

/**
 * The shape of a template type's variables, read from its zod schema: single values, groups of
 * named values (objects) and lists. The checker walks templates against it.
 */
export type Shape =
  | { kind: 'value' }
  | { kind: 'object'; fields: ReadonlyMap<string, Shape> }
  | { kind: 'list'; element: Shape };

export const VALUE: Shape = { kind: 'value' };

export function shapeOf(schema: z.core.$ZodType): Shape {
  if (schema instanceof z.ZodObject) {
    return { kind: 'object', fields: new Map(Object.entries(schema.shape).map(([key, field]) => [key, shapeOf(field)])) };
  }
  if (schema instanceof z.ZodArray) return { kind: 'list', element: shapeOf(schema.element) };
  if (schema instanceof z.ZodNullable || schema instanceof z.ZodOptional) return shapeOf(schema.unwrap());
  return VALUE;
}

export function flattenShape(shape: Shape, prefix: string): string[] {
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
