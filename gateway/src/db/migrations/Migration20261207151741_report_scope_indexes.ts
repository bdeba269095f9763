import { Migration } from '@mikro-orm/migrations';

/**
 * Reports by area and team that look each record's area up (issue 15): the warnings due for review
 * (a warning's household's area, or the households its person lives in now) and the cumulative
 * flags (each flagged concern's household and team). Indexes that hold what those look-ups read,
 * so each is answered from the index alone: a household's area by its id, a person's current
 * households, and a concern's household and team by its id (the concerns' rows are wide and, at a
 * million concerns, mostly not in memory). At 1,000,000 concerns (docs/performance.md), in SQL on
 * a shared 2-core machine: warnings in one area from not finishing to 0.2–0.5 s, flags for a year
 * in an area or team from 0.6–1.2 s to 0.16–0.53 s.
 */
export class Migration20261207151741_report_scope_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "household_area" on "household" ("organisation_id", "id") include ("local_authority_area");`,
    );

    this.addSql(
      `create index "household_member_current" on "household_member" ("organisation_id", "person_id") include ("household_id") where "left_on" is null;`,
    );

    this.addSql(
      `create index "concern_report_scope" on "concern" ("organisation_id", "id") include ("household_id", "team_id");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "concern_report_scope";`);

    this.addSql(`drop index "household_member_current";`);

    this.addSql(`drop index "household_area";`);
  }
}
