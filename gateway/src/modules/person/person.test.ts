import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, DEMO_PEOPLE, type DemoUser } from '../../db/demo.js';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, ok, raise } from '../../../test/records.js';

const champion = user('jo');
const tom = user('tom');
const sophie = DEMO_PEOPLE.find((p) => p.givenName === 'Sophie')!;
const elmRow = DEMO_HOUSEHOLDS.find((h) => h.addressLine1 === '21 Elm Row')!;

let gw: Awaited<ReturnType<typeof testGateway>>;
/** A second safeguarding lead of Riverside, who did not restrict anyone. */
const secondLead: DemoUser = {
  id: randomUUID(),
  organisationId: lead.organisationId,
  name: 'Lee Morris (safeguarding lead)',
  email: 'lee.morris@riverside.example',
  roles: ['SAFEGUARDING_LEAD'],
};
beforeAll(async () => {
  gw = await testGateway();
  await gw.sql(
    `insert into app_user (id, organisation_id, name, email, roles, created_at) values ($1, $2, $3, $4, $5, now())`,
    [secondLead.id, secondLead.organisationId, secondLead.name, secondLead.email, secondLead.roles],
  );
});
afterAll(() => gw.close());

const PERSON = `query($id: ID!) { person(id: $id) {
  id displayName child age mergedIntoId otherNames dateOfBirth
  relationships { id type relatedPerson { id } }
  households { household { id } current }
  warnings { id }
  concerns { totalCount edges { node { id } } }
} }`;
type PersonView = {
  person: {
    id: string;
    child: boolean | null;
    mergedIntoId: string | null;
    otherNames: string[];
    dateOfBirth: string | null;
    relationships: { id: string; type: string; relatedPerson: { id: string } }[];
    households: { household: { id: string }; current: boolean }[];
    warnings: { id: string }[];
    concerns: { totalCount: number; edges: { node: { id: string } }[] };
  };
};

