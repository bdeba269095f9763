import { Migration } from '@mikro-orm/migrations';

/**
 * The referral reports (issue 15) at scale: each referral keeps when the agency first responded
 * (accepted or declined it: what its due date asks for) and the outcome it was closed with, copied
 * from its moves by a trigger in the transaction that records the move, so the reports read the
 * referrals alone instead of looking up every referral's moves (2.8 s a year at a million concerns,
 * 0.2 s without). The moves stay the record; the columns are never set any other way. Referrals
 * already held get theirs from their moves.
 */
export class Migration20261207130500_referral_response extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `alter table "referral" add column "responded_at" timestamptz null, add column "outcome" text null;`,
    );
    this.addSql(`create function doorstep_referral_response() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        if new."to" in ('ACCEPTED', 'DECLINED') then
          update referral set responded_at = coalesce(responded_at, new.at)
           where organisation_id = new.organisation_id and id = new.referral_id;
        elsif new."to" = 'CLOSED' then
          update referral set outcome = new.outcome
           where organisation_id = new.organisation_id and id = new.referral_id;
        end if;
        return null;
      end $$;`);
    this.addSql(`create trigger referral_move_response after insert on "referral_move"
      for each row execute function doorstep_referral_response();`);
    this.addSql(`update referral r set
      responded_at = (select min(m.at) from referral_move m where m.organisation_id = r.organisation_id
                        and m.referral_id = r.id and m."to" in ('ACCEPTED', 'DECLINED')),
      outcome = (select m.outcome from referral_move m where m.organisation_id = r.organisation_id
                   and m.referral_id = r.id and m."to" = 'CLOSED' order by m.at desc limit 1)
      where exists (select 1 from referral_move m where m.organisation_id = r.organisation_id and m.referral_id = r.id);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists referral_move_response on "referral_move";`);
    this.addSql(`drop function if exists doorstep_referral_response();`);
    this.addSql(`alter table "referral" drop column "responded_at", drop column "outcome";`);
  }
}
