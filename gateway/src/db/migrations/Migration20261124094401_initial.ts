import { Migration } from '@mikro-orm/migrations';

export class Migration20261124094401_initial extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "audit_event" ("id" bigserial primary key, "at" timestamptz not null, "actor_user_id" uuid null, "organisation_id" uuid not null, "action" text check ("action" in ('READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS')) not null, "entity_type" text not null, "entity_id" uuid not null, "reason" text null, "request_id" text not null);`,
    );
    this.addSql(
      `create index "audit_event_entity_type_entity_id_index" on "audit_event" ("entity_type", "entity_id");`,
    );
    this.addSql(
      `create index "audit_event_organisation_id_at_index" on "audit_event" ("organisation_id", "at");`,
    );

    this.addSql(
      `create table "concern_reference_counter" ("year" int not null, "last" int not null, constraint "concern_reference_counter_pkey" primary key ("year"));`,
    );

    this.addSql(
      `create table "organisation" ("id" uuid not null, "name" text not null, "kind" text check ("kind" in ('HOUSING_PROVIDER', 'AGENCY')) not null, "agency_type" text check ("agency_type" in ('ADULT_SOCIAL_CARE', 'CHILDRENS_SOCIAL_CARE', 'POLICE', 'MASH', 'MARAC', 'EARLY_HELP', 'MENTAL_HEALTH_CRISIS', 'DOMESTIC_ABUSE_SERVICE', 'HEALTH', 'OTHER')) null, "created_at" timestamptz not null, constraint "organisation_pkey" primary key ("id"));`,
    );

    this.addSql(
      `create table "app_user" ("id" uuid not null, "organisation_id" uuid not null, "name" text not null, "email" text not null, "roles" text[] not null, "created_at" timestamptz not null, constraint "app_user_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "app_user" add constraint "app_user_email_unique" unique ("email");`);

    this.addSql(
      `create table "concern" ("id" uuid not null, "reference" text not null, "organisation_id" uuid not null, "raised_by_id" uuid null, "reporter_kind" text check ("reporter_kind" in ('STAFF', 'CONTRACTOR', 'TENANT', 'ANONYMOUS_PUBLIC')) not null, "status" text check ("status" in ('RAISED', 'TRIAGED', 'CLOSED')) not null default 'RAISED', "urgency" text check ("urgency" in ('IMMEDIATE_DANGER', 'URGENT', 'ROUTINE', 'LOW_LEVEL')) not null, "categories" text[] not null, "primary_category" text check ("primary_category" in ('PHYSICAL', 'SEXUAL', 'PSYCHOLOGICAL', 'FINANCIAL', 'DISCRIMINATORY', 'ORGANISATIONAL', 'NEGLECT', 'DOMESTIC_ABUSE', 'SEXUAL_EXPLOITATION', 'MODERN_SLAVERY', 'SELF_NEGLECT', 'CHILD_NEGLECT', 'CHILD_PHYSICAL', 'CHILD_EMOTIONAL', 'CHILD_SEXUAL', 'CHILD_EXPLOITATION', 'FGM', 'RADICALISATION', 'HATE_CRIME', 'SELF_HARM', 'MENTAL_HEALTH_CRISIS')) null, "subject_description" text not null, "location" text not null, "what_happened" text not null, "happened_at" timestamptz null, "actions_taken" text null, "views_status" text check ("views_status" in ('ASKED_EXPRESSED', 'ASKED_NONE_EXPRESSED', 'NOT_ASKED')) not null, "views" text null, "views_not_asked_reason" text null, "consent_status" text check ("consent_status" in ('GIVEN', 'REFUSED', 'NOT_SOUGHT', 'LACKS_CAPACITY')) not null, "consent_reason" text null, "mental_capacity_concern" boolean not null default false, "children_present" text check ("children_present" in ('YES', 'NO', 'NOT_KNOWN')) not null default 'NOT_KNOWN', "others_at_risk" text null, "raised_at" timestamptz not null, "updated_at" timestamptz not null, constraint "concern_pkey" primary key ("id"));`,
    );
    this.addSql(`alter table "concern" add constraint "concern_reference_unique" unique ("reference");`);
    this.addSql(
      `create index "concern_organisation_id_raised_at_id_index" on "concern" ("organisation_id", "raised_at", "id");`,
    );

    this.addSql(
      `alter table "app_user" add constraint "app_user_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );

    this.addSql(
      `alter table "concern" add constraint "concern_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "concern" add constraint "concern_raised_by_id_foreign" foreign key ("raised_by_id") references "app_user" ("id") on update cascade on delete set null;`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "app_user" drop constraint "app_user_organisation_id_foreign";`);

    this.addSql(`alter table "concern" drop constraint "concern_organisation_id_foreign";`);

    this.addSql(`alter table "concern" drop constraint "concern_raised_by_id_foreign";`);

    this.addSql(`drop table if exists "audit_event" cascade;`);

    this.addSql(`drop table if exists "concern_reference_counter" cascade;`);

    this.addSql(`drop table if exists "organisation" cascade;`);

    this.addSql(`drop table if exists "app_user" cascade;`);

    this.addSql(`drop table if exists "concern" cascade;`);
  }
}
