import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CHROMIUM_ARGS, chromiumPath, collectPageErrors, DEMO, startDoorstep } from './doorstep.js';

let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
let browser: Browser;
let page: Page;
const problems: string[] = [];
const DEMO_MASON = '00000000-0000-4000-8000-000000000505';

beforeAll(async () => {
  doorstep = await startDoorstep();
  browser = await chromium.launch({ executablePath: chromiumPath(), args: CHROMIUM_ARGS });
  page = await browser.newPage();
  // A CSP violation, a failed script or any other error in the page fails the test.
  collectPageErrors(page, problems);
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

  it('raises a concern about a household member a safeguarding lead found by search', async () => {
    await page.goto(doorstep.base + '/');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption(DEMO.lead);
    const form = page.locator('sg-concern-form');
    await expect.poll(() => form.getAttribute('mode')).toBe('staff');
    const next = () => form.getByRole('button', { name: 'Continue' }).click();
    await form.locator('input[name="urgency"][value="ROUTINE"]').check();
    await next();
    await form.getByLabel('Search by name, address or tenancy reference').fill('Marsh');
    await form.getByRole('button', { name: 'Search', exact: true }).click();
    const household = form.getByLabel('12 Birch Road, Riverside, RV2 7BR');
    await household.check();
    await form.locator('.choice', { hasText: 'Edith Marsh' }).locator('input[name="subjectIds"]').check();
    await expect
      .poll(() => form.locator('input[name="subjectDescription"]').inputValue())
      .toBe('Edith Marsh');
    await next();
    await form.locator('textarea[name="whatHappened"]').fill('E2E: found by search, bruising on her wrist.');
    await next();
    await form.locator('input[name="personViews.status"][value="ASKED_NONE_EXPRESSED"]').check();
    await form.locator('input[name="consent.status"][value="GIVEN"]').check();
    await next();
    await form.getByRole('button', { name: 'Send concern' }).click();
    const reference = form.locator('[part~="reference"]');
    await expect.poll(() => reference.textContent(), { timeout: 15_000 }).toMatch(/SG-\d{4}-\d{6}/);
    const shown = /SG-\d{4}-\d{6}/.exec((await reference.textContent()) ?? '')![0];
    const rows = await doorstep.sql<Record<string, unknown>>(
      `select h.address_line1, p.given_name, p.family_name, cp.role
         from concern c join household h on h.id = c.household_id
         join concern_person cp on cp.concern_id = c.id join person p on p.id = cp.person_id
        where c.reference = $1`,
      [shown],
    );
    expect(rows).toEqual([
      { address_line1: '12 Birch Road', given_name: 'Edith', family_name: 'Marsh', role: 'SUBJECT' },
    ]);
    expect(problems).toEqual([]);
  });

  it('shows a household to a lead and opens the concern form about the person chosen', async () => {
    await page.goto(doorstep.base + '/household.html');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption(DEMO.lead);
    const view = page.locator('sg-household-view');
    await expect.poll(() => view.locator('[part~="person"]').count(), { timeout: 15_000 }).toBe(3);
    await expect.poll(() => view.locator('[part~="child"]').count()).toBe(2);
    // Both widgets come from the shared-chunk build: one copy of Lit (each copy registers its version).
    expect(
      await page.evaluate(() => (globalThis as { litElementVersions?: string[] }).litElementVersions),
    ).toHaveLength(1);
    await view.getByRole('button', { name: 'Raise a concern about Mason Price' }).click();
    const form = page.locator('sg-concern-form');
    await form.locator('input[name="urgency"][value="ROUTINE"]').check();
    await form.getByRole('button', { name: 'Continue' }).click();
    await expect
      .poll(() => form.locator('input[name="subjectIds"][value="' + DEMO_MASON + '"]').isChecked())
      .toBe(true);

    // A contractor on their gas job sees the visit view: names and warnings, no ages or counts.
    await picker.selectOption({ label: 'Gareth Jones (gas engineer, contractor)' });
    await page.getByLabel('Choose a household').selectOption({ label: '4 Alder Court' });
    await expect.poll(() => view.locator('[part~="notice"]').count(), { timeout: 15_000 }).toBe(1);
    expect(await view.locator('[part~="person"]').allTextContents()).toEqual([
      expect.stringContaining('Walter Briggs'),
    ]);
    expect(await view.locator('[part~="counts"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('answers the self-assessment on its own page, saved as the lead goes', async () => {
    await page.goto(doorstep.base + '/self-assessment.html');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption(DEMO.lead);
    const checklist = page.locator('sg-self-assessment');
    await checklist.getByLabel('Comments and evidence for question 7').fill('E2E: monthly MASH meeting');
    await checklist.locator('input[name="status.7"][value="YES"]').check();
    await expect
      .poll(() =>
        doorstep.sql<{ status: string; evidence: string }>(
          `select status, evidence from self_assessment_answer where question_id = '7'`,
        ),
      )
      .toEqual([{ status: 'YES', evidence: 'E2E: monthly MASH meeting' }]);
    const saved = checklist.locator('section', { has: page.locator('#question-7') }).locator('.save-state');
    await expect.poll(() => saved.textContent()).toMatch(/^Saved .* by Priya Shah/);
    expect(problems).toEqual([]);
  });

  it('shows a household’s chronology on its own page, to a lead and not to a contractor', async () => {
    await page.goto(doorstep.base + '/chronology.html');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption(DEMO.lead);
    const chronology = page.locator('sg-chronology');
    // The list draws the entries in the window: the reader scrolls to it.
    await chronology.locator('.list').scrollIntoViewIfNeeded();
    await expect.poll(() => chronology.locator('[role="listitem"]').count()).toBeGreaterThan(0);
    await expect.poll(() => chronology.locator('.count').textContent()).toMatch(/^Showing \d+ of \d+ entr/);
    await picker.selectOption({ label: 'Gareth Jones (gas engineer, contractor)' });
    await expect.poll(() => chronology.locator('.notice').textContent()).toContain('not available');
    expect(await chronology.locator('[role="listitem"]').count()).toBe(0);
    expect(problems).toEqual([]);
  });

  it('triages a seeded concern from the work queue, and shows the queue to nobody but the safeguarding team', async () => {
    const [seeded] = await doorstep.sql<{ id: string; reference: string }>(
      `select id, reference from concern where subject_description like 'Older man living alone%'`,
    );
    await page.goto(doorstep.base + '/work-queue.html');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption(DEMO.lead);
    const queue = page.locator('sg-work-queue');
    const triage = queue.getByRole('button', { name: `Triage concern ${seeded!.reference}` });
    await triage.click({ timeout: 15_000 });
    await queue.getByLabel('Monitor as a low-level concern').check();
    await queue.getByLabel('Medium').check();
    await queue.getByLabel('Reason for the decision').fill('E2E: keep an eye on the heating');
    await queue.getByRole('button', { name: 'Save decision' }).click();
    await expect
      .poll(() =>
        doorstep.sql<{ status: string; triage_decision: string; risk_level: string; triage_reason: string }>(
          'select status, triage_decision, risk_level, triage_reason from concern where id = $1',
          [seeded!.id],
        ),
      )
      .toEqual([
        {
          status: 'TRIAGED',
          triage_decision: 'MONITOR_LOW_LEVEL',
          risk_level: 'MEDIUM',
          triage_reason: 'E2E: keep an eye on the heating',
        },
      ]);
    await expect.poll(() => triage.count()).toBe(0);
    await expect
      .poll(() => page.locator('#opened').textContent())
      .toBe('Concern triaged: monitor low level, medium risk.');

    // A contractor, a housing officer and an agency officer get a plain notice and none of it.
    for (const label of [
      'Gareth Jones (gas engineer, contractor)',
      'Tom Evans (housing officer)',
      'Dee Patel (social worker)',
    ]) {
      await picker.selectOption({ label });
      await expect
        .poll(() => queue.locator('.notice').textContent(), { timeout: 15_000 })
        .toContain('not available');
      expect(await queue.locator('.item, .section').count(), label).toBe(0);
    }
    expect(problems).toEqual([]);
  });

  it('shows the dashboard to the manager, with the API’s figures, in system colours when forced, and to nobody else', async () => {
    const context = await browser.newContext({ forcedColors: 'active' });
    const forced = await context.newPage();
    collectPageErrors(forced, problems);
    await forced.goto(doorstep.base + '/dashboard.html');
    const picker = forced.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption({ label: 'Ana Costa (housing manager)' });
    const dashboard = forced.locator('sg-dashboard');
    await dashboard.locator('.tiles').waitFor({ timeout: 15_000 });
    // The concerns raised this financial year so far, as the API counts them.
    const period = await dashboard.evaluate((el) => {
      const value = (id: string) => el.shadowRoot!.querySelector<HTMLInputElement>(`#${id}`)!.value;
      return { from: value('from'), to: value('to') };
    });
    const { data } = await doorstep.graphql<{ report: { concernsByMonth: { raised: number }[] } }>(
      'query($p: ReportPeriod!) { report(period: $p) { concernsByMonth { raised } } }',
      { p: period },
      await doorstep.token(DEMO.manager),
    );
    const raised = data.report.concernsByMonth.reduce((sum, m) => sum + m.raised, 0);
    expect(await dashboard.locator('[data-tile="raised"] .tile__value').textContent()).toBe(String(raised));
    // Forced colours: the bars and the line take the system's colours, as the text does.
    const colours = await dashboard.evaluate((el) => {
      const root = el.shadowRoot!;
      const text = getComputedStyle(root.querySelector('.title')!).color;
      return {
        forced: matchMedia('(forced-colors: active)').matches,
        bar: getComputedStyle(root.querySelector('svg.months rect.bar, .legend rect.bar')!).fill,
        line: getComputedStyle(root.querySelector('svg.months path.line')!).stroke,
        text,
      };
    });
    expect(colours.forced).toBe(true);
    expect(colours.bar).toBe(colours.text);
    expect(colours.line).not.toBe('none');
    // A housing officer and a contractor get a plain notice and no figures.
    for (const label of ['Tom Evans (housing officer)', 'Gareth Jones (gas engineer, contractor)']) {
      await picker.selectOption({ label });
      await expect
        .poll(() => dashboard.locator('.notice').textContent(), { timeout: 15_000 })
        .toContain('not available');
      expect(await dashboard.locator('.tiles, table').count(), label).toBe(0);
    }
    await context.close();
    expect(problems).toEqual([]);
  });

  it('takes a tenant’s feedback on the tenant site, with no sign-in', async () => {
    await page.goto(doorstep.base + '/feedback.html');
    const feedback = page.locator('sg-feedback');
    await feedback.locator('input[name="rating.EMPOWERMENT"][value="4"]').check();
    await feedback
      .getByLabel('Is there anything else you want to tell us?')
      .fill('E2E: thank you for listening');
    await feedback.getByLabel('No, keep it anonymous').check();
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    await expect
      .poll(() => feedback.getByRole('heading', { name: 'Thank you for your feedback' }).count())
      .toBe(1);
    const rows = await doorstep.sql<Record<string, unknown>>(
      `select anonymous, language, channel from feedback where comment = 'E2E: thank you for listening'`,
    );
    expect(rows).toEqual([{ anonymous: true, language: 'en', channel: 'WEB' }]);
    expect(problems).toEqual([]);
  });

  it('lets a housing officer enter a tenant’s feedback given on a paper form', async () => {
    await page.goto(doorstep.base + '/take-feedback.html');
    const picker = page.getByLabel('Demo user');
    await expect.poll(() => picker.locator('option').count()).toBeGreaterThan(1);
    await picker.selectOption(DEMO.frontline);
    await page.getByLabel('On a paper form').check();
    const feedback = page.locator('sg-feedback');
    await expect
      .poll(() => feedback.getByText('You are entering the answers from a paper form').count())
      .toBe(1);
    await feedback.locator('input[name="rating.PROTECTION"][value="5"]').check();
    await feedback.getByLabel('Is there anything else you want to tell us?').fill('E2E: from a paper form');
    await feedback.getByLabel('No, keep it anonymous').check();
    await feedback.getByRole('button', { name: 'Send feedback' }).click();
    await expect.poll(() => feedback.getByRole('heading', { name: 'Feedback saved' }).count()).toBe(1);
    const rows = await doorstep.sql<Record<string, unknown>>(
      `select anonymous, channel from feedback where comment = 'E2E: from a paper form'`,
    );
    expect(rows).toEqual([{ anonymous: true, channel: 'PAPER' }]);
    expect(problems).toEqual([]);
  });

  it('shows the tenant site’s report page in Welsh when the page is in Welsh', async () => {
    // The page's own words (not the widget's): its title, skip link, header, heading, lead, footer.
    const words = () =>
      page.evaluate(() => ({
        lang: document.documentElement.lang,
        title: document.title,
        text: ['.skip-link', '.header__service', '#language', 'h1', '.lead', '.footer'].map((selector) =>
          document.querySelector(selector)!.textContent!.replace(/\s+/g, ' ').trim(),
        ),
      }));
    const welsh = {
      lang: 'cy',
      title: 'Dywedwch wrthym eich bod yn poeni am rywun – Riverside Homes',
      text: [
        'Neidio i’r prif gynnwys',
        'Ar gyfer tenantiaid a chymdogion',
        'English',
        'Dywedwch wrthym eich bod yn poeni am rywun',
        'Gallwch ddweud wrthym heb roi eich enw. Rydyn ni’n darllen pob neges ar yr un diwrnod gwaith.',
        'Darparwr tai dychmygol yw Riverside Homes. Mae’r dudalen hon yn dangos ffurflen gyhoeddus Doorstep.',
      ],
    };
    const stepHeading = () => page.locator('sg-concern-form .step-heading').textContent();

    // A Welsh site serves the page with lang="cy".
    await page.route('**/report.html', async (route) => {
      const response = await route.fetch();
      const body = (await response.text()).replace('<html lang="en-GB">', '<html lang="cy">');
      await route.fulfill({ response, body });
    });
    await page.goto(doorstep.base + '/report.html');
    await expect.poll(words).toEqual(welsh);
    await expect.poll(stepHeading).toContain('Pa mor frys yw hyn?');
    await page.unroute('**/report.html');

    // Served in English, switched with the page's "Cymraeg" button, and back.
    await page.goto(doorstep.base + '/report.html');
    const english = await words();
    expect(english.title).toBe('Tell us you are worried about someone – Riverside Homes');
    await page.getByRole('button', { name: 'Cymraeg' }).click();
    await expect.poll(words).toEqual(welsh);
    await expect.poll(stepHeading).toContain('Pa mor frys yw hyn?');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(words).toEqual({ ...english, lang: 'en-GB' });
    expect(problems).toEqual([]);
  });

  it('serves the portal with a Content-Security-Policy that forbids inline script', async () => {
    const response = await fetch(doorstep.base + '/');
    expect(response.headers.get('content-security-policy')).toMatch(/script-src 'self'(;|$)/);
    expect(await response.text()).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
  });
});
