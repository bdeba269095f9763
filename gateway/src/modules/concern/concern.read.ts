import { concernVisible, personVisible } from '../../auth/record-rules.js';
import { NotFoundError } from '../../errors.js';
import {
  byKey,
  idArgument,
  readFields,
  readRoot,
  readType,
  type Source,
  type SourceInput,
} from '../../read/model.js';
import { childOn, isoMoment, utcDay } from '../../read/sql.js';
import { ConcernNamedPerson } from './concern-named-person.entity.js';
import { ConcernTriage } from './concern-triage.entity.js';
import { Concern } from './concern.entity.js';
import { triageDueSql } from './triage-queue.js';

/** How the compiled read path reads concerns, the people they name and their triage history. */

/**
 * The day a concern is about: when it happened, or else when it was raised (UTC). From the concern
 * row when the source joined it (`joins.concern`), else looked up by the `row`'s `concern_id`.
 */
const eventDay = (row: string, joins: Readonly<Record<string, string>>) => {
  const day = (c: string) => utcDay(`coalesce(${c}.happened_at, ${c}.raised_at)`);
  return joins.concern
    ? day(joins.concern)
    : `(select ${day('c')} from concern c where c.organisation_id = ${row}.organisation_id and c.id = ${row}.concern_id)`;
};

/** The people a concern names in one role, in the order named; anyone restricted from the caller left out. */
const people =
  (role: 'SUBJECT' | 'ALLEGED_SOURCE') =>
  ({ parent, alias, sql }: SourceInput): Source => {
    const person = sql.alias('p');
    return {
      from: `concern_person ${alias} join person ${person} on ${person}.id = ${alias}.person_id`,
      where: [
        `${alias}.concern_id = ${parent}.id`,
        `${alias}.role = '${role}'`,
        personVisible(person, sql.scope('userId')),
      ],
      orderBy: [`${alias}.ordinal`, `${alias}.id`],
      joins: { person, concern: parent },
    };
  };

readType({
  type: 'Concern',
  entity: Concern,
  audit: 'Concern',
  fields: {
    triageDueAt: { kind: 'value', sql: (t) => isoMoment(triageDueSql(t)) },
    household: {
      kind: 'object',
      type: 'Household',
      source: byKey('household', 'household_id'),
    },
    subjects: { kind: 'list', type: 'ConcernPersonLink', source: people('SUBJECT') },
    allegedSources: { kind: 'list', type: 'ConcernPersonLink', source: people('ALLEGED_SOURCE') },
    namedPeople: {
      kind: 'list',
      type: 'NamedPerson',
      source: ({ parent, alias }) => ({
        from: `concern_named_person ${alias}`,
        where: [`${alias}.concern_id = ${parent}.id`],
        orderBy: [`${alias}.ordinal`],
        joins: { concern: parent },
      }),
    },
    triageHistory: {
      kind: 'list',
      type: 'ConcernTriage',
      source: ({ parent, alias }) => ({
        from: `concern_triage ${alias}`,
        where: [`${alias}.concern_id = ${parent}.id`],
        orderBy: [`${alias}.decided_at`, `${alias}.id`],
      }),
    },
  },
});

readType({
  type: 'ConcernPersonLink',
  carry: { organisationId: (t) => `${t}.organisation_id` },
  fields: {
    person: { kind: 'object', type: 'Person', source: byKey('person', 'person_id'), join: 'person' },
    role: { kind: 'value', sql: (t) => `${t}.role` },
    childAtEvent: {
      kind: 'value',
      sql: (t, _sql, joins) =>
        joins.person
          ? childOn(`${joins.person}.date_of_birth`, eventDay(t, joins))
          : `(select ${childOn('p.date_of_birth', eventDay(t, joins))} from person p
               where p.organisation_id = ${t}.organisation_id and p.id = ${t}.person_id)`,
    },
  },
});

readType({
  type: 'NamedPerson',
  entity: ConcernNamedPerson,
  audit: 'ConcernNamedPerson',
  carry: { organisationId: (t) => `${t}.organisation_id` },
  fields: {
    childAtEvent: {
      kind: 'value',
      sql: (t, _sql, joins) => childOn(`${t}.date_of_birth`, eventDay(t, joins)),
    },
    // Their record once linked, unless it is restricted from the caller.
    linkedPerson: {
      kind: 'object',
      type: 'Person',
      source: byKey('person', 'linked_person_id', ({ alias, sql }) => [
        personVisible(alias, sql.scope('userId')),
      ]),
    },
  },
});

readType({ type: 'ConcernTriage', entity: ConcernTriage });

/** Concerns of the caller's organisation naming nobody restricted from them, newest first. */
const concerns = (alias: string, sql: SourceInput['sql'], where: string[]): Source => ({
  from: `concern ${alias}`,
  where: [concernVisible(alias, sql.scope('userId'), sql.scope('organisationId')), ...where],
});

readFields('Household', {
  concerns: {
    kind: 'connection',
    type: 'Concern',
    at: 'raised_at',
    id: 'id',
    source: ({ parent, alias, sql }) => concerns(alias, sql, [`${alias}.household_id = ${parent}.id`]),
  },
});

readFields('Person', {
  concerns: {
    kind: 'connection',
    type: 'Concern',
    at: 'raised_at',
    id: 'id',
    source: ({ parent, alias, sql }) =>
      concerns(alias, sql, [
        `exists (select 1 from concern_person s where s.organisation_id = ${alias}.organisation_id and s.concern_id = ${alias}.id and s.person_id = ${parent}.id)`,
      ]),
  },
});

readRoot({
  field: 'concerns',
  type: 'Concern',
  kind: 'connection',
  at: 'raised_at',
  id: 'id',
  source: ({ alias, sql }) => concerns(alias, sql, []),
  // The organisation's count (kept by a trigger), less the concerns naming someone restricted from
  // the caller: two small reads, however many concerns the organisation holds.
  total: (sql) => `(coalesce((select k.concerns from concern_count k
        where k.organisation_id = ${sql.scope('organisationId')}), 0)
    - (select count(distinct cp.concern_id) from person p
         join concern_person cp on cp.organisation_id = p.organisation_id and cp.person_id = p.id
        where p.organisation_id = ${sql.scope('organisationId')} and p.restricted
          and not ${personVisible('p', sql.scope('userId'))}))::int`,
});

/** `concern(id)`: one concern of the caller's organisation naming nobody restricted from them (NOT_FOUND). */
readRoot({
  field: 'concern',
  type: 'Concern',
  kind: 'object',
  source: ({ alias, sql }) => concerns(alias, sql, [`${alias}.id = ${idArgument(sql, 'Concern')}`]),
  notFound: () => new NotFoundError('Concern'),
});
