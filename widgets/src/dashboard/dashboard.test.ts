import { DashboardDocument, type DashboardQuery, type ReportPeriod } from '@doorstep/client';
import { londonDateOf } from '@doorstep/schema';
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys, setViewport } from '@web/test-runner-commands';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { find, focused, get, tabTo, text, until, visible } from '../test-support/dom.js';
import type { SgDashboard } from './dashboard.js';
import { dashboardEn } from '../i18n/dashboard.en.js';
import { presetPeriod } from './periods.js';
import './define.js';

// Against the real gateway and its demo data, with a few concerns this file raises itself (about
// no household or person) and moves back into earlier months of this financial year, so the
// charts have more than one month to show. Every figure expected is read from the gateway's own
// answer to the same request, never written here.

const tokens: Record<string, string> = {};
const today = londonDateOf();
const thisYear = presetPeriod('thisYear', today);

before(async function () {
  this.timeout(90_000);
  await doorstepReady();
  for (const who of ['lead', 'manager', 'frontline', 'contractor', 'agency'] as const)
    tokens[who] = await tokenFor(DEMO[who]);
  // Concerns in up to five earlier months of the financial year so far.
  const [year, month] = thisYear.from.split('-').map(Number) as [number, number];
  const categories = ['NEGLECT', 'FINANCIAL', 'DOMESTIC_ABUSE', 'SELF_NEGLECT', 'NEGLECT', 'PHYSICAL'];
  for (const [i, category] of categories.entries()) {
    const raisedAt = new Date(Date.UTC(year, month - 1 + (i % 5), 10 + i, 10)).toISOString();
    if (raisedAt.slice(0, 10) > today) continue;
    const { raiseConcern } = await graphql<{ raiseConcern: { reference: string } }>(
      `
        mutation ($key: String!, $input: RaiseConcernInput!) {
          raiseConcern(idempotencyKey: $key, input: $input) {
            reference
          }
        }
      `,
      {
        key: crypto.randomUUID(),
        input: {
          urgency: 'ROUTINE',
          categories: [category],
          subjectDescription: `Dashboard test ${i}`,
          location: '2 Chart Street',
          whatHappened: 'Seen by the caretaker.',
          personViews:
            i % 2
              ? { status: 'ASKED_EXPRESSED', views: 'Wants help' }
              : { status: 'NOT_ASKED', notAskedReason: 'Not there' },
          consent: { status: 'GIVEN' },
        },
      },
      tokens.lead!,
    );
    const [row] = await sql<{ id: string }>(
      `update concern set raised_at = $2 where reference = $1 returning id`,
      [raiseConcern.reference, raisedAt],
    );
    // Half of them triaged, so the time to triage has something to measure.
    if (i % 2)
      await graphql(
        `
          mutation ($id: ID!) {
            triageConcern(id: $id, input: { decision: NO_FURTHER_ACTION, riskLevel: LOW, reason: "Seen" }) {
              id
            }
          }
        `,
        { id: row!.id },
        tokens.lead!,
      );
  }
});

type Report = DashboardQuery['report'];

/** The gateway's own answer to the dashboard's request. */
async function reportFor(period: ReportPeriod, who = 'lead'): Promise<Report> {
  return (await graphql<DashboardQuery>(String(DashboardDocument), { period }, tokens[who]!)).report;
}

async function newDashboard(
  options: { token?: string; endpoint?: string; lang?: string; period?: string; shared?: boolean } = {},
) {
  const wrapper = await fixture<HTMLDivElement>(
    html`<div lang=${options.lang ?? 'en-GB'}>
      <sg-dashboard
        endpoint=${options.endpoint ?? GATEWAY}
        .token=${options.token ?? tokens.lead}
        period=${options.period ?? 'thisYear'}
        ?shared=${options.shared ?? false}
      ></sg-dashboard>
    </div>`,
  );
  return wrapper.querySelector('sg-dashboard')!;
}

async function loaded(el: SgDashboard) {
  await until(
    () => !!find(el, '.base[aria-busy="false"]') && !find(el, '[role="status"]:not(:empty)'),
    15_000,
    'the dashboard',
  );
  await el.updateComplete;
  return el;
}

const count = (n: number | null | undefined, suppressed = 'fewer than 5') =>
  n === null || n === undefined ? suppressed : n.toLocaleString('en-GB');
