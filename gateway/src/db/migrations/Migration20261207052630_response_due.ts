import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Response-due dates for referrals: each housing provider's working days per agency type
 * (`referral_response_policy`, keyed by organisation and agency type, isolated by organisation;
 * absent rows are the defaults in @doorstep/schema), each referral's `respond_by` (set when sent;
 * empty for referrals sent before), and the REFERRAL_OVERDUE task, at most one per referral (a
 * unique index, so gateway instances checking at the same moment raise it once).
 */
export class Migration20261207052630_response_due extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "referral_response_policy" ("organisation_id" uuid not null, "agency_type" text check ("agency_type" in ('ADULT_SOCIAL_CARE', 'CHILDRENS_SOCIAL_CARE', 'POLICE', 'MASH', 'MARAC', 'EARLY_HELP', 'MENTAL_HEALTH_CRISIS', 'DOMESTIC_ABUSE_SERVICE', 'HEALTH', 'OTHER')) not null, "working_days" int not null, "updated_by_id" uuid null, "updated_at" timestamptz null, constraint "referral_response_policy_pkey" primary key ("organisation_id", "agency_type"));`,
    );

    this.addSql(
      `alter table "referral_response_policy" add constraint "referral_response_policy_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "referral_response_policy" add constraint "referral_response_policy_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "task" drop constraint if exists "task_kind_check";`);

    this.addSql(
      `alter table "task" add constraint "task_kind_check" check("kind" in ('TRIAGE_CUMULATIVE_FLAG', 'REFERRAL_OVERDUE'));`,
    );
    this.addSql(
      `create unique index "task_one_per_overdue_referral" on "task" ("organisation_id", "source_type", "source_id") where "kind" = 'REFERRAL_OVERDUE';`,
    );

    this.addSql(`alter table "referral" add column "respond_by" timestamptz null;`);
    for (const sql of organisationIsolationSql('referral_response_policy', ['select', 'insert', 'update'])) {
      this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "referral_response_policy" cascade;`);

    this.addSql(`alter table "task" drop constraint if exists "task_kind_check";`);

    this.addSql(`alter table "referral" drop column "respond_by";`);

    this.addSql(`drop index "task_one_per_overdue_referral";`);
    this.addSql(`delete from "task" where "kind" = 'REFERRAL_OVERDUE';`);
    this.addSql(
      `alter table "task" add constraint "task_kind_check" check("kind" in ('TRIAGE_CUMULATIVE_FLAG'));`,
    );
  }
}
