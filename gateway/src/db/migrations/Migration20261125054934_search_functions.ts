import { Migration } from '@mikro-orm/migrations';

/**
 * Index-backed lookups that row-level security would otherwise turn into full scans. PostgreSQL
 * applies a table's policies before any condition whose operator is not leakproof, and pg_trgm's
 * similarity operators and the array operators (`&&`, `@>`) are not: under the application role a
 * trigram search or a "which chronology entries name this person" became a sequential scan of the
 * whole table (2 s at 250,000 people). These functions run as the tables' owner, use the GIN
 * indexes, and restrict themselves to the request's organisation (`doorstep_current_organisation()`)
 * explicitly; callers join their ids back to the tables under row-level security as usual.
 */
export class Migration20261125054934_search_functions extends Migration {
  override async up(): Promise<void> {
    // People by name: an exact name first, then trigram word similarity (≥ 0.5); the 200 best.
    this.addSql(`create or replace function doorstep_match_people(q text)
      returns table (id uuid, score real) language sql stable security definer
      set search_path = public, pg_temp set pg_trgm.word_similarity_threshold = 0.5
      as $$
        select p.id, word_similarity(lower(q), doorstep_person_search_text(p.given_name, p.family_name, p.other_names))
          from person p
         where p.organisation_id = doorstep_current_organisation()
           and doorstep_person_search_text(p.given_name, p.family_name, p.other_names) %> lower(q)
         order by 2 desc, 1
         limit 200
      $$;`);
    // Households: an exact tenancy reference alone; otherwise address, postcode or reference by
    // trigram word similarity (≥ 0.5); the 200 best.
    this.addSql(`create or replace function doorstep_match_households(q text)
      returns table (id uuid, score real) language sql stable security definer
      set search_path = public, pg_temp set pg_trgm.word_similarity_threshold = 0.5
      as $$
        with exact as (
          select h.id, 1::real as score from household h
           where h.organisation_id = doorstep_current_organisation() and upper(h.tenancy_reference) = upper(trim(q))
        )
        select * from exact
        union all
        (select h.id, word_similarity(lower(q), doorstep_household_search_text(h.tenancy_reference, h.address_line1, h.address_line2, h.town, h.postcode))
           from household h
          where not exists (select 1 from exact)
            and h.organisation_id = doorstep_current_organisation()
            and doorstep_household_search_text(h.tenancy_reference, h.address_line1, h.address_line2, h.town, h.postcode) %> lower(q)
          order by 2 desc, 1
          limit 200)
      $$;`);
    // Possible duplicates: whole-name trigram similarity (≥ 0.3), or anyone with the date of birth.
    this.addSql(`create or replace function doorstep_similar_people(q text, born date)
      returns table (id uuid) language sql stable security definer
      set search_path = public, pg_temp set pg_trgm.similarity_threshold = 0.3
      as $$
        (select p.id from person p
          where p.organisation_id = doorstep_current_organisation()
            and doorstep_person_search_text(p.given_name, p.family_name, p.other_names) % lower(q)
          limit 200)
        union
        (select p.id from person p
          where p.organisation_id = doorstep_current_organisation() and born is not null and p.date_of_birth = born
          limit 200)
      $$;`);
    // Chronology entries naming any of these people.
    this.addSql(`create or replace function doorstep_entries_naming(people uuid[])
      returns table (id uuid) language sql stable security definer
      set search_path = public, pg_temp
      as $$
        select e.id from chronology_entry e
         where e.organisation_id = doorstep_current_organisation() and e.person_ids && people
      $$;`);
    for (const fn of [
      'doorstep_match_people(text)',
      'doorstep_match_households(text)',
      'doorstep_similar_people(text, date)',
      'doorstep_entries_naming(uuid[])',
    ]) {
      this.addSql(`revoke all on function ${fn} from public;`);
      this.addSql(`grant execute on function ${fn} to doorstep_app;`);
    }
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists doorstep_match_people(text);`);
    this.addSql(`drop function if exists doorstep_match_households(text);`);
    this.addSql(`drop function if exists doorstep_similar_people(text, date);`);
    this.addSql(`drop function if exists doorstep_entries_naming(uuid[]);`);
  }
}
