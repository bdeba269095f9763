import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { newKey, testGateway, user, validConcern } from '../../../test/harness.js';
import { createPublicToken } from '../access/credentials.service.js';
import type { EntityManager } from '@mikro-orm/postgresql';

const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference receivedAt }
}`;
const RAISE_PUBLIC = `mutation RaisePublic($key: String!, $input: PublicConcernInput!) {
  raisePublicConcern(idempotencyKey: $key, input: $input) { reference }
}`;

const frontline = user('tom');
const lead = user('priya');
const riverside = DEMO_ORGANISATIONS[0].id;

const publicConcern = (overrides: Record<string, unknown> = {}) => ({
  urgency: 'ROUTINE',
  aboutSelf: false,
  subjectDescription: 'The man at number 3',
  location: '3 Larch Close',
  whatHappened: 'I have not seen him for a week and his curtains are closed.',
  ...overrides,
});

type Receipt = { raiseConcern: { reference: string; receivedAt: string } };

let gw: Awaited<ReturnType<typeof testGateway>>;
let publicToken: string;
beforeAll(async () => {
  gw = await testGateway({
    publicLimits: {
      perToken: { max: 1_000, windowSeconds: 60 },
      perAddress: { max: 1_000, windowSeconds: 60 },
    },
  });
  publicToken = (
    await createPublicToken(gw.orm.em.fork() as EntityManager, gw.config.jwt, riverside, 'Tests')
  ).token;
});
afterAll(() => gw.close());

const countWhere = async (sql: string, values: unknown[] = []) =>
  Number((await gw.sql<{ n: string }>(`select count(*) as n from concern where ${sql}`, values))[0]!.n);

describe('exactly once', () => {
  it('answers a retry of the same submission with the first receipt, and stores one concern', async () => {
    const key = newKey();
    const input = validConcern({ whatHappened: 'Retry marker 41b2' });
    const first = await gw.graphql<Receipt>(RAISE, { key, input }, frontline);
    const again = await gw.graphql<Receipt>(RAISE, { key, input }, frontline);
    expect(again.errors).toBeUndefined();
    expect(again.data!.raiseConcern).toEqual(first.data!.raiseConcern);
    expect(await countWhere(`what_happened = 'Retry marker 41b2'`)).toBe(1);
  });

  it('stores one concern when the same submission arrives many times at once', async () => {
    const key = newKey();
    const input = validConcern({ whatHappened: 'Parallel retry marker 9c0d' });
    const results = await Promise.all(
      Array.from({ length: 10 }, () => gw.graphql<Receipt>(RAISE, { key, input }, frontline)),
    );
    expect(results.map((r) => r.errors)).toEqual(Array(10).fill(undefined));
    expect(new Set(results.map((r) => r.data!.raiseConcern.reference)).size).toBe(1);
    expect(await countWhere(`what_happened = 'Parallel retry marker 9c0d'`)).toBe(1);
  });

  it('refuses the same key with other input, or from someone else, with IDEMPOTENCY_CONFLICT', async () => {
    const key = newKey();
    await gw.graphql(RAISE, { key, input: validConcern({ whatHappened: 'First' }) }, frontline);
    const changed = await gw.graphql(
      RAISE,
      { key, input: validConcern({ whatHappened: 'Second' }) },
      frontline,
    );
    expect(changed.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    const other = await gw.graphql(RAISE, { key, input: validConcern({ whatHappened: 'First' }) }, lead);
    expect(other.errors?.[0]?.extensions?.code).toBe('IDEMPOTENCY_CONFLICT');
    expect(await countWhere(`what_happened = 'Second'`)).toBe(0);
  });

  it('treats whitespace the schema trims as the same submission', async () => {
    const key = newKey();
    const first = await gw.graphql<Receipt>(
      RAISE,
      { key, input: validConcern({ location: '5 Ash Row' }) },
      frontline,
    );
    const again = await gw.graphql<Receipt>(
      RAISE,
      { key, input: validConcern({ location: '  5 Ash Row ' }) },
      frontline,
    );
    expect(again.data!.raiseConcern.reference).toBe(first.data!.raiseConcern.reference);
  });

  it('keeps a key unused when the submission was refused, so it can be sent again corrected', async () => {
    const key = newKey();
    const bad = await gw.graphql(RAISE, { key, input: validConcern({ whatHappened: '' }) }, frontline);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const good = await gw.graphql<Receipt>(RAISE, { key, input: validConcern() }, frontline);
    expect(good.errors).toBeUndefined();
  });

  it('refuses a missing or malformed key with a field message', async () => {
    for (const key of ['', 'short', 'has spaces in it but long', 'x'.repeat(101)]) {
      const result = await gw.graphql(RAISE, { key, input: validConcern() }, frontline);
      expect(result.errors?.[0]?.extensions?.code, key).toBe('BAD_USER_INPUT');
      expect(result.errors?.[0]?.extensions?.fields?.map((f) => f.field)).toEqual(['idempotencyKey']);
    }
  });

  it('keeps keys for at least 7 days', async () => {
    const { IDEMPOTENCY_KEEP_DAYS } = await import('../../common/idempotency.js');
    expect(IDEMPOTENCY_KEEP_DAYS).toBeGreaterThanOrEqual(7);
    const [row] = await gw.sql<{ n: string }>(`select count(*) as n from idempotency_record`);
    expect(Number(row!.n)).toBeGreaterThan(0);
  });
});

describe('concerns from the public and from tenants', () => {
  it('takes an anonymous concern with the public token, and gives back only a reference', async () => {
    const result = await gw.graphql<{ raisePublicConcern: { reference: string } }>(
      RAISE_PUBLIC,
      { key: newKey(), input: publicConcern() },
      { token: publicToken },
    );
    expect(result.errors).toBeUndefined();
    const [row] = await gw.sql(
      `select reporter_kind, raised_by_id, views_status, consent_status, about_self, reporter_contact_name, organisation_id
         from concern where reference = $1 and organisation_id = $2`,
      [result.data!.raisePublicConcern.reference, riverside],
    );
    expect(row).toEqual({
      reporter_kind: 'ANONYMOUS_PUBLIC',
      raised_by_id: null,
      views_status: 'NOT_ASKED',
      consent_status: 'NOT_SOUGHT',
      about_self: false,
      reporter_contact_name: null,
      organisation_id: riverside,
    });
  });

  it('records the person’s own wishes and consent when the concern is about themselves', async () => {
    const result = await gw.graphql<{ raisePublicConcern: { reference: string } }>(
      RAISE_PUBLIC,
      {
        key: newKey(),
        input: publicConcern({
          aboutSelf: true,
          views: 'I want him to stop coming round.',
          consent: 'GIVEN',
          contact: { name: 'A tenant', phone: '01632 960 001' },
        }),
      },
      { token: publicToken },
    );
    const [row] = await gw.sql(
      `select reporter_kind, views_status, views, consent_status, about_self, reporter_contact_phone
         from concern where reference = $1 and organisation_id = $2`,
      [result.data!.raisePublicConcern.reference, riverside],
    );
    expect(row).toEqual({
      reporter_kind: 'PUBLIC',
      views_status: 'ASKED_EXPRESSED',
      views: 'I want him to stop coming round.',
      consent_status: 'GIVEN',
      about_self: true,
      reporter_contact_phone: '01632 960 001',
    });
  });

  it('records a tenant as the reporter, with the tenant site’s reference', async () => {
    const token = await gw.tenantToken('TEN-000451');
    const result = await gw.graphql<{ raisePublicConcern: { reference: string } }>(
      RAISE_PUBLIC,
      { key: newKey(), input: publicConcern() },
      { token },
    );
    const [row] = await gw.sql(
      `select reporter_kind, reporter_tenant_ref from concern where reference = $1 and organisation_id = $2`,
      [result.data!.raisePublicConcern.reference, riverside],
    );
    expect(row).toEqual({ reporter_kind: 'TENANT', reporter_tenant_ref: 'TEN-000451' });
  });

  it('lets the public token do nothing else', async () => {
    const staffRaise = await gw.graphql(
      RAISE,
      { key: newKey(), input: validConcern() },
      { token: publicToken },
    );
    expect(staffRaise.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await gw.graphql('{ concerns { totalCount } }', {}, { token: publicToken });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const staff = await gw.graphql(RAISE_PUBLIC, { key: newKey(), input: publicConcern() }, frontline);
    expect(staff.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('stops working once revoked', async () => {
    const fresh = await createPublicToken(
      gw.orm.em.fork() as EntityManager,
      gw.config.jwt,
      riverside,
      'Revoked',
    );
    await gw.sql(`update public_token set revoked_at = now() where id = $1`, [fresh.id]);
    const result = await gw.graphql(
      RAISE_PUBLIC,
      { key: newKey(), input: publicConcern() },
      { token: fresh.token },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(result.status).toBe(401);
  });

  it('asks for consent when the concern is about the reporter, and refuses bad contact details', async () => {
    const result = await gw.graphql(
      RAISE_PUBLIC,
      { key: newKey(), input: publicConcern({ aboutSelf: true, contact: { email: 'not-an-email' } }) },
      { token: publicToken },
    );
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(result.errors![0]!.extensions!.fields!.map((f) => f.field).sort()).toEqual([
      'consent',
      'contact.email',
    ]);
  });
});

describe('rate limits on public submissions', () => {
  let limited: Awaited<ReturnType<typeof testGateway>>;
  let token: string;
  beforeAll(async () => {
    limited = await testGateway({
      publicLimits: { perToken: { max: 100, windowSeconds: 60 }, perAddress: { max: 3, windowSeconds: 60 } },
    });
    token = (
      await createPublicToken(limited.orm.em.fork() as EntityManager, limited.config.jwt, riverside, 'L')
    ).token;
  });
  afterAll(() => limited.close());

  it('refuses with RATE_LIMITED and a Retry-After once an address sends too many', async () => {
    const results = [];
    for (let i = 0; i < 5; i++) {
      results.push(await limited.graphql(RAISE_PUBLIC, { key: newKey(), input: publicConcern() }, { token }));
    }
    expect(results.slice(0, 3).map((r) => r.errors)).toEqual([undefined, undefined, undefined]);
    const refused = results[3]!;
    expect(refused.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
    expect(
      Number(
        (await limited.sql<{ n: string }>(`select count(*) as n from concern where raised_by_id is null`))[0]!
          .n,
      ),
    ).toBe(3);
    // The counts hold no addresses.
    const keys = await limited.sql<{ key: string }>(`select key from rate_limit_window`);
    expect(keys.some((k) => k.key.includes('127.0.0.1'))).toBe(false);
  });
});

describe('the rate limit per public token', () => {
  let limited: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    // Behind a trusted proxy each request names its own address, so only the token's count can bite.
    limited = await testGateway({
      trustProxy: true,
      publicLimits: { perToken: { max: 3, windowSeconds: 60 }, perAddress: { max: 100, windowSeconds: 60 } },
    });
  });
  afterAll(() => limited.close());

  const raiseFrom = async (address: string, token: string) => {
    const response = await fetch(`${limited.base}/graphql`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${token}`,
        'x-forwarded-for': address,
      },
      body: JSON.stringify({ query: RAISE_PUBLIC, variables: { key: newKey(), input: publicConcern() } }),
    });
    const body = (await response.json()) as { errors?: { extensions?: { code?: string } }[] };
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body };
  };

  it('refuses a token’s fourth submission in a minute from any address; another token is counted apart', async () => {
    const em = () => limited.orm.em.fork() as EntityManager;
    const busy = (await createPublicToken(em(), limited.config.jwt, riverside, 'Busy site')).token;
    const quiet = (await createPublicToken(em(), limited.config.jwt, riverside, 'Quiet site')).token;
    const results = [];
    for (let i = 1; i <= 5; i++) results.push(await raiseFrom(`198.51.100.${i}`, busy));
    expect(results.slice(0, 3).map((r) => r.body.errors)).toEqual([undefined, undefined, undefined]);
    for (const refused of results.slice(3)) {
      expect(refused.body.errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
      expect(refused.status).toBe(429);
      expect(Number(refused.retryAfter)).toBeGreaterThan(0);
    }
    expect((await raiseFrom('198.51.100.9', quiet)).body.errors).toBeUndefined();
    const [stored] = await limited.sql<{ n: string }>(
      `select count(*) as n from concern where raised_by_id is null`,
    );
    expect(Number(stored!.n)).toBe(4);
  });
});

