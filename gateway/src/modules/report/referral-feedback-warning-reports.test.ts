import {
  AGENCY_TYPES,
  FEEDBACK_PRINCIPLES,
  REFERRAL_OUTCOMES,
  REFERRAL_STATUSES,
  WARNING_TYPES,
} from '@doorstep/schema';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { lead, ok, referToNorthshire } from '../../../test/records.js';
import { loadStockport, STOCKPORT, ukDay } from '../../../test/reports.js';
import { isWorkingDay, workingDaysAfter } from '../../common/working-days.js';
import { WORKING_DAY_YEARS } from '../../db/migrations/Migration20261207152000_report_tally_referrals_cases.js';
import { writeConcernsAtScale } from '../../db/synthetic-concerns.js';

/**
 * The referral, feedback and warning reports against figures this test works out itself from the
 * base tables (plain SQL for the rows, JavaScript for the counting; UK days from Intl; working days
 * from the due dates' own function, `workingDaysAfter`, where the report uses a calendar in SQL),
 * on three years of synthetic concerns (`pnpm seed --concerns`: referrals in every status, feedback,
 * warnings, four areas, four teams) and Stockport's 2020/21 referrals.
 */

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
  const client = new pg.Client({ connectionString: gw.url });
  await client.connect();
  try {
    await writeConcernsAtScale(client, {
      organisationId: lead.organisationId,
      concerns: 1_500,
      years: 3,
      batch: 800,
      seed: 3,
      now: new Date(Date.now() - 86_400_000),
    });
  } finally {
    await client.end();
  }
}, 180_000);
afterAll(() => gw?.close());

interface Period {
  from: string;
  to: string;
  localAuthorityArea?: string;
  teamId?: string;
  shared?: boolean;
}

const today = () => ukDay(new Date());
const yearsAgo = (n: number) => `${Number(today().slice(0, 4)) - n}${today().slice(4)}`;
const teamNamed = async (name: string) =>
  (await gw.sql<{ id: string }>(`select id from team where name = $1`, [name]))[0]!.id;

async function periods(): Promise<Period[]> {
  return [
    { from: yearsAgo(1), to: today() },
    { from: yearsAgo(3), to: today() },
    { from: yearsAgo(2), to: yearsAgo(1), localAuthorityArea: 'Northshire Council' },
    { from: yearsAgo(3), to: today(), teamId: await teamNamed('Synthetic north patch') },
    {
      from: yearsAgo(3),
      to: today(),
      teamId: await teamNamed('Synthetic repairs'),
      localAuthorityArea: 'Westbrook City Council',
      shared: true,
    },
  ];
}

async function report<T>(fields: string, period: Period, as = lead): Promise<T> {
  return (
    await ok<{ report: T }>(
      gw,
      `query($period: ReportPeriod!) { report(period: $period) { ${fields} } }`,
      { period },
      as,
    )
  ).report;
}

/** What a shared report shows for a count. */
const shown = (n: number, p: Period) => (p.shared && n > 0 && n < 5 ? null : n);
/** The value at a percentile as PostgreSQL's percentile_disc takes it: the first whose cumulative share reaches it. */
const percentile = (sorted: number[], q: number) =>
  sorted.length ? sorted[Math.ceil(q * sorted.length) - 1]! : null;

/** Riverside's referrals as stored, with the area and team of their concern, and their moves. */
async function referralRows() {
  return gw.sql<{
    status: string;
    sent_at: Date;
    respond_by: Date;
    agency_type: string;
    area: string | null;
    team_id: string | null;
    moves: { to: string; at: string; outcome: string | null }[];
  }>(
    `select r.status, r.sent_at, r.respond_by, o.agency_type, h.local_authority_area as area, c.team_id,
            coalesce((select json_agg(json_build_object('to', m."to", 'at', m.at, 'outcome', m.outcome) order by m.at)
                        from referral_move m where m.referral_id = r.id), '[]') as moves
       from referral r join organisation o on o.id = r.recipient_organisation_id
       join concern c on c.organisation_id = r.organisation_id and c.id = r.concern_id
       left join household h on h.organisation_id = c.organisation_id and h.id = c.household_id
      where r.organisation_id = $1`,
    [lead.organisationId],
  );
}
type ReferralRow = Awaited<ReturnType<typeof referralRows>>[number];

