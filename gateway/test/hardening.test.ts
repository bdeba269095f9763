import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/graphql/limits.js';
import { testGateway, user } from './harness.js';

const lead = user('priya');
const otherLead = user('morgan');
const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
  result.errors?.[0]?.extensions?.code;

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway({ frameAncestors: "'self' https://intranet.riverside.example" });
  await gw.sql(
    `update organisation set allowed_origins = '{https://portal.riverside.example}' where id = $1`,
    [lead.organisationId],
  );
});
afterAll(() => gw.close());

describe('limits on what a query may ask', () => {
  it('refuses a query nested deeper than the limit', async () => {
    const depth = QUERY_LIMITS.maxDepth + 1;
    const query = '{ ' + 'a { '.repeat(depth) + 'b' + ' }'.repeat(depth) + ' }';
    const result = await gw.graphql(query, {}, lead);
    expect(code(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors!.map((e) => e.message)).toContain(
      `The query is nested ${depth + 1} levels deep; the limit is ${QUERY_LIMITS.maxDepth}.`,
    );
    const fine =
      '{ ' + 'a { '.repeat(QUERY_LIMITS.maxDepth - 1) + 'b' + ' }'.repeat(QUERY_LIMITS.maxDepth - 1) + ' }';
    const shallow = await gw.graphql(fine, {}, lead);
    expect(shallow.errors!.some((e) => /nested/.test(e.message))).toBe(false);
  });

  it('refuses more aliases than the limit', async () => {
    const fields = Array.from({ length: QUERY_LIMITS.maxAliases + 1 }, (_, i) => `a${i}: __typename`).join(
      ' ',
    );
    const result = await gw.graphql(`{ ${fields} }`, {}, lead);
    expect(code(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/aliases/);
  });

  it('refuses a query that could return too much, counting page sizes', async () => {
    const node =
      'id reference urgency status subjectDescription location whatHappened views consentStatus raisedAt';
    const pages = Array.from(
      { length: 25 },
      (_, i) => `p${i}: concerns(first: 100) { edges { node { ${node} } } }`,
    );
    const result = await gw.graphql(`{ ${pages.join(' ')} }`, {}, lead);
    expect(code(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).toMatch(/could return too much/);
    const small = await gw.graphql(`{ concerns(first: 100) { edges { node { ${node} } } } }`, {}, lead);
    expect(small.errors).toBeUndefined();
  });

  it('refuses a document with too many tokens before parsing it all', async () => {
    const result = await gw.graphql(`{ ${'__typename '.repeat(QUERY_LIMITS.maxTokens)} }`, {}, lead);
    expect(code(result)).toBe('GRAPHQL_PARSE_FAILED');
  });

  it('refuses batched requests', async () => {
    const response = await fetch(`${gw.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await gw.tokenFor(lead)}` },
      body: JSON.stringify([{ query: '{ __typename }' }, { query: '{ __typename }' }]),
    });
    expect(response.status).toBe(400);
  });
});

describe('which web pages may call the API', () => {
  const preflight = (origin: string) =>
    fetch(`${gw.base}/graphql`, {
      method: 'OPTIONS',
      headers: {
        origin,
        'access-control-request-method': 'POST',
        'access-control-request-headers': 'authorization',
      },
    });
  const call = async (origin: string, who: typeof lead) =>
    fetch(`${gw.base}/graphql`, {
      method: 'POST',
      headers: {
        origin,
        'content-type': 'application/json',
        authorization: `Bearer ${await gw.tokenFor(who)}`,
      },
      body: JSON.stringify({ query: '{ concerns { totalCount } }' }),
    });

  it('answers the preflight of an origin an organisation lists, and refuses others', async () => {
    const allowed = await preflight('https://portal.riverside.example');
    expect(allowed.status).toBe(204);
    expect(allowed.headers.get('access-control-allow-origin')).toBe('https://portal.riverside.example');
    expect(allowed.headers.get('access-control-allow-headers')).toContain('authorization');
    const refused = await preflight('https://evil.example');
    expect(refused.status).toBe(403);
    expect(refused.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('serves a listed origin only with tokens of the organisation that lists it', async () => {
    const mine = await call('https://portal.riverside.example', lead);
    expect(mine.status).toBe(200);
    expect(mine.headers.get('access-control-allow-origin')).toBe('https://portal.riverside.example');
    const theirs = await call('https://portal.riverside.example', otherLead);
    expect(theirs.status).toBe(403);
    expect(
      ((await theirs.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('FORBIDDEN_ORIGIN');
    const evil = await call('https://evil.example', lead);
    expect(evil.status).toBe(403);
  });
});

describe('pages and responses', () => {
  it('carry a CSP without inline script, with frame-ancestors from the configuration', async () => {
    const response = await fetch(`${gw.base}/`);
    const csp = response.headers.get('content-security-policy')!;
    expect(csp).toContain("frame-ancestors 'self' https://intranet.riverside.example");
    expect(csp).toMatch(/script-src 'self'(;|$)/);
    expect(csp).not.toContain('unsafe-inline');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
  });
});

describe('in production', () => {
  let prod: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    prod = await testGateway({ mode: 'production' });
  });
  afterAll(() => prod.close());

  it('suggests no field names in errors', async () => {
    const dev = await gw.graphql('{ concern { referenc } }', {}, lead);
    expect(dev.errors![0]!.message).toMatch(/Did you mean/);
    const result = await prod.graphql('{ concern { referenc } }', {}, lead);
    expect(code(result)).toBe('GRAPHQL_VALIDATION_FAILED');
    expect(result.errors![0]!.message).not.toMatch(/Did you mean/);
  });
});
