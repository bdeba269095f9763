import { rebuildTallies } from '../modules/report/report-tally.js';
import { AGENCY_TYPES, DEFAULT_RESPONSE_WORKING_DAYS, type AgencyType } from '@doorstep/schema';
import type pg from 'pg';
import { countingStartsOn, isWorkingDay, nextWorkingDay } from '../common/working-days.js';
import { CATEGORY_WEIGHTS, URGENCY_WEIGHTS } from './synthetic.js';

/**
 * Concerns at scale, for the reports (`pnpm seed --concerns N`): N concerns over several years in
 * the proportions a housing provider reports, with everything the reports count hanging off them,
 * written by SQL alone (`generate_series`, `INSERT … SELECT`), a batch a transaction, so a million
 * take minutes, not hours. Per batch of concerns:
 *
 * - households in several local authority areas (2.5 concerns each on average, some many more),
 *   each with a lead tenant, often a partner (an alleged source) and often a child, members since
 *   before their first concern; a child's date of birth puts some of them at 16 or 17 when a
 *   concern was raised and adults now, so "adult or child" is at the date of the concern;
 * - concerns: the primary category in Stockport Homes' table 1 proportions (children's own
 *   categories for some concerns about children), reporters (staff, contractors, tenants, the
 *   public), urgencies, the person's views, consent, numbered by the organisation's counter;
 * - triage for most (times to triage skewed as real queues are: most within hours, a tail of days),
 *   the triage record and the concern's closure;
 * - cases for OPEN_CASE decisions, many closed with Making Safeguarding Personal outcomes;
 * - referrals for REFER decisions to agencies of every type, due by the response policy's working
 *   days (the referral module's convention, from the same calendar), moved by the agency through
 *   every status (acknowledged, accepted, declined, closed with an outcome, withdrawn), some late,
 *   some overdue now, with their moves and events;
 * - cumulative-concern flags where low-level concerns cross the default rule, with their links and
 *   triage tasks; feedback on closed concerns, rated against the six principles; warnings with
 *   review dates, some overdue;
 * - the chronology the services write for each of these.
 *
 * Rows go in as the owner (past row-level security, as `synthetic.ts` does, every row carrying the
 * organisation), with the per-row foreign key checks and triggers off for the transaction when a
 * superuser loads them: the rows are consistent by construction (`synthetic-concerns.test.ts`
 * checks every foreign key and constraint), and the organisation's kept concern count is added to
 * here. No audit rows are written, as `synthetic.ts` writes none: the audit trail records what
 * people did through the gateway, and nobody did this. Deterministic for a seed (`setseed`), ids aside.
 */

export interface ScaleOptions {
  organisationId: string;
  /** Concerns to add. */
  concerns: number;
  /** Years back from `now` the concerns are spread over. */
  years?: number;
  /** Concerns per transaction. */
  batch?: number;
  seed?: number;
  now?: Date;
  progress?: (done: number) => void;
}

/** Local authority areas the synthetic households are in, and their shares. */
export const SCALE_AREAS: [string, number][] = [
  ['Northshire Council', 40],
  ['Southvale Council', 25],
  ['Eastmere Borough Council', 20],
  ['Westbrook City Council', 15],
];

/** Stockport Homes 2020/21, table 1, mapped to Doorstep's categories (the concern's primary one). */
export const SCALE_CATEGORIES = CATEGORY_WEIGHTS;
/** For a share of concerns about children: the children's own categories. */
const CHILD_CATEGORIES: [string, number][] = [
  ['CHILD_NEGLECT', 40],
  ['CHILD_EMOTIONAL', 25],
  ['CHILD_PHYSICAL', 20],
  ['CHILD_EXPLOITATION', 10],
  ['CHILD_SEXUAL', 5],
];
export const SCALE_REPORTERS: [string, number][] = [
  ['STAFF', 70],
  ['CONTRACTOR', 12],
  ['TENANT', 10],
  ['PUBLIC', 5],
  ['ANONYMOUS_PUBLIC', 3],
];
const VIEWS: [string, number][] = [
  ['ASKED_EXPRESSED', 55],
  ['ASKED_NONE_EXPRESSED', 15],
  ['NOT_ASKED', 30],
];
/** The agencies referrals go to, by what the concern is about. */
const AGENCIES_FOR_CHILD: [AgencyType, number][] = [
  ['CHILDRENS_SOCIAL_CARE', 50],
  ['MASH', 20],
  ['POLICE', 15],
  ['EARLY_HELP', 15],
];
const AGENCIES_FOR_DOMESTIC_ABUSE: [AgencyType, number][] = [
  ['POLICE', 45],
  ['MARAC', 25],
  ['DOMESTIC_ABUSE_SERVICE', 30],
];
const AGENCIES_FOR_MENTAL_HEALTH: [AgencyType, number][] = [
  ['MENTAL_HEALTH_CRISIS', 80],
  ['HEALTH', 20],
];
const AGENCIES_FOR_ADULT: [AgencyType, number][] = [
  ['ADULT_SOCIAL_CARE', 55],
  ['POLICE', 20],
  ['HEALTH', 10],
  ['MENTAL_HEALTH_CRISIS', 10],
  ['OTHER', 5],
];
const OUTCOMES: [string, number][] = [
  ['ASSESSMENT_COMPLETED', 25],
  ['SERVICES_PROVIDED', 20],
  ['SIGNPOSTED', 12],
  ['NO_FURTHER_ACTION', 15],
  ['SECTION_42_ENQUIRY', 8],
  ['CHILD_PROTECTION_ENQUIRY', 5],
  ['POLICE_INVESTIGATION', 5],
  ['SAFETY_PLAN_AGREED', 4],
  ['MARAC_CASE_HEARD', 3],
  ['OTHER', 3],
];

/** SQL choosing a value by weight from a uniform random number `r` in [0, 1). */
export function weightedSql(r: string, weights: readonly [string, number][]): string {
  const total = weights.reduce((s, [, w]) => s + w, 0);
  let edge = 0;
  const arms = weights.slice(0, -1).map(([value, w]) => {
    edge += w / total;
    return `when ${r} < ${edge.toFixed(6)} then '${value}'`;
  });
  return `(case ${arms.join(' ')} else '${weights.at(-1)![0]}' end)`;
}

const agencyOf = (r: string, weights: [AgencyType, number][]) => weightedSql(r, weights);
const workingDaysSql = `(case a.agency_type ${Object.entries(DEFAULT_RESPONSE_WORKING_DAYS)
  .map(([type, days]) => `when '${type}' then ${days}`)
  .join(' ')} end)`;

