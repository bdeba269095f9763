import { memberOn, personVisible } from '../../auth/record-rules.js';
import { readFields, readType } from '../../read/model.js';
import { personName } from '../../read/sql.js';
import { addressSql } from '../household/household.read.js';
import { Warning } from './warning.entity.js';

/** How the compiled read path reads warnings, and a household's warnings. */

readType({
  type: 'Warning',
  entity: Warning,
  audit: 'Warning',
  fields: {
    personId: { kind: 'value', sql: (t) => `${t}.person_id` },
    householdId: { kind: 'value', sql: (t) => `${t}.household_id` },
    overdueForReview: {
      kind: 'value',
      sql: (t, sql) => `(${t}.status <> 'ENDED' and ${t}.review_date < ${sql.scope('today')})`,
    },
    // Who or where it is on: the person's name (a read of that person), or the household's address.
    subjectName: {
      kind: 'value',
      sql: (t, sql) => `(case when ${t}.household_id is not null
          then (select ${addressSql('h')} from household h where h.organisation_id = ${t}.organisation_id and h.id = ${t}.household_id)
          else (select ${personName('p')} from person p
                 where p.organisation_id = ${t}.organisation_id and p.id = ${t}.person_id and ${personVisible('p', sql.scope('userId'))}) end)`,
      audit: (t, sql) => [
        'Person',
        `(select p.id from person p where p.organisation_id = ${t}.organisation_id and p.id = ${t}.person_id and ${personVisible('p', sql.scope('userId'))})`,
      ],
    },
  },
});

/**
 * The warnings on the household row `h` and on anyone living there on `day`, ended ones included, as a
 * subquery: two index scans (the household's, and its members' today), never the organisation's
 * whole list. A warning is on a household or on a person, never both.
 */
export const householdWarnings = (h: string, day: string): string =>
  `(select w.* from warning w where w.organisation_id = ${h}.organisation_id and w.household_id = ${h}.id
    union all
    select w.* from warning w
     where w.organisation_id = ${h}.organisation_id and w.person_id in (
       select m.person_id from household_member m
        where m.organisation_id = ${h}.organisation_id and m.household_id = ${h}.id and ${memberOn('m', day)}))`;

readFields('Household', {
  // On the household and on anyone living there today (ended ones if asked), oldest first. Each
  // half is an index scan; a warning on someone restricted from the caller is left out.
  warnings: {
    kind: 'list',
    type: 'Warning',
    source: ({ parent, alias, sql }) => {
      return {
        from: `${householdWarnings(parent, sql.scope('today'))} ${alias}`,
        where: [
          `(${sql.arg((args) => !!args.includeEnded, 'boolean')} or ${alias}.status <> 'ENDED')`,
          `(${alias}.person_id is null or exists (select 1 from person p where p.organisation_id = ${alias}.organisation_id and p.id = ${alias}.person_id and ${personVisible('p', sql.scope('userId'))}))`,
        ],
        orderBy: [`${alias}.created_at`, `${alias}.id`],
      };
    },
  },
});

readFields('Person', {
  // Their warnings, oldest first (ended ones if asked).
  warnings: {
    kind: 'list',
    type: 'Warning',
    source: ({ parent, alias, sql }) => ({
      from: `warning ${alias}`,
      where: [
        `${alias}.person_id = ${parent}.id`,
        `(${sql.arg((args) => !!args.includeEnded, 'boolean')} or ${alias}.status <> 'ENDED')`,
      ],
      orderBy: [`${alias}.created_at`, `${alias}.id`],
    }),
  },
});
