import { Entity, Enum, Index, OptionalProps, PrimaryKey, Property } from '@mikro-orm/core';

export const AUDIT_ACTIONS = ['READ', 'CREATE', 'UPDATE', 'SHARE', 'EXPORT', 'BREAK_GLASS'] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];

/**
 * One thing someone did to a record. Append-only: written in the same transaction as the work it
 * records. (The hash chain and the auditor's API come with the access issue.)
 */
@Entity({ tableName: 'audit_event' })
@Index({ properties: ['organisationId', 'at'] })
@Index({ properties: ['entityType', 'entityId'] })
export class AuditEvent {
  [OptionalProps]?: 'at';

  @PrimaryKey({ type: 'bigint', autoincrement: true })
  id!: string;

  @Property({ type: 'timestamptz' })
  at: Date = new Date();

  @Property({ type: 'uuid', nullable: true })
  actorUserId?: string | null;

  @Property({ type: 'uuid' })
  organisationId!: string;

  @Enum({ items: () => [...AUDIT_ACTIONS] })
  action!: AuditAction;

  @Property({ type: 'text' })
  entityType!: string;

  @Property({ type: 'uuid' })
  entityId!: string;

  @Property({ type: 'text', nullable: true })
  reason?: string | null;

  @Property({ type: 'text' })
  requestId!: string;
}
