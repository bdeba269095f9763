import { Migration } from '@mikro-orm/migrations';

/** The few restricted people, found fast: every list of concerns leaves out those naming them. */
export class Migration20261125055703_restricted_people_index extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create index "person_restricted" on "person" ("id") where "restricted";`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "person_restricted";`);
  }
}
