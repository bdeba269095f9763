import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import type { Caller } from '../context.js';
import { DoorstepError } from '../errors.js';

export class RateLimitedError extends DoorstepError {
  constructor(retryAfterSeconds: number) {
    super('RATE_LIMITED', `Too many requests. Try again in ${retryAfterSeconds} seconds.`, {
      retryAfterSeconds,
      http: { status: 429, headers: new Map([['retry-after', String(retryAfterSeconds)]]) },
    });
  }
}

export interface Limit {
  /** What is counted, e.g. `public-token:<id>` or `address:<ip>`. */
  key: string;
  max: number;
  windowSeconds: number;
}

/**
 * Counts one request against each limit (fixed windows, kept in PostgreSQL so every gateway
 * instance shares the count) and refuses with RATE_LIMITED once any is over.
 */
export async function consume(em: EntityManager, limits: readonly Limit[]): Promise<void> {
  for (const limit of limits) {
    const rows = await em.getConnection().execute<{ hits: number; retry: number }[]>(
      `insert into rate_limit_window (key, window_start, hits)
       values (?, to_timestamp(floor(extract(epoch from now()) / ?) * ?), 1)
       on conflict (key, window_start) do update set hits = rate_limit_window.hits + 1
       returning hits, ceil(extract(epoch from window_start) + ? - extract(epoch from now()))::int as retry`,
      [limit.key, limit.windowSeconds, limit.windowSeconds, limit.windowSeconds],
      'all',
      em.getTransactionContext(),
    );
    const row = rows[0]!;
    if (row.hits > limit.max) throw new RateLimitedError(Math.max(1, row.retry));
  }
}

/** The limits on what the public and tenants can send (`Config.publicLimits`). */
export interface PublicLimits {
  perToken: Omit<Limit, 'key'>;
  perAddress: Omit<Limit, 'key'>;
}

/**
 * Counts one request from a public form (public token) or a tenant site (tenant token) per token
 * and per network address, and refuses with RATE_LIMITED once either is over. Every public
 * operation (concerns, feedback, link checks) draws on the same two counts. Call it before doing
 * anything else, on the request's own unit of work (not inside the work's transaction), so a
 * refused or failed request is still counted.
 */
export async function consumePublicLimits(
  em: EntityManager,
  caller: Caller,
  limits: PublicLimits,
  clientAddress: string,
): Promise<void> {
  const identity = caller.identity;
  const tokenKey =
    identity.kind === 'public'
      ? `public-token:${identity.publicTokenId}`
      : `organisation:${identity.organisationId}:${identity.kind}`;
  await consume(em, [
    { key: tokenKey, ...limits.perToken },
    { key: `address:${addressDigest(clientAddress)}`, ...limits.perAddress },
  ]);
}

/** Addresses are counted by a digest: no count, in the database or in memory, holds an address. */
export const addressDigest = (clientAddress: string) =>
  createHash('sha256').update(clientAddress).digest('hex').slice(0, 32);

/**
 * Counts requests per network address in this instance's memory, without the database: a token
 * bucket of `max` requests per address, refilled evenly over `windowSeconds`. For requests that
 * must be refused before any database work (those without a valid token). Each instance counts
 * on its own, so behind N instances an address gets up to N times the limit. The least recently
 * seen addresses are forgotten beyond `maxAddresses` (a forgotten address starts again full).
 */
export class AddressLimiter {
  readonly #buckets = new Map<string, { tokens: number; at: number }>();
  readonly #perMs: number;

  constructor(
    private readonly limit: Omit<Limit, 'key'>,
    private readonly maxAddresses = 100_000,
  ) {
    this.#perMs = limit.max / (limit.windowSeconds * 1000);
  }

  /**
   * Counts one request from `clientAddress`. Undefined when it may go ahead; when its bucket is
   * empty, the seconds until it may try again.
   */
  take(clientAddress: string, now = Date.now()): number | undefined {
    const key = addressDigest(clientAddress);
    const bucket = this.#buckets.get(key) ?? { tokens: this.limit.max, at: now };
    this.#buckets.delete(key);
    bucket.tokens = Math.min(this.limit.max, bucket.tokens + (now - bucket.at) * this.#perMs);
    bucket.at = now;
    if (this.#buckets.size >= this.maxAddresses) this.#buckets.delete(this.#buckets.keys().next().value!);
    this.#buckets.set(key, bucket);
    if (bucket.tokens < 1) return Math.ceil((1 - bucket.tokens) / this.#perMs / 1000);
    bucket.tokens -= 1;
    return undefined;
  }
}
