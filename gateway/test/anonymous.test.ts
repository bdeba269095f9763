import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementLog, testGateway, user } from './harness.js';

/**
 * Requests without a valid token: nothing is open to them but introspection in development, so
 * they are answered without the database, and counted per network address in memory.
 */
const LIST = '{ concerns { totalCount } }';
const LIMIT = 5;

const log = statementLog();
let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  // Behind a trusted proxy, so each test can speak from an address of its own.
  gw = await testGateway({ trustProxy: true, noTokenLimit: { max: LIMIT, windowSeconds: 60 } }, log.orm);
});
afterAll(() => gw.close());

let addresses = 0;
/** Sends a request to /graphql from a fresh address (or the one given). */
function from(address = `203.0.113.${++addresses}`) {
  return async (body: string, headers: Record<string, string> = {}) => {
    const response = await fetch(`${gw.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-forwarded-for': address, ...headers },
      body,
    });
    const json = (await response.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    return {
      status: response.status,
      headers: response.headers,
      code: json.errors?.[0]?.extensions?.code,
      json,
    };
  };
}
const query = (text: string) => JSON.stringify({ query: text });

describe('a request without a token', () => {
  it('is refused as UNAUTHENTICATED before any database work', async () => {
    const send = from();
    log.reset();
    const refused = await send(query(LIST));
    expect(refused.status).toBe(401);
    expect(refused.code).toBe('UNAUTHENTICATED');
    expect(refused.json.data).toBeUndefined();
    expect(log.statements).toEqual([]);
  });

  it('still gets introspection in development, and Apollo’s own parse and validation errors, without the database', async () => {
    const send = from();
    log.reset();
    const schema = await send(query('{ __schema { queryType { name } } }'));
    expect(schema.status).toBe(200);
    expect(schema.json.data).toEqual({ __schema: { queryType: { name: 'Query' } } });
    const typename = await send(query('query Q { ...Root } fragment Root on Query { __typename }'));
    expect(typename.json.data).toEqual({ __typename: 'Query' });
    expect((await send(query('{ concerns { totalCount'))).code).toBe('GRAPHQL_PARSE_FAILED');
    expect((await send(query('{ noSuchField }'))).code).toBe('GRAPHQL_VALIDATION_FAILED');
    // Introspection beside a real field is a real request.
    expect((await send(query('{ __typename concerns { totalCount } }'))).status).toBe(401);
    expect(log.statements).toEqual([]);
  });

  it('is still checked for cross-site request forgery', async () => {
    const response = await fetch(`${gw.base}/graphql?query=${encodeURIComponent('{ __typename }')}`, {
      headers: { 'x-forwarded-for': '198.51.100.1' },
    });
    expect(response.status).toBe(400);
    expect(await response.text()).toMatch(/CSRF/);
  });
});

describe('requests without a valid token from one address', () => {
  it('get RATE_LIMITED with Retry-After past the limit, and none of them reaches the database', async () => {
    const send = from();
    log.reset();
    const burst = [
      query(LIST),
      query('{ concerns { totalCount'),
      query('{ __typename }'),
      'not json',
      query(LIST),
    ];
    expect(burst).toHaveLength(LIMIT);
    for (const body of burst) expect((await send(body)).status).not.toBe(429);
    const over = await send(query(LIST));
    expect(over.status).toBe(429);
    expect(over.code).toBe('RATE_LIMITED');
    // Five a minute: one more in about twelve seconds.
    expect(Number(over.headers.get('retry-after'))).toBeGreaterThanOrEqual(1);
    expect(Number(over.headers.get('retry-after'))).toBeLessThanOrEqual(12);
    // A forged token counts as no token.
    const forged = await send(query(LIST), { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' });
    expect(forged.status).toBe(429);
    expect(log.statements).toEqual([]);
  });

  it('count forged tokens too, and leave other addresses and valid tokens alone', async () => {
    const send = from();
    for (let i = 0; i < LIMIT; i++) {
      const forged = await send(query(LIST), { authorization: 'Bearer eyJhbGciOiJub25lIn0.e30.' });
      expect(forged.status).toBe(401);
    }
    expect((await send(query(LIST))).status).toBe(429);
    // The same address with a valid token, and another address, are served.
    const lead = await send(query(LIST), { authorization: `Bearer ${await gw.tokenFor(user('priya'))}` });
    expect(lead.status).toBe(200);
    expect(lead.json.data).toEqual({ concerns: { totalCount: expect.any(Number) } });
    expect((await from()(query(LIST))).status).toBe(401);
  });
});
