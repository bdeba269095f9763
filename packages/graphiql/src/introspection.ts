// GraphiQL asks for the schema with graphql-js's standard introspection query, whose TypeRef
// fragment nests `ofType` ten times: 15 levels deep, past the gateway's query depth limit (12,
// gateway/src/graphql/limits.ts), which applies to every query. Six levels of `ofType` describe any
// type up to `[[T!]!]!`, deeper than anything in the schema, and keep the query within the limit.
import { Kind, parse, print, type SelectionSetNode } from 'graphql';

const OF_TYPE_LEVELS = 6;

function truncated(set: SelectionSetNode, levels: number): SelectionSetNode {
  return {
    ...set,
    selections: set.selections.flatMap((selection) => {
      if (selection.kind !== Kind.FIELD || selection.name.value !== 'ofType') return [selection];
      if (levels === 0) return [];
      return [
        {
          ...selection,
          selectionSet: selection.selectionSet && truncated(selection.selectionSet, levels - 1),
        },
      ];
    }),
  };
}

/** The introspection query with its TypeRef fragment cut to `OF_TYPE_LEVELS` levels of `ofType`. */
export function shallowIntrospection(query: string): string {
  const document = parse(query);
  return print({
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.FRAGMENT_DEFINITION && definition.name.value === 'TypeRef'
        ? { ...definition, selectionSet: truncated(definition.selectionSet, OF_TYPE_LEVELS) }
        : definition,
    ),
  });
}
