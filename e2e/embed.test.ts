// The documented embed, from outside: a housing provider's page on another origin (its own web
// server, http://127.0.0.1:<port>, while Doorstep is http://localhost:<port>) loads the widget
// bundles from the gateway, with and without Subresource Integrity, and the public concern form
// on it sends a concern, because the organisation lists that origin. Two widgets from the ES module
// build share one copy of Lit and the other shared chunks, whose integrity an import map can check.
import { freePort } from '@doorstep/testkit';
import { createHash } from 'node:crypto';
import http from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  DEMO,
  chromiumPath,
  collectPageErrors,
  sendAnonymousPublicConcern,
  startDoorstep,
} from './doorstep.js';

interface Manifest {
  [tag: string]: {
    file: string;
    integrity: string;
    /** The ES module build: the widget's entry, and every chunk it may load, with their integrity. */
    module: { file: string; integrity: string; chunks: Record<string, string> };
  };
}

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];
let publicToken: string;
/** The provider's portal, on an origin its organisation lists, and a site on one nobody lists. */
let portal: Site;
let stranger: Site;

interface Site {
  origin: string;
  /** Serves `html` at `path` (with the page's own Content-Security-Policy, and `scriptHashes`). */
  page(path: string, html: string, scriptHashes?: string[]): string;
  close(): Promise<void>;
}

