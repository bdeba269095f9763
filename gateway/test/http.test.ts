import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway } from './harness.js';

describe('in development', () => {
  let gw: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    gw = await testGateway();
  });
  afterAll(() => gw.close());

  it('lists the demo users and issues a working token for one', async () => {
    const users = (await (await fetch(`${gw.base}/dev/users`)).json()) as {
      users: { id: string; roles: string[]; organisation: { name: string } }[];
    };
    const lead = users.users.find((u) => u.roles.includes('SAFEGUARDING_LEAD'))!;
    expect(lead.organisation.name).toBeTruthy();
    const issued = await fetch(`${gw.base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: lead.id }),
    });
    const { token } = (await issued.json()) as { token: string };
    const result = await gw.graphql<{ concerns: { totalCount: number } }>(
      '{ concerns { totalCount } }',
      {},
      { token },
    );
    expect(result.errors).toBeUndefined();
    expect(typeof result.data!.concerns.totalCount).toBe('number');
  });

  it('refuses a token for someone who is not a demo user', async () => {
    for (const userId of ['00000000-0000-4000-8000-999999999999', 'nonsense', 42]) {
      const response = await fetch(`${gw.base}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      expect(response.status, String(userId)).toBe(404);
    }
  });

  it('serves the example portal with security headers, and nothing outside it', async () => {
    const page = await fetch(`${gw.base}/`);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(page.headers.get('content-security-policy')).toContain("frame-ancestors 'self'");
    for (const path of [
      '/../gateway/src/config.ts',
      '/%2e%2e/package.json',
      '/..%2f..%2fpackage.json',
      '/%E0%A4%A',
    ]) {
      expect((await fetch(`${gw.base}${path}`)).status, path).toBe(404);
    }
  });

  it('refuses a body over the limit with 413, and bad JSON with 400', async () => {
    const big = await fetch(`${gw.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ __typename }', padding: 'x'.repeat(gw.config.maxBodyBytes) }),
    });
    expect(big.status).toBe(413);
    const bad = await fetch(`${gw.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"query": ',
    });
    expect(bad.status).toBe(400);
  });

  it('refuses a GET mutation and a simple cross-site POST (CSRF prevention)', async () => {
    const csrf = await fetch(`${gw.base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'text/plain' },
      body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(csrf.status).toBe(400);
    const get = await fetch(`${gw.base}/graphql?query=${encodeURIComponent('mutation { __typename }')}`, {
      headers: { 'apollo-require-preflight': 'true' },
    });
    expect(get.status).toBe(405);
  });
});

describe('in production', () => {
  let gw: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    gw = await testGateway({ mode: 'production' });
  });
  afterAll(() => gw.close());

  it('has no demo-user or token routes', async () => {
    expect((await fetch(`${gw.base}/dev/users`)).status).toBe(404);
    const token = await fetch(`${gw.base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '00000000-0000-4000-8000-000000000101' }),
    });
    expect(token.status).toBe(404);
  });

  it('turns introspection off', async () => {
    const result = await gw.graphql('{ __schema { types { name } } }');
    expect(result.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
