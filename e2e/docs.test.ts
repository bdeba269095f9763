// The documentation site as the gateway serves it at /docs (built by `pnpm build`; this test builds
// nothing), and the guides' code samples (docs/snippets/), run against the real gateway: the
// samples the guides show are these very files, so a sample that stops working fails here.
import { freePort, repoRoot } from '@doorstep/testkit';
import { spawn, spawnSync } from 'node:child_process';
import { once } from 'node:events';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, collectPageErrors, DEMO, startDoorstep } from './doorstep.js';

const built = path.join(repoRoot, 'docs', '.vitepress', 'dist', 'index.html');
const AGENCY_OFFICER = '00000000-0000-4000-8000-000000000301';

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
let env: Record<string, string>;

beforeAll(async () => {
  if (!existsSync(built)) throw new Error('docs/.vitepress/dist is missing: run `pnpm build` first');
  // Our own PostgreSQL port, so that `pnpm admin` (as the quick start runs it) reaches the database.
  env = { EMBEDDED_PG_PORT: String(await freePort()) };
  doorstep = await startDoorstep(env);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await doorstep?.stop();
});

const get = (urlPath: string, init?: RequestInit) => fetch(doorstep.base + urlPath, init);
const html = async (urlPath: string) => {
  const response = await get(urlPath);
  expect(response.status, urlPath).toBe(200);
  return response.text();
};

/** `pnpm admin …` as the guides show it, beside this test's gateway and its database. */
function admin(...args: string[]): string {
  const result = spawnSync('node', [path.join(repoRoot, 'gateway/dist/scripts/admin.js'), ...args], {
    env: { ...process.env, ...env, DOORSTEP_DATA_DIR: doorstep.dataDir, LOG_LEVEL: 'warn' },
    encoding: 'utf8',
  });
  expect(result.status, result.stderr).toBe(0);
  return result.stdout.trim();
}

