// The documented embed, from outside: a housing provider's page on another origin (its own web
// server, http://127.0.0.1:<port>, while Doorstep is http://localhost:<port>) loads the widget
// bundles from the gateway, with and without Subresource Integrity, and the public concern form
// on it sends a concern, because the organisation lists that origin.
import { freePort } from '@doorstep/testkit';
import http from 'node:http';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  collectPageErrors,
  sendAnonymousPublicConcern,
  startDoorstep,
} from './doorstep.js';

interface Manifest {
  [tag: string]: { file: string; integrity: string };
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
  /** Serves `html` at `path` (with the page's own Content-Security-Policy). */
  page(path: string, html: string): string;
  close(): Promise<void>;
}

/** Another origin's web server: 127.0.0.1 and its own port, while the gateway is `localhost`. */
async function site(): Promise<Site> {
  const pages = new Map<string, string>();
  const server = http.createServer((req, res) => {
    const html = pages.get(req.url ?? '');
    if (req.url === '/favicon.ico') return res.writeHead(204).end();
    if (html === undefined) return res.writeHead(404).end();
    // A strict policy, as a provider's own portal would have: the gateway is named for its
    // scripts and its API, and nothing inline runs.
    res.writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': `default-src 'self'; script-src 'self' ${doorstep.base}; connect-src ${doorstep.base}; style-src 'self'`,
    });
    res.end(html);
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${port}`;
  return {
    origin,
    page(path, html) {
      pages.set(path, html);
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
      'sg-feedback',
      'sg-household-view',
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
});
