import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import { IDEMPOTENCY_KEEP_DAYS } from '../common/idempotency.js';
import type { Logger } from '../logger.js';
import { sealUntilCaughtUp } from '../modules/audit/audit-chain.js';
import { FEEDBACK_LINK_KEEP_DAYS } from '../modules/feedback/feedback-link.service.js';
import { raiseOverdueTasks } from '../modules/referral/response-due.service.js';
import { raiseCaseTasks } from '../modules/case/case-tasks.js';
import { purgeWebhookLog } from '../modules/webhook/webhooks.service.js';
import { compactTallies } from '../modules/report/report-tally.js';
import { sqlOf } from '../common/sql.js';
import { isDatabaseUnavailable, unavailableCode } from './availability.js';

/**
 * Forgets idempotency keys older than `IDEMPOTENCY_KEEP_DAYS` (a retry with one is then a new
 * submission), rate-limit windows that started more than a day ago (a window lasts a minute), and
 * one-time feedback links used or expired more than `FEEDBACK_LINK_KEEP_DAYS` ago (a forgotten
 * link's token is then not valid, so still never accepted). Links that named feedback holds stay
 * with it: feedback is never changed. And the webhook delivery log's old attempts and finished
 * deliveries (`purgeWebhookLog`).
 */
export async function purgeExpired(em: EntityManager): Promise<void> {
  const connection = em.getConnection();
  await connection.execute(
    `delete from idempotency_record where created_at < now() - make_interval(days => ?)`,
    [IDEMPOTENCY_KEEP_DAYS],
  );
  await connection.execute(`delete from rate_limit_window where window_start < now() - interval '1 day'`);
  await connection.execute(
    `delete from feedback_link l
      where coalesce(l.used_at, l.expires_at) < now() - make_interval(days => ?)
        and not exists (select 1 from feedback f where f.link_id = l.id)`,
    [FEEDBACK_LINK_KEEP_DAYS],
  );
  await purgeWebhookLog(em);
}

export interface Maintenance {
  /** Seals new audit rows now (also runs every `sealEveryMs`). */
  sealNow(): Promise<number>;
  stop(): Promise<void>;
}

/**
 * Background work of a gateway instance, on the owner's connection: seals new audit rows into
 * their hash chains every few seconds (each run until caught up, for at most three quarters of the
 * interval) and then folds the reports' new tally rows into their days' totals (`compactTallies`,
 * a quarter of the interval at most), and hourly forgets idempotency keys past their keeping time,
 * old rate-limit windows and long-used or long-expired feedback links, and raises a task for each
 * referral newly overdue. Any number of instances may run it: the sealer and the folding take an
 * advisory lock each, and an overdue referral's task is unique.
 */
export function startMaintenance(orm: MikroORM, logger: Logger, sealEveryMs = 2_000): Maintenance {
  let running: Promise<unknown> = Promise.resolve();
  const em = () => orm.em.fork() as EntityManager;

  /** A run the database was unavailable for is done by the next one: a warning, not an error. */
  const failed = (event: string, error: unknown) =>
    isDatabaseUnavailable(error)
      ? logger.warn(`${event}_deferred`, { code: unavailableCode(error) })
      : logger.error(`${event}_failed`, { kind: (error as Error)?.constructor?.name });

  const seal = async () => {
    try {
      const sealed = await sealUntilCaughtUp(em, { budgetMs: Math.max(sealEveryMs * 0.75, 100) });
      if (sealed) logger.debug('audit.sealed', { rows: sealed });
      return sealed;
    } catch (error) {
      failed('audit.seal', error);
      return 0;
    }
  };
  const compact = async () => {
    try {
      const folded = await compactTallies(sqlOf(em()), Math.max(sealEveryMs * 0.25, 50));
      if (folded) logger.debug('report.tally_compacted', { rows: folded });
    } catch (error) {
      failed('report.tally_compact', error);
    }
  };
  const purge = async () => {
    try {
      await purgeExpired(em());
    } catch (error) {
      failed('maintenance.purge', error);
    }
    try {
      const raised = await raiseOverdueTasks(em());
      if (raised) logger.info('referral.overdue_tasks', { tasks: raised });
    } catch (error) {
      failed('referral.overdue', error);
    }
    try {
      const raised = await raiseCaseTasks(em());
      if (raised) logger.info('case.overdue_tasks', { tasks: raised });
    } catch (error) {
      failed('case.overdue', error);
    }
  };

  // A tick while the last run is still waiting or sealing adds nothing: that run catches up.
  let sealQueued = false;
  const sealTick = () => {
    if (sealQueued) return;
    sealQueued = true;
    running = running.then(() => {
      sealQueued = false;
      return seal().then(compact);
    });
  };
  const sealTimer = setInterval(sealTick, sealEveryMs);
  const purgeTimer = setInterval(() => (running = running.then(purge)), 60 * 60 * 1000);
  sealTimer.unref();
  purgeTimer.unref();
  running = running.then(purge);

  return {
    sealNow: () => (running = running.then(seal)) as Promise<number>,
    async stop() {
      clearInterval(sealTimer);
      clearInterval(purgeTimer);
      await running;
      await seal(); // what the last requests wrote goes into the chain before we stop
    },
  };
}
