import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import {
  ApolloServerPluginCacheControlDisabled,
  ApolloServerPluginLandingPageDisabled,
} from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import { getVariableValues, type GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { createAuthenticator } from './auth/authenticate.js';
import type { Identity } from './auth/identity.js';
import { InvalidTokenError, type VerifiedToken } from './auth/tokens.js';
import { AddressLimiter, RateLimitedError } from './common/rate-limit.js';
import type { Config } from './config.js';
import type { Context } from './context.js';
import {
  CommitOutcomeUnknownError,
  ConnectionLostError,
  databaseReadiness,
  isDatabaseUnavailable,
  unavailableCode,
} from './db/availability.js';
import { EventListener } from './db/events.js';
import { connectionUrl } from './db/orm.js';
import { commitScope, connectionLost, openScope } from './db/request-scope.js';
import { DoorstepError, isExpectedError, PASS_THROUGH_CODES } from './errors.js';
import { introspectionOnly } from './graphql/introspection.js';
import { limitRules, QUERY_LIMITS } from './graphql/limits.js';
import { safeToRetry } from './graphql/retry-safe.js';
import { refuseUnstorableText } from './graphql/storable-text.js';
import { corsHeaders, OriginPolicy, preflightHeaders } from './http/cors.js';
import { handleDev } from './http/dev-routes.js';
import { isGraphiqlPath, resolveGraphiql } from './http/graphiql.js';
import { createEventStream } from './http/events.js';
import { createReportDownloads } from './http/report-downloads.js';
import { createSubscriptionTransports } from './http/subscriptions.js';
import { BodyTooLargeError, errorBody, readBody, securityHeaders, sender } from './http/respond.js';
import { serveStatic } from './http/static.js';
import { unavailableAnswer } from './http/unavailable.js';
import type { Logger } from './logger.js';
import { exchangeWidgetToken } from './modules/access/credentials.service.js';
import { ReadPath } from './read/path.js';
import type { Reader } from './read/reader.js';
import { getSchema } from './schema.js';

/** Expected errors keep their code and message; anything else is masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isExpectedError(error) || (typeof code === 'string' && PASS_THROUGH_CODES.has(code))) {
    const { stacktrace: _stacktrace, http: _http, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Something went wrong. It has been logged.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/**
 * Sorts a request's errors. If the database went away under it (an error says so, or its
 * connection is gone, whatever words knex found for what failed next), the request is answered 503
 * (see `handleGraphQL`). Otherwise unexpected errors are logged by kind only: never their message
 * (it may hold SQL values or user text).
 */
function errorTriage(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          const state = (contextValue as Context & { [STATE]?: RequestState })[STATE];
          const unexpected = errors.filter(
            (error) => !isExpectedError(error) && !PASS_THROUGH_CODES.has(String(error.extensions?.code)),
          );
          const lost =
            errors.find(isDatabaseUnavailable) ??
            (unexpected.length && state?.scope && (await connectionLost(state.scope))
              ? unexpected[0]
              : undefined);
          if (lost) {
            if (state) state.lost ??= new ConnectionLostError(lost);
            return;
          }
          for (const error of unexpected) {
            const original = error.originalError ?? error;
            logger.error('graphql.unexpected_error', {
              requestId: contextValue?.requestId,
              kind: original.constructor.name,
              pgCode: (original as { code?: unknown }).code as string | undefined,
              path: error.path?.join('.'),
            });
          }
        },
      };
    },
  };
}

const unauthenticated = (message = 'The token is not valid or has expired. Sign in again.') =>
  new DoorstepError('UNAUTHENTICATED', message, { http: { status: 401 } });

/** How long requests under way may take to finish when the gateway stops. */
const CLOSE_GRACE_MS = 5_000;

/** Per-request state the HTTP layer shares with the scope plugin. */
interface RequestState {
  token: VerifiedToken | undefined;
  scope?: Context['em'];
  crossOrigin: string | undefined;
  /** Set when the database went away under the request: it is answered 503. */
  lost?: ConnectionLostError;
  /** False for a mutation without an idempotency key (see `safeToRetry`). */
  retrySafe: boolean;
  /** A query read through the compiled path: it commits (and writes its audit rows) when it finishes. */
  reader?: Reader;
  /** The response body the compiled read path wrote whole (`Reader.rawAnswer`): no resolver ran. */
  rawBody?: string;
}
/** Apollo passes its hooks a shallow copy of the context: the state rides along under a symbol. */
const STATE = Symbol('doorstep.request-state');