const sentIn = (rows: ReferralRow[], p: Period) =>
  rows.filter(
    (r) =>
      ukDay(r.sent_at) >= p.from &&
      ukDay(r.sent_at) <= p.to &&
      (!p.localAuthorityArea || r.area === p.localAuthorityArea) &&
      (!p.teamId || r.team_id === p.teamId),
  );
const respondedAt = (r: ReferralRow) => {
  const move = r.moves.find((m) => m.to === 'ACCEPTED' || m.to === 'DECLINED');
  return move ? new Date(move.at) : null;
};
const overdue = (r: ReferralRow) => ['SENT', 'ACKNOWLEDGED'].includes(r.status) && r.respond_by <= new Date();
const outcomeOf = (r: ReferralRow) => r.moves.find((m) => m.to === 'CLOSED')?.outcome ?? null;
/**
 * The fewest working days n for which the response came before `workingDaysAfter(sent, n)`: at that
 * moment a referral is overdue (`isOverdue`: due date <= now), so a response at it is a day late.
 */
function workingDaysTaken(r: ReferralRow): number {
  const at = respondedAt(r)!;
  let n = 0;
  while (at >= workingDaysAfter(r.sent_at, n)) n++;
  return n;
}

/** What referralsByAgency should say of the referrals a report counts, worked out from the rows. */
function agencyFiguresOf(mine: ReferralRow[], p: Period) {
  return AGENCY_TYPES.map((agencyType) => {
    const sent = mine.filter((r) => r.agency_type === agencyType);
    const responded = sent.filter((r) => respondedAt(r));
    const days = responded.map(workingDaysTaken).sort((a, b) => a - b);
    const respondedShown = shown(responded.length, p);
    return {
      agencyType,
      sent: shown(sent.length, p),
      responded: respondedShown,
      respondedInTime: shown(responded.filter((r) => respondedAt(r)! < r.respond_by).length, p),
      overdueNow: shown(sent.filter(overdue).length, p),
      responseWorkingDaysMedian: respondedShown === null ? null : percentile(days, 0.5),
      responseWorkingDaysP90: respondedShown === null ? null : percentile(days, 0.9),
      outcomes: REFERRAL_OUTCOMES.map((outcome) => ({
        outcome,
        referrals: shown(sent.filter((r) => outcomeOf(r) === outcome).length, p),
      })),
    };
  });
}

