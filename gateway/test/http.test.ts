import { createHash } from 'node:crypto';
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

  describe('the widget bundles, for other sites’ pages', () => {
    // A provider's portal on another site, as a browser would send it.
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${gw.base}${path}`, { headers: { origin: 'https://portal.riverside.example', ...headers } });
    const embeddable = (response: Response) => [
      response.headers.get('access-control-allow-origin'),
      response.headers.get('cross-origin-resource-policy'),
    ];

    it('publishes each bundle under a versioned name, cached for good, with its integrity', async () => {
      const manifest = await get('/widgets/manifest.json');
      expect(manifest.status).toBe(200);
      expect(manifest.headers.get('content-type')).toContain('application/json');
      expect(manifest.headers.get('cache-control')).toBe('no-cache');
      expect(embeddable(manifest)).toEqual(['*', 'cross-origin']);
      const widgets = (await manifest.json()) as Record<string, { file: string; integrity: string }>;
      expect(Object.keys(widgets).sort()).toEqual([
        'sg-chronology',
        'sg-concern-form',
        'sg-dashboard',
        'sg-feedback',
        'sg-household-view',
        'sg-referral-tracker',
        'sg-self-assessment',
        'sg-work-queue',
      ]);

      for (const [tag, { file, integrity }] of Object.entries(widgets)) {
        expect(file).toMatch(new RegExp(`^${tag}\\.[0-9a-f]{16}\\.js$`));
        const versioned = await get(`/widgets/${file}`);
        expect(versioned.status, file).toBe(200);
        expect(versioned.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
        expect(versioned.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
        expect(embeddable(versioned)).toEqual(['*', 'cross-origin']);
        const code = Buffer.from(await versioned.arrayBuffer());
        expect(`sha384-${createHash('sha384').update(code).digest('base64')}`).toBe(integrity);
        // The bundle is whole: it imports nothing else that would need serving.
        expect(code.toString()).not.toMatch(/(^|[;}])\s*import\s*[\w{*"']|\bimport\s*\(/m);

        // The unversioned name: the same code, checked with the gateway on every use.
        const latest = await get(`/widgets/${tag}.js`);
        expect(latest.headers.get('cache-control')).toBe('no-cache');
        expect(embeddable(latest)).toEqual(['*', 'cross-origin']);
        expect(Buffer.from(await latest.arrayBuffer()).equals(code)).toBe(true);
        const etag = latest.headers.get('etag')!;
        expect(etag).toMatch(/^"[\w-]+"$/);
        const again = await get(`/widgets/${tag}.js`, { 'if-none-match': etag });
        expect(again.status).toBe(304);
        expect(await again.text()).toBe('');
        expect(embeddable(again)).toEqual(['*', 'cross-origin']);
      }
    });

    it('serves the ES module build: each entry and every chunk it imports by content, with integrity', async () => {
      type Module = { file: string; integrity: string; chunks: Record<string, string> };
      const widgets = (await (await get('/widgets/manifest.json')).json()) as Record<
        string,
        { module: Module }
      >;
      const sha384 = (code: Buffer) => `sha384-${createHash('sha384').update(code).digest('base64')}`;
      const shared = new Map<string, number>();
      for (const [tag, { module }] of Object.entries(widgets)) {
        expect(module.file).toMatch(new RegExp(`^esm/${tag}\\.[A-Z0-9]{8}\\.js$`));
        const files: [string, string][] = [[module.file, module.integrity], ...Object.entries(module.chunks)];
        for (const [file, integrity] of files) {
          const response = await get(`/widgets/${file}`);
          expect(response.status, file).toBe(200);
          expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
          expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
          expect(embeddable(response)).toEqual(['*', 'cross-origin']);
          const code = Buffer.from(await response.arrayBuffer());
          expect(sha384(code), file).toBe(integrity);
          // Every module it imports is one the manifest names: nothing is loaded unchecked.
          for (const [, imported] of code.toString().matchAll(/(?:from|import)\s*\(?\s*"\.\/([^"]+)"/g)) {
            expect(Object.keys(module.chunks), file).toContain(`esm/${imported}`);
          }
          if (file !== module.file) shared.set(file, (shared.get(file) ?? 0) + 1);
        }
        // The latest entry, by its tag: the same code, revalidated.
        const latest = await get(`/widgets/esm/${tag}.js`);
        expect(latest.headers.get('cache-control')).toBe('no-cache');
        expect(embeddable(latest)).toEqual(['*', 'cross-origin']);
        expect(sha384(Buffer.from(await latest.arrayBuffer()))).toBe(module.integrity);
      }
      // Shared: some chunk (Lit's, at least) is imported by every widget.
      expect(Math.max(...shared.values())).toBe(Object.keys(widgets).length);
    });

    it('serves no other name under /widgets, and nothing outside the bundles', async () => {
      for (const path of [
        '/widgets/sg-concern-form.0123456789abcdef.js', // not this build's
        '/widgets/sg-concern-form.bundle.js',
        '/widgets/sg-nothing.js',
        '/widgets/index.js',
        '/widgets/%2e%2e/package.json',
        '/widgets/..%2f..%2fpackage.json',
        '/widgets/..%2fdist%2fsg-concern-form.bundle.js',
        '/widgets/sg-concern-form%2f..%2f..%2fpackage.json.js',
        '/widgets/esm/chunk.ABCDEFGH.js', // not this build's
        '/widgets/esm/chunk.js',
        '/widgets/esm/sg-concern-form.abcdefgh.js',
        '/widgets/esm/..%2fmanifest.json',
        '/widgets/esm/%2e%2e/sg-concern-form.bundle.js',
      ]) {
        const response = await get(path);
        expect(response.status, path).toBe(404);
        expect(embeddable(response), path).toEqual([null, 'same-site']);
      }
    });

    it('keeps every other response to the same site', async () => {
      for (const path of ['/', '/portal.js', '/health', '/nothing-here']) {
        const response = await get(path);
        expect(embeddable(response), path).toEqual([null, 'same-site']);
      }
      const api = await gw.graphql('{ __typename }');
      expect(api.headers.get('cross-origin-resource-policy')).toBe('same-site');
    });
  });
});
