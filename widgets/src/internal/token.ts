/** A function the host page gives to fetch a fresh token (from its own sign-in) when one expires. */
export type TokenFetcher = () => Promise<string | undefined> | string | undefined;

/** Refresh this long before the token's `exp`, so a request never leaves with a token about to lapse. */
export const REFRESH_MARGIN_MS = 60_000;

/**
 * When a JWT expires (ms since the epoch), read from its payload's `exp`, or undefined if the token
 * is not a JWT or has no `exp`. The signature is not checked: that is the gateway's job; this only
 * decides when to ask for a new one.
 */
export function tokenExpiry(token: string): number | undefined {
  const exp = claims(token)?.exp;
  return typeof exp === 'number' ? exp * 1000 : undefined;
}

/** Whom a JWT speaks for (`sub`), unverified: only to keep one person's queued concerns theirs. */
export function tokenSubject(token: string | undefined): string | undefined {
  const sub = token ? claims(token)?.sub : undefined;
  return typeof sub === 'string' ? sub : undefined;
}

function claims(token: string): Record<string, unknown> | undefined {
  const payload = token.split('.')[1];
  if (!payload) return undefined;
  try {
    return JSON.parse(atob(payload.replace(/-/g, '+').replace(/_/g, '/'))) as Record<string, unknown>;
  } catch {
    return undefined;
  }
}

/**
 * The token a widget sends: a fixed one, or one fetched by the host's callback and fetched again a
 * little before it expires, or when the gateway says it is no longer valid.
 *
 * `use` changes who the widgets speak for (another person signed in). From then on no token fetched
 * for the person before is kept or handed out, even one whose fetch was still on its way: a caller
 * waiting on it gets the new person's token instead.
 */
export class TokenSource {
  #refreshing: Promise<string | undefined> | undefined;
  /** Counts `use` calls: a fetch started under an earlier one answers for someone else. */
  #generation = 0;

  constructor(
    public token: string | undefined,
    public fetcher: TokenFetcher | undefined = undefined,
  ) {}

  /** A new token, or a new way to get one: what the source had before is dropped. */
  use(token: string | undefined, fetcher: TokenFetcher | undefined): void {
    this.token = token;
    this.fetcher = fetcher;
    this.#generation++;
    this.#refreshing = undefined;
  }

  /** True when a fresh token can be asked for. */
  get canRefresh(): boolean {
    return !!this.fetcher;
  }

  /** The token to send now: fetched first when there is none or it expires within the margin. */
  async get(): Promise<string | undefined> {
    if (!this.fetcher) return this.token;
    const expiry = this.token ? tokenExpiry(this.token) : undefined;
    const stale = !this.token || (expiry !== undefined && expiry - Date.now() < REFRESH_MARGIN_MS);
    return stale ? this.refresh() : this.token;
  }

  /** Asks the host for a fresh token. Calls made while one is on its way share it. */
  refresh(): Promise<string | undefined> {
    const fetcher = this.fetcher;
    if (!fetcher) return Promise.resolve(this.token);
    if (!this.#refreshing) {
      const generation = this.#generation;
      const refreshing: Promise<string | undefined> = Promise.resolve()
        .then(() => fetcher())
        .then((fetched) => {
          // Someone else signed in while it was fetched: theirs is the token to send now.
          if (generation !== this.#generation) return this.get();
          this.token = fetched || undefined;
          return this.token;
        })
        .finally(() => {
          if (this.#refreshing === refreshing) this.#refreshing = undefined;
        });
      this.#refreshing = refreshing;
    }
    return this.#refreshing;
  }
}
