import { chronologyFilterSchema, type ChronologyFilterData } from '@doorstep/schema';
import { personVisible } from '../../auth/record-rules.js';
import { parseInput } from '../../common/input.js';
import { isUuid } from '../../common/pagination.js';
import { BadUserInputError, NotFoundError } from '../../errors.js';
import { readFields, readRoot, readType, type Source, type Sql } from '../../read/model.js';
import { utcDay } from '../../read/sql.js';
import { ChronologyEntry } from './chronology-entry.entity.js';

/** How the compiled read path reads a person's or household's chronology. */

readType({
  type: 'ChronologyEntry',
  entity: ChronologyEntry,
  fields: { householdId: { kind: 'value', sql: (t) => `${t}.household_id` } },
});

const filterOf = (args: Record<string, unknown>): ChronologyFilterData =>
  parseInput(chronologyFilterSchema, args.filter ?? {});

/**
 * A subject's entries the caller may see, narrowed by the filter (`listChronology`): a household's
 * own and its members' from while they lived there, or those naming a person; none naming a person
 * restricted from the caller. Candidates come first, as a union of ids, so each half uses its index.
 */
function entries(alias: string, sql: Sql, subject: { household: string } | { person: string }): Source {
  const e = alias;
  const where: string[] = [];
  if ('person' in subject) {
    where.push(`${e}.id in (select id from doorstep_entries_naming(array[${subject.person}]))`);
  } else {
    const h = subject.household;
    const organisation = sql.scope('organisationId');
    where.push(`${e}.id in (select x.id from chronology_entry x where x.organisation_id = ${organisation} and x.household_id = ${h}
                            union all
                            select n.id from doorstep_entries_naming(
                              array(select m.person_id from household_member m
                                     where m.organisation_id = ${organisation} and m.household_id = ${h})) n)`);
    where.push(`(${e}.household_id = ${h} or exists (
                  select 1 from household_member m
                   where m.organisation_id = ${e}.organisation_id and m.household_id = ${h} and m.person_id = any(${e}.person_ids)
                     and m.joined_on <= ${utcDay(`${e}.occurred_at`)}
                     and (m.left_on is null or m.left_on >= ${utcDay(`${e}.occurred_at`)})))`);
  }
  const kinds = sql.arg((args) => filterOf(args).kinds ?? null, 'text[]');
  const from = sql.arg((args) => filterOf(args).from ?? null, 'date');
  const to = sql.arg((args) => filterOf(args).to ?? null, 'date');
  const pinned = sql.arg((args) => filterOf(args).pinnedOnly, 'boolean');
  where.push(
    `(${kinds} is null or ${e}.kind = any(${kinds}))`,
    `(${from} is null or ${e}.occurred_at >= ${from})`,
    `(${to} is null or ${e}.occurred_at < ${to} + 1)`,
    `(not ${pinned} or ${e}.pinned)`,
    `not exists (select 1 from person p where p.organisation_id = ${e}.organisation_id and p.id = any(${e}.person_ids) and not ${personVisible('p', sql.scope('userId'))})`,
  );
  return { from: `chronology_entry ${e}`, where };
}

/** Oldest first, unless the filter asks for newest first: the statement's order depends on it. */
const direction = (sql: Sql) => (sql.known((args) => filterOf(args).newestFirst) ? 'desc' : 'asc');

readFields('Household', {
  chronology: {
    kind: 'connection',
    type: 'ChronologyEntry',
    at: 'occurred_at',
    id: 'id',
    source: ({ parent, alias, sql }) => entries(alias, sql, { household: `${parent}.id` }),
    audit: (parent) => ['HouseholdChronology', `${parent}.id`],
    direction,
  },
});

readFields('Person', {
  chronology: {
    kind: 'connection',
    type: 'ChronologyEntry',
    at: 'occurred_at',
    id: 'id',
    source: ({ parent, alias, sql }) => entries(alias, sql, { person: `${parent}.id` }),
    audit: (parent) => ['PersonChronology', `${parent}.id`],
    direction,
  },
});

/** `chronology(subject)`: a household's or a person's, which the caller must be able to see. */
const subjectOf = (sql: Sql) =>
  sql.known((args) => {
    const subject = args.subject as { personId?: string | null; householdId?: string | null };
    if (!!subject.personId === !!subject.householdId) {
      throw new BadUserInputError([
        { field: 'subject', code: 'invalid', message: 'Give either personId or householdId' },
      ]);
    }
    return subject.personId ? 'person' : 'household';
  });
const subjectId = (sql: Sql, kind: 'person' | 'household') =>
  sql.arg((args) => {
    const subject = args.subject as { personId?: string | null; householdId?: string | null };
    const id = kind === 'person' ? subject.personId : subject.householdId;
    if (!isUuid(String(id))) throw new NotFoundError(kind === 'person' ? 'Person' : 'Household');
    return id;
  }, 'uuid');

readRoot({
  field: 'chronology',
  type: 'ChronologyEntry',
  kind: 'connection',
  at: 'occurred_at',
  id: 'id',
  source: ({ alias, sql }) => {
    const kind = subjectOf(sql);
    return entries(alias, sql, { [kind]: subjectId(sql, kind) } as
      { household: string } | { person: string });
  },
  exists: (sql) => {
    const kind = subjectOf(sql);
    return kind === 'person'
      ? `exists (select 1 from person p where p.organisation_id = ${sql.scope('organisationId')} and p.id = ${subjectId(sql, kind)} and p.merged_into_id is null
                  and ${personVisible('p', sql.scope('userId'))})`
      : `exists (select 1 from household h where h.organisation_id = ${sql.scope('organisationId')} and h.id = ${subjectId(sql, kind)})`;
  },
  audit: (sql) => {
    const kind = subjectOf(sql);
    return [kind === 'person' ? 'PersonChronology' : 'HouseholdChronology', subjectId(sql, kind)];
  },
  direction,
  notFound: (args) =>
    new NotFoundError((args.subject as { personId?: string | null }).personId ? 'Person' : 'Household'),
});
