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