describe('referral reports', () => {
  it('referralsByAgency: sent, responded (in time), overdue now, working days to respond and outcomes, per agency type', async () => {
    const rows = await referralRows();
    expect(new Set(rows.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    for (const p of await periods()) {
      const mine = sentIn(rows, p);
      const expected = agencyFiguresOf(mine, p);
      const got = await report<{ referralsByAgency: unknown }>(
        `referralsByAgency { agencyType sent responded respondedInTime overdueNow responseWorkingDaysMedian
           responseWorkingDaysP90 outcomes { outcome referrals } }`,
        p,
      );
      expected.forEach((agency, i) =>
        expect((got.referralsByAgency as unknown[])[i], `${JSON.stringify(p)} ${agency.agencyType}`).toEqual(
          agency,
        ),
      );
    }
  });

  it('referralsByStatus and referralsByOutcome: every status and outcome, for the referrals sent in the period', async () => {
    const rows = await referralRows();
    for (const p of await periods()) {
      const mine = sentIn(rows, p);
      const got = await report<{ referralsByStatus: unknown; referralsByOutcome: unknown }>(
        `referralsByStatus { status referrals overdueNow } referralsByOutcome { outcome referrals }`,
        p,
      );
      expect(got.referralsByStatus, JSON.stringify(p)).toEqual(
        REFERRAL_STATUSES.map((status) => ({
          status,
          referrals: shown(mine.filter((r) => r.status === status).length, p),
          overdueNow: shown(mine.filter((r) => r.status === status && overdue(r)).length, p),
        })),
      );
      expect(got.referralsByOutcome, JSON.stringify(p)).toEqual(
        REFERRAL_OUTCOMES.map((outcome) => ({
          outcome,
          referrals: shown(mine.filter((r) => outcomeOf(r) === outcome).length, p),
        })),
      );
    }
  });

  it('follows a referral the agency moves through the API: responded and its outcome are kept from its moves', async () => {
    const period = { from: today(), to: today() };
    const fields = `referralsByAgency { agencyType sent responded respondedInTime responseWorkingDaysMedian
                      outcomes { outcome referrals } }`;
    const asc = async () =>
      (
        await report<{
          referralsByAgency: {
            agencyType: string;
            sent: number;
            responded: number;
            respondedInTime: number;
            responseWorkingDaysMedian: number | null;
            outcomes: { outcome: string; referrals: number }[];
          }[];
        }>(fields, period)
      ).referralsByAgency.find((a) => a.agencyType === 'ADULT_SOCIAL_CARE')!;
    const before = await asc();
    const referralId = await referToNorthshire(gw, { newConcern: true });
    const officer = user('dee');
    let version = 1;
    for (const [mutation, extra] of [
      ['acknowledgeReferral', {}],
      ['acceptReferral', {}],
      ['closeReferral', { outcome: 'SECTION_42_ENQUIRY' }],
    ] as const) {
      const moved = await ok<Record<string, { version: number }>>(
        gw,
        `mutation($input: ${mutation === 'closeReferral' ? 'CloseReferralInput' : 'ReferralMoveInput'}!) { ${mutation}(input: $input) { version } }`,
        { input: { referralId, version, ...extra } },
        officer,
      );
      version = moved[mutation]!.version;
    }
    const after = await asc();
    expect(after.sent).toBe(before.sent + 1);
    expect(after.responded).toBe(before.responded + 1);
    expect(after.respondedInTime).toBe(before.respondedInTime + 1);
    expect(after.responseWorkingDaysMedian).toBe(0);
    const section42 = (f: typeof after) =>
      f.outcomes.find((o) => o.outcome === 'SECTION_42_ENQUIRY')!.referrals;
    expect(section42(after)).toBe(section42(before) + 1);
  });

  it('Stockport 2020/21: referrals by agency are exactly police 39, mental health crisis 23, adult social care 48, children’s social care 38', async () => {
    const { agencies } = await loadStockport(gw);
    // The API sends referrals now: each goes back to the day after its concern was raised.
    await gw.sql(
      `update referral r set sent_at = c.raised_at + interval '1 day', respond_by = null
         from concern c where c.id = r.concern_id and r.recipient_organisation_id = any($1)`,
      [Object.values(agencies)],
    );
    const { referralsByAgency } = await report<{ referralsByAgency: { agencyType: string; sent: number }[] }>(
      `referralsByAgency { agencyType sent }`,
      { from: STOCKPORT.from, to: STOCKPORT.to },
    );
    expect(
      Object.fromEntries(referralsByAgency.filter((a) => a.sent > 0).map((a) => [a.agencyType, a.sent])),
    ).toEqual(STOCKPORT.referrals);
  }, 240_000);
});

describe('feedback report', () => {
  it('counts responses, comments, links and each principle’s responses and mean score, as feedbackSummary does', async () => {
    const rows = await gw.sql<{
      received_at: Date;
      comment: string | null;
      link_id: string | null;
      scores: Record<string, number>;
    }>(
      `select f.received_at, f.comment, f.link_id,
              coalesce((select json_object_agg(r.principle, r.score) from feedback_rating r where r.feedback_id = f.id), '{}') as scores
         from feedback f where f.organisation_id = $1`,
      [lead.organisationId],
    );
    expect(rows.length).toBeGreaterThan(20);
    // A day with a few responses, so that a shared report withholds counts and the means behind them.
    const [few] = await gw.sql<{ day: string }>(
      `select (received_at at time zone 'Europe/London')::date::text as day from feedback where organisation_id = $1
        group by 1 having count(*) between 1 and 4 order by 1 limit 1`,
      [lead.organisationId],
    );
    const smallPeriod = { from: few!.day, to: few!.day };
    for (const p of [...(await periods()).filter((q) => !q.localAuthorityArea && !q.teamId), smallPeriod]) {
      for (const shared of [false, true]) {
        const q = { ...p, shared };
        const mine = rows.filter((f) => ukDay(f.received_at) >= p.from && ukDay(f.received_at) <= p.to);
        const expected = {
          responses: shown(mine.length, q),
          withComment: shown(mine.filter((f) => f.comment !== null).length, q),
          fromLinks: shown(mine.filter((f) => f.link_id !== null).length, q),
          byPrinciple: FEEDBACK_PRINCIPLES.map((principle) => {
            const scores = mine.flatMap((f) => (principle in f.scores ? [f.scores[principle]!] : []));
            const responses = shown(scores.length, q);
            const mean = scores.length
              ? Math.round((scores.reduce((s, x) => s + x, 0) * 100) / scores.length) / 100
              : null;
            return { principle, responses, averageScore: responses === null ? null : mean };
          }),
        };
        const got = await report<{ feedback: unknown }>(
          `feedback { responses withComment fromLinks byPrinciple { principle responses averageScore } }`,
          q,
        );
        expect(got.feedback, JSON.stringify(q)).toEqual(expected);
        if (!shared) {
          // The same statement as feedbackSummary's.
          const summary = await ok<{ feedbackSummary: Record<string, unknown> }>(
            gw,
            `query($from: String, $to: String) { feedbackSummary(from: $from, to: $to) {
               responses withComment fromLinks byPrinciple { principle responses averageScore } } }`,
            { from: p.from, to: p.to },
          );
          expect(summary.feedbackSummary).toEqual(expected);
        }
      }
    }
  });

  it('is refused for an area or a team: anonymous feedback names neither', async () => {
    const result = await gw.graphql(
      `query($period: ReportPeriod!) { report(period: $period) { feedback { responses } } }`,
      { period: { from: yearsAgo(1), to: today(), localAuthorityArea: 'Northshire Council' } },
      lead,
    );
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'localAuthorityArea', code: 'not_applicable' }],
    });
  });
});

