import { Migration } from '@mikro-orm/migrations';

/**
 * Reports, adults and children (issue 15): each concern keeps the latest date of birth among the
 * people it is about (subjects on record, and people named as subjects with a date of birth), so
 * counting a period's concerns by age reads the concerns alone. Kept in the transaction of every
 * change that could move it: a subject added, removed or re-pointed (a merge), a named person
 * added, changed or removed, a person's date of birth corrected. The functions run as the owner.
 */
export class Migration20261207132053_report_youngest_subject extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "concern" add column "youngest_subject_born" date null;`);
    this.addSql(`create function doorstep_concern_youngest(org uuid, concern uuid) returns void
      language sql security definer set search_path = public, pg_temp as $$
        update concern c set youngest_subject_born = (
          select max(born) from (
            select p.date_of_birth as born from concern_person cp
              join person p on p.organisation_id = cp.organisation_id and p.id = cp.person_id
             where cp.organisation_id = org and cp.concern_id = concern and cp.role = 'SUBJECT'
            union all
            select n.date_of_birth from concern_named_person n
             where n.organisation_id = org and n.concern_id = concern and n.role = 'SUBJECT') b)
         where c.organisation_id = org and c.id = concern
      $$;`);
    this.addSql(`create function doorstep_concern_youngest_of_link() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      begin
        if tg_op <> 'INSERT' then perform doorstep_concern_youngest(old.organisation_id, old.concern_id); end if;
        if tg_op <> 'DELETE' then perform doorstep_concern_youngest(new.organisation_id, new.concern_id); end if;
        return null;
      end $$;`);
    for (const table of ['concern_person', 'concern_named_person']) {
      this.addSql(`create trigger ${table}_youngest after insert or update or delete on "${table}"
        for each row execute function doorstep_concern_youngest_of_link();`);
    }
    this.addSql(`create function doorstep_concern_youngest_of_person() returns trigger language plpgsql
      security definer set search_path = public, pg_temp as $$
      declare r record;
      begin
        for r in select cp.concern_id from concern_person cp
                  where cp.organisation_id = new.organisation_id and cp.person_id = new.id and cp.role = 'SUBJECT' loop
          perform doorstep_concern_youngest(new.organisation_id, r.concern_id);
        end loop;
        return null;
      end $$;`);
    this.addSql(`create trigger person_youngest after update of date_of_birth on "person"
      for each row when (old.date_of_birth is distinct from new.date_of_birth)
      execute function doorstep_concern_youngest_of_person();`);
    this.addSql(`update concern c set youngest_subject_born = (
      select max(born) from (
        select p.date_of_birth as born from concern_person cp
          join person p on p.organisation_id = cp.organisation_id and p.id = cp.person_id
         where cp.organisation_id = c.organisation_id and cp.concern_id = c.id and cp.role = 'SUBJECT'
        union all
        select n.date_of_birth from concern_named_person n
         where n.organisation_id = c.organisation_id and n.concern_id = c.id and n.role = 'SUBJECT') b);`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists person_youngest on "person";`);
    this.addSql(`drop trigger if exists concern_person_youngest on "concern_person";`);
    this.addSql(`drop trigger if exists concern_named_person_youngest on "concern_named_person";`);
    this.addSql(`drop function if exists doorstep_concern_youngest_of_person();`);
    this.addSql(`drop function if exists doorstep_concern_youngest_of_link();`);
    this.addSql(`drop function if exists doorstep_concern_youngest(uuid, uuid);`);
    this.addSql(`alter table "concern" drop column "youngest_subject_born";`);
  }
}