export interface Gateway {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the port actually bound. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export interface GatewayOptions {
  /** The embedded PostgreSQL's supervisor: false while it is known to be down (readiness). */
  databaseRunning?: () => boolean;
}

export async function createGateway(
  config: Config,
  orm: MikroORM,
  logger: Logger,
  options: GatewayOptions = {},
): Promise<Gateway> {
  const production = config.mode === 'production';
  const auth = createAuthenticator(orm, config);
  const origins = new OriginPolicy(orm);
  const headers = securityHeaders(config.frameAncestors);
  const { send, sendJson } = sender(headers);
  const listener = new EventListener(connectionUrl(orm), logger);
  await listener.start();
  // A user deactivated or an API key revoked, on any instance: check every identity again.
  listener.on('event', (event) => event.type === 'revoked' && auth.forget());
  const liveDeps = { orm, auth, listener, recheckSeconds: config.eventsRecheckSeconds };
  const events = createEventStream(liveDeps, origins, headers, sendJson);
  const ready = databaseReadiness(orm, { running: options.databaseRunning });
  const reportDownloads = createReportDownloads({ orm, auth, origins }, headers, send, sendJson);

  /**
   * Once the operation has parsed and validated, and its arguments hold only text that can be stored,
   * opens the request's unit of work (as the unprivileged role, for the token's organisation) and
   * checks the token against the records. Malformed requests never reach the database, nor do
   * requests without a token: no operation is open to them, so they are refused here
   * (introspection in development needs no database).
   */
  const requestScope: ApolloServerPlugin<Context> = {
    async requestDidStart() {
      return {
        async didResolveOperation(requestContext) {
          refuseUnstorableText(requestContext);
          const { contextValue, document, operation, schema } = requestContext;
          const state = (contextValue as Context & { [STATE]: RequestState })[STATE];
          state.retrySafe = safeToRetry(operation, schema);
          if (operation?.operation === 'subscription') {
            throw new DoorstepError(
              'BAD_REQUEST',
              'Subscribe over a WebSocket at /graphql (graphql-ws) or server-sent events at /graphql/stream (graphql-sse)',
              { http: { status: 400 } },
            );
          }
          if (!state.token) {
            if (introspectionOnly(document, operation)) return;
            throw unauthenticated('Sign in to do this: the request has no token.');
          }
          let identity: Identity;
          try {
            // Outside the unit of work: checked identities are kept a while, and most requests
            // need no statement for this at all.
            identity = await auth.resolve(() => orm.em.fork(), state.token);
          } catch (error) {
            if (error instanceof InvalidTokenError) throw unauthenticated();
            throw error;
          }
          if (state.crossOrigin && !(await origins.allows(state.crossOrigin, state.token.organisationId))) {
            throw new DoorstepError('FORBIDDEN_ORIGIN', 'This web page is not allowed to use Doorstep', {
              http: { status: 403 },
            });
          }
          contextValue.identity = identity;
          // A query the compiled read path serves reads through it; anything else through the
          // resolvers, in a unit of work opened here.
          const variables =
            operation &&
            getVariableValues(
              schema,
              operation.variableDefinitions ?? [],
              requestContext.request.variables ?? {},
            );
          const reader =
            config.compiledReads && variables?.coerced
              ? readPath.readerFor(document, operation!, variables.coerced, identity, contextValue.requestId)
              : undefined;
          if (reader) {
            logger.debug('read.compiled', { requestId: contextValue.requestId });
            state.reader = reader;
            contextValue.read = reader;
            return;
          }
          const em = await openScope(orm, state.token.organisationId);
          state.scope = em;
          contextValue.em = em;
        },
        // A read whose statement wrote the whole answer is sent as it is: graphql-js has nothing
        // to do (`handleGraphQL` sends `rawBody` in place of Apollo's placeholder).
        async responseForOperation(requestContext) {
          const state = (requestContext.contextValue as Context & { [STATE]: RequestState })[STATE];
          // A read that failed is answered as any failed field is (the error goes through
          // `formatError`, and the request through the database's failure handling below).
          const body = await state.reader?.rawAnswer().catch(() => undefined);
          if (body === undefined) return null;
          state.rawBody = body;
          logger.debug('read.raw', { requestId: requestContext.contextValue.requestId });
          return {
            http: { status: undefined, headers: new HeaderMap() },
            body: { kind: 'single', singleResult: { data: {} } },
          };
        },
      };
    },
  };

  const schema = await getSchema();
  const readPath = new ReadPath(schema, orm);
  const apollo = new ApolloServer<Context>({
    schema,
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    // Operations are sent whole: no automatic persisted queries (and no cache to fill with them).
    persistedQueries: false,
    parseOptions: { maxTokens: QUERY_LIMITS.maxTokens },
    validationRules: limitRules,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      // No cache hints are used (every answer is personal data, never cached: `no-store` below), and
      // the cache-control plugin would otherwise wrap every field resolver of every request.
      ApolloServerPluginCacheControlDisabled(),
      requestScope,
      errorTriage(logger),
      ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
    ],
  });
  await apollo.start();

