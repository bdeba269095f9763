import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Casework (issue 14): cases (`safeguarding_case`: `case` is an SQL keyword), the people and
 * concerns they are about, their plan of actions, notes and reviews, and the organisation's review
 * frequency; tasks for overdue case actions and reviews, each for the case's lead worker
 * (`task.assignee_id`), at most one open per action or case. Every table is organisation-owned and
 * under row-level security; notes, and a case's people and concerns, are never changed or deleted by
 * the application (no update or delete grant), and nothing of a case is deleted.
 */
export class Migration20261207095919_cases extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "case_review_policy" ("organisation_id" uuid not null, "review_every_weeks" smallint not null, "updated_by_id" uuid null, "updated_at" timestamptz null, constraint "case_review_policy_pkey" primary key ("organisation_id"));`,
    );

    this.addSql(
      `create table "safeguarding_case" ("organisation_id" uuid not null, "id" uuid not null, "status" text check ("status" in ('OPEN', 'CLOSED')) not null default 'OPEN', "household_id" uuid null, "lead_worker_id" uuid not null, "opened_by_id" uuid not null, "opened_at" timestamptz not null, "review_every_weeks" smallint not null, "next_review_due" timestamptz not null, "desired_outcomes_status" text check ("desired_outcomes_status" in ('ASKED_EXPRESSED', 'ASKED_NONE_EXPRESSED', 'NOT_ASKED')) not null, "desired_outcomes" text null, "desired_outcomes_not_asked_reason" text null, "outcomes_asked" boolean null, "outcomes_not_asked_reason" text null, "outcomes_achieved" text check ("outcomes_achieved" in ('FULLY', 'PARTIALLY', 'NOT_ACHIEVED')) null, "risk_outcome" text check ("risk_outcome" in ('REMOVED', 'REDUCED', 'REMAINS')) null, "person_view" text null, "closed_at" timestamptz null, "closed_by_id" uuid null, "reopened_at" timestamptz null, "reopen_reason" text null, "version" int not null default 1, constraint "safeguarding_case_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "safeguarding_case_organisation_id_household_id_status_index" on "safeguarding_case" ("organisation_id", "household_id", "status");`,
    );
    this.addSql(
      `create index "safeguarding_case_organisation_id_status_next_review_due_index" on "safeguarding_case" ("organisation_id", "status", "next_review_due");`,
    );
    this.addSql(
      `create index "safeguarding_case_organisation_id_status_opened_at_id_index" on "safeguarding_case" ("organisation_id", "status", "opened_at", "id");`,
    );

    this.addSql(
      `create table "case_review" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "summary" text not null, "desired_outcomes_changed" boolean not null, "desired_outcomes_status" text check ("desired_outcomes_status" in ('ASKED_EXPRESSED', 'ASKED_NONE_EXPRESSED', 'NOT_ASKED')) not null, "desired_outcomes" text null, "desired_outcomes_not_asked_reason" text null, "reviewed_by_id" uuid not null, "reviewed_at" timestamptz not null, "status" text check ("status" in ('AWAITING_SIGN_OFF', 'SIGNED_OFF')) not null default 'AWAITING_SIGN_OFF', "signed_off_by_id" uuid null, "signed_off_at" timestamptz null, "sign_off_comment" text null, "version" int not null default 1, constraint "case_review_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_review_organisation_id_status_reviewed_at_index" on "case_review" ("organisation_id", "status", "reviewed_at");`,
    );
    this.addSql(
      `create index "case_review_organisation_id_case_id_reviewed_at_index" on "case_review" ("organisation_id", "case_id", "reviewed_at");`,
    );

    this.addSql(
      `create table "case_person" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "person_id" uuid not null, "ordinal" smallint not null, constraint "case_person_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_person_organisation_id_person_id_index" on "case_person" ("organisation_id", "person_id");`,
    );
    this.addSql(
      `alter table "case_person" add constraint "case_person_organisation_id_case_id_person_id_unique" unique ("organisation_id", "case_id", "person_id");`,
    );

    this.addSql(
      `create table "case_note" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "type" text check ("type" in ('CONTACT', 'HOME_VISIT', 'CALL', 'MULTI_AGENCY_MEETING', 'SUPERVISION')) not null, "occurred_at" timestamptz not null, "present" text null, "body" text not null, "author_id" uuid not null, "recorded_at" timestamptz not null, constraint "case_note_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_note_organisation_id_case_id_occurred_at_index" on "case_note" ("organisation_id", "case_id", "occurred_at");`,
    );

    this.addSql(
      `create table "case_concern" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "concern_id" uuid not null, "attached_at" timestamptz not null, constraint "case_concern_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_concern_organisation_id_case_id_index" on "case_concern" ("organisation_id", "case_id");`,
    );
    this.addSql(
      `alter table "case_concern" add constraint "case_concern_organisation_id_concern_id_unique" unique ("organisation_id", "concern_id");`,
    );

    this.addSql(
      `create table "case_action" ("organisation_id" uuid not null, "id" uuid not null, "case_id" uuid not null, "what" text not null, "who" text not null, "due_on" date not null, "status" text check ("status" in ('OPEN', 'DONE', 'CANCELLED')) not null default 'OPEN', "created_by_id" uuid not null, "created_at" timestamptz not null, "version" int not null default 1, constraint "case_action_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "case_action_organisation_id_status_due_on_index" on "case_action" ("organisation_id", "status", "due_on");`,
    );
    this.addSql(
      `create index "case_action_organisation_id_case_id_due_on_index" on "case_action" ("organisation_id", "case_id", "due_on");`,
    );

    this.addSql(
      `alter table "case_review_policy" add constraint "case_review_policy_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade on delete cascade;`,
    );
    this.addSql(
      `alter table "case_review_policy" add constraint "case_review_policy_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "safeguarding_case" add constraint "safeguarding_case_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "safeguarding_case" add constraint "safeguarding_case_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade on delete set null (household_id);`,
    );
    this.addSql(
      `alter table "safeguarding_case" add constraint "safeguarding_case_lead_worker_id_foreign" foreign key ("lead_worker_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "safeguarding_case" add constraint "safeguarding_case_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "safeguarding_case" add constraint "safeguarding_case_closed_by_id_foreign" foreign key ("closed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "case_review" add constraint "case_review_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review" add constraint "case_review_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review" add constraint "case_review_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_review" add constraint "case_review_signed_off_by_id_foreign" foreign key ("signed_off_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "case_person" add constraint "case_person_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_person" add constraint "case_person_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_person" add constraint "case_person_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_note" add constraint "case_note_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_note" add constraint "case_note_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_note" add constraint "case_note_author_id_foreign" foreign key ("author_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_concern" add constraint "case_concern_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_concern" add constraint "case_concern_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_concern" add constraint "case_concern_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );

    this.addSql(
      `alter table "case_action" add constraint "case_action_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_action" add constraint "case_action_organisation_id_case_id_foreign" foreign key ("organisation_id", "case_id") references "safeguarding_case" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "case_action" add constraint "case_action_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(`alter table "task" drop constraint if exists "task_kind_check";`);

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(`alter table "task" add column "assignee_id" uuid null;`);
    this.addSql(
      `alter table "task" add constraint "task_assignee_id_foreign" foreign key ("assignee_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_kind_check" check("kind" in ('TRIAGE_CUMULATIVE_FLAG', 'REFERRAL_OVERDUE', 'CASE_ACTION_OVERDUE', 'CASE_REVIEW_OVERDUE'));`,
    );
    this.addSql(
      `create unique index "task_one_open_per_case_source" on "task" ("organisation_id", "kind", "source_type", "source_id") where "status" = 'OPEN' and "kind" in ('CASE_ACTION_OVERDUE', 'CASE_REVIEW_OVERDUE');`,
    );

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN', 'DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED', 'CAPACITY_ASSESSMENT_RECORDED', 'CAPACITY_ASSESSMENT_CHANGED', 'CASE_OPENED', 'CASE_CONCERN_ATTACHED', 'CASE_ACTION_ADDED', 'CASE_ACTION_CHANGED', 'CASE_NOTE_ADDED', 'CASE_REVIEW_RECORDED', 'CASE_REVIEW_SIGNED_OFF', 'CASE_CLOSED', 'CASE_REOPENED'));`,
    );

    const grants: [string, ('select' | 'insert' | 'update')[]][] = [
      ['safeguarding_case', ['select', 'insert', 'update']],
      ['case_person', ['select', 'insert']],
      ['case_concern', ['select', 'insert']],
      ['case_action', ['select', 'insert', 'update']],
      ['case_note', ['select', 'insert']],
      ['case_review', ['select', 'insert', 'update']],
      ['case_review_policy', ['select', 'insert', 'update']],
    ];
    for (const [table, privileges] of grants) {
      for (const sql of organisationIsolationSql(table, privileges)) this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`delete from "task" where "kind" in ('CASE_ACTION_OVERDUE', 'CASE_REVIEW_OVERDUE');`);
    this.addSql(
      `delete from "chronology_entry" where "kind" in ('CASE_OPENED', 'CASE_CONCERN_ATTACHED', 'CASE_ACTION_ADDED', 'CASE_ACTION_CHANGED', 'CASE_NOTE_ADDED', 'CASE_REVIEW_RECORDED', 'CASE_REVIEW_SIGNED_OFF', 'CASE_CLOSED', 'CASE_REOPENED');`,
    );
    this.addSql(`alter table "case_review" drop constraint "case_review_organisation_id_case_id_foreign";`);

    this.addSql(`alter table "case_person" drop constraint "case_person_organisation_id_case_id_foreign";`);

    this.addSql(`alter table "case_note" drop constraint "case_note_organisation_id_case_id_foreign";`);

    this.addSql(`alter table "case_concern" drop constraint "case_concern_organisation_id_case_id_foreign";`);

    this.addSql(`alter table "case_action" drop constraint "case_action_organisation_id_case_id_foreign";`);

    this.addSql(`drop table if exists "case_review_policy" cascade;`);

    this.addSql(`drop table if exists "safeguarding_case" cascade;`);

    this.addSql(`drop table if exists "case_review" cascade;`);

    this.addSql(`drop table if exists "case_person" cascade;`);

    this.addSql(`drop table if exists "case_note" cascade;`);

    this.addSql(`drop table if exists "case_concern" cascade;`);

    this.addSql(`drop table if exists "case_action" cascade;`);

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(`alter table "task" drop constraint if exists "task_kind_check";`);

    this.addSql(`alter table "task" drop constraint "task_assignee_id_foreign";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT', 'REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED', 'REFERRAL_WITHDRAWN', 'DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED', 'CAPACITY_ASSESSMENT_RECORDED', 'CAPACITY_ASSESSMENT_CHANGED'));`,
    );

    this.addSql(`drop index "task_one_open_per_case_source";`);
    this.addSql(`alter table "task" drop column "assignee_id";`);

    this.addSql(
      `alter table "task" add constraint "task_kind_check" check("kind" in ('TRIAGE_CUMULATIVE_FLAG', 'REFERRAL_OVERDUE'));`,
    );
  }
}
