import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AUDIENCES, signToken } from '../src/auth/tokens.js';
import { createPublicToken } from '../src/modules/access/credentials.service.js';
import { testGateway, user, validConcern } from './harness.js';

/**
 * Ten thousand generated malformed or hostile requests, each invalid by construction: wrong types,
 * huge strings, deep nesting, unknown enums, SQL and script fragments, broken JSON, bad tokens,
 * wrong methods. Every one must get a typed error: no 5xx, no hang, and nothing saved.
 */
const REQUESTS = 10_000;
const CONCURRENCY = 8;
const SEED = 0x5eed_d00d;

const TYPED = new Set([
  'BAD_REQUEST',
  'BAD_USER_INPUT',
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'FORBIDDEN_ORIGIN',
  'PAYLOAD_TOO_LARGE',
  'RATE_LIMITED',
  'NOT_FOUND',
  'IDEMPOTENCY_CONFLICT',
  'OPERATION_RESOLUTION_FAILURE',
  'METHOD_NOT_ALLOWED',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

/** xorshift32: the same sequence on every run, so a failure can be replayed. */
function random(seed: number) {
  let x = seed >>> 0 || 1;
  const next = () => {
    x ^= x << 13;
    x >>>= 0;
    x ^= x >>> 17;
    x ^= x << 5;
    x >>>= 0;
    return x / 0x1_0000_0000;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  return { next, int, pick };
}

const HOSTILE_TEXT = [
  "' OR 1=1 --",
  "'; drop table concern; --",
  '"); delete from audit_event; --',
  '<script>alert(1)</script>',
  '<img src=x onerror=alert(1)>',
  '{{7*7}}',
  '${jndi:ldap://x}',
  '../../../../etc/passwd',
  '\u0000\u0001\u0002',
  '\uD800',
  '=cmd|"/c calc"!A1',
  'null',
  '𝕯𝖔𝖔𝖗𝖘𝖙𝖊𝖕 🏠',
];

interface Hostile {
  method: string;
  headers: Record<string, string>;
  body?: string;
  search?: string;
}

let gw: Awaited<ReturnType<typeof testGateway>>;
let tokens: { lead: string; frontline: string; public: string; forged: string[] };

beforeAll(async () => {
  gw = await testGateway({
    publicLimits: {
      perToken: { max: 100_000, windowSeconds: 60 },
      perAddress: { max: 100_000, windowSeconds: 60 },
    },
  });
  const lead = user('priya');
  const publicToken = await createPublicToken(
    gw.orm.em.fork() as EntityManager,
    gw.config.jwt,
    lead.organisationId,
    'Fuzz',
  );
  const other = {
    secret: new TextEncoder().encode('another-secret-of-enough-length-1234'),
    issuer: 'doorstep',
  };
  tokens = {
    lead: await gw.tokenFor(lead),
    frontline: await gw.tokenFor(user('tom')),
    public: publicToken.token,
    forged: [
      'x',
      'Bearer',
      'eyJhbGciOiJub25lIn0.eyJzdWIiOiJ4In0.',
      (
        await signToken(other, {
          audience: AUDIENCES.session,
          subject: lead.id,
          claims: { org: lead.organisationId },
          lifetimeSeconds: 600,
        })
      ).token,
      await gw.tokenFor(lead, -5),
      (await gw.tokenFor(lead)).slice(0, -3) + 'abc',
      'a.b.c',
      '.'.repeat(3000),
    ],
  };
});
afterAll(() => gw.close());

const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }`;
const RAISE_PUBLIC = `mutation RaisePublic($key: String!, $input: PublicConcernInput!) { raisePublicConcern(idempotencyKey: $key, input: $input) { reference } }`;
const SUBMIT_FEEDBACK = `mutation Feedback($key: String!, $input: FeedbackInput!) { submitFeedback(idempotencyKey: $key, input: $input) { receivedAt } }`;

function generate(r: ReturnType<typeof random>, n: number): Hostile {
  const json = (value: unknown, token?: string): Hostile => ({
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify(value),
  });
  const hostileString = () =>
    r.pick([
      r.pick(HOSTILE_TEXT),
      'x'.repeat(r.pick([10_001, 50_000, 200_000])),
      r.pick(HOSTILE_TEXT).repeat(r.int(50) + 1),
      String.fromCharCode(...Array.from({ length: 40 }, () => r.int(0xffff))),
    ]);
  const wrongType = () =>
    r.pick<unknown>([42, -1, 3.14, true, [], {}, [1, 2], { $ne: null }, null, 'x'.repeat(300_000)]);

  /** A concern that is invalid in at least one way, with hostile text in the rest. */
  const brokenConcern = () => {
    const concern: Record<string, unknown> = validConcern();
    for (const field of ['whatHappened', 'location', 'subjectDescription', 'actionsTaken'] as const) {
      if (r.next() < 0.5) concern[field] = r.pick(HOSTILE_TEXT);
    }
    const breakers: (() => void)[] = [
      () =>
        delete concern[
          r.pick(['urgency', 'whatHappened', 'location', 'subjectDescription', 'personViews', 'consent'])
        ],
      () => (concern.urgency = r.pick(['WHENEVER', 'immediate_danger', "URGENT' OR '1'='1", ''])),
      () => (concern.categories = [r.pick(['NOT_A_CATEGORY', 'PHYSICAL; DROP TABLE', 'physical'])]),
      () =>
        (concern[r.pick(['whatHappened', 'location', 'subjectDescription'])] = r.pick([
          '   ',
          'x'.repeat(20_000),
        ])),
      // Not categories: an empty list or null is a valid answer there.
      () => (concern[r.pick(['urgency', 'whatHappened', 'personViews', 'consent'])] = wrongType()),
      () => (concern.personViews = { status: 'NOT_ASKED' }),
      () => (concern.consent = { status: 'LACKS_CAPACITY', reason: '' }),
      () =>
        (concern.happenedAt = r.pick([
          '2999-01-01T00:00:00Z',
          'yesterday',
          '2026-13-45T99:99:99Z',
          "1' or '1",
        ])),
      () => (concern[`extra${r.int(9)}`] = r.pick(HOSTILE_TEXT)),
      () => (concern.primaryCategory = 'FINANCIAL'),
    ];
    const count = 1 + r.int(3);
    for (let i = 0; i < count; i++) r.pick(breakers)();
    return concern;
  };
  const brokenKey = () =>
    r.pick<unknown>(['', 'short', 'has spaces in it!!', 'x'.repeat(101), "'; --", 12345, null]);

  switch (n % 10) {
    case 0: // a forged, expired, malformed or missing-scheme token
      return {
        ...json({
          query: r.pick([RAISE, '{ concerns { totalCount } }', '{ auditEvents { totalCount } }']),
          variables: { key: 'k'.repeat(20), input: validConcern() },
        }),
        headers: {
          'content-type': 'application/json',
          authorization: r.pick([
            `Bearer ${r.pick(tokens.forged)}`,
            r.pick(tokens.forged),
            'Basic YWxhZGRpbjpvcGVuc2VzYW1l',
          ]),
        },
      };
    case 1: // GraphQL that does not parse, or asks for what does not exist
      return json(
        {
          query: r.pick([
            '{ concerns { ',
            '{'.repeat(r.int(5000) + 1),
            '{ concerns { edges { node { passwordHash } } } }',
            `{ concern(id: "${r.pick(HOSTILE_TEXT).replace(/"/g, '\\"')}") { reference`,
            'mutation { raiseConcern }',
            'query Q($x: Int) { concerns(first: $x, after: 12) { totalCount } }',
            'subscription { anything }',
            r.pick(HOSTILE_TEXT),
            `{ ${'__typename '.repeat(r.int(3000) + 2001)} }`,
            '{ a: __typename '.repeat(40) + '}',
            `{ ${Array.from({ length: 60 }, (_, i) => `x${i}: concerns { totalCount }`).join(' ')} }`,
            'fragment F on Query { ...F } { ...F }',
          ]),
        },
        r.pick([tokens.lead, tokens.frontline]),
      );
    case 2:
    case 3:
    case 4: // a staff concern with broken input (or a broken key), hostile text in the rest
      return json(
        r.next() < 0.8
          ? {
              query: RAISE,
              variables: {
                key: r.next() < 0.3 ? brokenKey() : `fuzz-${n}-key-0000000`,
                input: brokenConcern(),
              },
            }
          : {
              query: RAISE,
              variables: { key: brokenKey(), input: validConcern({ whatHappened: r.pick(HOSTILE_TEXT) }) },
            },
        r.pick([tokens.frontline, tokens.lead]),
      );
    case 5: // a public concern or feedback with broken input, with the public token
      if (r.next() < 0.4) {
        return json(
          {
            query: SUBMIT_FEEDBACK,
            variables: {
              key: r.next() < 0.3 ? brokenKey() : `fuzz-${n}-feedback-0000`,
              input: r.pick<unknown>([
                { anonymous: false, language: 'en', ratings: [{ principle: 'EMPOWERMENT', score: 3 }] },
                { anonymous: true, language: r.pick(HOSTILE_TEXT), comment: 'x' },
                { anonymous: 'yes', language: 'en', comment: 'x' },
                {
                  anonymous: true,
                  language: 'en',
                  ratings: [
                    { principle: r.pick(['EMPOWERMENT', 'KINDNESS']), score: r.pick([0, 6, 99, -1]) },
                  ],
                },
                {
                  anonymous: true,
                  language: 'en',
                  comment: r.pick(HOSTILE_TEXT),
                  link: r.pick(HOSTILE_TEXT),
                },
                { anonymous: true, language: 'en', comment: 'x'.repeat(r.pick([5_001, 50_000])) },
                { anonymous: true, language: 'en' },
                wrongType(),
              ]),
            },
          },
          tokens.public,
        );
      }
      return json(
        {
          query: RAISE_PUBLIC,
          variables: {
            key: r.next() < 0.3 ? brokenKey() : `fuzz-${n}-public-00000`,
            input: r.pick<unknown>([
              {
                urgency: 'ROUTINE',
                aboutSelf: true,
                subjectDescription: 'Me',
                location: r.pick(HOSTILE_TEXT),
                whatHappened: 'x',
              },
              { urgency: 'NOW', aboutSelf: false, subjectDescription: 'x', location: 'x', whatHappened: 'x' },
              {
                urgency: 'ROUTINE',
                aboutSelf: 'yes',
                subjectDescription: 'x',
                location: 'x',
                whatHappened: 'x',
              },
              {
                urgency: 'ROUTINE',
                aboutSelf: false,
                subjectDescription: hostileString(),
                location: 'x',
                whatHappened: '',
              },
              {
                urgency: 'ROUTINE',
                aboutSelf: false,
                subjectDescription: 'x',
                location: 'x',
                whatHappened: 'x',
                contact: { email: r.pick(HOSTILE_TEXT) },
              },
              wrongType(),
            ]),
          },
        },
        tokens.public,
      );
    case 6: // the public token used for anything else
      return json(
        {
          query: r.pick([
            RAISE,
            '{ concerns { totalCount } }',
            '{ auditEvents { totalCount } }',
            '{ notifications { totalCount } }',
          ]),
          variables: { key: `fuzz-${n}-000000000000`, input: validConcern() },
        },
        tokens.public,
      );
    case 7: // bodies that are not a GraphQL request
      return {
        method: 'POST',
        headers: {
          'content-type': r.pick(['application/json', 'application/json; charset=utf-8']),
          authorization: `Bearer ${tokens.lead}`,
        },
        body: r.pick([
          '',
          '{',
          'null',
          '[]',
          '[{"query":"{ __typename }"},{"query":"{ __typename }"}]',
          '{"query": 42}',
          '{"query": {"$gt": ""}}',
          '"just a string"',
          '{"query":"{ __typename }","variables":"not an object"}',
          '{"query":"{ __typename }","extensions":{"persistedQuery":{"version":1,"sha256Hash":"abc"}}}',
          '['.repeat(20_000),
          '{"a":'.repeat(5_000),
          Buffer.from(Array.from({ length: 200 }, () => r.int(256))).toString('latin1'),
          JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(1_100_000) }),
        ]),
      };
    case 8: // wrong methods and content types (CSRF prevention)
      return r.pick<Hostile>([
        { method: 'GET', headers: {}, search: `?query=${encodeURIComponent(RAISE)}` },
        {
          method: 'GET',
          headers: { 'apollo-require-preflight': 'true', authorization: `Bearer ${tokens.lead}` },
          search: `?query=${encodeURIComponent('mutation { raiseConcern }')}`,
        },
        { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: RAISE }) },
        {
          method: 'POST',
          headers: { 'content-type': 'application/x-www-form-urlencoded' },
          body: 'query=%7B__typename%7D',
        },
        { method: 'PUT', headers: { 'content-type': 'application/json' }, body: '{}' },
        { method: 'DELETE', headers: {} },
      ]);
    default: // a real query with a wrong-typed or hostile argument
      return json(
        r.pick([
          {
            query: 'query Q($id: ID!) { concern(id: $id) { reference } }',
            variables: { id: r.pick<unknown>([...HOSTILE_TEXT, ...[wrongType()]]) },
          },
          { query: 'query Q($id: ID!) { concern(id: $id) { reference } }', variables: {} },
          {
            query: 'query Q($first: Int) { concerns(first: $first) { totalCount } }',
            variables: { first: r.pick<unknown>([0, -5, 101, 1e12, '10', 2 ** 31, 'x']) },
          },
          {
            query: 'query Q($after: String) { concerns(after: $after) { totalCount } }',
            variables: { after: r.pick(HOSTILE_TEXT) },
          },
          {
            query: 'query Q($after: String) { concerns(after: $after) { totalCount } }',
            variables: {
              after: Buffer.from(`${r.pick(HOSTILE_TEXT)}|${r.pick(HOSTILE_TEXT)}`).toString('base64url'),
            },
          },
        ]),
        tokens.lead,
      );
  }
}

