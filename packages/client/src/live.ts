/*
 * @doorstep/client/live: subscriptions over graphql-ws (a WebSocket to the gateway's /graphql).
 * A separate entry point, so bundles that only send requests do not carry a WebSocket client.
 *
 *   const live = connectLive({ url: 'wss://doorstep.example.org/graphql', token });
 *   const stop = subscribe(live, ReferralUpdatedDocument, { after }, {
 *     next: ({ referralUpdated }) => …,
 *     error: (error) => …, // a DoorstepError: UNAUTHENTICATED, FORBIDDEN, BAD_USER_INPUT, NETWORK_ERROR …
 *   });
 *
 * For networks whose proxies block WebSockets, graphql-sse's own client does the same over
 * server-sent events at /graphql/stream: `createClient({ url, headers: { authorization: 'Bearer …' } })`
 * from 'graphql-sse' (docs/guide/live-updates.md).
 */
import { createClient, type Client } from 'graphql-ws';
import type { TypedDocumentString } from './generated/graphql.js';
import { DoorstepError, operationName } from './transport.js';

export interface LiveOptions {
  /** The gateway's GraphQL address as a WebSocket: `wss://doorstep.example.org/graphql`. */
  url: string;
  /** A bearer token, or a function returning one (called each time the socket connects). */
  token: string | (() => string | undefined | Promise<string | undefined>);
  /** A WebSocket implementation where there is no global one (Node 20: `ws`'s default export). */
  webSocketImpl?: unknown;
  /** How many times to reconnect after the connection drops (default 5; never after 4401). */
  retryAttempts?: number;
}

/** One WebSocket to the gateway, opened when the first subscription starts. */
export function connectLive(options: LiveOptions): Client {
  return createClient({
    url: options.url,
    lazy: true,
    retryAttempts: options.retryAttempts ?? 5,
    ...(options.webSocketImpl ? { webSocketImpl: options.webSocketImpl } : {}),
    connectionParams: async () => {
      const token = typeof options.token === 'function' ? await options.token() : options.token;
      return token ? { authorization: `Bearer ${token}` } : {};
    },
  });
}

/** The close codes the gateway ends a connection with, as the codes of its errors. */
const CLOSE_CODES: Record<number, string> = { 4401: 'UNAUTHENTICATED', 4403: 'FORBIDDEN' };

interface WireError {
  message: string;
  extensions?: { code?: string; fields?: DoorstepError['fields'] };
}

/** A failure of a subscription (GraphQL errors, or the socket's close event) as a DoorstepError. */
export function liveError(failure: unknown): DoorstepError {
  const first = (Array.isArray(failure) ? failure[0] : undefined) as WireError | undefined;
  if (first)
    return new DoorstepError(
      first.extensions?.code ?? 'BAD_REQUEST',
      first.message,
      first.extensions?.fields,
    );
  const close = failure as { code?: number; reason?: string } | undefined;
  if (typeof close?.code === 'number') {
    return new DoorstepError(
      CLOSE_CODES[close.code] ?? 'NETWORK_ERROR',
      close.reason || 'The connection closed',
    );
  }
  return new DoorstepError('NETWORK_ERROR', 'Could not reach Doorstep');
}

export interface LiveHandlers<TResult> {
  /** Each event's data, typed by the document. */
  next(data: TResult): void;
  /** The subscription failed or its stream ended with an error: it will send nothing more. */
  error(error: DoorstepError): void;
  /** The gateway ended the subscription. */
  complete?(): void;
}

/**
 * Starts a subscription on `client`; returns the function that stops it. A result with errors (the
 * last one, when access ends) is reported to `error`.
 */
export function subscribe<TResult, TVariables>(
  client: Client,
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  on: LiveHandlers<TResult>,
): () => void {
  let failed = false;
  return client.subscribe<TResult>(
    {
      query: document.toString(),
      operationName: operationName(document),
      variables: (variables ?? {}) as Record<string, unknown>,
    },
    {
      next: (result) => {
        if (result.errors?.length) {
          failed = true;
          return on.error(liveError(result.errors));
        }
        if (result.data) on.next(result.data);
      },
      error: (failure) => {
        failed = true;
        on.error(liveError(failure));
      },
      complete: () => {
        if (!failed) on.complete?.();
      },
    },
  );
}
