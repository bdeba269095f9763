import { Migration } from '@mikro-orm/migrations';

export class Migration20261207001041_hot_query_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "audit_event_unsealed" on "audit_event" ("organisation_id", "id") where "chain_seq" is null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "audit_event_unsealed";`);
  }
}
