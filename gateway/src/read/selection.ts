import {
  getArgumentValues,
  getDirectiveValues,
  GraphQLIncludeDirective,
  GraphQLSkipDirective,
  isAbstractType,
  typeFromAST,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLObjectType,
  type GraphQLSchema,
  type SelectionSetNode,
} from 'graphql';

/**
 * One field of a selection, as graphql-js will execute it: every node with the same response key
 * merged (their sub-selections together), after fragments, `@skip` and `@include`.
 */
export interface SelectedField {
  /** The response key: the alias, or the field's name. */
  key: string;
  name: string;
  definition: GraphQLField<unknown, unknown>;
  nodes: FieldNode[];
}

/** What a selection is read in: the schema, the document's fragments and the request's variables. */
export interface SelectionContext {
  schema: GraphQLSchema;
  fragments: Record<string, FragmentDefinitionNode>;
  variables: Record<string, unknown>;
}

const included = (node: FieldNode | { directives?: FieldNode['directives'] }, context: SelectionContext) =>
  getDirectiveValues(GraphQLSkipDirective, node, context.variables)?.if !== true &&
  getDirectiveValues(GraphQLIncludeDirective, node, context.variables)?.if !== false;

/**
 * The fields selected on an object type, in order (graphql-js's `collectFields`, for one concrete
 * type). Throws `Unsupported` for a type condition naming an abstract type it cannot decide here.
 */
export function selectedFields(
  context: SelectionContext,
  type: GraphQLObjectType,
  selectionSets: readonly SelectionSetNode[],
): SelectedField[] {
  const fields = new Map<string, SelectedField>();
  const visited = new Set<string>();
  const collect = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (!included(selection, context)) continue;
      switch (selection.kind) {
        case 'Field': {
          const key = selection.alias?.value ?? selection.name.value;
          const existing = fields.get(key);
          if (existing) {
            existing.nodes.push(selection);
            continue;
          }
          const name = selection.name.value;
          if (name === '__typename') {
            fields.set(key, { key, name, definition: undefined as never, nodes: [selection] });
            continue;
          }
          const definition = type.getFields()[name];
          if (!definition) throw new Unsupported(`${type.name}.${name} is not a field`);
          fields.set(key, { key, name, definition, nodes: [selection] });
          break;
        }
        case 'InlineFragment':
          if (!selection.typeCondition || applies(context, selection.typeCondition.name.value, type)) {
            collect(selection.selectionSet);
          }
          break;
        case 'FragmentSpread': {
          const name = selection.name.value;
          const fragment = context.fragments[name];
          if (visited.has(name) || !fragment) continue;
          visited.add(name);
          if (applies(context, fragment.typeCondition.name.value, type)) collect(fragment.selectionSet);
          break;
        }
      }
    }
  };
  for (const set of selectionSets) collect(set);
  return [...fields.values()];
}

function applies(context: SelectionContext, condition: string, type: GraphQLObjectType): boolean {
  if (condition === type.name) return true;
  const conditionType = typeFromAST(context.schema, {
    kind: 'NamedType' as never,
    name: { kind: 'Name' as never, value: condition },
  });
  if (conditionType && isAbstractType(conditionType)) {
    return context.schema.isSubType(conditionType, type);
  }
  return false;
}

/** The sub-selections of a field's merged nodes. */
export const subSelections = (field: SelectedField): SelectionSetNode[] =>
  field.nodes.flatMap((node) => (node.selectionSet ? [node.selectionSet] : []));

/** A field's arguments, coerced as graphql-js coerces them (defaults, variables, input objects). */
export function argumentsOf(
  field: SelectedField,
  variables: Record<string, unknown>,
): Record<string, unknown> {
  return getArgumentValues(field.definition, field.nodes[0]!, variables);
}

/** A selection the compiler does not read: the request goes through the resolvers instead. */
export class Unsupported extends Error {
  override readonly name = 'Unsupported';
}
