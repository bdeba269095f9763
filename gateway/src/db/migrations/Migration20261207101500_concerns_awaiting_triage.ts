import { Migration } from '@mikro-orm/migrations';

/**
 * The work queue's concerns waiting for triage (`concernsToTriage`): an index of the RAISED concerns
 * only, by organisation and when they were raised, so the queue and its count read the backlog, not
 * every concern the organisation ever had.
 */
export class Migration20261207101500_concerns_awaiting_triage extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "concern_awaiting_triage" on "concern" ("organisation_id", "raised_at", "id") where "status" = 'RAISED';`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "concern_awaiting_triage";`);
  }
}
