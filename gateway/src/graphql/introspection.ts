import { Kind, type DocumentNode, type OperationDefinitionNode, type SelectionSetNode } from 'graphql';

/**
 * True when the operation asks only for introspection at its root (`__schema`, `__type`,
 * `__typename`, directly or through fragments): what a request without a token may still have,
 * since it reads no records. Production refuses `__schema` and `__type` in validation already.
 */
export function introspectionOnly(
  document: DocumentNode,
  operation: OperationDefinitionNode | undefined,
): boolean {
  const fragments = new Map<string, SelectionSetNode>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) {
      fragments.set(definition.name.value, definition.selectionSet);
    }
  }
  // Validation has refused fragment cycles and unknown fragments before this runs.
  const only = (set: SelectionSetNode | undefined): boolean =>
    !!set &&
    set.selections.every((selection) => {
      if (selection.kind === Kind.FIELD) return selection.name.value.startsWith('__');
      if (selection.kind === Kind.INLINE_FRAGMENT) return only(selection.selectionSet);
      return only(fragments.get(selection.name.value));
    });
  return only(operation?.selectionSet);
}
