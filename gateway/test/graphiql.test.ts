// GraphiQL at /graphiql: served from the packages/graphiql bundle in development (nothing from
// another site), absent in production like the /dev/ routes. e2e/graphiql.test.ts runs it in Chromium.
import { existsSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { testGateway } from './harness.js';

const assets = path.join(repoRoot, 'packages', 'graphiql', 'dist', 'assets');

beforeAll(() => {
  if (!existsSync(assets)) throw new Error('packages/graphiql/dist is missing: run `pnpm build` first');
});

describe('in development', () => {
  let gw: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    gw = await testGateway();
  });
  afterAll(() => gw.close());

  it('serves GraphiQL and every file of its bundle from the gateway itself', async () => {
    for (const page of ['/graphiql', '/graphiql/']) {
      const response = await fetch(`${gw.base}${page}`);
      expect(response.status, page).toBe(200);
      expect(response.headers.get('content-type')).toBe('text/html; charset=utf-8');
      const csp = response.headers.get('content-security-policy')!;
      expect(csp).toContain("script-src 'self';");
      expect(csp).toContain("worker-src 'self';");
      const html = await response.text();
      // Its scripts and styles are the gateway's own files (and the portal's icon); nothing from a CDN.
      const linked = [...html.matchAll(/(?:src|href)="([^"]+)"/g)].map((match) => match[1]!);
      expect(linked.filter((url) => url.endsWith('.js')).length).toBeGreaterThan(0);
      for (const url of linked) {
        expect(url, url).toMatch(/^(\/graphiql\/assets\/[\w.-]+\.(js|css)|\/favicon\.svg)$/);
        expect((await fetch(`${gw.base}${url}`)).status, url).toBe(200);
      }
    }
    // Every file the build wrote, the editor's workers and font among them, with its type.
    const files = readdirSync(assets);
    expect(files.some((file) => /worker.*\.js$/.test(file))).toBe(true);
    for (const file of files) {
      const response = await fetch(`${gw.base}/graphiql/assets/${file}`);
      expect(response.status, file).toBe(200);
      expect(response.headers.get('cache-control'), file).toBe('public, max-age=31536000, immutable');
      const type = { js: 'text/javascript', css: 'text/css', ttf: 'font/ttf' }[file.split('.').pop()!];
      expect(response.headers.get('content-type'), file).toContain(type ?? 'unknown');
    }
  });

  it('serves nothing else under /graphiql', async () => {
    for (const url of [
      '/graphiql/index.html',
      '/graphiql/assets/',
      '/graphiql/assets/..%2findex.html',
      '/graphiql/assets/%2e%2e%2f%2e%2e%2fpackage.json',
      '/graphiql/../package.json',
      '/graphiql/assets/missing.js',
    ]) {
      expect((await fetch(`${gw.base}${url}`)).status, url).toBe(404);
    }
  });
});

describe('in production', () => {
  let gw: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    gw = await testGateway({ mode: 'production' });
  });
  afterAll(() => gw.close());

  it('has no /graphiql', async () => {
    const file = readdirSync(assets).find((name) => name.endsWith('.js'))!;
    for (const url of ['/graphiql', '/graphiql/', `/graphiql/assets/${file}`]) {
      expect((await fetch(`${gw.base}${url}`)).status, url).toBe(404);
    }
  });
});
