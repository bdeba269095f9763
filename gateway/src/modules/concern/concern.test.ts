import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user, validConcern } from '../../../test/harness.js';

const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference receivedAt }
}`;
const LIST = `query List($first: Int, $after: String) {
  concerns(first: $first, after: $after) {
    totalCount
    pageInfo { hasNextPage endCursor }
    edges { cursor node { id reference subjectDescription raisedAt } }
  }
}`;
const ONE = `query One($id: ID!) { concern(id: $id) { id reference reporterKind whatHappened viewsStatus views consentStatus } }`;

const contractor = user('gareth');
const frontline = user('tom');
const lead = user('priya');
const otherLead = user('morgan');
const auditor = user('sam');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const count = async () => Number((await gw.sql<{ n: string }>('select count(*) as n from concern'))[0]!.n);

describe('raiseConcern', () => {
  it('stores a contractor’s concern and gives back only the reference', async () => {
    const result = await gw.graphql<{ raiseConcern: { reference: string; receivedAt: string } }>(
      RAISE,
      { key: newKey(), input: validConcern({ whatHappened: 'Boiler off, tenant very cold' }) },
      contractor,
    );
    expect(result.errors).toBeUndefined();
    const { reference, receivedAt } = result.data!.raiseConcern;
    expect(reference).toMatch(/^SG-\d{4}-\d{6}$/);
    expect(Date.parse(receivedAt)).not.toBeNaN();

    const rows = await gw.sql(
      'select organisation_id, raised_by_id, reporter_kind, what_happened, status from concern where reference = $1 and organisation_id = $2',
      [reference, contractor.organisationId],
    );
    expect(rows).toEqual([
      {
        organisation_id: contractor.organisationId,
        raised_by_id: contractor.id,
        reporter_kind: 'CONTRACTOR',
        what_happened: 'Boiler off, tenant very cold',
        status: 'RAISED',
      },
    ]);
  });

  it('records staff as STAFF and writes a CREATE audit row in the same transaction', async () => {
    const result = await gw.graphql<{ raiseConcern: { reference: string } }>(
      RAISE,
      { key: newKey(), input: validConcern() },
      frontline,
    );
    const [row] = await gw.sql<{ id: string; reporter_kind: string }>(
      'select id, reporter_kind from concern where reference = $1 and organisation_id = $2',
      [result.data!.raiseConcern.reference, frontline.organisationId],
    );
    expect(row!.reporter_kind).toBe('STAFF');
    const audit = await gw.sql(
      'select action, actor_user_id, organisation_id from audit_event where entity_id = $1',
      [row!.id],
    );
    expect(audit).toEqual([
      { action: 'CREATE', actor_user_id: frontline.id, organisation_id: frontline.organisationId },
    ]);
  });

  it('refuses bad input with BAD_USER_INPUT, a message per field, and saves nothing', async () => {
    const before = await count();
    const result = await gw.graphql(
      RAISE,
      {
        key: newKey(),
        input: validConcern({
          subjectDescription: '   ',
          whatHappened: 'x'.repeat(10_001),
          personViews: { status: 'NOT_ASKED' },
          consent: { status: 'NOT_SOUGHT' },
          categories: ['FINANCIAL'],
          primaryCategory: 'PHYSICAL',
          happenedAt: '2999-01-01T00:00:00Z',
        }),
      },
      frontline,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const fields = result.errors![0]!.extensions!.fields!.map((f) => f.field).sort();
    expect(fields).toEqual(
      [
        'consent.reason',
        'happenedAt',
        'personViews.notAskedReason',
        'primaryCategory',
        'subjectDescription',
        'whatHappened',
      ].sort(),
    );
    expect(await count()).toBe(before);
  });

  it('refuses an unknown enum value as BAD_USER_INPUT', async () => {
    const result = await gw.graphql(
      RAISE,
      { key: newKey(), input: validConcern({ urgency: 'WHENEVER' }) },
      frontline,
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('needs a token, and a valid one', async () => {
    const before = await count();
    const none = await gw.graphql(RAISE, { key: newKey(), input: validConcern() });
    expect(none.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const forged = await gw.graphql(
      RAISE,
      { key: newKey(), input: validConcern() },
      { token: 'eyJhbGciOiJub25lIn0.e30.' },
    );
    expect(forged.status).toBe(401);
    expect(forged.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    const expired = await gw.graphql(
      RAISE,
      { key: newKey(), input: validConcern() },
      { token: await gw.tokenFor(frontline, -60) },
    );
    expect(expired.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('asks a user who no longer exists to sign in again, and saves nothing', async () => {
    const before = await count();
    const ghost = { ...frontline, id: '00000000-0000-4000-8000-00000000dead' };
    const result = await gw.graphql(RAISE, { key: newKey(), input: validConcern() }, ghost);
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(await count()).toBe(before);
  });

  it('refuses roles that do not raise concerns', async () => {
    const result = await gw.graphql(RAISE, { key: newKey(), input: validConcern() }, auditor);
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('gives parallel submissions distinct, consecutive references', async () => {
    const results = await Promise.all(
      Array.from({ length: 12 }, () =>
        gw.graphql<{ raiseConcern: { reference: string } }>(
          RAISE,
          { key: newKey(), input: validConcern() },
          frontline,
        ),
      ),
    );
    const numbers = results
      .map((r) => Number(r.data!.raiseConcern.reference.slice(-6)))
      .sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(12);
    expect(numbers.at(-1)! - numbers[0]!).toBe(11);
  });

  it('never writes what was reported into the logs', async () => {
    const marker = 'Marker-7c1f the tenant said her son takes her pension';
    await gw.graphql(
      RAISE,
      { key: newKey(), input: validConcern({ whatHappened: marker, subjectDescription: marker }) },
      frontline,
    );
    await gw.graphql(LIST, {}, lead);
    expect(gw.logs.length).toBeGreaterThan(0);
    expect(gw.logs.join('\n')).not.toContain('Marker-7c1f');
  });
});

describe('reading concerns', () => {
  it('is for safeguarding leads only', async () => {
    for (const who of [contractor, frontline, auditor]) {
      const result = await gw.graphql(LIST, {}, who);
      expect(result.errors?.[0]?.extensions?.code, who.email).toBe('FORBIDDEN');
      expect(result.data).toBeNull();
    }
    const anonymous = await gw.graphql(LIST, {});
    expect(anonymous.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });

  it('shows a lead their own organisation’s concerns and nothing of another’s', async () => {
    const raised = await gw.graphql<{ raiseConcern: { reference: string } }>(
      RAISE,
      { key: newKey(), input: validConcern({ whatHappened: 'Seen by Riverside' }) },
      frontline,
    );
    const reference = raised.data!.raiseConcern.reference;
    const [row] = await gw.sql<{ id: string }>(
      'select id from concern where reference = $1 and organisation_id = $2',
      [reference, frontline.organisationId],
    );

    const mine = await gw.graphql<{ concern: Record<string, unknown> }>(ONE, { id: row!.id }, lead);
    expect(mine.data!.concern).toMatchObject({
      reference,
      reporterKind: 'STAFF',
      whatHappened: 'Seen by Riverside',
      viewsStatus: 'ASKED_EXPRESSED',
      views: 'Wants help with shopping',
      consentStatus: 'GIVEN',
    });

    const theirs = await gw.graphql(ONE, { id: row!.id }, otherLead);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const theirList = await gw.graphql<{ concerns: { totalCount: number } }>(LIST, {}, otherLead);
    expect(theirList.data!.concerns.totalCount).toBe(0);

    const nonsense = await gw.graphql(ONE, { id: 'not-a-uuid' }, lead);
    expect(nonsense.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('audits every concern read', async () => {
    const list = await gw.graphql<{ concerns: { edges: { node: { id: string } }[] } }>(
      LIST,
      { first: 3 },
      lead,
    );
    const ids = list.data!.concerns.edges.map((e) => e.node.id);
    expect(ids.length).toBe(3);
    const rows = await gw.sql<{ entity_id: string }>(
      `select entity_id from audit_event where action = 'READ' and actor_user_id = $1 and entity_id = any($2::uuid[])`,
      [lead.id, ids],
    );
    expect(new Set(rows.map((r) => r.entity_id))).toEqual(new Set(ids));
  });

  it('pages through every concern exactly once, newest first', async () => {
    type Page = {
      concerns: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string | null };
        edges: { node: { id: string; reference: string; raisedAt: string } }[];
      };
    };
    const seen: string[] = [];
    const times: number[] = [];
    let after: string | null = null;
    let total = 0;
    for (let guard = 0; guard < 50; guard++) {
      const page: Page = (await gw.graphql<Page>(LIST, { first: 2, after }, lead)).data!;
      total = page.concerns.totalCount;
      seen.push(...page.concerns.edges.map((e) => e.node.reference));
      times.push(...page.concerns.edges.map((e) => Date.parse(e.node.raisedAt)));
      if (!page.concerns.pageInfo.hasNextPage) break;
      after = page.concerns.pageInfo.endCursor;
    }
    const [{ n }] = (await gw.sql<{ n: string }>(
      'select count(*) as n from concern where organisation_id = $1',
      [lead.organisationId],
    )) as [{ n: string }];
    expect(seen.length).toBe(Number(n));
    expect(total).toBe(Number(n));
    expect(new Set(seen).size).toBe(seen.length);
    expect([...times].sort((a, b) => b - a)).toEqual(times);
  });

  it('refuses a bad cursor or page size with BAD_USER_INPUT', async () => {
    for (const variables of [{ after: 'garbage' }, { first: 0 }, { first: 101 }]) {
      const result = await gw.graphql(LIST, variables, lead);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(variables)).toBe('BAD_USER_INPUT');
    }
  });
});
