import type { EntityManager } from '@mikro-orm/postgresql';
import { isoDateOf, searchQuerySchema } from '@doorstep/schema';
import { z } from 'zod';
import { parseInput } from '../../common/input.js';
import { invalidCursor, pageSize, type ConnectionShape } from '../../common/pagination.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { audit } from '../audit/audit.service.js';
import { Household } from '../household/household.entity.js';
import { Person } from '../person/person.entity.js';
import { personVisibleSql, visibilityParams } from '../access/visibility.js';

/**
 * Ranked search over people (by name and other names, or the address and tenancy reference of the
 * household they live in) and households (by address, postcode, tenancy reference, or the name of
 * someone living there), with PostgreSQL's trigram matching (pg_trgm's word similarity, through
 * GIN indexes, in the `doorstep_match_*` functions of the search migration, which keep to the
 * caller's organisation). At most the 200 best matches of each kind are ranked. Restricted people the
 * caller may not see, and merged-away records, are never found, and never make a household match.
 * Results are audited as reads; the words searched for are not recorded anywhere.
 */

export interface Match<T> {
  score: number;
  node: T;
}

const parseQuery = (query: unknown) => parseInput(z.object({ query: searchQuerySchema }), { query }).query;

/** Pages of ranked results: the cursor is the position in the ranking. */
const offsetCursor = (offset: number) => Buffer.from(`offset:${offset}`).toString('base64url');
function offsetOf(after: string | null | undefined): number {
  if (!after) return 0;
  const match = /^offset:(\d{1,6})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!match) throw invalidCursor();
  return Number(match[1]);
}

/** Living there today. */
const CURRENT = `m.joined_on <= ?::date and (m.left_on is null or m.left_on >= ?::date)`;

async function ranked<T extends object>(
  em: EntityManager,
  entity: new () => T,
  hitsSql: string,
  params: unknown[],
  table: string,
  /** A condition on the result rows (`t`), and its parameters. */
  keep: string,
  keepParams: unknown[],
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Match<T>> & { ids: string[] }> {
  const limit = pageSize(args.first);
  const offset = offsetOf(args.after);
  const sql = sqlOf(em);
  const rows = await sql<Record<string, unknown> & { score: number; total: number }>(
    `with hits as (${hitsSql}),
          best as (select id, max(score) as score from hits group by id)
     select t.*, best.score, count(*) over ()::int as total
       from best join ${table} t on t.id = best.id
      where ${keep}
      order by best.score desc, t.id
      limit ? offset ?`,
    [...params, ...keepParams, limit + 1, offset],
  );
  const page = rows.slice(0, limit);
  const edges = page.map((row, i) => ({
    cursor: offsetCursor(offset + i + 1),
    node: { score: Math.round(Number(row.score) * 1000) / 1000, node: em.map(entity, row) },
  }));
  return {
    totalCount: rows[0]?.total ?? 0,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
    ids: page.map((row) => row.id as string),
  };
}

export async function searchPeople(
  em: EntityManager,
  caller: Caller,
  rawQuery: unknown,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Match<Person>>> {
  const q = parseQuery(rawQuery).toLowerCase();
  const today = isoDateOf();
  const result = await ranked(
    em,
    Person,
    `select f.id, f.score from doorstep_match_people(?) f
     union all
     select m.person_id, 0.9 * f.score from doorstep_match_households(?) f
       join household_member m on m.household_id = f.id and ${CURRENT}`,
    [q, q, today, today],
    'person',
    `t.merged_into_id is null and ${personVisibleSql('t')}`,
    visibilityParams(caller),
    args,
  );
  audit(em, caller, 'READ', result.ids.length ? 'Person' : 'PersonSearch', result.ids);
  return result;
}

export async function searchHouseholds(
  em: EntityManager,
  caller: Caller,
  rawQuery: unknown,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Match<Household>>> {
  const q = parseQuery(rawQuery).toLowerCase();
  const today = isoDateOf();
  const result = await ranked(
    em,
    Household,
    `select f.id, f.score from doorstep_match_households(?) f
     union all
     select m.household_id, 0.9 * f.score from doorstep_match_people(?) f
       join person p on p.id = f.id and p.merged_into_id is null and ${personVisibleSql('p')}
       join household_member m on m.person_id = p.id and ${CURRENT}`,
    [q, q, ...visibilityParams(caller), today, today],
    'household',
    'true',
    [],
    args,
  );
  audit(em, caller, 'READ', result.ids.length ? 'Household' : 'HouseholdSearch', result.ids);
  return result;
}
