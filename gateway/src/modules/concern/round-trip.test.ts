import { RaiseConcernDocument, type RaiseConcernMutation } from '@doorstep/client';
import { raiseConcernInputSchema, type RaiseConcernInput } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user, validConcern } from '../../../test/harness.js';
import { createHousehold, createPerson, lead, ok } from '../../../test/records.js';
import { graphqlInputPaths, samplePaths, schemaPaths, type EveryKey } from '../../../test/round-trip.js';

const READ = `query Read($id: ID!) { concern(id: $id) {
  id reference reporterKind status aboutSelf version
  reporterContactName reporterContactPhone reporterContactEmail
  urgency categories primaryCategory subjectDescription location whatHappened happenedAt actionsTaken
  viewsStatus views viewsNotAskedReason consentStatus consentReason
  mentalCapacityConcern childrenPresent othersAtRisk locationOfRisk sourceOfRisk
  household { id }
  subjects { role childAtEvent person { id } }
  allegedSources { role childAtEvent person { id } }
  namedPeople { name role dateOfBirth description childAtEvent }
} }`;

interface Link {
  role: string;
  childAtEvent: boolean | null;
  person: { id: string };
}
interface ReadConcern {
  id: string;
  reference: string;
  reporterKind: string;
  status: string;
  aboutSelf: boolean;
  version: number;
  reporterContactName: string | null;
  reporterContactPhone: string | null;
  reporterContactEmail: string | null;
  urgency: RaiseConcernInput['urgency'];
  categories: NonNullable<RaiseConcernInput['categories']>;
  primaryCategory: RaiseConcernInput['primaryCategory'];
  subjectDescription: string;
  location: string;
  whatHappened: string;
  happenedAt: string | null;
  actionsTaken: string | null;
  viewsStatus: RaiseConcernInput['personViews']['status'];
  views: string | null;
  viewsNotAskedReason: string | null;
  consentStatus: RaiseConcernInput['consent']['status'];
  consentReason: string | null;
  mentalCapacityConcern: boolean;
  childrenPresent: RaiseConcernInput['childrenPresent'];
  othersAtRisk: string | null;
  locationOfRisk: RaiseConcernInput['locationOfRisk'];
  sourceOfRisk: RaiseConcernInput['sourceOfRisk'];
  household: { id: string } | null;
  subjects: Link[];
  allegedSources: Link[];
  namedPeople: {
    name: string;
    role: 'SUBJECT' | 'ALLEGED_SOURCE';
    dateOfBirth: string | null;
    description: string | null;
    childAtEvent: boolean | null;
  }[];
}

const idsOf = (links: Link[]) => links.map((l) => l.person.id);

/**
 * A concern as read back, in the shape of the input that raised it: one entry per input field, so
 * a field added to the input fails to compile here until someone says where it is read back.
 */
const asInput = (c: ReadConcern): EveryKey<RaiseConcernInput> => ({
  urgency: c.urgency,
  categories: c.categories,
  primaryCategory: c.primaryCategory,
  subjectDescription: c.subjectDescription,
  location: c.location,
  whatHappened: c.whatHappened,
  happenedAt: c.happenedAt ?? undefined,
  actionsTaken: c.actionsTaken ?? undefined,
  personViews: {
    status: c.viewsStatus,
    views: c.views ?? undefined,
    notAskedReason: c.viewsNotAskedReason ?? undefined,
  },
  consent: { status: c.consentStatus, reason: c.consentReason ?? undefined },
  mentalCapacityConcern: c.mentalCapacityConcern,
  childrenPresent: c.childrenPresent,
  othersAtRisk: c.othersAtRisk ?? undefined,
  // In the order the reporter named them.
  subjectIds: idsOf(c.subjects),
  allegedSourceIds: idsOf(c.allegedSources),
  householdId: c.household?.id,
  // Each as it was sent: what was not given is left out, not stored as empty.
  namedPeople: c.namedPeople.map((p) => ({
    name: p.name,
    role: p.role,
    ...(p.dateOfBirth === null ? {} : { dateOfBirth: p.dateOfBirth }),
    ...(p.description === null ? {} : { description: p.description }),
  })),
  locationOfRisk: c.locationOfRisk,
  sourceOfRisk: c.sourceOfRisk,
});

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

async function raiseAndRead(input: object, as = lead) {
  const raised = await ok<RaiseConcernMutation>(
    gw,
    RaiseConcernDocument.toString(),
    { idempotencyKey: newKey(), input },
    as,
  );
  const [row] = await gw.sql<{ id: string }>(
    'select id from concern where reference = $1 and organisation_id = $2',
    [raised.raiseConcern.reference, as.organisationId],
  );
  return (await ok<{ concern: ReadConcern }>(gw, READ, { id: row!.id })).concern;
}

