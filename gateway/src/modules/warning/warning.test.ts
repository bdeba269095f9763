import { addMonths, isoDateOf } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS } from '../../db/demo.js';
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
