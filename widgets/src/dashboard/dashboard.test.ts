import { SelfAssessmentStandingDocument, type SelfAssessmentStandingQuery } from '@doorstep/client';
import { expect } from '@open-wc/testing';
import { GATEWAY, graphql, tokenFor } from '../test-support/doorstep.js';
import { find, get, text, until } from '../test-support/dom.js';
import { dashboardEn } from '../i18n/dashboard.en.js';
import {
  expected,
  loaded,
  newDashboard,
  openRound,
  raiseEarlierConcerns,
  reportFor,
  rows,
  signIn,
  thisYear,
  tile,
  tokens,
} from './dashboard.fixtures.js';

// Against the real gateway and its demo data, with concerns raised in earlier months of this
// financial year (dashboard.fixtures.ts). Every figure expected is read from the gateway's own
// answer to the same request, never written here. The keyboard, the table view, downloads, Welsh
// and zoom are in dashboard.keyboard.test.ts.

before(async function () {
  this.timeout(90_000);
  await signIn();
  await raiseEarlierConcerns();
});

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
      expect(tile(el, 'referralsSent')).to.equal(want.tiles.referralsSent);
      expect(tile(el, 'referralsOverdue')).to.equal(want.tiles.referralsOverdue);
      expect(rows(el, 'agencies')).to.deep.equal(want.agencies);
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
      expect(!!find(el, '.tiles')).to.equal(false);
      expect(!!find(el, 'table')).to.equal(false);
      expect(!!find(el, 'form')).to.equal(false);
      await expect(el).to.be.accessible();
    });
  }

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
    expect(!!find(el, '.tiles')).to.equal(true);
  });

  it('shows where each self-assessment area stands in the latest round, as the API has it', async () => {
    // Hillcrest's lead, so Riverside's own self-assessment (other tests') is left as it is.
    const hillcrest = await tokenFor('00000000-0000-4000-8000-000000000201');
    await openRound(hillcrest);
    // Some answers in it, each different, so every column has something to compare.
    for (const [questionId, status] of [
      ['1a', 'YES'],
      ['2a', 'NO'],
      ['2b', 'IN_PROGRESS'],
    ])
      await fetch(GATEWAY, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${hillcrest}` },
        body: JSON.stringify({
          query:
            'mutation ($input: SelfAssessmentAnswerInput!) { answerSelfAssessment(input: $input) { id } }',
          variables: { input: { questionId, status, evidence: 'Dashboard test' } },
        }),
      });
    const { selfAssessmentStanding: standing } = await graphql<SelfAssessmentStandingQuery>(
      String(SelfAssessmentStandingDocument),
      {},
      hillcrest,
    );
    const el = await loaded(await newDashboard({ token: hillcrest }));
    await until(() => !!find(el, '[data-chart="standing"]'), 5000, 'the self-assessment');
    const words = dashboardEn.dashboard.selfAssessment;
    const moved = (a: NonNullable<typeof standing>['areas'][number]) => {
      if (!standing!.previousRound) return 'No earlier round';
      const parts = [
        a.better && `${a.better} better`,
        a.worse && `${a.worse} worse`,
        a.new && `${a.new} newly answered`,
      ].filter(Boolean);
      return parts.join(', ') || 'The same';
    };
    expect(rows(el, 'standing')).to.deep.equal(
      standing!.areas.map((a) => [
        `${a.id}. ${words.areas[a.id]}`,
        String(a.yes),
        String(a.inProgress),
        String(a.no),
        String(a.unanswered),
        moved(a),
      ]),
    );
    expect(text(get(el, '#standing-summary'))).to.contain(`Round “${standing!.round.name}”`);
    await expect(el).to.be.accessible();
  });

  it('drops everything shown when someone else signs in, and asks the gateway again as them', async () => {
    const el = await loaded(await newDashboard());
    expect(!!find(el, '.tiles')).to.equal(true);
    el.token = tokens.frontline;
    // The lead's figures go at once: while it loads, and after the refusal (which can come back
    // before a check sees the loading state), never the lead's tiles.
    await until(
      () =>
        !find(el, '.tiles') &&
        (text(find(el, '[role="status"]')) === 'Loading the figures…' || !!find(el, '.notice')),
      5000,
      'the figures to go',
    );
    await until(() => !!find(el, '.notice'), 15_000, 'the notice');
    expect(!!find(el, '.tiles')).to.equal(false);
    expect(!!find(el, 'table')).to.equal(false);
  });
});