describe(`${REQUESTS.toLocaleString('en-GB')} hostile requests`, () => {
  it('each get a typed error: no 5xx, no hang, nothing saved', async () => {
    const counts = async () =>
      (
        await gw.sql<Record<string, number>>(
          `select (select count(*)::int from concern) as concerns,
                  (select count(*)::int from idempotency_record) as keys,
                  (select count(*)::int from audit_event) as audit,
                  (select count(*)::int from access_grant) as grants,
                  (select count(*)::int from notification) as notifications,
                  (select count(*)::int from feedback) as feedback`,
        )
      )[0];
    const before = await counts();
    const r = random(SEED);
    const requests = Array.from({ length: REQUESTS }, (_, n) => generate(r, n));
    const problems: string[] = [];
    const codes = new Map<string, number>();
    let next = 0;
    const worker = async () => {
      for (let n = next++; n < requests.length; n = next++) {
        const request = requests[n]!;
        let status = 0;
        let text = '';
        try {
          const response = await fetch(`${gw.base}/graphql${request.search ?? ''}`, {
            method: request.method,
            headers: request.headers,
            body: request.body,
            signal: AbortSignal.timeout(15_000),
          });
          status = response.status;
          text = await response.text();
        } catch (error) {
          problems.push(`#${n}: ${(error as Error).name} ${(error as Error).message}`);
          continue;
        }
        let code: string | undefined;
        try {
          const body = JSON.parse(text) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
          code = body.errors?.[0]?.extensions?.code;
          if (body.data && Object.values(body.data).some((v) => v !== null)) {
            problems.push(`#${n}: answered with data ${text.slice(0, 200)}`);
          }
        } catch {
          code = undefined;
        }
        codes.set(code ?? `(status ${status})`, (codes.get(code ?? `(status ${status})`) ?? 0) + 1);
        if (status >= 500 || !code || !TYPED.has(code)) {
          problems.push(`#${n} ${request.method} → ${status} ${code ?? ''}: ${text.slice(0, 200)}`);
        }
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, worker));
    expect(problems.slice(0, 20)).toEqual([]);
    expect(await counts()).toEqual(before);
    // The run exercised the range of refusals, not one kind over and over.
    expect(codes.size).toBeGreaterThanOrEqual(6);
  }, 240_000);
});
