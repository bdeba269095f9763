import { Migration } from '@mikro-orm/migrations';

/**
 * The reports read their counts from `report_tally` now (docs/performance.md), so four indexes that
 * only the reports' scans of the base tables used go: each cost every concern or referral written.
 * Time to triage keeps `concern_triage_time`, overdue referrals `referral_awaiting`, warnings by area
 * `household_area` and `household_member_current`, and a report's area check the household area
 * index.
 */
export class Migration20261207163000_drop_report_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop index if exists "concern_closed";`);
    this.addSql(`drop index if exists "concern_team_raised";`);
    this.addSql(`drop index if exists "concern_report_scope";`);
    this.addSql(`drop index if exists "referral_report";`);
  }

  override async down(): Promise<void> {
    this.addSql(
      `create index "concern_closed" on "concern" ("organisation_id", "closed_at") where "closed_at" is not null;`,
    );
    this.addSql(
      `create index "concern_team_raised" on "concern" ("organisation_id", "team_id", "raised_at") where "team_id" is not null;`,
    );
    this.addSql(
      `create index "concern_report_scope" on "concern" ("organisation_id", "id") include ("household_id", "team_id");`,
    );
    this.addSql(
      `create index "referral_report" on "referral" ("organisation_id", "sent_at") include ("status", "respond_by", "responded_at", "outcome", "recipient_organisation_id", "concern_id");`,
    );
  }
}
