import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../src/db/demo.js';
import { createApiKey, createPublicToken } from '../src/modules/access/credentials.service.js';
import { newKey, testGateway, user, validConcern, type GraphQLResult } from './harness.js';

/**
 * Input PostgreSQL cannot take is refused at the edge, as a typed field error, before the database
 * sees it: text with NUL or half a surrogate pair, dates in year 0000 or past the range dates are
 * kept in, and page cursors that decode to such values. Each case names the field, and nothing is
 * saved or audited. (test/input-properties.test.ts throws generated values at every argument.)
 */

const lead = user('priya');
const manager = user('ana');
const auditor = user('sam');
const WALTER = DEMO_PEOPLE.find((p) => p.givenName === 'Walter')!.id;
const NUL = 'before\u0000after';
const LONE_HIGH = 'before\uD800after';
const LONE_LOW = 'before\uDC00after';
const cursor = (payload: string) => Buffer.from(payload).toString('base64url');
const SOME_ID = '00000000-0000-4000-8000-000000000001';
const codeOf = (result: GraphQLResult) =>
  (result.errors?.[0]?.extensions?.fields?.[0] as { code?: string } | undefined)?.code;

let gw: Awaited<ReturnType<typeof testGateway>>;
let publicToken: { token: string };
beforeAll(async () => {
  gw = await testGateway();
  publicToken = {
    token: (
      await createPublicToken(gw.orm.em.fork() as EntityManager, gw.config.jwt, lead.organisationId, 'Edge')
    ).token,
  };
});
afterAll(() => gw.close());

/** Rows of every table a refused request might otherwise have written to. */
const counts = async () =>
  (
    await gw.sql(
      `select (select count(*)::int from concern) as concerns,
              (select count(*)::int from feedback) as feedback,
              (select count(*)::int from person) as people,
              (select count(*)::int from idempotency_record) as keys,
              (select count(*)::int from audit_event) as audit`,
    )
  )[0];

/** The request is refused with BAD_USER_INPUT naming `field`, and nothing is saved or audited. */
async function expectRefused(request: () => Promise<GraphQLResult>, field: string) {
  const before = await counts();
  const result = await request();
  expect(result.status).toBeLessThan(500);
  expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
  expect(result.errors![0]!.extensions!.fields!.map((f) => f.field)).toContain(field);
  expect(await counts()).toEqual(before);
  return result;
}

const RAISE = `mutation($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference } }`;
const RAISE_PUBLIC = `mutation($key: String!, $input: PublicConcernInput!) {
  raisePublicConcern(idempotencyKey: $key, input: $input) { reference } }`;
const SUBMIT_FEEDBACK = `mutation($key: String!, $input: FeedbackInput!) {
  submitFeedback(idempotencyKey: $key, input: $input) { receivedAt } }`;
const CREATE_PERSON = `mutation($key: String!, $input: CreatePersonInput!) {
  createPerson(idempotencyKey: $key, input: $input) { person { id } } }`;

const publicConcern = (overrides: Record<string, unknown> = {}) => ({
  urgency: 'ROUTINE',
  aboutSelf: false,
  subjectDescription: 'My neighbour',
  location: '3 Test Lane',
  whatHappened: 'Shouting late at night.',
  ...overrides,
});
const feedback = (overrides: Record<string, unknown> = {}) => ({
  anonymous: true,
  language: 'en',
  ratings: [{ principle: 'EMPOWERMENT', score: 4 }],
  ...overrides,
});

