import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * The safeguarding core (issue 4): households and their members over time, people and their
 * relationships, concerns naming people and a household, triage, warnings, the chronology,
 * cumulative low-level concerns and their triage tasks, who works with which household. Trigram
 * search (pg_trgm) over names and addresses, and row-level security on every new table.
 */
export class Migration20261125053117_safeguarding_core extends Migration {
  override async up(): Promise<void> {
    // Trigram matching for search and duplicate detection. The text searched is made by immutable
    // functions so GIN indexes can hold it (and the seed's bulk inserts need no extra column).
    this.addSql(`create extension if not exists pg_trgm;`);
    this.addSql(`create or replace function doorstep_person_search_text(given text, family text, other text[])
      returns text language sql immutable parallel safe
      as $$ select lower(coalesce(given, '') || ' ' || coalesce(family, '') || coalesce(' ' || array_to_string(other, ' '), '')) $$;`);
    this
      .addSql(`create or replace function doorstep_household_search_text(ref text, line1 text, line2 text, town text, postcode text)
      returns text language sql immutable parallel safe
      as $$ select lower(coalesce(ref, '') || ' ' || coalesce(line1, '') || ' ' || coalesce(line2, '') || ' ' || coalesce(town, '') || ' ' || coalesce(postcode, '')) $$;`);
    this.addSql(
      `create table "household" ("id" uuid not null, "organisation_id" uuid not null, "tenancy_reference" text not null, "address_line1" text not null, "address_line2" text null, "town" text null, "postcode" text not null, "local_authority_area" text not null, "tenure" text check ("tenure" in ('SOCIAL_RENT', 'AFFORDABLE_RENT', 'SHARED_OWNERSHIP', 'LEASEHOLD', 'TEMPORARY_ACCOMMODATION', 'SUPPORTED_HOUSING', 'LICENCE', 'OTHER')) not null, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "household_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "household_search_trgm" on "household" using gin (doorstep_household_search_text("tenancy_reference", "address_line1", "address_line2", "town", "postcode") gin_trgm_ops);`,
    );
    this.addSql(
      `alter table "household" add constraint "household_organisation_id_tenancy_reference_unique" unique ("organisation_id", "tenancy_reference");`,
    );

    this.addSql(
      `create table "task" ("id" uuid not null, "organisation_id" uuid not null, "kind" text check ("kind" in ('TRIAGE_CUMULATIVE_FLAG')) not null, "source_type" text not null, "source_id" uuid not null, "status" text check ("status" in ('OPEN', 'DONE')) not null default 'OPEN', "created_at" timestamptz not null, "due_at" timestamptz not null, "done_at" timestamptz null, "done_by_id" uuid null, constraint "task_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "task_source_type_source_id_index" on "task" ("source_type", "source_id");`);
    this.addSql(
      `create index "task_organisation_id_status_created_at_index" on "task" ("organisation_id", "status", "created_at");`,
    );

    this.addSql(
      `create table "person" ("id" uuid not null, "organisation_id" uuid not null, "given_name" text not null, "family_name" text not null, "other_names" text[] not null, "date_of_birth" date null, "pronouns" text null, "preferred_language" text null, "communication_needs" text null, "interpreter_needed" boolean not null default false, "interpreter_language" text null, "vulnerability_factors" text[] not null, "advocate" text null, "restricted" boolean not null default false, "restricted_reason" text null, "restricted_by_id" uuid null, "restricted_at" timestamptz null, "merged_into_id" uuid null, "merged_at" timestamptz null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "person_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "person_search_trgm" on "person" using gin (doorstep_person_search_text("given_name", "family_name", "other_names") gin_trgm_ops);`,
    );
    this.addSql(
      `create index "person_organisation_id_date_of_birth_index" on "person" ("organisation_id", "date_of_birth");`,
    );

    this.addSql(
      `create table "person_relationship" ("id" uuid not null, "organisation_id" uuid not null, "person_id" uuid not null, "related_person_id" uuid not null, "type" text check ("type" in ('PARENT', 'CHILD', 'PARTNER', 'EX_PARTNER', 'CARER', 'CARED_FOR', 'SIBLING', 'OTHER')) not null, "pair_id" uuid not null, "note" text null, "created_at" timestamptz not null, constraint "person_relationship_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "person_relationship_related_person_id_index" on "person_relationship" ("related_person_id");`,
    );
    this.addSql(`create index "person_relationship_pair_id_index" on "person_relationship" ("pair_id");`);
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_person_id_related_person_id_type_unique" unique ("person_id", "related_person_id", "type");`,
    );

