import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/** Access grants to restricted people and households (given by a lead, or break-glass). */
export class Migration20261125045408_grants extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "access_grant" ("id" uuid not null, "organisation_id" uuid not null, "user_id" uuid not null, "subject_type" text check ("subject_type" in ('Person', 'Household')) not null, "subject_id" uuid not null, "kind" text check ("kind" in ('GRANT', 'BREAK_GLASS')) not null, "reason" text not null, "granted_by_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "revoked_at" timestamptz null, constraint "access_grant_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "access_grant_user_id_subject_type_subject_id_expires_at_index" on "access_grant" ("user_id", "subject_type", "subject_id", "expires_at");`,
    );

    this.addSql(
      `alter table "access_grant" add constraint "access_grant_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "access_grant" add constraint "access_grant_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "access_grant" add constraint "access_grant_granted_by_id_foreign" foreign key ("granted_by_id") references "app_user" ("id") on update cascade;`,
    );
    for (const sql of organisationIsolationSql('access_grant', ['select', 'insert', 'update']))
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "access_grant" cascade;`);
  }
}
