import { Kind, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';

/** The argument every exactly-once mutation takes (`exactlyOnce` in common/idempotency.ts). */
const IDEMPOTENCY_ARGUMENT = 'idempotencyKey';

/**
 * Whether sending an operation again is safe when its outcome is unknown (the connection to the
 * database went away during COMMIT): a query's is; a mutation's when every field it calls takes an
 * idempotency key, so a retry with the same key returns the first answer and records nothing new.
 */
export function safeToRetry(
  operation: OperationDefinitionNode | null | undefined,
  schema: GraphQLSchema,
): boolean {
  if (!operation || operation.operation === 'query') return true;
  if (operation.operation !== 'mutation') return false;
  const fields = schema.getMutationType()?.getFields() ?? {};
  return operation.selectionSet.selections.every(
    (selection) =>
      selection.kind === Kind.FIELD &&
      (selection.name.value === '__typename' ||
        fields[selection.name.value]?.args.some((arg) => arg.name === IDEMPOTENCY_ARGUMENT) === true),
  );
}
