import { householdsWorkedWith, memberOn, personVisible } from '../../auth/record-rules.js';
import { NotFoundError } from '../../errors.js';
import { idArgument, readRoot, readType, type SourceInput } from '../../read/model.js';
import { personName } from '../../read/sql.js';
import { addressSql } from '../household/household.read.js';
import { householdWarnings } from './warning.read.js';

/**
 * How the compiled read path reads the visit view (`visit.ts`): who lives in a household and its
 * warnings, for someone about to visit, and nothing behind them.
 */

/** The households `sql`'s caller works with today. */
const workedWith = (sql: SourceInput['sql']) =>
  householdsWorkedWith(
    sql.scope('userId'),
    sql.scope('householdId'),
    sql.scope('today'),
    sql.scope('organisationId'),
  );

readType({
  type: 'VisitHousehold',
  audit: 'Household',
  carry: { id: (t) => `${t}.id`, organisationId: (t) => `${t}.organisation_id` },
  fields: {
    id: { kind: 'value', sql: (t) => `${t}.id` },
    address: { kind: 'value', sql: (t) => addressSql(t) },
    tenancyReference: { kind: 'value', sql: (t) => `${t}.tenancy_reference` },
    // Who lives there today, oldest membership first; anyone restricted from the caller left out.
    members: {
      kind: 'list',
      type: 'VisitMember',
      source: ({ parent, alias, sql }) => ({
        from: `(select p.id, p.organisation_id, p.given_name, p.family_name, m.joined_on, m.id as member_id
                  from household_member m join person p on p.organisation_id = m.organisation_id and p.id = m.person_id
                 where m.organisation_id = ${parent}.organisation_id and m.household_id = ${parent}.id and ${memberOn('m', sql.scope('today'))}
                   and ${personVisible('p', sql.scope('userId'))}) ${alias}`,
        where: [],
        orderBy: [`${alias}.joined_on`, `${alias}.member_id`],
      }),
    },
    // On the household and on anyone living there today, not ended, oldest first. One on someone
    // restricted from the caller is shown (the visitor's safety) without their name.
    warnings: {
      kind: 'list',
      type: 'VisitWarning',
      source: ({ parent, alias, sql }) => ({
        from: `(select w.id, w.organisation_id, w.type, w.description, w.review_date, w.status, w.created_at,
                       case when p.id is not null and ${personVisible('p', sql.scope('userId'))}
                            then ${personName('p')} end as about_person_name
                  from ${householdWarnings(parent, sql.scope('today'))} w
                  left join person p on p.organisation_id = w.organisation_id and p.id = w.person_id
                 where w.status <> 'ENDED') ${alias}`,
        where: [],
        orderBy: [`${alias}.created_at`, `${alias}.id`],
      }),
    },
  },
});

readType({
  type: 'VisitMember',
  audit: 'Person',
  carry: { id: (t) => `${t}.id`, organisationId: (t) => `${t}.organisation_id` },
  fields: {
    id: { kind: 'value', sql: (t) => `${t}.id` },
    displayName: { kind: 'value', sql: (t) => personName(t) },
  },
});

readType({
  type: 'VisitWarning',
  audit: 'Warning',
  carry: { id: (t) => `${t}.id`, organisationId: (t) => `${t}.organisation_id` },
  fields: {
    id: { kind: 'value', sql: (t) => `${t}.id` },
    type: { kind: 'value', sql: (t) => `${t}.type` },
    description: { kind: 'value', sql: (t) => `${t}.description` },
    reviewDate: { kind: 'value', sql: (t) => `${t}.review_date` },
    aboutPersonName: { kind: 'value', sql: (t) => `${t}.about_person_name` },
    signedOff: { kind: 'value', sql: (t) => `(${t}.status = 'ACTIVE')` },
  },
});

/** `visitHousehold(id)`: one the caller works with (any, for leads and managers), or NOT_FOUND. */
readRoot({
  field: 'visitHousehold',
  type: 'VisitHousehold',
  kind: 'object',
  source: ({ alias, sql }) => ({
    from: `household ${alias}`,
    where: [
      `${alias}.id = ${idArgument(sql, 'Household')}`,
      `(${sql.scope('seesAllHouseholds')} or ${alias}.id in ${workedWith(sql)})`,
    ],
  }),
  notFound: () => new NotFoundError('Household'),
});

/** `householdsIWorkWith`: the households the caller works with today, by address. */
readRoot({
  field: 'householdsIWorkWith',
  type: 'VisitHousehold',
  kind: 'list',
  source: ({ alias, sql }) => ({
    from: `household ${alias}`,
    where: [`${alias}.id in ${workedWith(sql)}`],
    orderBy: [`${alias}.address_line1`, `${alias}.id`],
  }),
});
