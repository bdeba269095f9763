import { DEFAULT_RESPONSE_WORKING_DAYS, REFERRAL_STATUSES, type AgencyType } from '@doorstep/schema';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../test/harness.js';
import { lead, ok } from '../../test/records.js';
import { workingDaysAfter, workingSecondsBetween } from '../common/working-days.js';
import { repoRoot } from '../config.js';
import {
  SCALE_AREAS,
  SCALE_CATEGORIES,
  SCALE_REPORTERS,
  writeConcernsAtScale,
} from './synthetic-concerns.js';

const CONCERNS = 2_000;
const NOW = new Date('2026-11-20T10:30:00Z');

let gw: Awaited<ReturnType<typeof testGateway>>;
/** The demo's cases, there before the seed (opened directly, with no concern). */
let demoCases: string[] = [];
beforeAll(async () => {
  gw = await testGateway();
  demoCases = (await gw.sql<{ id: string }>(`select id from safeguarding_case`)).map((r) => r.id);
  const client = new pg.Client({ connectionString: gw.url });
  await client.connect();
  try {
    await writeConcernsAtScale(client, {
      organisationId: lead.organisationId,
      concerns: CONCERNS,
      years: 3,
      batch: 700,
      seed: 11,
      now: NOW,
    });
  } finally {
    await client.end();
  }
}, 120_000);
afterAll(() => gw.close());

const shares = async (sql: string) =>
  Object.fromEntries(
    (await gw.sql<{ key: string; share: number }>(sql)).map((r) => [r.key, Number(r.share)]),
  ) as Record<string, number>;
const weightShare = (weights: [string, number][], key: string) =>
  weights.find(([k]) => k === key)![1] / weights.reduce((s, [, w]) => s + w, 0);

