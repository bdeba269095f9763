import { Migration } from '@mikro-orm/migrations';

/**
 * Indexes for the Think Family counts of open referrals (modules/think-family): a household's,
 * by `(organisation_id, household_id)` (partial: only referrals about a household, so no list by
 * organisation alone takes it for an index of the organisation), and a person's, by the people a referral names (GIN on
 * `person_ids`, without a pending list, as the chronology's: a referral is written once and
 * counted on every household view). Before, each count read all of the organisation's referrals.
 */
export class Migration20261207083847_referral_think_family_indexes extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create index "referral_person_ids_gin" on "referral" using gin ("person_ids") with (fastupdate = off);`,
    );
    this.addSql(
      `create index "referral_household_index" on "referral" ("organisation_id", "household_id") where "household_id" is not null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop index "referral_person_ids_gin";`);
    this.addSql(`drop index "referral_household_index";`);
  }
}