describe('the documentation site at /docs', () => {
  it('answers the home page at /docs/ and /docs, and each page at its clean URL', async () => {
    const home = await get('/docs/');
    expect(home.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(home.headers.get('cache-control')).toBe('no-cache');
    const body = await home.text();
    expect(body).toContain('<title>Doorstep');
    expect(await html('/docs')).toBe(body);
    expect(await html('/docs/guide/quick-start')).toContain('<h1 id="quick-start"');
    expect(await html('/docs/guide/quick-start.html')).toContain('<h1 id="quick-start"');
    expect((await get('/docs/no-such-page')).status).toBe(404);
    expect((await get('/docs/%2e%2e/package.json')).status).toBe(404);
    expect((await get('/docs/..%2F..%2Fpackage.json')).status).toBe(404);
  });

  it('keeps its content-named files for a year, and runs no inline script', async () => {
    const body = await html('/docs/');
    const asset = /src="(\/docs\/assets\/app\.[\w-]+\.js)"/.exec(body)![1]!;
    const response = await get(asset);
    expect(response.status).toBe(200);
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(response.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect((await get('/docs/')).headers.get('content-security-policy')).toContain("script-src 'self';");
    expect(body.match(/<script(?![^>]*\bsrc=)[^>]*>/g)).toBeNull();
  });

  it('has the widget reference, with every element, event, part and custom property of the manifest', async () => {
    const reference = await html('/docs/reference/widgets');
    const manifest = JSON.parse(
      readFileSync(path.join(repoRoot, 'widgets/custom-elements.json'), 'utf8'),
    ) as {
      modules: {
        declarations?: {
          tagName?: string;
          events?: { name: string }[];
          cssParts?: { name: string }[];
          cssProperties?: { name: string }[];
        }[];
      }[];
    };
    const elements = manifest.modules.flatMap((m) => m.declarations ?? []).filter((d) => d.tagName);
    expect(elements.length).toBeGreaterThanOrEqual(4);
    const missing: string[] = [];
    for (const element of elements) {
      if (!reference.includes(`id="${element.tagName}"`)) missing.push(element.tagName!);
      for (const { name } of [
        ...(element.events ?? []),
        ...(element.cssParts ?? []),
        ...(element.cssProperties ?? []),
      ]) {
        if (!reference.includes(`<code>${name}</code>`)) missing.push(`${element.tagName} ${name}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has the GraphQL reference, with every query and mutation and every error code', async () => {
    const reference = await html('/docs/reference/graphql');
    const schema = readFileSync(path.join(repoRoot, 'gateway/schema.graphql'), 'utf8');
    const missing: string[] = [];
    for (const root of ['Query', 'Mutation']) {
      const block = new RegExp(`^type ${root} \\{\\n([\\s\\S]*?)^\\}`, 'm').exec(schema)![1]!;
      const fields = [...block.matchAll(/^ {2}(\w+)[(:]/gm)].map((m) => m[1]!);
      expect(fields.length, root).toBeGreaterThan(10);
      for (const field of fields) {
        if (!reference.includes(`id="${root.toLowerCase()}-${field.toLowerCase()}"`))
          missing.push(`${root}.${field}`);
      }
    }
    const { ERROR_CODES } = (await import(
      pathToFileURL(path.join(repoRoot, 'gateway/dist/error-codes.js')).href
    )) as { ERROR_CODES: Record<string, string> };
    for (const code of Object.keys(ERROR_CODES)) {
      if (!reference.includes(`<td><code>${code}</code></td>`)) missing.push(code);
    }
    expect(missing).toEqual([]);
  });

  it('has no dead links: every link on every page, and every #fragment, resolves', async () => {
    const pages = new Map<string, string>();
    const queue = ['/docs/'];
    const links: { from: string; to: string }[] = [];
    while (queue.length) {
      const page = queue.shift()!;
      if (pages.has(page)) continue;
      const body = await html(page);
      pages.set(page, body);
      for (const [, href] of body.matchAll(/<a\b[^>]*\bhref="([^"]+)"/g)) {
        const url = new URL(href!.replace(/&amp;/g, '&'), doorstep.base + page);
        if (url.origin !== doorstep.base) continue; // the site links nowhere else, but a page may
        links.push({ from: page, to: url.pathname + url.hash });
        if (url.pathname.startsWith('/docs/') && !path.extname(url.pathname)) queue.push(url.pathname);
      }
    }
    expect(pages.size).toBeGreaterThan(15);
    const dead: string[] = [];
    for (const { from, to } of links) {
      const [pathname, fragment] = to.split('#');
      const target = pages.get(pathname!) ?? ((await get(pathname!)).status === 200 ? '' : undefined);
      if (target === undefined) dead.push(`${from} → ${to}`);
      else if (fragment && pages.has(pathname!) && !target.includes(`id="${decodeURIComponent(fragment)}"`)) {
        dead.push(`${from} → ${to} (no such fragment)`);
      }
    }
    expect(dead).toEqual([]);
  });

  it('works in a browser with nothing from elsewhere: pages, navigation and search', async () => {
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    const elsewhere: string[] = [];
    collectPageErrors(page, problems);
    page.on('response', (response) => {
      if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
    });
    page.on('request', (request) => {
      if (!request.url().startsWith(doorstep.base + '/') && !request.url().startsWith('data:')) {
        elsewhere.push(request.url());
      }
    });
    try {
      await page.goto(doorstep.base + '/docs/');
      await page.getByRole('link', { name: 'Quick start' }).first().click();
      await expect.poll(() => page.url()).toBe(doorstep.base + '/docs/guide/quick-start');
      await expect.poll(() => page.locator('h1').first().textContent()).toContain('Quick start');
      await page.locator('.VPNavBarSearch button').click();
      await page.locator('#localsearch-input').fill('idempotency');
      await expect.poll(() => page.locator('.VPLocalSearchBox .result').count()).toBeGreaterThan(0);
      expect(elsewhere).toEqual([]);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
    }
  });
});

describe('the guides’ code samples (docs/snippets), against the gateway', () => {
  const snippet = async <T>(file: string) =>
    (await import(pathToFileURL(path.join(repoRoot, 'docs/snippets', file)).href)) as T;

  it('a page of your own: the concern form on it gets its token from your back end', async () => {
    const port = await freePort();
    const origin = `http://127.0.0.1:${port}`;
    const apiKey = admin('api-key:create', '--org', 'Riverside Homes', '--label', 'Docs portal');
    admin('origins:set', '--org', 'Riverside Homes', '--origin', origin);
    // As the quick start runs it.
    const portal = spawn('node', [path.join(repoRoot, 'docs/snippets/portal/server.mjs')], {
      env: { ...process.env, DOORSTEP_URL: doorstep.base, DOORSTEP_API_KEY: apiKey, PORT: String(port) },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const problems: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') problems.push(message.text());
    });
    // The sample portal has no icon: the browser's request for one is no problem of the sample's.
    await page.route('**/favicon.ico', (route) => route.fulfill({ status: 204 }));
    try {
      const [line] = (await once(portal.stdout!, 'data')) as Buffer[];
      expect(String(line)).toBe(`Your portal: ${origin}/\n`);
      await page.goto(origin + '/');
      const form = page.locator('sg-concern-form');
      await form.locator('input[name="urgency"][value="ROUTINE"]').check();
      await form.getByRole('button', { name: 'Continue' }).click();
      // Searching households needs the signed-in lead's token, and a page on an allowed origin.
      await form.getByLabel('Search by name, address or tenancy reference').fill('Marsh');
      await form.getByRole('button', { name: 'Search', exact: true }).click();
      await expect.poll(() => form.getByLabel('12 Birch Road, Riverside, RV2 7BR').count()).toBe(1);
      expect(problems).toEqual([]);
    } finally {
      await context.close();
      portal.kill();
    }
  });

  it('a widget token from your back end, and the refusal of a wrong key', async () => {
    const { widgetToken } = await snippet<{
      widgetToken(options: { gateway: string; apiKey: string; email: string }): Promise<{
        token: string;
        expiresAt: string;
        audience: string;
      }>;
    }>('portal/widget-token.mjs');
    const apiKey = admin('api-key:create', '--org', 'Riverside Homes', '--label', 'Docs back end');
    const answer = await widgetToken({
      gateway: doorstep.base,
      apiKey,
      email: 'tom.evans@riverside.example',
    });
    expect(answer.audience).toBe('widget');
    expect(Date.parse(answer.expiresAt)).toBeGreaterThan(Date.now());
    await expect(
      widgetToken({ gateway: doorstep.base, apiKey: 'not-a-key', email: 'tom.evans@riverside.example' }),
    ).rejects.toThrow('Doorstep refused: UNAUTHENTICATED');
  });

  it('a partner agency reads the referrals sent to it, with fetch and with curl', async () => {
    const lead = await doorstep.token(DEMO.lead);
    const setUp = await doorstep.graphql<{
      partnerAgencies: { id: string; name: string }[];
      concerns: { edges: { node: { id: string } }[] };
    }>('{ partnerAgencies { id name } concerns(first: 1) { edges { node { id } } } }', {}, lead);
    expect(setUp.errors).toBeUndefined();
    const agency = setUp.data.partnerAgencies.find((a) => a.name === 'Northshire Adult Social Care')!;
    const summary = `Docs sample referral ${Date.now()}`;
    const referred = await doorstep.graphql(
      'mutation ($input: ReferConcernInput!) { referConcern(input: $input) { id } }',
      {
        input: {
          concernId: setUp.data.concerns.edges[0]!.node.id,
          recipientOrganisationId: agency.id,
          reason: 'Needs a care assessment',
          legalBasis: 'RISK_TO_ADULT',
          legalBasisReason: 'She may be being financially abused',
          summary,
        },
      },
      lead,
    );
    expect(referred.errors).toBeUndefined();

    const token = await doorstep.token(AGENCY_OFFICER);
    const { referralsReceived } = await snippet<{
      referralsReceived(options: { gateway: string; token: string }): Promise<{
        totalCount: number;
        edges: { node: { sender: string; shared: { summary: string } } }[];
      }>;
    }>('agency/referrals.mjs');
    const received = await referralsReceived({ gateway: doorstep.base, token });
    expect(received.totalCount).toBeGreaterThanOrEqual(1);
    expect(received.edges[0]!.node).toMatchObject({ sender: 'Riverside Homes', shared: { summary } });
    await expect(referralsReceived({ gateway: doorstep.base, token: 'nonsense' })).rejects.toThrow(
      'UNAUTHENTICATED',
    );

    const curl = spawnSync('sh', [path.join(repoRoot, 'docs/snippets/agency/referrals.sh')], {
      env: { ...process.env, DOORSTEP_URL: doorstep.base, DOORSTEP_TOKEN: token },
      encoding: 'utf8',
    });
    expect(curl.status, curl.stderr).toBe(0);
    const answer = JSON.parse(curl.stdout) as {
      data: { referralsReceived: { edges: { node: { shared: { summary: string } } }[] } };
      errors?: unknown;
    };
    expect(answer.errors).toBeUndefined();
    expect(answer.data.referralsReceived.edges[0]!.node.shared.summary).toBe(summary);
  });
});
