import { Migration } from '@mikro-orm/migrations';
import { bankHolidays } from '../../common/working-days.js';

/** The years `working_day_number` covers: a referral sent or answered outside them cannot be tallied. */
export const WORKING_DAY_YEARS = { first: 1970, last: 2199 };

/**
 * Summary tables for the referral, case and feedback reports (issue 15, docs/performance.md), in the
 * pattern of `report_tally`'s concern counts: one facts function per table, used by the triggers
 * (the difference between what a row counted for and what it counts for now, in the changing
 * transaction) and by the rebuild alike.
 *
 * - Referrals, by the UK day sent, in their concern's household's area and their concern's team:
 *   sent, responded and responded in time by agency type, status now, outcome by agency type, and
 *   a histogram of the working days each took to respond by agency type. They move when their
 *   concern's household or team changes, when that household changes area, and when the recipient's
 *   agency type changes. "Overdue now" depends on the moment of asking, so it stays a query, of the
 *   few referrals still awaiting a response (`referral_awaiting`, a partial index).
 * - Cases, in their household's area and in every team that raised a concern attached to them (once
 *   under each team): each open period's opening and closing by UK day, and for a case closed now,
 *   its closure, outcomes asked, achieved and risk by the day it was closed.
 * - Feedback, for the whole organisation only, by the UK day received: responses, with a comment,
 *   from a link, and per principle the number of scores and their sum.
 *
 * Working days are counted in SQL from `working_day_number`, filled here from `working-days.ts`
 * (the England and Wales calendar due dates use) for 1970 to 2199. A change to that calendar needs
 * a migration that fills the table again and rebuilds the referral tallies
 * (`doorstep_referral_tally_rebuild` for every organisation).
 */
export class Migration20261207152000_report_tally_referrals_cases extends Migration {
  override async up(): Promise<void> {
    // For every day, how many working days come before it: working days between two days are the
    // difference of their numbers (referral-figures.ts, "working days to respond").
    this.addSql(`create table "working_day_number" ("day" date primary key, "n" int not null);`);
    const holidays: string[] = [];
    for (let year = WORKING_DAY_YEARS.first; year <= WORKING_DAY_YEARS.last; year++)
      holidays.push(...bankHolidays(year));
    this.addSql(`insert into working_day_number (day, n)
      select d, coalesce(count(*) filter (where extract(isodow from d) < 6 and d <> all(h.days))
                           over (order by d rows between unbounded preceding and 1 preceding), 0)::int
        from generate_series(date '${WORKING_DAY_YEARS.first}-01-01', date '${WORKING_DAY_YEARS.last}-12-31', interval '1 day') s,
             lateral (select s::date as d) x,
             (select '{${holidays.join(',')}}'::date[] as days) h;`);
    this.addSql(`create function doorstep_working_day_number(d date) returns int language sql stable
      set search_path = public, pg_temp as $$ select n from working_day_number where day = d $$;`);

    // Indexes the triggers look rows up by.
    this.addSql(`create index "referral_concern" on "referral" ("organisation_id", "concern_id");`);
    this.addSql(`create index "case_open_period_case" on "case_open_period" ("organisation_id", "case_id");`);
    // The referrals "overdue now" is counted from: those still awaiting a response.
    this.addSql(`create index "referral_awaiting" on "referral" ("organisation_id", "sent_at")
      include ("respond_by", "recipient_organisation_id", "concern_id", "status")
      where "status" in ('SENT', 'ACKNOWLEDGED');`);

    this.referrals();
    this.cases();
    this.feedback();

    this.addSql(`select doorstep_referral_tally_rebuild(id), doorstep_case_tally_rebuild(id),
      doorstep_feedback_tally_rebuild(id) from organisation;`);
  }

