import { addMonths, isoDateOf } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, type DemoUser } from '../../db/demo.js';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { createHousehold, createPerson, lead, ok } from '../../../test/records.js';

const manager = user('ana');
const tom = user('tom');
const gareth = user('gareth');
const champion = user('jo');
const otherManagerless = user('morgan');
const [, birch] = DEMO_HOUSEHOLDS;

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const ADD = `mutation($key: String!, $input: WarningInput!) {
  addWarning(idempotencyKey: $key, input: $input) { id status type reviewDate toldStatus toldHow notToldReason version subjectName }
}`;
const SIGN = `mutation($id: ID!) { signOffWarning(id: $id) { status signedOffAt version } }`;
const inAMonth = () => addMonths(isoDateOf(), 1);
const warningInput = (overrides: Record<string, unknown>) => ({
  type: 'RISK_TO_STAFF',
  description: 'Dog in the house: ask for it to be shut away before going in.',
  reviewDate: inAMonth(),
  told: { status: 'TOLD', how: 'Told at the door' },
  ...overrides,
});

describe('warnings', () => {
  it('go on a person or a household, with whether and how the person was told; a manager signs them off', async () => {
    const household = await createHousehold(gw);
    const added = await ok<{
      addWarning: { id: string; status: string; subjectName: string; version: number };
    }>(gw, ADD, { key: newKey(), input: warningInput({ householdId: household.id }) }, champion);
    expect(added.addWarning).toMatchObject({ status: 'PENDING_SIGN_OFF', subjectName: household.address });
    const bySelf = await gw.graphql(SIGN, { id: added.addWarning.id }, lead);
    expect(bySelf.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const signed = await ok<{ signOffWarning: { status: string } }>(
      gw,
      SIGN,
      { id: added.addWarning.id },
      manager,
    );
    expect(signed.signOffWarning.status).toBe('ACTIVE');
    const twice = await gw.graphql(SIGN, { id: added.addWarning.id }, manager);
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const kinds = await gw.sql<{ kind: string }>(
      `select kind from chronology_entry where source_id = $1 order by recorded_at`,
      [added.addWarning.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['WARNING_ADDED', 'WARNING_SIGNED_OFF']);
  });

  it('are signed off by someone other than who added or changed them since the last sign-off (four eyes)', async () => {
    // Two people who are both safeguarding leads and managers: each may write and sign off warnings.
    const both = async (name: string): Promise<DemoUser> => {
      const added: DemoUser = {
        id: randomUUID(),
        organisationId: manager.organisationId,
        name,
        email: `${name.toLowerCase()}@riverside.example`,
        roles: ['SAFEGUARDING_LEAD', 'MANAGER'],
      };
      await gw.sql(
        `insert into app_user (id, organisation_id, name, email, roles, created_at) values ($1, $2, $3, $4, $5, now())`,
        [added.id, added.organisationId, added.name, added.email, added.roles],
      );
      return added;
    };
    const kim = await both('Kim');
    const lee = await both('Lee');
    const UPDATE = `mutation($id: ID!, $input: WarningUpdateInput!) { updateWarning(id: $id, input: $input) { status } }`;
    const change = (id: string, as: DemoUser, months: number) =>
      ok(gw, UPDATE, { id, input: warningInput({ reviewDate: addMonths(isoDateOf(), months) }) }, as);
    const state = (id: string) =>
      gw.sql(
        `select w.status, w.version, w.signed_off_by_id,
                (select count(*)::int from audit_event a where a.entity_id = w.id) as audited,
                (select count(*)::int from chronology_entry c where c.source_id = w.id) as chronicled
           from warning w where w.id = $1`,
        [id],
      );
    const refused = async (id: string, as: DemoUser) => {
      const before = await state(id);
      const result = await gw.graphql(SIGN, { id }, as);
      expect(result.errors?.[0]?.extensions?.code, as.name).toBe('SAME_PERSON');
      expect(result.errors?.[0]?.message).toMatch(/someone else must sign it off/);
      expect(await state(id), `${as.name}: nothing changed`).toEqual(before);
    };
    const signs = async (id: string, as: DemoUser) =>
      expect(
        (await ok<{ signOffWarning: { status: string } }>(gw, SIGN, { id }, as)).signOffWarning.status,
      ).toBe('ACTIVE');

    const household = await createHousehold(gw);
    const { addWarning } = await ok<{ addWarning: { id: string } }>(
      gw,
      ADD,
      { key: newKey(), input: warningInput({ householdId: household.id }) },
      kim,
    );
    await refused(addWarning.id, kim);
    await signs(addWarning.id, lee);
    // Lee reviews it: Lee's change needs another's eyes; Kim's original was already signed off.
    await change(addWarning.id, lee, 2);
    await refused(addWarning.id, lee);
    await signs(addWarning.id, kim);
    // Both change it before anyone signs it off: neither may.
    await change(addWarning.id, kim, 3);
    await change(addWarning.id, lee, 4);
    await refused(addWarning.id, kim);
    await refused(addWarning.id, lee);
    await signs(addWarning.id, manager);
  });

  it('are not shown again to a retry once the person has been restricted from the one retrying', async () => {
    const { person } = await createPerson(gw, { givenName: 'Later', familyName: 'Restricted' });
    const key = newKey();
    const input = warningInput({ personId: person.id });
    const first = await ok<{ addWarning: { id: string } }>(gw, ADD, { key, input }, champion);
    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: person.id,
    });
    const retry = await gw.graphql(ADD, { key, input }, champion);
    expect(retry.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    expect(retry.data?.addWarning ?? null).toBe(null);
    // Still there, for those who may see the person.
    expect(await gw.sql('select 1 from warning where id = $1', [first.addWarning.id])).toHaveLength(1);
  });

  it('refuse a review date more than 12 months ahead or past, missing telling details, and two subjects', async () => {
    const { person } = await createPerson(gw, { givenName: 'Warned' });
    const household = await createHousehold(gw);
    const cases: [Record<string, unknown>, string][] = [
      [{ personId: person.id, reviewDate: addMonths(isoDateOf(), 13) }, 'reviewDate'],
      [{ personId: person.id, reviewDate: '2020-01-01' }, 'reviewDate'],
      [{ personId: person.id, told: { status: 'NOT_TOLD' } }, 'told.whyNot'],
      [{ personId: person.id, told: { status: 'TOLD' } }, 'told.how'],
      [{ personId: person.id, householdId: household.id }, 'personId'],
    ];
    for (const [input, field] of cases) {
      const result = await gw.graphql(ADD, { key: newKey(), input: warningInput(input) }, lead);
      expect(
        result.errors?.[0]?.extensions?.fields?.map((f) => f.field),
        JSON.stringify(input),
      ).toEqual([field]);
    }
    const atTheLimit = await gw.graphql(
      ADD,
      { key: newKey(), input: warningInput({ personId: person.id, reviewDate: addMonths(isoDateOf(), 12) }) },
      lead,
    );
    expect(atTheLimit.errors).toBeUndefined();
  });

  it('need signing off again after a change, cannot change once ended, and the change is in the chronology', async () => {
    const { person } = await createPerson(gw, { givenName: 'Changed' });
    const { addWarning } = await ok<{ addWarning: { id: string } }>(gw, ADD, {
      key: newKey(),
      input: warningInput({ personId: person.id, type: 'ADULT_AT_RISK' }),
    });
    await ok(gw, SIGN, { id: addWarning.id }, manager);
    const UPDATE = `mutation($id: ID!, $input: WarningUpdateInput!, $v: Int) { updateWarning(id: $id, input: $input, expectedVersion: $v) { status reviewDate version } }`;
    const stale = await gw.graphql(UPDATE, { id: addWarning.id, input: warningInput({}), v: 1 }, lead);
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
    const updated = await ok<{ updateWarning: { status: string; version: number } }>(gw, UPDATE, {
      id: addWarning.id,
      input: warningInput({ reviewDate: addMonths(isoDateOf(), 2) }),
      v: 2,
    });
    expect(updated.updateWarning).toMatchObject({ status: 'PENDING_SIGN_OFF', version: 3 });
    await ok(gw, `mutation($id: ID!) { endWarning(id: $id, input: { reason: "Moved away" }) { status } }`, {
      id: addWarning.id,
    });
    const afterEnd = await gw.graphql(UPDATE, { id: addWarning.id, input: warningInput({}) }, lead);
    expect(afterEnd.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const kinds = await gw.sql<{ kind: string }>(
      `select kind from chronology_entry where source_id = $1 order by recorded_at`,
      [addWarning.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual([
      'WARNING_ADDED',
      'WARNING_SIGNED_OFF',
      'WARNING_CHANGED',
      'WARNING_ENDED',
    ]);
  });

  it('past their review date are listed for review (to leads and managers), earliest first; ended ones are not', async () => {
    const household = await createHousehold(gw);
    const ids: string[] = [];
    for (const days of [10, 40, 5]) {
      const { addWarning } = await ok<{ addWarning: { id: string } }>(gw, ADD, {
        key: newKey(),
        input: warningInput({ householdId: household.id }),
      });
      await gw.sql(`update warning set review_date = current_date - $2::int where id = $1`, [
        addWarning.id,
        days,
      ]);
      ids.push(addWarning.id);
    }
    await ok(gw, `mutation($id: ID!) { endWarning(id: $id, input: { reason: "Over" }) { status } }`, {
      id: ids[2],
    });
    const DUE = `{ warningsDueForReview(first: 100) { totalCount edges { node { id overdueForReview } } } }`;
    for (const who of [lead, manager]) {
      const due = await ok<{
        warningsDueForReview: { edges: { node: { id: string; overdueForReview: boolean } }[] };
      }>(gw, DUE, {}, who);
      const mine = due.warningsDueForReview.edges.map((e) => e.node).filter((n) => ids.includes(n.id));
      expect(mine).toEqual([
        { id: ids[1], overdueForReview: true },
        { id: ids[0], overdueForReview: true },
      ]);
    }
    expect((await gw.graphql(DUE, {}, tom)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('are shown to someone visiting a household they work with: type, how to stay safe, review date — not the concern behind them', async () => {
    const VISIT = `query($id: ID!) { visitHousehold(id: $id) { warnings { type description reviewDate aboutPersonName } } }`;
    const seen = await ok<{ visitHousehold: { warnings: { type: string; description: string }[] } }>(
      gw,
      VISIT,
      { id: birch!.id },
      tom,
    );
    expect(seen.visitHousehold.warnings).toEqual([
      expect.objectContaining({ type: 'DISCLOSURE_RISK', aboutPersonName: null }),
    ]);
    // The full warning (who was told, sign-off) and the concerns are not theirs.
    const full = await gw.graphql(`{ warningsAwaitingSignOff { totalCount } }`, {}, tom);
    expect(full.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const notTheirs = await gw.graphql(VISIT, { id: birch!.id }, gareth);
    expect(notTheirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const otherOrganisation = await gw.graphql(VISIT, { id: birch!.id }, otherManagerless);
    expect(otherOrganisation.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
