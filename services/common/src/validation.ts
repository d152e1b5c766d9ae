import type { z } from 'zod';
import { badInput } from './errors.js';

/**
 * Parses mutation input with a zod schema; the first problem becomes BAD_USER_INPUT naming
 * the field (dot path inside the input) and, for lists, the item's index.
 */
export function parseInput<S extends z.ZodType>(schema: S, value: unknown, options: { list?: boolean } = {}): z.infer<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const path = [...issue.path];
  const index = options.list && typeof path[0] === 'number' ? (path.shift() as number) : undefined;
  const field = path.map(String).join('.') || 'input';
  throw badInput(field, `${field}: ${issue.message}`, index);
}
