import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * Tenant voice: feedback and its scores against the six principles, one-time feedback links (a
 * SHA-256 digest of the token, used once, until it expires), and "you said, we did". Row-level
 * security on every new table. The application role only adds feedback (never changes it); of a
 * link it may change only when it was used, and of an answer only its withdrawal.
 */
export class Migration20261202080201_feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "feedback_link" ("id" uuid not null, "organisation_id" uuid not null, "token_hash" text not null, "concern_id" uuid null, "created_by_id" uuid not null, "created_at" timestamptz not null, "expires_at" timestamptz not null, "used_at" timestamptz null, constraint "feedback_link_pkey" primary key ("id"), constraint feedback_link_about check ("concern_id" is not null));`,
    );
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_token_hash_unique" unique ("token_hash");`,
    );

    this.addSql(
      `create table "feedback" ("id" uuid not null, "organisation_id" uuid not null, "received_at" timestamptz not null, "comment" text null, "anonymous" boolean not null, "name" text null, "phone" text null, "email" text null, "language" text check ("language" in ('en', 'cy')) not null, "channel" text check ("channel" in ('WEB', 'PHONE', 'PAPER', 'IN_PERSON')) not null, "tenant_ref" text null, "link_id" uuid null, "concern_id" uuid null, constraint "feedback_pkey" primary key ("id"), constraint feedback_named_or_anonymous check ((not "anonymous" and "name" is not null) or ("anonymous" and "name" is null and "phone" is null and "email" is null)));`,
    );
    this.addSql(
      `create index "feedback_organisation_id_received_at_index" on "feedback" ("organisation_id", "received_at");`,
    );
    this.addSql(`alter table "feedback" add constraint "feedback_link_id_unique" unique ("link_id");`);

    this.addSql(
      `create table "feedback_rating" ("id" uuid not null, "organisation_id" uuid not null, "feedback_id" uuid not null, "principle" text check ("principle" in ('EMPOWERMENT', 'PREVENTION', 'PROPORTIONALITY', 'PROTECTION', 'PARTNERSHIP', 'ACCOUNTABILITY')) not null, "score" smallint not null, constraint "feedback_rating_pkey" primary key ("id"), constraint feedback_rating_score check ("score" >= 1 and "score" <= 5));`,
    );
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_feedback_id_principle_unique" unique ("feedback_id", "principle");`,
    );

    this.addSql(
      `create table "you_said_we_did" ("id" uuid not null, "organisation_id" uuid not null, "you_said" text not null, "we_did" text not null, "principle" text check ("principle" in ('EMPOWERMENT', 'PREVENTION', 'PROPORTIONALITY', 'PROTECTION', 'PARTNERSHIP', 'ACCOUNTABILITY')) null, "published_at" timestamptz not null, "published_by_id" uuid not null, "withdrawn_at" timestamptz null, "withdrawn_by_id" uuid null, constraint "you_said_we_did_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "you_said_we_did_organisation_id_published_at_index" on "you_said_we_did" ("organisation_id", "published_at");`,
    );

    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "feedback_link" add constraint "feedback_link_created_by_id_foreign" foreign key ("created_by_id") references "app_user" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "feedback" add constraint "feedback_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_link_id_foreign" foreign key ("link_id") references "feedback_link" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "feedback" add constraint "feedback_concern_id_foreign" foreign key ("concern_id") references "concern" ("id") on update cascade on delete set null;`,
    );

    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "feedback_rating" add constraint "feedback_rating_feedback_id_foreign" foreign key ("feedback_id") references "feedback" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "you_said_we_did" add constraint "you_said_we_did_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "you_said_we_did" add constraint "you_said_we_did_published_by_id_foreign" foreign key ("published_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "you_said_we_did" add constraint "you_said_we_did_withdrawn_by_id_foreign" foreign key ("withdrawn_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT', 'FEEDBACK_LINK_SENT'));`,
    );

    for (const sql of [
      ...organisationIsolationSql('feedback_link', ['select', 'insert']),
      `grant update ("used_at") on "feedback_link" to doorstep_app;`,
      ...organisationIsolationSql('feedback', ['select', 'insert']),
      ...organisationIsolationSql('feedback_rating', ['select', 'insert']),
      ...organisationIsolationSql('you_said_we_did', ['select', 'insert']),
      `grant update ("withdrawn_at", "withdrawn_by_id") on "you_said_we_did" to doorstep_app;`,
    ]) {
      this.addSql(sql);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "feedback" drop constraint "feedback_link_id_foreign";`);

    this.addSql(`alter table "feedback_rating" drop constraint "feedback_rating_feedback_id_foreign";`);

    this.addSql(`drop table if exists "feedback_link" cascade;`);

    this.addSql(`drop table if exists "feedback" cascade;`);

    this.addSql(`drop table if exists "feedback_rating" cascade;`);

    this.addSql(`drop table if exists "you_said_we_did" cascade;`);

    this.addSql(`alter table "chronology_entry" drop constraint if exists "chronology_entry_kind_check";`);

    this.addSql(
      `alter table "chronology_entry" add constraint "chronology_entry_kind_check" check("kind" in ('CONCERN_RAISED', 'CONCERN_TRIAGED', 'RISK_LEVEL_CHANGED', 'CONCERN_CLOSED', 'CUMULATIVE_FLAG_RAISED', 'CUMULATIVE_FLAG_REVIEWED', 'WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF', 'WARNING_ENDED', 'MEMBER_JOINED', 'MEMBER_LEFT', 'PERSON_MERGED', 'REFERRAL_SENT'));`,
    );
  }
}