  private referrals(): void {
    this.addSql(`create function doorstep_agency_type(in_organisation uuid) returns text
      language sql stable security definer set search_path = public, pg_temp as $$
        select coalesce((select agency_type from organisation where id = in_organisation), 'OTHER')
      $$;`);
    // Where a concern's referrals count: its household's area, its team.
    this.addSql(`create function doorstep_concern_place(org uuid, in_concern uuid)
      returns table (area text, team_id uuid) language sql stable security definer
      set search_path = public, pg_temp as $$
        select doorstep_household_area(c.organisation_id, c.household_id), c.team_id
          from concern c where c.organisation_id = org and c.id = in_concern
      $$;`);
    // What one referral counts for, to an agency of the type given: each fact once, on the UK day
    // it was sent. Working days to respond are counted as due dates are (referral-figures.ts).
    this.addSql(`create function doorstep_referral_facts(r referral, in_agency text)
      returns table (day date, kind text, key text) language sql stable as $$
        select (r.sent_at at time zone 'Europe/London')::date, f.kind, f.key
          from (values
            ('referral.sent', in_agency),
            ('referral.status', r.status),
            (case when r.responded_at is not null then 'referral.responded' end, in_agency),
            (case when r.responded_at < r.respond_by then 'referral.in_time' end, in_agency),
            (case when r.outcome is not null then 'referral.outcome' end, in_agency || ':' || r.outcome),
            (case when r.responded_at is not null then 'referral.response_days' end,
             in_agency || ':' || greatest(0,
               doorstep_working_day_number((r.responded_at at time zone 'Europe/London')::date)
               - doorstep_working_day_number((r.sent_at at time zone 'Europe/London')::date
                   + case when (r.sent_at at time zone 'Europe/London')::time < time '17:00' then 0 else 1 end)))
          ) f(kind, key)
         where r.id is not null and f.kind is not null
      $$;`);
    this.addSql(`create function doorstep_referral_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select coalesce(new.organisation_id, old.organisation_id), f.day, g.area, g.team_id, f.kind, f.key, sum(f.n)::int
          from (select p.area, p.team_id, o.*, -1 as n
                  from doorstep_concern_place(old.organisation_id, old.concern_id) p,
                       doorstep_referral_facts(old, doorstep_agency_type(old.recipient_organisation_id)) o
                 where tg_op <> 'INSERT'
                union all
                select p.area, p.team_id, o.*, 1
                  from doorstep_concern_place(new.organisation_id, new.concern_id) p,
                       doorstep_referral_facts(new, doorstep_agency_type(new.recipient_organisation_id)) o
                 where tg_op <> 'DELETE') f,
               lateral doorstep_tally_grains(f.area, f.team_id) g
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this
      .addSql(`create trigger referral_tally after insert or delete or update of sent_at, status, respond_by,
        responded_at, outcome, concern_id, recipient_organisation_id on "referral"
      for each row execute function doorstep_referral_tally();`);
    // A concern moved to another household or team: its referrals move with it.
    this.addSql(`create function doorstep_concern_referral_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select new.organisation_id, f.day, g.area, g.team_id, f.kind, f.key, sum(p.n)::int
          from referral r,
               lateral (select doorstep_household_area(old.organisation_id, old.household_id) as area, old.team_id as team_id, -1 as n
                        union all
                        select doorstep_household_area(new.organisation_id, new.household_id), new.team_id, 1) p,
               lateral doorstep_referral_facts(r, doorstep_agency_type(r.recipient_organisation_id)) f,
               lateral doorstep_tally_grains(p.area, p.team_id) g
         where r.organisation_id = new.organisation_id and r.concern_id = new.id
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(p.n) <> 0;
        return null;
      end $$;`);
    this.addSql(`create trigger concern_referral_tally after update of household_id, team_id on "concern"
      for each row when (old.household_id is distinct from new.household_id or old.team_id is distinct from new.team_id)
      execute function doorstep_concern_referral_tally();`);
    // A household moved to another area: the referrals about its concerns move with it.
    this.addSql(`create function doorstep_household_referral_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select new.organisation_id, f.day, g.area, g.team_id, f.kind, f.key, sum(p.n)::int
          from concern c
          join referral r on r.organisation_id = c.organisation_id and r.concern_id = c.id,
               lateral (values (old.local_authority_area, -1), (new.local_authority_area, 1)) p(area, n),
               lateral doorstep_referral_facts(r, doorstep_agency_type(r.recipient_organisation_id)) f,
               lateral doorstep_tally_grains(p.area, c.team_id) g
         where c.organisation_id = new.organisation_id and c.household_id = new.id
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(p.n) <> 0;
        return null;
      end $$;`);
    this.addSql(`create trigger household_referral_tally after update of local_authority_area on "household"
      for each row when (old.local_authority_area is distinct from new.local_authority_area)
      execute function doorstep_household_referral_tally();`);
    // An agency's type changed: every referral to it (from any organisation) counts under the new one.
    this.addSql(`create function doorstep_agency_referral_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select r.organisation_id, f.day, g.area, g.team_id, f.kind, f.key, sum(a.n)::int
          from referral r,
               lateral doorstep_concern_place(r.organisation_id, r.concern_id) p,
               lateral (values (coalesce(old.agency_type, 'OTHER'), -1), (coalesce(new.agency_type, 'OTHER'), 1)) a(agency, n),
               lateral doorstep_referral_facts(r, a.agency) f,
               lateral doorstep_tally_grains(p.area, p.team_id) g
         where r.recipient_organisation_id = new.id
         group by r.organisation_id, f.day, g.area, g.team_id, f.kind, f.key
        having sum(a.n) <> 0;
        return null;
      end $$;`);
    this.addSql(`create trigger agency_referral_tally after update of agency_type on "organisation"
      for each row when (coalesce(old.agency_type, 'OTHER') <> coalesce(new.agency_type, 'OTHER'))
      execute function doorstep_agency_referral_tally();`);
    this.addSql(`create function doorstep_referral_tally_rebuild(org uuid) returns void language sql
      security definer set search_path = public, pg_temp as $$
        delete from report_tally where organisation_id = org and kind like 'referral.%';
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n, fresh)
        select org, f.day, g.area, g.team_id, f.kind, f.key, count(*)::int, false
          from referral r
          join organisation a on a.id = r.recipient_organisation_id
          join concern c on c.organisation_id = r.organisation_id and c.id = r.concern_id
          left join household h on h.organisation_id = c.organisation_id and h.id = c.household_id,
               lateral doorstep_referral_facts(r, coalesce(a.agency_type, 'OTHER')) f,
               lateral doorstep_tally_grains(h.local_authority_area, c.team_id) g
         where r.organisation_id = org
         group by f.day, g.area, g.team_id, f.kind, f.key;
      $$;`);
  }

  private cases(): void {
    // A case's grains: the organisation's, its area's (when known), each of its teams', and each
    // team's in its area (a case counts once under each team).
    this.addSql(`create function doorstep_case_grains(in_area text, in_teams uuid[])
      returns table (area text, team_id uuid) language sql immutable as $$
        select case when g.a then in_area end, t.team
          from (values (false), (true)) g(a),
               (select null::uuid as team
                union
                select x from unnest(in_teams) x where x is not null) t
         where not g.a or in_area is not null
      $$;`);
    // The teams of a case: those that raised a concern attached to it (leaving one concern out).
    this.addSql(`create function doorstep_case_teams(org uuid, in_case uuid, except_concern uuid)
      returns uuid[] language sql stable security definer set search_path = public, pg_temp as $$
        select coalesce(array_agg(distinct c.team_id) filter (where c.team_id is not null), '{}')
          from case_concern cc
          join concern c on c.organisation_id = cc.organisation_id and c.id = cc.concern_id
         where cc.organisation_id = org and cc.case_id = in_case and cc.concern_id is distinct from except_concern
      $$;`);
    this.addSql(`create function doorstep_case_area(org uuid, in_case uuid) returns text
      language sql stable security definer set search_path = public, pg_temp as $$
        select doorstep_household_area(org, household_id) from safeguarding_case where organisation_id = org and id = in_case
      $$;`);
    // What a case closed now counts for, on the UK day it was closed (Making Safeguarding Personal).
    this.addSql(`create function doorstep_case_facts(k safeguarding_case)
      returns table (day date, kind text, key text) language sql stable as $$
        select (k.closed_at at time zone 'Europe/London')::date, f.kind, f.key
          from (values
            ('case.closed_now', ''),
            (case when k.outcomes_asked then 'case.outcomes_asked' end, ''),
            (case when k.outcomes_achieved is not null then 'case.achieved' end, k.outcomes_achieved),
            (case when k.risk_outcome is not null then 'case.risk' end, k.risk_outcome)) f(kind, key)
         where k.id is not null and k.status = 'CLOSED' and k.closed_at is not null and f.kind is not null
      $$;`);
    // What an open period counts for: opened on one day, closed (if it was) on another.
    this.addSql(`create function doorstep_case_period_facts(p case_open_period)
      returns table (day date, kind text, key text) language sql stable as $$
        select (p.opened_at at time zone 'Europe/London')::date, 'case.opened', '' where p.id is not null
        union all
        select (p.closed_at at time zone 'Europe/London')::date, 'case.period_closed', ''
         where p.id is not null and p.closed_at is not null
      $$;`);
    // Everything a case counts for now: its closure and its open periods.
    this.addSql(`create function doorstep_case_all_facts(org uuid, in_case uuid)
      returns table (day date, kind text, key text) language sql stable security definer
      set search_path = public, pg_temp as $$
        select f.* from safeguarding_case k, doorstep_case_facts(k) f where k.organisation_id = org and k.id = in_case
        union all
        select f.* from case_open_period p, doorstep_case_period_facts(p) f
         where p.organisation_id = org and p.case_id = in_case
      $$;`);
    // A case moved from one area and set of teams to another: all it counts for moves.
    this.addSql(`create function doorstep_case_move(org uuid, in_case uuid, old_area text, old_teams uuid[],
        new_area text, new_teams uuid[]) returns void language sql security definer
      set search_path = public, pg_temp as $$
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select org, f.day, g.area, g.team_id, f.kind, f.key, sum(p.n)::int
          from doorstep_case_all_facts(org, in_case) f,
               (select old_area as area, old_teams as teams, -1 as n union all select new_area, new_teams, 1) p,
               lateral doorstep_case_grains(p.area, p.teams) g
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(p.n) <> 0;
      $$;`);
    // A case opened, closed, reopened, its outcomes recorded, or moved to another household.
    this.addSql(`create function doorstep_case_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare
        org uuid := coalesce(new.organisation_id, old.organisation_id);
        teams uuid[] := doorstep_case_teams(org, coalesce(new.id, old.id), null);
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select org, f.day, g.area, g.team_id, f.kind, f.key, sum(f.n)::int
          from (select o.*, doorstep_household_area(org, old.household_id) as area, -1 as n
                  from doorstep_case_facts(old) o where tg_op <> 'INSERT'
                union all
                select o.*, doorstep_household_area(org, new.household_id), 1
                  from doorstep_case_facts(new) o where tg_op <> 'DELETE') f,
               lateral doorstep_case_grains(f.area, teams) g
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(f.n) <> 0;
        if tg_op = 'UPDATE' and old.household_id is distinct from new.household_id then
          insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
          select org, f.day, g.area, g.team_id, f.kind, f.key, sum(a.n)::int
            from case_open_period p,
                 lateral doorstep_case_period_facts(p) f,
                 lateral (values (doorstep_household_area(org, old.household_id), -1),
                                 (doorstep_household_area(org, new.household_id), 1)) a(area, n),
                 lateral doorstep_case_grains(a.area, teams) g
           where p.organisation_id = org and p.case_id = new.id
           group by f.day, g.area, g.team_id, f.kind, f.key
          having sum(a.n) <> 0;
        end if;
        return null;
      end $$;`);
    this
      .addSql(`create trigger case_tally after insert or delete or update of status, closed_at, outcomes_asked,
        outcomes_achieved, risk_outcome, household_id on "safeguarding_case"
      for each row execute function doorstep_case_tally();`);
    // An open period begun or ended (kept by doorstep_case_open_period), counted where its case is.
    this.addSql(`create function doorstep_case_period_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare
        org uuid := coalesce(new.organisation_id, old.organisation_id);
        kase uuid := coalesce(new.case_id, old.case_id);
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select org, f.day, g.area, g.team_id, f.kind, f.key, sum(f.n)::int
          from (select o.*, -1 as n from doorstep_case_period_facts(old) o where tg_op <> 'INSERT'
                union all
                select o.*, 1 from doorstep_case_period_facts(new) o where tg_op <> 'DELETE') f,
               lateral doorstep_case_grains(doorstep_case_area(org, kase), doorstep_case_teams(org, kase, null)) g
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this
      .addSql(`create trigger case_period_tally after insert or delete or update of opened_at, closed_at, case_id
        on "case_open_period"
      for each row execute function doorstep_case_period_tally();`);
    // A concern attached to a case (or detached): the case counts under its team from then on.
    // Before the row changes, so that rows changed earlier by the same statement are seen and this
    // one not yet (MikroORM attaches several concerns to a case in one INSERT): the case a concern
    // leaves loses its team unless another of its concerns has it; the case it joins gains it.
    this.addSql(`create function doorstep_case_concern_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare
        org uuid := coalesce(new.organisation_id, old.organisation_id);
        area text;
        teams uuid[];
      begin
        if tg_op <> 'INSERT' then
          area := doorstep_case_area(org, old.case_id);
          perform doorstep_case_move(org, old.case_id, area, doorstep_case_teams(org, old.case_id, null),
                                     area, doorstep_case_teams(org, old.case_id, old.concern_id));
        end if;
        if tg_op <> 'DELETE' then
          area := doorstep_case_area(org, new.case_id);
          teams := doorstep_case_teams(org, new.case_id,
                     case when tg_op = 'UPDATE' and old.case_id = new.case_id then old.concern_id end);
          perform doorstep_case_move(org, new.case_id, area, teams, area,
            teams || array[(select team_id from concern where organisation_id = org and id = new.concern_id)]);
        end if;
        return coalesce(new, old);
      end $$;`);
    this.addSql(`create trigger case_concern_tally before insert or delete or update of case_id, concern_id
        on "case_concern"
      for each row execute function doorstep_case_concern_tally();`);
    // A concern moved to another team: the cases it is attached to count under the new one (before the
    // row changes, as above: several concerns of one case may move in one statement).
    this.addSql(`create function doorstep_concern_case_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare kase uuid; area text;
      begin
        for kase in select case_id from case_concern where organisation_id = new.organisation_id and concern_id = new.id loop
          area := doorstep_case_area(new.organisation_id, kase);
          perform doorstep_case_move(new.organisation_id, kase,
            area, doorstep_case_teams(new.organisation_id, kase, null),
            area, doorstep_case_teams(new.organisation_id, kase, new.id) || array[new.team_id]);
        end loop;
        return new;
      end $$;`);
    this.addSql(`create trigger concern_case_tally before update of team_id on "concern"
      for each row when (old.team_id is distinct from new.team_id)
      execute function doorstep_concern_case_tally();`);
    // A household moved to another area: its cases' counts move with it.
    this.addSql(`create function doorstep_household_case_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare kase uuid; teams uuid[];
      begin
        for kase in select id from safeguarding_case where organisation_id = new.organisation_id and household_id = new.id loop
          teams := doorstep_case_teams(new.organisation_id, kase, null);
          perform doorstep_case_move(new.organisation_id, kase,
            old.local_authority_area, teams, new.local_authority_area, teams);
        end loop;
        return null;
      end $$;`);
    this.addSql(`create trigger household_case_tally after update of local_authority_area on "household"
      for each row when (old.local_authority_area is distinct from new.local_authority_area)
      execute function doorstep_household_case_tally();`);
    this.addSql(`create function doorstep_case_tally_rebuild(org uuid) returns void language sql
      security definer set search_path = public, pg_temp as $$
        delete from report_tally where organisation_id = org and kind like 'case.%';
        with teams as (
               select cc.case_id, array_agg(distinct c.team_id) filter (where c.team_id is not null) as teams
                 from case_concern cc
                 join concern c on c.organisation_id = cc.organisation_id and c.id = cc.concern_id
                where cc.organisation_id = org
                group by cc.case_id),
             facts as (
               select k.id, f.* from safeguarding_case k, lateral doorstep_case_facts(k) f where k.organisation_id = org
               union all
               select p.case_id, f.* from case_open_period p, lateral doorstep_case_period_facts(p) f
                where p.organisation_id = org)
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n, fresh)
        select org, f.day, g.area, g.team_id, f.kind, f.key, count(*)::int, false
          from facts f
          join safeguarding_case k on k.organisation_id = org and k.id = f.id
          left join household h on h.organisation_id = k.organisation_id and h.id = k.household_id
          left join teams t on t.case_id = k.id,
               lateral doorstep_case_grains(h.local_authority_area, t.teams) g
         group by f.day, g.area, g.team_id, f.kind, f.key;
      $$;`);
  }

