// The React tenant site (examples/tenant-site) run as its README says: Doorstep running, then the
// example's `dev` command (vite) passing /graphql and /dev/ to it. In Chromium a tenant sends
// feedback and a concern through the widgets, and the React app shows what their typed events
// carried; the Welsh toggle reaches the widgets; axe finds nothing on the pages.
import { freePort, repoRoot } from '@doorstep/testkit';
import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  CHROMIUM_ARGS,
  chromiumPath,
  collectPageErrors,
  sendAnonymousPublicConcern,
  startDoorstep,
} from './doorstep.js';

const axeSource = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let site: { url: string; child: ChildProcess; output: () => string };
let browser: Browser;
let context: BrowserContext;
let page: Page;
let problems: string[];

/**
 * The example's `dev` script (`vite`, with its vite.config.ts), which README's
 * `pnpm --filter @doorstep/example-tenant-site dev` runs, on a free port. Started with node
 * directly, so it needs no pnpm on the PATH.
 */
async function startSite(gateway: string) {
  const port = await freePort();
  const example = path.join(repoRoot, 'examples', 'tenant-site');
  const vite = path.join(example, 'node_modules', 'vite', 'bin', 'vite.js');
  const child = spawn(
    process.execPath,
    [vite, '--port', String(port), '--strictPort', '--host', '127.0.0.1'],
    {
      cwd: example,
      env: { ...process.env, DOORSTEP_URL: gateway },
      stdio: ['ignore', 'pipe', 'pipe'],
      detached: true,
    },
  );
  let output = '';
  child.stdout!.on('data', (d: Buffer) => (output += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (output += d.toString()));
  const url = `http://127.0.0.1:${port}/`;
  for (let waited = 0; ; waited += 200) {
    if (child.exitCode !== null) throw new Error(`The tenant site's dev server exited:\n${output}`);
    if (waited > 60_000) throw new Error(`The tenant site's dev server did not start:\n${output}`);
    if (
      await fetch(url).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  return { url, child, output: () => output };
}

/** axe-core's WCAG 2.x A and AA rules on the page as it is (the widgets' open shadow roots included). */
async function axeViolations() {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: axeSource });
  return page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: {
          run(
            context: Document,
            options: object,
          ): Promise<{ violations: { id: string; nodes: { target: unknown }[] }[] }>;
        };
      }
    ).axe;
    const { violations } = await axe.run(document, {
      runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa'],
    });
    return violations.map((v) => ({ id: v.id, targets: v.nodes.map((n) => n.target) }));
  });
}

beforeAll(async () => {
  doorstep = await startDoorstep();
  site = await startSite(doorstep.base);
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  // The dev server and anything it started: their own process group.
  if (site?.child.exitCode === null) process.kill(-site.child.pid!, 'SIGTERM');
  await doorstep?.stop();
});

beforeEach(async () => {
  problems = [];
  context = await browser.newContext();
  page = await context.newPage();
  collectPageErrors(page, problems);
  page.on('response', (response) => {
    if (response.status() >= 400) problems.push(`${response.status()} ${response.url()}`);
  });
});

afterEach(async () => {
  await context?.close();
});

describe('the React tenant site', () => {
  it('shows a thank-you from the feedback widget’s typed event, and the gateway has the feedback', async () => {
    const comment = `E2E tenant site feedback ${Date.now()}`;
    await page.goto(site.url + '#/feedback');
    await expect.poll(() => page.title(), { timeout: 30_000 }).toBe('Tell us how we did – Riverside Homes');
    const feedback = page.locator('sg-feedback');
    await feedback.locator('input[name="rating.EMPOWERMENT"][value="4"]').check();
    await feedback.getByLabel('Is there anything else you want to tell us?').fill(comment);
    await feedback.getByLabel('No, keep it anonymous').check();
    await feedback.getByRole('button', { name: 'Send feedback' }).click();

    const thanks = page.getByTestId('feedback-thanks');
    await expect
      .poll(() => thanks.textContent(), { timeout: 15_000 })
      .toMatch(/^Thank you\. Your feedback reached us at \d{2}:\d{2}, \d{1,2} [A-Z][a-z]+ \d{4}\.$/);
    const rows = await doorstep.sql('select anonymous from feedback where comment = $1', [comment]);
    expect(rows).toEqual([{ anonymous: true }]);
    expect(await thanks.getAttribute('role')).toBe('status');
    expect(await axeViolations()).toEqual([]);
    expect(problems).toEqual([]);
  });

  it('shows the concern’s reference from the public form’s typed event', async () => {
    const text = `E2E tenant site concern ${Date.now()}`;
    await page.goto(site.url + '#/report');
    const form = page.locator('sg-concern-form');
    await expect.poll(() => form.getAttribute('mode'), { timeout: 30_000 }).toBe('public');
    await sendAnonymousPublicConcern(form, {
      subject: 'The girl upstairs',
      location: '3 Mill Lane',
      whatHappened: text,
    });

    const thanks = page.getByTestId('report-thanks');
    await expect
      .poll(() => thanks.textContent(), { timeout: 15_000 })
      .toMatch(/Your reference is SG-\d{4}-\d{6}\./);
    const [stored] = await doorstep.sql<{ reference: string }>(
      'select reference from concern where what_happened = $1',
      [text],
    );
    expect((await thanks.textContent())!).toContain(stored!.reference);
    expect(problems).toEqual([]);
  });

  it('is in Welsh, the widgets too, after the language toggle; axe finds nothing in either language', async () => {
    await page.goto(site.url);
    await expect
      .poll(() => page.getByRole('heading', { level: 1 }).textContent(), { timeout: 30_000 })
      .toBe('Welcome to Riverside Homes');
    expect(await page.evaluate(() => document.activeElement === document.body)).toBe(true);
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('cy');
    await page.getByRole('link', { name: 'Dywedwch wrthym sut wnaethon ni' }).first().click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Eich adborth');
    // Focus moved to the new page's heading; on the first page it stayed at the top.
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Eich adborth');
    const feedback = page.locator('sg-feedback');
    expect(await feedback.getAttribute('lang')).toBe('cy');
    // The widget speaks Welsh: its Send button.
    await expect.poll(() => feedback.getByRole('button', { name: 'Anfon adborth' }).count()).toBe(1);
    expect(await axeViolations()).toEqual([]);
    await page.getByRole('banner').getByRole('button', { name: 'English' }).click();
    await expect.poll(() => feedback.getByRole('button', { name: 'Send feedback' }).count()).toBe(1);
    expect(problems).toEqual([]);
  });
});
