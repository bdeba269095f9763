import { Migration } from '@mikro-orm/migrations';
import { organisationIsolationSql } from '../rls.js';
import { APP_ROLE } from '../request-scope.js';

/**
 * Signed webhooks (modules/webhook/): each organisation's endpoints, the transactional outbox of
 * deliveries, and the delivery log. The application role writes an endpoint's secret but never
 * reads it back (it is granted the other columns only); it reads the outbox and the log of its own
 * organisation and writes neither: the dispatcher does, on the owner's connection. A referral event
 * is queued for both of its organisations' endpoints by `doorstep_queue_webhooks`, in the event's
 * own transaction: row-level security hides the other organisation's endpoints from whoever made
 * the change, so the function runs as its owner, checks the event is the caller's own, and queues
 * only that event, with ids and states only.
 */
export class Migration20261207065427_webhooks extends Migration {
  override async up(): Promise<void> {
    this.addSql(
      `create table "webhook_endpoint" ("organisation_id" uuid not null, "id" uuid not null, "url" text not null, "secret" text null, "previous_secret" text null, "previous_secret_until" timestamptz null, "created_at" timestamptz not null, "rotated_at" timestamptz null, "removed_at" timestamptz null, constraint "webhook_endpoint_pkey" primary key ("organisation_id", "id"));`,
    );

    this.addSql(
      `create table "webhook_delivery" ("organisation_id" uuid not null, "id" uuid not null, "endpoint_id" uuid not null, "event_id" bigint not null, "payload" jsonb not null, "state" text check ("state" in ('PENDING', 'DELIVERED', 'FAILED', 'CANCELLED')) not null default 'PENDING', "attempts" int not null default 0, "next_attempt_at" timestamptz not null, "lease_until" timestamptz null, "created_at" timestamptz not null, "delivered_at" timestamptz null, constraint "webhook_delivery_pkey" primary key ("organisation_id", "id"));`,
    );
    // The dispatchers' claim: due deliveries, oldest first.
    this.addSql(
      `create index "webhook_delivery_due_index" on "webhook_delivery" ("next_attempt_at") where "state" = 'PENDING';`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_organisation_id_endpoint_id_event_id_unique" unique ("organisation_id", "endpoint_id", "event_id");`,
    );

    this.addSql(
      `create table "webhook_attempt" ("organisation_id" uuid not null, "id" bigserial not null, "delivery_id" uuid not null, "endpoint_id" uuid not null, "event_id" bigint not null, "event_type" text not null, "attempt" int not null, "at" timestamptz not null, "http_status" int null, "error_code" text null, "duration_ms" int not null, "ok" boolean not null, "next_attempt_at" timestamptz null, constraint "webhook_attempt_pkey" primary key ("organisation_id", "id"));`,
    );
    this.addSql(
      `create index "webhook_attempt_organisation_id_endpoint_id_id_index" on "webhook_attempt" ("organisation_id", "endpoint_id", "id");`,
    );

    this.addSql(
      `alter table "webhook_endpoint" add constraint "webhook_endpoint_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_delivery" add constraint "webhook_delivery_organisation_id_endpoint_id_foreign" foreign key ("organisation_id", "endpoint_id") references "webhook_endpoint" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_attempt" add constraint "webhook_attempt_organisation_id_foreign" foreign key ("organisation_id") references "organisation" ("id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_attempt" add constraint "webhook_attempt_organisation_id_delivery_id_foreign" foreign key ("organisation_id", "delivery_id") references "webhook_delivery" ("organisation_id", "id") on update cascade;`,
    );
    this.addSql(
      `alter table "webhook_attempt" add constraint "webhook_attempt_organisation_id_endpoint_id_foreign" foreign key ("organisation_id", "endpoint_id") references "webhook_endpoint" ("organisation_id", "id") on update cascade;`,
    );

    // Endpoints: written by the organisation's administrators; the secrets are never read back.
    for (const sql of organisationIsolationSql('webhook_endpoint', ['insert', 'update'])) this.addSql(sql);
    this.addSql(
      `grant select ("organisation_id", "id", "url", "previous_secret_until", "created_at", "rotated_at", "removed_at")
         on "webhook_endpoint" to ${APP_ROLE};`,
    );
    for (const table of ['webhook_delivery', 'webhook_attempt']) {
      for (const sql of organisationIsolationSql(table, ['select'])) this.addSql(sql);
    }

    this.addSql(
      `create function doorstep_queue_webhooks(p_organisation_id uuid, p_event_id bigint) returns integer
         language plpgsql security definer set search_path = pg_catalog, pg_temp
       as $$
       declare
         e public.referral_event%rowtype;
         queued integer;
       begin
         select * into e from public.referral_event where organisation_id = p_organisation_id and id = p_event_id;
         if not found or e.by_organisation_id is distinct from public.doorstep_current_organisation() then
           raise exception 'doorstep_queue_webhooks: not an event of the caller' using errcode = '42501';
         end if;
         insert into public.webhook_delivery
           (organisation_id, id, endpoint_id, event_id, payload, state, attempts, next_attempt_at, created_at)
         select w.organisation_id, gen_random_uuid(), w.id, e.id,
                jsonb_build_object(
                  'id', e.id::text,
                  'type', 'referral.' || lower(e.kind),
                  'occurredAt', to_char(e.at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'),
                  'referralId', e.referral_id,
                  'status', e.status,
                  'version', e.version,
                  'senderOrganisationId', e.organisation_id,
                  'recipientOrganisationId', e.recipient_organisation_id),
                'PENDING', 0, now(), now()
           from public.webhook_endpoint w
          where w.organisation_id in (e.organisation_id, e.recipient_organisation_id)
            and w.removed_at is null
         on conflict do nothing;
         get diagnostics queued = row_count;
         return queued;
       end $$;`,
    );
    this.addSql(`revoke all on function doorstep_queue_webhooks(uuid, bigint) from public;`);
    this.addSql(`grant execute on function doorstep_queue_webhooks(uuid, bigint) to ${APP_ROLE};`);

    // A rotation keeps the old secret for an overlap, which the application role cannot read to
    // copy: this moves it, for an active endpoint of the caller's own organisation only.
    this.addSql(
      `create function doorstep_rotate_webhook_secret(p_endpoint_id uuid, p_secret text, p_overlap interval) returns boolean
         language sql security definer set search_path = pg_catalog, pg_temp
       as $$
         update public.webhook_endpoint
            set previous_secret = secret, previous_secret_until = now() + p_overlap,
                secret = p_secret, rotated_at = now()
          where organisation_id = public.doorstep_current_organisation() and id = p_endpoint_id
            and removed_at is null
         returning true
       $$;`,
    );
    this.addSql(`revoke all on function doorstep_rotate_webhook_secret(uuid, text, interval) from public;`);
    this.addSql(
      `grant execute on function doorstep_rotate_webhook_secret(uuid, text, interval) to ${APP_ROLE};`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`drop function if exists doorstep_rotate_webhook_secret(uuid, text, interval);`);
    this.addSql(`drop function if exists doorstep_queue_webhooks(uuid, bigint);`);
    this.addSql(`drop table if exists "webhook_attempt" cascade;`);
    this.addSql(`drop table if exists "webhook_delivery" cascade;`);
    this.addSql(`drop table if exists "webhook_endpoint" cascade;`);
  }
}
