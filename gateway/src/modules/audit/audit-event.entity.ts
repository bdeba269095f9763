import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property, Unique } from '@mikro-orm/core';

export const AUDIT_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS', 'GRANT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

export const ACTOR_KINDS = ['staff', 'tenant', 'public', 'system'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

/**
 * One thing someone did to a record: who, acting for which organisation, did what, to which record,
 * why, when, in which request. Written in the same transaction as the work it records.
 *
 * Append-only: the application's database role may insert and read rows, never change or delete
 * them, and a trigger refuses changes from anyone else except the sealing of new rows. Sealing
 * (`audit-chain.ts`) puts each row in its organisation's hash chain: `chainSeq` is its place, `hash`
 * covers the row and the hash before it, so an edited, removed or re-ordered row breaks the chain.
 */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['organisationId', 'at'] })
@Index({ properties: ['entityType', 'entityId'] })
@Unique({ properties: ['organisationId', 'chainSeq'] })
export class AuditEvent {
  [OptionalProps]?: 'at' | 'chainSeq' | 'prevHash' | 'hash';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => [...ACTOR_KINDS] })
  actorKind!: ActorKind;

  /** The staff member, when a staff member acted. */
  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  /** The user id, the tenant site's reference for a tenant, the public token's id, or `system`. */
  @Property({ type: 'text' })
  actorRef!: string;

  @Enum({ items: () => [...AUDIT_ACTIONS] })
  action!: AuditAction;

  @Property({ type: 'text' })
  entityType!: string;

  /** Null when the action was on no single record (a search, an export of a list). */
  @Property({ type: 'uuid', nullable: true })
  entityId?: string | null;

  /** Why: the reason given (break-glass, a grant), or the legal basis of a share. */
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'text' })
  requestId!: string;

  @Property({ type: 'bigint', nullable: true })
  chainSeq?: string | null;

  @Property({ type: 'text', nullable: true })
  prevHash?: string | null;

  @Property({ type: 'text', nullable: true })
  hash?: string | null;
}
