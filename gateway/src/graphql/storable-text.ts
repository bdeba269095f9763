import { hasUnstorableCharacter, UNUSUAL_CHARACTERS, type FieldError } from '@doorstep/schema';
import {
  BREAK,
  getArgumentValues,
  getNullableType,
  getVariableValues,
  isInputObjectType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { BadUserInputError } from '../errors.js';

/**
 * The net under every argument: text PostgreSQL cannot store (NUL, half a surrogate pair) is refused
 * in any string of any argument, from a variable or written in the query, before the request's unit of
 * work opens. The shared schemas refuse it too (`storable` in @doorstep/schema, the same message, so
 * the widgets say it before sending); this also covers what no schema parses: ids, search terms,
 * cursors, tokens. A field is named as the services name it: an input object argument's fields by
 * their path inside it (`contact.name`), any other argument by its name (`id`, `ids.2`).
 */

/** Whether a value (a variable's, or an argument's) holds such text anywhere. */
function holdsUnstorable(value: unknown): boolean {
  if (typeof value === 'string') return hasUnstorableCharacter(value);
  if (Array.isArray(value)) return value.some(holdsUnstorable);
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.values(value).some(holdsUnstorable);
  }
  return false;
}

/** The paths of the strings with such text inside `value`, under `path`. */
function unstorablePaths(value: unknown, path: readonly (string | number)[]): string[] {
  if (typeof value === 'string') return hasUnstorableCharacter(value) ? [path.join('.')] : [];
  if (Array.isArray(value)) return value.flatMap((item, i) => unstorablePaths(item, [...path, i]));
  if (value && typeof value === 'object' && !(value instanceof Date)) {
    return Object.entries(value).flatMap(([key, item]) => unstorablePaths(item, [...path, key]));
  }
  return [];
}

function literalHoldsUnstorable(document: DocumentNode): boolean {
  let found = false;
  visit(document, {
    StringValue(node) {
      if (!hasUnstorableCharacter(node.value)) return undefined;
      found = true;
      return BREAK;
    },
  });
  return found;
}

/** Refuses the operation with BAD_USER_INPUT, one message per field, if any argument holds such text. */
export function refuseUnstorableText(requestContext: {
  schema: GraphQLSchema;
  document: DocumentNode;
  operation?: OperationDefinitionNode | undefined;
  request: { variables?: Record<string, unknown> | undefined };
}): void {
  const { schema, document, operation, request } = requestContext;
  const variables = request.variables ?? {};
  if (!operation || (!holdsUnstorable(variables) && !literalHoldsUnstorable(document))) return;

  // Variables of the wrong type are refused when the operation runs, with graphql-js's own message.
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], variables, { maxErrors: 1 });
  if (coerced.errors) return;
  const fields = new Set<string>();
  const typeInfo = new TypeInfo(schema);
  const visitor = visitWithTypeInfo(typeInfo, {
    Field(node) {
      const definition = typeInfo.getFieldDef();
      if (!definition || !node.arguments?.length) return;
      let values: Record<string, unknown>;
      try {
        values = getArgumentValues(definition, node, coerced.coerced);
      } catch {
        return; // A fragment's argument naming a variable this operation does not define: never run.
      }
      for (const arg of definition.args) {
        const under = isInputObjectType(getNullableType(arg.type)) ? [] : [arg.name];
        for (const path of unstorablePaths(values[arg.name], under)) fields.add(path);
      }
    },
  });
  for (const definition of document.definitions) {
    if (definition === operation || definition.kind === Kind.FRAGMENT_DEFINITION) visit(definition, visitor);
  }
  if (fields.size) {
    throw new BadUserInputError(
      [...fields].map((field): FieldError => ({ field, code: 'custom', message: UNUSUAL_CHARACTERS })),
      { http: { status: 400 } },
    );
  }
}
