import { Migration } from '@mikro-orm/migrations';

/**
 * Reports by area and by team (issue 15): an organisation's households in an area (also whether
 * the area asked for is one of its own), and a team's concerns raised in a period.
 */
export class Migration20261207125919_report_filter_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "household_organisation_id_local_authority_area_index" on "household" ("organisation_id", "local_authority_area");`,
    );

    this.addSql(
      `create index "concern_team_raised" on "concern" ("organisation_id", "team_id", "raised_at") where "team_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "concern_team_raised";`);

    this.addSql(`drop index "household_organisation_id_local_authority_area_index";`);
  }
}
