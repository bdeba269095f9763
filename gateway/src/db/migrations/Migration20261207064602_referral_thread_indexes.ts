import { Migration } from '@mikro-orm/migrations';

export class Migration20261207064602_referral_thread_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "referral_move_organisation_id_referral_id_at_index" on "referral_move" ("organisation_id", "referral_id", "at");`,
    );

    this.addSql(
      `create index "referral_message_organisation_id_referral_id_sent_at_index" on "referral_message" ("organisation_id", "referral_id", "sent_at");`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "referral_message_organisation_id_referral_id_sent_at_index";`);

    this.addSql(`drop index "referral_move_organisation_id_referral_id_at_index";`);
  }
}
