import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/** The number at the end of a reference SG-<year>-<number>, and its year, for references of that shape. */
const REFERENCE_PARTS = `from "concern" where "reference" ~ '^SG-[0-9]{4}-[0-9]+$'`;

/**
 * Concern references counted per organisation, not across all of them: a public form's reference
 * numbers no longer say how many concerns other providers receive. Existing references stay as they
 * are; each organisation's counter for a year starts after its own highest reference of that year,
 * so none repeats within an organisation (references are unique within one, no longer across all).
 * The counter row belongs to its organisation, under row-level security like other such tables.
 */
export class Migration20261206221845_concern_reference_per_organisation extends Migration {
  override async up(): Promise<void> {
    this.addSql(`delete from "concern_reference_counter";`);
    this.addSql(`alter table "concern_reference_counter" drop constraint "concern_reference_counter_pkey";`);
    this.addSql(`alter table "concern_reference_counter" add column "organisation_id" uuid not null;`);
    this.addSql(
      `alter table "concern_reference_counter" add constraint "concern_reference_counter_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_reference_counter" add constraint "concern_reference_counter_pkey" primary key ("organisation_id", "year");`,
    );
    this.addSql(
      `insert into "concern_reference_counter" ("organisation_id", "year", "last")
       select "organisation_id", split_part("reference", '-', 2)::int, max(split_part("reference", '-', 3)::bigint)::int
         ${REFERENCE_PARTS}
        group by 1, 2;`,
    );
    for (const sql of organisationIsolationSql('concern_reference_counter', ['select', 'insert', 'update'])) {
      this.addSql(sql);
    }

    this.addSql(`alter table "concern" drop constraint "concern_reference_unique";`);
    this.addSql(
      `alter table "concern" add constraint "concern_organisation_id_reference_unique" unique ("organisation_id", "reference");`,
    );
  }

  /** Back to one counter for all: fails if two organisations have since used the same reference. */
  override async down(): Promise<void> {
    this.addSql(`alter table "concern" drop constraint "concern_organisation_id_reference_unique";`);
    this.addSql(`alter table "concern" add constraint "concern_reference_unique" unique ("reference");`);

    this.addSql(
      `drop policy if exists "concern_reference_counter_organisation_isolation" on "concern_reference_counter";`,
    );
    this.addSql(`alter table "concern_reference_counter" disable row level security;`);
    this.addSql(`delete from "concern_reference_counter";`);
    this.addSql(
      `alter table "concern_reference_counter" drop constraint "concern_reference_counter_organisation_id_foreign";`,
    );
    this.addSql(`alter table "concern_reference_counter" drop constraint "concern_reference_counter_pkey";`);
    this.addSql(`alter table "concern_reference_counter" drop column "organisation_id";`);
    this.addSql(
      `alter table "concern_reference_counter" add constraint "concern_reference_counter_pkey" primary key ("year");`,
    );
    this.addSql(
      `insert into "concern_reference_counter" ("year", "last")
       select split_part("reference", '-', 2)::int, max(split_part("reference", '-', 3)::bigint)::int
         ${REFERENCE_PARTS}
        group by 1;`,
    );
  }
}
