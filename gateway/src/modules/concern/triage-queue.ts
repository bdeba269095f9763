import type { EntityManager } from '@mikro-orm/postgresql';
import { CONCERN_URGENCIES, type ConcernStatus, type ConcernUrgency } from '@doorstep/schema';
import {
  decodeCursor,
  encodeCursor,
  invalidCursor,
  pageAndTotal,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { Concern } from './concern.entity.js';
import { auditedConcernPage, concernVisibleParams, concernVisibleSql } from './concern.service.js';

/**
 * How soon a concern's first triage is due after it is raised, by its urgency (docs/domain.md,
 * "Triage"): in hours, round the clock — safeguarding does not wait for Monday.
 */
export const TRIAGE_DUE_HOURS: Record<ConcernUrgency, number> = {
  IMMEDIATE_DANGER: 1,
  URGENT: 24,
  ROUTINE: 72,
  LOW_LEVEL: 168,
};

/** When a concern still waiting for its first triage is due to be triaged; none once triaged. */
export function triageDueAt(concern: Pick<Concern, 'status' | 'urgency' | 'raisedAt'>): Date | null {
  if (concern.status !== ('RAISED' satisfies ConcernStatus)) return null;
  return new Date(concern.raisedAt.getTime() + TRIAGE_DUE_HOURS[concern.urgency] * 3_600_000);
}

/** `triageDueAt` as SQL over the concern row `t`: the same value. */
export const triageDueSql = (t: string): string =>
  `case when ${t}.status = 'RAISED' then ${t}.raised_at + case ${t}.urgency ${CONCERN_URGENCIES.map(
    (u) => `when '${u}' then interval '${TRIAGE_DUE_HOURS[u]} hours'`,
  ).join(' ')} end end`;

/** 1 for IMMEDIATE_DANGER … 4 for LOW_LEVEL: most urgent first. */
const rankSql = (t: string) =>
  `array_position(array[${CONCERN_URGENCIES.map((u) => `'${u}'`).join(', ')}]::text[], ${t}.urgency)`;

/**
 * The order, and the keyset its cursors run over: urgency, then raised (to the millisecond, as a
 * cursor holds it: a time written by SQL has microseconds), then id.
 */
const orderSql = (t: string) => `${rankSql(t)}, date_trunc('milliseconds', ${t}.raised_at), ${t}.id`;

/** A page cursor over (urgency, raised, id): the urgency's rank, then a (time, id) cursor. */
const encodeQueueCursor = (concern: Concern) =>
  `${CONCERN_URGENCIES.indexOf(concern.urgency) + 1}.${encodeCursor(concern.raisedAt, concern.id)}`;

function decodeQueueCursor(cursor: string): { rank: number; at: Date; id: string } {
  const match = /^([1-9])\.(.+)$/.exec(cursor);
  if (!match || Number(match[1]) > CONCERN_URGENCIES.length) throw invalidCursor();
  return { rank: Number(match[1]), ...decodeCursor(match[2]!) };
}

/**
 * The concerns of the caller's organisation waiting for their first triage (RAISED), most urgent
 * first and, within an urgency, the longest waiting first — so the soonest due is first in each.
 * Concerns naming someone restricted from the caller are left out, as everywhere. Audited as a read
 * of each concern on the page.
 */
export async function listConcernsToTriage(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Concern>> {
  const limit = pageSize(args.first);
  const cursor = args.after ? decodeQueueCursor(args.after) : undefined;
  const { rows, total } = await pageAndTotal(sqlOf(em), {
    select: 'c.*',
    from: 'concern c',
    where: `c.organisation_id = ? and c.status = 'RAISED' and ${concernVisibleSql}`,
    params: [caller.identity.organisationId, ...concernVisibleParams(caller)],
    cursor: cursor && {
      where: `(${orderSql('c')}) > (?::int, ?::timestamptz, ?::uuid)`,
      params: [cursor.rank, cursor.at, cursor.id],
    },
    orderBy: orderSql('c'),
    limit: limit + 1,
  });
  return auditedConcernPage(em, caller, { rows, total }, limit, encodeQueueCursor);
}
