import { currentOn, memberOn, personVisible } from '../../auth/record-rules.js';
import { NotFoundError } from '../../errors.js';
import { byIdArgument, byKey, readRoot, readType } from '../../read/model.js';
import { Household, HouseholdAssignment, HouseholdMember } from './household.entity.js';

/** How the compiled read path reads households, their members and who works with them. */

/** `addressOf` in SQL: the address on one line, its empty parts left out. */
export const addressSql = (h: string): string =>
  `concat_ws(', ', nullif(${h}.address_line1, ''), nullif(${h}.address_line2, ''), nullif(${h}.town, ''), nullif(${h}.postcode, ''))`;

readType({
  type: 'Household',
  entity: Household,
  audit: 'Household',
  fields: {
    address: { kind: 'value', sql: (t) => addressSql(t) },
    // Who lives there (today, unless includePast), oldest membership first; anyone restricted
    // from the caller is left out.
    members: {
      kind: 'list',
      type: 'HouseholdMember',
      source: ({ parent, alias, sql }) => {
        const person = sql.alias('p');
        return {
          from: `household_member ${alias} join person ${person} on ${person}.id = ${alias}.person_id`,
          where: [
            `${alias}.household_id = ${parent}.id`,
            `(${sql.arg((args) => !!args.includePast, 'boolean')} or ${memberOn(alias, sql.scope('today'))})`,
            personVisible(person, sql.scope('userId')),
          ],
          orderBy: [`${alias}.joined_on`, `${alias}.id`],
          joins: { person },
        };
      },
    },
    assignments: {
      kind: 'list',
      type: 'HouseholdAssignment',
      source: ({ parent, alias, sql }) => ({
        from: `household_assignment ${alias}`,
        // Not ended (those still to start included), as `listAssignments` gives them.
        where: [
          `${alias}.household_id = ${parent}.id`,
          `(${alias}.until_date is null or ${alias}.until_date >= ${sql.scope('today')})`,
        ],
        orderBy: [`${alias}.from_date`, `${alias}.id`],
      }),
    },
  },
});

readType({
  type: 'HouseholdMember',
  entity: HouseholdMember,
  fields: {
    current: { kind: 'value', sql: (t, sql) => memberOn(t, sql.scope('today')) },
    person: { kind: 'object', type: 'Person', source: byKey('person', 'person_id'), join: 'person' },
    household: { kind: 'object', type: 'Household', source: byKey('household', 'household_id') },
  },
});

readType({
  type: 'HouseholdAssignment',
  entity: HouseholdAssignment,
  audit: 'HouseholdAssignment',
  fields: {
    from: { kind: 'value', sql: (t) => `${t}.from_date` },
    until: { kind: 'value', sql: (t) => `${t}.until_date` },
    userId: { kind: 'value', sql: (t) => `${t}.user_id` },
    householdId: { kind: 'value', sql: (t) => `${t}.household_id` },
    current: {
      kind: 'value',
      sql: (t, sql) => currentOn(`${t}.from_date`, `${t}.until_date`, sql.scope('today')),
    },
    userName: { kind: 'value', sql: (t) => `(select u.name from app_user u where u.id = ${t}.user_id)` },
  },
});

/** `household(id)`: one household of the caller's organisation, or NOT_FOUND. */
readRoot({
  field: 'household',
  type: 'Household',
  kind: 'object',
  source: byIdArgument('household', 'Household'),
  notFound: () => new NotFoundError('Household'),
});
