import { Migration } from '@mikro-orm/migrations';
import { APP_ROLE } from '../request-scope.js';

/**
 * A person named in a concern, not on record, linked to their record once a lead has found or
 * added it: who linked it and when. The application role may change only these columns of the
 * row, never what the reporter said.
 */
export class Migration20261202153728_named_person_link extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "concern_named_person" add column "linked_person_id" uuid null, add column "linked_by_id" uuid null, add column "linked_at" timestamptz null;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_linked_person_id_foreign" foreign key ("linked_person_id") references "person" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `alter table "concern_named_person" add constraint "concern_named_person_linked_by_id_foreign" foreign key ("linked_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
    this.addSql(
      `grant update ("linked_person_id", "linked_by_id", "linked_at") on "concern_named_person" to ${APP_ROLE};`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`revoke update on "concern_named_person" from ${APP_ROLE};`);
    this.addSql(
      `alter table "concern_named_person" drop constraint "concern_named_person_linked_person_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_named_person" drop constraint "concern_named_person_linked_by_id_foreign";`,
    );
    this.addSql(
      `alter table "concern_named_person" drop column "linked_person_id", drop column "linked_by_id", drop column "linked_at";`,
    );
  }
}