const DAY = 86_400_000;
const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);

/**
 * The working-day calendar the batches read, as temporary tables of the session: the working days
 * of England and Wales numbered in order, and for each calendar day the working day counting starts
 * on for something sent before 17:00 London time that day, and for something sent after. Made by
 * `working-days.ts` itself, so a synthetic referral's due date is what `respondByFor` would give.
 */
async function workingCalendar(client: pg.ClientBase, from: number, to: number) {
  const days: string[] = [];
  for (let t = from; t <= to; t += DAY) days.push(iso(t));
  const working = days.filter(isWorkingDay);
  let extra = working.at(-1)!;
  for (let k = 0; k < 40; k++) working.push((extra = nextWorkingDay(extra)));
  const index = new Map(working.map((d, n) => [d, n]));
  // Counting starts on the day itself in working hours, on the next working day otherwise.
  const before = days.map((d) => index.get(countingStartsOn(new Date(`${d}T11:00:00Z`)))!);
  const after = days.map((d) => index.get(nextWorkingDay(d))!);
  await client.query(
    `create temp table if not exists scale_working_day (n int primary key, day date not null unique)`,
  );
  await client.query(
    `create temp table if not exists scale_calendar (day date primary key, start_before int not null, start_after int not null)`,
  );
  await client.query('truncate scale_working_day, scale_calendar');
  await client.query(
    `insert into scale_working_day select n - 1, day from unnest($1::date[]) with ordinality as t(day, n)`,
    [working],
  );
  await client.query(`insert into scale_calendar select * from unnest($1::date[], $2::int[], $3::int[])`, [
    days,
    before,
    after,
  ]);
}

/** Partner agencies of every type (made once, with an officer each), by type. */
async function agencies(client: pg.ClientBase): Promise<void> {
  await client.query(
    `insert into organisation (id, name, kind, agency_type, created_at, allowed_origins)
     select gen_random_uuid(), 'Synthetic ' || initcap(replace(t, '_', ' ')), 'AGENCY', t, now(), '{}'
       from unnest($1::text[]) as t
      where not exists (select 1 from organisation o where o.kind = 'AGENCY' and o.agency_type = t)`,
    [AGENCY_TYPES],
  );
  await client.query(
    `insert into app_user (id, organisation_id, name, email, roles, created_at)
     select gen_random_uuid(), o.id, 'Synthetic officer (' || o.name || ')', 'officer.' || lower(o.agency_type) || '@synthetic.invalid',
            '{AGENCY_OFFICER}', now()
       from organisation o
      where o.kind = 'AGENCY' and not exists (select 1 from app_user u where u.organisation_id = o.id)`,
  );
  await client.query(`drop table if exists scale_agency`);
  await client.query(
    `create temp table scale_agency as
     select distinct on (o.agency_type) o.agency_type, o.id, o.name,
            (select u.id from app_user u where u.organisation_id = o.id order by u.created_at, u.id limit 1) as officer,
            (select u.name from app_user u where u.organisation_id = o.id order by u.created_at, u.id limit 1) as officer_name
       from organisation o where o.kind = 'AGENCY' and o.agency_type is not null
      order by o.agency_type, o.created_at, o.id`,
  );
}

/**
 * Working time from `at` to `triaged_at` (of `s_concern`), in whole seconds: the part in office
 * hours (09:00 to 17:00 London time) on working days, as `workingSecondsBetween` counts it, from
 * the same working-day calendar.
 */
const WORKING_SECONDS = `coalesce((
  select floor(sum(extract(epoch from least(triaged_at, (w.day + time '17:00') at time zone 'Europe/London')
                                    - greatest(at, (w.day + time '09:00') at time zone 'Europe/London'))))::int
    from scale_working_day w
   where w.day between (at at time zone 'Europe/London')::date and (triaged_at at time zone 'Europe/London')::date
     and least(triaged_at, (w.day + time '17:00') at time zone 'Europe/London')
       > greatest(at, (w.day + time '09:00') at time zone 'Europe/London')), 0)`;

/** The teams synthetic concerns are raised by (three patches, then the repairs team contractors are in). */
const TEAMS = [
  'Synthetic north patch',
  'Synthetic south patch',
  'Synthetic tenancy support',
  'Synthetic repairs',
];

async function teamsOf(client: pg.ClientBase, organisationId: string): Promise<string[]> {
  await client.query(
    `insert into team (organisation_id, id, name, created_at)
     select $1, gen_random_uuid(), name, now() from unnest($2::text[]) as name
     on conflict (organisation_id, name) do nothing`,
    [organisationId, TEAMS],
  );
  const { rows } = await client.query<{ id: string; name: string }>(
    `select id, name from team where organisation_id = $1 and name = any($2)`,
    [organisationId, TEAMS],
  );
  return TEAMS.map((name) => rows.find((r) => r.name === name)!.id);
}

/** The staff the synthetic records are written by. */
async function staffOf(client: pg.ClientBase, organisationId: string) {
  const { rows } = await client.query<{
    lead: string | null;
    manager: string | null;
    contractor: string | null;
  }>(
    `select (select id from app_user where organisation_id = $1 and 'SAFEGUARDING_LEAD' = any(roles) and deactivated_at is null
              order by created_at, id limit 1) as lead,
            (select id from app_user where organisation_id = $1 and 'MANAGER' = any(roles) and deactivated_at is null
              order by created_at, id limit 1) as manager,
            (select id from app_user where organisation_id = $1 and 'CONTRACTOR' = any(roles) and deactivated_at is null
              order by created_at, id limit 1) as contractor`,
    [organisationId],
  );
  const { lead, manager, contractor } = rows[0]!;
  if (!lead || !manager) throw new Error('the organisation needs a safeguarding lead and a manager');
  return { lead, manager, contractor: contractor ?? lead };
}

/**
 * Adds `concerns` concerns (and all that hangs off them, above) to an organisation, in batches of
 * `batch`, one transaction each.
 */
