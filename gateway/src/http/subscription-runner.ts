import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import {
  createSourceEventStream,
  execute,
  getOperationAST,
  getVariableValues,
  GraphQLError,
  parse,
  specifiedRules,
  validate,
  type DocumentNode,
  type ExecutionResult,
  type GraphQLSchema,
} from 'graphql';
import { randomUUID } from 'node:crypto';
import type { Config } from '../config.js';
import type { Context } from '../context.js';
import type { EventListener } from '../db/events.js';
import { commitScope, inScope, openScope } from '../db/request-scope.js';
import { Channel, HiddenEvent, type LiveSource } from '../graphql/live.js';
import { DoorstepError, isExpectedError } from '../errors.js';
import type { AccessEnd, LiveAccess } from './live-access.js';
import type { Logger } from '../logger.js';
import { limitRules, QUERY_LIMITS } from '../graphql/limits.js';
import { refuseUnstorableText } from '../graphql/storable-text.js';

/**
 * GraphQL subscriptions, whichever transport carries them (graphql-ws over a WebSocket at
 * /graphql, graphql-sse at /graphql/stream: subscriptions.ts). An operation is parsed and
 * validated as a query is (the same rules and limits), then each event of its stream is executed as
 * a request of its own: the caller's access checked again first (LiveAccess: an expired token, a
 * deactivated user or a revoked key ends the stream with UNAUTHENTICATED or FORBIDDEN), then a unit
 * of work opened for the caller's organisation (row-level security), the fields resolved through
 * the ordinary access rules (reads audited), and the unit committed before the event is sent. An
 * event whose subject the caller may not see is skipped (`HiddenEvent`), never sent.
 */

export interface SubscriptionDeps {
  orm: MikroORM;
  schema: GraphQLSchema;
  listener: EventListener;
  config: Config;
  logger: Logger;
  /** Formats an error as queries' are (server.ts's `formatError`: unexpected ones are masked). */
  formatError: (
    formatted: ReturnType<GraphQLError['toJSON']>,
    error: unknown,
  ) => ReturnType<GraphQLError['toJSON']>;
}

export interface SubscriptionRequest {
  query: unknown;
  variables?: unknown;
  operationName?: unknown;
}

/** A refusal before the subscription starts, with the code a query's would have. */
const refusal = (code: string, message: string) => new GraphQLError(message, { extensions: { code } });

/**
 * Parses and validates a subscription request as a query is parsed and validated (token limit,
 * graphql-js's rules, the depth, alias and cost limits, text that cannot be stored). Refuses
 * queries and mutations: they go to POST /graphql.
 */
export function prepareSubscription(
  schema: GraphQLSchema,
  request: SubscriptionRequest,
): { document: DocumentNode; variables: Record<string, unknown>; operationName?: string } | GraphQLError[] {
  const { query, variables = {}, operationName } = request;
  if (typeof query !== 'string') return [refusal('BAD_REQUEST', 'The request has no query')];
  if (variables !== null && (typeof variables !== 'object' || Array.isArray(variables))) {
    return [refusal('BAD_REQUEST', 'The variables must be an object')];
  }
  if (operationName != null && typeof operationName !== 'string') {
    return [refusal('BAD_REQUEST', 'The operation name must be a string')];
  }
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: QUERY_LIMITS.maxTokens });
  } catch (error) {
    return [refusal('GRAPHQL_PARSE_FAILED', (error as Error).message)];
  }
  const invalid = validate(schema, document, [...specifiedRules, ...limitRules]);
  if (invalid.length) return invalid.map((e) => refusal('GRAPHQL_VALIDATION_FAILED', e.message));
  const operation = getOperationAST(document, operationName ?? undefined);
  if (!operation) return [refusal('BAD_REQUEST', 'Name the operation to run (operationName)')];
  if (operation.operation !== 'subscription') {
    return [
      refusal(
        'BAD_REQUEST',
        'Only subscriptions are served here: send queries and mutations to POST /graphql',
      ),
    ];
  }
  const vars = (variables ?? {}) as Record<string, unknown>;
  // Variables of the wrong type, refused as a query's are (graphql-js's own message).
  const coerced = getVariableValues(schema, operation.variableDefinitions ?? [], vars, { maxErrors: 10 });
  if (coerced.errors) return coerced.errors.map((e) => refusal('BAD_USER_INPUT', e.message));
  try {
    refuseUnstorableText({ schema, document, operation, request: { variables: vars } });
  } catch (error) {
    const e = error as DoorstepError;
    return [refusal('BAD_USER_INPUT', e.message)];
  }
  return { document, variables: vars, ...(operationName ? { operationName } : {}) };
}

/** The refusals of the access rules. */
const ACCESS_CODES = new Set(['FORBIDDEN', 'UNAUTHENTICATED']);

