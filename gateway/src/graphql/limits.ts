import {
  getNamedType,
  GraphQLError,
  isInterfaceType,
  isListType,
  isNonNullType,
  isObjectType,
  Kind,
  type ASTVisitor,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLField,
  type GraphQLNamedType,
  type GraphQLSchema,
  type OperationDefinitionNode,
  type SelectionSetNode,
  type ValidationContext,
  type ValidationRule,
} from 'graphql';
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from '../common/pagination.js';

/**
 * Limits on the shape of a query, checked before it runs, so a hostile or careless query cannot
 * tie up the gateway or the database: nesting depth, aliases (each one repeats a field), and a cost
 * that multiplies by page sizes. The parser's own token limit (`MAX_TOKENS`) comes first.
 */
export const QUERY_LIMITS = {
  maxTokens: 2_000,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 50_000,
} as const;

type Fragments = Record<string, FragmentDefinitionNode>;

function fragmentsOf(context: ValidationContext): Fragments {
  const fragments: Fragments = {};
  for (const definition of context.getDocument().definitions) {
    if (definition.kind === Kind.FRAGMENT_DEFINITION) fragments[definition.name.value] = definition;
  }
  return fragments;
}

type Visit = (
  field: FieldNode,
  definition: GraphQLField<unknown, unknown> | undefined,
  inner: () => number,
) => number;

/**
 * Walks a selection set through fragments (each at most once per path: cycles are stopped),
 * following the schema's types so `visit` knows each field's definition.
 */
function walk(
  schema: GraphQLSchema,
  set: SelectionSetNode | undefined,
  parent: GraphQLNamedType | undefined,
  fragments: Fragments,
  visit: Visit,
  seen: ReadonlySet<string> = new Set(),
): number {
  if (!set) return 0;
  let total = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      const definition =
        isObjectType(parent) || isInterfaceType(parent)
          ? parent.getFields()[selection.name.value]
          : undefined;
      const child = definition ? getNamedType(definition.type) : undefined;
      total += visit(selection, definition, () =>
        walk(schema, selection.selectionSet, child, fragments, visit, seen),
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      const type = selection.typeCondition ? schema.getType(selection.typeCondition.name.value) : parent;
      total += walk(schema, selection.selectionSet, type ?? undefined, fragments, visit, seen);
    } else {
      const name = selection.name.value;
      const fragment = fragments[name];
      if (seen.has(name) || !fragment) continue;
      const type = schema.getType(fragment.typeCondition.name.value) ?? undefined;
      total += walk(schema, fragment.selectionSet, type, fragments, visit, new Set([...seen, name]));
    }
  }
  return total;
}

function depthOf(
  set: SelectionSetNode | undefined,
  fragments: Fragments,
  seen: ReadonlySet<string> = new Set(),
): number {
  if (!set) return 0;
  let deepest = 0;
  for (const selection of set.selections) {
    if (selection.kind === Kind.FIELD) {
      deepest = Math.max(
        deepest,
        selection.selectionSet ? 1 + depthOf(selection.selectionSet, fragments, seen) : 1,
      );
    } else if (selection.kind === Kind.INLINE_FRAGMENT) {
      deepest = Math.max(deepest, depthOf(selection.selectionSet, fragments, seen));
    } else if (!seen.has(selection.name.value)) {
      const name = selection.name.value;
      deepest = Math.max(
        deepest,
        depthOf(fragments[name]?.selectionSet, fragments, new Set([...seen, name])),
      );
    }
  }
  return deepest;
}

/**
 * How many times a field's selection can repeat: its `first` argument (the largest page when it is
 * a variable, the default page when it is left out), or the default page for an unpaged list.
 */
function multiplier(field: FieldNode, definition: GraphQLField<unknown, unknown> | undefined): number {
  if (!definition) return 1;
  if (definition.args.some((a) => a.name === 'first')) {
    const first = field.arguments?.find((a) => a.name.value === 'first')?.value;
    if (!first) return DEFAULT_PAGE_SIZE;
    if (first.kind === Kind.INT) return Math.min(Math.max(Number(first.value), 1), MAX_PAGE_SIZE);
    return MAX_PAGE_SIZE;
  }
  let type = definition.type;
  if (isNonNullType(type)) type = type.ofType;
  // A connection's edges are its page: already counted by the connection's `first`.
  if (getNamedType(type).name.endsWith('Edge')) return 1;
  return isListType(type) && field.selectionSet ? DEFAULT_PAGE_SIZE : 1;
}

function rootOf(
  context: ValidationContext,
  operation: OperationDefinitionNode,
): GraphQLNamedType | undefined {
  return context.getSchema().getRootType(operation.operation) ?? undefined;
}

function rule(
  check: (context: ValidationContext, fragments: Fragments) => string | undefined,
): ValidationRule {
  return (context: ValidationContext): ASTVisitor => ({
    Document: {
      leave() {
        const problem = check(context, fragmentsOf(context));
        if (problem) context.reportError(new GraphQLError(problem));
      },
    },
  });
}

/**
 * An operation that asks only for the schema (`__schema`, `__type`): the standard introspection
 * query of GraphiQL, Postman, Apollo Sandbox or a code generator is 15 levels deep. It reads the
 * schema held in memory, never the database; graphql-js bounds its cycles
 * (`MaxIntrospectionDepthRule`), and production turns introspection off altogether.
 */
function introspectionOnly(operation: OperationDefinitionNode): boolean {
  return operation.selectionSet.selections.every(
    (s) => s.kind === Kind.FIELD && ['__schema', '__type', '__typename'].includes(s.name.value),
  );
}

export const depthLimit = rule((context, fragments) => {
  for (const definition of context.getDocument().definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION || introspectionOnly(definition)) continue;
    const depth = depthOf(definition.selectionSet, fragments);
    if (depth > QUERY_LIMITS.maxDepth) {
      return `The query is nested ${depth} levels deep; the limit is ${QUERY_LIMITS.maxDepth}.`;
    }
  }
  return undefined;
});

export const aliasLimit = rule((context, fragments) => {
  for (const definition of context.getDocument().definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const aliases = walk(
      context.getSchema(),
      definition.selectionSet,
      rootOf(context, definition),
      fragments,
      (field, _definition, inner) => (field.alias ? 1 : 0) + inner(),
    );
    if (aliases > QUERY_LIMITS.maxAliases) {
      return `The query uses ${aliases} aliases; the limit is ${QUERY_LIMITS.maxAliases}.`;
    }
  }
  return undefined;
});

export const costLimit = rule((context, fragments) => {
  for (const definition of context.getDocument().definitions) {
    if (definition.kind !== Kind.OPERATION_DEFINITION) continue;
    const cost = walk(
      context.getSchema(),
      definition.selectionSet,
      rootOf(context, definition),
      fragments,
      (field, fieldDefinition, inner) =>
        Math.min((1 + inner()) * multiplier(field, fieldDefinition), Number.MAX_SAFE_INTEGER),
    );
    if (cost > QUERY_LIMITS.maxCost) {
      return `The query could return too much (cost ${cost}; the limit is ${QUERY_LIMITS.maxCost}). Ask for smaller pages.`;
    }
  }
  return undefined;
});

/** For queries, mutations and subscriptions alike (a subscription over them is refused as a query is). */
export const limitRules: ValidationRule[] = [depthLimit, aliasLimit, costLimit];