export async function writeConcernsAtScale(client: pg.ClientBase, options: ScaleOptions): Promise<void> {
  const { organisationId, concerns, years = 5, batch = 25_000, seed = 1, now = new Date() } = options;
  const to = now.getTime();
  const from = to - Math.round(years * 365.25) * DAY;
  await workingCalendar(client, from - 30 * DAY, to + 10 * DAY);
  await agencies(client);
  const staff = await staffOf(client, organisationId);
  const teams = await teamsOf(client, organisationId);
  const { rows } = await client.query<{ n: number }>(
    `select count(*)::int as n from household where organisation_id = $1 and tenancy_reference like 'SCL-%'`,
    [organisationId],
  );
  let households = rows[0]!.n;
  const { rows: superuser } = await client.query<{ on: string }>(
    `select current_setting('is_superuser') as on`,
  );
  for (let done = 0, k = 0; done < concerns; k++) {
    const size = Math.min(batch, concerns - done);
    const homes = Math.max(1, Math.round(size / 2.5));
    await client.query('begin');
    try {
      if (superuser[0]?.on === 'on') await client.query(`set local session_replication_role = replica`);
      await client.query(`select setseed($1)`, [
        ((((seed % 1_000_003) * 7919 + k) % 2_000_000) / 2_000_000) * 2 - 1,
      ]);
      await writeBatch(client, {
        organisationId,
        ...staff,
        teams,
        firstHousehold: households + 1,
        households: homes,
        concerns: size,
        from: new Date(from),
        now,
      });
      await client.query('commit');
    } catch (error) {
      await client.query('rollback').catch(() => undefined);
      throw error;
    }
    households += homes;
    done += size;
    options.progress?.(done);
  }
  // The reports' tallies, which the triggers (off while loading) keep.
  await rebuildTallies(client, organisationId);
}

interface BatchParams {
  organisationId: string;
  lead: string;
  manager: string;
  contractor: string;
  teams: string[];
  firstHousehold: number;
  households: number;
  concerns: number;
  from: Date;
  now: Date;
}

