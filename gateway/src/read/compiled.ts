/**
 * An object the compiled read path made: `COMPILED` holds each selected field's value by response
 * key, so graphql-js takes it from there instead of calling the field's resolver.
 */
export const COMPILED = Symbol('doorstep.compiled');

/** Not on the compiled path: the field's own resolver answers. */
export const NOT_COMPILED = Symbol('doorstep.not-compiled');

/** The compiled value of `key` on `source`, or `NOT_COMPILED`. */
export function compiledValue(source: unknown, key: string): unknown {
  const values = (source as { [COMPILED]?: Record<string, unknown> } | null | undefined)?.[COMPILED];
  return values && Object.hasOwn(values, key) ? values[key] : NOT_COMPILED;
}

/** A request's compiled reads, as the resolvers see them (`Reader`). */
export interface CompiledReads {
  /** Whether the root field with this response key is read by the compiled path. */
  serves(key: string): boolean;
  /** That root field's value. */
  root(key: string): Promise<unknown>;
}
