import { CloseConcernDocument, request, TriageConcernDocument } from '@doorstep/client';
import { freePort, repoRoot } from '@doorstep/testkit';
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, collectPageErrors, DEMO, startDoorstep } from './doorstep.js';

/**
 * examples/custom-view, built and run against the real gateway with its demo data, as Jo Williams
 * (the demo housing officer who is also the team's safeguarding champion), in Chromium.
 */
let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let view: ChildProcess;
let base: string;
let browser: Browser;
let page: Page;
const problems: string[] = [];

type DemoConcern = { id: string; reference: string; address: string };
/** The demo concerns and the address of each one's household. */
let concerns: Record<'alder' | 'birch' | 'cedar', DemoConcern>;

beforeAll(async () => {
  doorstep = await startDoorstep();
  const rows = await doorstep.sql<DemoConcern>(
    `select c.id, c.reference, h.address_line1 as address from concern c join household h on h.id = c.household_id`,
  );
  const find = (address: string) => rows.find((row) => row.address === address)!;
  concerns = { alder: find('4 Alder Court'), birch: find('12 Birch Road'), cedar: find('7 Cedar Walk') };

  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  view = spawn(process.execPath, [path.join(repoRoot, 'examples', 'custom-view', 'dist', 'server.js')], {
    env: { PATH: process.env.PATH ?? '', DOORSTEP_URL: doorstep.base, PORT: String(port) },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  await new Promise<void>((resolve, reject) => {
    view.stdout!.on('data', (d: Buffer) => d.toString().includes('My patch:') && resolve());
    view.once('exit', (code) => reject(new Error(`custom-view exited ${code}`)));
  });

  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  collectPageErrors(page, problems);
});

afterAll(async () => {
  await browser?.close();
  view?.kill();
  await doorstep?.stop();
});

const section = (address: string) => page.getByRole('region', { name: new RegExp(`^${address}`) }).first();

describe('examples/custom-view', () => {
  it('shows the officer’s households and their open concerns, and nothing of other households', async () => {
    await page.goto(base + '/');
    await expect(page.getByRole('heading', { level: 1 }).textContent()).resolves.toBe('My patch');
    const households = await page.getByRole('heading', { level: 2 }).allTextContents();
    expect(households).toHaveLength(2);
    expect(households[0]).toMatch(/^12 Birch Road/);
    expect(households[1]).toMatch(/^4 Alder Court/);

    // Each household's open concerns, in a table: reference (row header), urgency, categories, raised.
    const birch = section('12 Birch Road').getByRole('table', { name: '1 open concern' });
    expect(await birch.getByRole('columnheader').allTextContents()).toEqual([
      'Reference',
      'Urgency',
      'Categories',
      'Raised',
    ]);
    expect(await birch.getByRole('rowheader').allTextContents()).toEqual([concerns.birch.reference]);
    const [birchRow] = await birch.locator('tbody tr').allInnerTexts();
    expect(birchRow).toMatch(/Routine\s+Financial, Psychological\s+\d{1,2} [A-Z][a-z]{2} 20\d\d/);
    const alder = section('4 Alder Court').getByRole('table', { name: '1 open concern' });
    expect(await alder.getByRole('rowheader').allTextContents()).toEqual([concerns.alder.reference]);
    expect(await alder.locator('tbody tr').innerText()).toMatch(/Urgent\s+Self neglect/);

    // Tom's Cedar Walk and the other households are not Jo's: nothing of them is on the page.
    const text = await page.locator('body').innerText();
    expect(text).not.toContain(concerns.cedar.reference);
    expect(text).not.toContain('Cedar Walk');
    expect(text).not.toContain('Elm Row');
    expect(problems).toEqual([]);
  });

  it('links each household to its own page, and refuses a household that is not in the patch', async () => {
    await page.goto(base + '/');
    await page.getByRole('link', { name: /^12 Birch Road/ }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toMatch(/^12 Birch Road/);
    expect(await page.getByRole('rowheader').allTextContents()).toEqual([concerns.birch.reference]);

    const [cedar] = await doorstep.sql<{ id: string }>(
      `select id from household where address_line1 = '7 Cedar Walk'`,
    );
    const other = await page.goto(`${base}/households/${cedar!.id}`);
    expect(other!.status()).toBe(404);
    expect(await page.locator('body').innerText()).not.toContain(concerns.cedar.reference);
  });

  it('leaves out a closed concern, and fits a 320 px screen', async () => {
    const lead = { endpoint: `${doorstep.base}/graphql`, token: await doorstep.token(DEMO.lead) };
    const id = concerns.alder.id;
    await request(lead, TriageConcernDocument, {
      id,
      input: { decision: 'NO_FURTHER_ACTION', riskLevel: 'LOW', reason: 'E2E: resolved' },
    });
    await request(lead, CloseConcernDocument, { id, reason: 'E2E: resolved' });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto(base + '/');
    await expect(section('4 Alder Court').innerText()).resolves.toContain('No open concerns.');
    expect(await page.locator('body').innerText()).not.toContain(concerns.alder.reference);
    // Still on the household's own page, which lists every concern.
    await page.getByRole('link', { name: /^4 Alder Court/ }).click();
    await expect
      .poll(() => page.getByRole('rowheader').allTextContents())
      .toEqual([concerns.alder.reference]);
    // No sideways scrolling of the page at 320 px.
    await page.goto(base + '/');
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
  });
});
