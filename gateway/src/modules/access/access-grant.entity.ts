import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

export const GRANT_SUBJECTS = ['Person', 'Household'] as const;
export type GrantSubject = (typeof GRANT_SUBJECTS)[number];

export const GRANT_KINDS = ['GRANT', 'BREAK_GLASS'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

/**
 * Access to one restricted person or household for one member of staff, until it expires:
 * given by a safeguarding lead (GRANT), or taken in an emergency with a reason (BREAK_GLASS), which
 * is reported to the organisation's safeguarding leads.
 */
@Entity({ tableName: 'access_grant' })
@Index({ properties: ['user', 'subjectType', 'subjectId', 'expiresAt'] })
export class AccessGrant {
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Rel<Organisation>;

  /** Who may see the subject. */
  @ManyToOne(() => User)
  user!: Rel<User>;

  @Enum({ items: () => [...GRANT_SUBJECTS] })
  subjectType!: GrantSubject;

  @Property({ type: 'uuid' })
  subjectId!: string;

  @Enum({ items: () => [...GRANT_KINDS] })
  kind!: GrantKind;

  @Property({ type: 'text' })
  reason!: string;

  /** The lead who gave it; for break-glass, the user themselves. */
  @ManyToOne(() => User)
  grantedBy!: Rel<User>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;
}
