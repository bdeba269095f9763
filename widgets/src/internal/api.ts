import { DoorstepError, request, type TypedDocumentString, type VariablesArgument } from '@doorstep/client';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { TokenSource } from './token.js';

/** Where a widget sends its requests, and the token it sends with them. */
export interface Api {
  endpoint: string;
  tokens: TokenSource;
}

/**
 * The context key for the API settings `<sg-provider>` shares. Widgets ask for it with the community
 * context protocol's `context-request` event (the one `@lit/context` speaks), so any provider of that
 * protocol can stand in for `<sg-provider>`.
 */
export const apiContext = 'doorstep-api' as const;

type ContextCallback = (value: Api, unsubscribe?: () => void) => void;

/** The community protocol's request: bubbles and crosses shadow roots to the closest provider. */
export class ContextRequestEvent extends Event {
  constructor(
    readonly context: typeof apiContext,
    readonly callback: ContextCallback,
    readonly subscribe: boolean,
  ) {
    super('context-request', { bubbles: true, composed: true });
  }
}

declare global {
  interface HTMLElementEventMap {
    'context-request': ContextRequestEvent;
  }
}

/** The default endpoint when neither the widget nor a provider names one. */
export const DEFAULT_ENDPOINT = '/graphql';

/**
 * Gives a widget its API settings: its own `endpoint` / `token` when set, else those of the closest
 * `<sg-provider>`, else `/graphql` with no token. Re-renders the host when the provider's change.
 */
export class ApiController implements ReactiveController {
  #provided: Api | undefined;
  #unsubscribe: (() => void) | undefined;
  readonly #own = new TokenSource(undefined);

  constructor(
    private readonly host: ReactiveControllerHost & HTMLElement & { endpoint?: string; token?: string },
    /**
     * Called when the provider's settings change while the widget is on the page: another person
     * signed in (a new `token` or `fetchToken`) or another endpoint. A widget that shows what it read
     * reads it again, so nothing the previous person could see stays on the screen. Called after
     * the page's scripts of that turn, and only if the widget is still on the page then.
     */
    private readonly onChange?: () => void,
  ) {
    host.addController(this);
  }

  hostConnected(): void {
    // The closest provider now (it answers at once), or none: another place in the page may have
    // another provider, or none.
    this.#provided = undefined;
    this.host.dispatchEvent(
      new ContextRequestEvent(
        apiContext,
        (value, unsubscribe) => {
          if (unsubscribe !== this.#unsubscribe) this.#unsubscribe?.();
          this.#unsubscribe = unsubscribe;
          const before = this.#provided;
          this.#provided = value;
          this.host.requestUpdate();
          // After the host page's own scripts of this turn, which may take the widget away.
          if (before && before !== value && this.onChange)
            setTimeout(() => this.host.isConnected && this.onChange?.());
        },
        true,
      ),
    );
  }

  hostDisconnected(): void {
    // What the widget had under way when it was taken off the page finishes with the settings it
    // was given (dropping them here sent those requests with no token at all).
    this.#unsubscribe?.();
    this.#unsubscribe = undefined;
  }

  /** The settings in force now. */
  get api(): Api {
    const { endpoint, token } = this.host;
    const provided = this.#provided;
    let tokens = provided?.tokens ?? this.#own;
    if (token) {
      this.#own.token = token;
      tokens = this.#own;
    }
    return { endpoint: endpoint || provided?.endpoint || DEFAULT_ENDPOINT, tokens };
  }
}

/**
 * Sends one operation with the current token. When the gateway answers `UNAUTHENTICATED` and a fresh
 * token can be fetched, fetches it and tries once more.
 */
export async function send<TResult, TVariables>(
  api: Api,
  operation: TypedDocumentString<TResult, TVariables>,
  ...variables: VariablesArgument<TVariables>
): Promise<TResult> {
  const attempt = async (token: string | undefined) =>
    request({ endpoint: api.endpoint, token }, operation, ...variables);
  try {
    return await attempt(await api.tokens.get());
  } catch (error) {
    if (!(error instanceof DoorstepError && error.code === 'UNAUTHENTICATED' && api.tokens.canRefresh))
      throw error;
    return attempt(await api.tokens.refresh());
  }
}