describe('people', () => {
  it('are created once per idempotency key; whether they are a child comes from the date of birth', async () => {
    const key = newKey();
    const CREATE = `mutation($key: String!, $input: CreatePersonInput!) { createPerson(idempotencyKey: $key, input: $input) { person { id child age } } }`;
    const tenYearsAgo = `${new Date().getUTCFullYear() - 10}-01-01`;
    const input = { person: { givenName: 'Young', familyName: 'Person', dateOfBirth: tenYearsAgo } };
    const a = await ok<{ createPerson: { person: { id: string; child: boolean; age: number } } }>(
      gw,
      CREATE,
      { key, input },
    );
    const b = await ok<{ createPerson: { person: { id: string } } }>(gw, CREATE, { key, input });
    expect(b.createPerson.person.id).toBe(a.createPerson.person.id);
    expect(a.createPerson.person).toMatchObject({ child: true });
    expect(
      await count(
        gw,
        `select count(*) as n from person where family_name = 'Person' and given_name = 'Young'`,
      ),
    ).toBe(1);
    const bad = await gw.graphql(
      CREATE,
      {
        key: newKey(),
        input: {
          person: { givenName: ' ', familyName: 'X', dateOfBirth: '2999-01-01', interpreterNeeded: true },
        },
      },
      lead,
    );
    expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'person.dateOfBirth',
      'person.givenName',
      'person.interpreterLanguage',
    ]);
  });

  it('are created once when a client retries the same submission at the same moment', async () => {
    const key = newKey();
    const CREATE = `mutation($key: String!, $input: CreatePersonInput!) { createPerson(idempotencyKey: $key, input: $input) { person { id } } }`;
    const input = { person: { givenName: 'Retry', familyName: 'Parallel', dateOfBirth: '1970-01-01' } };
    const results = await Promise.all(
      Array.from({ length: 6 }, () =>
        gw.graphql<{ createPerson: { person: { id: string } } }>(CREATE, { key, input }, lead),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(new Set(results.map((r) => r.data!.createPerson.person.id)).size).toBe(1);
    expect(
      await count(
        gw,
        `select count(*) as n from person where given_name = 'Retry' and family_name = 'Parallel'`,
      ),
    ).toBe(1);
  });

  it('have typed relationships, each stored with its inverse, and removed together', async () => {
    const { person: parent } = await createPerson(gw, { givenName: 'Pat' });
    const { person: kid } = await createPerson(gw, { givenName: 'Kid' });
    const ADD = `mutation($input: RelationshipInput!) { addRelationship(input: $input) { id type relatedPerson { id } } }`;
    const added = await ok<{ addRelationship: { id: string } }>(gw, ADD, {
      input: { personId: parent.id, relatedPersonId: kid.id, type: 'CHILD' },
    });
    const twice = await gw.graphql(
      ADD,
      { input: { personId: parent.id, relatedPersonId: kid.id, type: 'CHILD' } },
      lead,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const self = await gw.graphql(
      ADD,
      { input: { personId: kid.id, relatedPersonId: kid.id, type: 'SIBLING' } },
      lead,
    );
    expect(self.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('relatedPersonId');
    const fromParent = await ok<PersonView>(gw, PERSON, { id: parent.id });
    const fromKid = await ok<PersonView>(gw, PERSON, { id: kid.id });
    expect(fromParent.person.relationships.map((r) => [r.type, r.relatedPerson.id])).toEqual([
      ['CHILD', kid.id],
    ]);
    expect(fromKid.person.relationships.map((r) => [r.type, r.relatedPerson.id])).toEqual([
      ['PARENT', parent.id],
    ]);
    await ok(gw, `mutation($id: ID!) { removeRelationship(id: $id) }`, { id: added.addRelationship.id });
    expect(
      await count(gw, `select count(*) as n from person_relationship where person_id = any($1)`, [
        [parent.id, kid.id],
      ]),
    ).toBe(0);
  });
});

describe('restricted people', () => {
  it('are seen by the lead who restricted them, and by staff with a live grant; by nobody else', async () => {
    const seen = async (who: DemoUser) => {
      const one = await gw.graphql(
        `query($id: ID!) { person(id: $id) { id restricted } }`,
        { id: sophie.id },
        who,
      );
      const members = await ok<{ household: { members: { person: { id: string } }[] } }>(
        gw,
        `query($id: ID!) { household(id: $id) { members { person { id } } } }`,
        { id: elmRow.id },
        who,
      );
      const search = await ok<{ searchPeople: { edges: { node: { node: { id: string } } }[] } }>(
        gw,
        `{ searchPeople(query: "Sophie Hart") { edges { node { node { id } } } } }`,
        {},
        who,
      );
      return {
        byId: one.errors?.[0]?.extensions?.code ?? 'seen',
        inHousehold: members.household.members.some((m) => m.person.id === sophie.id),
        inSearch: search.searchPeople.edges.some((e) => e.node.node.id === sophie.id),
      };
    };
    expect(await seen(lead)).toEqual({ byId: 'seen', inHousehold: true, inSearch: true });
    expect(await seen(secondLead)).toEqual({ byId: 'NOT_FOUND', inHousehold: false, inSearch: false });
    expect(await seen(champion)).toEqual({ byId: 'NOT_FOUND', inHousehold: false, inSearch: false });
    // The lead's grant (access module) lets the champion see her; revoking it hides her again.
    const { grantAccess } = await ok<{ grantAccess: { id: string } }>(
      gw,
      `mutation($input: GrantAccessInput!) { grantAccess(input: $input) { id } }`,
      {
        input: {
          userId: champion.id,
          subjectType: 'Person',
          subjectId: sophie.id,
          reason: 'Allocated worker for the move',
          days: 1,
        },
      },
    );
    expect(await seen(champion)).toEqual({ byId: 'seen', inHousehold: true, inSearch: true });
    await ok(gw, `mutation($id: ID!) { revokeAccessGrant(id: $id) { id } }`, { id: grantAccess.id });
    expect(await seen(champion)).toEqual({ byId: 'NOT_FOUND', inHousehold: false, inSearch: false });
  });

  it('are not shown again to a retry of their creation by someone who may no longer see them', async () => {
    const CREATE = `mutation($key: String!, $input: CreatePersonInput!) { createPerson(idempotencyKey: $key, input: $input) { person { id } } }`;
    const key = newKey();
    const input = {
      person: { givenName: 'Created', familyName: `Then-Restricted-${randomUUID().slice(0, 6)}` },
    };
    const { createPerson: made } = await ok<{ createPerson: { person: { id: string } } }>(
      gw,
      CREATE,
      { key, input },
      champion,
    );
    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: made.person.id,
    });
    const retry = await gw.graphql(CREATE, { key, input }, champion);
    expect(retry.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(await count(gw, 'select count(*) as n from person where id = $1', [made.person.id])).toBe(1);
  });

  it('take the concerns and chronology entries that name them out of sight too', async () => {
    const { person } = await createPerson(gw, { givenName: 'Hidden' });
    const concern = await raise(gw, { subjectIds: [person.id] });
    await ok(
      gw,
      `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Witness protection" }) { restricted } }`,
      {
        id: person.id,
      },
    );
    const forbidden = await gw.graphql(
      `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "x" }) { restricted } }`,
      { id: person.id },
      champion,
    );
    expect(forbidden.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const one = await gw.graphql(
      `query($id: ID!) { concern(id: $id) { id } }`,
      { id: concern.id },
      secondLead,
    );
    expect(one.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const list = await ok<{ concerns: { edges: { node: { id: string } }[] } }>(
      gw,
      `{ concerns(first: 100) { edges { node { id } } } }`,
      {},
      secondLead,
    );
    expect(list.concerns.edges.map((e) => e.node.id)).not.toContain(concern.id);
    const mine = await ok<{ concerns: { edges: { node: { id: string } }[] } }>(
      gw,
      `{ concerns(first: 100) { edges { node { id } } } }`,
      {},
    );
    expect(mine.concerns.edges.map((e) => e.node.id)).toContain(concern.id);
    await ok(
      gw,
      `mutation($id: ID!) { unrestrictPerson(id: $id, input: { reason: "Risk over" }) { restricted } }`,
      { id: person.id },
    );
    expect(
      (await gw.graphql(`query($id: ID!) { concern(id: $id) { id } }`, { id: concern.id }, secondLead))
        .errors,
    ).toBeUndefined();
  });
});

describe('duplicates', () => {
  it('are offered when a person is created: similar name, same date of birth, same household, with a score', async () => {
    const household = await createHousehold(gw);
    const { person: first } = await createPerson(
      gw,
      { givenName: 'Margaret', familyName: 'Evanson', dateOfBirth: '1950-03-02' },
      { householdId: household.id },
    );
    const same = await createPerson(
      gw,
      { givenName: 'Margret', familyName: 'Evanson', dateOfBirth: '1950-03-02' },
      { householdId: household.id },
    );
    const found = same.possibleDuplicates.find((d) => d.person.id === first.id)!;
    expect(found.reasons.sort()).toEqual(['NAME_SIMILAR', 'SAME_DATE_OF_BIRTH', 'SAME_HOUSEHOLD']);
    expect(found.score).toBeGreaterThan(0.7);
    const otherBirthday = await createPerson(gw, {
      givenName: 'Margaret',
      familyName: 'Evanson',
      dateOfBirth: '1990-07-07',
    });
    const weaker = otherBirthday.possibleDuplicates.find((d) => d.person.id === first.id);
    expect(weaker?.score ?? 0).toBeLessThan(found.score);
    const stranger = await createPerson(gw, { givenName: 'Zebedee', familyName: 'Quillfeather' });
    expect(stranger.possibleDuplicates).toEqual([]);
  });

  it('never offer a restricted person to someone who may not see them', async () => {
    const offered = await createPerson(
      gw,
      { givenName: 'Sophie', familyName: 'Hart', dateOfBirth: sophie.dateOfBirth },
      undefined,
      secondLead,
    );
    expect(offered.possibleDuplicates.map((d) => d.person.id)).not.toContain(sophie.id);
  });
});

describe('merging two records of one person', () => {
  it('keeps both histories on the survivor and leaves a tombstone pointing at it', async () => {
    const household = await createHousehold(gw);
    const { person: keep } = await createPerson(
      gw,
      { givenName: 'Dana', familyName: 'Okoro' },
      { householdId: household.id },
    );
    const { person: gone } = await createPerson(gw, {
      givenName: 'Danna',
      familyName: 'Okoro',
      dateOfBirth: '1970-04-04',
    });
    const { person: friend } = await createPerson(gw, { givenName: 'Friend' });
    const REL = `mutation($input: RelationshipInput!) { addRelationship(input: $input) { id } }`;
    await ok(gw, REL, { input: { personId: keep.id, relatedPersonId: friend.id, type: 'OTHER' } });
    await ok(gw, REL, { input: { personId: gone.id, relatedPersonId: friend.id, type: 'OTHER' } });
    await ok(gw, REL, { input: { personId: gone.id, relatedPersonId: keep.id, type: 'SIBLING' } });
    const c1 = await raise(gw, { subjectIds: [keep.id] });
    const c2 = await raise(gw, { subjectIds: [gone.id] });
    const both = await raise(gw, { subjectIds: [keep.id, gone.id] });
    await ok(
      gw,
      `mutation($key: String!, $input: WarningInput!) { addWarning(idempotencyKey: $key, input: $input) { id } }`,
      {
        key: newKey(),
        input: {
          personId: gone.id,
          type: 'RISK_TO_STAFF',
          description: 'Visit in pairs',
          reviewDate: new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10),
          told: { status: 'TOLD', how: 'Letter' },
        },
      },
    );
    const MERGE = `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id dateOfBirth otherNames } }`;
    const refused = await gw.graphql(
      MERGE,
      { input: { survivorId: keep.id, mergedId: gone.id, reason: 'Same DOB' } },
      champion,
    );
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const merged = await ok<{ mergePeople: { id: string; dateOfBirth: string; otherNames: string[] } }>(
      gw,
      MERGE,
      {
        input: { survivorId: keep.id, mergedId: gone.id, reason: 'Same person: confirmed with the tenant' },
      },
    );
    expect(merged.mergePeople).toEqual({
      id: keep.id,
      dateOfBirth: '1970-04-04',
      otherNames: ['Danna Okoro'],
    });

    const after = await ok<PersonView>(gw, PERSON, { id: keep.id });
    expect(after.person.concerns.edges.map((e) => e.node.id).sort()).toEqual([c1.id, c2.id, both.id].sort());
    expect(after.person.warnings).toHaveLength(1);
    expect(after.person.relationships.map((r) => [r.type, r.relatedPerson.id])).toEqual([
      ['OTHER', friend.id],
    ]);
    expect(after.person.households.map((h) => h.household.id)).toEqual([household.id]);
    expect(await count(gw, `select count(*) as n from concern_person where concern_id = $1`, [both.id])).toBe(
      1,
    );

    const tombstone = await ok<PersonView>(gw, `query($id: ID!) { person(id: $id) { id mergedIntoId } }`, {
      id: gone.id,
    });
    expect(tombstone.person.mergedIntoId).toBe(keep.id);
    const chronology = await ok<{ chronology: { edges: { node: { kind: string; sourceId: string } }[] } }>(
      gw,
      `query($id: ID!) { chronology(subject: { personId: $id }) { edges { node { kind sourceId } } } }`,
      { id: keep.id },
    );
    const sources = chronology.chronology.edges.map((e) => e.node.sourceId);
    expect(sources).toEqual(expect.arrayContaining([c1.id, c2.id, both.id]));
    expect(chronology.chronology.edges.at(-1)!.node.kind).toBe('PERSON_MERGED');
    expect(
      await count(gw, `select count(*) as n from chronology_entry where $1 = any(person_ids)`, [gone.id]),
    ).toBe(0);
    expect(
      await gw.sql(
        `select entity_id, reason from audit_event where action = 'UPDATE' and reason = 'MERGED' order by entity_id`,
      ),
    ).toEqual([keep.id, gone.id].sort().map((id) => ({ entity_id: id, reason: 'MERGED' })));
    const search = await ok<{ searchPeople: { edges: { node: { node: { id: string } } }[] } }>(
      gw,
      `{ searchPeople(query: "Okoro") { edges { node { node { id } } } } }`,
      {},
    );
    expect(search.searchPeople.edges.map((e) => e.node.node.id)).toEqual([keep.id]);
    const again = await gw.graphql(
      MERGE,
      { input: { survivorId: keep.id, mergedId: gone.id, reason: 'again' } },
      lead,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
  });

  it('is not for frontline staff, and a person cannot be merged with themselves', async () => {
    const { person } = await createPerson(gw, {});
    const MERGE = `mutation($input: MergePeopleInput!) { mergePeople(input: $input) { id } }`;
    expect(
      (await gw.graphql(MERGE, { input: { survivorId: person.id, mergedId: person.id, reason: 'x' } }, tom))
        .errors?.[0]?.extensions?.code,
    ).toBe('FORBIDDEN');
    expect(
      (await gw.graphql(MERGE, { input: { survivorId: person.id, mergedId: person.id, reason: 'x' } }, lead))
        .errors?.[0]?.extensions?.fields?.[0]?.field,
    ).toBe('mergedId');
  });
});
