import type * as z from 'zod';

/** One message for one field, addressed by its dotted path in the input (`personViews.views`). */
export interface FieldError {
  field: string;
  code: string;
  message: string;
}

/** Flattens a zod error into one message per field, first message wins. */
export function fieldErrors(error: z.ZodError): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const issue of error.issues) {
    const field = issue.path.map(String).join('.') || '_';
    if (seen.has(field)) continue;
    seen.add(field);
    out.push({ field, code: issue.code, message: issue.message });
  }
  return out;
}

export type ParseResult<T> = { ok: true; data: T } | { ok: false; errors: FieldError[] };

/** Parses without throwing: the shape both the gateway and the widgets want. */
export function parseWith<S extends z.ZodType>(schema: S, input: unknown): ParseResult<z.output<S>> {
  const result = schema.safeParse(input);
  return result.success ? { ok: true, data: result.data } : { ok: false, errors: fieldErrors(result.error) };
}
