import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Reports (issue 15): teams (a member of staff's team, and the reporter's team kept on each concern
 * as it was when raised), each concern's working time to triage, and the stretches of time each case
 * was open, kept in the transaction that opens, closes or reopens it (the case row keeps only its
 * latest closure). The trigger functions run as the owner: the application role only reads teams and
 * open periods, under row-level security.
 */
export class Migration20261207121857_reports extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "team" ("organisation_id" uuid not null, "id" uuid not null, "name" text not null, "created_at" timestamptz not null, constraint "team_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `alter table "team" add constraint "team_organisation_id_name_unique" unique ("organisation_id", "name");`,
    );

    this.addSql(
      `create table "case_open_period" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "opened_at" timestamptz not null, "closed_at" timestamptz null, constraint "case_open_period_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_open_period_organisation_id_opened_at_index" on "case_open_period" ("organisation_id", "opened_at");`,
    );

    this.addSql(
      `alter table "team" add constraint "team_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_open_period" add constraint "case_open_period_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_open_period" add constraint "case_open_period_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade on delete cascade;`,
    );

    this.addSql(`alter table "app_user" add column "team_id" uuid null;`);
    this.addSql(
      `alter table "app_user" add constraint "app_user_organisation_id_team_id_foreign" foreign key ("organisation_id", "team_id") references "team" ("organisation_id", "id") on update cascade on delete set null (team_id);`,
    );

    this.addSql(
      `alter table "concern" add column "team_id" uuid null, add column "triage_working_seconds" int null;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_organisation_id_team_id_foreign" foreign key ("organisation_id", "team_id") references "team" ("organisation_id", "id") on update cascade on delete set null (team_id);`,
    );

    for (const sql of organisationIsolationSql('team', ['select'])) this.addSql(sql);
    for (const sql of organisationIsolationSql('case_open_period', ['select'])) this.addSql(sql);

    // The reporter's team, as it is when the concern is raised, however the concern is added.
    this.addSql(`create function doorstep_concern_team() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        if new.team_id is null and new.raised_by_id is not null then
          select u.team_id into new.team_id from app_user u
           where u.id = new.raised_by_id and u.organisation_id = new.organisation_id;
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger concern_team before insert on "concern"
      for each row execute function doorstep_concern_team();`);

    // A case's open periods: opened (a period begins), closed (it ends), reopened (another begins).
    this.addSql(`create function doorstep_case_open_period() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        if tg_op = 'INSERT' then
          insert into case_open_period (organisation_id, id, case_id, opened_at, closed_at)
            values (new.organisation_id, gen_random_uuid(), new.id, new.opened_at,
                    case when new.status = 'CLOSED' then coalesce(new.closed_at, new.opened_at) end);
        elsif old.status = 'OPEN' and new.status = 'CLOSED' then
          update case_open_period set closed_at = coalesce(new.closed_at, now())
           where organisation_id = new.organisation_id and case_id = new.id and closed_at is null;
        elsif old.status = 'CLOSED' and new.status = 'OPEN' then
          insert into case_open_period (organisation_id, id, case_id, opened_at, closed_at)
            values (new.organisation_id, gen_random_uuid(), new.id, coalesce(new.reopened_at, now()), null);
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger case_open_period_insert after insert on "safeguarding_case"
      for each row execute function doorstep_case_open_period();`);
    this.addSql(`create trigger case_open_period_update after update of status on "safeguarding_case"
      for each row when (old.status is distinct from new.status) execute function doorstep_case_open_period();`);
    // Cases already held: their latest open period (earlier ones, before a reopening, were not kept).
    this.addSql(`insert into case_open_period (organisation_id, id, case_id, opened_at, closed_at)
      select organisation_id, gen_random_uuid(), id, coalesce(reopened_at, opened_at),
             case when status = 'CLOSED' then closed_at end
        from safeguarding_case;`);
    this.addSql(
      `create index "case_open_period_closed" on "case_open_period" ("organisation_id", "closed_at") where "closed_at" is not null;`,
    );
    // Concerns open at a moment: raised before it, less those closed before it.
    this.addSql(
      `create index "concern_closed" on "concern" ("organisation_id", "closed_at") where "closed_at" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists concern_team on "concern";`);
    this.addSql(`drop function if exists doorstep_concern_team();`);
    this.addSql(`drop trigger if exists case_open_period_insert on "safeguarding_case";`);
    this.addSql(`drop trigger if exists case_open_period_update on "safeguarding_case";`);
    this.addSql(`drop function if exists doorstep_case_open_period();`);
    this.addSql(`drop index if exists "concern_closed";`);
    this.addSql(`alter table "app_user" drop constraint "app_user_organisation_id_team_id_foreign";`);

    this.addSql(`alter table "concern" drop constraint "concern_organisation_id_team_id_foreign";`);

    this.addSql(`drop table if exists "team" cascade;`);

    this.addSql(`drop table if exists "case_open_period" cascade;`);

    this.addSql(`alter table "app_user" drop column "team_id";`);

    this.addSql(`alter table "concern" drop column "team_id", drop column "triage_working_seconds";`);
  }
}
