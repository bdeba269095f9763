import { ageOn, REPORTER_KINDS, REPORTING_GROUPS } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bankHolidays, workingSecondsBetween } from '../../common/working-days.js';
import { testGateway } from '../../../test/harness.js';
import { TALLY_REBUILDS } from './report-tally.js';
import { lead, ok } from '../../../test/records.js';
import {
  groupOf,
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
    happened_at: Date | null;
    closed_at: Date | null;
    area: string | null;
    team_id: string | null;
    primary_category: string | null;
    reporter_kind: string;
    views_status: string;
    status: string;
    births: (string | null)[];
  }>(
    `select c.id, c.raised_at, c.happened_at, c.closed_at, h.local_authority_area as area, c.team_id,
            c.primary_category, c.reporter_kind, c.views_status, c.status,
            array(select to_char(p.date_of_birth, 'YYYY-MM-DD') from concern_person cp
                    join person p on p.organisation_id = cp.organisation_id and p.id = cp.person_id
                   where cp.concern_id = c.id and cp.role = 'SUBJECT'
                  union all
                  select to_char(n.date_of_birth, 'YYYY-MM-DD') from concern_named_person n
                   where n.concern_id = c.id and n.role = 'SUBJECT') as births
       from concern c left join household h on h.organisation_id = c.organisation_id and h.id = c.household_id
      where c.organisation_id = $1`,
    [RIVERSIDE],
  );
}

/** The concerns raised in a period (UK days) in its area and team. */
async function raisedIn(p: Period) {
  return (await concernRows()).filter(
    (c) => inFilter(c, [c.team_id], p) && ukDay(c.raised_at) >= p.from && ukDay(c.raised_at) <= p.to,
  );
}

const tally = <K extends string>(keys: readonly K[], values: string[]) =>
  keys.map((key) => [key, values.filter((v) => v === key).length] as const);

const inFilter = (row: { area: string | null }, teams: (string | null)[], p: Period) =>
  (!p.localAuthorityArea || row.area === p.localAuthorityArea) && (!p.teamId || teams.includes(p.teamId));

/**
 * Riverside's cases: their area, the teams of their concerns, and their open periods as planned
 * (the demo's cases, never reopened, are open from opening to closing).
 */
async function caseRows() {
  const rows = await gw.sql<{
    id: string;
    area: string | null;
    teams: (string | null)[];
    opened_at: Date;
    closed_at: Date | null;
  }>(
    `select k.id, h.local_authority_area as area, k.opened_at, k.closed_at,
            array(select c.team_id from case_concern cc join concern c on c.organisation_id = cc.organisation_id
                   and c.id = cc.concern_id where cc.case_id = k.id) as teams
       from safeguarding_case k left join household h on h.organisation_id = k.organisation_id and h.id = k.household_id
      where k.organisation_id = $1`,
    [RIVERSIDE],
  );
  return rows.map((r) => ({
    ...r,
    periods: world.casePeriods.get(r.id) ?? [[r.opened_at.toISOString(), r.closed_at?.toISOString() ?? null]],
  }));
}

