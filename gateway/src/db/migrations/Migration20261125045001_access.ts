import { Migration } from '@mikro-orm/migrations';
import { appRoleSql, organisationIsolationSql, sharedTableSql } from '../rls.js';

/**
 * Need-to-know access: credentials (identity providers, API keys, public tokens), exactly-once
 * submissions, rate limits, public and tenant concerns, the audit trail's hash chain, and
 * PostgreSQL row-level security on every organisation-owned table.
 */
export class Migration20261125045001_access extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "idempotency_record" ("id" uuid not null, "organisation_id" uuid not null, "operation" text not null, "key" text not null, "caller" text not null, "request_hash" text not null, "result" jsonb null, "created_at" timestamptz not null, constraint "idempotency_record_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "idempotency_record_created_at_index" on "idempotency_record" ("created_at");`);
    this.addSql(
      `alter table "idempotency_record" add constraint "idempotency_record_organisation_id_operation_key_unique" unique ("organisation_id", "operation", "key");`,
    );

    this.addSql(
      `create table "identity_provider" ("id" uuid not null, "organisation_id" uuid not null, "issuer" text not null, "jwks_uri" text not null, "audience" text not null, "created_at" timestamptz not null, constraint "identity_provider_pkey" primary key ("id"));`,
    );
    this.addSql(
      `alter table "identity_provider" add constraint "identity_provider_issuer_unique" unique ("issuer");`,
    );

    this.addSql(
      `create table "api_key" ("id" uuid not null, "organisation_id" uuid not null, "prefix" text not null, "secret_hash" text not null, "label" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "api_key_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "api_key" add constraint "api_key_prefix_unique" unique ("prefix");`);

    this.addSql(
      `create table "public_token" ("id" uuid not null, "organisation_id" uuid not null, "label" text not null, "created_at" timestamptz not null, "revoked_at" timestamptz null, constraint "public_token_pkey" primary key ("id"));`,
    );
    this.addSql(`create index "public_token_organisation_id_index" on "public_token" ("organisation_id");`);

    this.addSql(
      `create table "rate_limit_window" ("key" text not null, "window_start" timestamptz not null, "hits" int not null, constraint "rate_limit_window_pkey" primary key ("key", "window_start"));`,
    );

    this.addSql(
      `alter table "identity_provider" add constraint "identity_provider_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "api_key" add constraint "api_key_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "public_token" add constraint "public_token_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_action_check";`);

    this.addSql(`alter table "concern" drop constraint if exists "concern_reporter_kind_check";`);

    this.addSql(
      `alter table "audit_event" add column "actor_kind" text check ("actor_kind" in ('staff', 'tenant', 'public', 'system')) not null default 'staff', add column "actor_ref" text not null default '', add column "chain_seq" bigint null, add column "prev_hash" text null, add column "hash" text null;`,
    );
    // Rows written before this migration were all by staff or the demo seed.
    this.addSql(`update "audit_event" set "actor_ref" = coalesce("actor_user_id"::text, 'system');`);
    this.addSql(
      `alter table "audit_event" alter column "actor_kind" drop default, alter column "actor_ref" drop default;`,
    );
    this.addSql(`alter table "audit_event" alter column "entity_id" drop default;`);
    this.addSql(
      `alter table "audit_event" alter column "entity_id" type uuid using ("entity_id"::text::uuid);`,
    );
    this.addSql(`alter table "audit_event" alter column "entity_id" drop not null;`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_action_check" check("action" in ('READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS', 'GRANT'));`,
    );
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_organisation_id_chain_seq_unique" unique ("organisation_id", "chain_seq");`,
    );

    this.addSql(`alter table "organisation" add column "allowed_origins" text[] not null default '{}';`);
    this.addSql(`alter table "organisation" alter column "allowed_origins" drop default;`);

    this.addSql(
      `alter table "app_user" add column "external_subject" text null, add column "deactivated_at" timestamptz null;`,
    );
    this.addSql(
      `alter table "app_user" add constraint "app_user_organisation_id_external_subject_unique" unique ("organisation_id", "external_subject");`,
    );

    this.addSql(
      `alter table "concern" add column "reporter_tenant_ref" text null, add column "about_self" boolean not null default false, add column "reporter_contact_name" text null, add column "reporter_contact_phone" text null, add column "reporter_contact_email" text null;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_reporter_kind_check" check("reporter_kind" in ('STAFF', 'CONTRACTOR', 'TENANT', 'PUBLIC', 'ANONYMOUS_PUBLIC'));`,
    );

    // Row-level security: each request runs as doorstep_app with its organisation set.
    for (const sql of [
      ...appRoleSql(),
      ...organisationIsolationSql('app_user', ['select']),
      ...organisationIsolationSql('concern', ['select', 'insert', 'update']),
      ...organisationIsolationSql('idempotency_record', ['select', 'insert', 'update']),
      ...organisationIsolationSql('identity_provider', ['select']),
      ...organisationIsolationSql('api_key', ['select']),
      ...organisationIsolationSql('public_token', ['select']),
      // Append-only for the application: it may add and read its organisation's rows, nothing else.
      ...organisationIsolationSql('audit_event', ['select', 'insert']),
      `grant usage on sequence "audit_event_id_seq" to doorstep_app;`,
      ...sharedTableSql('concern_reference_counter', ['select', 'insert', 'update']),
      ...sharedTableSql('rate_limit_window', ['select', 'insert', 'update']),
      // Organisations: every request may read names (to choose a partner agency); only its own row is
      // its to change.
      `grant select, update on "organisation" to doorstep_app;`,
      `alter table "organisation" enable row level security;`,
      `create policy "organisation_read" on "organisation" for select to doorstep_app using (true);`,
      `create policy "organisation_update_own" on "organisation" for update to doorstep_app
         using ("id" = doorstep_current_organisation()) with check ("id" = doorstep_current_organisation());`,
    ]) {
      this.addSql(sql);
    }

    // The audit trail is append-only for everyone: the only change allowed is sealing a new row into
    // its organisation's hash chain (setting chain_seq, prev_hash and hash once).
    this
      .addSql(`create or replace function doorstep_audit_append_only() returns trigger language plpgsql as $$
      begin
        if tg_op in ('DELETE', 'TRUNCATE') then
          raise exception 'audit_event is append-only';
        end if;
        if old.hash is not null
          or (new.id, new.at, new.organisation_id, new.actor_kind, new.actor_ref, new.action, new.entity_type, new.request_id)
             is distinct from (old.id, old.at, old.organisation_id, old.actor_kind, old.actor_ref, old.action, old.entity_type, old.request_id)
          or (new.actor_user_id, new.entity_id, new.reason) is distinct from (old.actor_user_id, old.entity_id, old.reason) then
          raise exception 'audit_event is append-only: a row may only be sealed, once';
        end if;
        return new;
      end $$;`);
    this.addSql(`create trigger "audit_event_append_only" before update or delete on "audit_event"
      for each row execute function doorstep_audit_append_only();`);
    this.addSql(`create trigger "audit_event_no_truncate" before truncate on "audit_event"
      for each statement execute function doorstep_audit_append_only();`);
  }

  override async down(): Promise<void> {
    this.addSql(`drop trigger if exists "audit_event_append_only" on "audit_event";`);
    this.addSql(`drop trigger if exists "audit_event_no_truncate" on "audit_event";`);
    this.addSql(`drop function if exists doorstep_audit_append_only();`);
    for (const table of ['app_user', 'concern', 'audit_event']) {
      this.addSql(`drop policy if exists "${table}_organisation_isolation" on "${table}";`);
      this.addSql(`alter table "${table}" disable row level security;`);
    }
    this.addSql(`drop policy if exists "organisation_read" on "organisation";`);
    this.addSql(`drop policy if exists "organisation_update_own" on "organisation";`);
    this.addSql(`alter table "organisation" disable row level security;`);
    this.addSql(`drop table if exists "idempotency_record" cascade;`);

    this.addSql(`drop table if exists "identity_provider" cascade;`);

    this.addSql(`drop table if exists "api_key" cascade;`);

    this.addSql(`drop table if exists "public_token" cascade;`);

    this.addSql(`drop table if exists "rate_limit_window" cascade;`);

    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_action_check";`);

    this.addSql(`alter table "concern" drop constraint if exists "concern_reporter_kind_check";`);

    this.addSql(`alter table "app_user" drop constraint "app_user_organisation_id_external_subject_unique";`);
    this.addSql(`alter table "app_user" drop column "external_subject", drop column "deactivated_at";`);

    this.addSql(`alter table "audit_event" drop constraint "audit_event_organisation_id_chain_seq_unique";`);
    this.addSql(
      `alter table "audit_event" drop column "actor_kind", drop column "actor_ref", drop column "chain_seq", drop column "prev_hash", drop column "hash";`,
    );

    this.addSql(`alter table "audit_event" alter column "entity_id" drop default;`);
    this.addSql(
      `alter table "audit_event" alter column "entity_id" type uuid using ("entity_id"::text::uuid);`,
    );
    this.addSql(`alter table "audit_event" alter column "entity_id" set not null;`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_action_check" check("action" in ('READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS'));`,
    );

    this.addSql(
      `alter table "concern" drop column "reporter_tenant_ref", drop column "about_self", drop column "reporter_contact_name", drop column "reporter_contact_phone", drop column "reporter_contact_email";`,
    );

    this.addSql(
      `alter table "concern" add constraint "concern_reporter_kind_check" check("reporter_kind" in ('STAFF', 'CONTRACTOR', 'TENANT', 'ANONYMOUS_PUBLIC'));`,
    );

    this.addSql(`alter table "organisation" drop column "allowed_origins";`);
  }
}
