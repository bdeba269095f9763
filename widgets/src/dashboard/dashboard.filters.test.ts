import { ReportFiltersDocument, ReportsDocument, type ReportFiltersQuery } from '@doorstep/client';
import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { find, get, tabTo, text, until } from '../test-support/dom.js';
import type { SgDashboard } from './dashboard.js';
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

// The area and team selects of <sg-dashboard>, against the real gateway: the choices are the
// gateway's `reportFilters`, and the figures for a choice are the gateway's own `report` for it.

const RIVERSIDE = '00000000-0000-4000-8000-000000000001';
let filters: ReportFiltersQuery['reportFilters'];
let area: string;
let team: { id: string; name: string };

before(async function () {
  this.timeout(90_000);
  await signIn();
  await raiseEarlierConcerns();
  // A team of its own, with two of this year's concerns raised by it about a household in an area:
  // so an area's and a team's figures differ from everyone's.
  const teamId = crypto.randomUUID();
  await sql(`insert into team (organisation_id, id, name, created_at) values ($1, $2, $3, now())`, [
    RIVERSIDE,
    teamId,
    `Dashboard filters ${teamId.slice(0, 8)}`,
  ]);
  const [household] = await sql<{ id: string; area: string }>(
    `select id, local_authority_area as area from household
      where organisation_id = $1 and local_authority_area is not null order by created_at limit 1`,
    [RIVERSIDE],
  );
  const moved = await sql(
    `update concern set team_id = $1, household_id = $2
      where id in (select id from concern where organisation_id = $3 and raised_at >= $4
                    and household_id is null order by raised_at limit 2)
      returning id`,
    [teamId, household!.id, RIVERSIDE, thisYear.from],
  );
  expect(moved.length, 'two of this year’s concerns moved to the team').to.equal(2);
  ({ reportFilters: filters } = await graphql<ReportFiltersQuery>(
    String(ReportFiltersDocument),
    {},
    tokens.lead!,
  ));
  area = household!.area;
  team = filters.teams.find((t) => t.id === teamId)!;
});

const select = (el: SgDashboard, name: string) => get<HTMLSelectElement>(el, `select#${name}`);
const options = (el: SgDashboard, name: string) => [...select(el, name).options].map((o) => text(o));
const labelOf = (el: SgDashboard, name: string) => text(get(el, `label[for="${name}"]`));

/** Chooses as a mouse or a screen reader's list does: the value, then `change`. */
async function choose(el: SgDashboard, name: string, value: string) {
  const box = select(el, name);
  box.value = value;
  box.dispatchEvent(new Event('change', { bubbles: true, composed: true }));
  await el.updateComplete;
}

/** Waits for the figures of the area and team named over them. */
async function shownFor(el: SgDashboard, words: string) {
  await until(() => text(find(el, '.showing')).includes(words), 15_000, words);
  return loaded(el);
}

/** Every tile and table the gateway's report for the choice should put on screen. */
async function expectFiguresOf(el: SgDashboard, period: Parameters<typeof reportFor>[0]) {
  const want = expected(await reportFor(period));
  expect(tile(el, 'raised')).to.equal(want.tiles.raised);
  expect(tile(el, 'openConcerns')).to.equal(want.tiles.openConcerns);
  expect(tile(el, 'openCases')).to.equal(want.tiles.openCases);
  expect(tile(el, 'medianTriage')).to.equal(want.tiles.medianTriage);
  expect(tile(el, 'referralsSent')).to.equal(want.tiles.referralsSent);
  expect(rows(el, 'months')).to.deep.equal(want.months);
  expect(rows(el, 'categories')).to.deep.equal(want.categories);
  expect(rows(el, 'ages')).to.deep.equal(want.ages);
  expect(rows(el, 'agencies')).to.deep.equal(want.agencies);
  expect(rows(el, 'outcomes')).to.deep.equal(want.outcomes);
}

