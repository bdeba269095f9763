import { createPersonInputSchema } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type * as z from 'zod';
import { newKey, testGateway } from '../../../test/harness.js';
import { createHousehold, ok } from '../../../test/records.js';
import { graphqlInputPaths, samplePaths, schemaPaths, type EveryKey } from '../../../test/round-trip.js';

type CreatePersonInput = z.input<typeof createPersonInputSchema>;
type PersonFields = Required<CreatePersonInput['person']>;

const CREATE = `mutation Create($key: String!, $input: CreatePersonInput!) {
  createPerson(idempotencyKey: $key, input: $input) { person { id } }
}`;
const READ = `query Read($id: ID!) { person(id: $id) {
  givenName familyName otherNames dateOfBirth pronouns preferredLanguage communicationNeeds
  interpreterNeeded interpreterLanguage vulnerabilityFactors advocate
  households { role joinedOn household { id } }
} }`;

interface ReadPerson {
  givenName: string;
  familyName: string;
  otherNames: string[];
  dateOfBirth: string | null;
  pronouns: string | null;
  preferredLanguage: string | null;
  communicationNeeds: string | null;
  interpreterNeeded: boolean;
  interpreterLanguage: string | null;
  vulnerabilityFactors: PersonFields['vulnerabilityFactors'];
  advocate: string | null;
  households: {
    role: NonNullable<CreatePersonInput['household']>['role'];
    joinedOn: string;
    household: { id: string };
  }[];
}

/**
 * A person as read back, in the shape of the input that created them: one entry per input field,
 * so a field added to the input fails to compile here until someone says where it is read back.
 */
const asInput = (
  p: ReadPerson,
): EveryKey<{
  person: EveryKey<CreatePersonInput['person']>;
  household: CreatePersonInput['household'];
}> => ({
  person: {
    givenName: p.givenName,
    familyName: p.familyName,
    otherNames: p.otherNames,
    dateOfBirth: p.dateOfBirth ?? undefined,
    pronouns: p.pronouns ?? undefined,
    preferredLanguage: p.preferredLanguage ?? undefined,
    communicationNeeds: p.communicationNeeds ?? undefined,
    interpreterNeeded: p.interpreterNeeded,
    interpreterLanguage: p.interpreterLanguage ?? undefined,
    vulnerabilityFactors: p.vulnerabilityFactors,
    advocate: p.advocate ?? undefined,
  },
  household: p.households.map((m) => ({
    householdId: m.household.id,
    role: m.role,
    joinedOn: m.joinedOn,
  }))[0],
});

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

describe('a person read back', () => {
  it('gives back every input field exactly as it was sent', async () => {
    const household = await createHousehold(gw);
    // Every field filled, none with its default (no other names, no interpreter, no factors), and
    // other names with what storage in a PostgreSQL array could mangle: the surname Null, quotes,
    // a comma, a tab (pasted from a spreadsheet), a backslash, braces.
    const sample = {
      person: {
        givenName: 'Siân',
        familyName: 'O’Brien-Prŷs',
        otherNames: ['Null', 'Jones,\t"Jonesy"', 'Back\\slash {braces}', 'NULL', 'Ann Marie'],
        dateOfBirth: '1988-02-29',
        pronouns: 'she/her',
        preferredLanguage: 'Welsh',
        communicationNeeds: 'Deaf: British Sign Language; text, never phone',
        interpreterNeeded: true,
        interpreterLanguage: 'British Sign Language',
        vulnerabilityFactors: ['MAY_LACK_CAPACITY', 'CARER', 'OLDER_FRAIL'],
        advocate: 'Gwen Davies, Advocacy Cymru, 01234 567890',
      },
      household: { householdId: household.id, role: 'LODGER', joinedOn: '2019-07-31' },
    } satisfies { person: PersonFields; household: CreatePersonInput['household'] };
    expect(samplePaths(sample)).toEqual(schemaPaths(createPersonInputSchema));
    expect(await graphqlInputPaths(gw.graphql, 'CreatePersonInput')).toEqual(
      schemaPaths(createPersonInputSchema),
    );

    const created = await ok<{ createPerson: { person: { id: string } } }>(gw, CREATE, {
      key: newKey(),
      input: sample,
    });
    const { person } = await ok<{ person: ReadPerson }>(gw, READ, { id: created.createPerson.person.id });

    expect(asInput(person)).toStrictEqual(sample);
  });
});
