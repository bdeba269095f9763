import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType, registerEnumType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

export const GRANT_SUBJECTS = ['Person', 'Household'] as const;
export type GrantSubject = (typeof GRANT_SUBJECTS)[number];

export const GRANT_KINDS = ['GRANT', 'BREAK_GLASS'] as const;
export type GrantKind = (typeof GRANT_KINDS)[number];

const enumOf = <T extends string>(values: readonly T[]) =>
  Object.fromEntries(values.map((v) => [v, v])) as { [K in T]: K };
export const GrantSubjectEnum = enumOf(GRANT_SUBJECTS);
export const GrantKindEnum = enumOf(GRANT_KINDS);
registerEnumType(GrantSubjectEnum, { name: 'GrantSubject', description: 'A record that can be restricted' });
registerEnumType(GrantKindEnum, {
  name: 'GrantKind',
  description: 'GRANT: given by a safeguarding lead. BREAK_GLASS: taken in an emergency, with a reason.',
});

/**
 * Access to one restricted person or household for one member of staff, until it expires:
 * given by a safeguarding lead (GRANT), or taken in an emergency with a reason (BREAK_GLASS), which
 * is reported to the organisation's safeguarding leads.
 */
@ObjectType({ description: 'Access to one restricted record for one member of staff, until it expires' })
@Access(Permission.GrantRead)
@Entity({ tableName: 'access_grant' })
@Index({ properties: ['organisation', 'user', 'subjectType', 'subjectId', 'expiresAt'] })
export class AccessGrant {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'revokedAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => User, { description: 'Who may see the record' })
  /** Who may see the subject. */
  @ManyToOne(() => User)
  user!: Rel<User>;

  @Field(() => GrantSubjectEnum)
  @Enum({ items: () => [...GRANT_SUBJECTS] })
  subjectType!: GrantSubject;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => GrantKindEnum)
  @Enum({ items: () => [...GRANT_KINDS] })
  kind!: GrantKind;

  @Field()
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => User, { description: 'The lead who gave it; for break-glass, the user themselves' })
  /** The lead who gave it; for break-glass, the user themselves. */
  @ManyToOne(() => User)
  grantedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  expiresAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  revokedAt?: Date | null = null;
}
