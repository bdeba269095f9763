import { Entity, OptionalProps, PrimaryKey, PrimaryKeyProp, Property, Unique } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';

/**
 * The first answer to a submission made with a client's idempotency key, so a retry of the same
 * submission gets the same answer instead of a second record. Kept `IDEMPOTENCY_KEEP_DAYS`.
 */
@Entity({ tableName: 'idempotency_record' })
@Unique({ properties: ['organisationId', 'operation', 'key'] })
export class IdempotencyRecord {
  [PrimaryKeyProp]?: ['organisationId', 'id'];
  [OptionalProps]?: 'createdAt' | 'result';

  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  operation!: string;

  @Property({ type: 'text' })
  key!: string;

  /** Who made the first submission: a retry by anyone else is a conflict. */
  @Property({ type: 'text' })
  caller!: string;

  /** SHA-256 of the validated input. */
  @Property({ type: 'text' })
  requestHash!: string;

  @Property({ type: 'jsonb', nullable: true })
  result?: unknown;

  @Property({ type: 'timestamptz', index: true })
  createdAt: Date = new Date();
}
