import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/** Notifications to members of staff (break-glass, access granted), delivered live too. */
export class Migration20261125050044_notifications extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "notification" ("id" uuid not null, "organisation_id" uuid not null, "recipient_id" uuid not null, "kind" text check ("kind" in ('BREAK_GLASS', 'ACCESS_GRANTED')) not null, "subject_type" text not null, "subject_id" uuid not null, "created_at" timestamptz not null, "read_at" timestamptz null, constraint "notification_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "notification_recipient_id_read_at_created_at_index" on "notification" ("recipient_id", "read_at", "created_at");`,
    );

    this.addSql(
      `alter table "notification" add constraint "notification_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "notification" add constraint "notification_recipient_id_foreign" foreign key ("recipient_id") references "app_user" ("id") on update cascade;`,
    );
    for (const sql of organisationIsolationSql('notification', ['select', 'insert', 'update']))
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "notification" cascade;`);
  }
}
