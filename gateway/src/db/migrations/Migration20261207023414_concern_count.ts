import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Each organisation's number of concerns, kept in the transaction that adds or removes one, so the
 * total of a list of concerns is one row read, not a count of every concern the organisation holds
 * (393 ms at 700,000). Statement triggers with transition tables: a batch of concerns is one update
 * per organisation. The trigger functions run as the owner (the application role can only read the
 * count, under row-level security); they touch only the rows of the organisations whose concerns
 * the statement added or removed.
 */
export class Migration20261207023414_concern_count extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "concern_count" ("organisation_id" uuid not null, "concerns" bigint not null, constraint "concern_count_pkey" primary key ("organisation_id"));`,
    );
    this.addSql(
      `alter table "concern_count" add constraint "concern_count_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `insert into "concern_count" ("organisation_id", "concerns") select "organisation_id", count(*) from "concern" group by 1;`,
    );
    for (const [event, table, sign] of [
      ['insert', 'added', '+'],
      ['delete', 'removed', '-'],
    ] as const) {
      this.addSql(`create function doorstep_count_concerns_${event}() returns trigger language plpgsql
        security definer set search_path = public, pg_temp as $$
        begin
          insert into concern_count (organisation_id, concerns)
            select organisation_id, ${sign}count(*) from ${table} group by organisation_id
            on conflict (organisation_id) do update set concerns = concern_count.concerns + excluded.concerns;
          return null;
        end $$;`);
      this.addSql(`create trigger concern_count_${event} after ${event} on "concern"
        referencing ${event === 'insert' ? 'new' : 'old'} table as ${table}
        for each statement execute function doorstep_count_concerns_${event}();`);
    }
    for (const sql of organisationIsolationSql('concern_count', ['select'])) this.addSql(sql);
  }

  override async down(): Promise<void> {
    for (const event of ['insert', 'delete']) {
      this.addSql(`drop trigger if exists concern_count_${event} on "concern";`);
      this.addSql(`drop function if exists doorstep_count_concerns_${event}();`);
    }
    this.addSql(`drop table if exists "concern_count" cascade;`);
  }
}
