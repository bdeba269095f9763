import type * as z from 'zod';

/** Every key of an input, each given, though perhaps as undefined: what is read back, in its shape. */
export type EveryKey<T> = { [K in keyof Required<T>]: T[K] | undefined };

/**
 * For round-trip tests that must cover every input field: the paths of the fields an input takes
 * ("personViews", "personViews.status", …), from its zod schema and from its GraphQL input type,
 * and the paths a sample fills. Adding a field to the schema without filling it in the sample, or to
 * the GraphQL input without the schema (which would then drop it), makes them differ.
 */
export function schemaPaths(schema: z.core.$ZodType, prefix = ''): string[] {
  const def = schema._zod.def as z.core.$ZodTypeDef & {
    in?: z.core.$ZodType;
    innerType?: z.core.$ZodType;
    shape?: Record<string, z.core.$ZodType>;
    element?: z.core.$ZodType;
  };
  if (def.type === 'pipe') return schemaPaths(def.in!, prefix);
  if (def.type === 'optional' || def.type === 'default' || def.type === 'nullable') {
    return schemaPaths(def.innerType!, prefix);
  }
  // A list of objects: the fields of its items, under the list's own path.
  if (def.type === 'array') return schemaPaths(def.element!, prefix);
  if (def.type !== 'object') return [];
  return Object.entries(def.shape!)
    .flatMap(([key, field]) => [prefix + key, ...schemaPaths(field, `${prefix}${key}.`)])
    .sort();
}

/**
 * The paths a sample input fills: every key, and the keys of nested objects, and of the objects in
 * a list (each path once, whichever items fill it).
 */
export function samplePaths(sample: object, prefix = ''): string[] {
  const inner = (key: string, value: unknown): string[] => {
    if (Array.isArray(value)) return value.flatMap((item) => inner(key, item));
    return value && typeof value === 'object' ? samplePaths(value, `${prefix}${key}.`) : [];
  };
  const paths = Object.entries(sample)
    .filter(([, value]) => value !== undefined && value !== null)
    .flatMap(([key, value]) => [prefix + key, ...inner(key, value)]);
  return [...new Set(paths)].sort();
}

interface TypeRef {
  kind: string;
  name: string | null;
  ofType: TypeRef | null;
}

const named = (type: TypeRef): TypeRef => (type.ofType ? named(type.ofType) : type);

/** The paths of a GraphQL input type's fields, nested input types included, by introspection. */
export async function graphqlInputPaths(
  graphql: (query: string, variables: Record<string, unknown>) => Promise<{ data?: unknown }>,
  typeName: string,
  prefix = '',
): Promise<string[]> {
  const { data } = await graphql(
    `
      query ($name: String!) {
        __type(name: $name) {
          inputFields {
            name
            type {
              ...T
            }
          }
        }
      }
      fragment T on __Type {
        kind
        name
        ofType {
          kind
          name
          ofType {
            kind
            name
            ofType {
              kind
              name
            }
          }
        }
      }
    `,
    { name: typeName },
  );
  const fields = (data as { __type: { inputFields: { name: string; type: TypeRef }[] } }).__type.inputFields;
  const paths = await Promise.all(
    fields.map(async ({ name, type }) => {
      const inner = named(type);
      return [
        prefix + name,
        ...(inner.kind === 'INPUT_OBJECT'
          ? await graphqlInputPaths(graphql, inner.name!, `${prefix}${name}.`)
          : []),
      ];
    }),
  );
  return paths.flat().sort();
}
