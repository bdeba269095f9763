import type { FieldError } from '@doorstep/schema';
import type { TypedDocumentString } from './generated/graphql.js';

export type { ResultOf, VariablesOf } from '@graphql-typed-document-node/core';

/** A typed error from the gateway (`extensions.code`), or a transport failure. */
export class DoorstepError extends Error {
  override readonly name = 'DoorstepError';
  constructor(
    /** `BAD_USER_INPUT`, `UNAUTHENTICATED`, `FORBIDDEN`, `NOT_FOUND`, …, or `NETWORK_ERROR`. */
    readonly code: string,
    message: string,
    /** One message per input field, for `BAD_USER_INPUT`. */
    readonly fields: FieldError[] = [],
  ) {
    super(message);
  }

  /**
   * True when the request may not have reached the gateway, or may be answered later: worth retrying.
   * `FORBIDDEN_ORIGIN` (the web page is not one its organisation lists) is put right by an
   * administrator, after which what waited goes.
   */
  get retryable(): boolean {
    return ['NETWORK_ERROR', 'SERVICE_UNAVAILABLE', 'FORBIDDEN_ORIGIN'].includes(this.code);
  }
}

export interface ClientOptions {
  /** The gateway's GraphQL address, e.g. `https://doorstep.example.org/graphql`. */
  endpoint: string;
  /** A bearer token, or a function returning one (called before each request). */
  token?: string | (() => string | undefined | Promise<string | undefined>);
  fetch?: typeof fetch;
}

/**
 * The variables argument of an operation: optional when the operation needs none, or only optional
 * ones (`request(options, HouseholdsIWorkWithDocument)`), required otherwise.
 */
export type VariablesArgument<TVariables> =
  Record<string, never> extends TVariables ? [variables?: TVariables] : [variables: TVariables];

/** The name of a document's operation (`RaiseConcern`), as the gateway's logs and metrics show it. */
export function operationName<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): string | undefined {
  return /^\s*(?:query|mutation|subscription)\s+(\w+)/.exec(document.toString())?.[1];
}

interface GraphQLResponse<T> {
  data?: T | null;
  errors?: { message: string; extensions?: { code?: string; fields?: FieldError[] } }[];
}

/**
 * Sends one operation, e.g. `request({ endpoint, token }, ReferralsReceivedDocument, { first: 20 })`;
 * resolves with its data, typed by the document, or rejects with a `DoorstepError`.
 */
export async function request<TResult, TVariables>(
  options: ClientOptions,
  document: TypedDocumentString<TResult, TVariables>,
  ...[variables]: VariablesArgument<TVariables>
): Promise<TResult> {
  const token = typeof options.token === 'function' ? await options.token() : options.token;
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (token) headers.authorization = `Bearer ${token}`;
  const query = document.toString();
  let response: Response;
  try {
    response = await (options.fetch ?? fetch)(options.endpoint, {
      method: 'POST',
      headers,
      body: JSON.stringify({ query, operationName: operationName(document), variables: variables ?? {} }),
    });
  } catch {
    throw await unanswered(options);
  }
  let body: GraphQLResponse<TResult>;
  try {
    body = (await response.json()) as GraphQLResponse<TResult>;
  } catch {
    throw new DoorstepError(
      response.status >= 500 ? 'SERVICE_UNAVAILABLE' : 'NETWORK_ERROR',
      `Doorstep answered ${response.status}`,
    );
  }
  const first = body.errors?.[0];
  if (first) {
    throw new DoorstepError(
      first.extensions?.code ?? 'INTERNAL_SERVER_ERROR',
      first.message,
      first.extensions?.fields ?? [],
    );
  }
  if (!body.data) throw new DoorstepError('INTERNAL_SERVER_ERROR', 'Doorstep sent no data');
  return body.data;
}

/**
 * Why a request got no answer at all. In a browser, a gateway on another origin that does not list
 * the page's origin answers without CORS headers, and the browser reports that exactly as it reports
 * no connection. The gateway's embeddable files (`/widgets/…`) may be read from any page: if one of
 * them answers now, the gateway is there and refused this page (`FORBIDDEN_ORIGIN`); if not, there
 * is no connection, or no gateway (`NETWORK_ERROR`).
 */
async function unanswered(options: ClientOptions): Promise<DoorstepError> {
  try {
    // Outside a browser (no `location`) there is no CORS: this throws, and it is the connection.
    const gateway = new URL(options.endpoint, location.href);
    if (navigator.onLine && gateway.origin !== location.origin) {
      // An opaque answer (no-cors) is enough: it says the gateway answered, and nothing else.
      await (options.fetch ?? fetch)(new URL('/widgets/manifest.json', gateway), {
        mode: 'no-cors',
        credentials: 'omit',
        cache: 'no-store',
      });
      return new DoorstepError('FORBIDDEN_ORIGIN', 'This web page is not allowed to use Doorstep');
    }
  } catch {
    // No connection, or no gateway.
  }
  return new DoorstepError('NETWORK_ERROR', 'Could not reach Doorstep');
}