/**
 * Edges of "in an area" that the synthetic rows lack, made on people and households with a warning
 * overdue now (so every period counts them): someone who has left their Northshire home and lives
 * in Westbrook now, someone living in two Northshire homes at once (counted once), and a warned
 * household that has moved from another area to Westbrook.
 */
async function moveWarnedPeopleAndHouseholds() {
  const [north, west] = ['Northshire Council', 'Westbrook City Council'];
  const overdue = `w.organisation_id = $1 and w.status <> 'ENDED' and w.review_date < current_date`;
  // Two people with a warning overdue now, each living in one home, moved into one Northshire home
  // first (the synthetic rows, dated from now, do not always have two such people there already).
  const people = await gw.sql<{ person_id: string }>(
    `select distinct on (w.person_id) w.person_id from warning w
      where ${overdue} and w.person_id is not null
        and (select count(*) from household_member k where k.person_id = w.person_id and k.left_on is null) = 1
      order by w.person_id limit 2`,
    [lead.organisationId],
  );
  const homes = await gw.sql<{ id: string; area: string }>(
    `(select id, local_authority_area as area from household where organisation_id = $1 and local_authority_area = $2
       order by id limit 2)
     union all
     (select id, local_authority_area from household where organisation_id = $1 and local_authority_area = $3 order by id limit 1)`,
    [lead.organisationId, north, west],
  );
  expect(people).toHaveLength(2);
  expect(homes.map((h) => h.area)).toEqual([north, north, west]);
  await gw.sql(
    `update household_member set household_id = $2 where person_id = any($1::uuid[]) and left_on is null`,
    [people.map((p) => p.person_id), homes[0]!.id],
  );
  const [leaver, twoHomes] = people.map((p) => ({ ...p, household_id: homes[0]!.id })) as [
    { person_id: string; household_id: string },
    { person_id: string; household_id: string },
  ];
  const join = `insert into household_member (id, organisation_id, household_id, person_id, role, joined_on, created_at)
                values (gen_random_uuid(), $1, $2, $3, 'OCCUPANT', current_date - 1, now())`;
  await gw.sql(
    `update household_member set left_on = current_date - 1 where person_id = $1 and household_id = $2`,
    [leaver.person_id, leaver.household_id],
  );
  await gw.sql(join, [lead.organisationId, homes[2]!.id, leaver.person_id]);
  await gw.sql(join, [lead.organisationId, homes[1]!.id, twoHomes.person_id]);
  const moved = await gw.sql(
    `update household set local_authority_area = $2 where organisation_id = $1 and id = (
       select w.household_id from warning w join household h on h.organisation_id = w.organisation_id and h.id = w.household_id
        where ${overdue} and h.local_authority_area is distinct from $2 order by w.household_id limit 1) returning id`,
    [lead.organisationId, west],
  );
  expect(moved).toHaveLength(1);
}