  const clientAddress = (req: IncomingMessage) => {
    const forwarded = config.trustProxy
      ? String(req.headers['x-forwarded-for'] ?? '')
          .split(',')[0]
          ?.trim()
      : '';
    return forwarded || req.socket.remoteAddress || 'unknown';
  };
  const subscriptions = createSubscriptionTransports(
    { orm, schema, listener, config, logger, formatError },
    liveDeps,
    origins,
    headers,
    sendJson,
    clientAddress,
  );

  /** Answers a refusal of ours with its HTTP status and headers (a 429 with Retry-After …). */
  function sendError(res: ServerResponse, error: DoorstepError, extra: Record<string, string> = {}) {
    const { http, ...extensions } = error.extensions as {
      http?: { status?: number; headers?: Map<string, string> };
    } & Record<string, unknown>;
    return sendJson(
      res,
      http?.status ?? 400,
      { errors: [{ message: error.message, extensions }] },
      { ...extra, ...Object.fromEntries(http?.headers ?? []) },
    );
  }

  /** Requests without a valid token, per address, in memory: refused before any database work. */
  const anonymous = new AddressLimiter(config.noTokenLimit);

  function bearer(req: IncomingMessage): string | undefined {
    const header = req.headers.authorization;
    if (!header) return undefined;
    const match = /^Bearer\s+(\S+)$/i.exec(header);
    if (!match) throw new InvalidTokenError('malformed authorization header');
    return match[1];
  }

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    const crossOrigin = OriginPolicy.crossOrigin(req);
    if (req.method === 'OPTIONS') {
      if (crossOrigin && (await origins.anyAllows(crossOrigin))) {
        res.writeHead(204, { ...headers, ...preflightHeaders(crossOrigin) });
        return res.end();
      }
      return sendJson(
        res,
        403,
        errorBody('FORBIDDEN_ORIGIN', 'This web page is not allowed to use Doorstep'),
      );
    }
    const cors = crossOrigin && (await origins.anyAllows(crossOrigin)) ? corsHeaders(crossOrigin) : {};

