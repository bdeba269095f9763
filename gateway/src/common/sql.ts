import type { EntityManager } from '@mikro-orm/postgresql';

export type Sql = <T = Record<string, unknown>>(sql: string, params?: readonly unknown[]) => Promise<T[]>;

/**
 * Plain SQL on the request's own transaction (and so under its row-level security), with `?`
 * placeholders. For what the ORM cannot say well: ranked trigram search, advisory locks, bulk
 * re-pointing, keyset pages over computed conditions.
 */
export function sqlOf(em: EntityManager): Sql {
  return (sql, params = []) =>
    em.getConnection().execute(sql, [...params], 'all', em.getTransactionContext()) as never;
}

/**
 * An array as one parameter (`?::uuid[]`, `?::text[]`): the driver expands a JavaScript array into
 * a list of values, so arrays are passed as PostgreSQL array literals.
 */
export function pgArray(values: readonly string[]): string {
  return `{${values.map((v) => `"${v.replace(/["\\]/g, '\\$&')}"`).join(',')}}`;
}
