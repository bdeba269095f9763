import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';

/** The unprivileged database role every request runs as (made by the migrations). */
export const APP_ROLE = 'doorstep_app';

/**
 * Opens one request's unit of work: a transaction, switched to the `doorstep_app` role, with the
 * caller's organisation set. PostgreSQL's row-level security then hides and refuses every other
 * organisation's rows, whatever a resolver or service forgets to check. Both settings are local to
 * the transaction, so nothing carries over to the next request on the same pooled connection.
 * Without an organisation (no token), every organisation-owned row is hidden.
 */
export async function openScope(orm: MikroORM, organisationId: string | undefined): Promise<EntityManager> {
  const em = orm.em.fork({ clear: true, useContext: false }) as EntityManager;
  await em.begin();
  try {
    await em
      .getConnection()
      .execute(
        `select set_config('role', ?, true), set_config('doorstep.organisation_id', ?, true)`,
        [APP_ROLE, organisationId ?? ''],
        'run',
        em.getTransactionContext(),
      );
  } catch (error) {
    await em.rollback().catch(() => undefined);
    throw error;
  }
  return em;
}

/**
 * Commits a scope, or throws if it cannot commit what it holds. A statement that failed inside the
 * transaction (outside a savepoint) aborts it, and PostgreSQL then answers COMMIT with a ROLLBACK
 * and no error: a request whose failure was answered as an error on one field would lose the audit
 * rows already written for the rest of its answer, and still send that answer. The statement
 * before COMMIT fails on an aborted transaction instead.
 */
export async function commitScope(em: EntityManager): Promise<void> {
  // Before the flush that commit() makes: on an aborted transaction that flush fails too, but only
  // when there is something left to write.
  await em.getConnection().execute('select 1', [], 'run', em.getTransactionContext());
  await em.commit();
}

/** Runs `work` in a scope of its own, committing if it succeeds and rolling back if it throws. */
export async function inScope<T>(
  orm: MikroORM,
  organisationId: string | undefined,
  work: (em: EntityManager) => Promise<T>,
): Promise<T> {
  const em = await openScope(orm, organisationId);
  try {
    const result = await work(em);
    await commitScope(em);
    return result;
  } catch (error) {
    await em.rollback().catch(() => undefined);
    throw error;
  }
}
