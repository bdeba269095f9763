import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';

/**
 * The safeguarding self-assessment checklist's answers: an append-only history per organisation
 * and question (the application role may only read and add rows), isolated by organisation, with
 * an index for "each question's latest answer at a time".
 */
export class Migration20261202075851_self_assessment extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "self_assessment_answer" ("id" uuid not null, "organisation_id" uuid not null, "question_id" text check ("question_id" in ('1a', '1b', '2a', '2b', '2c', '3', '4', '5', '6', '7', '8', '9', '10')) not null, "status" text check ("status" in ('YES', 'NO', 'IN_PROGRESS')) not null, "evidence" text null, "answered_by_id" uuid not null, "answered_at" timestamptz not null, constraint "self_assessment_answer_pkey" primary key ("id"));`,
    );
    this.addSql(
      `create index "self_assessment_answer_latest" on "self_assessment_answer" ("organisation_id", "question_id", "answered_at" desc, "id" desc);`,
    );

    this.addSql(
      `alter table "self_assessment_answer" add constraint "self_assessment_answer_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "self_assessment_answer" add constraint "self_assessment_answer_answered_by_id_foreign" foreign key ("answered_by_id") references "app_user" ("id") on update cascade;`,
    );

    for (const sql of organisationIsolationSql('self_assessment_answer', ['select', 'insert']))
      this.addSql(sql);
  }

  override async down(): Promise<void> {
    this.addSql(`drop table if exists "self_assessment_answer" cascade;`);
  }
}
