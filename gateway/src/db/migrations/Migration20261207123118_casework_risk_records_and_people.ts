import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * The rest of casework (issue 14):
 * - DASH checklists and capacity assessments on a case as well as on a concern: a nullable
 *   `case_id` beside `concern_id` (now nullable), exactly one of the two set (a check).
 * - People leaving an open case: the `case_person` link is deleted (so every rule reading a case's
 *   people reads its people now; the application may now delete it) and `case_person_removal`
 *   keeps who left, when, by whom and why (added, never changed).
 * - The chronology kinds for a case's people and lead worker changing.
 */
export class Migration20261207123118_casework_risk_records_and_people extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "case_person_removal" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "removed_by_id" uuid not null, "removed_at" timestamptz not null, "reason" text not null, constraint "case_person_removal_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_person_removal_organisation_id_case_id_index" on "case_person_removal" ("organisation_id", "case_id");`,
    );

    this.addSql(
      `alter table "case_person_removal" add constraint "case_person_removal_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_person_removal" add constraint "case_person_removal_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_person_removal" add constraint "case_person_removal_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_person_removal" add constraint "case_person_removal_removed_by_id_foreign" foreign key ("removed_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN', 'DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED', 'CAPACITY_ASSESSMENT_RECORDED', 'CAPACITY_ASSESSMENT_CHANGED', 'CASE_OPENED', 'CASE_CONCERN_ATTACHED', 'CASE_ACTION_ADDED', 'CASE_ACTION_CHANGED', 'CASE_NOTE_ADDED', 'CASE_REVIEW_RECORDED', 'CASE_REVIEW_SIGNED_OFF', 'CASE_CLOSED', 'CASE_REOPENED', 'CASE_PERSON_ADDED', 'CASE_PERSON_REMOVED', 'CASE_LEAD_WORKER_CHANGED'));`,
    );

    this.addSql(`alter table "dash_checklist" add column "case_id" uuid null;`);
    this.addSql(`alter table "dash_checklist" alter column "concern_id" drop not null;`);
    this.addSql(
      `alter table "dash_checklist" add constraint "dash_checklist_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade on delete no action;`,
    );
    this.addSql(
      `create index "dash_checklist_organisation_id_case_id_index" on "dash_checklist" ("organisation_id", "case_id");`,
    );
    this.addSql(
      `alter table "dash_checklist" add constraint dash_checklist_on_concern_or_case check(num_nonnulls("concern_id", "case_id") = 1);`,
    );

    this.addSql(`alter table "capacity_assessment" add column "case_id" uuid null;`);
    this.addSql(`alter table "capacity_assessment" alter column "concern_id" drop not null;`);
    this.addSql(
      `alter table "capacity_assessment" add constraint "capacity_assessment_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade on delete no action;`,
    );
    this.addSql(
      `create index "capacity_assessment_organisation_id_case_id_index" on "capacity_assessment" ("organisation_id", "case_id");`,
    );
    this.addSql(
      `alter table "capacity_assessment" add constraint capacity_assessment_on_concern_or_case check(num_nonnulls("concern_id", "case_id") = 1);`,
    );

    for (const sql of organisationIsolationSql('case_person_removal', ['select', 'insert'])) this.addSql(sql);
    this.addSql(`grant delete on "case_person" to doorstep_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`revoke delete on "case_person" from doorstep_app;`);
    this.addSql(`delete from "dash_checklist" where "case_id" is not null;`);
    this.addSql(`delete from "capacity_assessment" where "case_id" is not null;`);
    this.addSql(
      `delete from "chronology_entry" where "kind" in ('CASE_PERSON_ADDED', 'CASE_PERSON_REMOVED', 'CASE_LEAD_WORKER_CHANGED');`,
    );
    this.addSql(`drop table if exists "case_person_removal" cascade;`);

    this.addSql(
      `alter table "capacity_assessment" drop constraint "capacity_assessment_organisation_id_case_id_foreign";`,
    );

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "dash_checklist" drop constraint "dash_checklist_organisation_id_case_id_foreign";`,
    );

    this.addSql(`drop index "capacity_assessment_organisation_id_case_id_index";`);
    this.addSql(`alter table "capacity_assessment" drop constraint capacity_assessment_on_concern_or_case;`);
    this.addSql(`alter table "capacity_assessment" drop column "case_id";`);
    this.addSql(`alter table "capacity_assessment" alter column "concern_id" set not null;`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN', 'DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED', 'CAPACITY_ASSESSMENT_RECORDED', 'CAPACITY_ASSESSMENT_CHANGED', 'CASE_OPENED', 'CASE_CONCERN_ATTACHED', 'CASE_ACTION_ADDED', 'CASE_ACTION_CHANGED', 'CASE_NOTE_ADDED', 'CASE_REVIEW_RECORDED', 'CASE_REVIEW_SIGNED_OFF', 'CASE_CLOSED', 'CASE_REOPENED'));`,
    );

    this.addSql(`drop index "dash_checklist_organisation_id_case_id_index";`);
    this.addSql(`alter table "dash_checklist" drop constraint dash_checklist_on_concern_or_case;`);
    this.addSql(`alter table "dash_checklist" drop column "case_id";`);
    this.addSql(`alter table "dash_checklist" alter column "concern_id" set not null;`);
  }
}
