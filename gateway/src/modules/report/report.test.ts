import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../../test/harness.js';
import { lead, ok } from '../../../test/records.js';
import {
  lastDayOf,
  makeWorld,
  monthsBetween,
  REPORT,
  RIVERSIDE,
  ukDay,
  type World,
} from '../../../test/reports.js';

/**
 * Every report against figures the test works out itself from the base tables (plain SQL for the
 * rows, JavaScript for the counting, UK days from Intl rather than the gateway's own reckoning),
 * on a generated year and a half with the edges reports get wrong (`makeWorld`), for the whole
 * organisation, one area, one team, and periods that start and end mid-month.
 */

let gw: Awaited<ReturnType<typeof testGateway>>;
let world: World;
beforeAll(async () => {
  gw = await testGateway();
  world = await makeWorld(gw);
}, 240_000);
afterAll(async () => {
  await gw?.close();
});

interface Period {
  from: string;
  to: string;
  localAuthorityArea?: string;
  teamId?: string;
  shared?: boolean;
}

/** The periods and filters each report is checked over. */
const periods = (): Period[] => [
  { from: '2024-01-01', to: '2024-12-31' },
  { from: '2024-03-15', to: '2025-02-10' },
  { from: '2024-02-01', to: '2025-06-30', localAuthorityArea: world.areas.north },
  { from: '2024-01-01', to: '2025-06-30', teamId: world.teams.north },
  {
    from: '2024-01-01',
    to: '2025-06-30',
    teamId: world.teams.repairs,
    localAuthorityArea: world.areas.south,
  },
];

async function report<T>(period: Period, fields = REPORT): Promise<T> {
  return (await ok<{ report: T }>(gw, fields, { period }, lead)).report;
}

/** Riverside's concerns as stored, with the area and team each counts under. */
async function concernRows() {
  return gw.sql<{
    id: string;
    raised_at: Date;
    closed_at: Date | null;
    area: string | null;
    team_id: string | null;
  }>(
    `select c.id, c.raised_at, c.closed_at, h.local_authority_area as area, c.team_id
       from concern c left join household h on h.organisation_id = c.organisation_id and h.id = c.household_id
      where c.organisation_id = $1`,
    [RIVERSIDE],
  );
}

const inFilter = (row: { area: string | null }, teams: (string | null)[], p: Period) =>
  (!p.localAuthorityArea || row.area === p.localAuthorityArea) && (!p.teamId || teams.includes(p.teamId));

/** Riverside's cases: their area, the teams of their concerns, and their open periods as planned. */
async function caseRows() {
  const rows = await gw.sql<{ id: string; area: string | null; teams: (string | null)[] }>(
    `select k.id, h.local_authority_area as area,
            array(select c.team_id from case_concern cc join concern c on c.organisation_id = cc.organisation_id
                   and c.id = cc.concern_id where cc.case_id = k.id) as teams
       from safeguarding_case k left join household h on h.organisation_id = k.organisation_id and h.id = k.household_id
      where k.organisation_id = $1`,
    [RIVERSIDE],
  );
  return rows.map((r) => ({ ...r, periods: world.casePeriods.get(r.id) ?? [] }));
}

describe('concernsByMonth', () => {
  it('counts concerns raised in each month, and concerns and cases open at each month’s end, as the rows say', async () => {
    const concerns = await concernRows();
    const cases = await caseRows();
    expect(cases.length).toBe(world.casePeriods.size);
    for (const p of periods()) {
      const expected = monthsBetween(p.from, p.to).map((month) => {
        const first = `${month}-01` < p.from ? p.from : `${month}-01`;
        const last = lastDayOf(month, p.to);
        const mine = concerns.filter((c) => inFilter(c, [c.team_id], p));
        return {
          month,
          raised: mine.filter((c) => ukDay(c.raised_at) >= first && ukDay(c.raised_at) <= last).length,
          openConcernsAtEnd: mine.filter(
            (c) => ukDay(c.raised_at) <= last && (!c.closed_at || ukDay(c.closed_at) > last),
          ).length,
          openCasesAtEnd: cases
            .filter((k) => inFilter(k, k.teams, p))
            .filter((k) => k.periods.some(([o, c]) => ukDay(o) <= last && (!c || ukDay(c) > last))).length,
        };
      });
      const got = await report<{ concernsByMonth: unknown[] }>(p);
      expect(got.concernsByMonth, JSON.stringify(p)).toEqual(expected);
    }
  });

  it('puts a concern raised at UK midnight at the end of a month in the next month, in BST and in GMT', async () => {
    const { concernsByMonth } = await report<{ concernsByMonth: { month: string; raised: number }[] }>({
      from: '2024-03-31',
      to: '2024-04-01',
      localAuthorityArea: world.areas.north,
    });
    // 31 March 23:59:59 BST, and 1 April 00:00 BST (23:00 UTC on 31 March).
    expect(concernsByMonth.map((m) => m.raised)).toEqual([1, 1]);
  });

  it('echoes the period, the team’s name, and no suppression unless shared', async () => {
    const { period } = await report<{ period: Record<string, unknown> }>({
      from: '2024-01-01',
      to: '2024-01-31',
      teamId: world.teams.north,
    });
    expect(period).toEqual({
      from: '2024-01-01',
      to: '2024-01-31',
      localAuthorityArea: null,
      teamId: world.teams.north,
      teamName: 'North patch',
      shared: false,
      suppressedBelow: null,
    });
  });
});
