import { Migration } from '@mikro-orm/migrations';

/**
 * Keys ready for Citus, sharded by organisation (docs/architecture.md, "Beyond one database
 * server"): every table an organisation owns, except the small ones to be reference tables (users
 * and credentials: test/distribution.ts lists them), gets the primary key `(organisation_id, id)`,
 * its unique constraints and indexes include `organisation_id`, and its foreign keys to other such
 * tables go through `(organisation_id, x_id)`. A record can then never point at another
 * organisation's record, even by a bug. Deleting a record an optional link points at clears only
 * the link's own column (`on delete set null (x_id)`), never `organisation_id`. Statements are
 * ordered so each key exists before a foreign key names it. The work queue's index follows the
 * order it is read in (open tasks, soonest due first).
 */
export class Migration20261207042939_distributed_keys extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "person" drop constraint "person_merged_into_id_foreign";`);
    this.addSql(`alter table "person_relationship" drop constraint "person_relationship_person_id_foreign";`);
    this.addSql(
      `alter table "person_relationship" drop constraint "person_relationship_related_person_id_foreign";`,
    );
    this.addSql(`alter table "household_member" drop constraint "household_member_household_id_foreign";`);
    this.addSql(`alter table "household_member" drop constraint "household_member_person_id_foreign";`);
    this.addSql(
      `alter table "household_assignment" drop constraint "household_assignment_household_id_foreign";`,
    );
    this.addSql(`alter table "cumulative_flag" drop constraint "cumulative_flag_household_id_foreign";`);
    this.addSql(`alter table "cumulative_flag" drop constraint "cumulative_flag_person_id_foreign";`);
    this.addSql(`alter table "concern" drop constraint "concern_household_id_foreign";`);
    this.addSql(`alter table "referral" drop constraint "referral_concern_id_foreign";`);
    this.addSql(`alter table "feedback_link" drop constraint "feedback_link_concern_id_foreign";`);
    this.addSql(`alter table "feedback" drop constraint "feedback_concern_id_foreign";`);
    this.addSql(`alter table "feedback" drop constraint "feedback_link_id_foreign";`);
    this.addSql(`alter table "feedback_rating" drop constraint "feedback_rating_feedback_id_foreign";`);
    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_concern_id_foreign";`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_flag_id_foreign";`,
    );
    this.addSql(`alter table "concern_triage" drop constraint "concern_triage_concern_id_foreign";`);
    this.addSql(`alter table "concern_person" drop constraint "concern_person_concern_id_foreign";`);
    this.addSql(`alter table "concern_person" drop constraint "concern_person_person_id_foreign";`);
    this.addSql(
      `alter table "concern_named_person" drop constraint "concern_named_person_concern_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_named_person" drop constraint "concern_named_person_linked_person_id_foreign";`,
    );
    this.addSql(`alter table "chronology_entry" drop constraint "chronology_entry_household_id_foreign";`);
    this.addSql(`alter table "warning" drop constraint "warning_household_id_foreign";`);
    this.addSql(`alter table "warning" drop constraint "warning_person_id_foreign";`);

    this.addSql(`drop index "task_organisation_id_status_created_at_index";`);
    this.addSql(
      `alter table "person_relationship" drop constraint "person_relationship_person_id_related_person_id_type_unique";`,
    );
    this.addSql(`drop index "person_relationship_related_person_id_index";`);
    this.addSql(`drop index "household_member_household_id_joined_on_index";`);
    this.addSql(`drop index "household_member_person_id_index";`);
    this.addSql(`drop index "household_assignment_household_id_index";`);
    this.addSql(`drop index "household_assignment_user_id_household_id_index";`);
    this.addSql(`drop index "concern_household_id_raised_at_id_index";`);
    this.addSql(`alter table "feedback_link" drop constraint "feedback_link_token_hash_unique";`);
    this.addSql(`alter table "feedback" drop constraint "feedback_link_id_unique";`);
    this.addSql(
      `alter table "feedback_rating" drop constraint "feedback_rating_feedback_id_principle_unique";`,
    );
    this.addSql(`drop index "cumulative_flag_concern_concern_id_index";`);
    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_flag_id_concern_id_unique";`,
    );
    this.addSql(`drop index "concern_triage_concern_id_decided_at_index";`);
    this.addSql(`alter table "concern_person" drop constraint "concern_person_concern_id_person_id_unique";`);
    this.addSql(`drop index "concern_person_person_id_index";`);
    this.addSql(`drop index "concern_named_person_concern_id_index";`);
    this.addSql(`drop index "chronology_entry_household_id_occurred_at_id_index";`);
    this.addSql(`drop index "access_grant_user_id_subject_type_subject_id_expires_at_index";`);
    this.addSql(`drop index "warning_household_id_status_index";`);
    this.addSql(`drop index "warning_person_id_status_index";`);
    this.addSql(`drop index "cumulative_flag_one_open_per_person";`);
    this.addSql(`drop index "cumulative_flag_one_open_per_household";`);

    this.addSql(`alter table "audit_event" drop constraint "audit_event_pkey";`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "idempotency_record" drop constraint "idempotency_record_pkey";`);
    this.addSql(
      `alter table "idempotency_record" add constraint "idempotency_record_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "household" drop constraint "household_pkey";`);
    this.addSql(
      `alter table "household" add constraint "household_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "task" drop constraint "task_pkey";`);
    this.addSql(`alter table "task" add constraint "task_pkey" primary key ("organisation_id", "id");`);
    this.addSql(`alter table "self_assessment_answer" drop constraint "self_assessment_answer_pkey";`);
    this.addSql(
      `alter table "self_assessment_answer" add constraint "self_assessment_answer_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "person" drop constraint "person_pkey";`);
    this.addSql(`alter table "person" add constraint "person_pkey" primary key ("organisation_id", "id");`);
    this.addSql(`alter table "person_relationship" drop constraint "person_relationship_pkey";`);
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "household_member" drop constraint "household_member_pkey";`);
    this.addSql(
      `alter table "household_member" add constraint "household_member_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "notification" drop constraint "notification_pkey";`);
    this.addSql(
      `alter table "notification" add constraint "notification_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "household_assignment" drop constraint "household_assignment_pkey";`);
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "cumulative_flag" drop constraint "cumulative_flag_pkey";`);
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "concern" drop constraint "concern_pkey";`);
    this.addSql(`alter table "concern" add constraint "concern_pkey" primary key ("organisation_id", "id");`);
    this.addSql(`alter table "referral" drop constraint "referral_pkey";`);
    this.addSql(
      `alter table "referral" add constraint "referral_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "feedback_link" drop constraint "feedback_link_pkey";`);
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "feedback" drop constraint "feedback_pkey";`);
    this.addSql(
      `alter table "feedback" add constraint "feedback_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "feedback_rating" drop constraint "feedback_rating_pkey";`);
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_pkey";`);
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "concern_triage" drop constraint "concern_triage_pkey";`);
    this.addSql(
      `alter table "concern_triage" add constraint "concern_triage_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "concern_person" drop constraint "concern_person_pkey";`);
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "concern_named_person" drop constraint "concern_named_person_pkey";`);
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "chronology_entry" drop constraint "chronology_entry_pkey";`);
    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "access_grant" drop constraint "access_grant_pkey";`);
    this.addSql(
      `alter table "access_grant" add constraint "access_grant_pkey" primary key ("organisation_id", "id");`,
    );
    this.addSql(`alter table "warning" drop constraint "warning_pkey";`);
    this.addSql(`alter table "warning" add constraint "warning_pkey" primary key ("organisation_id", "id");`);
    this.addSql(`alter table "you_said_we_did" drop constraint "you_said_we_did_pkey";`);
    this.addSql(
      `alter table "you_said_we_did" add constraint "you_said_we_did_pkey" primary key ("organisation_id", "id");`,
    );

    this.addSql(
      `create index "task_organisation_id_status_due_at_id_index" on "task" ("organisation_id", "status", "due_at", "id");`,
    );
    this.addSql(
      `create index "person_relationship_organisation_id_related_person_id_index" on "person_relationship" ("organisation_id", "related_person_id");`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_organisation_id_person_id_rel_b7c98_unique" unique ("organisation_id", "person_id", "related_person_id", "type");`,
    );
    this.addSql(
      `create index "household_member_organisation_id_person_id_index" on "household_member" ("organisation_id", "person_id");`,
    );
    this.addSql(
      `create index "household_member_organisation_id_household_id_joined_on_index" on "household_member" ("organisation_id", "household_id", "joined_on");`,
    );
    this.addSql(
      `create index "household_assignment_organisation_id_household_id_index" on "household_assignment" ("organisation_id", "household_id");`,
    );
    this.addSql(
      `create index "household_assignment_user_id_organisation_id_household_id_index" on "household_assignment" ("user_id", "organisation_id", "household_id");`,
    );
    this.addSql(
      `create index "concern_organisation_id_household_id_raised_at_id_index" on "concern" ("organisation_id", "household_id", "raised_at", "id");`,
    );
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_organisation_id_token_hash_unique" unique ("organisation_id", "token_hash");`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_organisation_id_link_id_unique" unique ("organisation_id", "link_id");`,
    );
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_organisation_id_feedback_id_principle_unique" unique ("organisation_id", "feedback_id", "principle");`,
    );
    this.addSql(
      `create index "cumulative_flag_concern_organisation_id_concern_id_index" on "cumulative_flag_concern" ("organisation_id", "concern_id");`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_organisation_id_flag_id_c_85098_unique" unique ("organisation_id", "flag_id", "concern_id");`,
    );
    this.addSql(
      `create index "concern_triage_organisation_id_concern_id_decided_at_index" on "concern_triage" ("organisation_id", "concern_id", "decided_at");`,
    );
    this.addSql(
      `create index "concern_person_organisation_id_person_id_index" on "concern_person" ("organisation_id", "person_id");`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_organisation_id_concern_id_person_id_unique" unique ("organisation_id", "concern_id", "person_id");`,
    );
    this.addSql(
      `create index "concern_named_person_organisation_id_concern_id_index" on "concern_named_person" ("organisation_id", "concern_id");`,
    );
    this.addSql(
      `create index "chronology_entry_organisation_id_household_id_occu_e4099_index" on "chronology_entry" ("organisation_id", "household_id", "occurred_at", "id");`,
    );
    this.addSql(
      `create index "access_grant_organisation_id_user_id_subject_type__07ebb_index" on "access_grant" ("organisation_id", "user_id", "subject_type", "subject_id", "expires_at");`,
    );
    this.addSql(
      `create index "warning_organisation_id_person_id_status_index" on "warning" ("organisation_id", "person_id", "status");`,
    );
    this.addSql(
      `create index "warning_organisation_id_household_id_status_index" on "warning" ("organisation_id", "household_id", "status");`,
    );
    this.addSql(
      `create unique index "cumulative_flag_one_open_per_person" on "cumulative_flag" ("organisation_id", "person_id") where "status" = 'OPEN' and "person_id" is not null;`,
    );
    this.addSql(
      `create unique index "cumulative_flag_one_open_per_household" on "cumulative_flag" ("organisation_id", "household_id") where "status" = 'OPEN' and "household_id" is not null;`,
    );

    this.addSql(
      `alter table "person" add constraint "person_organisation_id_merged_into_id_foreign" foreign key ("organisation_id", "merged_into_id") references "person" ("organisation_id", "id") on update cascade on delete set null (merged_into_id);`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_organisation_id_related_person_id_foreign" foreign key ("organisation_id", "related_person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_member" add constraint "household_member_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_member" add constraint "household_member_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade on delete set null (person_id);`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade on delete set null (household_id);`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade on delete set null (household_id);`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade on delete set null (concern_id);`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_organisation_id_link_id_foreign" foreign key ("organisation_id", "link_id") references "feedback_link" ("organisation_id", "id") on update cascade on delete set null (link_id);`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade on delete set null (concern_id);`,
    );
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_organisation_id_feedback_id_foreign" foreign key ("organisation_id", "feedback_id") references "feedback" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_organisation_id_flag_id_foreign" foreign key ("organisation_id", "flag_id") references "cumulative_flag" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_triage" add constraint "concern_triage_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_organisation_id_concern_id_foreign" foreign key ("organisation_id", "concern_id") references "concern" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_organisation_id_linked_person_id_foreign" foreign key ("organisation_id", "linked_person_id") references "person" ("organisation_id", "id") on update cascade on delete set null (linked_person_id);`,
    );
    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade on delete set null (household_id);`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_organisation_id_person_id_foreign" foreign key ("organisation_id", "person_id") references "person" ("organisation_id", "id") on update cascade on delete set null (person_id);`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_organisation_id_household_id_foreign" foreign key ("organisation_id", "household_id") references "household" ("organisation_id", "id") on update cascade on delete set null (household_id);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(
      `alter table "chronology_entry" drop constraint "chronology_entry_organisation_id_household_id_foreign";`,
    );
    this.addSql(`alter table "concern" drop constraint "concern_organisation_id_household_id_foreign";`);
    this.addSql(
      `alter table "concern_named_person" drop constraint "concern_named_person_organisation_id_concern_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_named_person" drop constraint "concern_named_person_organisation_id_linked_person_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_person" drop constraint "concern_person_organisation_id_concern_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_person" drop constraint "concern_person_organisation_id_person_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_triage" drop constraint "concern_triage_organisation_id_concern_id_foreign";`,
    );
    this.addSql(
      `alter table "cumulative_flag" drop constraint "cumulative_flag_organisation_id_person_id_foreign";`,
    );
    this.addSql(
      `alter table "cumulative_flag" drop constraint "cumulative_flag_organisation_id_household_id_foreign";`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_organisation_id_flag_id_foreign";`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_organisation_id_concern_id_foreign";`,
    );
    this.addSql(`alter table "feedback" drop constraint "feedback_organisation_id_link_id_foreign";`);
    this.addSql(`alter table "feedback" drop constraint "feedback_organisation_id_concern_id_foreign";`);
    this.addSql(
      `alter table "feedback_link" drop constraint "feedback_link_organisation_id_concern_id_foreign";`,
    );
    this.addSql(
      `alter table "feedback_rating" drop constraint "feedback_rating_organisation_id_feedback_id_foreign";`,
    );
    this.addSql(
      `alter table "household_assignment" drop constraint "household_assignment_organisation_id_household_id_foreign";`,
    );
    this.addSql(
      `alter table "household_member" drop constraint "household_member_organisation_id_household_id_foreign";`,
    );
    this.addSql(
      `alter table "household_member" drop constraint "household_member_organisation_id_person_id_foreign";`,
    );
    this.addSql(`alter table "person" drop constraint "person_organisation_id_merged_into_id_foreign";`);
    this.addSql(
      `alter table "person_relationship" drop constraint "person_relationship_organisation_id_person_id_foreign";`,
    );
    this.addSql(
      `alter table "person_relationship" drop constraint "person_relationship_organisation_id_related_person_id_foreign";`,
    );
    this.addSql(`alter table "referral" drop constraint "referral_organisation_id_concern_id_foreign";`);
    this.addSql(`alter table "warning" drop constraint "warning_organisation_id_person_id_foreign";`);
    this.addSql(`alter table "warning" drop constraint "warning_organisation_id_household_id_foreign";`);

    this.addSql(`drop index "access_grant_organisation_id_user_id_subject_type__07ebb_index";`);
    this.addSql(`drop index "chronology_entry_organisation_id_household_id_occu_e4099_index";`);
    this.addSql(`drop index "concern_organisation_id_household_id_raised_at_id_index";`);
    this.addSql(`drop index "concern_named_person_organisation_id_concern_id_index";`);
    this.addSql(`drop index "concern_person_organisation_id_person_id_index";`);
    this.addSql(
      `alter table "concern_person" drop constraint "concern_person_organisation_id_concern_id_person_id_unique";`,
    );
    this.addSql(`drop index "concern_triage_organisation_id_concern_id_decided_at_index";`);
    this.addSql(`drop index "cumulative_flag_concern_organisation_id_concern_id_index";`);
    this.addSql(
      `alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_organisation_id_flag_id_c_85098_unique";`,
    );
    this.addSql(`alter table "feedback" drop constraint "feedback_organisation_id_link_id_unique";`);
    this.addSql(
      `alter table "feedback_link" drop constraint "feedback_link_organisation_id_token_hash_unique";`,
    );
    this.addSql(
      `alter table "feedback_rating" drop constraint "feedback_rating_organisation_id_feedback_id_principle_unique";`,
    );
    this.addSql(`drop index "household_assignment_organisation_id_household_id_index";`);
    this.addSql(`drop index "household_assignment_user_id_organisation_id_household_id_index";`);
    this.addSql(`drop index "household_member_organisation_id_person_id_index";`);
    this.addSql(`drop index "household_member_organisation_id_household_id_joined_on_index";`);
    this.addSql(`drop index "person_relationship_organisation_id_related_person_id_index";`);
    this.addSql(
      `alter table "person_relationship" drop constraint "person_relationship_organisation_id_person_id_rel_b7c98_unique";`,
    );
    this.addSql(`drop index "task_organisation_id_status_due_at_id_index";`);
    this.addSql(`drop index "warning_organisation_id_person_id_status_index";`);
    this.addSql(`drop index "warning_organisation_id_household_id_status_index";`);
    this.addSql(`drop index "cumulative_flag_one_open_per_person";`);
    this.addSql(`drop index "cumulative_flag_one_open_per_household";`);

    this.addSql(`alter table "access_grant" drop constraint "access_grant_pkey";`);
    this.addSql(`alter table "access_grant" add constraint "access_grant_pkey" primary key ("id");`);
    this.addSql(`alter table "audit_event" drop constraint "audit_event_pkey";`);
    this.addSql(`alter table "audit_event" add constraint "audit_event_pkey" primary key ("id");`);
    this.addSql(`alter table "chronology_entry" drop constraint "chronology_entry_pkey";`);
    this.addSql(`alter table "chronology_entry" add constraint "chronology_entry_pkey" primary key ("id");`);
    this.addSql(`alter table "concern" drop constraint "concern_pkey";`);
    this.addSql(`alter table "concern" add constraint "concern_pkey" primary key ("id");`);
    this.addSql(`alter table "concern_named_person" drop constraint "concern_named_person_pkey";`);
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_pkey" primary key ("id");`,
    );
    this.addSql(`alter table "concern_person" drop constraint "concern_person_pkey";`);
    this.addSql(`alter table "concern_person" add constraint "concern_person_pkey" primary key ("id");`);
    this.addSql(`alter table "concern_triage" drop constraint "concern_triage_pkey";`);
    this.addSql(`alter table "concern_triage" add constraint "concern_triage_pkey" primary key ("id");`);
    this.addSql(`alter table "cumulative_flag" drop constraint "cumulative_flag_pkey";`);
    this.addSql(`alter table "cumulative_flag" add constraint "cumulative_flag_pkey" primary key ("id");`);
    this.addSql(`alter table "cumulative_flag_concern" drop constraint "cumulative_flag_concern_pkey";`);
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_pkey" primary key ("id");`,
    );
    this.addSql(`alter table "feedback" drop constraint "feedback_pkey";`);
    this.addSql(`alter table "feedback" add constraint "feedback_pkey" primary key ("id");`);
    this.addSql(`alter table "feedback_link" drop constraint "feedback_link_pkey";`);
    this.addSql(`alter table "feedback_link" add constraint "feedback_link_pkey" primary key ("id");`);
    this.addSql(`alter table "feedback_rating" drop constraint "feedback_rating_pkey";`);
    this.addSql(`alter table "feedback_rating" add constraint "feedback_rating_pkey" primary key ("id");`);
    this.addSql(`alter table "household" drop constraint "household_pkey";`);
    this.addSql(`alter table "household" add constraint "household_pkey" primary key ("id");`);
    this.addSql(`alter table "household_assignment" drop constraint "household_assignment_pkey";`);
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_pkey" primary key ("id");`,
    );
    this.addSql(`alter table "household_member" drop constraint "household_member_pkey";`);
    this.addSql(`alter table "household_member" add constraint "household_member_pkey" primary key ("id");`);
    this.addSql(`alter table "idempotency_record" drop constraint "idempotency_record_pkey";`);
    this.addSql(
      `alter table "idempotency_record" add constraint "idempotency_record_pkey" primary key ("id");`,
    );
    this.addSql(`alter table "notification" drop constraint "notification_pkey";`);
    this.addSql(`alter table "notification" add constraint "notification_pkey" primary key ("id");`);
    this.addSql(`alter table "person" drop constraint "person_pkey";`);
    this.addSql(`alter table "person" add constraint "person_pkey" primary key ("id");`);
    this.addSql(`alter table "person_relationship" drop constraint "person_relationship_pkey";`);
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_pkey" primary key ("id");`,
    );
    this.addSql(`alter table "referral" drop constraint "referral_pkey";`);
    this.addSql(`alter table "referral" add constraint "referral_pkey" primary key ("id");`);
    this.addSql(`alter table "self_assessment_answer" drop constraint "self_assessment_answer_pkey";`);
    this.addSql(
      `alter table "self_assessment_answer" add constraint "self_assessment_answer_pkey" primary key ("id");`,
    );
    this.addSql(`alter table "task" drop constraint "task_pkey";`);
    this.addSql(`alter table "task" add constraint "task_pkey" primary key ("id");`);
    this.addSql(`alter table "warning" drop constraint "warning_pkey";`);
    this.addSql(`alter table "warning" add constraint "warning_pkey" primary key ("id");`);
    this.addSql(`alter table "you_said_we_did" drop constraint "you_said_we_did_pkey";`);
    this.addSql(`alter table "you_said_we_did" add constraint "you_said_we_did_pkey" primary key ("id");`);

    this.addSql(
      `create index "access_grant_user_id_subject_type_subject_id_expires_at_index" on "access_grant" ("user_id", "subject_type", "subject_id", "expires_at");`,
    );
    this.addSql(
      `create index "chronology_entry_household_id_occurred_at_id_index" on "chronology_entry" ("household_id", "occurred_at", "id");`,
    );
    this.addSql(
      `create index "concern_household_id_raised_at_id_index" on "concern" ("household_id", "raised_at", "id");`,
    );
    this.addSql(
      `create index "concern_named_person_concern_id_index" on "concern_named_person" ("concern_id");`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_concern_id_person_id_unique" unique ("concern_id", "person_id");`,
    );
    this.addSql(`create index "concern_person_person_id_index" on "concern_person" ("person_id");`);
    this.addSql(
      `create index "concern_triage_concern_id_decided_at_index" on "concern_triage" ("concern_id", "decided_at");`,
    );
    this.addSql(
      `create index "cumulative_flag_concern_concern_id_index" on "cumulative_flag_concern" ("concern_id");`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_flag_id_concern_id_unique" unique ("flag_id", "concern_id");`,
    );
    this.addSql(`alter table "feedback" add constraint "feedback_link_id_unique" unique ("link_id");`);
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_token_hash_unique" unique ("token_hash");`,
    );
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_feedback_id_principle_unique" unique ("feedback_id", "principle");`,
    );
    this.addSql(
      `create index "household_assignment_household_id_index" on "household_assignment" ("household_id");`,
    );
    this.addSql(
      `create index "household_assignment_user_id_household_id_index" on "household_assignment" ("user_id", "household_id");`,
    );
    this.addSql(
      `create index "household_member_household_id_joined_on_index" on "household_member" ("household_id", "joined_on");`,
    );
    this.addSql(`create index "household_member_person_id_index" on "household_member" ("person_id");`);
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_person_id_related_person_id_type_unique" unique ("person_id", "related_person_id", "type");`,
    );
    this.addSql(
      `create index "person_relationship_related_person_id_index" on "person_relationship" ("related_person_id");`,
    );
    this.addSql(
      `create index "task_organisation_id_status_created_at_index" on "task" ("organisation_id", "status", "created_at");`,
    );
    this.addSql(`create index "warning_household_id_status_index" on "warning" ("household_id", "status");`);
    this.addSql(`create index "warning_person_id_status_index" on "warning" ("person_id", "status");`);
    this.addSql(
      `create unique index "cumulative_flag_one_open_per_person" on "cumulative_flag" ("person_id") where "status" = 'OPEN' and "person_id" is not null;`,
    );
    this.addSql(
      `create unique index "cumulative_flag_one_open_per_household" on "cumulative_flag" ("household_id") where "status" = 'OPEN' and "household_id" is not null;`,
    );

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_linked_person_id_foreign" foreign key ("linked_person_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "concern_person" add constraint "concern_person_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "concern_triage" add constraint "concern_triage_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cumulative_flag" add constraint "cumulative_flag_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "cumulative_flag_concern" add constraint "cumulative_flag_concern_flag_id_foreign" foreign key ("flag_id") references "cumulative_flag" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_link_id_foreign" foreign key ("link_id") references "feedback_link" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "household_assignment" add constraint "household_assignment_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "household_member" add constraint "household_member_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "household_member" add constraint "household_member_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "person" add constraint "person_merged_into_id_foreign" foreign key ("merged_into_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "person_relationship" add constraint "person_relationship_related_person_id_foreign" foreign key ("related_person_id") references "person" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "referral" add constraint "referral_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete no action;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_household_id_foreign" foreign key ("household_id") references "household" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "warning" add constraint "warning_person_id_foreign" foreign key ("person_id") references "person" ("id") on update cascade on delete set null;`,
    );
  }
}