/** One batch: staging tables of what to write (dropped at commit), then one INSERT … SELECT per table. */
async function writeBatch(client: pg.ClientBase, p: BatchParams) {
  const q = (text: string, values: unknown[] = []) =>
    client.query(text, values).catch((error: Error) => {
      throw new Error(`${error.message}, in: ${text.trim().slice(0, 60)}…`);
    });
  const org = p.organisationId;
  // Households, their people and what each is like.
  await q(
    `create temp table s_household on commit drop as
     select n, gen_random_uuid() as id, gen_random_uuid() as adult, gen_random_uuid() as partner, gen_random_uuid() as child,
            r1 < 0.45 as has_partner, r2 < 0.45 as has_child,
            ${weightedSql('r3', SCALE_AREAS)} as area,
            -- the lead tenant is 19 to 90 at the start; a child 6 to 20 now (some adults now, children then)
            ($2::date - (365.25 * (19 + floor(r4 * 72)))::int) as adult_dob,
            ($3::date - (365.25 * (6 + r5 * 14))::int) as child_dob,
            ($2::date - (r6 * 3650)::int) as moved_in,
            r7, r8
       from (select $1::int + g - 1 as n, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
                    random() r7, random() r8
               from generate_series(1, $4::int) g) t`,
    [p.firstHousehold, p.from, p.now, p.households],
  );
  await q(
    `insert into household (id, organisation_id, tenancy_reference, address_line1, town, postcode, local_authority_area, tenure,
                            created_at, updated_at)
     select id, $1, 'SCL-' || lpad(n::text, 8, '0'), (1 + floor(r7 * 200))::int || ' ' ||
              (array['Alder','Beacon','Bramble','Cedar','Damson','Fennel','Hawthorn','Juniper','Larch','Maple','Rowan','Willow'])[1 + floor(r8 * 12)::int]
              || ' Road',
            split_part(area, ' ', 1), 'RV' || (1 + n % 19) || ' ' || (1 + n % 9) || 'SY', area,
            case when r7 < 0.75 then 'SOCIAL_RENT' when r7 < 0.9 then 'AFFORDABLE_RENT' else 'SUPPORTED_HOUSING' end, now(), now()
       from s_household`,
    [org],
  );
  await q(
    `insert into person (id, organisation_id, given_name, family_name, other_names, date_of_birth, vulnerability_factors,
                         interpreter_needed, created_at, updated_at)
     select p.id, $1, p.given, 'Scale-' || h.n, '{}', p.dob, '{}', false, now(), now()
       from s_household h
       cross join lateral (values (h.adult, 'Alex', h.adult_dob, true), (h.partner, 'Sam', h.adult_dob - 400, h.has_partner),
                                  (h.child, 'Charlie', h.child_dob, h.has_child)) as p(id, given, dob, present)
      where p.present`,
    [org],
  );
  await q(
    `insert into household_member (id, organisation_id, household_id, person_id, role, joined_on, created_at)
     select gen_random_uuid(), $1, h.id, p.id, p.role, greatest(h.moved_in, p.dob), now()
       from s_household h
       cross join lateral (values (h.adult, 'LEAD_TENANT', h.adult_dob, true), (h.partner, 'JOINT_TENANT', h.adult_dob - 400, h.has_partner),
                                  (h.child, 'OCCUPANT', h.child_dob, h.has_child)) as p(id, role, dob, present)
      where p.present`,
    [org],
  );
  // The concerns: when, about whom, what, and what became of them.
  await q(
    `create temp table s_concern on commit drop as
     with base as (
       select g, gen_random_uuid() as id, random() r1, random() r2, random() r3, random() r4, random() r5, random() r6,
              random() r7, random() r8, random() r9, random() r10, random() r11, random() r12, random() r13,
              -- more concerns in later years (reporting grows), at any hour but mostly in the working day
              date_trunc('milliseconds', $1::timestamptz + ($2::timestamptz - $1::timestamptz - interval '1 hour') * sqrt(random())) as at,
              -- the reporter's team, for staff and contractors
              random() as rt,
              -- a few households have many concerns
              $4::int + floor($3::int * power(random(), 1.6))::int as household_n
         from generate_series(1, $5::int) g
     ), placed as (
       select b.*, h.id as household_id, h.adult, h.partner, h.has_partner, h.adult_dob, h.child_dob,
              h.has_child and h.child_dob < b.at::date and b.at < (h.child_dob + interval '18 years') and b.r1 < 0.62 as about_child,
              h.child
         from base b join s_household h on h.n = b.household_n
     ), decided as (
       select p.*,
              ${weightedSql('r3', URGENCY_WEIGHTS)} as urgency,
              case when about_child and r2 < 0.4 then ${weightedSql('r4', CHILD_CATEGORIES)} else ${weightedSql('r4', SCALE_CATEGORIES)} end
                as category,
              ${weightedSql('r5', SCALE_REPORTERS)} as reporter_kind,
              ${weightedSql('r6', VIEWS)} as views_status,
              -- time to triage: half within about 3 hours, nine in ten within 2 days, a tail of a week
              date_trunc('milliseconds', at + make_interval(secs => 3600 * (0.25 + 3 * power(r7, 1.3) * exp(4 * r8 * r8)))) as triage_at
         from placed p
     )
     select d.*,
            case when triage_at < $2::timestamptz - interval '10 minutes' and r9 < 0.985 then triage_at end as triaged_at,
            case when urgency = 'LOW_LEVEL' then case when r10 < 0.8 then 'MONITOR_LOW_LEVEL' else 'NO_FURTHER_ACTION' end
                 when r10 < 0.40 then 'REFER' when r10 < 0.58 then 'OPEN_CASE' when r10 < 0.82 then 'NO_FURTHER_ACTION'
                 else 'MONITOR_LOW_LEVEL' end as decision,
            case when r11 < 0.45 then 'LOW' when r11 < 0.85 then 'MEDIUM' else 'HIGH' end as risk,
            triage_at + make_interval(days => 3 + floor(r12 * 40)::int) as close_at,
            extract(year from at)::int as year
       from decided d`,
    [p.from, p.now, p.households, p.firstHousehold, p.concerns],
  );
  await q(`update s_concern set decision = null, risk = null where triaged_at is null`);
  await q(
    `alter table s_concern add column reference text, add column status text, add column closed_at timestamptz`,
  );
  // Closed: decided and done with (no further action, monitoring, a referral sent) some days after.
  await q(
    `update s_concern set closed_at = case when decision is not null and decision <> 'OPEN_CASE' and close_at < $1 and r13 < 0.9
                                           then close_at end`,
    [p.now],
  );
  await q(
    `update s_concern set status = case when closed_at is not null then 'CLOSED' when triaged_at is not null then 'TRIAGED' else 'RAISED' end`,
  );
  // Numbered from the organisation's counter for the year, in the order raised.
  await q(
    `create temp table s_counter on commit drop as
     with counts as (select year, count(*)::int as n from s_concern group by year)
     select year, n, 0 as last from counts`,
  );
  await q(
    `with bumped as (
       insert into concern_reference_counter (organisation_id, year, last)
       select $1, year, n from s_counter
       on conflict (organisation_id, year) do update set last = concern_reference_counter.last + excluded.last
       returning year, last)
     update s_counter c set last = b.last - c.n from bumped b where b.year = c.year`,
    [org],
  );
  await q(
    `update s_concern s set reference = 'SG-' || s.year || '-' || lpad((c.last + o.k)::text, 6, '0')
       from s_counter c,
            (select id, row_number() over (partition by year order by at, id) as k from s_concern) o
      where c.year = s.year and o.id = s.id`,
  );
  await q(
    `insert into concern (id, reference, organisation_id, raised_by_id, reporter_kind, status, urgency, categories, primary_category,
                          subject_description, location, what_happened, happened_at, views_status, views, views_not_asked_reason,
                          consent_status, consent_reason, raised_at, updated_at, household_id, reporter_tenant_ref, reporter_contact_name,
                          triage_decision, risk_level, triage_reason, triaged_at, triaged_by_id, closed_at, close_reason, closed_by_id, version,
                          team_id, triage_working_seconds, youngest_subject_born)
     select id, reference, $1,
            case reporter_kind when 'STAFF' then $2::uuid when 'CONTRACTOR' then $3::uuid end,
            reporter_kind, status, urgency, array[category], category, 'A member of the household', 'At home',
            'Synthetic data for the reports', at - interval '2 hours', views_status,
            case when views_status = 'ASKED_EXPRESSED' then 'Synthetic data: wants to stay at home and be safe' end,
            case when views_status = 'NOT_ASKED' then 'Synthetic data' end,
            case when r13 < 0.4 then 'GIVEN' else 'NOT_SOUGHT' end, case when r13 >= 0.4 then 'Synthetic data' end,
            at, coalesce(closed_at, triaged_at, at), household_id,
            case when reporter_kind = 'TENANT' then 'SCL-T' end,
            case when reporter_kind = 'PUBLIC' then 'A neighbour' end,
            decision, risk, case when decision is not null then 'Synthetic data' end, triaged_at,
            case when decision is not null then $2::uuid end,
            closed_at, case when closed_at is not null then 'Synthetic data' end, case when closed_at is not null then $2::uuid end,
            case status when 'RAISED' then 1 when 'TRIAGED' then 2 else 3 end,
            case when reporter_kind = 'CONTRACTOR' then $4::uuid when reporter_kind = 'STAFF' then ($5::uuid[])[1 + floor(rt * 3)::int] end,
            case when triaged_at is not null then ${WORKING_SECONDS} end,
            -- what the concern_person_youngest trigger (off while loading) keeps: the one subject's
            case when about_child then child_dob else adult_dob end
       from s_concern`,
    [org, p.lead, p.contractor, p.teams[3], p.teams.slice(0, 3)],
  );
  await q(
    `insert into concern_count (organisation_id, concerns)
     select $1, $2::bigint where current_setting('session_replication_role') = 'replica'
     on conflict (organisation_id) do update set concerns = concern_count.concerns + excluded.concerns`,
    [org, p.concerns],
  );
  await q(
    `insert into concern_person (id, organisation_id, concern_id, person_id, role, ordinal)
     select gen_random_uuid(), $1::uuid, id, case when about_child then child else adult end, 'SUBJECT', 0 from s_concern
     union all
     select gen_random_uuid(), $1::uuid, id, partner, 'ALLEGED_SOURCE', 0 from s_concern
      where has_partner and (about_child or category in ('DOMESTIC_ABUSE', 'PHYSICAL', 'FINANCIAL')) and r2 < 0.5`,
    [org],
  );
  await q(
    `insert into concern_triage (id, organisation_id, concern_id, decision, risk_level, reason, decided_by_id, decided_at)
     select gen_random_uuid(), $1, id, decision, risk, 'Synthetic data', $2, triaged_at from s_concern where triaged_at is not null`,
    [org, p.lead],
  );
  await writeCases(q, p);
  await writeReferrals(q, p);
  await writeFlags(q, p);
  await writeFeedbackAndWarnings(q, p);
  await writeChronology(q, p);
}

