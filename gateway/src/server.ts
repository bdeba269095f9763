import { ApolloServer, HeaderMap, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDisableSuggestions } from '@apollo/server/plugin/disableSuggestions';
import { ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { GraphQLFormattedError } from 'graphql';
import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import { InvalidTokenError, verifyToken } from './auth/tokens.js';
import type { Config } from './config.js';
import type { Context } from './context.js';
import { DoorstepError, isExpectedError, PASS_THROUGH_CODES } from './errors.js';
import { issueDemoToken, listDemoUsers } from './http/dev-routes.js';
import { readStatic } from './http/static.js';
import type { Logger } from './logger.js';
import { getSchema } from './schema.js';

const SECURITY_HEADERS: Record<string, string> = {
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-opener-policy': 'same-origin',
  'content-security-policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; " +
    "object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
};

/** Expected errors keep their code and message; anything else is masked. */
export function formatError(formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError {
  const code = formatted.extensions?.code;
  if (isExpectedError(error) || (typeof code === 'string' && PASS_THROUGH_CODES.has(code))) {
    const { stacktrace: _stacktrace, ...extensions } = formatted.extensions ?? {};
    return { ...formatted, extensions };
  }
  return {
    message: 'Something went wrong. It has been logged.',
    extensions: { code: 'INTERNAL_SERVER_ERROR' },
  };
}

/** Logs unexpected errors by kind only: never their message (it may hold SQL values or user text). */
function errorLogging(logger: Logger): ApolloServerPlugin<Context> {
  return {
    async requestDidStart() {
      return {
        async didEncounterErrors({ errors, contextValue }) {
          for (const error of errors) {
            if (isExpectedError(error) || PASS_THROUGH_CODES.has(String(error.extensions?.code))) continue;
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

class BodyTooLargeError extends Error {}

async function readBody(req: IncomingMessage, limit: number): Promise<string> {
  const declared = Number(req.headers['content-length'] ?? 0);
  if (declared > limit) throw new BodyTooLargeError();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > limit) throw new BodyTooLargeError();
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks).toString('utf8');
}

function send(
  res: ServerResponse,
  status: number,
  body: string | Buffer,
  type: string,
  extra: Record<string, string> = {},
) {
  res.writeHead(status, { ...SECURITY_HEADERS, 'content-type': type, ...extra });
  res.end(body);
}

const sendJson = (res: ServerResponse, status: number, value: unknown) =>
  send(res, status, JSON.stringify(value), 'application/json; charset=utf-8', {
    'cache-control': 'no-store',
  });

function bearer(req: IncomingMessage): string | undefined {
  const header = req.headers.authorization;
  if (!header) return undefined;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  if (!match) throw new InvalidTokenError('malformed authorization header');
  return match[1];
}

export interface Gateway {
  server: http.Server;
  apollo: ApolloServer<Context>;
  /** Starts listening; resolves with the port actually bound. */
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export async function createGateway(config: Config, orm: MikroORM, logger: Logger): Promise<Gateway> {
  const production = config.mode === 'production';
  const apollo = new ApolloServer<Context>({
    schema: await getSchema(),
    formatError,
    includeStacktraceInErrorResponses: false,
    introspection: !production,
    hideSchemaDetailsFromClientErrors: production,
    csrfPrevention: true,
    allowBatchedHttpRequests: false,
    plugins: [
      ApolloServerPluginLandingPageDisabled(),
      errorLogging(logger),
      ...(production ? [ApolloServerPluginDisableSuggestions()] : []),
    ],
  });
  await apollo.start();

  async function handleGraphQL(req: IncomingMessage, res: ServerResponse, url: URL, requestId: string) {
    let body: unknown;
    if (req.method === 'POST') {
      const text = await readBody(req, config.maxBodyBytes);
      try {
        body = text ? JSON.parse(text) : {};
      } catch {
        return sendJson(res, 400, {
          errors: [{ message: 'The request body is not valid JSON', extensions: { code: 'BAD_REQUEST' } }],
        });
      }
    }
    const headers = new HeaderMap();
    for (const [key, value] of Object.entries(req.headers)) {
      if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
    }
    const response = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
      context: async () => {
        let identity;
        try {
          const token = bearer(req);
          identity = token ? await verifyToken(config.jwt, token) : undefined;
        } catch (error) {
          if (!(error instanceof InvalidTokenError)) throw error;
          throw new DoorstepError(
            'UNAUTHENTICATED',
            'The token is not valid or has expired. Sign in again.',
            {
              http: { status: 401 },
            },
          );
        }
        return { em: orm.em.fork() as Context['em'], identity, requestId };
      },
    });
    const outHeaders: Record<string, string> = { ...SECURITY_HEADERS, 'x-request-id': requestId };
    for (const [key, value] of response.headers) outHeaders[key] = value;
    res.writeHead(response.status ?? 200, outHeaders);
    if (response.body.kind === 'complete') {
      res.end(response.body.string);
    } else {
      for await (const chunk of response.body.asyncIterator) res.write(chunk);
      res.end();
    }
  }

  async function handleDev(req: IncomingMessage, res: ServerResponse, path: string) {
    const em = orm.em.fork() as Context['em'];
    if (path === '/dev/users' && req.method === 'GET') return sendJson(res, 200, await listDemoUsers(em));
    if (path === '/dev/token' && req.method === 'POST') {
      let userId: unknown;
      try {
        userId = (JSON.parse(await readBody(req, 10_000)) as { userId?: unknown }).userId;
      } catch (error) {
        if (error instanceof BodyTooLargeError) throw error;
      }
      const issued = await issueDemoToken(em, config, userId);
      return issued ? sendJson(res, 200, issued) : sendJson(res, 404, { error: 'No such demo user' });
    }
    return sendJson(res, 404, { error: 'Not found' });
  }

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const started = performance.now();
    const requestId = randomUUID();
    const url = new URL(req.url ?? '/', 'http://localhost');
    try {
      if (url.pathname === '/graphql') {
        await handleGraphQL(req, res, url, requestId);
      } else if (url.pathname === '/health') {
        sendJson(res, 200, { status: 'ok' });
      } else if (!production && url.pathname.startsWith('/dev/')) {
        await handleDev(req, res, url.pathname);
      } else {
        const file = req.method === 'GET' || req.method === 'HEAD' ? await readStatic(url.pathname) : null;
        if (file) send(res, 200, file.body, file.type, { 'cache-control': 'no-cache' });
        else send(res, 404, 'Not found', 'text/plain; charset=utf-8');
      }
    } catch (error) {
      if (error instanceof BodyTooLargeError) {
        sendJson(res, 413, {
          errors: [{ message: 'The request is too large', extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
      } else {
        logger.error('http.unexpected_error', { requestId, kind: (error as Error)?.constructor?.name });
        if (!res.headersSent)
          sendJson(res, 500, {
            errors: [{ message: 'Something went wrong', extensions: { code: 'INTERNAL_SERVER_ERROR' } }],
          });
        else res.destroy();
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
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await apollo.stop();
    },
  };
}