/** Another origin's web server: 127.0.0.1 and its own port, while the gateway is `localhost`. */
async function site(): Promise<Site> {
  const pages = new Map<string, { html: string; scriptHashes: string[] }>();
  const server = http.createServer((req, res) => {
    const served = pages.get(req.url ?? '');
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    if (served === undefined) return res.writeHead(404).end();
    // A strict policy, as a provider's own portal would have: the gateway is named for its
    // scripts and its API, and nothing inline runs (but for an import map the page names by hash).
    const inline = served.scriptHashes.map((hash) => ` '${hash}'`).join('');
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src 'self' ${doorstep.base}${inline}; connect-src ${doorstep.base}; style-src 'self'`,
    });
    res.end(served.html);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page(path, html, scriptHashes = []) {
      pages.set(path, { html, scriptHashes });
      return origin + path;
    },
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const document = (head: string, body = '') =>
  `<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>Riverside Homes</title>${head}</head><body>${body}</body></html>`;

const manifest = async () => {
  const response = await fetch(`${doorstep.base}/widgets/manifest.json`);
  expect(response.status).toBe(200);
  return (await response.json()) as Manifest;
};

beforeAll(async () => {
  doorstep = await startDoorstep();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  portal = await site();
  stranger = await site();
  const response = await fetch(`${doorstep.base}/dev/public-token`);
  publicToken = ((await response.json()) as { token: string }).token;
  // The demo provider lists its portal's origin (as `pnpm admin origins` would), before any page
  // of that origin asks the gateway anything.
  const organisationId = (
    JSON.parse(Buffer.from(publicToken.split('.')[1]!, 'base64url').toString()) as { org: string }
  ).org;
  await doorstep.sql(
    'update organisation set allowed_origins = array_append(allowed_origins, $1) where id = $2',
    [portal.origin, organisationId],
  );
});

afterAll(async () => {
  await browser?.close();
  await portal?.close();
  await stranger?.close();
  await doorstep?.stop();
});

beforeEach(async () => {
  problems = [];
  context = await browser.newContext();
  page = await context.newPage();
  collectPageErrors(page, problems);
});

afterEach(async () => {
  await context?.close();
});

/** Whether each tag is a defined custom element once the page and its module scripts have run. */
const defined = (tags: string[]) =>
  page.evaluate((names) => names.map((name) => customElements.get(name) !== undefined), tags);

describe('a widget embedded in a page on another origin', () => {
  it('is the documented script tag: the public concern form sends a concern from the provider’s portal', async () => {
    const text = `E2E embedded on another origin ${Date.now()}`;
    await page.goto(
      portal.page(
        '/report.html',
        document(
          `<script type="module" src="${doorstep.base}/widgets/sg-concern-form.js"></script>`,
          `<sg-provider endpoint="${doorstep.base}/graphql" token="${publicToken}">` +
            '<sg-concern-form mode="public"></sg-concern-form></sg-provider>',
        ),
      ),
    );
    expect(await defined(['sg-concern-form', 'sg-provider'])).toEqual([true, true]);
    const form = page.locator('sg-concern-form');
    await sendAnonymousPublicConcern(form, {
      subject: 'The boy next door',
      location: '12 Church Street',
      whatHappened: text,
    });
    const reference = form.locator('[part~="reference"]');
    await expect.poll(() => reference.textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    const rows = await doorstep.sql<{ reference: string; reporter_kind: string }>(
      'select reference, reporter_kind from concern where what_happened = $1',
      [text],
    );
    expect(rows).toEqual([
      { reference: (await reference.textContent())!.trim(), reporter_kind: 'ANONYMOUS_PUBLIC' },
    ]);
    expect(problems).toEqual([]);
  });

  it('loads every versioned bundle with the integrity the gateway publishes', async () => {
    const widgets = await manifest();
    const tags = Object.keys(widgets);
    expect(tags.sort()).toEqual([
      'sg-chronology',
      'sg-concern-form',
      'sg-dashboard',
      'sg-feedback',
      'sg-household-view',
      'sg-referral-tracker',
      'sg-self-assessment',
      'sg-work-queue',
    ]);
    const scripts = tags
      .map(
        (tag) =>
          `<script type="module" src="${doorstep.base}/widgets/${widgets[tag]!.file}" ` +
          `integrity="${widgets[tag]!.integrity}" crossorigin="anonymous"></script>`,
      )
      .join('');
    await page.goto(
      portal.page(
        '/feedback.html',
        document(
          scripts,
          `<sg-provider endpoint="${doorstep.base}/graphql"><sg-feedback></sg-feedback></sg-provider>`,
        ),
      ),
    );
    expect(await defined([...tags, 'sg-provider'])).toEqual([...tags, 'sg-provider'].map(() => true));
    // It renders: the feedback form's first words, in its shadow root.
    await expect.poll(() => page.locator('sg-feedback').getByText('call 999').count()).toBe(1);
    expect(problems).toEqual([]);
  });

  it('is refused by the browser when the integrity does not match', async () => {
    const widgets = await manifest();
    const wrong = widgets['sg-feedback']!.integrity; // another bundle's digest
    await page.goto(
      portal.page(
        '/tampered.html',
        document(
          `<script type="module" src="${doorstep.base}/widgets/${widgets['sg-concern-form']!.file}" ` +
            `integrity="${wrong}" crossorigin="anonymous"></script>`,
          '<sg-concern-form></sg-concern-form>',
        ),
      ),
    );
    expect(await defined(['sg-concern-form'])).toEqual([false]);
    expect(problems.join('\n')).toMatch(/integrity/i);
  });

  it('loads on a site no organisation lists, whose page the API then refuses', async () => {
    await page.goto(
      stranger.page(
        '/',
        document(`<script type="module" src="${doorstep.base}/widgets/sg-feedback.js"></script>`),
      ),
    );
    // The code is public: any page may load it (anyone can download it anyway)…
    expect(await defined(['sg-feedback'])).toEqual([true]);
    // …but the browser may not call the API from there, even with the organisation's public token.
    const call = (token: string, endpoint: string) =>
      page.evaluate(
        async ([t, e]) => {
          try {
            const response = await fetch(e!, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${t}` },
              body: JSON.stringify({ query: '{ __typename }' }),
            });
            return response.status;
          } catch (error) {
            return (error as Error).name;
          }
        },
        [token, endpoint],
      );
    expect(await call(publicToken, `${doorstep.base}/graphql`)).toBe('TypeError');
    // The same call from the provider's own portal is answered.
    await page.goto(portal.page('/blank.html', document('')));
    expect(await call(publicToken, `${doorstep.base}/graphql`)).toBe(200);
  });

  it('keeps a concern raised on a site no organisation lists, and says the page is not set up, not the connection', async () => {
    const text = `E2E from an unlisted site ${Date.now()}`;
    await page.goto(
      stranger.page(
        '/report.html',
        document(
          `<script type="module" src="${doorstep.base}/widgets/sg-concern-form.js"></script>`,
          `<sg-provider endpoint="${doorstep.base}/graphql" token="${publicToken}">` +
            '<sg-concern-form mode="public"></sg-concern-form></sg-provider>',
        ),
      ),
    );
    const form = page.locator('sg-concern-form');
    await sendAnonymousPublicConcern(form, {
      subject: 'My neighbour',
      location: '3 Mill Lane',
      whatHappened: text,
    });
    const queued = form.locator('[part~="queued"]');
    await expect
      .poll(() => queued.textContent(), { timeout: 15_000 })
      .toContain('not set up to send concerns');
    expect(await queued.textContent()).not.toContain('back online');
    // Kept on the device, to go once the organisation lists the page; nothing reached the gateway.
    await expect.poll(() => form.getByText('1 concern waiting to send').count()).toBe(1);
    expect(await doorstep.sql('select 1 from concern where what_happened = $1', [text])).toEqual([]);
    // The browser's own words for each refused request, and nothing else.
    expect(problems.filter((problem) => !/CORS|Failed to load resource/.test(problem))).toEqual([]);
  });
});

