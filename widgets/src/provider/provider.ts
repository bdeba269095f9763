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

  readonly #tokens = new TokenSource(undefined);
  #token: string | undefined;
  #fetchToken: TokenFetcher | undefined;

  /** A bearer token. Prefer the property, or `fetchToken`: the attribute is visible in the page. */
  @property()
  get token(): string | undefined {
    return this.#token;
  }
  set token(value: string | undefined) {
    this.#token = value;
    this.#tokens.use(value || undefined, this.#fetchToken);
    this.#announce();
  }

  /**
   * Called for a fresh token when there is none, when the current one is about to expire, and when
   * the gateway refused it. Returns the token (or a promise of it).
   *
   * Setting it (another person signed in) drops the previous person's token at once, before any
   * widget made after it asks: nothing goes out under the previous person's name.
   */
  @property({ attribute: false })
  get fetchToken(): TokenFetcher | undefined {
    return this.#fetchToken;
  }
  set fetchToken(value: TokenFetcher | undefined) {
    this.#fetchToken = value;
    this.#tokens.use(this.#token || undefined, value);
    this.#announce();
  }

  readonly #subscribers = new Map<ContextRequestEvent['callback'], () => void>();
  #api: Api = { endpoint: DEFAULT_ENDPOINT, tokens: this.#tokens };

  constructor() {
    super();
    this.addEventListener('context-request', this.#onContextRequest);
  }

  override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('endpoint')) this.#announce();
  }

  /** New settings for the widgets inside: each that listens reads again (see `ApiController`). */
  #announce(): void {
    this.#api = { endpoint: this.endpoint || DEFAULT_ENDPOINT, tokens: this.#tokens };
    for (const [callback, unsubscribe] of this.#subscribers) callback(this.#api, unsubscribe);
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
