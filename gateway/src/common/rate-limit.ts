import type { EntityManager } from '@mikro-orm/postgresql';
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
