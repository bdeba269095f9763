import { Migration } from '@mikro-orm/migrations';

/**
 * Referrals to partner agencies: the one path along which a record crosses organisations. Row-level
 * security lets the sender and the receiving agency read a referral; only the sender writes it.
 */
export class Migration20261125062359_referrals extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referral" ("id" uuid not null, "organisation_id" uuid not null, "recipient_organisation_id" uuid not null, "concern_id" uuid not null, "reason" text not null, "legal_basis" text check ("legal_basis" in ('CONSENT', 'RISK_TO_CHILD', 'RISK_TO_ADULT', 'VITAL_INTERESTS', 'PREVENTION_OF_CRIME')) not null, "legal_basis_reason" text null, "shared" jsonb not null, "status" text check ("status" in ('SENT')) not null default 'SENT', "sent_by_id" uuid not null, "sent_at" timestamptz not null, constraint "referral_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "referral_recipient_organisation_id_sent_at_index" on "referral" ("recipient_organisation_id", "sent_at");`,
    );
    this.addSql(
      `create index "referral_organisation_id_sent_at_index" on "referral" ("organisation_id", "sent_at");`,
    );

    this.addSql(
      `alter table "referral" add constraint "referral_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_recipient_organisation_id_foreign" foreign key ("recipient_organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_sent_by_id_foreign" foreign key ("sent_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT'));`,
    );
    this.addSql(`grant select, insert on "referral" to doorstep_app;`);
    this.addSql(`alter table "referral" enable row level security;`);
    this.addSql(`create policy "referral_sender_or_recipient_reads" on "referral" for select to doorstep_app
      using ("organisation_id" = doorstep_current_organisation()
          or "recipient_organisation_id" = doorstep_current_organisation());`);
    this.addSql(`create policy "referral_sender_writes" on "referral" for insert to doorstep_app
      with check ("organisation_id" = doorstep_current_organisation());`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral" cascade;`);

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED'));`,
    );
  }
}
