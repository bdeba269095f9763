import { ConcernsDocument, ReferConcernDocument, request } from '@doorstep/client';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, collectPageErrors, DEMO, startDoorstep } from './doorstep.js';

/**
 * The example portal's referrals page (Riverside's safeguarding lead) and the "partner intranet"
 * page (Northshire's officer, the tracker in agency mode), each in its own browser, against the real
 * gateway: what the agency does in its page shows in the provider's without a reload.
 */
const NORTHSHIRE = '00000000-0000-4000-8000-000000000003';
const DEE_PATEL = '00000000-0000-4000-8000-000000000301';

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
const problems: string[] = [];

beforeAll(async () => {
  doorstep = await startDoorstep();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
});

afterAll(async () => {
  await browser?.close();
  await doorstep?.stop();
});

/** A page of its own (its own storage), signed in as `userId` on `path`. */
async function signedIn(path: string, userId: string): Promise<Page> {
  const page = await (await browser.newContext()).newPage();
  collectPageErrors(page, problems);
  await page.goto(doorstep.base + path);
  const picker = page.getByLabel('Demo user');
  await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
  await picker.selectOption(userId);
  return page;
}

async function refer(summary: string): Promise<string> {
  const lead = { endpoint: `${doorstep.base}/graphql`, token: await doorstep.token(DEMO.lead) };
  const { concerns } = await request(lead, ConcernsDocument, { first: 1 });
  const { referConcern } = await request(lead, ReferConcernDocument, {
    input: {
      concernId: concerns.edges[0]!.node.id,
      recipientOrganisationId: NORTHSHIRE,
      reason: 'E2E: needs a care needs assessment',
      legalBasis: 'RISK_TO_ADULT',
      legalBasisReason: 'E2E: she may be being neglected',
      summary,
    },
  });
  return referConcern.id;
}

