import type { EntityManager } from '@mikro-orm/postgresql';
import { isoDateOf, searchQuerySchema } from '@doorstep/schema';
import { z } from 'zod';
import { parseInput } from '../../common/input.js';
import { pageSize, type ConnectionShape } from '../../common/pagination.js';
import { sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { Household } from '../household/household.entity.js';
import { Person } from '../person/person.entity.js';
import { personVisibleSql, visibilityParams } from '../person/visibility.js';

/**
 * Ranked search over people (by name and other names, or the address and tenancy reference of the
 * household they live in) and households (by address, postcode, tenancy reference, or the name of
 * someone living there), with PostgreSQL's trigram matching (pg_trgm's word similarity, through
 * GIN indexes). Restricted people the caller may not see, and merged-away records, are never found,
 * and never make a household match. Results are audited as reads; the words searched for are not
 * recorded anywhere.
 */

/** How alike (0–1) the words searched for must be to some part of the text. */
const WORD_SIMILARITY = 0.5;

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
  if (!match)
    throw new BadUserInputError([{ field: 'after', code: 'invalid_cursor', message: 'Not a valid cursor' }]);
  return Number(match[1]);
}

const PERSON_TEXT = 'doorstep_person_search_text(p.given_name, p.family_name, p.other_names)';
const HOUSEHOLD_TEXT =
  'doorstep_household_search_text(h.tenancy_reference, h.address_line1, h.address_line2, h.town, h.postcode)';
/** Living there today. */
const CURRENT = `m.joined_on <= ?::date and (m.left_on is null or m.left_on >= ?::date)`;

async function ranked<T extends object>(
  em: EntityManager,
  entity: new () => T,
  hitsSql: string,
  params: unknown[],
  table: string,
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Match<T>> & { ids: string[] }> {
  const limit = pageSize(args.first);
  const offset = offsetOf(args.after);
  const sql = sqlOf(em);
  await sql(`select set_config('pg_trgm.word_similarity_threshold', ?, true)`, [String(WORD_SIMILARITY)]);
  const rows = await sql<Record<string, unknown> & { score: number; total: number }>(
    `with hits as (${hitsSql}),
          best as (select id, max(score) as score from hits group by id)
     select t.*, best.score, count(*) over ()::int as total
       from best join ${table} t on t.id = best.id
      order by best.score desc, t.id
      limit ? offset ?`,
    [...params, limit + 1, offset],
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
  const visible = `p.merged_into_id is null and ${personVisibleSql('p')}`;
  const result = await ranked(
    em,
    Person,
    `select p.id, word_similarity(?, ${PERSON_TEXT}) as score
       from person p where ${PERSON_TEXT} %> ? and ${visible}
     union all
     select p.id, 0.9 * word_similarity(?, ${HOUSEHOLD_TEXT}) as score
       from household h join household_member m on m.household_id = h.id and ${CURRENT}
       join person p on p.id = m.person_id
      where ${HOUSEHOLD_TEXT} %> ? and ${visible}`,
    [q, q, ...visibilityParams(caller), q, today, today, q, ...visibilityParams(caller)],
    'person',
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
    `select h.id, word_similarity(?, ${HOUSEHOLD_TEXT}) as score
       from household h where ${HOUSEHOLD_TEXT} %> ?
     union all
     select m.household_id as id, 0.9 * word_similarity(?, ${PERSON_TEXT}) as score
       from person p join household_member m on m.person_id = p.id and ${CURRENT}
      where ${PERSON_TEXT} %> ? and p.merged_into_id is null and ${personVisibleSql('p')}`,
    [q, q, q, today, today, q, ...visibilityParams(caller)],
    'household',
    args,
  );
  audit(em, caller, 'READ', result.ids.length ? 'Household' : 'HouseholdSearch', result.ids);
  return result;
}
