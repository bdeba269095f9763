import { idempotencyKeySchema, parseWith } from '@doorstep/schema';
import type { z } from 'zod';
import { BadUserInputError } from '../errors.js';

/** GraphQL sends `null` for an omitted nullable field; the shared schemas speak of `undefined`. */
export function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.fromEntries(
      Object.entries(value)
        .filter(([, v]) => v !== null)
        .map(([k, v]) => [k, withoutNulls(v)]),
    );
  }
  return value;
}

/** Parses resolver input with a shared zod schema, or refuses with BAD_USER_INPUT and field messages. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const result = parseWith(schema, withoutNulls(input));
  if (!result.ok) throw new BadUserInputError(result.errors);
  return result.data;
}

/**
 * Parses a submission's input and its idempotency key together, so every problem is reported at
 * once: input fields by their path, the key as `idempotencyKey`.
 */
export function parseSubmission<S extends z.ZodType>(
  schema: S,
  input: unknown,
  idempotencyKey: unknown,
): { input: z.output<S>; idempotencyKey: string } {
  const parsed = parseWith(schema, withoutNulls(input));
  const key = parseWith(idempotencyKeySchema, idempotencyKey);
  const errors = [
    ...(parsed.ok ? [] : parsed.errors),
    ...(key.ok ? [] : key.errors.map((e) => ({ ...e, field: 'idempotencyKey' }))),
  ];
  if (!parsed.ok || !key.ok) throw new BadUserInputError(errors);
  return { input: parsed.data, idempotencyKey: key.data };
}
