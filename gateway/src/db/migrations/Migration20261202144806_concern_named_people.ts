import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * People a concern names who are not on record (a new partner, a visitor, a child not on the
 * tenancy), kept with the concern in the order they were named, under row-level security. The
 * application role only adds them: what the reporter said is never changed.
 */
export class Migration20261202144806_concern_named_people extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "concern_named_person" ("id" uuid not null, "organisation_id" uuid not null, "concern_id" uuid not null, "role" text check ("role" in ('SUBJECT', 'ALLEGED_SOURCE')) not null, "ordinal" smallint not null, "name" text not null, "date_of_birth" date null, "description" text null, constraint "concern_named_person_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "concern_named_person_concern_id_index" on "concern_named_person" ("concern_id");`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade;`,
    );
    for (const sql of organisationIsolationSql('concern_named_person', ['select', 'insert']))
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "concern_named_person" cascade;`);
  }
}