describe('concernsByMonth', () => {
  it('counts concerns raised in each month, and concerns and cases open at each month’s end, as the rows say', async () => {
    const concerns = await concernRows();
    const cases = await caseRows();
    expect(cases.filter((k) => world.casePeriods.has(k.id)).length).toBe(world.casePeriods.size);
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

describe('concernsByCategory', () => {
  it('counts each concern once under its primary category’s group, every group listed, as the rows say', async () => {
    for (const p of periods()) {
      const rows = await raisedIn(p);
      const expected = tally(
        REPORTING_GROUPS,
        rows.map((c) => groupOf(c.primary_category)),
      ).map(([group, count]) => ({ group, count }));
      const got = await report<{ concernsByCategory: unknown[] }>(p);
      expect(got.concernsByCategory, JSON.stringify(p)).toEqual(expected);
      expect(rows.length).toBeGreaterThan(0);
    }
  });
});

describe('concernsByAge', () => {
  it('counts each concern once as about a child, adults or not known, at the date of the concern', async () => {
    for (const p of periods()) {
      const rows = await raisedIn(p);
      const kinds = rows.map((c) => {
        const on = ukDay(c.happened_at ?? c.raised_at);
        const known = c.births.filter((b): b is string => b !== null);
        if (known.some((b) => ageOn(b, on) < 18)) return 'children';
        return known.length ? 'adults' : 'notKnown';
      });
      const expected = Object.fromEntries(tally(['adults', 'children', 'notKnown'] as const, kinds));
      const got = await report<{ concernsByAge: Record<string, number> }>(p);
      expect(got.concernsByAge, JSON.stringify(p)).toEqual(expected);
      expect(Object.values(got.concernsByAge).reduce((a, b) => a + b, 0)).toBe(rows.length);
    }
  });

  it('counts the day before an 18th birthday as a child and the birthday itself as an adult; 29 February turns 18 on 1 March', async () => {
    const age = async (day: string) =>
      (await report<{ concernsByAge: Record<string, number> }>({ from: day, to: day })).concernsByAge;
    expect(await age('2024-06-09')).toMatchObject({ children: 1, adults: 0 });
    expect(await age('2024-06-10')).toMatchObject({ children: 0, adults: 1 });
    // Raised on the 12th, about the 1st (still 17): a child.
    expect(await age('2024-06-12')).toMatchObject({ children: 1, adults: 0 });
    expect(await age('2026-02-28')).toMatchObject({ children: 1 });
  });
});

describe('concernsBySource', () => {
  it('counts concerns by who raised them, every kind listed, as the rows say', async () => {
    for (const p of periods()) {
      const rows = await raisedIn(p);
      const expected = tally(
        REPORTER_KINDS,
        rows.map((c) => c.reporter_kind),
      ).map(([source, count]) => ({ source, count }));
      const got = await report<{ concernsBySource: unknown[] }>(p);
      expect(got.concernsBySource, JSON.stringify(p)).toEqual(expected);
    }
  });
});

/**
 * Working seconds between two moments, worked out by PostgreSQL apart from the gateway's code:
 * each London day's 09:00 and 17:00 from its own time zone rules, less weekends and the bank
 * holidays of the years (from `bankHolidays`, tested against GOV.UK's list in working-days.test.ts).
 */
async function workingSecondsInSql(pairs: [Date | string, Date | string][]): Promise<number[]> {
  const holidays = [2023, 2024, 2025, 2026, 2027].flatMap(bankHolidays);
  const rows = await gw.sql<{ seconds: number }>(
    `select coalesce((select sum(greatest(0, extract(epoch from
                       least(t.b, (d + time '17:00') at time zone 'Europe/London')
                     - greatest(t.a, (d + time '09:00') at time zone 'Europe/London'))))
              from (select g::date as d from generate_series((t.a at time zone 'Europe/London')::date::timestamp,
                                   (t.b at time zone 'Europe/London')::date::timestamp, interval '1 day') g) days
             where extract(isodow from d) < 6 and not (d = any($3::date[]))), 0)::int as seconds
       from unnest($1::timestamptz[], $2::timestamptz[]) with ordinality as t(a, b, i) order by t.i`,
    [pairs.map(([a]) => a), pairs.map(([, b]) => b), holidays],
  );
  return rows.map((r) => Math.max(0, r.seconds));
}

describe('time to triage', () => {
  it('counts working hours as PostgreSQL counts them: over weekends, bank holidays, and the clocks changing', async () => {
    const pairs: [string, string][] = [
      ['2024-03-28T16:00:00Z', '2024-04-02T10:30:00Z'], // Maundy Thursday to Tuesday: Good Friday, Easter Monday, BST
      ['2024-10-25T15:30:00Z', '2024-10-28T09:15:00Z'], // Friday BST to Monday GMT
      ['2024-12-24T08:00:00Z', '2024-12-27T18:00:00Z'], // Christmas
      ['2024-05-03T17:30:00Z', '2024-05-07T08:00:00Z'], // after hours, over the early May bank holiday
      ['2024-06-01T10:00:00Z', '2024-06-02T10:00:00Z'], // a weekend only
      ['2024-06-03T07:00:00Z', '2024-06-03T08:30:00Z'], // Monday 08:00 to 09:30 BST
      ['2025-01-01T00:00:00Z', '2025-03-31T12:00:00Z'],
      ['2024-06-05T12:00:00Z', '2024-06-05T11:00:00Z'], // backwards: none
    ];
    const rng = Array.from({ length: 40 }, (_, i) => {
      const a = Date.parse('2023-12-20T00:00:00Z') + ((i * 7919) % 500) * 3_600_000 * 13;
      return [new Date(a).toISOString(), new Date(a + ((i * 104_729) % 900) * 60_000 * 7).toISOString()] as [
        string,
        string,
      ];
    });
    const all = [...pairs, ...rng];
    const expected = await workingSecondsInSql(all);
    expect(all.map(([a, b]) => workingSecondsBetween(new Date(a), new Date(b)))).toEqual(expected);
    expect(expected.slice(0, 6)).toEqual([
      3.5 * 3600, // Thursday 16:00-17:00 GMT; Tuesday 09:00-11:30 BST
      0.25 * 3600 + 0.5 * 3600, // Friday 16:30-17:00 BST; Monday 09:00-09:15 GMT
      16 * 3600, // Tuesday 24 and Friday 27 December
      0,
      0,
      0.5 * 3600,
    ]);
  });

  /** The report's time to triage for a period, against the rows' own (from their triage decisions). */
  async function expectTimeToTriage(p: Period) {
    const rows = (
      await gw.sql<{ id: string; raised_at: Date; first: Date | null; status: string }>(
        `select c.id, c.raised_at, c.status, (select min(t.decided_at) from concern_triage t
                                               where t.concern_id = c.id) as first
           from concern c where c.organisation_id = $1`,
        [RIVERSIDE],
      )
    ).filter((r) => ukDay(r.raised_at) >= p.from && ukDay(r.raised_at) <= p.to);
    const triaged = rows.filter((r) => r.first);
    const seconds = (await workingSecondsInSql(triaged.map((r) => [r.raised_at, r.first!]))).sort(
      (a, b) => a - b,
    );
    const rank = (q: number) => seconds[Math.ceil(q * seconds.length) - 1]!;
    const hours = (s: number) => Math.round(s / 36) / 100;
    expect(triaged.length).toBeGreaterThan(20);
    const got = await report<{ timeToTriage: unknown }>(p);
    expect(got.timeToTriage).toEqual({
      triaged: triaged.length,
      awaitingTriage: rows.filter((r) => r.status === 'RAISED').length,
      medianWorkingHours: hours(rank(0.5)),
      percentile90WorkingHours: hours(rank(0.9)),
    });
    return seconds;
  }

  it('gives the median and 90th percentile (nearest rank) of the working hours to first triage, as the rows say', async () => {
    await expectTimeToTriage({ from: '2024-01-01', to: ukDay(new Date()) });
  });

  it('gives a median of no working time when most were triaged out of hours', async () => {
    // All but the three longest of 2024's triaged concerns decided the moment they were raised.
    await gw.sql(
      `with triaged as (
         select c.id, c.raised_at, c.triage_working_seconds from concern c
          where c.organisation_id = $1 and c.raised_at >= '2024-01-01' and c.raised_at < '2025-01-01'
            and c.triage_working_seconds is not null),
       moved as (select id, raised_at from triaged
                  where id not in (select id from triaged order by triage_working_seconds desc limit 3)),
       decided as (update concern_triage t set decided_at = m.raised_at from moved m where t.concern_id = m.id)
       update concern c set triage_working_seconds = 0 from moved m where c.id = m.id`,
      [RIVERSIDE],
    );
    const seconds = await expectTimeToTriage({ from: '2024-01-01', to: '2024-12-31' });
    expect(seconds[Math.ceil(seconds.length / 2) - 1]).toBe(0);
    expect(seconds.at(-1)).toBeGreaterThan(0);
  });
});

describe('cumulativeFlags', () => {
  it('counts flags raised and reviewed in the period, by the area and team of the concerns they add up, as the rows say', async () => {
    const concerns = new Map((await concernRows()).map((c) => [c.id, c]));
    const flags = await gw.sql<{
      raised_at: Date;
      reviewed_at: Date | null;
      subject_type: string;
      concerns: string[];
    }>(
      `select f.raised_at, f.reviewed_at, f.subject_type,
              array(select fc.concern_id from cumulative_flag_concern fc where fc.flag_id = f.id) as concerns
         from cumulative_flag f where f.organisation_id = $1`,
      [RIVERSIDE],
    );
    for (const p of periods()) {
      const mine = flags.filter((f) =>
        f.concerns.some((id) => {
          const c = concerns.get(id)!;
          return inFilter(c, [c.team_id], p);
        }),
      );
      const within = (at: Date | null) => at !== null && ukDay(at) >= p.from && ukDay(at) <= p.to;
      const raised = mine.filter((f) => within(f.raised_at));
      const got = await report<{ cumulativeFlags: unknown }>(p);
      expect(got.cumulativeFlags, JSON.stringify(p)).toEqual({
        raised: raised.length,
        aboutPeople: raised.filter((f) => f.subject_type === 'PERSON').length,
        aboutHouseholds: raised.filter((f) => f.subject_type === 'HOUSEHOLD').length,
        reviewed: mine.filter((f) => within(f.reviewed_at)).length,
      });
    }
  });
});

/** Making Safeguarding Personal's figures for the cases closed in a period, from their rows. */
function closedCaseFigures(
  closed: { outcomes_asked: boolean | null; outcomes_achieved: string | null; risk_outcome: string | null }[],
) {
  const n = (field: 'outcomes_achieved' | 'risk_outcome', value: string) =>
    closed.filter((k) => k[field] === value).length;
  return {
    closedCases: closed.length,
    outcomesAsked: closed.filter((k) => k.outcomes_asked).length,
    fullyAchieved: n('outcomes_achieved', 'FULLY'),
    partiallyAchieved: n('outcomes_achieved', 'PARTIALLY'),
    notAchieved: n('outcomes_achieved', 'NOT_ACHIEVED'),
    riskRemoved: n('risk_outcome', 'REMOVED'),
    riskReduced: n('risk_outcome', 'REDUCED'),
    riskRemains: n('risk_outcome', 'REMAINS'),
  };
}

describe('makingSafeguardingPersonal', () => {
  it('counts wishes asked on concerns and the outcomes of cases closed in the period, as the rows say', async () => {
    const cases = await gw.sql<{
      id: string;
      status: string;
      closed_at: Date | null;
      outcomes_asked: boolean | null;
      outcomes_achieved: string | null;
      risk_outcome: string | null;
    }>(
      `select id, status, closed_at, outcomes_asked, outcomes_achieved, risk_outcome
         from safeguarding_case where organisation_id = $1`,
      [RIVERSIDE],
    );
    const where = new Map((await caseRows()).map((k) => [k.id, k]));
    for (const p of periods()) {
      const concerns = await raisedIn(p);
      const closed = cases.filter(
        (k) =>
          k.status === 'CLOSED' &&
          ukDay(k.closed_at!) >= p.from &&
          ukDay(k.closed_at!) <= p.to &&
          inFilter(where.get(k.id)!, where.get(k.id)!.teams, p),
      );
      const asked = concerns.filter((c) => c.views_status !== 'NOT_ASKED').length;
      const outcomesAsked = closed.filter((k) => k.outcomes_asked).length;
      const pct = (a: number, b: number) => (b ? Math.round((a / b) * 1000) / 10 : null);
      const got = await report<{ makingSafeguardingPersonal: unknown }>(p);
      expect(got.makingSafeguardingPersonal, JSON.stringify(p)).toEqual({
        concerns: concerns.length,
        wishesAsked: asked,
        wishesAskedPercent: pct(asked, concerns.length),
        outcomesAskedPercent: pct(outcomesAsked, closed.length),
        ...closedCaseFigures(closed),
      });
    }
  });
});

/**
 * Riverside's tallies as the triggers kept them equal what every rebuild works out from the rows,
 * and folding them changes no count.
 */
async function expectRebuildsMatch() {
  const tallyRows = () =>
    gw.sql<{
      day: string;
      area: string | null;
      team_id: string | null;
      kind: string;
      key: string;
      n: number;
    }>(
      `select to_char(day, 'YYYY-MM-DD') as day, area, team_id, kind, key, sum(n)::int as n from report_tally
        where organisation_id = $1 group by 1, 2, 3, 4, 5 having sum(n) <> 0 order by 1, 2, 3, 4, 5`,
      [RIVERSIDE],
    );
  const kept = await tallyRows();
  // The report world has concerns, cases and flags (referrals and feedback: their own test file's).
  expect([...new Set(kept.map((r) => r.kind.split('.')[0]))].sort()).toEqual(['case', 'concern', 'flag']);
  while ((await gw.sql<{ n: number }>(`select doorstep_report_tally_compact(50) as n`))[0]!.n);
  expect(await gw.sql(`select 1 from report_tally where fresh`)).toEqual([]);
  expect(await tallyRows()).toEqual(kept);
  for (const rebuild of TALLY_REBUILDS) await gw.sql(`select ${rebuild}($1)`, [RIVERSIDE]);
  expect(await tallyRows()).toEqual(kept);
}

describe('the tally (summary tables the reports read)', () => {
  it('holds what the rebuilds give from the rows, after every change the triggers saw, and folding changes no count', async () => {
    await expectRebuildsMatch();
  });

  it('moves a household’s concerns to its new area, and back', async () => {
    const [home] = await gw.sql<{ id: string; n: number }>(
      `select h.id, count(*)::int as n from household h join concern c on c.household_id = h.id
        where h.organisation_id = $1 and h.local_authority_area = $2 group by h.id order by n desc limit 1`,
      [RIVERSIDE, world.areas.north],
    );
    const raised = async (area: string) =>
      (
        await report<{ concernsBySource: { count: number }[] }>(
          { from: '2022-01-01', to: '2026-12-30', localAuthorityArea: area },
          `query($period: ReportPeriod!) { report(period: $period) { concernsBySource { count } } }`,
        )
      ).concernsBySource.reduce((sum, s) => sum + s.count, 0);
    const before = { north: await raised(world.areas.north), south: await raised(world.areas.south) };
    await gw.sql(`update household set local_authority_area = $2 where id = $1`, [
      home!.id,
      world.areas.south,
    ]);
    try {
      expect(await raised(world.areas.north)).toBe(before.north - home!.n);
      expect(await raised(world.areas.south)).toBe(before.south + home!.n);
    } finally {
      await gw.sql(`update household set local_authority_area = $2 where id = $1`, [
        home!.id,
        world.areas.north,
      ]);
    }
    expect(await raised(world.areas.north)).toBe(before.north);
  });
});

describe('case tallies at their edges', () => {
  /** Cases open at each month's end and cases closed in the period, for every period, against the rows. */
  async function expectCaseFigures() {
    const cases = await caseRows();
    const closedNow = await gw.sql<{
      id: string;
      closed_at: Date;
      outcomes_asked: boolean | null;
      outcomes_achieved: string | null;
      risk_outcome: string | null;
    }>(
      `select id, closed_at, outcomes_asked, outcomes_achieved, risk_outcome from safeguarding_case
        where organisation_id = $1 and status = 'CLOSED'`,
      [RIVERSIDE],
    );
    const where = new Map(cases.map((k) => [k.id, k]));
    for (const p of [
      ...periods(),
      { from: '2024-01-01', to: '2025-06-30', localAuthorityArea: world.areas.south },
    ]) {
      const mine = cases.filter((k) => inFilter(k, k.teams, p));
      const closed = closedNow.filter(
        (k) => ukDay(k.closed_at) >= p.from && ukDay(k.closed_at) <= p.to && mine.includes(where.get(k.id)!),
      );
      const got = await report<{
        concernsByMonth: { openCasesAtEnd: number }[];
        makingSafeguardingPersonal: Record<string, number>;
      }>(p);
      expect(
        got.concernsByMonth.map((m) => m.openCasesAtEnd),
        JSON.stringify(p),
      ).toEqual(
        monthsBetween(p.from, p.to).map((month) => {
          const last = lastDayOf(month, p.to);
          return mine.filter((k) => k.periods.some(([o, c]) => ukDay(o) <= last && (!c || ukDay(c) > last)))
            .length;
        }),
      );
      const msp = got.makingSafeguardingPersonal;
      const figures = closedCaseFigures(closed);
      expect(Object.fromEntries(Object.keys(figures).map((f) => [f, msp[f]])), JSON.stringify(p)).toEqual(
        figures,
      );
    }
  }

  it('adds a case to a team when a concern the team raised is attached to it later, from the case’s first day', async () => {
    const cases = await caseRows();
    const other = cases.find(
      (k) => !k.teams.includes(world.teams.north) && k.periods.some(([o]) => o < '2024-06-01'),
    )!;
    const [concern] = await gw.sql<{ id: string }>(
      `select c.id from concern c where c.organisation_id = $1 and c.team_id = $2
          and not exists (select 1 from case_concern cc where cc.organisation_id = c.organisation_id and cc.concern_id = c.id)
        limit 1`,
      [RIVERSIDE, world.teams.north],
    );
    await gw.sql(
      `insert into case_concern (organisation_id, id, case_id, concern_id, attached_at) values ($1, gen_random_uuid(), $2, $3, now())`,
      [RIVERSIDE, other.id, concern!.id],
    );
    await expectCaseFigures();
  });

  it('adds a case to a team once when two of the team’s concerns are attached in one statement', async () => {
    const cases = await caseRows();
    const other = cases.find(
      (k) => !k.teams.includes(world.teams.north) && k.periods.some(([o]) => o < '2024-06-01'),
    )!;
    const concerns = await gw.sql<{ id: string }>(
      `select c.id from concern c where c.organisation_id = $1 and c.team_id = $2
          and not exists (select 1 from case_concern cc where cc.organisation_id = c.organisation_id and cc.concern_id = c.id)
        limit 2`,
      [RIVERSIDE, world.teams.north],
    );
    expect(concerns).toHaveLength(2);
    await gw.sql(
      `insert into case_concern (organisation_id, id, case_id, concern_id, attached_at)
       select $1, gen_random_uuid(), $2, x, now() from unnest($3::uuid[]) x`,
      [RIVERSIDE, other.id, concerns.map((c) => c.id)],
    );
    await expectCaseFigures();
  });

  it('takes a reopened case’s closure out of the closed cases, and counts it open again', async () => {
    const reopenedAt = '2025-03-03T10:00:00Z';
    const [closed] = await gw.sql<{ id: string }>(
      `select id from safeguarding_case where organisation_id = $1 and status = 'CLOSED'
          and closed_at >= '2024-03-15' and closed_at < '2025-02-10' and outcomes_achieved is not null
        order by closed_at limit 1`,
      [RIVERSIDE],
    );
    const msp = async () =>
      (
        await report<{ makingSafeguardingPersonal: { closedCases: number } }>({
          from: '2024-03-15',
          to: '2025-02-10',
        })
      ).makingSafeguardingPersonal.closedCases;
    const before = await msp();
    await gw.sql(`update safeguarding_case set status = 'OPEN', reopened_at = $2 where id = $1`, [
      closed!.id,
      reopenedAt,
    ]);
    world.casePeriods.get(closed!.id)!.push([reopenedAt, null]);
    expect(await msp()).toBe(before - 1);
    await expectCaseFigures();
  });

  it('moves cases with their household to another area', async () => {
    await gw.sql(`update household set local_authority_area = $2 where id = $1`, [
      world.households.north,
      world.areas.south,
    ]);
    await expectCaseFigures();
  });

  it('gives the same rows from the rebuilds as the triggers kept, after the edges above', async () => {
    await expectRebuildsMatch();
  });
});
