import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, startDoorstep } from './doorstep.js';

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
let page: Page;
const problems: string[] = [];

beforeAll(async () => {
  doorstep = await startDoorstep();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  // A CSP violation, a failed script or any other error in the page fails the test.
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(message.text());
  });
  page.on('pageerror', (error) => problems.push(error.message));
});

afterAll(async () => {
  await browser?.close();
  await doorstep?.stop();
});

describe('the example housing portal', () => {
  it('raises a concern through <sg-concern-form> that lands in the database', async () => {
    await page.goto(doorstep.base + '/');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption({ label: 'Gareth Jones (gas engineer, contractor)' });

    // A contractor gets the short form, one question at a time.
    const form = page.locator('sg-concern-form');
    await expect.poll(() => form.getAttribute('mode')).toBe('contractor');
    const next = () => form.getByRole('button', { name: 'Continue' }).click();
    await form.locator('input[name="urgency"][value="URGENT"]').check();
    await next();
    await form.locator('input[name="subjectDescription"]').fill('Older woman who lives alone, ground floor');
    await form.locator('input[name="location"]').fill('9 Willow Court, Riverside');
    await next();
    await form
      .locator('textarea[name="whatHappened"]')
      .fill('E2E: no heating in November, she said her grandson keeps her bank card.');
    await next();
    await form.locator('input[name="personViews.status"][value="ASKED_EXPRESSED"]').check();
    await form
      .locator('textarea[name="personViews.views"]')
      .fill('She wants her card back and to stay at home.');
    await form.locator('input[name="consent.status"][value="GIVEN"]').check();
    await next();
    await expect.poll(() => form.getByRole('heading', { name: 'Check your answers' }).count()).toBe(1);
    await form.getByRole('button', { name: 'Send concern' }).click();

    const reference = form.locator('[part~="reference"]');
    await expect.poll(() => reference.textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    const shown = /SG-\d{4}-\d{6}/.exec((await reference.textContent()) ?? '')![0];

    const rows = await doorstep.sql<Record<string, unknown>>(
      `select c.reporter_kind, c.urgency, c.location, c.what_happened, c.categories, c.primary_category,
              c.views_status, c.views, c.consent_status, u.email
         from concern c join app_user u on u.id = c.raised_by_id
        where c.reference = $1`,
      [shown],
    );
    expect(rows).toEqual([
      {
        reporter_kind: 'CONTRACTOR',
        urgency: 'URGENT',
        location: '9 Willow Court, Riverside',
        what_happened: 'E2E: no heating in November, she said her grandson keeps her bank card.',
        // The contractor's form does not ask for categories: the safeguarding team sets them.
        categories: [],
        primary_category: null,
        views_status: 'ASKED_EXPRESSED',
        views: 'She wants her card back and to stay at home.',
        consent_status: 'GIVEN',
        email: 'gareth.jones@heatsafe.example',
      },
    ]);
    expect(problems).toEqual([]);
  });

  it('serves the portal with a Content-Security-Policy that forbids inline script', async () => {
    const response = await fetch(doorstep.base + '/');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