describe('warnings due for review', () => {
  it('counts warnings due for review in the period and overdue now, all types and each, in an area', async () => {
    await moveWarnedPeopleAndHouseholds();
    const rows = await gw.sql<{
      type: string;
      status: string;
      review_date: string;
      ended_at: Date | null;
      areas: string[];
    }>(
      `select w.type, w.status, w.review_date::text, w.ended_at,
              array(select h.local_authority_area from household h where h.organisation_id = w.organisation_id
                      and (h.id = w.household_id or h.id in (select m.household_id from household_member m
                             where m.organisation_id = w.organisation_id and m.person_id = w.person_id and m.left_on is null))) as areas
         from warning w where w.organisation_id = $1`,
      [lead.organisationId],
    );
    const now = new Date().toISOString().slice(0, 10);
    expect(rows.filter((w) => w.status !== 'ENDED' && w.review_date < now).length).toBeGreaterThan(0);
    const westbrook = { from: yearsAgo(3), to: today(), localAuthorityArea: 'Westbrook City Council' };
    for (const p of [...(await periods()).filter((q) => !q.teamId), westbrook]) {
      const mine = rows.filter((w) => !p.localAuthorityArea || w.areas.includes(p.localAuthorityArea));
      const counts = (of: typeof rows) => ({
        dueInPeriod: shown(
          of.filter(
            (w) =>
              w.review_date >= p.from &&
              w.review_date <= p.to &&
              (!w.ended_at || ukDay(w.ended_at) >= w.review_date),
          ).length,
          p,
        ),
        overdueNow: shown(of.filter((w) => w.status !== 'ENDED' && w.review_date < now).length, p),
      });
      const got = await report<{ warningsDueForReview: unknown }>(
        `warningsDueForReview { type dueInPeriod overdueNow }`,
        p,
      );
      expect(got.warningsDueForReview, JSON.stringify(p)).toEqual([
        { type: null, ...counts(mine) },
        ...WARNING_TYPES.map((type) => ({ type, ...counts(mine.filter((w) => w.type === type)) })),
      ]);
    }
  });

  it('is refused for a team: warnings belong to none', async () => {
    const result = await gw.graphql(
      `query($period: ReportPeriod!) { report(period: $period) { warningsDueForReview { overdueNow } } }`,
      { period: { from: yearsAgo(1), to: today(), teamId: await teamNamed('Synthetic repairs') } },
      lead,
    );
    expect(result.errors![0]!.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [{ field: 'teamId' }],
    });
  });
});

