import { Migration } from '@mikro-orm/migrations';

const KINDS = `'staff', 'tenant', 'public', 'system'`;

/**
 * Anonymous means anonymous, everywhere.
 *
 * - The audit trail gains the actor kind `anonymous`: anonymous feedback from a tenant site or a
 *   public form is recorded with the action, the record and the organisation, and no person, tenant
 *   reference or token. Rows already written stay as they are (the trail is append-only, and each
 *   row is in its organisation's hash chain); the constraint is added unvalidated and then
 *   validated, so the trail is read once and not locked against new rows meanwhile.
 * - Anonymous feedback stored before it was kept apart from its link keeps none now: no link, no
 *   concern, no tenant reference, as anonymous feedback has been stored since. A one-time link keeps
 *   only the day it was used, as links have since, not the moment.
 *
 * Going back cannot give the feedback back what it no longer holds, and leaves rows written as
 * `anonymous` unchecked rather than refuse to go back.
 */
export class Migration20261206223748_anonymous_feedback extends Migration {
  override async up(): Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_actor_kind_check";`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_actor_kind_check" check("actor_kind" in (${KINDS}, 'anonymous')) not valid;`,
    );
    this.addSql(`alter table "audit_event" validate constraint "audit_event_actor_kind_check";`);

    this.addSql(
      `update "feedback_link" set "used_at" = date_trunc('day', "used_at", 'UTC')
        where "used_at" is not null and "used_at" <> date_trunc('day', "used_at", 'UTC');`,
    );
    this.addSql(
      `update "feedback" set "link_id" = null, "concern_id" = null, "tenant_ref" = null
        where "anonymous" and ("link_id" is not null or "concern_id" is not null or "tenant_ref" is not null);`,
    );
  }

  override async down(): Promise<void> {
    this.addSql(`alter table "audit_event" drop constraint if exists "audit_event_actor_kind_check";`);
    this.addSql(
      `alter table "audit_event" add constraint "audit_event_actor_kind_check" check("actor_kind" in (${KINDS})) not valid;`,
    );
  }
}