    this.addSql(
      `create table "household_member" ("id" uuid not null, "organisation_id" uuid not null, "household_id" uuid not null, "person_id" uuid not null, "role" text check ("role" in ('LEAD_TENANT', 'JOINT_TENANT', 'OCCUPANT', 'LODGER')) not null, "joined_on" date not null, "left_on" date null, "created_at" timestamptz not null, constraint "household_member_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "household_member_person_id_index" on "household_member" ("person_id");`);
    this.addSql(
      `create index "household_member_household_id_joined_on_index" on "household_member" ("household_id", "joined_on");`,
    );

    this.addSql(
      `create table "household_assignment" ("id" uuid not null, "organisation_id" uuid not null, "user_id" uuid not null, "household_id" uuid not null, "from_date" date not null, "until_date" date null, "reason" text check ("reason" in ('HOUSING_OFFICER_PATCH', 'REPAIR_JOB', 'GAS_SAFETY_CHECK', 'TENANCY_SUPPORT', 'OTHER')) not null, "note" text null, "created_by_id" uuid not null, "created_at" timestamptz not null, constraint "household_assignment_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "household_assignment_household_id_index" on "household_assignment" ("household_id");`,
    );
    this.addSql(
      `create index "household_assignment_user_id_household_id_index" on "household_assignment" ("user_id", "household_id");`,
    );

    this.addSql(
      `create table "cumulative_rule" ("organisation_id" uuid not null, "threshold" int not null, "window_months" int not null, "updated_by_id" uuid null, "updated_at" timestamptz null, constraint "cumulative_rule_pkey" primary key ("organisation_id"));`,
    );

    this.addSql(
      `create table "cumulative_flag" ("id" uuid not null, "organisation_id" uuid not null, "subject_type" text check ("subject_type" in ('PERSON', 'HOUSEHOLD')) not null, "person_id" uuid null, "household_id" uuid null, "status" text check ("status" in ('OPEN', 'REVIEWED')) not null default 'OPEN', "threshold" int not null, "window_months" int not null, "raised_at" timestamptz not null, "reviewed_by_id" uuid null, "reviewed_at" timestamptz null, "review_reason" text null, constraint "cumulative_flag_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "cumulative_flag_organisation_id_status_raised_at_index" on "cumulative_flag" ("organisation_id", "status", "raised_at");`,
    );
    this.addSql(
      `create unique index "cumulative_flag_one_open_per_household" on "cumulative_flag" ("household_id") where "status" = 'OPEN' and "household_id" is not null;`,
    );
    this.addSql(
      `create unique index "cumulative_flag_one_open_per_person" on "cumulative_flag" ("person_id") where "status" = 'OPEN' and "person_id" is not null;`,
    );

    this.addSql(
      `create table "cumulative_flag_concern" ("id" uuid not null, "organisation_id" uuid not null, "flag_id" uuid not null, "concern_id" uuid not null, constraint "cumulative_flag_concern_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "cumulative_flag_concern_concern_id_index" on "cumulative_flag_concern" ("concern_id");`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_flag_id_concern_id_unique" unique ("flag_id", "concern_id");`,
    );

    this.addSql(
      `create table "concern_triage" ("id" uuid not null, "organisation_id" uuid not null, "concern_id" uuid not null, "decision" text check ("decision" in ('NO_FURTHER_ACTION', 'MONITOR_LOW_LEVEL', 'REFER', 'OPEN_CASE')) not null, "risk_level" text check ("risk_level" in ('LOW', 'MEDIUM', 'HIGH')) not null, "previous_risk_level" text check ("previous_risk_level" in ('LOW', 'MEDIUM', 'HIGH')) null, "reason" text not null, "risk_change_reason" text null, "decided_by_id" uuid not null, "decided_at" timestamptz not null, constraint "concern_triage_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "concern_triage_concern_id_decided_at_index" on "concern_triage" ("concern_id", "decided_at");`,
    );