  private feedback(): void {
    // What one response counts for, on the UK day it was received (the organisation's grain only:
    // feedback names no area or team).
    this.addSql(`create function doorstep_feedback_facts(f feedback)
      returns table (day date, kind text, key text, n int) language sql stable as $$
        select (f.received_at at time zone 'Europe/London')::date, x.kind, '', 1
          from (values ('feedback.received'),
                       (case when f.comment is not null then 'feedback.with_comment' end),
                       (case when f.link_id is not null then 'feedback.from_link' end)) x(kind)
         where f.id is not null and x.kind is not null
      $$;`);
    // What one score counts for, on its response's day: one score, and its value to the sum.
    this.addSql(`create function doorstep_feedback_rating_facts(r feedback_rating, in_day date)
      returns table (day date, kind text, key text, n int) language sql stable as $$
        select in_day, x.kind, r.principle, x.n
          from (values ('feedback.scored', 1), ('feedback.score_sum', r.score::int)) x(kind, n)
         where r.id is not null
      $$;`);
    this.addSql(`create function doorstep_feedback_day(org uuid, in_feedback uuid) returns date
      language sql stable security definer set search_path = public, pg_temp as $$
        select (received_at at time zone 'Europe/London')::date from feedback where organisation_id = org and id = in_feedback
      $$;`);
    // A response received, changed or removed; when its day changes, its scores move with it.
    this.addSql(`create function doorstep_feedback_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, kind, key, n)
        select coalesce(new.organisation_id, old.organisation_id), f.day, f.kind, f.key, sum(f.n)::int
          from (select o.day, o.kind, o.key, -o.n as n from doorstep_feedback_facts(old) o where tg_op <> 'INSERT'
                union all
                select o.* from doorstep_feedback_facts(new) o where tg_op <> 'DELETE'
                union all
                select o.day, o.kind, o.key, s.sign * o.n
                  from feedback_rating r,
                       lateral (values ((old.received_at at time zone 'Europe/London')::date, -1),
                                       ((new.received_at at time zone 'Europe/London')::date, 1)) s(day, sign),
                       lateral doorstep_feedback_rating_facts(r, s.day) o
                 where tg_op = 'UPDATE' and old.received_at is distinct from new.received_at
                   and r.organisation_id = new.organisation_id and r.feedback_id = new.id) f
         group by f.day, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this
      .addSql(`create trigger feedback_tally after insert or delete or update of received_at, comment, link_id
        on "feedback"
      for each row execute function doorstep_feedback_tally();`);
    this.addSql(`create function doorstep_feedback_rating_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, kind, key, n)
        select coalesce(new.organisation_id, old.organisation_id), f.day, f.kind, f.key, sum(f.n)::int
          from (select o.day, o.kind, o.key, -o.n as n
                  from doorstep_feedback_rating_facts(old, doorstep_feedback_day(old.organisation_id, old.feedback_id)) o
                 where tg_op <> 'INSERT'
                union all
                select o.* from doorstep_feedback_rating_facts(new, doorstep_feedback_day(new.organisation_id, new.feedback_id)) o
                 where tg_op <> 'DELETE') f
         group by f.day, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this
      .addSql(`create trigger feedback_rating_tally after insert or delete or update of principle, score, feedback_id
        on "feedback_rating"
      for each row execute function doorstep_feedback_rating_tally();`);
    this.addSql(`create function doorstep_feedback_tally_rebuild(org uuid) returns void language sql
      security definer set search_path = public, pg_temp as $$
        delete from report_tally where organisation_id = org and kind like 'feedback.%';
        insert into report_tally (organisation_id, day, kind, key, n, fresh)
        select org, f.day, f.kind, f.key, sum(f.n)::int, false
          from (select o.* from feedback b, lateral doorstep_feedback_facts(b) o where b.organisation_id = org
                union all
                select o.* from feedback_rating r
                  join feedback b on b.organisation_id = r.organisation_id and b.id = r.feedback_id,
                       lateral doorstep_feedback_rating_facts(r, (b.received_at at time zone 'Europe/London')::date) o
                 where r.organisation_id = org) f
         group by f.day, f.kind, f.key;
      $$;`);
  }