type Q = (text: string, values?: unknown[]) => Promise<unknown>;

/** Cases opened at triage (OPEN_CASE), reviewed every 6 weeks; most of the older ones closed with their outcome. */
async function writeCases(q: Q, p: BatchParams) {
  await q(
    `create temp table s_case on commit drop as
     select gen_random_uuid() as case_id, c.id as concern_id, c.household_id, c.about_child, c.adult, c.child, c.triaged_at as opened_at,
            c.views_status, r.r1, r.r2, r.r3,
            case when c.triaged_at + interval '30 days' + make_interval(days => floor(r.r1 * 150)::int) < $1
                      and r.r2 < 0.85 then c.triaged_at + interval '30 days' + make_interval(days => floor(r.r1 * 150)::int) end as closed_at
       from s_concern c cross join lateral (select random() r1, random() r2, random() r3 where c.id is not null) r
      where c.decision = 'OPEN_CASE'`,
    [p.now],
  );
  await q(
    `insert into safeguarding_case (organisation_id, id, status, household_id, lead_worker_id, opened_by_id, opened_at, review_every_weeks,
                                    next_review_due, desired_outcomes_status, desired_outcomes, desired_outcomes_not_asked_reason,
                                    outcomes_asked, outcomes_not_asked_reason, outcomes_achieved, risk_outcome, closed_at, closed_by_id, version)
     select $1, case_id, case when closed_at is null then 'OPEN' else 'CLOSED' end, household_id, $2, $2, opened_at, 6,
            opened_at + interval '6 weeks' * (1 + floor(extract(epoch from (coalesce(closed_at, $3) - opened_at)) / (6 * 7 * 86400))),
            views_status, case when views_status = 'ASKED_EXPRESSED' then 'Synthetic data: to feel safe at home' end,
            case when views_status = 'NOT_ASKED' then 'Synthetic data' end,
            case when closed_at is not null then r3 < 0.85 end,
            case when closed_at is not null and r3 >= 0.85 then 'Synthetic data' end,
            case when closed_at is not null and r3 < 0.85 then ${weightedSql('r1', [
              ['FULLY', 55],
              ['PARTIALLY', 35],
              ['NOT_ACHIEVED', 10],
            ])} end,
            case when closed_at is not null then ${weightedSql('r2', [
              ['REDUCED', 60],
              ['REMOVED', 25],
              ['REMAINS', 15],
            ])} end,
            closed_at, case when closed_at is not null then $2::uuid end, case when closed_at is null then 1 else 2 end
       from s_case`,
    [p.organisationId, p.lead, p.now],
  );
  // Each case's open period, as the case_open_period trigger (off while loading) keeps it.
  await q(
    `insert into case_open_period (organisation_id, id, case_id, opened_at, closed_at)
     select $1, gen_random_uuid(), case_id, opened_at, closed_at from s_case`,
    [p.organisationId],
  );
  await q(
    `insert into case_concern (organisation_id, id, case_id, concern_id, attached_at)
     select $1, gen_random_uuid(), case_id, concern_id, opened_at from s_case`,
    [p.organisationId],
  );
  await q(
    `insert into case_person (organisation_id, id, case_id, person_id, ordinal)
     select $1, gen_random_uuid(), case_id, case when about_child then child else adult end, 0 from s_case`,
    [p.organisationId],
  );
  // A case's concern is closed with the case.
  await q(
    `update concern c set status = 'CLOSED', closed_at = s.closed_at, close_reason = 'Synthetic data: the case was closed',
                          closed_by_id = $2, updated_at = s.closed_at, version = 3
       from s_case s where c.organisation_id = $1 and c.id = s.concern_id and s.closed_at is not null`,
    [p.organisationId, p.lead],
  );
  await q(
    `update s_concern c set status = 'CLOSED', closed_at = s.closed_at from s_case s where s.concern_id = c.id and s.closed_at is not null`,
  );
}

/**
 * Referrals for REFER decisions, sent minutes after triage to an agency chosen by what the concern
 * is about, due by the default working days for its type; then the agency's moves: acknowledged
 * within hours, accepted or declined (most before the due date, some late), accepted ones closed
 * with an outcome weeks later; a few withdrawn by the sender. A move that would fall after `now`
 * has not happened: the referral waits where it is, and one past its due date is overdue.
 */
