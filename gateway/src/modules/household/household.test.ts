import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, signToken } from '../../auth/tokens.js';
import { DEMO_HOUSEHOLDS } from '../../db/demo.js';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { count, createHousehold, createPerson, householdInput, lead, ok } from '../../../test/records.js';

const tom = user('tom');
const gareth = user('gareth');
const manager = user('ana');
const otherLead = user('morgan');
const auditor = user('sam');
const [alder, birch, cedar] = DEMO_HOUSEHOLDS;

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const CREATE = `mutation($key: String!, $input: HouseholdInput!) {
  createHousehold(idempotencyKey: $key, input: $input) { id tenancyReference postcode address tenure }
}`;
const MEMBERS = `query($id: ID!, $past: Boolean) {
  household(id: $id) { id members(includePast: $past) { id role joinedOn leftOn current person { id displayName child } } }
}`;
const VISITS = `{ householdsIWorkWith { id address tenancyReference members { id displayName } warnings { type description reviewDate aboutPersonName signedOff } } }`;

describe('households', () => {
  it('are created once per idempotency key, with the postcode tidied, and audited', async () => {
    const key = newKey();
    const input = householdInput({ postcode: 'rv91hw' });
    const first = await gw.graphql<{ createHousehold: { id: string; postcode: string } }>(
      CREATE,
      { key, input },
      lead,
    );
    expect(first.errors).toBeUndefined();
    expect(first.data!.createHousehold.postcode).toBe('RV9 1HW');
    const again = await gw.graphql<{ createHousehold: { id: string } }>(CREATE, { key, input }, lead);
    expect(again.data!.createHousehold.id).toBe(first.data!.createHousehold.id);
    expect(
      await count(gw, 'select count(*) as n from household where tenancy_reference = $1', [
        input.tenancyReference,
      ]),
    ).toBe(1);
    const other = await gw.graphql(CREATE, { key, input: { ...input, addressLine1: 'Elsewhere' } }, lead);
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(
      await count(gw, `select count(*) as n from audit_event where entity_id = $1 and action = 'CREATE'`, [
        first.data!.createHousehold.id,
      ]),
    ).toBe(1);
  });

  it('refuses bad input and a tenancy reference already used, field by field, saving nothing', async () => {
    const before = await count(gw, 'select count(*) as n from household');
    const bad = await gw.graphql(
      CREATE,
      {
        key: newKey(),
        input: householdInput({ postcode: 'not a postcode', addressLine1: ' ', tenure: 'OWNED' }),
      },
      lead,
    );
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = await gw.graphql(
      CREATE,
      { key: newKey(), input: householdInput({ postcode: 'nope', addressLine1: ' ' }) },
      lead,
    );
    expect(fields.errors![0]!.extensions!.fields!.map((f) => f.field).sort()).toEqual([
      'addressLine1',
      'postcode',
    ]);
    const taken = await gw.graphql(
      CREATE,
      { key: newKey(), input: householdInput({ tenancyReference: alder!.tenancyReference }) },
      lead,
    );
    expect(taken.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('tenancyReference');
    expect(await count(gw, 'select count(*) as n from household')).toBe(before);
  });

  it('have members over time: joining and leaving are dated and in the chronology', async () => {
    const household = await createHousehold(gw);
    const { person: ann } = await createPerson(
      gw,
      { givenName: 'Ann', dateOfBirth: '1960-01-01' },
      {
        householdId: household.id,
        role: 'LEAD_TENANT',
        joinedOn: '2015-03-01',
      },
    );
    const { person: joe } = await createPerson(gw, { givenName: 'Joe', dateOfBirth: '2012-05-05' });
    const added = await ok<{ addHouseholdMember: { id: string } }>(
      gw,
      `mutation($h: ID!, $input: HouseholdMemberInput!) { addHouseholdMember(householdId: $h, input: $input) { id } }`,
      { h: household.id, input: { personId: joe.id, role: 'OCCUPANT', joinedOn: '2016-01-01' } },
    );
    const twice = await gw.graphql(
      `mutation($h: ID!, $input: HouseholdMemberInput!) { addHouseholdMember(householdId: $h, input: $input) { id } }`,
      { h: household.id, input: { personId: joe.id, role: 'OCCUPANT', joinedOn: '2016-01-01' } },
      lead,
    );
    expect(twice.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    await ok(
      gw,
      `mutation($m: ID!, $input: LeaveHouseholdInput!) { endHouseholdMembership(memberId: $m, input: $input) { leftOn } }`,
      { m: added.addHouseholdMember.id, input: { leftOn: '2024-07-31' } },
    );
    const leftAgain = await gw.graphql(
      `mutation($m: ID!, $input: LeaveHouseholdInput!) { endHouseholdMembership(memberId: $m, input: $input) { leftOn } }`,
      { m: added.addHouseholdMember.id, input: { leftOn: '2024-08-31' } },
      lead,
    );
    expect(leftAgain.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');

    type Members = {
      household: {
        members: { leftOn: string | null; current: boolean; person: { id: string; child: boolean } }[];
      };
    };
    const now = await ok<Members>(gw, MEMBERS, { id: household.id });
    expect(now.household.members.map((m) => m.person.id)).toEqual([ann.id]);
    const all = await ok<Members>(gw, MEMBERS, { id: household.id, past: true });
    expect(all.household.members.map((m) => [m.person.id, m.leftOn, m.current])).toEqual([
      [ann.id, null, true],
      [joe.id, '2024-07-31', false],
    ]);
    const kinds = await gw.sql<{ kind: string }>(
      `select kind from chronology_entry where household_id = $1 order by occurred_at`,
      [household.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['MEMBER_JOINED', 'MEMBER_JOINED', 'MEMBER_LEFT']);
  });

  it('are the safeguarding team’s: frontline staff, managers and auditors cannot read them; another organisation gets NOT_FOUND', async () => {
    for (const who of [tom, manager, auditor]) {
      const result = await gw.graphql(MEMBERS, { id: birch!.id }, who);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
    const elsewhere = await gw.graphql(MEMBERS, { id: birch!.id }, otherLead);
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});

describe('who works with a household', () => {
  it('Tom (housing officer) sees the warnings of the two households on his patch, and no concern', async () => {
    const data = await ok<{
      householdsIWorkWith: {
        id: string;
        members: { displayName: string }[];
        warnings: { type: string; aboutPersonName: string | null }[];
      }[];
    }>(gw, VISITS, {}, tom);
    expect(data.householdsIWorkWith.map((h) => h.id).sort()).toEqual([birch!.id, cedar!.id].sort());
    const cedarView = data.householdsIWorkWith.find((h) => h.id === cedar!.id)!;
    expect(cedarView.members.map((m) => m.displayName).sort()).toEqual([
      'Kelly Price',
      'Lily Price',
      'Mason Price',
    ]);
    expect(cedarView.warnings.map((w) => w.type)).toEqual(['RISK_TO_STAFF']);
    const concerns = await gw.graphql(`{ concerns { totalCount } }`, {}, tom);
    expect(concerns.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('Gareth (gas engineer) sees only Alder Court, including a warning still waiting for sign-off', async () => {
    const data = await ok<{
      householdsIWorkWith: {
        id: string;
        warnings: { type: string; signedOff: boolean; aboutPersonName: string }[];
      }[];
    }>(gw, VISITS, {}, gareth);
    expect(data.householdsIWorkWith.map((h) => h.id)).toEqual([alder!.id]);
    expect(data.householdsIWorkWith[0]!.warnings).toEqual([
      expect.objectContaining({ type: 'ADULT_AT_RISK', signedOff: false, aboutPersonName: 'Walter Briggs' }),
    ]);
    const elsewhere = await gw.graphql(
      `query($id: ID!) { visitHousehold(id: $id) { id } }`,
      { id: birch!.id },
      gareth,
    );
    expect(elsewhere.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('a widget token bound to a household lets a contractor see that household for the visit', async () => {
    const { token } = await signToken(gw.config.jwt, {
      audience: AUDIENCES.widget,
      subject: gareth.id,
      claims: { kind: 'staff', org: gareth.organisationId, hh: birch!.id },
      lifetimeSeconds: 600,
    });
    const result = await gw.graphql<{ visitHousehold: { id: string; warnings: { type: string }[] } }>(
      `query($id: ID!) { visitHousehold(id: $id) { id warnings { type } } }`,
      { id: birch!.id },
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(result.data!.visitHousehold.warnings.map((w) => w.type)).toEqual(['DISCLOSURE_RISK']);
  });

  it('is managed by leads: an assignment starts and ends, and with it what the worker sees', async () => {
    const household = await createHousehold(gw);
    const assign = await gw.graphql(
      `mutation($input: AssignmentInput!) { assignHousehold(input: $input) { id userName current } }`,
      { input: { userId: tom.id, householdId: household.id, from: '2025-01-01', reason: 'REPAIR_JOB' } },
      tom,
    );
    expect(assign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const made = await ok<{ assignHousehold: { id: string; userName: string; current: boolean } }>(
      gw,
      `mutation($input: AssignmentInput!) { assignHousehold(input: $input) { id userName current } }`,
      { input: { userId: tom.id, householdId: household.id, from: '2025-01-01', reason: 'REPAIR_JOB' } },
    );
    expect(made.assignHousehold).toMatchObject({ userName: tom.name, current: true });
    const seen = async () =>
      (await ok<{ householdsIWorkWith: { id: string }[] }>(gw, VISITS, {}, tom)).householdsIWorkWith.map(
        (h) => h.id,
      );
    expect(await seen()).toContain(household.id);
    const yesterday = new Date(Date.now() - 86_400_000).toISOString().slice(0, 10);
    await ok(
      gw,
      `mutation($id: ID!, $until: String) { endHouseholdAssignment(id: $id, until: $until) { current } }`,
      {
        id: made.assignHousehold.id,
        until: yesterday,
      },
    );
    expect(await seen()).not.toContain(household.id);
    const listed = await ok<{ householdAssignments: { userId: string }[] }>(
      gw,
      `query($h: ID!) { householdAssignments(householdId: $h, includeEnded: true) { userId } }`,
      { h: household.id },
    );
    expect(listed.householdAssignments).toEqual([{ userId: tom.id }]);
  });
});
