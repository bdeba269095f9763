// GraphiQL at /graphiql on the real gateway in development, in Chromium: it loads under the
// gateway's Content-Security-Policy (its editor's workers included), the demo-user picker puts a
// token in the Authorization header, a query runs with it, and the Docs show the schema's
// descriptions. (That production has no /graphiql: gateway/test/graphiql.test.ts.)
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, collectPageErrors, DEMO, startDoorstep } from './doorstep.js';

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  doorstep = await startDoorstep();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  collectPageErrors(page, problems);
});

afterAll(async () => {
  await browser?.close();
  await doorstep?.stop();
});

describe('GraphiQL in development', () => {
  it('runs a query as the demo user picked, and shows the schema’s descriptions', async () => {
    await page.goto(`${doorstep.base}/graphiql`);
    const picker = page.getByLabel('Act as');
    await expect.poll(() => picker.locator('option').count(), { timeout: 30_000 }).toBeGreaterThan(3);
    await picker.selectOption(DEMO.lead);
    const headers = page.locator('.graphiql-editor-tool');
    await expect.poll(() => headers.textContent()).toContain('Bearer');

    await page.getByRole('button', { name: /^Execute query/ }).click();
    // The editor draws spaces as no-break spaces.
    const response = async () =>
      ((await page.locator('.graphiql-response').textContent()) ?? '').replace(/\s+/g, ' ');
    await expect.poll(response, { timeout: 15_000 }).toMatch(/"totalCount": \d+/);
    expect(await response()).toMatch(/"reference": "SG-\d{4}-\d{6}"/);

    await page.getByRole('button', { name: 'Show Documentation Explorer' }).click();
    await page.locator('.graphiql-doc-explorer').getByText('Query', { exact: true }).click();
    await expect
      .poll(() => page.locator('.graphiql-doc-explorer').textContent())
      .toContain('Your organisation’s concerns, newest first');
    // Nothing refused by the page's policy, no failed worker.
    expect(problems).toEqual([]);
  });
});