describe('a concern read back', () => {
  it('gives back every input field exactly as it was sent', async () => {
    const household = await createHousehold(gw);
    // Born so that she was 16 when it happened (a child then, whatever today's date).
    const child = await createPerson(gw, { givenName: 'Ffion', dateOfBirth: '2009-03-02' });
    const nain = await createPerson(gw, { givenName: 'Eirlys', dateOfBirth: '1941-11-30' });
    const carer = await createPerson(gw, { givenName: 'Dylan' });
    const collector = await createPerson(gw, { givenName: 'Rhodri' });
    const brother = await createPerson(gw, { givenName: 'Iwan', dateOfBirth: '2011-01-20' });
    const driver = await createPerson(gw, { givenName: 'Gethin' });

    // Every field filled, none with its default (categories [], primary = the first, no mental
    // capacity concern, children NOT_KNOWN), text with what storage could mangle.
    const sample = {
      urgency: 'IMMEDIATE_DANGER',
      categories: ['MODERN_SLAVERY', 'FINANCIAL', 'CHILD_EXPLOITATION'],
      primaryCategory: 'FINANCIAL',
      subjectDescription: 'Mrs Eirlys Prŷs-Jones ("Nain") and her granddaughter, flat 4',
      location: 'Fflat 4, Tŷ Gwyn, 12 Heol-y-Bont; rear door, {second} floor',
      whatHappened:
        'Two men collect her pension card each Friday.\nShe said: "they keep it safe".\n\tBack\\slash, 50% → all.',
      happenedAt: '2025-06-14T21:47:12.345+01:00',
      actionsTaken: 'Called 999 at 21:50; stayed until police arrived.',
      personViews: {
        status: 'NOT_ASKED',
        views: 'Told a neighbour she wants the men to stop coming',
        notAskedReason: 'The men were in the room; not safe to ask then',
      },
      consent: {
        status: 'LACKS_CAPACITY',
        reason: 'Best interests: she may not understand the risk to her money',
      },
      mentalCapacityConcern: true,
      childrenPresent: 'YES',
      othersAtRisk: 'Her granddaughter (16) stays at weekends',
      // More than two of each, so that an order kept only by chance would hardly ever pass.
      subjectIds: [nain.person.id, child.person.id, brother.person.id],
      allegedSourceIds: [collector.person.id, carer.person.id, driver.person.id],
      householdId: household.id,
      // Not on record: more than two, both roles, mixed, so order and role are both checked.
      namedPeople: [
        { name: 'Dean "Deano" O’Brien', role: 'ALLEGED_SOURCE', description: 'About 30; her new partner' },
        { name: 'Baby Cerys', role: 'SUBJECT', dateOfBirth: '2025-01-09', description: 'Null' },
        { name: 'Unknown man, tall', role: 'ALLEGED_SOURCE' },
        { name: 'Mam-gu', role: 'SUBJECT', dateOfBirth: '1950-02-28' },
      ],
      locationOfRisk: 'CARE_HOME_RESIDENTIAL',
      sourceOfRisk: 'SERVICE_PROVIDER',
    } satisfies Required<RaiseConcernInput>;
    expect(samplePaths(sample)).toEqual(schemaPaths(raiseConcernInputSchema));
    expect(await graphqlInputPaths(gw.graphql, 'RaiseConcernInput')).toEqual(
      schemaPaths(raiseConcernInputSchema),
    );

    const concern = await raiseAndRead(sample);

    expect(asInput(concern)).toStrictEqual({
      ...sample,
      happenedAt: '2025-06-14T20:47:12.345Z',
    });
    expect(concern).toMatchObject({
      reporterKind: 'STAFF',
      status: 'RAISED',
      aboutSelf: false,
      version: 1,
      reporterContactName: null,
      reporterContactPhone: null,
      reporterContactEmail: null,
    });
    const links = [...concern.subjects, ...concern.allegedSources];
    expect(Object.fromEntries(links.map((l) => [l.person.id, [l.role, l.childAtEvent]]))).toEqual({
      [nain.person.id]: ['SUBJECT', false],
      [child.person.id]: ['SUBJECT', true],
      [brother.person.id]: ['SUBJECT', true],
      [collector.person.id]: ['ALLEGED_SOURCE', null],
      [carer.person.id]: ['ALLEGED_SOURCE', null],
      [driver.person.id]: ['ALLEGED_SOURCE', null],
    });
    // A child when it happened from the date of birth given; unknown without one.
    expect(concern.namedPeople.map((p) => p.childAtEvent)).toEqual([null, true, null, false]);
  });

  it('leaves out what was not sent, and gives a contractor’s concern the CONTRACTOR kind', async () => {
    const concern = await raiseAndRead(validConcern(), user('gareth'));
    expect(concern).toMatchObject({
      reporterKind: 'CONTRACTOR',
      categories: ['SELF_NEGLECT'],
      primaryCategory: 'SELF_NEGLECT',
      happenedAt: null,
      actionsTaken: null,
      viewsNotAskedReason: null,
      consentReason: null,
      mentalCapacityConcern: false,
      childrenPresent: 'NOT_KNOWN',
      othersAtRisk: null,
      locationOfRisk: null,
      sourceOfRisk: null,
      household: null,
      subjects: [],
      allegedSources: [],
      namedPeople: [],
    });
  });
});
