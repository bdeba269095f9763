import type { EntityManager } from '@mikro-orm/postgresql';

/** An action is due by the end of its due day, London time: overdue from the midnight after. */
const ACTION_DUE_AT = `((a.due_on + 1)::timestamp at time zone 'Europe/London')`;

/**
 * Raises a task for the lead worker of each open case with an action past its due date
 * (CASE_ACTION_OVERDUE, about the action) or a review past due (CASE_REVIEW_OVERDUE, about the
 * case): one open task per action or case, however many gateway instances run it at the same
 * moment (a unique index on open case tasks, and `on conflict do nothing`). A task whose action has
 * since been done, cancelled or given a later date, or whose case was reviewed or closed, is marked
 * done by the same check. Runs on the owner's connection, across organisations, from the hourly
 * maintenance (like the overdue referrals). Returns how many it raised.
 */
export async function raiseCaseTasks(em: EntityManager, now = new Date()): Promise<number> {
  const connection = em.getConnection();
  const actions = (await connection.execute(
    `insert into task (organisation_id, id, kind, source_type, source_id, status, created_at, due_at, assignee_id)
     select a.organisation_id, gen_random_uuid(), 'CASE_ACTION_OVERDUE', 'CaseAction', a.id, 'OPEN', ?, ${ACTION_DUE_AT}, c.lead_worker_id
       from case_action a
       join safeguarding_case c on c.organisation_id = a.organisation_id and c.id = a.case_id
      where a.status = 'OPEN' and c.status = 'OPEN' and ${ACTION_DUE_AT} <= ?
     on conflict (organisation_id, kind, source_type, source_id)
        where status = 'OPEN' and kind in ('CASE_ACTION_OVERDUE', 'CASE_REVIEW_OVERDUE') do nothing
     returning id`,
    [now, now],
  )) as unknown[];
  const reviews = (await connection.execute(
    `insert into task (organisation_id, id, kind, source_type, source_id, status, created_at, due_at, assignee_id)
     select c.organisation_id, gen_random_uuid(), 'CASE_REVIEW_OVERDUE', 'Case', c.id, 'OPEN', ?, c.next_review_due, c.lead_worker_id
       from safeguarding_case c
      where c.status = 'OPEN' and c.next_review_due <= ?
     on conflict (organisation_id, kind, source_type, source_id)
        where status = 'OPEN' and kind in ('CASE_ACTION_OVERDUE', 'CASE_REVIEW_OVERDUE') do nothing
     returning id`,
    [now, now],
  )) as unknown[];
  await connection.execute(
    `update task t set status = 'DONE', done_at = ?
       from case_action a join safeguarding_case c on c.organisation_id = a.organisation_id and c.id = a.case_id
      where t.kind = 'CASE_ACTION_OVERDUE' and t.status = 'OPEN' and t.source_type = 'CaseAction'
        and a.organisation_id = t.organisation_id and a.id = t.source_id
        and (a.status <> 'OPEN' or c.status <> 'OPEN' or ${ACTION_DUE_AT} > ?)`,
    [now, now],
  );
  await connection.execute(
    `update task t set status = 'DONE', done_at = ?
       from safeguarding_case c
      where t.kind = 'CASE_REVIEW_OVERDUE' and t.status = 'OPEN' and t.source_type = 'Case'
        and c.organisation_id = t.organisation_id and c.id = t.source_id
        and (c.status <> 'OPEN' or c.next_review_due > ?)`,
    [now, now],
  );
  return actions.length + reviews.length;
}