describe('widgets from the ES module build with shared chunks', () => {
  const CEDAR_WALK = '00000000-0000-4000-8000-000000000403';
  const widgetsUrl = () => `${doorstep.base}/widgets/`;
  let staffToken: string;

  beforeAll(async () => {
    const response = await fetch(`${doorstep.base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: DEMO.lead }),
    });
    staffToken = ((await response.json()) as { token: string }).token;
  });

  const moduleTag = ({ file, integrity }: { file: string; integrity: string }) =>
    `<script type="module" src="${widgetsUrl()}${file}" integrity="${integrity}" crossorigin="anonymous"></script>`;

  /** A lead's page with the household view and the concern form, loaded by `scripts`. */
  const householdPage = (scripts: string) =>
    document(
      scripts,
      `<sg-provider endpoint="${doorstep.base}/graphql" token="${staffToken}">` +
        `<sg-household-view household-id="${CEDAR_WALK}"></sg-household-view>` +
        '<sg-concern-form></sg-concern-form></sg-provider>',
    );

  /** How many copies of LitElement and of lit-html the page has run: each copy registers its version. */
  const litCopies = () =>
    page.evaluate(() => {
      const lit = globalThis as { litElementVersions?: string[]; litHtmlVersions?: string[] };
      return [lit.litElementVersions?.length ?? 0, lit.litHtmlVersions?.length ?? 0];
    });

  it('loads Lit and the other shared code once for two widgets, and both work', async () => {
    const widgets = await manifest();
    const requested: string[] = [];
    page.on('request', (request) => {
      if (request.url().startsWith(widgetsUrl())) requested.push(request.url().slice(widgetsUrl().length));
    });
    const entries = [widgets['sg-household-view']!.module, widgets['sg-concern-form']!.module];
    await page.goto(portal.page('/household.html', householdPage(entries.map(moduleTag).join(''))));

    // Both work: the household view shows the lead Cedar Walk's three people, the form its first step.
    const view = page.locator('sg-household-view');
    await expect.poll(() => view.locator('[part~="person"]').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => page.locator('sg-concern-form input[name="urgency"]').count()).toBeGreaterThan(1);
    expect(await litCopies()).toEqual([1, 1]);
    // Every file once: both entries, and only chunks the manifest lists for them, the shared ones once.
    expect(requested.length).toBe(new Set(requested).size);
    const listed = new Set(entries.flatMap(({ file, chunks }) => [file, ...Object.keys(chunks)]));
    expect(requested.filter((file) => !listed.has(file))).toEqual([]);
    const shared = Object.keys(entries[0]!.chunks).filter((chunk) => chunk in entries[1]!.chunks);
    expect(shared.filter((chunk) => requested.includes(chunk))).toEqual(shared);
    expect(shared.length).toBeGreaterThan(0);
    expect(problems).toEqual([]);

    // The same page on the two one-script-tag bundles runs two copies of Lit.
    const bundles = ['sg-household-view', 'sg-concern-form'].map((tag) => moduleTag(widgets[tag]!));
    await page.goto(portal.page('/household-bundles.html', householdPage(bundles.join(''))));
    await expect.poll(() => view.locator('[part~="person"]').count(), { timeout: 15_000 }).toBe(3);
    expect(await litCopies()).toEqual([2, 2]);
    expect(problems).toEqual([]);
  });

  it('checks the chunks against the integrity an import map gives them: a changed chunk is refused', async () => {
    const { module } = (await manifest())['sg-feedback']!;
    const chunks = Object.keys(module.chunks);
    /** The page: an import map giving each chunk's integrity (allowed by its hash), then the entry. */
    const pageWith = (integrity: Record<string, string>) => {
      const map = JSON.stringify({
        integrity: Object.fromEntries(chunks.map((chunk) => [widgetsUrl() + chunk, integrity[chunk]])),
      });
      const hash = `sha256-${createHash('sha256').update(map).digest('base64')}`;
      const html = document(
        `<script type="importmap">${map}</script>${moduleTag(module)}`,
        `<sg-provider endpoint="${doorstep.base}/graphql"><sg-feedback></sg-feedback></sg-provider>`,
      );
      return portal.page(`/feedback-${hash.slice(7, 15)}.html`, html, [hash]);
    };

    await page.goto(pageWith(module.chunks));
    await expect.poll(() => page.locator('sg-feedback').getByText('call 999').count()).toBe(1);
    expect(problems).toEqual([]);

    // One chunk's digest swapped for another's, as if that chunk had been changed on its way.
    await page.goto(pageWith({ ...module.chunks, [chunks[0]!]: module.chunks[chunks[1]!]! }));
    await expect.poll(() => problems.join('\n')).toMatch(/integrity/i);
    expect(await defined(['sg-feedback'])).toEqual([false]);
  });
});