const ENDED: Record<AccessEnd, () => DoorstepError> = {
  expired: () =>
    new DoorstepError('UNAUTHENTICATED', 'The token has expired: subscribe again with a fresh token.'),
  revoked: () =>
    new DoorstepError(
      'FORBIDDEN',
      'Your access has ended (the user was deactivated or the API key revoked).',
    ),
};

/**
 * Starts a prepared subscription for the caller behind `access`: the stream of its results, or one
 * result with the errors that refused it (not allowed, bad arguments, not found).
 */
export async function runSubscription(
  deps: SubscriptionDeps,
  access: LiveAccess,
  prepared: Exclude<ReturnType<typeof prepareSubscription>, GraphQLError[]>,
  clientAddress: string,
): Promise<ExecutionResult | AsyncIterableIterator<ExecutionResult>> {
  const { orm, schema, listener, config, logger } = deps;
  const organisationId = access.identity.organisationId;
  const subscriptionId = randomUUID();
  const controller = new AbortController();
  const live: LiveSource = {
    listener,
    signal: controller.signal,
    scope: (work) => inScope(orm, organisationId, work),
  };
  const contextFor = (identity: Context['identity'], em: EntityManager | undefined, requestId: string) =>
    ({ identity, em, requestId, clientAddress, config, live }) as Context;
  const args = {
    schema,
    document: prepared.document,
    variableValues: prepared.variables,
    operationName: prepared.operationName,
  };

  const format = (result: ExecutionResult, requestId: string): ExecutionResult => {
    if (!result.errors?.length) return result;
    for (const error of result.errors) {
      if (isExpectedError(error)) continue;
      const original = error.originalError ?? error;
      logger.error('graphql.unexpected_error', {
        requestId,
        kind: original.constructor.name,
        pgCode: (original as { code?: unknown }).code as string | undefined,
        path: error.path?.join('.'),
      });
    }
    // `data` always present: graphql-sse tells a result from operation arguments by it.
    return {
      data: result.data ?? null,
      errors: result.errors.map((error) => {
        const formatted = deps.formatError(error.toJSON(), error);
        return new GraphQLError(formatted.message, {
          path: formatted.path,
          extensions: formatted.extensions,
        });
      }),
    };
  };

  let source: Awaited<ReturnType<typeof createSourceEventStream>>;
  try {
    source = await createSourceEventStream({
      ...args,
      contextValue: contextFor(access.identity, undefined, subscriptionId),
    });
  } catch (error) {
    return format(
      {
        errors: [
          error instanceof GraphQLError
            ? error
            : new GraphQLError('failed', { originalError: error as Error }),
        ],
      },
      subscriptionId,
    );
  }
  if (!(Symbol.asyncIterator in source)) {
    controller.abort();
    return format(source, subscriptionId);
  }
  const events = source;

  const out = new Channel<ExecutionResult>(() => controller.abort());
  const stopWatching = access.onEnd(() => controller.abort());
  let delivered = 0;
  let skipped = 0;
  logger.info('subscription.start', { subscriptionId });

  /**
   * One event, as a request of its own: undefined when it is skipped. `last`: the caller may no
   * longer subscribe at all (their roles changed): the refusal is sent and the stream ends.
   */
  async function deliver(payload: unknown): Promise<{ result: ExecutionResult; last: boolean } | undefined> {
    const identity = await access.current();
    if (!identity) return undefined;
    const requestId = randomUUID();
    const em = await openScope(orm, organisationId);
    try {
      const result = await execute({
        ...args,
        rootValue: payload,
        contextValue: contextFor(identity, em, requestId),
      });
      if (result.errors?.some((e) => e.originalError instanceof HiddenEvent)) {
        skipped += 1;
        logger.debug('subscription.skipped', { subscriptionId, requestId });
        return undefined;
      }
      // Nothing is sent that was not stored: the event's reads are audited first.
      await commitScope(em);
      const last = Boolean(
        result.errors?.some((e) => e.path?.length === 1 && ACCESS_CODES.has(String(e.extensions?.code))),
      );
      return { result: format(result, requestId), last };
    } finally {
      await em.rollback().catch(() => undefined);
    }
  }

  void (async () => {
    try {
      for await (const payload of events) {
        if (controller.signal.aborted) break;
        const delivery = await deliver(payload);
        if (controller.signal.aborted) break;
        if (delivery) {
          delivered += 1;
          out.push(delivery.result);
          if (delivery.last) break;
        }
      }
    } catch (error) {
      if (!controller.signal.aborted) {
        logger.error('subscription.failed', { subscriptionId, kind: (error as Error)?.constructor?.name });
        out.push(
          format({ errors: [new GraphQLError('failed', { originalError: error as Error })] }, subscriptionId),
        );
      }
    } finally {
      const ended = access.ended;
      if (ended) out.push(format({ errors: [ENDED[ended]()] }, subscriptionId));
      stopWatching();
      controller.abort();
      out.end();
      logger.info('subscription.end', { subscriptionId, delivered, skipped, accessEnded: ended ?? null });
    }
  })();
  return out;
}