describe('text PostgreSQL cannot store (NUL, half a surrogate pair)', () => {
  it('is refused in a public concern', async () => {
    await expectRefused(
      () =>
        gw.graphql(RAISE_PUBLIC, { key: newKey(), input: publicConcern({ whatHappened: NUL }) }, publicToken),
      'whatHappened',
    );
  });

  it('is refused in the contact details of a public concern', async () => {
    for (const contact of [{ name: NUL }, { email: `a\u0000@example.com` }, { phone: LONE_LOW }]) {
      const field = `contact.${Object.keys(contact)[0]}`;
      await expectRefused(
        () => gw.graphql(RAISE_PUBLIC, { key: newKey(), input: publicConcern({ contact }) }, publicToken),
        field,
      );
    }
  });

  it('is refused in feedback, its comment and its contact details', async () => {
    await expectRefused(
      () => gw.graphql(SUBMIT_FEEDBACK, { key: newKey(), input: feedback({ comment: NUL }) }, publicToken),
      'comment',
    );
    await expectRefused(
      () =>
        gw.graphql(
          SUBMIT_FEEDBACK,
          {
            key: newKey(),
            input: feedback({ anonymous: false, name: 'Ann', email: `ann\u0000@example.com` }),
          },
          publicToken,
        ),
      'email',
    );
  });

  it('is refused in search terms', async () => {
    for (const field of ['searchPeople', 'searchHouseholds']) {
      await expectRefused(
        () =>
          gw.graphql(`query($q: String!) { ${field}(query: $q) { totalCount } }`, { q: `Bi${NUL}rch` }, lead),
        'query',
      );
    }
  });

  it('is refused as half a surrogate pair in a variable (a JSON "\\ud800" escape)', async () => {
    // JSON.stringify writes a lone surrogate as the escape \ud800, which JSON.parse turns back into one.
    await expectRefused(
      () => gw.graphql(RAISE, { key: newKey(), input: validConcern({ whatHappened: LONE_HIGH }) }, lead),
      'whatHappened',
    );
    await expectRefused(
      () =>
        gw.graphql(
          RAISE,
          {
            key: newKey(),
            input: validConcern({ personViews: { status: 'ASKED_EXPRESSED', views: LONE_LOW } }),
          },
          lead,
        ),
      'personViews.views',
    );
  });

  it('is refused in an argument the shared schemas do not parse, named by its argument', async () => {
    await expectRefused(
      () => gw.graphql(`query($id: ID!) { concern(id: $id) { id } }`, { id: NUL }, lead),
      'id',
    );
    await expectRefused(() => gw.graphql(`{ concern(id: "\\u0000") { id } }`, {}, lead), 'id');
    await expectRefused(
      () =>
        gw.graphql(
          `query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }`,
          { f: { requestId: LONE_HIGH } },
          auditor,
        ),
      'requestId',
    );
  });

  it('is refused with a plain message', async () => {
    const result = await expectRefused(
      () => gw.graphql(RAISE_PUBLIC, { key: newKey(), input: publicConcern({ location: NUL }) }, publicToken),
      'location',
    );
    expect(result.errors![0]!.extensions!.fields![0]!.message).toMatch(/^Remove the unusual characters/);
  });
});