const monthLong = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
/** A table's body rows as text cells. */
const rows = (el: SgDashboard, chart: string) =>
  [...el.shadowRoot!.querySelectorAll(`[data-chart="${chart}"] tbody tr[data-key]`)].map((tr) =>
    [...tr.children].map((cell) => text(cell)),
  );
const tile = (el: SgDashboard, key: string) => text(get(el, `[data-tile="${key}"] .tile__value`));

/** The figures a period's report should put on screen, worked out here from the gateway's answer. */
function expected(report: Report) {
  const { concernsByMonth: months, concernsByAge: ages, makingSafeguardingPersonal: msp } = report;
  const last = months.at(-1)!;
  // Hours to one decimal place, as a board reads them (the API gives two).
  const hours = (h: number | null) =>
    h === null ? 'None yet' : `${h.toLocaleString('en-GB', { maximumFractionDigits: 1 })} working hours`;
  const groups = dashboardEn.dashboard.byCategory.groups;
  return {
    tiles: {
      raised: count(msp.concerns),
      openConcerns: count(last.openConcernsAtEnd),
      openCases: count(last.openCasesAtEnd),
      medianTriage: hours(report.timeToTriage.medianWorkingHours),
      wishesAsked: msp.wishesAskedPercent === null ? 'None yet' : `${Math.round(msp.wishesAskedPercent)}%`,
    },
    months: months.map((m) => [
      monthLong(m.month),
      count(m.raised),
      count(m.openConcernsAtEnd),
      count(m.openCasesAtEnd),
    ]),
    categories: report.concernsByCategory
      .filter((c) => c.count !== 0)
      .map((c) => [groups[c.group], count(c.count)]),
    ages: [
      ['Adults', count(ages.adults)],
      ['Children', count(ages.children)],
      ['Age not known', count(ages.notKnown)],
    ],
    outcomes: [
      ['Fully achieved', count(msp.fullyAchieved)],
      ['Partially achieved', count(msp.partiallyAchieved)],
      ['Not achieved', count(msp.notAchieved)],
      ['Removed', count(msp.riskRemoved)],
      ['Reduced', count(msp.riskReduced)],
      ['Remains', count(msp.riskRemains)],
    ],
  };
}

