import type { EntityManager, Knex, MikroORM } from '@mikro-orm/postgresql';
import { CommitOutcomeUnknownError, ConnectionLostError, isDatabaseUnavailable } from './availability.js';

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
    const lost = await connectionLost(em);
    await em.rollback().catch(() => undefined);
    throw lost ? new ConnectionLostError(error) : error;
  }
  return em;
}

/**
 * Commits a scope, or throws if it cannot commit what it holds. A statement that failed inside the
 * transaction (outside a savepoint) aborts it, and PostgreSQL then answers COMMIT with a ROLLBACK
 * and no error: a request whose failure was answered as an error on one field would lose the audit
 * rows already written for the rest of its answer, and still send that answer. The statement
 * before COMMIT fails on an aborted transaction instead.
 *
 * A connection lost before COMMIT leaves nothing committed (PostgreSQL rolls back a transaction
 * whose connection ends). Lost during COMMIT, the outcome is unknown: `CommitOutcomeUnknownError`.
 */
export async function commitScope(em: EntityManager): Promise<void> {
  // Before the flush: on an aborted transaction that flush fails too, but only when there is
  // something left to write.
  await em.getConnection().execute('select 1', [], 'run', em.getTransactionContext());
  await em.flush();
  try {
    await em.commit(); // nothing left to flush: only COMMIT
  } catch (error) {
    throw isDatabaseUnavailable(error) || (await connectionLost(em))
      ? new CommitOutcomeUnknownError(error)
      : error;
  }
}

/**
 * Whether the connection under a scope has gone (closed by PostgreSQL or the network): then each
 * error of its request follows from that, in whatever words knex found for it ("Transaction query
 * already complete" for each statement after its BEGIN or a SAVEPOINT failed, …).
 */
export async function connectionLost(em: EntityManager): Promise<boolean> {
  const transaction = em.getTransactionContext<Knex.Transaction>();
  if (!transaction) return false;
  // A transaction knex ended because BEGIN (or COMMIT, ROLLBACK) failed keeps why: as soon as the
  // server's error came, before its closing of the connection.
  if (transaction.isCompleted()) {
    const ended = await Promise.race([
      transaction.executionPromise.then(
        () => undefined,
        (error: unknown) => error,
      ),
      new Promise((resolve) => setImmediate(resolve)),
    ]);
    if (isDatabaseUnavailable(ended)) return true;
  }
  // knex marks a connection it must not reuse (its `end` or `error` event came). The event can
  // come a moment after the error it explains (a statement refused as "Transaction query already
  // complete" once knex ended the transaction under a sibling's lost query): wait a little for it.
  const connection = (await transaction.client.acquireConnection()) as { __knex__disposed?: unknown };
  for (let waited = 0; !connection.__knex__disposed && waited < DISPOSAL_GRACE_MS; waited += 10) {
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  return Boolean(connection.__knex__disposed);
}

/** How long an unexplained failure waits for its connection to be marked lost (errors only). */
const DISPOSAL_GRACE_MS = 300;

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