    this.addSql(
      `create table "concern_person" ("id" uuid not null, "organisation_id" uuid not null, "concern_id" uuid not null, "person_id" uuid not null, "role" text check ("role" in ('SUBJECT', 'ALLEGED_SOURCE')) not null, constraint "concern_person_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "concern_person_person_id_index" on "concern_person" ("person_id");`);
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_concern_id_person_id_unique" unique ("concern_id", "person_id");`,
    );

    this.addSql(
      `create table "chronology_entry" ("id" uuid not null, "organisation_id" uuid not null, "kind" text check ("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED')) not null, "occurred_at" timestamptz not null, "recorded_at" timestamptz not null, "household_id" uuid null, "person_ids" uuid[] not null, "source_type" text not null, "source_id" uuid not null, "summary" text not null, "detail" jsonb not null, "recorded_by_id" uuid null, "pinned" boolean not null default false, "pinned_by_id" uuid null, constraint "chronology_entry_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "chronology_entry_person_ids_gin" on "chronology_entry" using gin ("person_ids");`,
    );
    this.addSql(
      `create index "chronology_entry_source_type_source_id_index" on "chronology_entry" ("source_type", "source_id");`,
    );
    this.addSql(
      `create index "chronology_entry_household_id_occurred_at_id_index" on "chronology_entry" ("household_id", "occurred_at", "id");`,
    );

    this.addSql(
      `create table "warning" ("id" uuid not null, "organisation_id" uuid not null, "person_id" uuid null, "household_id" uuid null, "type" text check ("type" in ('RISK_TO_STAFF', 'RISK_TO_CHILDREN', 'RISK_TO_ADULTS', 'ADULT_AT_RISK', 'DISCLOSURE_RISK', 'MARAC_CASE', 'PROTECTION_ORDER')) not null, "description" text not null, "review_date" date not null, "told_status" text check ("told_status" in ('TOLD', 'NOT_TOLD')) not null, "told_how" text null, "not_told_reason" text null, "status" text check ("status" in ('PENDING_SIGN_OFF', 'ACTIVE', 'ENDED')) not null default 'PENDING_SIGN_OFF', "created_by_id" uuid not null, "signed_off_by_id" uuid null, "signed_off_at" timestamptz null, "ended_at" timestamptz null, "end_reason" text null, "ended_by_id" uuid null, "version" int not null default 1, "created_at" timestamptz not null, "updated_at" timestamptz not null, constraint "warning_pkey" primary key ("id"), constraint warning_one_subject check (("person_id" is null) <> ("household_id" is null)));`,
    );
    this.addSql(
      `create index "warning_organisation_id_status_review_date_index" on "warning" ("organisation_id", "status", "review_date");`,
    );
    this.addSql(`create index "warning_person_id_status_index" on "warning" ("person_id", "status");`);
    this.addSql(`create index "warning_household_id_status_index" on "warning" ("household_id", "status");`);

    this.addSql(
      `alter table "household" add constraint "household_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "task" add constraint "task_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "task" add constraint "task_done_by_id_foreign" foreign key ("done_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "person" add constraint "person_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_restricted_by_id_foreign" foreign key ("restricted_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_merged_into_id_foreign" foreign key ("merged_into_id") references "person" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_related_person_id_foreign" foreign key ("related_person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "household_member" add constraint "household_member_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_member" add constraint "household_member_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_member" add constraint "household_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_user_id_foreign" foreign key ("user_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "cumulative_rule" add constraint "cumulative_rule_updated_by_id_foreign" foreign key ("updated_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_reviewed_by_id_foreign" foreign key ("reviewed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_flag_id_foreign" foreign key ("flag_id") references "cumulative_flag" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "concern_triage" add constraint "concern_triage_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_triage" add constraint "concern_triage_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_triage" add constraint "concern_triage_decided_by_id_foreign" foreign key ("decided_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "concern_person" add constraint "concern_person_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_recorded_by_id_foreign" foreign key ("recorded_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_pinned_by_id_foreign" foreign key ("pinned_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "warning" add constraint "warning_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_signed_off_by_id_foreign" foreign key ("signed_off_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_ended_by_id_foreign" foreign key ("ended_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "concern" add column "household_id" uuid null, add column "location_of_risk" text check ("location_of_risk" in ('OWN_HOME', 'COMMUNITY', 'COMMUNITY_SERVICE', 'CARE_HOME_NURSING', 'CARE_HOME_RESIDENTIAL', 'HOSPITAL_ACUTE', 'HOSPITAL_MENTAL_HEALTH', 'HOSPITAL_COMMUNITY', 'OTHER')) null, add column "source_of_risk" text check ("source_of_risk" in ('SERVICE_PROVIDER', 'KNOWN_TO_INDIVIDUAL', 'UNKNOWN_TO_INDIVIDUAL')) null, add column "triage_decision" text check ("triage_decision" in ('NO_FURTHER_ACTION', 'MONITOR_LOW_LEVEL', 'REFER', 'OPEN_CASE')) null, add column "risk_level" text check ("risk_level" in ('LOW', 'MEDIUM', 'HIGH')) null, add column "triage_reason" text null, add column "triaged_at" timestamptz null, add column "triaged_by_id" uuid null, add column "closed_at" timestamptz null, add column "close_reason" text null, add column "closed_by_id" uuid null, add column "version" int not null default 1;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_triaged_by_id_foreign" foreign key ("triaged_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_closed_by_id_foreign" foreign key ("closed_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `create index "concern_household_id_raised_at_id_index" on "concern" ("household_id", "raised_at", "id");`,
    );

    // Row-level security: each request sees and writes only its organisation's rows.
    for (const sql of [
      ...organisationIsolationSql('household', ['select', 'insert', 'update']),
      ...organisationIsolationSql('household_member', ['select', 'insert', 'update', 'delete']),
      ...organisationIsolationSql('household_assignment', ['select', 'insert', 'update']),
      ...organisationIsolationSql('person', ['select', 'insert', 'update']),
      ...organisationIsolationSql('person_relationship', ['select', 'insert', 'update', 'delete']),
      ...organisationIsolationSql('concern_person', ['select', 'insert', 'update', 'delete']),
      ...organisationIsolationSql('concern_triage', ['select', 'insert']),
      ...organisationIsolationSql('warning', ['select', 'insert', 'update']),
      ...organisationIsolationSql('chronology_entry', ['select', 'insert', 'update']),
      ...organisationIsolationSql('cumulative_rule', ['select', 'insert', 'update']),
      ...organisationIsolationSql('cumulative_flag', ['select', 'insert', 'update']),
      ...organisationIsolationSql('cumulative_flag_concern', ['select', 'insert']),
      ...organisationIsolationSql('task', ['select', 'insert', 'update']),
    ]) {
      this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists doorstep_person_search_text(text, text, text[]) cascade;`);
    this.addSql(
      `drop function if exists doorstep_household_search_text(text, text, text, text, text) cascade;`,
    );
    this.addSql(`alter table "household_member" drop constraint "household_member_household_id_foreign";`);

    this.addSql(
      `alter table "household_assignment" drop constraint "household_assignment_household_id_foreign";`,
    );

    this.addSql(`alter table "cumulative_flag" drop constraint "cumulative_flag_household_id_foreign";`);

    this.addSql(`alter table "concern" drop constraint "concern_household_id_foreign";`);

    this.addSql(`alter table "chronology_entry" drop constraint "chronology_entry_household_id_foreign";`);

    this.addSql(`alter table "warning" drop constraint "warning_household_id_foreign";`);

    this.addSql(`alter table "person" drop constraint "person_merged_into_id_foreign";`);

    this.addSql(`alter table "person_relationship" drop constraint "person_relationship_person_id_foreign";`);

    this.addSql(
      `alter table "person_relationship" drop constraint "person_relationship_related_person_id_foreign";`,
    );

    this.addSql(`alter table "household_member" drop constraint "household_member_person_id_foreign";`);

    this.addSql(`alter table "cumulative_flag" drop constraint "cumulative_flag_person_id_foreign";`);

    this.addSql(`alter table "concern_person" drop constraint "concern_person_person_id_foreign";`);

    this.addSql(`alter table "warning" drop constraint "warning_person_id_foreign";`);

    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_flag_id_foreign";`,
    );

    this.addSql(`drop table if exists "household" cascade;`);

    this.addSql(`drop table if exists "task" cascade;`);

    this.addSql(`drop table if exists "person" cascade;`);

    this.addSql(`drop table if exists "person_relationship" cascade;`);

    this.addSql(`drop table if exists "household_member" cascade;`);

    this.addSql(`drop table if exists "household_assignment" cascade;`);

    this.addSql(`drop table if exists "cumulative_rule" cascade;`);

    this.addSql(`drop table if exists "cumulative_flag" cascade;`);

    this.addSql(`drop table if exists "cumulative_flag_concern" cascade;`);

    this.addSql(`drop table if exists "concern_triage" cascade;`);

    this.addSql(`drop table if exists "concern_person" cascade;`);

    this.addSql(`drop table if exists "chronology_entry" cascade;`);

    this.addSql(`drop table if exists "warning" cascade;`);

    this.addSql(`alter table "concern" drop constraint "concern_triaged_by_id_foreign";`);
    this.addSql(`alter table "concern" drop constraint "concern_closed_by_id_foreign";`);

    this.addSql(`drop index "concern_household_id_raised_at_id_index";`);
    this.addSql(
      `alter table "concern" drop column "household_id", drop column "location_of_risk", drop column "source_of_risk", drop column "triage_decision", drop column "risk_level", drop column "triage_reason", drop column "triaged_at", drop column "triaged_by_id", drop column "closed_at", drop column "close_reason", drop column "closed_by_id", drop column "version";`,
    );
  }
}
