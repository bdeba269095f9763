import { getIntrospectionQuery } from 'graphql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { QUERY_LIMITS } from '../src/graphql/limits.js';
import { newKey, testGateway, user, validConcern } from './harness.js';

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

  it('answers the standard introspection query of developer tools in development, deep as it is', async () => {
    // GraphiQL, Postman, Apollo Sandbox and code generators send this one (15 levels deep).
    const result = await gw.graphql(getIntrospectionQuery(), {}, lead);
    expect(result.errors).toBeUndefined();
    expect(JSON.stringify(result.data)).toContain('"name":"Household"');
    // Depth still counts for anything else asked alongside it.
    const deep = '{ __schema { queryType { name } } ' + 'a { '.repeat(13) + 'b' + ' }'.repeat(13) + ' }';
    expect((await gw.graphql(deep, {}, lead)).errors!.map((e) => e.message).join()).toMatch(/nested/);
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
    // A connection's edges are its page (counted once, by `first`); a list inside each node multiplies.
    const pages = Array.from(
      { length: 25 },
      (_, i) =>
        `p${i}: concerns(first: 100) { edges { node { ${node} triageHistory { decision reason } } } }`,
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

  it('tell every cache not to keep an answer of the API: it holds personal data', async () => {
    const answer = await gw.graphql(
      '{ household(id: "00000000-0000-4000-8000-000000000401") { id } }',
      {},
      lead,
    );
    expect(answer.headers.get('cache-control')).toBe('no-store');
    const refused = await gw.graphql('{ household(id: "00000000-0000-4000-8000-000000000401") { id } }', {});
    expect(refused.headers.get('cache-control')).toBe('no-store');
  });
});

describe('an unexpected database error inside a request carrying personal data', () => {
  // Distinctive personal data and free text: none of it may reach the caller or the logs.
  const name = 'Marguerite Okonkwo-Thistlewood';
  const address = '17 Larkspur Mews, RV8 2QZ';
  const said = 'Marker-e91b she said her brother Desmond takes her pension';
  const RAISE = `mutation Raise($key: String!, $input: RaiseConcernInput!) {
    raiseConcern(idempotencyKey: $key, input: $input) { reference }
  }`;
  const input = validConcern({
    subjectDescription: `${name}, lives alone`,
    location: address,
    whatHappened: said,
    personViews: { status: 'ASKED_EXPRESSED', views: `${name} wants it kept from Desmond` },
  });
  const frontline = user('tom');
  const personal = [name, 'Okonkwo', 'Larkspur', 'RV8 2QZ', 'Marker-e91b', 'Desmond'];
  /** What the database says, as a careless error path would pass it on: SQL names and the row's text. */
  const dbMessage = 'doorstep_test_refused';

  beforeAll(async () => {
    // A real failure inside the insert, whose message names the table and column and quotes the text.
    await gw.sql(`create function doorstep_test_refuse_concern() returns trigger language plpgsql as $$
      begin
        raise exception '${dbMessage}: insert into concern (what_happened, location) refused for %', new.what_happened
          using detail = 'location=' || new.location, hint = 'subject_description=' || new.subject_description;
      end $$`);
    await gw.sql(`create trigger doorstep_test_refuse_concern before insert on concern
      for each row execute function doorstep_test_refuse_concern()`);
  });
  afterAll(async () => {
    await gw.sql(`drop trigger if exists doorstep_test_refuse_concern on concern`);
    await gw.sql(`drop function if exists doorstep_test_refuse_concern()`);
  });

  it('reaches the caller masked, is logged by kind and request id only, and saves nothing', async () => {
    const key = newKey();
    const counter = () => gw.sql(`select year, last from concern_reference_counter order by year`);
    const countersBefore = await counter();
    const [{ n: concernsBefore }] = (await gw.sql<{ n: number }>(
      `select count(*)::int as n from concern`,
    )) as [{ n: number }];
    const [{ n: chronologyBefore }] = (await gw.sql<{ n: number }>(
      `select count(*)::int as n from chronology_entry`,
    )) as [{ n: number }];
    const logsBefore = gw.logs.length;

    const result = await gw.graphql(RAISE, { key, input }, frontline);
    const requestId = result.headers.get('x-request-id');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);

    // The reply: a generic message and a code, and nothing else.
    expect(result.data ?? null).toBeNull();
    expect(result.errors).toEqual([
      { message: 'Something went wrong. It has been logged.', extensions: { code: 'INTERNAL_SERVER_ERROR' } },
    ]);
    const reply = JSON.stringify(result.errors);
    for (const leak of [
      ...personal,
      dbMessage,
      'refused',
      'insert',
      'what_happened',
      'subject_description',
      'concern',
      'P0001',
      'stack',
      'exception',
      'locations',
      '.ts:',
      '.js:',
    ]) {
      expect(reply.toLowerCase(), `the reply holds "${leak}"`).not.toContain(leak.toLowerCase());
    }

    // The log: the error's kind, with the request id, and none of the data or the database's words.
    const lines = gw.logs.slice(logsBefore);
    const logged = lines.map((line) => JSON.parse(line) as Record<string, unknown>);
    const error = logged.find((l) => l.event === 'graphql.unexpected_error');
    expect(error).toMatchObject({ level: 'error', requestId, path: 'raiseConcern', pgCode: 'P0001' });
    expect(typeof error!.kind).toBe('string');
    expect(error!.kind).not.toBe('');
    expect(logged.find((l) => l.event === 'http.request')).toMatchObject({ requestId, status: 200 });
    const text = lines.join('\n');
    for (const leak of [...personal, dbMessage, 'refused', 'what_happened', 'insert into']) {
      expect(text, `the log holds "${leak}"`).not.toContain(leak);
    }

    // Nothing half-saved: no concern, no audit row, no chronology, no claimed key, no number used.
    expect(await gw.sql(`select id from concern where what_happened = $1`, [said])).toEqual([]);
    expect((await gw.sql<{ n: number }>(`select count(*)::int as n from concern`))[0]!.n).toBe(
      concernsBefore,
    );
    expect(await gw.sql(`select id from audit_event where request_id = $1`, [requestId])).toEqual([]);
    expect((await gw.sql<{ n: number }>(`select count(*)::int as n from chronology_entry`))[0]!.n).toBe(
      chronologyBefore,
    );
    expect(await gw.sql(`select id from idempotency_record where key = $1`, [key])).toEqual([]);
    expect(await counter()).toEqual(countersBefore);

    // And the key is still unused: once the database accepts the row, the same submission goes in once.
    await gw.sql(`drop trigger doorstep_test_refuse_concern on concern`);
    const retry = await gw.graphql<{ raiseConcern: { reference: string } }>(RAISE, { key, input }, frontline);
    expect(retry.errors).toBeUndefined();
    expect(await gw.sql(`select reference from concern where what_happened = $1`, [said])).toEqual([
      { reference: retry.data!.raiseConcern.reference },
    ]);
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
