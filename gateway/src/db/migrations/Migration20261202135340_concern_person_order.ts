import { Migration } from '@mikro-orm/migrations';

/** The people of a concern come back in the order the reporter named them (older links: place 0). */
export class Migration20261202135340_concern_person_order extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "concern_person" add column "ordinal" smallint not null default 0;`);
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "concern_person" drop column "ordinal";`);
  }
}
