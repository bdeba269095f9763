import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS } from '../../db/demo.js';
import { asApp as asAppIn, testGateway, user } from '../../../test/harness.js';
import { createHousehold, createPerson, lead, ok } from '../../../test/records.js';

const tom = user('tom');
const otherLead = user('morgan');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const PEOPLE = `query($q: String!, $first: Int, $after: String) {
  searchPeople(query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { score node { id displayName } } }
  }
}`;
const HOUSEHOLDS = `query($q: String!, $first: Int, $after: String) {
  searchHouseholds(query: $q, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { score node { id tenancyReference address } } }
  }
}`;
type People = {
  searchPeople: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { score: number; node: { id: string; displayName: string } } }[];
  };
};
type Households = {
  searchHouseholds: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: { score: number; node: { id: string; tenancyReference: string } } }[];
  };
};

describe('search', () => {
  it('finds people by name, misspelt, best match first', async () => {
    const { person: exact } = await createPerson(gw, { givenName: 'Bartholomew', familyName: 'Quenby' });
    const { person: near } = await createPerson(gw, { givenName: 'Bartholemew', familyName: 'Quenbie' });
    await createPerson(gw, { givenName: 'Unrelated', familyName: 'Name' });
    const found = await ok<People>(gw, PEOPLE, { q: 'Bartholomew Quenby' });
    const ids = found.searchPeople.edges.map((e) => e.node.node.id);
    expect(ids.slice(0, 2)).toEqual([exact.id, near.id]);
    expect(found.searchPeople.edges[0]!.node.score).toBeGreaterThan(found.searchPeople.edges[1]!.node.score);
    const other = await ok<People>(gw, PEOPLE, { q: 'Quenbie' });
    expect(other.searchPeople.edges[0]!.node.node.id).toBe(near.id);
  });

  it('finds people by another name, and by the address of where they live', async () => {
    const household = await createHousehold(gw, { addressLine1: '88 Larkspur Terrace' });
    const { person } = await createPerson(
      gw,
      { givenName: 'Jo', familyName: 'Tarrant', otherNames: ['Josephine Wilde'] },
      { householdId: household.id },
    );
    for (const q of ['Josephine Wilde', 'Larkspur Terrace']) {
      const found = await ok<People>(gw, PEOPLE, { q });
      expect(
        found.searchPeople.edges.map((e) => e.node.node.id),
        q,
      ).toContain(person.id);
    }
  });

  it('finds households by address, postcode, tenancy reference or a resident’s name', async () => {
    const household = await createHousehold(gw, {
      addressLine1: '5 Foxglove Mews',
      postcode: 'RV7 3FM',
      tenancyReference: 'RH-777001',
    });
    await createPerson(
      gw,
      { givenName: 'Ottoline', familyName: 'Fairweather' },
      { householdId: household.id },
    );
    for (const q of ['Foxglove Mews', 'RV7 3FM', 'RH-777001', 'Ottoline Fairweather']) {
      const found = await ok<Households>(gw, HOUSEHOLDS, { q });
      expect(found.searchHouseholds.edges[0]?.node.node.id, q).toBe(household.id);
    }
  });

  it('pages through ranked results with a cursor, each result once', async () => {
    for (let i = 0; i < 7; i++) await createHousehold(gw, { addressLine1: `${i + 1} Periwinkle Close` });
    const first = await ok<Households>(gw, HOUSEHOLDS, { q: 'Periwinkle Close', first: 3 });
    expect(first.searchHouseholds).toMatchObject({ totalCount: 7, pageInfo: { hasNextPage: true } });
    const seen = first.searchHouseholds.edges.map((e) => e.node.node.id);
    let after = first.searchHouseholds.pageInfo.endCursor;
    for (;;) {
      const page = await ok<Households>(gw, HOUSEHOLDS, { q: 'Periwinkle Close', first: 3, after });
      seen.push(...page.searchHouseholds.edges.map((e) => e.node.node.id));
      if (!page.searchHouseholds.pageInfo.hasNextPage) break;
      after = page.searchHouseholds.pageInfo.endCursor;
    }
    expect(new Set(seen).size).toBe(7);
  });

  it('is the safeguarding team’s, within their organisation, audited without the words searched', async () => {
    expect((await gw.graphql(PEOPLE, { q: 'Price' }, tom)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const theirs = await ok<Households>(gw, HOUSEHOLDS, { q: 'Cedar Walk' }, otherLead);
    expect(theirs.searchHouseholds.edges.map((e) => e.node.node.id)).not.toContain(DEMO_HOUSEHOLDS[2]!.id);
    const ours = await ok<Households>(gw, HOUSEHOLDS, { q: 'Cedar Walk' }, lead);
    expect(ours.searchHouseholds.edges[0]!.node.node.id).toBe(DEMO_HOUSEHOLDS[2]!.id);
    const audit = await gw.sql<{ entity_type: string; reason: string | null }>(
      `select entity_type, reason from audit_event where actor_user_id = $1 and entity_id = $2 and action = 'READ'`,
      [lead.id, DEMO_HOUSEHOLDS[2]!.id],
    );
    expect(audit).toContainEqual({ entity_type: 'Household', reason: null });
    const words = await gw.sql(`select 1 from audit_event where reason ilike '%cedar%'`);
    expect(words).toEqual([]);
    const tooShort = await gw.graphql(PEOPLE, { q: 'a' }, lead);
    expect(tooShort.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('query');
  });
});

describe('the index-backed match functions', () => {
  it('keep to the organisation of the request, as row-level security would', async () => {
    const asApp = (organisationId: string, sql: string, params: unknown[]) =>
      asAppIn(gw.url, organisationId, async (client) => (await client.query(sql, params)).rows);
    const edith = 'select id from doorstep_match_people($1)';
    expect(await asApp(lead.organisationId, edith, ['Edith Marsh'])).not.toEqual([]);
    expect(await asApp(otherLead.organisationId, edith, ['Edith Marsh'])).toEqual([]);
    expect(await asApp('', edith, ['Edith Marsh'])).toEqual([]);
    const birch = 'select id from doorstep_match_households($1)';
    expect(await asApp(otherLead.organisationId, birch, ['RH-100871'])).toEqual([]);
    expect(await asApp(lead.organisationId, birch, ['RH-100871'])).toEqual([{ id: DEMO_HOUSEHOLDS[1]!.id }]);
    const similar = 'select id from doorstep_similar_people($1, $2)';
    expect(await asApp(otherLead.organisationId, similar, ['Edith Marsh', '1943-02-19'])).toEqual([]);
    const naming = 'select id from doorstep_entries_naming($1)';
    const walter = '00000000-0000-4000-8000-000000000501';
    expect(await asApp(lead.organisationId, naming, [[walter]])).not.toEqual([]);
    expect(await asApp(otherLead.organisationId, naming, [[walter]])).toEqual([]);
  });
});
