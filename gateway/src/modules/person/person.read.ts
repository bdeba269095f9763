import { personVisible } from '../../auth/record-rules.js';
import { NotFoundError } from '../../errors.js';
import { byIdArgument, byKey, readRoot, readType } from '../../read/model.js';
import { ageOn, childOn, personName } from '../../read/sql.js';
import { Person, PersonRelationship } from './person.entity.js';

/** How the compiled read path reads people and how they are related. */

readType({
  type: 'Person',
  entity: Person,
  audit: 'Person',
  fields: {
    displayName: { kind: 'value', sql: (t) => personName(t) },
    age: { kind: 'value', sql: (t, sql) => ageOn(`${t}.date_of_birth`, sql.scope('today')) },
    child: { kind: 'value', sql: (t, sql) => childOn(`${t}.date_of_birth`, sql.scope('today')) },
    mergedIntoId: { kind: 'value', sql: (t) => `${t}.merged_into_id` },
    // Every household they have lived in, oldest membership first (`membershipsOf`): each a read
    // of that household.
    households: {
      kind: 'list',
      type: 'HouseholdMember',
      source: ({ parent, alias }) => ({
        from: `household_member ${alias}`,
        where: [`${alias}.person_id = ${parent}.id`],
        orderBy: [`${alias}.joined_on`, `${alias}.id`],
      }),
      audit: (alias) => ['Household', `${alias}.household_id`],
    },
    // Oldest first; a related person restricted from the caller is left out.
    relationships: {
      kind: 'list',
      type: 'PersonRelationship',
      source: ({ parent, alias, sql }) => {
        const related = sql.alias('q');
        return {
          from: `person_relationship ${alias} join person ${related} on ${related}.id = ${alias}.related_person_id`,
          where: [`${alias}.person_id = ${parent}.id`, personVisible(related, sql.scope('userId'))],
          orderBy: [`${alias}.created_at`, `${alias}.id`],
          joins: { relatedPerson: related },
        };
      },
    },
  },
});

readType({
  type: 'PersonRelationship',
  entity: PersonRelationship,
  fields: {
    relatedPerson: {
      kind: 'object',
      type: 'Person',
      source: byKey('person', 'related_person_id'),
      join: 'relatedPerson',
    },
  },
});

/** `person(id)`: one person of the caller's organisation, unless restricted from them (NOT_FOUND). */
readRoot({
  field: 'person',
  type: 'Person',
  kind: 'object',
  source: byIdArgument('person', 'Person', ({ alias, sql }) => [personVisible(alias, sql.scope('userId'))]),
  notFound: () => new NotFoundError('Person'),
});
