import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Domestic abuse risk and mental capacity (issue 14, items 3 and 4): DASH risk checklists and
 * mental capacity assessments, each on a concern and about one person it is about, and the
 * chronology kinds for recording and correcting them. Both tables are their organisation's only:
 * a MARAC reads a checklist as the copy a referral shared, never the row. They are corrected, never
 * deleted. A case link (`case_id`, nullable) is to be added beside `concern_id` when cases exist.
 */
export class Migration20261207095727_dash_checklists_and_capacity_assessments extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "dash_checklist" ("organisation_id" uuid not null, "id" uuid not null, "concern_id" uuid not null, "person_id" uuid not null, "assessed_on" date not null, "answers" jsonb not null, "score" smallint not null, "level" text check ("level" in ('STANDARD', 'MEDIUM', 'HIGH')) not null, "professional_judgement" boolean not null default false, "professional_judgement_reason" text null, "police_callouts" jsonb not null, "incidents_in_last_12_months" smallint not null, "last_marac_referral_at" timestamptz null, "marac_criteria" text[] not null, "marac_referral_id" uuid null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "dash_checklist_pkey" primary key ("organisation_id", "id"), constraint dash_checklist_judgement_reason check (not "professional_judgement" or "professional_judgement_reason" is not null), constraint dash_checklist_score_range check ("score" >= 0 and "score" <= 24));`,
    );
    this.addSql(
      `create index "dash_checklist_organisation_id_person_id_assessed_on_index" on "dash_checklist" ("organisation_id", "person_id", "assessed_on");`,
    );
    this.addSql(
      `create index "dash_checklist_organisation_id_concern_id_index" on "dash_checklist" ("organisation_id", "concern_id");`,
    );

    this.addSql(
      `create table "capacity_assessment" ("organisation_id" uuid not null, "id" uuid not null, "concern_id" uuid not null, "person_id" uuid not null, "decision" text not null, "assessed_on" date not null, "assessor_name" text not null, "assessor_role" text not null, "practicable_steps" text not null, "impairment" boolean not null, "impairment_detail" text null, "can_understand" boolean null, "can_retain" boolean null, "can_use_or_weigh" boolean null, "can_communicate" boolean null, "inability_because_of_impairment" boolean null, "reasons" text not null, "lacks_capacity" boolean not null, "best_interests_decision" text null, "best_interests_decided_by" text null, "best_interests_decided_on" date null, "best_interests_consulted" text null, "best_interests_persons_wishes" text null, "recorded_by_id" uuid not null, "recorded_at" timestamptz not null, "updated_at" timestamptz not null, "version" int not null default 1, constraint "capacity_assessment_pkey" primary key ("organisation_id", "id"), constraint capacity_assessment_best_interests check ("lacks_capacity" = ("best_interests_decision" is not null)));`,
    );
    this.addSql(
      `create index "capacity_assessment_organisation_id_person_id_index" on "capacity_assessment" ("organisation_id", "person_id");`,
    );
    this.addSql(
      `create index "capacity_assessment_organisation_id_concern_id_index" on "capacity_assessment" ("organisation_id", "concern_id");`,
    );

    this.addSql(
      `alter table "dash_checklist" add constraint "dash_checklist_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "dash_checklist" add constraint "dash_checklist_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "dash_checklist" add constraint "dash_checklist_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "dash_checklist" add constraint "dash_checklist_organisation_id_marac_referral_id_foreign" foreign key ("organisation_id", "marac_referral_id") references "referral" ("organisation_id", "id") on update cascade on delete set null (marac_referral_id);`,
    );
    this.addSql(
      `alter table "dash_checklist" add constraint "dash_checklist_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "capacity_assessment" add constraint "capacity_assessment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "capacity_assessment" add constraint "capacity_assessment_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "capacity_assessment" add constraint "capacity_assessment_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "capacity_assessment" add constraint "capacity_assessment_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN', 'DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED', 'CAPACITY_ASSESSMENT_RECORDED', 'CAPACITY_ASSESSMENT_CHANGED'));`,
    );

    for (const table of ['dash_checklist', 'capacity_assessment']) {
      for (const sql of organisationIsolationSql(table, ['select', 'insert', 'update'])) this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "dash_checklist" cascade;`);

    this.addSql(`drop table if exists "capacity_assessment" cascade;`);

    // Their chronology entries go with them, or the older check would refuse the rows.
    this.addSql(
      `delete from "chronology_entry" where "kind" in ('DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED', 'CAPACITY_ASSESSMENT_RECORDED', 'CAPACITY_ASSESSMENT_CHANGED');`,
    );
    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN'));`,
    );
  }
}
