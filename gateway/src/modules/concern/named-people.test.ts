import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user, validConcern } from '../../../test/harness.js';
import { count, createPerson, lead, ok, raise } from '../../../test/records.js';

/**
 * People a concern names who are not on record: anyone who may raise a concern can name them (a
 * contractor or frontline worker creates no person record by doing so); leads and champions read
 * them with the concern; bad input is refused with the item's field and nothing is stored.
 */
const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference }
}`;
const READ = `query($id: ID!) { concern(id: $id) { namedPeople { id name role dateOfBirth description } } }`;

const gareth = user('gareth');
const tom = user('tom');
// Gareth's gas safety check.
const ALDER = '00000000-0000-4000-8000-000000000401';

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const named = [
  { name: 'Jayden, about 14', role: 'SUBJECT', description: 'Says he is their cousin' },
  { name: 'Tall man in a grey van', role: 'ALLEGED_SOURCE' },
];

describe('people a concern names who are not on record', () => {
  it('are kept with a contractor’s concern, in order, and create no person record', async () => {
    const people = await count(gw, 'select count(*) as n from person');
    const { id } = await raise(gw, { householdId: ALDER, namedPeople: named }, gareth);
    const { concern } = await ok<{ concern: { namedPeople: { name: string; role: string }[] } }>(gw, READ, {
      id,
    });
    expect(concern.namedPeople.map((p) => [p.name, p.role])).toEqual([
      ['Jayden, about 14', 'SUBJECT'],
      ['Tall man in a grey van', 'ALLEGED_SOURCE'],
    ]);
    expect(await count(gw, 'select count(*) as n from person')).toBe(people);
    // On the household's chronology entry for the concern, so the team sees them there too.
    const [entry] = await gw.sql<{ detail: { namedPeople: unknown } }>(
      `select detail from chronology_entry where source_id = $1`,
      [id],
    );
    expect(entry!.detail.namedPeople).toEqual([
      { name: 'Jayden, about 14', role: 'SUBJECT' },
      { name: 'Tall man in a grey van', role: 'ALLEGED_SOURCE' },
    ]);
  });

  it('are stored once when the same submission is retried', async () => {
    const key = newKey();
    const input = validConcern({ namedPeople: named });
    const first = await ok<{ raiseConcern: { reference: string } }>(gw, RAISE, { key, input }, tom);
    const again = await ok<{ raiseConcern: { reference: string } }>(gw, RAISE, { key, input }, tom);
    expect(again.raiseConcern.reference).toBe(first.raiseConcern.reference);
    const stored = await count(
      gw,
      `select count(*) as n from concern_named_person p join concern c on c.id = p.concern_id
        where c.reference = $1`,
      [first.raiseConcern.reference],
    );
    expect(stored).toBe(2);
  });

  it('refuse a person without a name, a future date of birth, a role not known, or more than ten', async () => {
    const before = await count(gw, 'select count(*) as n from concern_named_person');
    const concerns = await count(gw, 'select count(*) as n from concern');
    const refused = async (namedPeople: unknown[]) => {
      const result = await gw.graphql(RAISE, { key: newKey(), input: validConcern({ namedPeople }) }, tom);
      expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
      return (result.errors![0]!.extensions!.fields as { field: string }[]).map((f) => f.field);
    };
    expect(await refused([named[0], { name: '   ', role: 'SUBJECT' }])).toEqual(['namedPeople.1.name']);
    expect(await refused([{ name: 'Baby', role: 'SUBJECT', dateOfBirth: '2999-01-01' }])).toEqual([
      'namedPeople.0.dateOfBirth',
    ]);
    expect(await refused([{ name: 'Baby', role: 'SUBJECT', dateOfBirth: '2025-02-30' }])).toEqual([
      'namedPeople.0.dateOfBirth',
    ]);
    expect(await refused(Array.from({ length: 11 }, () => named[1]))).toEqual(['namedPeople']);
    // An enum GraphQL itself refuses, before the schema.
    const wrongRole = await gw.graphql(
      RAISE,
      { key: newKey(), input: validConcern({ namedPeople: [{ name: 'X', role: 'WITNESS' }] }) },
      tom,
    );
    expect(wrongRole.errors?.length).toBeGreaterThan(0);
    expect(await count(gw, 'select count(*) as n from concern_named_person')).toBe(before);
    expect(await count(gw, 'select count(*) as n from concern')).toBe(concerns);
  });

  it('are read only by leads and champions, with a READ audit row for each', async () => {
    const { id } = await raise(gw, { namedPeople: named }, tom);
    const refused = await gw.graphql(READ, { id }, tom);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await gw.graphql<{ concern: { namedPeople: { id: string }[] } }>(READ, { id }, lead);
    const ids = read.data!.concern.namedPeople.map((p) => p.id);
    const rows = await gw.sql<{ entity_id: string }>(
      `select entity_id::text from audit_event
        where request_id = $1 and action = 'READ' and entity_type = 'ConcernNamedPerson'`,
      [read.headers.get('x-request-id')],
    );
    expect(rows.map((r) => r.entity_id).sort()).toEqual([...ids].sort());
  });
});

describe('linking someone named to their record', () => {
  const LINK = `mutation($id: ID!, $personId: ID!) {
    linkNamedPerson(id: $id, personId: $personId) { id name linkedPerson { id } }
  }`;
  const namedOf = async (concernId: string) =>
    (
      await gw.sql<{ id: string }>(
        'select id::text from concern_named_person where concern_id = $1 order by ordinal',
        [concernId],
      )
    ).map((r) => r.id);

  it('makes the concern name the person: subjects, chronology, and the reporter’s words kept', async () => {
    const { id } = await raise(gw, { namedPeople: named }, tom);
    const [jayden, man] = await namedOf(id);
    const person = await createPerson(gw, { givenName: 'Jayden', dateOfBirth: '2011-06-01' });
    const linked = await ok<{ linkNamedPerson: { name: string; linkedPerson: { id: string } } }>(gw, LINK, {
      id: jayden,
      personId: person.person.id,
    });
    expect(linked.linkNamedPerson).toEqual({
      id: jayden,
      name: 'Jayden, about 14',
      linkedPerson: { id: person.person.id },
    });
    const { concern } = await ok<{
      concern: {
        subjects: { person: { id: string } }[];
        namedPeople: { linkedPerson: { id: string } | null }[];
      };
    }>(
      gw,
      `query($id: ID!) { concern(id: $id) { subjects { person { id } } namedPeople { linkedPerson { id } } } }`,
      {
        id,
      },
    );
    expect(concern.subjects.map((s) => s.person.id)).toEqual([person.person.id]);
    expect(concern.namedPeople.map((p) => p.linkedPerson?.id ?? null)).toEqual([person.person.id, null]);
    // In the person's chronology, at the time of the concern.
    const chronology = await gw.sql<{ kind: string }>(
      `select kind from chronology_entry where source_id = $1 and $2::uuid = any(person_ids)`,
      [id, person.person.id],
    );
    expect(chronology.map((c) => c.kind)).toEqual(['CONCERN_RAISED']);
    // Once only; the other person named cannot be linked to someone in the other role.
    const again = await gw.graphql(LINK, { id: jayden, personId: person.person.id }, lead);
    expect(again.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'id', code: 'already_linked', message: 'They are already linked to a record' },
    ]);
    const both = await gw.graphql(LINK, { id: man, personId: person.person.id }, lead);
    expect((both.errors?.[0]?.extensions?.fields as { field: string }[])[0]!.field).toBe('personId');
    const [row] = await gw.sql<{ linked: boolean; name: string }>(
      'select linked_person_id is not null as linked, name from concern_named_person where id = $1',
      [man],
    );
    expect(row).toEqual({ linked: false, name: 'Tall man in a grey van' });
  });

  it('is for leads and champions only, and refuses a person who is not found', async () => {
    const { id } = await raise(gw, { namedPeople: named }, tom);
    const [jayden] = await namedOf(id);
    const person = await createPerson(gw, { givenName: 'Jayden' });
    const refused = await gw.graphql(LINK, { id: jayden, personId: person.person.id }, tom);
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const missing = await gw.graphql(
      LINK,
      { id: jayden, personId: '00000000-0000-4000-8000-999999999999' },
      lead,
    );
    expect(missing.errors?.[0]?.extensions?.fields).toEqual([
      { field: 'personId', code: 'not_found', message: 'No such person' },
    ]);
    expect(await count(gw, 'select count(*) as n from concern_person where concern_id = $1', [id])).toBe(0);
  });
});
