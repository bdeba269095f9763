import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Summary tables for the reports (issue 15, docs/performance.md): `report_tally` holds, per
 * organisation, UK day, local authority area and team, how many concerns were raised, closed, under
 * each category, from each source, about adults or children, with wishes asked, awaiting triage,
 * and triaged within each whole working hour (and with no working time at all: triaged out of hours). Every count is kept by a trigger in the transaction
 * that changes what it counts, as rows of +1 and -1 (no row is updated, so concurrent concerns never
 * wait on each other's totals), and `doorstep_report_tally_compact` folds a day's new rows into one
 * per count. A concern's facts come from one function (`doorstep_concern_facts`), used by the
 * triggers and by the rebuild alike, so they cannot disagree. The functions run as the owner: the
 * application role only reads the table, under row-level security.
 */
export class Migration20261207150644_report_tally extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "report_tally" ("organisation_id" uuid not null, "id" bigserial not null, "day" date not null, "area" text null, "team_id" uuid null, "kind" text not null, "key" text not null default '', "n" int not null, "fresh" boolean not null default true, constraint "report_tally_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "report_tally_fresh" on "report_tally" ("organisation_id", "kind", "day") where "fresh";`,
    );
    this.addSql(
      `create index "report_tally_read" on "report_tally" ("organisation_id", "kind", "area", "team_id", "day") include ("key", "n");`,
    );

    this.addSql(
      `alter table "report_tally" add constraint "report_tally_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `create index "concern_triage_time" on "concern" ("organisation_id", "triage_working_seconds", "raised_at") include ("team_id", "household_id") where "triage_working_seconds" is not null;`,
    );
    for (const sql of organisationIsolationSql('report_tally', ['select'])) this.addSql(sql);

    // The counts a row of a table adds, at every grain: the organisation's, its area's (when known),
    // its team's (when known), and the area and team's.
    this.addSql(`create function doorstep_tally_grains(in_area text, in_team uuid)
      returns table (area text, team_id uuid) language sql immutable as $$
        select case when g.a then in_area end, case when g.t then in_team end
          from (values (false, false), (true, false), (false, true), (true, true)) g(a, t)
         where (not g.a or in_area is not null) and (not g.t or in_team is not null)
      $$;`);
    this.addSql(`create function doorstep_household_area(org uuid, in_household uuid) returns text
      language sql stable security definer set search_path = public, pg_temp as $$
        select local_authority_area from household where organisation_id = org and id = in_household
      $$;`);
    // What one concern counts for, in the area given (its household's): each fact once.
    this.addSql(`create function doorstep_concern_facts(c concern, in_area text)
      returns table (area text, team_id uuid, day date, kind text, key text) language sql stable as $$
        select in_area, c.team_id, (c.raised_at at time zone 'Europe/London')::date, f.kind, f.key
          from (values
            ('concern.raised', ''),
            ('concern.category', coalesce(c.primary_category, '')),
            ('concern.source', c.reporter_kind),
            ('concern.age', case age((coalesce(c.happened_at, c.raised_at) at time zone 'Europe/London')::date,
                                     c.youngest_subject_born) < interval '18 years'
                              when true then 'CHILD' when false then 'ADULT' else 'NOT_KNOWN' end),
            (case when c.views_status <> 'NOT_ASKED' then 'concern.wishes_asked' end, ''),
            (case when c.status = 'RAISED' then 'concern.awaiting_triage' end, ''),
            (case when c.triage_working_seconds is not null then 'concern.triage_hour' end,
             case when c.triage_working_seconds = 0 then '=0' else (c.triage_working_seconds / 3600)::text end)) f(kind, key)
         where c.id is not null and f.kind is not null
        union all
        select in_area, c.team_id, (c.closed_at at time zone 'Europe/London')::date, 'concern.closed', ''
         where c.id is not null and c.closed_at is not null
      $$;`);
    // A concern added, changed or removed: the difference between what it counted for and what it
    // counts for now (a change to nothing counted writes nothing).
    this.addSql(`create function doorstep_concern_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select coalesce(new.organisation_id, old.organisation_id), f.day, g.area, g.team_id, f.kind, f.key, sum(f.n)::int
          from (select o.*, -1 as n from doorstep_concern_facts(old, doorstep_household_area(old.organisation_id, old.household_id)) o
                 where tg_op <> 'INSERT'
                union all
                select o.*, 1 from doorstep_concern_facts(new, doorstep_household_area(new.organisation_id, new.household_id)) o
                 where tg_op <> 'DELETE') f,
               lateral doorstep_tally_grains(f.area, f.team_id) g
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this
      .addSql(`create trigger concern_tally after insert or delete or update of raised_at, closed_at, status,
        primary_category, reporter_kind, views_status, happened_at, youngest_subject_born, triage_working_seconds,
        team_id, household_id on "concern"
      for each row execute function doorstep_concern_tally();`);
    // A household moved to another area: its concerns' counts move with it.
    this.addSql(`create function doorstep_household_concern_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select new.organisation_id, f.day, g.area, g.team_id, f.kind, f.key, sum(f.n)::int
          from concern c,
               lateral (select o.*, -1 as n from doorstep_concern_facts(c, old.local_authority_area) o
                        union all
                        select o.*, 1 from doorstep_concern_facts(c, new.local_authority_area) o) f,
               lateral doorstep_tally_grains(f.area, f.team_id) g
         where c.organisation_id = new.organisation_id and c.household_id = new.id
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this.addSql(`create trigger household_concern_tally after update of local_authority_area on "household"
      for each row when (old.local_authority_area is distinct from new.local_authority_area)
      execute function doorstep_household_concern_tally();`);
    // Every concern count of an organisation worked out again from its concerns (the migration, and
    // the seed at scale, which loads with triggers off).
    this.addSql(`create function doorstep_concern_tally_rebuild(org uuid) returns void language sql
      security definer set search_path = public, pg_temp as $$
        delete from report_tally where organisation_id = org and kind like 'concern.%';
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n, fresh)
        select org, f.day, g.area, g.team_id, f.kind, f.key, count(*)::int, false
          from concern c
          left join household h on h.organisation_id = c.organisation_id and h.id = c.household_id,
               lateral doorstep_concern_facts(c, h.local_authority_area) f,
               lateral doorstep_tally_grains(f.area, f.team_id) g
         where c.organisation_id = org
         group by f.day, g.area, g.team_id, f.kind, f.key;
      $$;`);
    // Folds the new rows of up to \`days\` days (each kind apart) into one row per count, leaving out
    // counts that came to 0. One run at a time (an advisory lock); triggers go on adding rows
    // meanwhile, and the next run folds them. Returns how many rows it folded (0: caught up).
    this.addSql(`create function doorstep_report_tally_compact(days int) returns int language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare folded int;
      begin
        if not pg_try_advisory_xact_lock(hashtext('doorstep_report_tally_compact')) then return 0; end if;
        with fold as (
               select distinct organisation_id, kind, day
                 from (select organisation_id, kind, day from report_tally where fresh limit days * 100) t
                limit days),
             gone as (
               delete from report_tally t using fold k
                where t.organisation_id = k.organisation_id and t.kind = k.kind and t.day = k.day
               returning t.organisation_id, t.day, t.area, t.team_id, t.kind, t.key, t.n),
             kept as (
               insert into report_tally (organisation_id, day, area, team_id, kind, key, n, fresh)
               select organisation_id, day, area, team_id, kind, key, sum(n)::int, false
                 from gone group by 1, 2, 3, 4, 5, 6 having sum(n) <> 0
               returning 1)
        select count(*)::int into folded from gone;
        return folded;
      end $$;`);
    this.addSql(`select doorstep_concern_tally_rebuild(id) from organisation;`);
    this.addSql(`analyze "report_tally";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists household_concern_tally on "household";`);
    this.addSql(`drop trigger if exists concern_tally on "concern";`);
    this.addSql(`drop function if exists doorstep_report_tally_compact(int);`);
    this.addSql(`drop function if exists doorstep_concern_tally_rebuild(uuid);`);
    this.addSql(`drop function if exists doorstep_household_concern_tally();`);
    this.addSql(`drop function if exists doorstep_concern_tally();`);
    this.addSql(`drop function if exists doorstep_concern_facts(concern, text);`);
    this.addSql(`drop function if exists doorstep_household_area(uuid, uuid);`);
    this.addSql(`drop function if exists doorstep_tally_grains(text, uuid);`);
    this.addSql(`drop table if exists "report_tally" cascade;`);
    this.addSql(`drop index if exists "concern_triage_time";`);
  }
}