async function writeReferrals(q: Q, p: BatchParams) {
  await q(
    `create temp table s_referral on commit drop as
     with chosen as (
       select c.*, gen_random_uuid() as referral_id, c.triaged_at + make_interval(mins => 5 + floor(c.r12 * 120)::int) as sent_at,
              random() as a1, random() as a2, random() as a3, random() as a4, random() as a5, random() as a6
         from s_concern c where c.decision = 'REFER'
     ), typed as (
       select ch.*,
              case when about_child then ${agencyOf('a1', AGENCIES_FOR_CHILD)}
                   when category = 'DOMESTIC_ABUSE' then ${agencyOf('a1', AGENCIES_FOR_DOMESTIC_ABUSE)}
                   when category in ('MENTAL_HEALTH_CRISIS', 'SELF_HARM') then ${agencyOf('a1', AGENCIES_FOR_MENTAL_HEALTH)}
                   else ${agencyOf('a1', AGENCIES_FOR_ADULT)} end as agency_type
         from chosen ch
     ), due as (
       select t.*, a.id as agency_id, a.name as agency_name, a.officer, a.officer_name,
              ((w.day + 1)::timestamp at time zone 'Europe/London') as respond_by
         from typed t
         join scale_agency a on a.agency_type = t.agency_type
         join scale_calendar cal on cal.day = (t.sent_at at time zone 'Europe/London')::date
         join scale_working_day w
           on w.n = case when (t.sent_at at time zone 'Europe/London')::time < time '17:00' then cal.start_before else cal.start_after end
                    + ${workingDaysSql}
     )
     select d.*,
            d.sent_at + make_interval(mins => 20 + floor(a2 * 600)::int) as ack_at,
            -- the decision: before the due date for most, up to a week late for some
            -- (and a few never: they wait, overdue, until someone chases them)
            case when a3 > 0.985 then null
                 when a3 < 0.85 then d.sent_at + (d.respond_by - d.sent_at) * (0.1 + 0.85 * a4)
                 else d.respond_by + make_interval(hours => 1 + floor(a4 * 160)::int) end as decided_at,
            ${weightedSql('a5', [
              ['ACCEPTED', 82],
              ['DECLINED', 13],
              ['WITHDRAWN', 5],
            ])} as path,
            ${weightedSql('a6', OUTCOMES)} as outcome,
            make_interval(days => 7 + floor(a6 * 60)::int) as open_for
       from due d`,
  );
  // Where each referral has got to by now.
  await q(
    `alter table s_referral add column referral_status text, add column acknowledged timestamptz, add column decided timestamptz,
                            add column closed timestamptz, add column withdrawn timestamptz`,
  );
  await q(
    `update s_referral set
       acknowledged = case when ack_at <= $1 and not (path = 'WITHDRAWN' and a2 < 0.3) and not (a3 > 0.985 and a2 < 0.5) then ack_at end,
       decided = case when path <> 'WITHDRAWN' and ack_at <= $1 and decided_at <= $1 then greatest(decided_at, ack_at + interval '1 minute') end,
       withdrawn = case when path = 'WITHDRAWN' and ack_at + interval '1 day' <= $1 then ack_at + interval '1 day' end`,
    [p.now],
  );
  await q(
    `update s_referral set closed = case when path = 'ACCEPTED' and decided + open_for <= $1 and a4 < 0.9 then decided + open_for end`,
    [p.now],
  );
  await q(
    `update s_referral set referral_status = case when closed is not null then 'CLOSED' when withdrawn is not null then 'WITHDRAWN'
                                         when decided is not null then path when acknowledged is not null then 'ACKNOWLEDGED' else 'SENT' end`,
  );
  await q(
    `insert into referral (id, organisation_id, recipient_organisation_id, concern_id, reason, legal_basis, legal_basis_reason, shared,
                           status, version, household_id, person_ids, sent_by_id, sent_at, respond_by, responded_at, outcome)
     select r.referral_id, $1, r.agency_id, r.id, 'Synthetic data: referred for an assessment',
            case when r.r13 < 0.4 then 'CONSENT' when r.about_child then 'RISK_TO_CHILD' else 'RISK_TO_ADULT' end,
            case when r.r13 >= 0.4 then 'Synthetic data' end,
            jsonb_build_object('concernReference', r.reference, 'raisedAt', r.at, 'urgency', r.urgency, 'categories', jsonb_build_array(r.category),
                               'summary', 'Synthetic data: referred for an assessment', 'whatWasReported', 'Synthetic data for the reports',
                               'happenedAt', r.at - interval '2 hours', 'where', 'At home', 'viewsStatus', r.views_status, 'views', null,
                               'consentStatus', case when r.r13 < 0.4 then 'GIVEN' else 'NOT_SOUGHT' end, 'people', '[]'::jsonb),
            r.referral_status, 1 + (r.acknowledged is not null)::int + (r.decided is not null)::int + (r.closed is not null)::int
                        + (r.withdrawn is not null)::int,
            r.household_id, array[case when r.about_child then r.child else r.adult end], $2, r.sent_at, r.respond_by,
            -- what the referral_move_response trigger (off while loading) copies from the moves
            r.decided, case when r.closed is not null then r.outcome end
       from s_referral r`,
    [p.organisationId, p.lead],
  );
  await q(
    `create temp table s_move on commit drop as
     select r.referral_id, m.*, row_number() over (partition by r.referral_id order by m.at) + 1 as version,
            r.agency_id, r.officer, r.officer_name, r.household_id, r.adult, r.child, r.about_child, r.agency_name, r.reference
       from s_referral r
       cross join lateral (values
         ('SENT', 'ACKNOWLEDGED', r.acknowledged, null::text, null::text, true),
         ('ACKNOWLEDGED', r.path, r.decided, case when r.path = 'DECLINED' then 'Synthetic data: does not meet the threshold' end, null, true),
         ('ACCEPTED', 'CLOSED', r.closed, null, r.outcome, true),
         (case when r.acknowledged is null then 'SENT' else 'ACKNOWLEDGED' end, 'WITHDRAWN', r.withdrawn,
          'Synthetic data: no longer needed', null, false)
       ) as m("from", "to", at, reason, outcome, by_agency)
      where m.at is not null`,
  );
  await q(
    `insert into referral_move (organisation_id, id, referral_id, "from", "to", reason, outcome, outcome_detail, by_organisation_id,
                                by_user_id, by_name, at)
     select $1, gen_random_uuid(), referral_id, "from", "to", reason, outcome, case when outcome = 'OTHER' then 'Synthetic data' end,
            case when by_agency then agency_id else $1 end, case when by_agency then officer else $2 end,
            case when by_agency then officer_name else 'Synthetic lead' end, at
       from s_move`,
    [p.organisationId, p.lead],
  );
  await q(
    `insert into referral_event (organisation_id, referral_id, recipient_organisation_id, kind, status, version, by_organisation_id, at)
     select * from (
       select $1::uuid, referral_id, agency_id, 'SENT', 'SENT', 1, $1::uuid, sent_at from s_referral
       union all
       select $1::uuid, referral_id, agency_id, 'MOVED', "to", version::int, case when by_agency then agency_id else $1::uuid end, at from s_move
     ) e order by 8`,
    [p.organisationId],
  );
}

/**
 * Cumulative-concern flags, by the default rule (3 low-level concerns about a household within 12
 * months): walking each household's low-level concerns in order, a flag is raised at the concern
 * that makes three not yet behind a flag within the window, linked to them, with its triage task
 * (done when reviewed); flags over a fortnight old have been reviewed, so later concerns count
 * towards a new one. (The service also counts per person; about the subject of a one-subject
 * concern in a household of one adult, the same.)
 */