describe('what a tenant sent', () => {
  const MINE = `{ myConcerns { totalCount edges { node { reference whatHappened aboutSelf views consent receivedAt } } } }`;
  const tenantToken = (reference: string) => gw.tenantToken(reference);

  it('is theirs to see, as they sent it, and nobody else’s', async () => {
    const a = await tenantToken('TEN-7001');
    const b = await tenantToken('TEN-7002');
    for (const [token, text] of [
      [a, 'A first: the stairs light is out and a man waits there.'],
      [a, 'A second: he followed me to my door.'],
      [b, 'B: my neighbour’s children are alone all night.'],
    ] as const) {
      await gw.graphql(
        RAISE_PUBLIC,
        {
          key: newKey(),
          input: publicConcern({
            whatHappened: text,
            aboutSelf: true,
            consent: 'GIVEN',
            views: 'Fix the light',
          }),
        },
        { token },
      );
    }
    type Mine = { myConcerns: { totalCount: number; edges: { node: Record<string, unknown> }[] } };
    const mine = await gw.graphql<Mine>(MINE, {}, { token: a });
    expect(mine.errors).toBeUndefined();
    expect(mine.data!.myConcerns.totalCount).toBe(2);
    expect(mine.data!.myConcerns.edges.map((e) => e.node.whatHappened)).toEqual([
      'A second: he followed me to my door.',
      'A first: the stairs light is out and a man waits there.',
    ]);
    expect(mine.data!.myConcerns.edges[0]!.node).toMatchObject({
      aboutSelf: true,
      views: 'Fix the light',
      consent: 'GIVEN',
    });
    const theirs = await gw.graphql<Mine>(MINE, {}, { token: b });
    expect(theirs.data!.myConcerns.edges.map((e) => e.node.whatHappened)).toEqual([
      'B: my neighbour’s children are alone all night.',
    ]);
    const [row] = await gw.sql(
      `select actor_kind, actor_ref from audit_event where action = 'READ' order by id desc limit 1`,
    );
    expect(row).toEqual({ actor_kind: 'tenant', actor_ref: 'TEN-7002' });
    expect((await gw.graphql(MINE, {}, { token: publicToken })).errors?.[0]?.extensions?.code).toBe(
      'FORBIDDEN',
    );
    expect((await gw.graphql(MINE, {}, lead)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
