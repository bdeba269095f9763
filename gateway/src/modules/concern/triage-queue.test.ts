import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { count, lead, ok, raise } from '../../../test/records.js';

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const QUEUE = `query($first: Int, $after: String) {
  concernsToTriage(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { node { id urgency status raisedAt triageDueAt } }
  }
}`;
type Queue = {
  concernsToTriage: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; urgency: string; status: string; raisedAt: string; triageDueAt: string } }[];
  };
};
const TRIAGE = `mutation($id: ID!) {
  triageConcern(id: $id, input: { decision: NO_FURTHER_ACTION, riskLevel: LOW, reason: "Checked" }) { id }
}`;

/** Raises a concern of this urgency and dates it `hoursAgo` back. */
async function raised(urgency: string, hoursAgo: number) {
  const { id } = await raise(gw, { urgency });
  await gw.sql(`update concern set raised_at = now() - make_interval(hours => $2) where id = $1`, [
    id,
    hoursAgo,
  ]);
  return id;
}

const all = async () => {
  const edges: Queue['concernsToTriage']['edges'] = [];
  let after: string | null = null;
  do {
    const page: Queue = await ok<Queue>(gw, QUEUE, { first: 2, after });
    edges.push(...page.concernsToTriage.edges);
    after = page.concernsToTriage.pageInfo.hasNextPage ? page.concernsToTriage.pageInfo.endCursor : null;
  } while (after);
  return edges.map((e) => e.node);
};

describe('concernsToTriage', () => {
  it('lists the concerns waiting for triage, most urgent first, then the longest waiting, each with its due time', async () => {
    const routineOld = await raised('ROUTINE', 100);
    const urgentNew = await raised('URGENT', 1);
    const danger = await raised('IMMEDIATE_DANGER', 0);
    const urgentOld = await raised('URGENT', 30);
    const lowLevel = await raised('LOW_LEVEL', 2);
    const triaged = await raised('IMMEDIATE_DANGER', 5);
    await ok(gw, TRIAGE, { id: triaged });

    const nodes = await all();
    const ours = [routineOld, urgentNew, danger, urgentOld, lowLevel, triaged];
    expect(nodes.filter((n) => ours.includes(n.id)).map((n) => n.id)).toEqual([
      danger,
      urgentOld,
      urgentNew,
      routineOld,
      lowLevel,
    ]);
    // Every page together: each waiting concern once, only RAISED ones, in urgency order.
    expect(new Set(nodes.map((n) => n.id)).size).toBe(nodes.length);
    expect(nodes.every((n) => n.status === 'RAISED')).toBe(true);
    const ranks = nodes.map((n) => ['IMMEDIATE_DANGER', 'URGENT', 'ROUTINE', 'LOW_LEVEL'].indexOf(n.urgency));
    expect(ranks).toEqual([...ranks].sort((a, b) => a - b));
    const { concernsToTriage } = await ok<Queue>(gw, QUEUE, { first: 1 });
    expect(concernsToTriage.totalCount).toBe(nodes.length);

    const hours = (n: (typeof nodes)[number]) =>
      (Date.parse(n.triageDueAt) - Date.parse(n.raisedAt)) / 3_600_000;
    const byId = new Map(nodes.map((n) => [n.id, n]));
    expect(hours(byId.get(danger)!)).toBe(1);
    expect(hours(byId.get(urgentOld)!)).toBe(24);
    expect(hours(byId.get(routineOld)!)).toBe(72);
    expect(hours(byId.get(lowLevel)!)).toBe(168);
  });

  it('gives no due time once a concern is triaged, by the compiled read path as by the resolvers', async () => {
    const id = await raised('URGENT', 3);
    const ONE = `query($id: ID!) { concern(id: $id) { status triageDueAt } }`;
    const before = await ok<{ concern: { triageDueAt: string | null } }>(gw, ONE, { id });
    const [row] = await gw.sql<{ raised_at: Date }>('select raised_at from concern where id = $1', [id]);
    expect(Date.parse(before.concern.triageDueAt!)).toBe(row!.raised_at.getTime() + 24 * 3_600_000);
    await ok(gw, TRIAGE, { id });
    expect(await ok(gw, ONE, { id })).toEqual({ concern: { status: 'TRIAGED', triageDueAt: null } });
  });

  it('audits a read of each concern listed', async () => {
    const id = await raised('IMMEDIATE_DANGER', 0);
    const audited = () =>
      count(gw, `select count(*) as n from audit_event where entity_id = $1 and action = 'READ'`, [id]);
    const before = await audited();
    await ok(gw, QUEUE, { first: 100 });
    expect(await audited()).toBe(before + 1);
  });

  it('is for those who triage: contractors, housing officers, managers and agency officers are refused', async () => {
    for (const who of ['gareth', 'tom', 'ana', 'dee']) {
      // Not even how many are waiting.
      for (const query of [QUEUE, '{ concernsToTriage { totalCount } }']) {
        const result = await gw.graphql(query, {}, user(who));
        expect(result.errors?.[0]?.extensions?.code, who).toBe('FORBIDDEN');
        expect(result.data ?? null, who).toBeNull();
      }
    }
  });

  it('shows another organisation nothing of this one', async () => {
    const id = await raised('IMMEDIATE_DANGER', 0);
    const { concernsToTriage } = await ok<Queue>(gw, QUEUE, { first: 100 }, user('morgan'));
    expect(concernsToTriage.edges.map((e) => e.node.id)).not.toContain(id);
  });

  it('refuses a cursor it did not give', async () => {
    const result = await gw.graphql(QUEUE, { after: '9.bm9wZQ' }, lead);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