async function writeFlags(q: Q, p: BatchParams) {
  await q(
    `create temp table s_flag (flag_id uuid, household_id uuid, raised_at timestamptz, concern_ids uuid[]) on commit drop`,
  );
  await q(
    `do $$
     declare
       r record; current_household uuid; pending uuid[]; pending_at timestamptz[]; open_since timestamptz; flag uuid;
     begin
       for r in select id, household_id, at from s_concern
                 where urgency = 'LOW_LEVEL' or decision = 'MONITOR_LOW_LEVEL' order by household_id, at, id loop
         if current_household is distinct from r.household_id then
           current_household := r.household_id; pending := '{}'; pending_at := '{}'; open_since := null; flag := null;
         end if;
         -- a flag open for under a fortnight takes the concern; after that it has been reviewed
         if flag is not null and r.at < open_since + interval '14 days' then
           update s_flag set concern_ids = concern_ids || r.id where flag_id = flag;
           continue;
         end if;
         flag := null;
         -- keep the pending concerns within the window, then add this one
         while cardinality(pending_at) > 0 and pending_at[1] <= r.at - interval '12 months' loop
           pending := pending[2:]; pending_at := pending_at[2:];
         end loop;
         pending := pending || r.id; pending_at := pending_at || r.at;
         if cardinality(pending) >= 3 then
           flag := gen_random_uuid(); open_since := r.at;
           insert into s_flag values (flag, r.household_id, r.at + interval '1 minute', pending);
           pending := '{}'; pending_at := '{}';
         end if;
       end loop;
     end $$`,
  );
  await q(
    `insert into cumulative_flag (id, organisation_id, subject_type, household_id, status, threshold, window_months, raised_at,
                                  reviewed_by_id, reviewed_at, review_reason)
     select flag_id, $1, 'HOUSEHOLD', household_id, case when raised_at > $3::timestamptz - interval '14 days' then 'OPEN' else 'REVIEWED' end,
            3, 12, raised_at,
            case when raised_at <= $3::timestamptz - interval '14 days' then $2::uuid end,
            case when raised_at <= $3::timestamptz - interval '14 days' then raised_at + interval '3 days' end,
            case when raised_at <= $3::timestamptz - interval '14 days' then 'Synthetic data: looked at together' end
       from s_flag`,
    [p.organisationId, p.lead, p.now],
  );
  await q(
    `insert into cumulative_flag_concern (id, organisation_id, flag_id, concern_id)
     select gen_random_uuid(), $1, f.flag_id, c from s_flag f cross join unnest(f.concern_ids) c`,
    [p.organisationId],
  );
  await q(
    `insert into task (id, organisation_id, kind, source_type, source_id, status, created_at, due_at, done_at, done_by_id)
     select gen_random_uuid(), $1, 'TRIAGE_CUMULATIVE_FLAG', 'CumulativeFlag', flag_id,
            case when raised_at > $3::timestamptz - interval '14 days' then 'OPEN' else 'DONE' end, raised_at, raised_at + interval '2 days',
            case when raised_at <= $3::timestamptz - interval '14 days' then raised_at + interval '3 days' end,
            case when raised_at <= $3::timestamptz - interval '14 days' then $2::uuid end
       from s_flag`,
    [p.organisationId, p.lead, p.now],
  );
}

/**
 * Feedback on about one closed concern in twelve, within a month of closing, each rating most of
 * the six principles (scores skewed to good, as tenant surveys are); warnings on about a quarter of
 * households, signed off by a manager, reviewed at most 12 months after they were set, some ended,
 * some overdue for review now.
 */
async function writeFeedbackAndWarnings(q: Q, p: BatchParams) {
  await q(
    `create temp table s_feedback on commit drop as
     select gen_random_uuid() as id, c.id as concern_id, f.*
       from s_concern c
       cross join lateral (select random() f0, random() f1, random() f2, random() f3,
                                  c.closed_at + make_interval(days => 1 + floor(random() * 30)::int) as received
                           where c.id is not null) f
      where c.closed_at is not null and f.f0 < 0.085 and f.received <= $1`,
    [p.now],
  );
  await q(
    `insert into feedback (id, organisation_id, received_at, comment, anonymous, name, language, channel, concern_id)
     select id, $1, received, case when f3 < 0.3 then 'Synthetic data: thank you for listening' end, f1 < 0.4,
            case when f1 >= 0.4 then 'A tenant' end, case when f2 < 0.05 then 'cy' else 'en' end,
            ${weightedSql('f2', [
              ['WEB', 50],
              ['PHONE', 25],
              ['PAPER', 10],
              ['IN_PERSON', 15],
            ])}, case when f1 >= 0.4 then concern_id end
       from s_feedback`,
    [p.organisationId],
  );
  await q(
    `insert into feedback_rating (id, organisation_id, feedback_id, principle, score)
     select gen_random_uuid(), $1, f.id, pr.principle, s.score
       from s_feedback f
       cross join unnest(array['EMPOWERMENT','PREVENTION','PROPORTIONALITY','PROTECTION','PARTNERSHIP','ACCOUNTABILITY']) as pr(principle)
       cross join lateral (select random() as x, random() as y where pr.principle is not null and f.id is not null) r
       cross join lateral (select (case when r.y < 0.05 then 1 when r.y < 0.13 then 2 when r.y < 0.30 then 3 when r.y < 0.65 then 4 else 5 end)::smallint
                             as score) s
      where r.x < 0.85`,
    [p.organisationId],
  );
  await q(
    `create temp table s_warning on commit drop as
     select gen_random_uuid() as id, h.id as household_id, case when w.w1 < 0.5 then h.adult end as person_id, w.*,
            ${weightedSql('w.w2', [
              ['RISK_TO_STAFF', 25],
              ['ADULT_AT_RISK', 25],
              ['DISCLOSURE_RISK', 15],
              ['RISK_TO_CHILDREN', 15],
              ['RISK_TO_ADULTS', 10],
              ['MARAC_CASE', 5],
              ['PROTECTION_ORDER', 5],
            ])} as type
       from s_household h
       cross join lateral (select random() w1, random() w2, random() w3, random() w4, random() w5 where h.id is not null) w
      where h.r8 < 0.25`,
  );
  await q(
    `alter table s_warning add column status text, add column created timestamptz, add column review date, add column ended timestamptz`,
  );
  // Active ones are reviewed as they fall due, so their review date is from two months ago to 11 months ahead.
  await q(
    `update s_warning set
       status = case when w3 < 0.04 then 'PENDING_SIGN_OFF' when w3 < 0.2 then 'ENDED' else 'ACTIVE' end,
       created = case when w3 < 0.04 then $1::timestamptz - make_interval(days => 1 + floor(w4 * 20)::int)
                      else $2::timestamptz + ($1::timestamptz - $2::timestamptz - interval '30 days') * w4 end`,
    [p.now, p.from],
  );
  await q(
    `update s_warning set
       review = case when status = 'ACTIVE' then greatest($1::date - 60 + floor(w5 * 390)::int, created::date + 1)
                     else created::date + 30 + floor(w5 * 300)::int end,
       ended = case when status = 'ENDED' then least(created + make_interval(days => 10 + floor(random() * 350)::int), $1::timestamptz) end`,
    [p.now],
  );
  await q(
    `update s_warning set review = least(review, (created + interval '12 months')::date) where status <> 'ACTIVE'`,
  );
  await q(
    `update s_warning set created = greatest(created, (review - interval '12 months')::timestamptz + interval '1 day') where status = 'ACTIVE'`,
  );
  await q(
    `insert into warning (id, organisation_id, household_id, person_id, type, description, review_date, told_status, not_told_reason,
                          status, created_by_id, signed_off_by_id, signed_off_at, ended_at, end_reason, ended_by_id, version, created_at, updated_at)
     select id, $1, case when person_id is null then household_id end, person_id, type, 'Synthetic data', review, 'NOT_TOLD', 'Synthetic data',
            status, $2, case when status <> 'PENDING_SIGN_OFF' then $3::uuid end,
            case when status <> 'PENDING_SIGN_OFF' then created + interval '1 day' end,
            ended, case when ended is not null then 'Synthetic data' end, case when ended is not null then $3::uuid end,
            case status when 'PENDING_SIGN_OFF' then 1 when 'ACTIVE' then 2 else 3 end, created, coalesce(ended, created + interval '1 day')
       from s_warning`,
    [p.organisationId, p.lead, p.manager],
  );
}