describe('<sg-dashboard>', () => {
  it('is accessible while loading, and says it is loading', async () => {
    const el = await newDashboard();
    expect(text(get(el, '[role="status"]'))).to.equal('Loading the figures…');
    await expect(el).to.be.accessible();
  });

  for (const who of ['lead', 'manager'] as const) {
    it(`shows a ${who} the gateway’s figures for this financial year: tiles, summaries and every table row`, async () => {
      const report = await reportFor(thisYear, who);
      const want = expected(report);
      const el = await loaded(await newDashboard({ token: tokens[who] }));
      await expect(el).to.be.accessible();
      expect(text(get(el, '.showing'))).to.contain('Figures for 1 April');
      expect(tile(el, 'raised')).to.equal(want.tiles.raised);
      expect(tile(el, 'openConcerns')).to.equal(want.tiles.openConcerns);
      expect(tile(el, 'openCases')).to.equal(want.tiles.openCases);
      expect(tile(el, 'medianTriage')).to.equal(want.tiles.medianTriage);
      expect(tile(el, 'wishesAsked')).to.equal(want.tiles.wishesAsked);
      expect(rows(el, 'months')).to.deep.equal(want.months);
      expect(rows(el, 'categories')).to.deep.equal(want.categories);
      expect(rows(el, 'ages')).to.deep.equal(want.ages);
      expect(rows(el, 'outcomes')).to.deep.equal(want.outcomes);
      // The category summary names the largest group first, as the API counts it.
      const [top] = [...want.categories].sort((a, b) => Number(b[1]) - Number(a[1]));
      expect(text(get(el, '#categories-summary'))).to.contain(`most were ${top![0]} (${top![1]})`);
      // The summary names the busiest month, as the table has it.
      const busiest = [...want.months].sort((a, b) => Number(b[1]) - Number(a[1]))[0]!;
      expect(text(get(el, '#months-summary'))).to.contain(`highest in ${busiest[0]} (${busiest[1]})`);
      // The table is there for screen readers, visually hidden; the drawing is not read.
      expect(get(el, '#months-table').className).to.equal('visually-hidden');
      expect(get(el, '[data-chart="months"] .visual').getAttribute('aria-hidden')).to.equal('true');
    });
  }

  for (const who of ['frontline', 'contractor', 'agency'] as const) {
    it(`tells ${who} staff the figures are not for them, and shows none`, async () => {
      const el = await newDashboard({ token: tokens[who] });
      await until(() => !!find(el, '.notice'), 15_000, 'the notice');
      await el.updateComplete;
      expect(text(get(el, '.notice'))).to.equal(
        'The safeguarding figures are not available to you. They are for managers and safeguarding leads.',
      );
      expect(find(el, '.tiles')).to.equal(null);
      expect(find(el, 'table')).to.equal(null);
      expect(find(el, 'form')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('shows a chart as a table and back with the keyboard alone', async () => {
    const el = await loaded(await newDashboard());
    const toggle = get<HTMLButtonElement>(el, '[data-chart="months"] button.toggle');
    expect(text(toggle)).to.equal('Show as a table: Concerns each month');
    expect(toggle.getAttribute('aria-expanded')).to.equal('false');
    await tabTo(el, toggle);
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(text(toggle)).to.equal('Show as a chart: Concerns each month');
    expect(toggle.getAttribute('aria-expanded')).to.equal('true');
    expect(visible(get(el, '#months-table table'))).to.equal(true);
    expect(visible(get(el, '[data-chart="months"] .visual'))).to.equal(false);
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Space' });
    await el.updateComplete;
    expect(visible(get(el, '[data-chart="months"] .visual'))).to.equal(true);
    expect(get(el, '#months-table').className).to.equal('visually-hidden');
  });

  it('picks a period with the keyboard alone and shows its figures', async () => {
    const el = await loaded(await newDashboard());
    const thisOne = get<HTMLInputElement>(el, '#preset-thisYear');
    expect(thisOne.checked).to.equal(true);
    await tabTo(el, thisOne);
    // Arrow keys move through the presets, as radios do: this year → last year.
    await sendKeys({ press: 'ArrowRight' });
    await el.updateComplete;
    expect(focused(el)).to.equal('input#preset-lastYear[name=preset].choice__input');
    const lastYear = presetPeriod('lastYear', today);
    expect(get<HTMLInputElement>(el, '#from').value).to.equal(lastYear.from);
    expect(get<HTMLInputElement>(el, '#to').value).to.equal(lastYear.to);
    await tabTo(el, get(el, '.period button[type="submit"]'));
    await sendKeys({ press: 'Enter' });
    await until(
      () => text(find(el, '.showing')).includes(`${lastYear.from.slice(0, 4)} to`),
      15_000,
      'the new figures',
    );
    await loaded(el);
    expect(rows(el, 'months')).to.deep.equal(expected(await reportFor(lastYear)).months);
    expect(rows(el, 'months')).to.have.length(12);
  });

  it('refuses an end before the start before sending, by its field, with a summary that takes focus', async () => {
    const el = await loaded(await newDashboard());
    const shown = rows(el, 'months');
    const from = get<HTMLInputElement>(el, '#from');
    await tabTo(el, from);
    from.select();
    await sendKeys({ type: '2026-03-02' });
    const to = get<HTMLInputElement>(el, '#to');
    await tabTo(el, to);
    to.select();
    await sendKeys({ type: '2026-03-01' });
    await el.updateComplete;
    expect(get<HTMLInputElement>(el, '#preset-custom').checked).to.equal(true);
    await sendKeys({ press: 'Enter' });
    await until(() => !!find(el, '.error-summary'), 3000, 'the error summary');
    await el.updateComplete;
    expect(focused(el)).to.equal('div.error-summary');
    expect(text(get(el, '#to-error'))).to.equal(
      'Error: The end date must be the same as or after the start date',
    );
    expect(get(el, '#to').getAttribute('aria-invalid')).to.equal('true');
    // The figures shown stay as they were.
    expect(rows(el, 'months')).to.deep.equal(shown);
    await expect(el).to.be.accessible();
    // The summary's link takes focus to the field.
    get<HTMLAnchorElement>(el, '.error-summary a').click();
    expect(focused(el)).to.equal('input#to[name=to].input');
  });

  it('says when a period has no concerns', async () => {
    const el = await newDashboard();
    await loaded(el);
    const from = get<HTMLInputElement>(el, '#from');
    from.value = '2001-01-01';
    from.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    const to = get<HTMLInputElement>(el, '#to');
    to.value = '2001-03-31';
    to.dispatchEvent(new Event('input', { bubbles: true, composed: true }));
    get<HTMLButtonElement>(el, '.period button[type="submit"]').click();
    await until(() => text(find(el, '.showing')).includes('2001'), 15_000, 'the empty period');
    await loaded(el);
    expect(text(get(el, '.notice'))).to.equal('No concerns were raised in this period.');
    expect(tile(el, 'raised')).to.equal('0');
    expect(rows(el, 'months')).to.deep.equal([
      ['January 2001', '0', '0', '0'],
      ['February 2001', '0', '0', '0'],
      ['March 2001', '0', '0', '0'],
    ]);
    expect(text(get(el, '#months-summary'))).to.equal(
      'Concerns raised each month, 1 January 2001 to 31 March 2001: none. 0 cases open at the end of March 2001.',
    );
    await expect(el).to.be.accessible();
  });

  it('withholds counts under 5 in a shared report, as "fewer than 5", never 0 or blank', async () => {
    const report = await reportFor({ ...thisYear, shared: true });
    const want = expected(report);
    expect(want.months.flat(), 'the demo data has small counts').to.include('fewer than 5');
    const el = await loaded(await newDashboard({ shared: true }));
    expect(text(get(el, '.suppressed-note'))).to.equal(
      'Counts of fewer than 5 are not shown, so nobody can be identified.',
    );
    expect(rows(el, 'months')).to.deep.equal(want.months);
    expect(tile(el, 'raised')).to.equal(want.tiles.raised);
    await expect(el).to.be.accessible();
  });

  it('says when the gateway cannot be reached, and tries again', async () => {
    const el = await newDashboard({ endpoint: '/nowhere/graphql' });
    await until(() => !!find(el, '.error-summary'), 15_000, 'the failure');
    await el.updateComplete;
    expect(text(get(el, '.error-summary [role="alert"]'))).to.contain('The figures could not be loaded');
    await expect(el).to.be.accessible();
    el.endpoint = GATEWAY;
    await until(() => !!find(el, '.tiles'), 15_000, 'the figures');
    expect(find(el, '.tiles')).to.not.equal(null);
  });

  it('downloads a chart’s report as the gateway’s CSV, sent with the token', async () => {
    const el = await loaded(await newDashboard());
    get<HTMLButtonElement>(el, '[data-chart="months"] .download button').click();
    await until(() => !!find(el, '[data-file="concerns-by-month"]'), 15_000, 'the file');
    await el.updateComplete;
    const link = get<HTMLAnchorElement>(el, '[data-file="concerns-by-month"]');
    expect(focused(el)).to.equal('a.file');
    expect(link.download).to.equal(`concerns-by-month-${thisYear.from}-to-${thisYear.to}.csv`);
    const file = await (await fetch(link.href)).text();
    const direct = await fetch(
      `/doorstep/reports/concerns-by-month.csv?from=${thisYear.from}&to=${thisYear.to}`,
      {
        headers: { authorization: `Bearer ${tokens.lead}` },
      },
    );
    expect(direct.status).to.equal(200);
    expect(file).to.equal(await direct.text());
    await expect(el).to.be.accessible();
  });

  it('speaks Welsh on a Welsh page', async () => {
    const el = await loaded(await newDashboard({ lang: 'cy' }));
    expect(text(get(el, '.title'))).to.equal('Dangosfwrdd diogelu');
    expect(text(get(el, '[data-tile="raised"] .tile__label'))).to.equal('Pryderon a godwyd');
    expect(text(get(el, '[data-chart="months"] button.toggle'))).to.contain('Dangos fel tabl');
    await expect(el).to.be.accessible();
  });

  it('fits a 320px window (400% zoom) without scrolling sideways, the chart drawn to its width', async () => {
    await setViewport({ width: 320, height: 640 });
    try {
      const el = await loaded(await newDashboard());
      await until(() => !!find(el, 'svg.months'), 3000, 'the monthly chart');
      const base = get(el, '.base');
      expect(base.scrollWidth).to.be.at.most(base.clientWidth + 1);
      const chart = get(el, 'svg.months');
      expect(chart.getBoundingClientRect().width).to.be.at.most(get(el, '.content').clientWidth + 1);
      // Its words are as large as the page's, not shrunk to fit.
      expect(parseFloat(getComputedStyle(get(el, 'svg.months text')).fontSize)).to.be.at.least(14);
      await expect(el).to.be.accessible();
    } finally {
      await setViewport({ width: 800, height: 600 });
    }
  });
});