describe('each as a CSV download, for managers and leads only', () => {
  const FIELDS: [csv: string, field: string, selection: string][] = [
    ['referrals-by-agency', 'referralsByAgency', '{ agencyType sent overdueNow responseWorkingDaysMedian }'],
    ['referrals-by-status', 'referralsByStatus', '{ status referrals }'],
    ['referrals-by-outcome', 'referralsByOutcome', '{ outcome referrals }'],
    ['feedback', 'feedback', '{ responses }'],
    ['warnings-due-for-review', 'warningsDueForReview', '{ type overdueNow }'],
  ];

  it('gives the same figures as the GraphQL field, withheld counts written <5', async () => {
    const manager = user('ana');
    const period = { from: yearsAgo(1), to: today(), shared: true };
    const token = await gw.tokenFor(manager);
    for (const [csv, field, selection] of FIELDS) {
      const response = await fetch(
        `${gw.base}/reports/${csv}.csv?from=${period.from}&to=${period.to}&shared=true`,
        {
          headers: { authorization: `Bearer ${token}` },
        },
      );
      expect(response.status, csv).toBe(200);
      const lines = (await response.text()).trim().split(/\r?\n/);
      const got = await report<Record<string, unknown>>(`${field} ${selection}`, period, manager);
      const first = (
        Array.isArray(got[field]) ? (got[field] as Record<string, unknown>[])[0] : got[field]
      ) as Record<string, unknown>;
      const cells = lines[1]!.split(',').map((cell) => cell.replace(/^"|"$/g, ''));
      const count = Object.entries(first).find(
        ([k]) => k !== 'type' && k !== 'agencyType' && k !== 'status' && k !== 'outcome',
      )![1];
      expect(cells, `${csv}: ${lines.slice(0, 3).join(' / ')} vs ${JSON.stringify(first)}`).toContain(
        count === null ? '<5' : String(count),
      );
      expect(lines.length, csv).toBeGreaterThan(1);
    }
  });

  it('refuses frontline staff and contractors, in GraphQL and as CSV', async () => {
    for (const who of [user('tom'), user('gareth')]) {
      for (const [csv, field, selection] of FIELDS) {
        const result = await gw.graphql(
          `query($period: ReportPeriod!) { report(period: $period) { ${field} ${selection} } }`,
          { period: { from: yearsAgo(1), to: today() } },
          who,
        );
        expect(result.errors![0]!.extensions!.code, `${field} as ${who.name}`).toBe('FORBIDDEN');
        const response = await fetch(`${gw.base}/reports/${csv}.csv?from=${yearsAgo(1)}&to=${today()}`, {
          headers: { authorization: `Bearer ${await gw.tokenFor(who)}` },
        });
        expect(response.status, csv).toBe(403);
      }
    }
  });
});