describe('<sg-dashboard> area and team', () => {
  it('offers the organisation’s areas and teams, all of them at first, labelled', async () => {
    const el = await loaded(await newDashboard());
    await until(() => !!find(el, 'select#teamId'), 5000, 'the selects');
    expect(labelOf(el, 'localAuthorityArea')).to.equal('Local authority area');
    expect(labelOf(el, 'teamId')).to.equal('Team');
    expect(options(el, 'localAuthorityArea')).to.deep.equal(['All areas', ...filters.localAuthorityAreas]);
    expect(options(el, 'teamId')).to.deep.equal(['All teams', ...filters.teams.map((t) => t.name)]);
    expect(select(el, 'localAuthorityArea').value).to.equal('');
    expect(select(el, 'teamId').value).to.equal('');
    await expect(el).to.be.accessible();
  });

  it('shows the gateway’s figures for the area chosen, then for the area and team', async () => {
    const everyone = await reportFor(thisYear);
    const inArea = await reportFor({ ...thisYear, localAuthorityArea: area });
    const byTeam = await reportFor({ ...thisYear, localAuthorityArea: area, teamId: team.id });
    // Otherwise the test could not tell a filter sent from one left out.
    expect(inArea.makingSafeguardingPersonal.concerns).to.not.equal(
      everyone.makingSafeguardingPersonal.concerns,
    );
    expect(byTeam.makingSafeguardingPersonal.concerns, JSON.stringify(byTeam)).to.equal(2);
    const el = await loaded(await newDashboard());
    await until(() => !!find(el, 'select#teamId'), 5000, 'the selects');
    await choose(el, 'localAuthorityArea', area);
    await shownFor(el, `area: ${area}.`);
    await expectFiguresOf(el, { ...thisYear, localAuthorityArea: area });
    await expect(el).to.be.accessible();
    await choose(el, 'teamId', team.id);
    await shownFor(el, `area: ${area}, team: ${team.name}.`);
    await expectFiguresOf(el, { ...thisYear, localAuthorityArea: area, teamId: team.id });
    // Every chart is there: none of the dashboard's reports refuses an area or a team.
    expect(find(el, '.error-summary')).to.equal(null);
    for (const chart of ['months', 'categories', 'ages', 'agencies', 'outcomes'])
      expect(!!find(el, `[data-chart="${chart}"]`), chart).to.equal(true);
    await expect(el).to.be.accessible();
    // Back to all areas: the team's figures across every area.
    await choose(el, 'localAuthorityArea', '');
    await shownFor(el, `, team: ${team.name}.`);
    expect(text(get(el, '.showing'))).to.not.contain('area:');
    await expectFiguresOf(el, { ...thisYear, teamId: team.id });
  });

  it('asks only for reports that can be narrowed by area and team', () => {
    // Feedback is the organisation's (it refuses an area and a team) and warnings belong to no
    // team (they refuse a team): the dashboard's one request must not ask for either, or choosing
    // an area or team would refuse every figure with BAD_USER_INPUT `not_applicable`.
    const request = String(ReportsDocument);
    expect(request).to.not.contain('feedback');
    expect(request).to.not.contain('warningsDueForReview');
  });

  it('chooses a team with the keyboard alone', async () => {
    const el = await loaded(await newDashboard());
    await until(() => !!find(el, 'select#teamId'), 5000, 'the selects');
    const first = filters.teams[0]!;
    await tabTo(el, select(el, 'teamId'));
    await sendKeys({ press: 'ArrowDown' });
    await shownFor(el, `team: ${first.name}.`);
    expect(select(el, 'teamId').value).to.equal(first.id);
    await expectFiguresOf(el, { ...thisYear, teamId: first.id });
    await expect(el).to.be.accessible();
  });

  it('labels the selects in Welsh on a Welsh page', async () => {
    const el = await loaded(await newDashboard({ lang: 'cy' }));
    await until(() => !!find(el, 'select#teamId'), 5000, 'the selects');
    expect(labelOf(el, 'localAuthorityArea')).to.equal('Ardal awdurdod lleol');
    expect(labelOf(el, 'teamId')).to.equal('Tîm');
    expect(options(el, 'localAuthorityArea')[0]).to.equal('Pob ardal');
    expect(options(el, 'teamId')[0]).to.equal('Pob tîm');
    await choose(el, 'teamId', team.id);
    await shownFor(el, `tîm: ${team.name}.`);
    await expect(el).to.be.accessible();
  });

  it('says the self-assessment is the whole organisation’s when an area or team is chosen', async () => {
    // Hillcrest's lead, with a round open (so the standing shows) and a team of its own.
    const hillcrest = await tokenFor('00000000-0000-4000-8000-000000000201');
    await openRound(hillcrest);
    const teamId = crypto.randomUUID();
    await sql(`insert into team (organisation_id, id, name, created_at) values ($1, $2, $3, now())`, [
      '00000000-0000-4000-8000-000000000002',
      teamId,
      `Hillcrest filters ${teamId.slice(0, 8)}`,
    ]);
    const el = await loaded(await newDashboard({ token: hillcrest }));
    await until(
      () => !!find(el, '[data-chart="standing"]') && !!find(el, 'select#teamId'),
      5000,
      'the standing',
    );
    const note = () => text(find(el, '[data-chart="standing"] p.secondary'));
    expect(note()).to.equal('');
    await choose(el, 'teamId', teamId);
    await shownFor(el, 'team: Hillcrest filters');
    expect(note()).to.equal('The self-assessment is for the whole organisation.');
    await expect(el).to.be.accessible();
  });
});
