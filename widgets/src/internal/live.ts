import { DoorstepError, operationName, type TypedDocumentString } from '@doorstep/client';
import type { Api } from './api.js';

/** Codes after which listening again cannot help: the widget says so and stops. */
const FINAL = new Set([
  'FORBIDDEN',
  'NOT_FOUND',
  'BAD_USER_INPUT',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
]);

/** The first wait before listening again after a dropped stream; doubled each time, up to 30 s. */
export const RETRY_FIRST_MS = 1_000;
const RETRY_MAX_MS = 30_000;

export interface LiveListener<TResult> {
  /** Each event's data, typed by the document. */
  next(data: TResult): void;
  /** The stream ended for good (`FORBIDDEN`, `UNAUTHENTICATED` with no fresh token, …). */
  failed(error: DoorstepError): void;
  /** The stream is (again) open: after a drop, what was missed follows if `after` was given. */
  open?(): void;
}

interface Message {
  event: string;
  data: string;
}

/** Server-sent events from a response body, one message at a time. */
async function* messages(body: ReadableStream<Uint8Array>): AsyncGenerator<Message> {
  const reader = body.getReader();
  const decoder = new TextDecoder();
  let buffer = '';
  let event = '';
  let data: string[] = [];
  for (;;) {
    const { value, done } = await reader.read();
    if (done) return;
    buffer += decoder.decode(value, { stream: true });
    let end: number;
    while ((end = buffer.indexOf('\n')) >= 0) {
      const line = buffer.slice(0, end).replace(/\r$/, '');
      buffer = buffer.slice(end + 1);
      if (!line) {
        if (data.length || event) yield { event: event || 'message', data: data.join('\n') };
        event = '';
        data = [];
      } else if (line.startsWith('event:')) event = line.slice(6).trim();
      else if (line.startsWith('data:')) data.push(line.slice(5).replace(/^ /, ''));
    }
  }
}

interface WireError {
  message: string;
  extensions?: { code?: string };
}

/** The first GraphQL error of a refusal or a stream's last result (else the HTTP status) as a DoorstepError. */
const failure = (errors: WireError[] | undefined, status = 200): DoorstepError =>
  new DoorstepError(
    errors?.[0]?.extensions?.code ??
      (errors?.length
        ? 'BAD_REQUEST'
        : status === 401
          ? 'UNAUTHENTICATED'
          : status === 403
            ? 'FORBIDDEN'
            : 'NETWORK_ERROR'),
    errors?.[0]?.message ?? `HTTP ${status}`,
  );

/**
 * Listens to one GraphQL subscription over server-sent events: graphql-sse's "distinct connections"
 * protocol at `<endpoint>/stream` (one `POST` per subscription, the token in the `Authorization`
 * header), which passes the proxies of intranets that block WebSockets, and costs a widget well
 * under 1 kB where graphql-sse's or graphql-ws's client costs 3.4 or 3.8 kB gzipped.
 *
 * When the stream drops (the network, a proxy's timeout, the gateway restarting) it listens again,
 * waiting 1 s, then 2 s, 4 s … up to 30 s, with `variables()` asked again each time, so the caller
 * gives the last event id it saw as `after` and misses nothing. An expired token is fetched afresh
 * once. Returns the function that stops it for good (the widget calls it when removed).
 */
export function listen<TResult, TVariables>(
  api: () => Api,
  document: TypedDocumentString<TResult, TVariables>,
  variables: () => TVariables,
  on: LiveListener<TResult>,
): () => void {
  const stopped = new AbortController();
  let wait = RETRY_FIRST_MS;
  let refreshed = false;

  /** One stream, until it ends: resolves with the failure that ended it, if any. */
  const once = async (): Promise<DoorstepError | undefined> => {
    const { endpoint, tokens } = api();
    const token = refreshed ? await tokens.refresh() : await tokens.get();
    const response = await fetch(`${endpoint.replace(/\/$/, '')}/stream`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        ...(token ? { authorization: `Bearer ${token}` } : {}),
      },
      body: JSON.stringify({
        query: document.toString(),
        operationName: operationName(document),
        variables: variables(),
      }),
      signal: stopped.signal,
    });
    if (!response.ok || !response.body) {
      // A refusal's body is GraphQL errors as JSON; a proxy's page is not, and its status says enough.
      const body = (await response.json().catch(() => ({}))) as { errors?: WireError[] };
      return failure(body.errors, response.status);
    }
    refreshed = false;
    wait = RETRY_FIRST_MS;
    on.open?.();
    for await (const message of messages(response.body)) {
      if (message.event === 'complete') return undefined;
      if (message.event !== 'next') continue;
      const result = JSON.parse(message.data) as { data?: TResult; errors?: WireError[] };
      if (result.errors?.length) return failure(result.errors);
      if (result.data) on.next(result.data);
    }
    return undefined;
  };

  void (async () => {
    while (!stopped.signal.aborted) {
      let error: DoorstepError | undefined;
      try {
        error = await once();
      } catch (thrown) {
        if (stopped.signal.aborted) return;
        error = thrown instanceof DoorstepError ? thrown : undefined;
      }
      if (error?.code === 'UNAUTHENTICATED' && !refreshed && api().tokens.canRefresh) {
        refreshed = true;
        continue;
      }
      if (error && (FINAL.has(error.code) || error.code === 'UNAUTHENTICATED')) {
        stopped.abort();
        return on.failed(error);
      }
      await new Promise((resolve) => setTimeout(resolve, wait));
      wait = Math.min(wait * 2, RETRY_MAX_MS);
    }
  })();

  return () => stopped.abort();
}
