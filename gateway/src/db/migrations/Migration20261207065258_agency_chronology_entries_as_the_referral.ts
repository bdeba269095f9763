import { Migration } from '@mikro-orm/migrations';

/**
 * An agency's move of a referral goes in the sender's chronology, and nothing else may: the entry
 * must be one of the agency's moves (acknowledged, accepted, declined, closed), about the household
 * the referral names (or none) and only people it names, and recorded by the agency's own officer
 * or nobody. Before, an agency could add an entry of any kind naming any of the sender's
 * households and people, as long as it pointed at a referral sent to it.
 */
export class Migration20261207065258_agency_chronology_entries_as_the_referral extends Migration {
  override async up(): Promise<void> {
    this.addSql(`drop policy if exists "chronology_entry_referral_recipient_adds" on "chronology_entry";`);
    this
      .addSql(`create policy "chronology_entry_referral_recipient_adds" on "chronology_entry" for insert to doorstep_app
      with check ("source_type" = 'Referral'
        and "kind" in ('REFERRAL_ACKNOWLEDGED', 'REFERRAL_ACCEPTED', 'REFERRAL_DECLINED', 'REFERRAL_CLOSED')
        and ("recorded_by_id" is null or exists (select 1 from "app_user" u
              where u."id" = "chronology_entry"."recorded_by_id" and u."organisation_id" = doorstep_current_organisation()))
        and exists (select 1 from "referral" r
                     where r."organisation_id" = "chronology_entry"."organisation_id" and r."id" = "chronology_entry"."source_id"
                       and r."recipient_organisation_id" = doorstep_current_organisation()
                       and "chronology_entry"."household_id" is not distinct from r."household_id"
                       and "chronology_entry"."person_ids" <@ r."person_ids"));`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop policy if exists "chronology_entry_referral_recipient_adds" on "chronology_entry";`);
    this
      .addSql(`create policy "chronology_entry_referral_recipient_adds" on "chronology_entry" for insert to doorstep_app
      with check ("source_type" = 'Referral'
        and exists (select 1 from "referral" r
                     where r."organisation_id" = "chronology_entry"."organisation_id" and r."id" = "chronology_entry"."source_id"
                       and r."recipient_organisation_id" = doorstep_current_organisation()));`);
  }
}