    let token: VerifiedToken | undefined;
    let invalid = false;
    try {
      const presented = bearer(req);
      token = presented ? await auth.verify(presented) : undefined;
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
      invalid = true;
    }
    if (!token) {
      const wait = anonymous.take(clientAddress(req));
      if (wait) return sendError(res, new RateLimitedError(wait), cors);
    }
    if (invalid) {
      return sendJson(
        res,
        401,
        errorBody('UNAUTHENTICATED', 'The token is not valid or has expired. Sign in again.'),
        cors,
      );
    }

    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, config.maxBodyBytes);
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendJson(res, 400, errorBody('BAD_REQUEST', 'The request body is not valid JSON'), cors);
      }
    }
    const httpHeaders = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) httpHeaders.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const state: RequestState = { token, crossOrigin, retrySafe: true };
    try {
      const response = await apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers: httpHeaders, search: url.search, body },
        context: async () => {
          return {
            identity: undefined,
            requestId,
            clientAddress: clientAddress(req),
            config,
            [STATE]: state,
          } as unknown as Context;
        },
      });
      if (state.lost) throw state.lost;
      // Nothing is answered that was not stored: the unit of work (audit rows included) commits first.
      if (state.scope) {
        await commitScope(state.scope);
        state.scope = undefined;
      }
      await state.reader?.finish();
      const outHeaders: Record<string, string> = { ...headers, ...cors, 'x-request-id': requestId };
      for (const [key, value] of response.headers) outHeaders[key] = value;
      outHeaders['cache-control'] = 'no-store';
      res.writeHead(response.status ?? 200, outHeaders);
      if (response.body.kind === 'complete') {
        res.end(state.rawBody ?? response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      const lost = isDatabaseUnavailable(error) || (state.scope && (await connectionLost(state.scope)));
      if (!lost || res.headersSent) throw error;
      // Not stored (the connection went before COMMIT), or safe to send again: 503 and Retry-After.
      const unknown = error instanceof CommitOutcomeUnknownError && !state.retrySafe;
      logger.warn('graphql.database_unavailable', {
        requestId,
        code: unavailableCode(error),
        outcomeUnknown: unknown,
      });
      const answer = unavailableAnswer(unknown);
      return sendJson(res, 503, answer.body, { ...cors, ...answer.headers, 'x-request-id': requestId });
    } finally {
      if (state.scope) await state.scope.rollback().catch(() => undefined);
      await state.reader?.abort();
    }
  }

  async function handleWidgetToken(req: IncomingMessage, res: ServerResponse, requestId: string) {
    if (req.method !== 'POST') return sendJson(res, 405, errorBody('METHOD_NOT_ALLOWED', 'Use POST'));
    const match = /^ApiKey\s+(\S+)$/i.exec(req.headers.authorization ?? '');
    let body: unknown;
    try {
      body = JSON.parse((await readBody(req, 10_000)) || '{}');
    } catch (error) {
      if (error instanceof BodyTooLargeError) throw error;
      return sendJson(res, 400, errorBody('BAD_REQUEST', 'The request body is not valid JSON'));
    }
    try {
      return sendJson(res, 200, await exchangeWidgetToken(orm, config, match?.[1], body, requestId));
    } catch (error) {
      if (!isExpectedError(error)) throw error;
      return sendError(res, error as DoorstepError);
    }
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/graphql') {
        await handleGraphQL(req, res, url, requestId);
      } else if (url.pathname === '/graphql/stream' && req.method !== 'OPTIONS') {
        await subscriptions.handleStream(req, res);
      } else if (url.pathname === '/graphql/stream') {
        await handleGraphQL(req, res, url, requestId); // the preflight, as for /graphql
      } else if (url.pathname === '/events') {
        await events.handle(req, res);
      } else if (url.pathname.startsWith('/reports/')) {
        await reportDownloads(req, res, url, requestId);
      } else if (url.pathname === '/auth/widget-token') {
        await handleWidgetToken(req, res, requestId);
      } else if (url.pathname === '/health/live') {
        sendJson(res, 200, { status: 'ok' });
      } else if (url.pathname === '/health' || url.pathname === '/health/ready') {
        if (await ready()) sendJson(res, 200, { status: 'ok' });
        else {
          const answer = unavailableAnswer();
          sendJson(res, 503, { status: 'unavailable', ...answer.body }, answer.headers);
        }
      } else if (!production && url.pathname.startsWith('/dev/')) {
        await handleDev(orm, config, req, res, url.pathname, sendJson);
      } else if (!production && isGraphiqlPath(url.pathname)) {
        await serveStatic(req, res, url.pathname, send, resolveGraphiql);
      } else {
        await serveStatic(req, res, url.pathname, send);
      }
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, errorBody('PAYLOAD_TOO_LARGE', 'The request is too large'));
      } else if (isDatabaseUnavailable(error) && !res.headersSent) {
        logger.warn('http.database_unavailable', { requestId, code: unavailableCode(error) });
        const answer = unavailableAnswer();
        sendJson(res, 503, answer.body, answer.headers);
      } else {
        logger.error('http.unexpected_error', { requestId, kind: (error as Error)?.constructor?.name });
        if (!res.headersSent) {
          sendJson(res, 500, errorBody('INTERNAL_SERVER_ERROR', 'Something went wrong'));
        } else res.destroy();
      }
    } finally {
      // Path only: query strings can carry GraphQL variables.
      logger.info('http.request', {
        requestId,
        method: req.method,
        path: url.pathname,
        status: res.statusCode,
        ms: Math.round(performance.now() - started),
      });
    }
  }

  const server = http.createServer((req, res) => void handle(req, res));
  server.requestTimeout = 30_000;
  server.headersTimeout = 15_000;
  // Subscriptions over graphql-ws: a WebSocket upgraded at /graphql.
  server.on('upgrade', (req, socket, head) => {
    if (new URL(req.url ?? '/', 'http://localhost').pathname === '/graphql') {
      subscriptions.upgrade(req, socket, head);
    } else socket.destroy();
  });

  return {
    server,
    apollo,
    listen: (port = config.port, host = config.host) =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          server.off('error', reject);
          resolve((server.address() as { port: number }).port);
        });
      }),
    /**
     * Stops taking requests and lets those under way finish (for up to `CLOSE_GRACE_MS`), then
     * closes what is left, the live-event streams and the listener's connection.
     */
    async close() {
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      events.closeAll();
      subscriptions.closeAll();
      // Kept-alive connections close once their request is answered.
      const idle = setInterval(() => server.closeIdleConnections(), 50);
      const late = setTimeout(() => server.closeAllConnections(), CLOSE_GRACE_MS);
      await closed;
      clearInterval(idle);
      clearTimeout(late);
      await apollo.stop();
      await listener.stop();
    },
  };
}