/** The chronology the services write for what the batch holds. */
async function writeChronology(q: Q, p: BatchParams) {
  const [org, lead, manager] = [p.organisationId, p.lead, p.manager];
  await q(
    `insert into chronology_entry (id, organisation_id, kind, occurred_at, recorded_at, household_id, person_ids, source_type, source_id,
                                   summary, detail, recorded_by_id, pinned)
     select gen_random_uuid(), $1, e.kind, e.at, e.at, e.household, e.people, e.source_type, e.source, e.summary, e.detail, e.by, false
       from (
         select 'MEMBER_JOINED' as kind, m.joined_on::timestamptz as at, m.household_id as household, array[m.person_id] as people,
                'HouseholdMember' as source_type, m.id as source, 'Joined the household (' || m.role || ')' as summary,
                jsonb_build_object('role', m.role, 'joinedOn', m.joined_on) as detail, $2::uuid as by
           from household_member m join s_household h on h.id = m.household_id where m.organisation_id = $1
         union all
         select 'CONCERN_RAISED', c.at - interval '2 hours', c.household_id, array[case when c.about_child then c.child else c.adult end],
                'Concern', c.id, 'Concern ' || c.reference || ' raised (' || c.urgency || ', ' || c.category || ')',
                jsonb_build_object('reference', c.reference, 'urgency', c.urgency, 'categories', jsonb_build_array(c.category),
                                   'reporterKind', c.reporter_kind), $2::uuid
           from s_concern c
         union all
         select 'CONCERN_TRIAGED', c.triaged_at, c.household_id, array[case when c.about_child then c.child else c.adult end], 'Concern', c.id,
                'Concern ' || c.reference || ' triaged: ' || c.decision || ', risk ' || c.risk,
                jsonb_build_object('reference', c.reference, 'decision', c.decision, 'riskLevel', c.risk, 'reason', 'Synthetic data'), $2::uuid
           from s_concern c where c.triaged_at is not null
         union all
         select 'CONCERN_CLOSED', c.closed_at, c.household_id, array[case when c.about_child then c.child else c.adult end], 'Concern', c.id,
                'Concern ' || c.reference || ' closed', jsonb_build_object('reference', c.reference, 'reason', 'Synthetic data'), $2::uuid
           from s_concern c where c.closed_at is not null
         union all
         select 'CASE_OPENED', s.opened_at, s.household_id, array[case when s.about_child then s.child else s.adult end], 'Case', s.case_id,
                'Case opened, reviewed every 6 weeks', jsonb_build_object('reviewEveryWeeks', 6), $2::uuid
           from s_case s
         union all
         select 'CASE_CLOSED', s.closed_at, s.household_id, array[case when s.about_child then s.child else s.adult end], 'Case', s.case_id,
                'Case closed', '{}'::jsonb, $2::uuid
           from s_case s where s.closed_at is not null
         union all
         select 'REFERRAL_SENT', r.sent_at, r.household_id, array[case when r.about_child then r.child else r.adult end], 'Referral',
                r.referral_id, 'Referred ' || r.reference || ' to ' || r.agency_name, '{}'::jsonb, $2::uuid
           from s_referral r
         union all
         select 'REFERRAL_' || m."to", m.at, m.household_id, array[case when m.about_child then m.child else m.adult end], 'Referral',
                m.referral_id, initcap(m."to") || ' by ' || case when m.by_agency then m.agency_name else 'us' end,
                jsonb_build_object('from', m."from", 'to', m."to", 'outcome', m.outcome),
                case when m.by_agency then null else $2::uuid end
           from s_move m
         union all
         select 'CUMULATIVE_FLAG_RAISED', f.raised_at, f.household_id, '{}'::uuid[], 'CumulativeFlag', f.flag_id,
                'Cumulative concern: ' || cardinality(f.concern_ids) || ' low-level concerns within 12 months',
                jsonb_build_object('concernIds', to_jsonb(f.concern_ids), 'threshold', 3, 'windowMonths', 12), $2::uuid
           from s_flag f
         union all
         select 'WARNING_ADDED', w.created, w.household_id, case when w.person_id is null then '{}'::uuid[] else array[w.person_id] end, 'Warning', w.id, 'Warning added: ' || w.type,
                jsonb_build_object('type', w.type, 'status', 'PENDING_SIGN_OFF', 'reviewDate', w.review), $2::uuid
           from s_warning w
         union all
         select 'WARNING_SIGNED_OFF', w.created + interval '1 day', w.household_id, case when w.person_id is null then '{}'::uuid[] else array[w.person_id] end, 'Warning', w.id,
                'Warning signed off by a manager: ' || w.type, jsonb_build_object('type', w.type, 'status', 'ACTIVE', 'reviewDate', w.review),
                $3::uuid
           from s_warning w where w.status <> 'PENDING_SIGN_OFF'
         union all
         select 'WARNING_ENDED', w.ended, w.household_id, case when w.person_id is null then '{}'::uuid[] else array[w.person_id] end, 'Warning', w.id, 'Warning ended: ' || w.type,
                jsonb_build_object('type', w.type, 'reason', 'Synthetic data'), $3::uuid
           from s_warning w where w.ended is not null
       ) e`,
    [org, lead, manager],
  );
}