describe('concerns at scale (pnpm seed --concerns)', () => {
  it('makes the concerns asked for, over the years asked, in the proportions a provider reports', async () => {
    const [total] = await gw.sql<{ n: number; first: Date; last: Date; kept: number }>(
      `select count(*)::int as n, min(raised_at) as first, max(raised_at) as last,
              (select concerns::int from concern_count where organisation_id = $1) as kept
         from concern where reference like 'SG-%' and what_happened = 'Synthetic data for the reports'`,
      [lead.organisationId],
    );
    expect(total!.n).toBe(CONCERNS);
    expect(total!.first.getTime()).toBeGreaterThan(NOW.getTime() - 3 * 366 * 86_400_000);
    expect(total!.first.getTime()).toBeLessThan(NOW.getTime() - 2.5 * 365 * 86_400_000);
    expect(total!.last.getTime()).toBeLessThanOrEqual(NOW.getTime());
    // The kept count (what `concerns.totalCount` reads) took them in, the demo's besides.
    const [all] = await gw.sql<{ n: number }>(
      `select count(*)::int as n from concern where organisation_id = $1`,
      [lead.organisationId],
    );
    expect(total!.kept).toBe(all!.n);

    // Primary categories of concerns about adults: Stockport's table 1, within sampling error.
    const categories = await shares(
      `select primary_category as key, count(*)::float / sum(count(*)) over () as share from concern
        where what_happened = 'Synthetic data for the reports' and primary_category not like 'CHILD_%' group by 1`,
    );
    for (const category of ['NEGLECT', 'PHYSICAL', 'DOMESTIC_ABUSE', 'FINANCIAL']) {
      expect(categories[category], category).toBeCloseTo(weightShare(SCALE_CATEGORIES, category), 1);
    }
    const reporters = await shares(
      `select reporter_kind as key, count(*)::float / sum(count(*)) over () as share from concern
        where what_happened = 'Synthetic data for the reports' group by 1`,
    );
    for (const [kind] of SCALE_REPORTERS)
      expect(reporters[kind], kind).toBeCloseTo(weightShare(SCALE_REPORTERS, kind), 1);
    const areas = await shares(
      `select h.local_authority_area as key, count(*)::float / sum(count(*)) over () as share
         from concern c join household h on h.organisation_id = c.organisation_id and h.id = c.household_id
        where c.what_happened = 'Synthetic data for the reports' group by 1`,
    );
    expect(Object.keys(areas).sort()).toEqual(SCALE_AREAS.map(([a]) => a).sort());

    // About children (by the subject's date of birth at the concern's date): about a quarter, as Stockport's 38 of 152.
    const [ages] = await gw.sql<{ children: number; adults_now: number }>(
      `select count(*) filter (where p.date_of_birth > (c.raised_at at time zone 'Europe/London')::date - interval '18 years')::float
                / count(*) as children,
              count(*) filter (where p.date_of_birth > (c.raised_at at time zone 'Europe/London')::date - interval '18 years'
                                 and p.date_of_birth <= current_date - interval '18 years')::int as adults_now
         from concern c join concern_person cp on cp.organisation_id = c.organisation_id and cp.concern_id = c.id and cp.role = 'SUBJECT'
         join person p on p.organisation_id = cp.organisation_id and p.id = cp.person_id
        where c.what_happened = 'Synthetic data for the reports'`,
    );
    expect(ages!.children).toBeGreaterThan(0.18);
    expect(ages!.children).toBeLessThan(0.32);
    expect(ages!.adults_now, 'some were children then and are adults now').toBeGreaterThan(0);
  });

  it('triages most, closes many, opens cases with their outcomes, refers to every kind of agency in every status', async () => {
    const [triage] = await gw.sql<{ triaged: number; closed: number; p50: number; p90: number; bad: number }>(
      `select count(*) filter (where triaged_at is not null)::float / count(*) as triaged,
              count(*) filter (where status = 'CLOSED')::float / count(*) as closed,
              percentile_cont(0.5) within group (order by extract(epoch from triaged_at - raised_at) / 3600) as p50,
              percentile_cont(0.9) within group (order by extract(epoch from triaged_at - raised_at) / 3600) as p90,
              count(*) filter (where triaged_at <= raised_at or closed_at < triaged_at or triaged_at > $1
                                  or (triage_decision is null) <> (triaged_at is null)
                                  or (status = 'CLOSED') <> (closed_at is not null)
                                  or (status = 'RAISED') <> (triaged_at is null))::int as bad
         from concern where what_happened = 'Synthetic data for the reports'`,
      [NOW],
    );
    expect(triage!.triaged).toBeGreaterThan(0.9);
    expect(triage!.closed).toBeGreaterThan(0.6);
    expect(triage!.p50).toBeGreaterThan(1);
    expect(triage!.p50).toBeLessThan(12);
    expect(triage!.p90).toBeGreaterThan(triage!.p50);
    expect(triage!.bad).toBe(0);
    // Every triaged concern has its triage record.
    const [records] = await gw.sql<{ missing: number }>(
      `select count(*)::int as missing from concern c where c.triaged_at is not null and not exists (
         select 1 from concern_triage t where t.organisation_id = c.organisation_id and t.concern_id = c.id and t.decided_at = c.triaged_at)`,
    );
    expect(records!.missing).toBe(0);
    // The working time to triage the reports read, as the triage service keeps it.
    const timed = await gw.sql<{ raised_at: Date; triaged_at: Date; triage_working_seconds: number }>(
      `select raised_at, triaged_at, triage_working_seconds from concern
        where triaged_at is not null and what_happened = 'Synthetic data for the reports' order by id limit 300`,
    );
    for (const c of timed) {
      expect(c.triage_working_seconds).toBe(workingSecondsBetween(c.raised_at, c.triaged_at));
    }
    // Staff and contractors' concerns carry their team; each case its open period.
    const [kept] = await gw.sql<{
      staff_without_team: number;
      public_with_team: number;
      teams: number;
      periods: number;
    }>(
      `select count(*) filter (where reporter_kind in ('STAFF', 'CONTRACTOR') and team_id is null)::int as staff_without_team,
              count(*) filter (where reporter_kind not in ('STAFF', 'CONTRACTOR') and team_id is not null)::int as public_with_team,
              count(distinct team_id)::int as teams,
              (select count(*)::int from safeguarding_case k where not exists (
                 select 1 from case_open_period p where p.case_id = k.id and p.opened_at = k.opened_at
                    and p.closed_at is not distinct from k.closed_at)) as periods
         from concern where what_happened = 'Synthetic data for the reports'`,
    );
    expect(kept).toEqual({ staff_without_team: 0, public_with_team: 0, teams: 4, periods: 0 });
    // The youngest subject's date of birth, as the reports framework's triggers keep it.
    const [youngest] = await gw.sql<{ wrong: number }>(
      `select count(*)::int as wrong from concern c where c.what_happened = 'Synthetic data for the reports'
          and c.youngest_subject_born is distinct from (select max(p.date_of_birth) from concern_person cp
                join person p on p.id = cp.person_id where cp.concern_id = c.id and cp.role = 'SUBJECT')`,
    );
    expect(youngest!.wrong).toBe(0);
    // The reports' tallies, worked out again after the load (the triggers were off).
    const [tally] = await gw.sql<{ raised: number; concerns: number }>(
      `select (select sum(n)::int from report_tally where organisation_id = $1 and kind = 'concern.raised'
                 and area is null and team_id is null) as raised,
              (select count(*)::int from concern where organisation_id = $1) as concerns`,
      [lead.organisationId],
    );
    expect(tally!.raised).toBe(tally!.concerns);

    const [cases] = await gw.sql<{ open: number; closed: number; outcomes: string[]; unlinked: number }>(
      `select count(*) filter (where status = 'OPEN')::int as open, count(*) filter (where status = 'CLOSED')::int as closed,
              array_agg(distinct outcomes_achieved) filter (where outcomes_achieved is not null) as outcomes,
              count(*) filter (where not exists (select 1 from case_concern cc where cc.organisation_id = s.organisation_id
                                                   and cc.case_id = s.id))::int as unlinked
         from safeguarding_case s where not (s.id = any($1::uuid[]))`,
      [demoCases],
    );
    expect(cases!.open).toBeGreaterThan(0);
    expect(cases!.closed).toBeGreaterThan(0);
    expect(cases!.outcomes.sort()).toEqual(['FULLY', 'NOT_ACHIEVED', 'PARTIALLY']);
    expect(cases!.unlinked).toBe(0);

    const referrals = await gw.sql<{ status: string; agency_type: AgencyType; n: number; overdue: number }>(
      `select r.status, o.agency_type, count(*)::int as n,
              count(*) filter (where r.status in ('SENT', 'ACKNOWLEDGED') and r.respond_by <= $1)::int as overdue
         from referral r join organisation o on o.id = r.recipient_organisation_id group by 1, 2`,
      [NOW],
    );
    expect(new Set(referrals.map((r) => r.status))).toEqual(new Set(REFERRAL_STATUSES));
    expect(new Set(referrals.map((r) => r.agency_type)).size).toBeGreaterThanOrEqual(8);
    expect(
      referrals.reduce((s, r) => s + r.overdue, 0),
      'some overdue now',
    ).toBeGreaterThan(0);
    // Due by the response policy's working days, as `respondByFor` gives them.
    const due = await gw.sql<{ sent_at: Date; respond_by: Date; agency_type: AgencyType }>(
      `select r.sent_at, r.respond_by, o.agency_type from referral r join organisation o on o.id = r.recipient_organisation_id
        order by r.id limit 200`,
    );
    for (const r of due) {
      expect(r.respond_by).toEqual(workingDaysAfter(r.sent_at, DEFAULT_RESPONSE_WORKING_DAYS[r.agency_type]));
    }
    // Moves in order, each from where the last left it, ending where the referral is; none after now.
    const [moves] = await gw.sql<{ broken: number; late: number }>(
      `with m as (select m.*, lag("to") over (partition by referral_id order by at) as before,
                         last_value("to") over (partition by referral_id order by at rows between unbounded preceding and unbounded following) as last
                    from referral_move m)
       select (count(*) filter (where m."from" <> coalesce(m.before, 'SENT'))
               + (select count(*) from referral r where r.status <> coalesce(
                    (select last from m where m.referral_id = r.id limit 1), 'SENT')))::int as broken,
              count(*) filter (where m.at > $1)::int as late
         from m`,
      [NOW],
    );
    expect(moves).toEqual({ broken: 0, late: 0 });
    // What the referral_move_response trigger keeps, as it would have kept it.
    const [copied] = await gw.sql<{ wrong: number }>(
      `select count(*)::int as wrong from referral r
        where r.responded_at is distinct from (select min(m.at) from referral_move m where m.referral_id = r.id and m."to" in ('ACCEPTED', 'DECLINED'))
           or r.outcome is distinct from (select m.outcome from referral_move m where m.referral_id = r.id and m."to" = 'CLOSED')`,
    );
    expect(copied!.wrong).toBe(0);
  });

  it('raises cumulative flags, takes feedback and keeps warnings with review dates, with their chronology', async () => {
    const [flags] = await gw.sql<{ flags: number; open: number; short: number; tasks: number }>(
      `select count(*)::int as flags, count(*) filter (where status = 'OPEN')::int as open,
              count(*) filter (where (select count(*) from cumulative_flag_concern fc where fc.flag_id = f.id) < 3)::int as short,
              (select count(*)::int from task t where t.kind = 'TRIAGE_CUMULATIVE_FLAG') as tasks
         from cumulative_flag f`,
    );
    expect(flags!.flags).toBeGreaterThan(5);
    expect(flags!.short).toBe(0);
    expect(flags!.tasks).toBe(flags!.flags);
    const [feedback] = await gw.sql<{ n: number; ratings: number; bad: number }>(
      `select count(*)::int as n, (select count(*)::int from feedback_rating) as ratings,
              count(*) filter (where f.concern_id is not null and f.received_at < (select closed_at from concern c where c.id = f.concern_id))::int as bad
         from feedback f`,
    );
    expect(feedback!.n).toBeGreaterThan(30);
    expect(feedback!.ratings).toBeGreaterThan(feedback!.n * 4);
    expect(feedback!.bad).toBe(0);
    const [warnings] = await gw.sql<{ active: number; overdue: number; too_far: number }>(
      `select count(*) filter (where status = 'ACTIVE')::int as active,
              count(*) filter (where status = 'ACTIVE' and review_date < $1::date)::int as overdue,
              count(*) filter (where review_date > (created_at + interval '12 months')::date)::int as too_far
         from warning`,
      [NOW],
    );
    expect(warnings!.active).toBeGreaterThan(50);
    expect(warnings!.overdue).toBeGreaterThan(0);
    expect(warnings!.too_far).toBe(0);
    // The chronology the services write, for each record.
    const [missing] = await gw.sql<Record<string, number>>(
      `select (select count(*)::int from concern c where not exists (select 1 from chronology_entry e where e.source_id = c.id and e.kind = 'CONCERN_RAISED')) as raised,
              (select count(*)::int from concern c where c.closed_at is not null and c.what_happened = 'Synthetic data for the reports'
                 and not exists (select 1 from chronology_entry e where e.source_id = c.id and e.kind = 'CONCERN_CLOSED')) as closed,
              (select count(*)::int from referral_move m where not exists (
                 select 1 from chronology_entry e where e.source_id = m.referral_id and e.kind = 'REFERRAL_' || m."to" and e.occurred_at = m.at)) as moves,
              (select count(*)::int from safeguarding_case s where not exists (select 1 from chronology_entry e where e.source_id = s.id and e.kind = 'CASE_OPENED')) as cases,
              (select count(*)::int from cumulative_flag f where not exists (select 1 from chronology_entry e where e.source_id = f.id)) as flags,
              (select count(*)::int from warning w where not exists (select 1 from chronology_entry e where e.source_id = w.id and e.kind = 'WARNING_ADDED')) as warnings`,
    );
    expect(missing).toEqual({ raised: 0, closed: 0, moves: 0, cases: 0, flags: 0, warnings: 0 });
  });

  it('holds every foreign key, and reads back through the API under row-level security', async () => {
    // The writer turns off the per-row foreign key checks: every key, composite ones too, must hold.
    const keys = await gw.sql<{ child: string; parent: string; cond: string; present: string }>(
      `select c.conrelid::regclass::text as child, c.confrelid::regclass::text as parent,
              string_agg(format('p.%I = c.%I', pa.attname, ca.attname), ' and ') as cond,
              string_agg(format('c.%I is not null', ca.attname), ' and ') as present
         from pg_constraint c
         cross join lateral unnest(c.conkey, c.confkey) as k(ck, pk)
         join pg_attribute ca on ca.attrelid = c.conrelid and ca.attnum = k.ck
         join pg_attribute pa on pa.attrelid = c.confrelid and pa.attnum = k.pk
        where c.contype = 'f' and c.connamespace = 'public'::regnamespace
        group by c.oid, c.conrelid, c.confrelid`,
    );
    expect(keys.length).toBeGreaterThan(50);
    for (const { child, parent, cond, present } of keys) {
      const dangling = await gw.sql(
        `select 1 from "${child}" c where ${present} and not exists (select 1 from "${parent}" p where ${cond}) limit 1`,
      );
      expect(dangling, `${child} → ${parent} (${cond})`).toEqual([]);
    }
    const [db] = await gw.sql<{ n: number }>(
      `select count(*)::int as n from concern where organisation_id = $1`,
      [lead.organisationId],
    );
    const read = await ok<{ concerns: { totalCount: number } }>(
      gw,
      `{ concerns(first: 1) { totalCount } }`,
      {},
    );
    expect(read.concerns.totalCount).toBe(db!.n);
  });

  it('reports on them what an independent count of the rows says', async () => {
    const period = { from: '2025-01-01', to: '2025-12-31' };
    const { report } = await ok<{
      report: {
        concernsByMonth: { month: string; raised: number }[];
        referralsByAgency: { agencyType: string; sent: number }[];
      };
    }>(
      gw,
      `query($period: ReportPeriod!) { report(period: $period) {
         concernsByMonth { month raised } referralsByAgency { agencyType sent } } }`,
      { period },
    );
    const months = await gw.sql<{ month: string; n: number }>(
      `select to_char(raised_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*)::int as n from concern
        where organisation_id = $1 and (raised_at at time zone 'Europe/London')::date between $2 and $3 group by 1 order by 1`,
      [lead.organisationId, period.from, period.to],
    );
    expect(report.concernsByMonth.map((m) => [m.month, m.raised])).toEqual(months.map((m) => [m.month, m.n]));
    const agencies = await gw.sql<{ agency_type: string; n: number }>(
      `select o.agency_type, count(*)::int as n from referral r join organisation o on o.id = r.recipient_organisation_id
        where r.organisation_id = $1 and (r.sent_at at time zone 'Europe/London')::date between $2 and $3 group by 1`,
      [lead.organisationId, period.from, period.to],
    );
    expect(agencies.length).toBeGreaterThan(5);
    for (const { agency_type, n } of agencies) {
      expect(report.referralsByAgency.find((a) => a.agencyType === agency_type)!.sent, agency_type).toBe(n);
    }
  });

  it('`pnpm seed --concerns` adds them with a progress bar (the built script, against DATABASE_URL)', async () => {
    const script = path.join(repoRoot, 'gateway', 'dist', 'scripts', 'seed.js');
    expect(existsSync(script), 'run pnpm build first').toBe(true);
    const count = async () => (await gw.sql<{ n: number }>(`select count(*)::int as n from concern`))[0]!.n;
    const before = await count();
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [script, '--concerns', '300', '--years', '2', '--seed', '5'],
      {
        env: {
          ...process.env,
          DATABASE_URL: gw.url,
          DOORSTEP_DATA_DIR: path.join(os.tmpdir(), 'doorstep-seed-test'),
        },
      },
    );
    expect(stderr).toMatch(/100%\s+300 \/ 300 concerns/);
    expect((await count()) - before).toBe(300);
  });
});