describe('referral and feedback tallies at their edges', () => {
  const AGENCY_FIELDS = `referralsByAgency { agencyType sent responded respondedInTime overdueNow
    responseWorkingDaysMedian responseWorkingDaysP90 outcomes { outcome referrals } }
    referralsByStatus { status referrals overdueNow }`;
  /** Every period (and the whole of another area) against the rows, as the first tests check them. */
  async function expectReferralReports() {
    const rows = await referralRows();
    for (const p of [
      ...(await periods()),
      { from: yearsAgo(2), to: yearsAgo(1) },
      { from: yearsAgo(3), to: today(), localAuthorityArea: 'Westbrook City Council' },
    ]) {
      const mine = sentIn(rows, p);
      const got = await report<{ referralsByAgency: unknown; referralsByStatus: unknown }>(AGENCY_FIELDS, p);
      expect(got.referralsByAgency, JSON.stringify(p)).toEqual(agencyFiguresOf(mine, p));
      expect(got.referralsByStatus, JSON.stringify(p)).toEqual(
        REFERRAL_STATUSES.map((status) => ({
          status,
          referrals: shown(mine.filter((r) => r.status === status).length, p),
          overdueNow: shown(mine.filter((r) => r.status === status && overdue(r)).length, p),
        })),
      );
    }
  }

  it('moves referrals with their concern’s household to another area, and their concern to another team', async () => {
    const [moved] = await gw.sql<{ id: string }>(
      `select h.id from household h
         join concern c on c.organisation_id = h.organisation_id and c.household_id = h.id
         join referral r on r.organisation_id = c.organisation_id and r.concern_id = c.id
        where h.organisation_id = $1 and h.local_authority_area = 'Northshire Council'
          and r.sent_at < now() - interval '1 year' and r.sent_at > now() - interval '2 years'
        group by h.id order by count(*) desc limit 1`,
      [lead.organisationId],
    );
    await gw.sql(`update household set local_authority_area = 'Westbrook City Council' where id = $1`, [
      moved!.id,
    ]);
    const [concern] = await gw.sql<{ id: string }>(
      `select c.id from concern c join referral r on r.organisation_id = c.organisation_id and r.concern_id = c.id
        where c.organisation_id = $1 and c.team_id is distinct from $2 limit 1`,
      [lead.organisationId, await teamNamed('Synthetic north patch')],
    );
    await gw.sql(`update concern set team_id = $2 where id = $1`, [
      concern!.id,
      await teamNamed('Synthetic north patch'),
    ]);
    await expectReferralReports();
  });

  it('counts a referral answered after the period under its status now, responded, by the day it was sent', async () => {
    const [waiting] = await gw.sql<{ id: string; recipient: string }>(
      // Sent in the period that ended a year ago, not answered (awaiting, or failing that withdrawn).
      `select r.id, r.recipient_organisation_id as recipient from referral r
        where r.organisation_id = $1 and r.responded_at is null
          and r.sent_at < now() - interval '1 year' and r.sent_at > now() - interval '2 years'
          and not exists (select 1 from referral_move m where m.organisation_id = r.organisation_id
                             and m.referral_id = r.id and m."to" in ('ACCEPTED', 'DECLINED'))
        order by r.status in ('SENT', 'ACKNOWLEDGED') desc, r.sent_at desc limit 1`,
      [lead.organisationId],
    );
    await gw.sql(`update referral set status = 'ACCEPTED', responded_at = now() where id = $1`, [
      waiting!.id,
    ]);
    await gw.sql(
      `insert into referral_move (organisation_id, id, referral_id, "from", "to", by_organisation_id, by_user_id, by_name, at)
       values ($1, gen_random_uuid(), $2, 'SENT', 'ACCEPTED', $3, $4, 'Test', now())`,
      [lead.organisationId, waiting!.id, waiting!.recipient, lead.id],
    );
    await expectReferralReports();
  });

  it('moves every referral to an agency when its agency type changes', async () => {
    const [agency] = await gw.sql<{ id: string }>(
      `select recipient_organisation_id as id from referral where organisation_id = $1
        group by 1 order by count(*) desc limit 1`,
      [lead.organisationId],
    );
    await gw.sql(`update organisation set agency_type = 'EARLY_HELP' where id = $1`, [agency!.id]);
    await expectReferralReports();
  });

  it('counts working days in SQL by the calendar of working-days.ts, every day of the years it covers', async () => {
    const rows = await gw.sql<{ day: string; n: number }>(
      `select day::text, n from working_day_number order by day`,
    );
    expect(rows[0]!.day).toBe(`${WORKING_DAY_YEARS.first}-01-01`);
    expect(rows.at(-1)!.day).toBe(`${WORKING_DAY_YEARS.last}-12-31`);
    let before = 0;
    const wrong = rows.filter((row) => {
      const ok = row.n === before;
      if (isWorkingDay(row.day)) before++;
      return !ok;
    });
    expect(wrong.slice(0, 3)).toEqual([]);
  });

  it('gives the same rows from the rebuilds as the triggers kept, compacted', async () => {
    const org = lead.organisationId;
    while ((await gw.sql<{ n: number }>(`select doorstep_report_tally_compact(1000) as n`))[0]!.n > 0);
    const tallies = () =>
      gw.sql(
        `select day::text, area, team_id, kind, key, sum(n)::int as n from report_tally
          where organisation_id = $1 and split_part(kind, '.', 1) in ('referral', 'case', 'feedback')
          group by 1, 2, 3, 4, 5 having sum(n) <> 0 order by 1, 2, 3, 4, 5`,
        [org],
      );
    const kept = await tallies();
    expect(new Set(kept.map((t) => (t.kind as string).split('.')[0]))).toEqual(
      new Set(['referral', 'case', 'feedback']),
    );
    await gw.sql(
      `select doorstep_referral_tally_rebuild($1), doorstep_case_tally_rebuild($1), doorstep_feedback_tally_rebuild($1)`,
      [org],
    );
    expect(await tallies()).toEqual(kept);
  });
});