describe('text PostgreSQL cannot store, sent to the widget-token exchange', () => {
  it('is refused as BAD_USER_INPUT naming the field, and no token is given', async () => {
    const { key } = await createApiKey(gw.orm.em.fork() as EntityManager, lead.organisationId, 'Edge portal');
    const before = await counts();
    const response = await fetch(`${gw.base}/auth/widget-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `ApiKey ${key}` },
      body: JSON.stringify({ user: { externalSubject: `sub${NUL}` } }),
    });
    expect(response.status).toBe(400);
    const body = (await response.json()) as GraphQLResult;
    expect(body.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(body.errors![0]!.extensions!.fields!.map((f) => f.field)).toEqual(['user.externalSubject']);
    expect(await counts()).toEqual(before);
  });
});

describe('dates outside years 0001 to 9999', () => {
  it('are refused as when something happened', async () => {
    for (const happenedAt of ['0000-06-01T12:00:00Z', '0001-01-01T00:30:00+01:00']) {
      await expectRefused(
        () => gw.graphql(RAISE, { key: newKey(), input: validConcern({ happenedAt }) }, lead),
        'happenedAt',
      );
      await expectRefused(
        () => gw.graphql(RAISE_PUBLIC, { key: newKey(), input: publicConcern({ happenedAt }) }, publicToken),
        'happenedAt',
      );
    }
  });

  it('are refused as a date of birth', async () => {
    await expectRefused(
      () =>
        gw.graphql(
          CREATE_PERSON,
          {
            key: newKey(),
            input: { person: { givenName: 'Ann', familyName: 'Edge', dateOfBirth: '0000-02-29' } },
          },
          lead,
        ),
      'person.dateOfBirth',
    );
    await expectRefused(
      () =>
        gw.graphql(
          RAISE,
          {
            key: newKey(),
            input: validConcern({
              namedPeople: [{ name: 'Ann Edge', role: 'SUBJECT', dateOfBirth: '0000-01-01' }],
            }),
          },
          lead,
        ),
      'namedPeople.0.dateOfBirth',
    );
  });

  it('are refused in the periods of feedback, its summary and a chronology', async () => {
    for (const field of ['from', 'to']) {
      const calls = [
        [`query($d: String) { feedback(${field}: $d) { totalCount } }`, { d: '0000-01-01' }, manager],
        [`query($d: String) { feedbackSummary(${field}: $d) { responses } }`, { d: '0000-12-31' }, manager],
        [
          `query($s: ChronologySubjectInput!, $f: ChronologyFilterInput) {
             chronology(subject: $s, filter: $f) { totalCount } }`,
          { s: { personId: WALTER }, f: { [field]: '0000-01-01' } },
          lead,
        ],
      ] as const;
      for (const [query, variables, as] of calls) {
        await expectRefused(() => gw.graphql(query, variables, as), field);
      }
    }
  });

  it('are refused as the days of the self-assessment', async () => {
    await expectRefused(
      () =>
        gw.graphql(
          `query($d: String) { selfAssessment(asAt: $d) { __typename } }`,
          { d: '0000-01-01' },
          lead,
        ),
      'asAt',
    );
    await expectRefused(
      () =>
        gw.graphql(
          `query($d: String!) { selfAssessmentComparison(earlier: $d) { __typename } }`,
          { d: '0000-01-01' },
          lead,
        ),
      'earlier',
    );
  });

  it('are refused in the audit trail filter', async () => {
    for (const from of ['0000-01-01T00:00:00Z', '+275760-09-13T00:00:00Z', '-000001-01-01T00:00:00Z']) {
      const result = await gw.graphql(
        `query($f: AuditEventFilter) { auditEvents(filter: $f) { totalCount } }`,
        { f: { from } },
        auditor,
      );
      expect(result.status).toBeLessThan(500);
      expect(result.errors?.[0]?.extensions?.code, JSON.stringify(result.errors)).toBe('BAD_USER_INPUT');
    }
  });
});

describe('values at the ends of the range', () => {
  it('are taken: the last day there is ends a period of feedback', async () => {
    for (const query of [
      `{ feedback(from: "0001-01-01", to: "9999-12-31") { totalCount } }`,
      `{ feedbackSummary(from: "0001-01-01", to: "9999-12-31") { responses } }`,
    ]) {
      const result = await gw.graphql(query, {}, manager);
      expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    }
  });

  it('and an id that is no id marks no notification read', async () => {
    const result = await gw.graphql(`mutation { markNotificationsRead(ids: ["", "x"]) }`, {}, lead);
    expect(result.errors, JSON.stringify(result.errors)).toBeUndefined();
    expect(result.data).toEqual({ markNotificationsRead: 0 });
  });
});

describe('page cursors that decode to values out of range', () => {
  const payloads = [
    `0000-01-01T00:00:00.000Z|${SOME_ID}`,
    `+275760-09-13T00:00:00.000Z|${SOME_ID}`,
    `-271821-04-20T00:00:00.000Z|${SOME_ID}`,
    `10000-01-01T00:00:00.000Z|${SOME_ID}`,
  ];

  it('are refused by concerns and feedback as invalid_cursor', async () => {
    for (const payload of payloads) {
      for (const [query, as] of [
        [`query($a: String) { concerns(after: $a) { totalCount } }`, lead],
        [`query($a: String) { feedback(after: $a) { totalCount } }`, manager],
      ] as const) {
        const result = await expectRefused(() => gw.graphql(query, { a: cursor(payload) }, as), 'after');
        expect(codeOf(result)).toBe('invalid_cursor');
      }
    }
  });

  it('are refused by the audit trail beyond the largest id', async () => {
    const result = await expectRefused(
      () =>
        gw.graphql(
          `query($a: String) { auditEvents(after: $a) { totalCount } }`,
          { a: cursor('id:9999999999999999999') },
          auditor,
        ),
      'after',
    );
    expect(codeOf(result)).toBe('invalid_cursor');
  });

  it('still page through real records', async () => {
    const first = await gw.graphql<{ concerns: { pageInfo: { endCursor: string } } }>(
      `{ concerns(first: 1) { pageInfo { endCursor } } }`,
      {},
      lead,
    );
    const next = await gw.graphql(
      `query($a: String) { concerns(first: 1, after: $a) { totalCount } }`,
      { a: first.data!.concerns.pageInfo.endCursor },
      lead,
    );
    expect(next.errors).toBeUndefined();
  });
});
