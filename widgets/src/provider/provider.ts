import { html, LitElement, type PropertyValues, type TemplateResult } from 'lit';
import { property } from 'lit/decorators/property.js';
import { apiContext, DEFAULT_ENDPOINT, type Api, type ContextRequestEvent } from '../internal/api.js';
import { TokenSource, type TokenFetcher } from '../internal/token.js';
import { providerStyles } from './provider.styles.js';

/**
 * Gives every Doorstep widget inside it the gateway's address and a token, so each widget need not
 * be told. Give it a fixed `token`, or a `fetchToken` callback: widgets call it when they have no
 * token, a little before the current one expires (read from the JWT's `exp`), and once more when the
 * gateway says a token is no longer valid. A widget's own `endpoint` or `token` wins over these.
 *
 * ```html
 * <sg-provider endpoint="https://doorstep.example.org/graphql">
 *   <sg-concern-form></sg-concern-form>
 * </sg-provider>
 * <script type="module">
 *   document.querySelector('sg-provider').fetchToken = () => mySignIn.getDoorstepToken();
 * </script>
 * ```
 *
 * It answers the community context protocol's `context-request` event for the key `doorstep-api`.
 * It draws nothing itself (`display: contents`).
 *
 * @summary Shares the gateway address and token with the widgets inside it.
 *
 * @slot - The widgets (and anything else).
 */
export class SgProvider extends LitElement {
  static override styles = providerStyles;

  /** The gateway's GraphQL address. Default `/graphql`. */
  @property() endpoint = DEFAULT_ENDPOINT;

  /** A bearer token. Prefer the property, or `fetchToken`: the attribute is visible in the page. */
  @property() token: string | undefined = undefined;

  /**
   * Called for a fresh token when there is none, when the current one is about to expire, and when
   * the gateway refused it. Returns the token (or a promise of it).
   */
  @property({ attribute: false }) fetchToken: TokenFetcher | undefined = undefined;

  readonly #tokens = new TokenSource(undefined);
  readonly #subscribers = new Map<ContextRequestEvent['callback'], () => void>();
  #api: Api = { endpoint: DEFAULT_ENDPOINT, tokens: this.#tokens };

  constructor() {
    super();
    this.addEventListener('context-request', this.#onContextRequest);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    // A new token, or a new way to get one (another person signed in): the old token is dropped.
    if (changed.has('token') || changed.has('fetchToken')) this.#tokens.token = this.token || undefined;
    if (changed.has('fetchToken')) this.#tokens.fetcher = this.fetchToken;
    if (changed.has('endpoint')) {
      this.#api = { endpoint: this.endpoint || DEFAULT_ENDPOINT, tokens: this.#tokens };
      for (const [callback, unsubscribe] of this.#subscribers) callback(this.#api, unsubscribe);
    }
  }

  override render(): TemplateResult {
    return html`<slot></slot>`;
  }

  #onContextRequest = (event: ContextRequestEvent) => {
    if (event.context !== apiContext) return;
    event.stopPropagation();
    if (!event.subscribe) {
      event.callback(this.#api);
      return;
    }
    const unsubscribe = () => this.#subscribers.delete(event.callback);
    this.#subscribers.set(event.callback, unsubscribe);
    event.callback(this.#api, unsubscribe);
  };
}
