import { Migration } from '@mikro-orm/migrations';

/**
 * The open referrals naming a person (the Think Family count) through the GIN index on
 * `referral.person_ids`. Under row-level security PostgreSQL applies the policies before `@>`
 * (not leakproof), so the index went unused and each count read all of the organisation's
 * referrals; like `doorstep_entries_naming` (the search functions migration), this runs as the
 * table's owner within the caller's organisation and gives ids only, which the caller joins back
 * to `referral` under row-level security. `rows 5`: a person is named by a few referrals, not the
 * default thousand, so the planner reads each referral's concern by its key.
 */
export class Migration20261207085211_referrals_naming extends Migration {
  override async up(): Promise<void> {
    this.addSql(`create or replace function doorstep_referrals_naming(people uuid[])
      returns table (id uuid) language sql stable security definer rows 5
      set search_path = public, pg_temp
      as $$
        select r.id from referral r
         where r.organisation_id = doorstep_current_organisation() and r.person_ids && people
      $$;`);
    this.addSql(`revoke all on function doorstep_referrals_naming(uuid[]) from public;`);
    this.addSql(`grant execute on function doorstep_referrals_naming(uuid[]) to doorstep_app;`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists doorstep_referrals_naming(uuid[]);`);
  }
}