  override async down(): Promise<void> {
    for (const [trigger, table] of [
      ['feedback_rating_tally', 'feedback_rating'],
      ['feedback_tally', 'feedback'],
      ['household_case_tally', 'household'],
      ['concern_case_tally', 'concern'],
      ['case_concern_tally', 'case_concern'],
      ['case_period_tally', 'case_open_period'],
      ['case_tally', 'safeguarding_case'],
      ['agency_referral_tally', 'organisation'],
      ['household_referral_tally', 'household'],
      ['concern_referral_tally', 'concern'],
      ['referral_tally', 'referral'],
    ])
      this.addSql(`drop trigger if exists ${trigger} on "${table}";`);
    for (const fn of [
      'doorstep_feedback_tally_rebuild(uuid)',
      'doorstep_feedback_rating_tally()',
      'doorstep_feedback_tally()',
      'doorstep_feedback_day(uuid, uuid)',
      'doorstep_feedback_rating_facts(feedback_rating, date)',
      'doorstep_feedback_facts(feedback)',
      'doorstep_case_tally_rebuild(uuid)',
      'doorstep_household_case_tally()',
      'doorstep_concern_case_tally()',
      'doorstep_case_concern_tally()',
      'doorstep_case_period_tally()',
      'doorstep_case_tally()',
      'doorstep_case_move(uuid, uuid, text, uuid[], text, uuid[])',
      'doorstep_case_all_facts(uuid, uuid)',
      'doorstep_case_period_facts(case_open_period)',
      'doorstep_case_facts(safeguarding_case)',
      'doorstep_case_area(uuid, uuid)',
      'doorstep_case_teams(uuid, uuid, uuid)',
      'doorstep_case_grains(text, uuid[])',
      'doorstep_referral_tally_rebuild(uuid)',
      'doorstep_agency_referral_tally()',
      'doorstep_household_referral_tally()',
      'doorstep_concern_referral_tally()',
      'doorstep_referral_tally()',
      'doorstep_referral_facts(referral, text)',
      'doorstep_concern_place(uuid, uuid)',
      'doorstep_agency_type(uuid)',
      'doorstep_working_day_number(date)',
    ])
      this.addSql(`drop function if exists ${fn};`);
    this.addSql(
      `delete from report_tally where kind like 'referral.%' or kind like 'case.%' or kind like 'feedback.%';`,
    );
    this.addSql(`drop index if exists "referral_awaiting";`);
    this.addSql(`drop index if exists "case_open_period_case";`);
    this.addSql(`drop index if exists "referral_concern";`);
    this.addSql(`drop table if exists "working_day_number";`);
  }
}
