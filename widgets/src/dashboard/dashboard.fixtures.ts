import { ReportsDocument, type ReportsQuery, type ReportPeriod } from '@doorstep/client';
import { londonDateOf } from '@doorstep/schema';
import { fixture, html } from '@open-wc/testing';
import { DEMO, doorstepReady, GATEWAY, graphql, sql, tokenFor } from '../test-support/doorstep.js';
import { find, get, text, until } from '../test-support/dom.js';
import type { SgDashboard } from './dashboard.js';
import { dashboardEn } from '../i18n/dashboard.en.js';
import { presetPeriod } from './periods.js';
import './define.js';

// What the dashboard's tests share: the demo users' tokens, concerns in earlier months, the
// gateway's own answer to the dashboard's request, and the figures it should put on screen, worked
// out from that answer (never written in a test).

export const tokens: Record<string, string> = {};
export const today = londonDateOf();
export const thisYear = presetPeriod('thisYear', today);

/** Starts Doorstep if need be and signs the demo users in. */
export async function signIn(): Promise<void> {
  await doorstepReady();
  for (const who of ['lead', 'manager', 'frontline', 'contractor', 'agency'] as const)
    tokens[who] = await tokenFor(DEMO[who]);
}

/**
 * Raises a few concerns as the lead (about no household or person) and moves them back into
 * earlier months of this financial year, so the charts have more than one month to show.
 */
export async function raiseEarlierConcerns(): Promise<void> {
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
}

export type Report = ReportsQuery['report'];

/** The gateway's own answer to the dashboard's request. */
export async function reportFor(period: ReportPeriod, who = 'lead'): Promise<Report> {
  return (await graphql<ReportsQuery>(String(ReportsDocument), { period }, tokens[who]!)).report;
}

export async function newDashboard(
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

export async function loaded(el: SgDashboard) {
  await until(
    () => !!find(el, '.base[aria-busy="false"]') && !find(el, '[role="status"]:not(:empty)'),
    15_000,
    'the dashboard',
  );
  await el.updateComplete;
  return el;
}

export const count = (n: number | null | undefined, suppressed = 'fewer than 5') =>
  n === null || n === undefined ? suppressed : n.toLocaleString('en-GB');
export const monthLong = (month: string) =>
  new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', {
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
/** A table's body rows as text cells. */
export const rows = (el: SgDashboard, chart: string) =>
  [...el.shadowRoot!.querySelectorAll(`[data-chart="${chart}"] tbody tr[data-key]`)].map((tr) =>
    [...tr.children].map((cell) => text(cell)),
  );
export const tile = (el: SgDashboard, key: string) => text(get(el, `[data-tile="${key}"] .tile__value`));

/** The figures a period's report should put on screen, worked out here from the gateway's answer. */
export function expected(report: Report) {
  const { concernsByMonth: months, concernsByAge: ages, makingSafeguardingPersonal: msp } = report;
  const last = months.at(-1)!;
  // Hours to one decimal place, as a board reads them (the API gives two).
  const hours = (h: number | null) =>
    h === null ? 'None yet' : `${h.toLocaleString('en-GB', { maximumFractionDigits: 1 })} working hours`;
  const groups = dashboardEn.dashboard.byCategory.groups;
  const agencies = dashboardEn.dashboard.byAgency.types;
  const sum = (counts: (number | null)[]) => counts.reduce<number>((total, n) => total + (n ?? 0), 0);
  return {
    tiles: {
      raised: count(msp.concerns),
      openConcerns: count(last.openConcernsAtEnd),
      openCases: count(last.openCasesAtEnd),
      medianTriage: hours(report.timeToTriage.medianWorkingHours),
      wishesAsked: msp.wishesAskedPercent === null ? 'None yet' : `${Math.round(msp.wishesAskedPercent)}%`,
      referralsSent: count(sum(report.referralsByAgency.map((a) => a.sent))),
      referralsOverdue: count(sum(report.referralsByAgency.map((a) => a.overdueNow))),
    },
    agencies: report.referralsByAgency
      .filter((a) => a.sent !== 0)
      .map((a) => [agencies[a.agencyType], count(a.sent)]),
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

/** Opens a self-assessment round as `token`'s lead (ROUND_ALREADY_OPEN, ignored, when one is open). */
export async function openRound(token: string): Promise<void> {
  await fetch(GATEWAY, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({
      query: 'mutation ($name: String!) { openSelfAssessmentRound(input: { name: $name }) { id } }',
      variables: { name: 'Dashboard test' },
    }),
  });
}
