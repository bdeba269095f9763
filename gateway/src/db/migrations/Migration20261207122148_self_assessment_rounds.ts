import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../request-scope.js';
import { organisationIsolationSql } from '../rls.js';

/**
 * Rounds of the self-assessment checklist: a round per organisation, one open at a time (a partial
 * unique index), isolated by organisation; the application may add rounds and sign them off (set
 * who and when, nothing else). Each answer may belong to a round (`round_id`): answers saved
 * before this migration stay in no round, as they were never part of a signed-off round. The
 * application may set an answer's round only (opening a round takes in the answers saved since
 * the last sign-off), and a trigger refuses an answer into a signed-off round, or a sign-off undone:
 * a signed-off round is frozen whatever the application asks.
 */
export class Migration20261207122148_self_assessment_rounds extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "self_assessment_round" ("organisation_id" uuid not null, "id" uuid not null, "name" text not null, "opened_by_id" uuid not null, "opened_at" timestamptz not null, "signed_off_by_id" uuid null, "signed_off_at" timestamptz null, constraint "self_assessment_round_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create unique index "self_assessment_round_one_open" on "self_assessment_round" ("organisation_id") where "signed_off_at" is null;`,
    );

    this.addSql(
      `alter table "self_assessment_round" add constraint "self_assessment_round_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "self_assessment_round" add constraint "self_assessment_round_opened_by_id_foreign" foreign key ("opened_by_id") references "app_user" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "self_assessment_round" add constraint "self_assessment_round_signed_off_by_id_foreign" foreign key ("signed_off_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );

    this.addSql(`alter table "self_assessment_answer" add column "round_id" uuid null;`);
    this.addSql(
      `alter table "self_assessment_answer" add constraint "self_assessment_answer_organisation_id_round_id_foreign" foreign key ("organisation_id", "round_id") references "self_assessment_round" ("organisation_id", "id") on update cascade on delete set null (round_id);`,
    );
    this.addSql(
      `create index "self_assessment_answer_round" on "self_assessment_answer" ("organisation_id", "round_id", "question_id", "answered_at" desc, "id" desc);`,
    );

    for (const sql of organisationIsolationSql('self_assessment_round', ['select', 'insert']))
      this.addSql(sql);
    this.addSql(
      `grant update ("signed_off_by_id", "signed_off_at") on "self_assessment_round" to ${APP_ROLE};`,
    );
    this.addSql(`grant update ("round_id") on "self_assessment_answer" to ${APP_ROLE};`);

    this.addSql(`create or replace function doorstep_self_assessment_round_frozen() returns trigger
      language plpgsql as $$
      begin
        if tg_table_name = 'self_assessment_round' then
          if old.signed_off_at is not null then
            raise exception 'self-assessment round % is signed off', old.id using errcode = 'check_violation';
          end if;
        elsif new.round_id is not null and exists (
          select 1 from self_assessment_round r
           where r.organisation_id = new.organisation_id and r.id = new.round_id and r.signed_off_at is not null
        ) or (tg_op = 'UPDATE' and old.round_id is not null) then
          raise exception 'self-assessment round is signed off' using errcode = 'check_violation';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "self_assessment_round_frozen" before update on "self_assessment_round"
      for each row execute function doorstep_self_assessment_round_frozen();`);
    this
      .addSql(`create trigger "self_assessment_answer_round_frozen" before insert or update on "self_assessment_answer"
      for each row execute function doorstep_self_assessment_round_frozen();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "self_assessment_answer_round_frozen" on "self_assessment_answer";`);
    this.addSql(`drop function if exists doorstep_self_assessment_round_frozen() cascade;`);
    this.addSql(`revoke update ("round_id") on "self_assessment_answer" from ${APP_ROLE};`);
    this.addSql(
      `alter table "self_assessment_answer" drop constraint "self_assessment_answer_organisation_id_round_id_foreign";`,
    );
    this.addSql(`drop table if exists "self_assessment_round" cascade;`);
    this.addSql(`drop index "self_assessment_answer_round";`);
    this.addSql(`alter table "self_assessment_answer" drop column "round_id";`);
  }
}
