import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../request-scope.js';

/**
 * The log of what happens to referrals (referral-event.entity.ts): ids and states only, one row per
 * change, numbered in commit order. Kept with the referral (the sender's rows); the two
 * organisations read it, and each adds rows only for its own changes to a referral it is party to.
 */
export class Migration20261207064241_referral_events extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referral_event" ("organisation_id" uuid not null, "id" bigserial not null, "referral_id" uuid not null, "recipient_organisation_id" uuid not null, "kind" text check ("kind" in ('SENT', 'MOVED', 'MESSAGE')) not null, "status" text check ("status" in ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN')) not null, "version" int not null, "by_organisation_id" uuid not null, "at" timestamptz not null, constraint "referral_event_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `alter table "referral_event" add constraint "referral_event_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_event" add constraint "referral_event_organisation_id_referral_id_foreign" foreign key ("organisation_id", "referral_id") references "referral" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_event" add constraint "referral_event_recipient_organisation_id_foreign" foreign key ("recipient_organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_event" add constraint "referral_event_by_organisation_id_foreign" foreign key ("by_organisation_id") references "organisation" ("id") on update cascade;`,
    );
    // Each side reads its events after a position: the sender by its key, the agency by this.
    this.addSql(
      `create index "referral_event_recipient_organisation_id_id_index" on "referral_event" ("recipient_organisation_id", "id");`,
    );

    this.addSql(`grant select, insert on "referral_event" to ${APP_ROLE};`);
    this.addSql(`grant usage on sequence "referral_event_id_seq" to ${APP_ROLE};`);
    this.addSql(`alter table "referral_event" enable row level security;`);
    this.addSql(
      `create policy "referral_event_sender_or_recipient_reads" on "referral_event" for select to ${APP_ROLE}
         using ("organisation_id" = doorstep_current_organisation()
           or "recipient_organisation_id" = doorstep_current_organisation());`,
    );
    this.addSql(
      `create policy "referral_event_party_adds" on "referral_event" for insert to ${APP_ROLE}
         with check ("by_organisation_id" = doorstep_current_organisation()
           and exists (select 1 from "referral" r
             where r."organisation_id" = "referral_event"."organisation_id" and r."id" = "referral_event"."referral_id"
               and r."recipient_organisation_id" = "referral_event"."recipient_organisation_id"
               and (r."organisation_id" = doorstep_current_organisation()
                 or r."recipient_organisation_id" = doorstep_current_organisation())));`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral_event" cascade;`);
  }
}
