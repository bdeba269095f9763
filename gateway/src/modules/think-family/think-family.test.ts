import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, ok } from '../../../test/records.js';
import { createLogger } from '../../logger.js';
import { createGateway, type Gateway } from '../../server.js';

/**
 * Think Family counts: open concerns and open referrals per person and per household, the same on
 * the compiled read path and through the resolvers (`compiledReads: false`); closed ones, and those
 * about someone restricted from the caller, are not counted; only leads and champions may ask.
 */
let gw: Awaited<ReturnType<typeof testGateway>>;
let resolvers: Gateway;
let resolversUrl: string;
const ORG = lead.organisationId;
const tom = user('tom');
const gareth = user('gareth');
let household: string;
let adult: string;
let child: string;

beforeAll(async () => {
  gw = await testGateway();
  resolvers = await createGateway({ ...gw.config, compiledReads: false }, gw.orm, createLogger('silent'));
  resolversUrl = `http://127.0.0.1:${await resolvers.listen(0, '127.0.0.1')}/graphql`;
  household = (await createHousehold(gw)).id;
  adult = (await createPerson(gw, { dateOfBirth: '1980-01-01' }, { householdId: household })).person.id;
  child = (await createPerson(gw, { dateOfBirth: '2020-01-01' }, { householdId: household })).person.id;
  // Someone restricted by another lead: hidden from Priya, and so is every concern naming them.
  const hidden = randomUUID();
  await gw.sql(
    `insert into person (id, organisation_id, given_name, family_name, other_names, vulnerability_factors, restricted, restricted_by_id, restricted_at, created_at, updated_at)
     values ($1, $2, 'Hidden', 'Person', '{}', '{}', true, $3, now(), now(), now())`,
    [hidden, ORG, user('morgan').id],
  );
  const concern = async (status: string, people: string[]) => {
    const id = randomUUID();
    await gw.sql(
      `insert into concern (id, reference, organisation_id, reporter_kind, status, urgency, categories, subject_description, location,
                            what_happened, views_status, consent_status, raised_at, updated_at, household_id)
       values ($1::uuid, 'SG-TF-' || substr($1::text, 1, 13), $2, 'STAFF', $3, 'ROUTINE', '{NEGLECT}', 'x', 'x', 'x',
               'ASKED_NONE_EXPRESSED', 'GIVEN', now(), now(), $4)`,
      [id, ORG, status, household],
    );
    for (const person of people) {
      await gw.sql(
        `insert into concern_person (id, organisation_id, concern_id, person_id, role) values (gen_random_uuid(), $1, $2, $3, 'SUBJECT')`,
        [ORG, id, person],
      );
    }
    return id;
  };
  const open = await concern('RAISED', [adult]);
  const triaged = await concern('TRIAGED', [adult, child]);
  const closed = await concern('CLOSED', [adult]);
  const aboutHidden = await concern('RAISED', [adult, hidden]);
  const [agency] = await gw.sql<{ id: string }>(
    `select id from organisation where agency_type is not null order by name limit 1`,
  );
  const referral = async (concernId: string, status: string, people: string[]) =>
    gw.sql(
      `insert into referral (organisation_id, id, recipient_organisation_id, concern_id, reason, legal_basis,
                             shared, status, version, person_ids, household_id, sent_by_id, sent_at)
       values ($1, gen_random_uuid(), $2, $3, 'r', 'CONSENT', '{}', $4, 1, $5::uuid[], $6, $7, now())`,
      [ORG, agency!.id, concernId, status, people, household, lead.id],
    );
  await referral(open, 'SENT', [adult]);
  await referral(triaged, 'ACCEPTED', [adult, child]);
  await referral(closed, 'CLOSED', [adult]);
  await referral(triaged, 'WITHDRAWN', [child]);
  await referral(aboutHidden, 'ACKNOWLEDGED', [adult]);
});
afterAll(async () => {
  await resolvers.close();
  await gw.close();
});

const QUERY = `query($id: ID!) {
  household(id: $id) {
    openConcernCount openReferralCount
    members { person { id openConcernCount openReferralCount } }
  }
}`;
type Answer = {
  household: {
    openConcernCount: number;
    openReferralCount: number;
    members: { person: { id: string; openConcernCount: number; openReferralCount: number } }[];
  };
};

async function viaResolvers(token: string): Promise<Answer> {
  const response = await fetch(resolversUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: QUERY, variables: { id: household } }),
  });
  const body = (await response.json()) as { data: Answer; errors?: unknown[] };
  expect(body.errors).toBeUndefined();
  return body.data;
}

describe('Think Family counts', () => {
  it('count open concerns and referrals, leaving out closed ones and those about someone restricted', async () => {
    const compiled = await ok<Answer>(gw, QUERY, { id: household });
    const byId = (answer: Answer) =>
      Object.fromEntries(answer.household.members.map((m) => [m.person.id, m.person]));
    expect(compiled.household).toMatchObject({ openConcernCount: 2, openReferralCount: 2 });
    expect(byId(compiled)[adult]).toMatchObject({ openConcernCount: 2, openReferralCount: 2 });
    expect(byId(compiled)[child]).toMatchObject({ openConcernCount: 1, openReferralCount: 1 });
    expect(await viaResolvers(await gw.tokenFor(lead))).toEqual(compiled);
  });

  it('add no audit row of their own: the household and its people are audited as ever', async () => {
    const audited = async (query: string) => {
      const before = await count(gw, `select count(*) as n from audit_event where organisation_id = $1`, [
        ORG,
      ]);
      await ok(gw, query, { id: household });
      return (
        (await count(gw, `select count(*) as n from audit_event where organisation_id = $1`, [ORG])) - before
      );
    };
    const without = await audited(`query($id: ID!) { household(id: $id) { id members { person { id } } } }`);
    expect(without).toBeGreaterThan(0);
    expect(await audited(QUERY)).toBe(without);
  });

  it('are refused to frontline staff and contractors', async () => {
    for (const who of [tom, gareth]) {
      const result = await gw.graphql(
        `query($id: ID!) { household(id: $id) { openConcernCount } }`,
        { id: household },
        who,
      );
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});
