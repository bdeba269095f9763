import { Migration } from '@mikro-orm/migrations';

/**
 * Cumulative-concern flags in the reports' tallies (issue 15): raised by the kind of subject and
 * reviewed, by UK day. A flag counts in every area and team any of its concerns is in (its
 * household's area, its reporter's team), once each: its grains are those of all its concerns
 * (`doorstep_flag_grains`). The grains move when a concern is added to or taken from a flag, when one
 * of its concerns changes household or team, and when one of their households changes area. Those
 * triggers run before the row changes, so that rows changed earlier by the same statement are seen
 * and this one not yet: a flag's grains depend on its other concerns, which a merge may move
 * together.
 */
export class Migration20261207161500_report_tally_flags extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create function doorstep_flag_facts(f cumulative_flag)
      returns table (day date, kind text, key text) language sql stable as $$
        select (f.raised_at at time zone 'Europe/London')::date, 'flag.raised', f.subject_type where f.id is not null
        union all
        select (f.reviewed_at at time zone 'Europe/London')::date, 'flag.reviewed', ''
         where f.id is not null and f.reviewed_at is not null
      $$;`);
    // The grains a flag counts in: the organisation's, and those of each of its concerns, leaving one
    // concern out (`skip`), and reading one household's area as given (`moved`, `moved_area`).
    this
      .addSql(`create function doorstep_flag_grains(org uuid, flag uuid, skip uuid, moved uuid, moved_area text)
      returns table (area text, team_id uuid) language sql stable security definer
      set search_path = public, pg_temp as $$
        select null::text, null::uuid
        union
        select g.area, g.team_id
          from cumulative_flag_concern fc
          join concern c on c.organisation_id = fc.organisation_id and c.id = fc.concern_id,
               lateral doorstep_tally_grains(case when c.household_id = moved then moved_area
                                                  else doorstep_household_area(c.organisation_id, c.household_id) end,
                                             c.team_id) g
         where fc.organisation_id = org and fc.flag_id = flag and fc.concern_id is distinct from skip
      $$;`);
    // A flag's counts moved from one set of grains to another.
    this
      .addSql(`create function doorstep_flag_regrain(org uuid, flag uuid, old_areas text[], old_teams uuid[],
        new_areas text[], new_teams uuid[]) returns void language sql security definer
      set search_path = public, pg_temp as $$
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select org, f.day, g.area, g.team_id, f.kind, f.key, sum(g.n)::int
          from (select a, t, -1 from unnest(old_areas, old_teams) o(a, t)
                union all
                select a, t, 1 from unnest(new_areas, new_teams) x(a, t)) g(area, team_id, n),
               cumulative_flag cf,
               lateral doorstep_flag_facts(cf) f
         where cf.organisation_id = org and cf.id = flag
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(g.n) <> 0;
      $$;`);
    // A flag raised, reviewed or changed: its facts' difference, in its grains.
    this.addSql(`create function doorstep_flag_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare org uuid := coalesce(new.organisation_id, old.organisation_id);
      begin
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n)
        select org, f.day, g.area, g.team_id, f.kind, f.key, sum(f.n)::int
          from (select o.*, -1 as n from doorstep_flag_facts(old) o where tg_op <> 'INSERT'
                union all
                select o.*, 1 from doorstep_flag_facts(new) o where tg_op <> 'DELETE') f,
               doorstep_flag_grains(org, coalesce(new.id, old.id), null, null, null) g
         group by f.day, g.area, g.team_id, f.kind, f.key
        having sum(f.n) <> 0;
        return null;
      end $$;`);
    this
      .addSql(`create trigger flag_tally after insert or delete or update of raised_at, reviewed_at, subject_type
        on "cumulative_flag"
      for each row execute function doorstep_flag_tally();`);
    // A concern added to a flag, or taken from it.
    this.addSql(`create function doorstep_flag_concern_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare
        org uuid := coalesce(new.organisation_id, old.organisation_id);
        oa text[]; ot uuid[]; na text[]; nt uuid[];
      begin
        if tg_op <> 'INSERT' then
          select array_agg(area), array_agg(team_id) into oa, ot
            from doorstep_flag_grains(org, old.flag_id, null, null, null);
          select array_agg(area), array_agg(team_id) into na, nt
            from doorstep_flag_grains(org, old.flag_id, old.concern_id, null, null);
          perform doorstep_flag_regrain(org, old.flag_id, oa, ot, na, nt);
        end if;
        if tg_op <> 'DELETE' then
          select array_agg(area), array_agg(team_id) into oa, ot
            from doorstep_flag_grains(org, new.flag_id,
                   case when tg_op = 'UPDATE' and old.flag_id = new.flag_id then old.concern_id end, null, null);
          select array_agg(g.area), array_agg(g.team_id) into na, nt
            from (select * from unnest(oa, ot) x(area, team_id)
                  union
                  select g.* from concern c,
                         lateral doorstep_tally_grains(doorstep_household_area(c.organisation_id, c.household_id), c.team_id) g
                   where c.organisation_id = org and c.id = new.concern_id) g;
          perform doorstep_flag_regrain(org, new.flag_id, oa, ot, na, nt);
        end if;
        return coalesce(new, old);
      end $$;`);
    this.addSql(`create trigger flag_concern_tally before insert or delete or update of flag_id, concern_id
        on "cumulative_flag_concern"
      for each row execute function doorstep_flag_concern_tally();`);
    // One of a flag's concerns moved to another household or team.
    this.addSql(`create function doorstep_concern_flag_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare
        flag uuid;
        oa text[]; ot uuid[]; na text[]; nt uuid[];
      begin
        for flag in select flag_id from cumulative_flag_concern
                     where organisation_id = new.organisation_id and concern_id = new.id loop
          select array_agg(area), array_agg(team_id) into oa, ot
            from doorstep_flag_grains(new.organisation_id, flag, null, null, null);
          select array_agg(g.area), array_agg(g.team_id) into na, nt
            from (select * from doorstep_flag_grains(new.organisation_id, flag, new.id, null, null)
                  union
                  select * from doorstep_tally_grains(doorstep_household_area(new.organisation_id, new.household_id),
                                                      new.team_id)) g;
          perform doorstep_flag_regrain(new.organisation_id, flag, oa, ot, na, nt);
        end loop;
        return new;
      end $$;`);
    this.addSql(`create trigger concern_flag_tally before update of household_id, team_id on "concern"
      for each row when (old.household_id is distinct from new.household_id or old.team_id is distinct from new.team_id)
      execute function doorstep_concern_flag_tally();`);
    // A household moved to another area: the flags of its concerns.
    this.addSql(`create function doorstep_household_flag_tally() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare
        flag uuid;
        oa text[]; ot uuid[]; na text[]; nt uuid[];
      begin
        for flag in select distinct fc.flag_id from concern c
                      join cumulative_flag_concern fc on fc.organisation_id = c.organisation_id and fc.concern_id = c.id
                     where c.organisation_id = new.organisation_id and c.household_id = new.id loop
          select array_agg(area), array_agg(team_id) into oa, ot
            from doorstep_flag_grains(new.organisation_id, flag, null, null, null);
          select array_agg(area), array_agg(team_id) into na, nt
            from doorstep_flag_grains(new.organisation_id, flag, null, new.id, new.local_authority_area);
          perform doorstep_flag_regrain(new.organisation_id, flag, oa, ot, na, nt);
        end loop;
        return new;
      end $$;`);
    this.addSql(`create trigger household_flag_tally before update of local_authority_area on "household"
      for each row when (old.local_authority_area is distinct from new.local_authority_area)
      execute function doorstep_household_flag_tally();`);
    this.addSql(`create function doorstep_flag_tally_rebuild(org uuid) returns void language sql
      security definer set search_path = public, pg_temp as $$
        delete from report_tally where organisation_id = org and kind like 'flag.%';
        insert into report_tally (organisation_id, day, area, team_id, kind, key, n, fresh)
        select org, f.day, g.area, g.team_id, f.kind, f.key, count(*)::int, false
          from cumulative_flag cf,
               lateral doorstep_flag_grains(org, cf.id, null, null, null) g,
               lateral doorstep_flag_facts(cf) f
         where cf.organisation_id = org
         group by f.day, g.area, g.team_id, f.kind, f.key;
      $$;`);
    this.addSql(`select doorstep_flag_tally_rebuild(id) from organisation;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists household_flag_tally on "household";`);
    this.addSql(`drop trigger if exists concern_flag_tally on "concern";`);
    this.addSql(`drop trigger if exists flag_concern_tally on "cumulative_flag_concern";`);
    this.addSql(`drop trigger if exists flag_tally on "cumulative_flag";`);
    this.addSql(`drop function if exists doorstep_flag_tally_rebuild(uuid);`);
    this.addSql(`drop function if exists doorstep_household_flag_tally();`);
    this.addSql(`drop function if exists doorstep_concern_flag_tally();`);
    this.addSql(`drop function if exists doorstep_flag_concern_tally();`);
    this.addSql(`drop function if exists doorstep_flag_tally();`);
    this.addSql(`drop function if exists doorstep_flag_regrain(uuid, uuid, text[], uuid[], text[], uuid[]);`);
    this.addSql(`drop function if exists doorstep_flag_grains(uuid, uuid, uuid, uuid, text);`);
    this.addSql(`drop function if exists doorstep_flag_facts(cumulative_flag);`);
    this.addSql(`delete from report_tally where kind like 'flag.%';`);
  }
}
