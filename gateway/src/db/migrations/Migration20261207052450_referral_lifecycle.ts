import { Migration } from '@mikro-orm/migrations';
import { referralPartiesSql } from '../rls.js';

/**
 * The referral lifecycle: a referral's status and version, and its moves (who, when, why). The
 * agency a referral was sent to moves it, so row-level security now lets the recipient change a
 * referral's status and version (no other column), read and add its moves, and add the move to the
 * sender's chronology of the household and people the referral names (kept on the referral, copied
 * for existing referrals from their REFERRAL_SENT entry). Nobody else sees any of it.
 */
export class Migration20261207052450_referral_lifecycle extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referral_move" ("organisation_id" uuid not null, "id" uuid not null, "referral_id" uuid not null, "from" text check ("from" in ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN')) not null, "to" text check ("to" in ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN')) not null, "reason" text null, "outcome" text check ("outcome" in ('ASSESSMENT_COMPLETED', 'SERVICES_PROVIDED', 'SIGNPOSTED', 'NO_FURTHER_ACTION', 'REFERRED_ON', 'STRATEGY_MEETING_HELD', 'SECTION_42_ENQUIRY', 'CHILD_PROTECTION_ENQUIRY', 'MARAC_CASE_HEARD', 'POLICE_INVESTIGATION', 'SAFETY_PLAN_AGREED', 'OTHER')) null, "outcome_detail" text null, "by_organisation_id" uuid not null, "by_user_id" uuid not null, "by_name" text not null, "at" timestamptz not null, constraint "referral_move_pkey" primary key ("organisation_id", "id"));`,
    );

    this.addSql(
      `alter table "referral_move" add constraint "referral_move_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_move" add constraint "referral_move_organisation_id_referral_id_foreign" foreign key ("organisation_id", "referral_id") references "referral" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_move" add constraint "referral_move_by_organisation_id_foreign" foreign key ("by_organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_move" add constraint "referral_move_by_user_id_foreign" foreign key ("by_user_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(`alter table "referral" drop constraint if exists "referral_status_check";`);

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "referral" add column "version" int not null default 1, add column "household_id" uuid null, add column "person_ids" uuid[] not null default '{}';`,
    );
    this.addSql(`update "referral" r set "household_id" = c."household_id", "person_ids" = c."person_ids"
      from "chronology_entry" c
      where c."organisation_id" = r."organisation_id" and c."source_type" = 'Referral'
        and c."source_id" = r."id" and c."kind" = 'REFERRAL_SENT';`);
    this.addSql(`alter table "referral" alter column "person_ids" drop default;`);
    this.addSql(
      `alter table "referral" add constraint "referral_status_check" check("status" in ('SENT', 'ACKNOWLEDGED', 'ACCEPTED', 'DECLINED', 'CLOSED', 'WITHDRAWN'));`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade on delete set null (household_id);`,
    );

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN'));`,
    );

    // Both sides move a referral: its status and version, nothing else.
    this.addSql(`grant update ("status", "version") on "referral" to doorstep_app;`);
    this.addSql(`create policy "referral_sender_or_recipient_moves" on "referral" for update to doorstep_app
      using ("organisation_id" = doorstep_current_organisation()
          or "recipient_organisation_id" = doorstep_current_organisation())
      with check ("organisation_id" = doorstep_current_organisation()
          or "recipient_organisation_id" = doorstep_current_organisation());`);

    // A move belongs to its referral (the sender's rows): both sides read and add them; a move is
    // made by the caller's own organisation.
    for (const sql of referralPartiesSql('referral_move')) this.addSql(sql);

    // The agency's moves go in the sender's chronology: it may add an entry about a referral sent to
    // it, and read or change nothing there.
    this
      .addSql(`create policy "chronology_entry_referral_recipient_adds" on "chronology_entry" for insert to doorstep_app
      with check ("source_type" = 'Referral'
        and exists (select 1 from "referral" r
                     where r."organisation_id" = "chronology_entry"."organisation_id" and r."id" = "chronology_entry"."source_id"
                       and r."recipient_organisation_id" = doorstep_current_organisation()));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy if exists "chronology_entry_referral_recipient_adds" on "chronology_entry";`);
    this.addSql(`drop policy if exists "referral_sender_or_recipient_moves" on "referral";`);
    this.addSql(`revoke update ("status", "version") on "referral" from doorstep_app;`);
    this.addSql(`drop table if exists "referral_move" cascade;`);

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(`alter table "referral" drop constraint if exists "referral_status_check";`);

    this.addSql(`alter table "referral" drop constraint "referral_organisation_id_household_id_foreign";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT'));`,
    );

    this.addSql(
      `alter table "referral" drop column "version", drop column "household_id", drop column "person_ids";`,
    );

    this.addSql(`alter table "referral" add constraint "referral_status_check" check("status" in ('SENT'));`);
  }
}