describe('referrals in the example portal and a partner intranet', () => {
  it('the agency acknowledges and asks in its intranet; the lead sees both live and answers', async () => {
    const id = await refer('E2E: older woman, no heating, her grandson keeps her bank card.');
    const lead = await signedIn('/referrals.html', DEMO.lead);
    const sent = lead.locator('sg-referral-tracker');
    const leadRow = sent.locator('.row', { has: lead.locator(`[data-id="${id}"]`) });
    await expect
      .poll(() => leadRow.locator('[part~="status"]').textContent(), { timeout: 15_000 })
      .toBe('Sent');
    expect(await leadRow.textContent()).toContain('To Northshire Adult Social Care');

    // The partner intranet signs in as the agency's officer first.
    const agency = await browser.newContext().then((c) => c.newPage());
    collectPageErrors(agency, problems);
    await agency.goto(doorstep.base + '/partner-intranet.html');
    await expect.poll(() => agency.getByLabel('Demo user').inputValue(), { timeout: 15_000 }).toBe(DEE_PATEL);
    const received = agency.locator('sg-referral-tracker');
    await expect
      .poll(() => received.locator('#title').textContent(), { timeout: 15_000 })
      .toContain('Referrals received');
    await received.locator(`[data-id="${id}"]`).click();
    await expect.poll(() => received.locator('#referral-title').count()).toBe(1);
    expect(await received.locator('.facts').textContent()).toContain('her grandson keeps her bank card');
    await received.getByRole('button', { name: 'Acknowledge' }).click();
    await expect.poll(() => received.locator('[part~="status"]').textContent()).toBe('Acknowledged');

    // The provider's page, never reloaded, shows it and says it.
    await expect
      .poll(() => leadRow.locator('[part~="status"]').textContent(), { timeout: 15_000 })
      .toBe('Acknowledged');
    await expect
      .poll(() => sent.locator('[aria-live="polite"]').textContent())
      .toMatch(/Referral SG-\d{4}-\d{6} is now acknowledged\./);

    // The lead opens it; the agency asks for more; the question appears; the lead answers.
    await sent.locator(`[data-id="${id}"]`).click();
    await received.getByLabel('Send a message').fill('E2E: is she known to adult social care already?');
    await received.getByRole('button', { name: 'Send message' }).click();
    await expect
      .poll(() => sent.locator('[part~="timeline"]').textContent(), { timeout: 15_000 })
      .toContain('E2E: is she known to adult social care already?');
    await sent.getByLabel('Send a message').fill('E2E: not that we know of.');
    await sent.getByRole('button', { name: 'Send message' }).click();
    await expect
      .poll(() => received.locator('[part~="timeline"]').textContent(), { timeout: 15_000 })
      .toContain('E2E: not that we know of.');
    const thread = await doorstep.sql<{ body: string }>(
      'select body from referral_message where referral_id = $1 order by sent_at',
      [id],
    );
    expect(thread.map((m) => m.body)).toEqual([
      'E2E: is she known to adult social care already?',
      'E2E: not that we know of.',
    ]);
    // The lead may only withdraw it; the agency's moves are not offered to them.
    expect((await sent.locator('[data-action]').allTextContents()).map((t) => t.trim())).toEqual([
      'Withdraw',
    ]);
    expect(problems).toEqual([]);
  });

  it('a new referral appears at the top of the partner intranet as it is sent', async () => {
    const agency = await signedIn('/partner-intranet.html', DEE_PATEL);
    const received = agency.locator('sg-referral-tracker');
    await expect.poll(() => received.locator('.row').count(), { timeout: 15_000 }).toBeGreaterThan(0);
    const id = await refer('E2E: a new one');
    await expect
      .poll(() => received.locator('.row__open').first().getAttribute('data-id'), { timeout: 15_000 })
      .toBe(id);
    expect(problems).toEqual([]);
  });

  for (const [who, userId] of [
    ['a contractor', DEMO.contractor],
    ['a frontline housing officer', DEMO.frontline],
  ] as const) {
    it(`${who} sees that referrals are not available, and none of them`, async () => {
      await refer('E2E: not for them');
      for (const path of ['/referrals.html', '/partner-intranet.html']) {
        const page = await signedIn(path, userId);
        const tracker = page.locator('sg-referral-tracker');
        await expect
          .poll(() => tracker.locator('[part~="notice"]').textContent(), { timeout: 15_000 })
          .toBe('Referrals are not available to your account.');
        expect(await tracker.locator('.row').count()).toBe(0);
        expect(await tracker.locator('.base').textContent()).not.toContain('E2E');
      }
      expect(problems).toEqual([]);
    });
  }

  it('every staff page has the portal’s frame and links to the referrals page and the partner intranet', async () => {
    const page = await (await browser.newContext()).newPage();
    for (const [path, current] of [
      ['/', 'Safeguarding'],
      ['/work-queue.html', 'Work queue'],
      ['/household.html', 'Household'],
      ['/chronology.html', 'Chronology'],
      ['/self-assessment.html', 'Self-assessment'],
      ['/take-feedback.html', 'Take feedback'],
      ['/referrals.html', 'Referrals'],
      ['/dashboard.html', 'Dashboard'],
      ['/partner-intranet.html', 'Partner intranet: referrals received'],
    ] as const) {
      await page.goto(doorstep.base + path);
      // portal.js draws the frame around the page's own part: the skip link first (the first thing
      // Tab reaches), the header with the sign-in, the navigation, then the page's breadcrumbs and
      // main, then the footer; one of each landmark.
      expect(
        await page.evaluate(() =>
          Array.from(document.querySelectorAll('body > *, body > .page > *')).map(
            (e) => e.localName + (e.getAttribute('aria-label') ? `:${e.getAttribute('aria-label')}` : ''),
          ),
        ),
        path,
      ).toEqual(['a', 'header', 'nav:Portal', 'div', 'nav:Breadcrumb', 'main', 'footer']);
      await page.keyboard.press('Tab');
      expect(await page.evaluate(() => document.activeElement?.getAttribute('href')), path).toBe('#main');
      for (const role of ['banner', 'main', 'contentinfo'] as const) {
        expect(await page.getByRole(role).count(), `${path} ${role}`).toBe(1);
      }
      expect(await page.getByLabel('Demo user').count(), path).toBe(1);
      const nav = page.getByRole('navigation', { name: 'Portal' });
      // The page shown is the one marked current, and only it.
      expect(await nav.locator('[aria-current="page"]').allTextContents(), path).toEqual([current]);
      expect(await nav.getByRole('link', { name: 'Referrals', exact: true }).getAttribute('href'), path).toBe(
        '/referrals.html',
      );
      expect(
        await nav.getByRole('link', { name: 'Partner intranet: referrals received' }).getAttribute('href'),
        path,
      ).toBe('/partner-intranet.html');
    }
  });
});
