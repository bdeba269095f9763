import type { MikroORM } from '@mikro-orm/postgresql';
import type pg from 'pg';

/**
 * Error codes that say the database could not be reached or went away: the network's, and
 * PostgreSQL's connection exceptions (class 08), `admin_shutdown`, `crash_shutdown`,
 * `cannot_connect_now` (starting up, recovering, shutting down) and `too_many_connections`.
 */
const UNAVAILABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EPIPE',
  'ETIMEDOUT',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'EAI_AGAIN',
  '08000',
  '08001',
  '08003',
  '08004',
  '08006',
  '57P01',
  '57P02',
  '57P03',
  '53300',
]);

/**
 * What pg and knex say, without a code, when a connection ends under a query or cannot be had:
 * "Connection terminated unexpectedly", "Connection ended unexpectedly", "Client was closed and is
 * not queryable", "timeout exceeded when trying to connect", knex's "Timeout acquiring a connection".
 */
const UNAVAILABLE_MESSAGES =
  /Connection terminated|Connection ended unexpectedly|is not queryable|timeout exceeded when trying to connect|Timeout acquiring a connection/i;

/** knex's pool timing out, and ours: the connection went away under a request, or during COMMIT. */
const LOST = new Set(['KnexTimeoutError', 'ConnectionLostError', 'CommitOutcomeUnknownError']);

/**
 * True when `error`, or an error it wraps (`originalError` from GraphQL, `cause`), says the
 * database is unavailable: nothing about the request itself is wrong, and it may work shortly.
 * The one place that decides it: requests answer 503 for these, never 500.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 6; depth++) {
    if (LOST.has(String(e.name))) return true;
    if (typeof e.code === 'string') {
      if (UNAVAILABLE_CODES.has(e.code)) return true;
    } else if (typeof e.message === 'string' && UNAVAILABLE_MESSAGES.test(e.message)) {
      return true; // pg's own words: a statement's error (with SQL text in it) always has a code
    }
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return false;
}

/** The error's code (a PostgreSQL SQLSTATE or a network code), safe to log: never its message. */
export function unavailableCode(error: unknown): string | undefined {
  for (let e = error as Record<string, unknown> | undefined, depth = 0; e && depth < 6; depth++) {
    if (typeof e.code === 'string' && /^[A-Z0-9_]{2,20}$/.test(e.code)) return e.code;
    e = (e.originalError ?? e.cause) as typeof e;
  }
  return undefined;
}

/** The database went away under a request (`cause`: the first error it caused). */
export class ConnectionLostError extends Error {
  override readonly name = 'ConnectionLostError';
  constructor(cause: unknown) {
    super('the connection to the database was lost', { cause });
  }
}

/**
 * The connection went away while COMMIT was under way: PostgreSQL may or may not have committed.
 * Only an operation that is safe to repeat (an idempotency key) may be answered "try again".
 */
export class CommitOutcomeUnknownError extends Error {
  override readonly name = 'CommitOutcomeUnknownError';
  constructor(cause: unknown) {
    super('the connection to the database was lost during COMMIT', { cause });
  }
}

/**
 * pg runs one query at a time on a client and queues the rest, and warns that pg 9 will refuse a
 * query sent while another is still running. GraphQL resolves sibling fields concurrently, all on
 * the request's one transaction connection: so each pooled client gets a queue of its own here, and
 * a query is handed to pg only once the one before it has finished. Callback and promise forms are
 * queued; a submittable (a cursor or stream, unused here) goes straight through.
 */
export function oneQueryAtATime(client: pg.Client): void {
  const query = client.query.bind(client) as (...args: unknown[]) => unknown;
  let previous: Promise<unknown> = Promise.resolve();
  client.query = ((config: unknown, values?: unknown, callback?: unknown) => {
    if (typeof (config as { submit?: unknown } | undefined)?.submit === 'function') {
      return query(config, values, callback);
    }
    const done = (typeof values === 'function' ? values : callback) as
      ((error: Error | null, result?: unknown) => void) | undefined;
    const args = typeof values === 'function' || values === undefined ? [config] : [config, values];
    const result = previous.then(() => query(...args) as Promise<unknown>);
    previous = result.catch(() => undefined);
    if (!done) return result;
    result.then(
      (value) => done(null, value),
      (error: Error) => done(error),
    );
    return undefined;
  }) as typeof client.query;
}

/**
 * Readiness: the database answers `select 1` through the pool within `timeoutMs`. The answer is
 * kept for `cacheMs`, and concurrent probes share one check, so a load balancer's health checks
 * cannot add load to a struggling database.
 */
export function databaseReadiness(
  orm: MikroORM,
  {
    cacheMs = 1_000,
    timeoutMs = 2_000,
    /** False while the embedded PostgreSQL is known to be down: not ready at once, nothing kept. */
    running = (): boolean => true,
  } = {},
) {
  let last: { at: number; ready: boolean } | undefined;
  let pending: Promise<boolean> | undefined;

  const probe = async (): Promise<boolean> => {
    let timer: NodeJS.Timeout | undefined;
    const ready = await Promise.race([
      orm.em
        .getConnection()
        .execute('select 1')
        .then(
          () => true,
          () => false,
        ),
      new Promise<boolean>((resolve) => (timer = setTimeout(() => resolve(false), timeoutMs))),
    ]);
    clearTimeout(timer);
    last = { at: Date.now(), ready };
    return ready;
  };

  return (): Promise<boolean> => {
    if (!running()) {
      last = undefined;
      return Promise.resolve(false);
    }
    if (last && Date.now() - last.at < cacheMs) return Promise.resolve(last.ready);
    return (pending ??= probe().finally(() => (pending = undefined)));
  };
}
