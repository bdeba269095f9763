import { Migration } from '@mikro-orm/migrations';
import { referralPartiesSql } from '../rls.js';

/**
 * A referral's message thread: the agency asks for more information, the sender answers. Kept with
 * the referral (the sender's rows); only the two organisations read and add messages.
 */

export class Migration20261207053643_referral_messages extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referral_message" ("organisation_id" uuid not null, "id" uuid not null, "referral_id" uuid not null, "body" text not null, "by_organisation_id" uuid not null, "by_user_id" uuid not null, "by_name" text not null, "sent_at" timestamptz not null, constraint "referral_message_pkey" primary key ("organisation_id", "id"));`,
    );

    this.addSql(
      `alter table "referral_message" add constraint "referral_message_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_message" add constraint "referral_message_organisation_id_referral_id_foreign" foreign key ("organisation_id", "referral_id") references "referral" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_message" add constraint "referral_message_by_organisation_id_foreign" foreign key ("by_organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_message" add constraint "referral_message_by_user_id_foreign" foreign key ("by_user_id") references "app_user" ("id") on update cascade;`,
    );
    for (const sql of referralPartiesSql('referral_message')) this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral_message" cascade;`);
  }
}
