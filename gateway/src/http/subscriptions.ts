import { GraphQLError } from 'graphql';
import { createHandler as createSseHandler } from 'graphql-sse';
import { CloseCode } from 'graphql-ws';
import { useServer } from 'graphql-ws/use/ws';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { InvalidTokenError } from '../auth/tokens.js';
import { prepareSubscription, runSubscription, type SubscriptionDeps } from './subscription-runner.js';
import { OriginPolicy } from './cors.js';
import {
  bearerOf,
  LiveAccess,
  openStreamAccess,
  type AccessEnd,
  type LiveAccessDeps,
} from './live-access.js';
import { readBody } from './respond.js';

/**
 * The two transports of GraphQL subscriptions, over the one execution path of
 * http/subscription-runner.ts:
 * - graphql-ws (the `graphql-transport-ws` protocol) on a WebSocket upgraded at /graphql; the token
 *   in the connection's `connectionParams.authorization` as `Bearer …`. Access that ends closes the
 *   socket: 4401 when the token expires or is not valid, 4403 when the user is deactivated, the API
 *   key revoked, or the web page's origin not allowed for the organisation.
 * - graphql-sse (distinct connections mode) at /graphql/stream, for networks whose proxies block
 *   WebSockets; the token in the Authorization header. Access that ends sends a last result with
 *   UNAUTHENTICATED or FORBIDDEN and completes the stream.
 * Only subscriptions are served: queries and mutations go to POST /graphql.
 */

/** A WebSocket close code for each way access ends. */
export const ACCESS_CLOSE: Record<AccessEnd, { code: number; reason: string }> = {
  expired: {
    code: CloseCode.Unauthorized,
    reason: 'The token has expired: connect again with a fresh token',
  },
  revoked: { code: CloseCode.Forbidden, reason: 'Access has ended' },
};

type Prepared = Exclude<ReturnType<typeof prepareSubscription>, GraphQLError[]>;
type OperationResult = Awaited<ReturnType<typeof runSubscription>>;
const INTERNAL = () =>
  new GraphQLError('Something went wrong. It has been logged.', {
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  });

interface Connection {
  access: LiveAccess;
  clientAddress: string;
}

export function createSubscriptionTransports(
  deps: SubscriptionDeps,
  liveDeps: LiveAccessDeps,
  origins: OriginPolicy,
  headers: Record<string, string>,
  sendJson: (res: ServerResponse, status: number, value: unknown, extra?: Record<string, string>) => void,
  clientAddress: (req: IncomingMessage) => string,
) {
  const { schema, config } = deps;
  /** Starts a prepared subscription: its stream, or one result with its errors. Never throws. */
  async function run(connection: Connection, prepared: Prepared): Promise<OperationResult> {
    try {
      return await runSubscription(deps, connection.access, prepared, connection.clientAddress);
    } catch (error) {
      deps.logger.error('subscription.start_failed', { kind: (error as Error)?.constructor?.name });
      return { errors: [INTERNAL()] };
    }
  }

  // graphql-ws: one access per connection, checked when it opens (connection_init).
  const wss = new WebSocketServer({ noServer: true, maxPayload: config.maxBodyBytes });
  const connections = new WeakMap<object, Connection>();
  useServer<Record<string, unknown> | undefined, { request: IncomingMessage; socket: WebSocket }>(
    {
      isProd: true,
      async onConnect(ctx) {
        const { socket, request } = ctx.extra;
        let access: LiveAccess;
        try {
          access = await LiveAccess.open(liveDeps, bearerOf(ctx.connectionParams?.authorization));
        } catch (error) {
          if (!(error instanceof InvalidTokenError)) throw error;
          socket.close(CloseCode.Unauthorized, 'The token is not valid or has expired. Sign in again.');
          return false;
        }
        const crossOrigin = OriginPolicy.crossOrigin(request);
        if (crossOrigin && !(await origins.allows(crossOrigin, access.identity.organisationId))) {
          socket.close(CloseCode.Forbidden, 'This web page is not allowed to use Doorstep');
          return false;
        }
        access.onEnd((why) => socket.close(ACCESS_CLOSE[why].code, ACCESS_CLOSE[why].reason));
        access.watch();
        socket.once('close', () => access.close());
        connections.set(ctx, { access, clientAddress: clientAddress(request) });
        return true;
      },
      async onSubscribe(ctx, _id, payload) {
        const connection = connections.get(ctx);
        if (!connection)
          return [new GraphQLError('Not connected', { extensions: { code: 'UNAUTHENTICATED' } })];
        const prepared = prepareSubscription(schema, payload);
        if (Array.isArray(prepared)) return prepared;
        return {
          schema,
          document: prepared.document,
          variableValues: prepared.variables,
          operationName: prepared.operationName,
          contextValue: { connection, prepared },
        };
      },
      subscribe: (args) => {
        const { connection, prepared } = args.contextValue as { connection: Connection; prepared: Prepared };
        return run(connection, prepared);
      },
      // Never reached: prepareSubscription refuses queries and mutations.
      execute: () => ({ errors: [INTERNAL()] }),
    },
    wss,
  );

  function upgrade(req: IncomingMessage, socket: Duplex, head: Buffer) {
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws, req));
  }

  // graphql-sse: one access per stream.
  const sse = createSseHandler<IncomingMessage, Connection>({
    schema,
    // No stream tokens: only the distinct connections mode (one stream per subscription).
    authenticate: () => null,
    async onSubscribe(req, params) {
      const prepared = prepareSubscription(schema, params);
      if (!Array.isArray(prepared)) return run(req.context, prepared);
      return [
        JSON.stringify({ errors: prepared.map((e) => e.toJSON()) }),
        {
          status: 400,
          statusText: 'Bad Request',
          headers: { 'content-type': 'application/json; charset=utf-8' },
        },
      ];
    },
  });
  const streams = new Set<ServerResponse>();

  async function handleStream(req: IncomingMessage, res: ServerResponse) {
    const opened = await openStreamAccess(liveDeps, origins, sendJson, req, res);
    if (!opened) return;
    const { access, cors } = opened;
    const [body, init] = await sse({
      method: req.method ?? 'GET',
      url: req.url ?? '/',
      headers: {
        get: (key: string) => {
          const value = req.headers[key];
          return Array.isArray(value) ? value.join('\n') : value;
        },
      },
      body: () => readBody(req, config.maxBodyBytes),
      raw: req,
      context: { access, clientAddress: clientAddress(req) },
    });
    res.writeHead(init.status ?? 200, {
      ...headers,
      ...cors,
      ...(init.headers as Record<string, string> | undefined),
      'cache-control': 'no-store',
      'x-accel-buffering': 'no',
    });
    if (!body || typeof body === 'string') return void res.end(body ?? undefined);
    streams.add(res);
    access.watch();
    const stop = () => void body.return(undefined);
    res.once('close', stop);
    try {
      for await (const chunk of body) {
        if (!res.writable) break;
        res.write(chunk);
      }
    } finally {
      res.off('close', stop);
      streams.delete(res);
      access.close();
      res.end();
    }
  }

  return {
    upgrade,
    handleStream,
    /** Ends every open subscription (shutting down). */
    closeAll() {
      for (const client of wss.clients) client.close(1001, 'The gateway is shutting down');
      for (const res of streams) res.end();
      wss.close();
    },
  };
}
