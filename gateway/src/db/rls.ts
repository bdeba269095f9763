/**
 * SQL for migrations: the application role's grants and row-level security. Migrations call these
 * so every table is protected the same way. Their output must never change (a committed migration
 * must mean the same thing on every install): change behaviour with new functions and new
 * migrations. `test/rls.test.ts` fails if any table is left without row-level security or grants.
 */
import { APP_ROLE } from './request-scope.js';

/** The role and the function that reads the request's organisation. Safe to run more than once. */
export function appRoleSql(): string[] {
  return [
    `do $$ begin
       create role ${APP_ROLE} nologin;
     exception when duplicate_object or unique_violation then null;
     end $$;`,
    // The gateway's own login switches to the role per transaction, so it must be a member.
    `do $$ begin
       execute format('grant ${APP_ROLE} to %I', current_user);
     exception when others then null;
     end $$;`,
    `grant usage on schema public to ${APP_ROLE};`,
    `create or replace function doorstep_current_organisation() returns uuid
       language sql stable
       as $$ select nullif(current_setting('doorstep.organisation_id', true), '')::uuid $$;`,
  ];
}

/**
 * Row-level security on an organisation-owned table: the application role sees and writes only
 * rows of the request's organisation (`column`), and holds only `privileges` on it.
 */
export function organisationIsolationSql(
  table: string,
  privileges: readonly ('select' | 'insert' | 'update' | 'delete')[],
  column = 'organisation_id',
): string[] {
  return [
    `grant ${privileges.join(', ')} on "${table}" to ${APP_ROLE};`,
    `alter table "${table}" enable row level security;`,
    `create policy "${table}_organisation_isolation" on "${table}" to ${APP_ROLE}
       using ("${column}" = doorstep_current_organisation())
       with check ("${column}" = doorstep_current_organisation());`,
  ];
}

/** A table with no personal data and no organisation: grants only. */
export function sharedTableSql(
  table: string,
  privileges: readonly ('select' | 'insert' | 'update' | 'delete')[],
): string[] {
  return [`grant ${privileges.join(', ')} on "${table}" to ${APP_ROLE};`];
}

/**
 * Row-level security on a table of a referral's own records (its moves, its messages), kept with
 * the referral in the sending organisation's rows: the two organisations of the referral read and
 * add them (each row in the writer's own organisation's name, `by_organisation_id`), nobody else.
 */
export function referralPartiesSql(table: string): string[] {
  const ofTheReferral = `exists (select 1 from "referral" r
      where r."organisation_id" = "${table}"."organisation_id" and r."id" = "${table}"."referral_id"
        and (r."organisation_id" = doorstep_current_organisation()
          or r."recipient_organisation_id" = doorstep_current_organisation()))`;
  return [
    `grant select, insert on "${table}" to ${APP_ROLE};`,
    `alter table "${table}" enable row level security;`,
    `create policy "${table}_sender_or_recipient_reads" on "${table}" for select to ${APP_ROLE}
       using (${ofTheReferral});`,
    `create policy "${table}_sender_or_recipient_adds" on "${table}" for insert to ${APP_ROLE}
       with check ("by_organisation_id" = doorstep_current_organisation() and ${ofTheReferral});`,
  ];
}
