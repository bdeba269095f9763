import {
  BigIntType,
  Entity,
  Enum,
  Index,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
} from '@mikro-orm/core';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';

export const AUDIT_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS', 'GRANT'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/** `anonymous`: nobody in particular, for what must not lead back to a person (anonymous feedback). */
export const ACTOR_KINDS = ['staff', 'tenant', 'public', 'system', 'anonymous'] as const;
export type ActorKind = (typeof ACTOR_KINDS)[number];

export const AuditActionEnum = Object.fromEntries(AUDIT_ACTIONS.map((a) => [a, a])) as {
  [K in AuditAction]: K;
};
/** GraphQL enum values are upper case; the column keeps the lower-case kinds. */
export const ActorKindEnum = {
  STAFF: 'staff',
  TENANT: 'tenant',
  PUBLIC: 'public',
  SYSTEM: 'system',
  ANONYMOUS: 'anonymous',
} as const;
registerEnumType(AuditActionEnum, { name: 'AuditAction' });
registerEnumType(ActorKindEnum, {
  name: 'ActorKind',
  description:
    'Who acted: staff, a tenant, the public, Doorstep itself, or someone anonymous (anonymous feedback: no person, token or tenant reference is kept)',
});

/**
 * One thing someone did to a record: who, acting for which organisation, did what, to which record,
 * why, when, in which request. Written in the same transaction as the work it records.
 *
 * Append-only: the application's database role may insert and read rows, never change or delete
 * them, and a trigger refuses changes from anyone else except the sealing of new rows. Sealing
 * (`audit-chain.ts`) puts each row in its organisation's hash chain: `chainSeq` is its place, `hash`
 * covers the row and the hash before it, so an edited, removed or re-ordered row breaks the chain.
 */
@ObjectType({ description: 'One entry of the audit trail' })
@Access(Permission.AuditRead)
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['organisationId', 'at'] })
@Index({ properties: ['entityType', 'entityId'] })
@Unique({ properties: ['organisationId', 'chainSeq'] })
// The rows still to seal, in the order the sealer takes them: its cost stays flat as the trail grows.
@Index({
  name: 'audit_event_unsealed',
  expression:
    'create index "audit_event_unsealed" on "audit_event" ("organisation_id", "id") where "chain_seq" is null',
})
export class AuditEvent {
  [PrimaryKeyProp]?: ['organisationId', 'id'];
  [OptionalProps]?: 'at' | 'chainSeq' | 'prevHash' | 'hash';

  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Field(() => ID)
  @PrimaryKey({ type: new BigIntType('string'), autoincrement: true })
  id!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Field(() => ActorKindEnum)
  @Enum({ items: () => [...ACTOR_KINDS] })
  actorKind!: ActorKind;

  /** The staff member, when a staff member acted. */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  /** The user id, the tenant site's reference for a tenant, the public token's id, `system` or `anonymous`. */
  @Field({
    description: 'The user id, the tenant site’s reference, the public token id, system, or anonymous',
  })
  @Property({ type: 'text' })
  actorRef!: string;

  @Field(() => AuditActionEnum)
  @Enum({ items: () => [...AUDIT_ACTIONS] })
  action!: AuditAction;

  @Field()
  @Property({ type: 'text' })
  entityType!: string;

  /** Null when the action was on no single record (a search, an export of a list). */
  @Field(() => ID, { nullable: true })
  @Property({ type: 'uuid', nullable: true })
  entityId?: string | null;

  /** Why: the reason given (break-glass, a grant), or the legal basis of a share. */
  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Field()
  @Property({ type: 'text' })
  requestId!: string;

  @Field(() => String, {
    nullable: true,
    description: 'Its place in the organisation’s hash chain; null until sealed',
  })
  @Property({ type: new BigIntType('string'), nullable: true })
  chainSeq?: string | null;

  @Property({ type: 'text', nullable: true })
  prevHash?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  hash?: string | null;
}
