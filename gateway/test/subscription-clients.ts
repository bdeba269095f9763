import type { FormattedExecutionResult } from 'graphql';
import { createClient as createSseClient } from 'graphql-sse';
import { createClient as createWsClient } from 'graphql-ws';
import WebSocket from 'ws';

/**
 * A subscription opened with graphql-ws's or graphql-sse's own client, collecting what it receives:
 * `results` (each `next`), `failure` (an `error`: a refusal, or the socket's close event), `done`.
 */
export interface Watch {
  results: FormattedExecutionResult[];
  failure: unknown;
  done: boolean;
  /** The WebSocket's close code, once it closed (graphql-ws only). */
  closeCode?: number;
  stop(): void;
}

export interface SubscriptionRequest {
  query: string;
  variables?: Record<string, unknown>;
}

/** What a client reports, collected in `watch`. */
function sinkOf(watch: Watch) {
  return {
    next: (result: unknown) => void watch.results.push(result as FormattedExecutionResult),
    error: (error: unknown) => {
      watch.failure = error;
      watch.done = true;
    },
    complete: () => void (watch.done = true),
  };
}

/** Over graphql-ws: a WebSocket to `base`'s /graphql, the token in connectionParams. */
export function watchWs(base: string, token: string, request: SubscriptionRequest): Watch {
  const watch: Watch = { results: [], failure: undefined, done: false, stop: () => undefined };
  const client = createWsClient({
    url: `${base.replace(/^http/, 'ws')}/graphql`,
    webSocketImpl: WebSocket,
    connectionParams: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
    lazy: true,
    on: { closed: (event) => void (watch.closeCode ??= (event as { code: number }).code) },
  });
  const unsubscribe = client.subscribe(request, sinkOf(watch));
  watch.stop = () => {
    unsubscribe();
    void client.dispose();
  };
  return watch;
}

/** Over graphql-sse (distinct connections): a stream from `base`'s /graphql/stream, the token in the header. */
export function watchSse(base: string, token: string, request: SubscriptionRequest): Watch {
  const watch: Watch = { results: [], failure: undefined, done: false, stop: () => undefined };
  const client = createSseClient({
    url: `${base}/graphql/stream`,
    headers: { authorization: `Bearer ${token}` },
    retryAttempts: 0,
  });
  const unsubscribe = client.subscribe(request, sinkOf(watch));
  watch.stop = () => {
    unsubscribe();
    client.dispose();
  };
  return watch;
}

export const TRANSPORTS = { 'graphql-ws': watchWs, 'graphql-sse': watchSse } as const;
