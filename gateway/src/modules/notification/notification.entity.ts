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

/** What happened. The words are the widget's; a notification carries no free text of its own. */
export const NOTIFICATION_KINDS = ['BREAK_GLASS', 'ACCESS_GRANTED'] as const;
export type NotificationKind = (typeof NOTIFICATION_KINDS)[number];
export const NotificationKindEnum = Object.fromEntries(NOTIFICATION_KINDS.map((k) => [k, k])) as {
  [K in NotificationKind]: K;
};
registerEnumType(NotificationKindEnum, {
  name: 'NotificationKind',
  description:
    'BREAK_GLASS: someone used break-glass access. ACCESS_GRANTED: you were given access to a restricted record.',
});

/**
 * Something a member of staff needs to know about, addressed to them: kept until read, and pushed
 * live to their open pages (GET /events).
 */
@ObjectType({ description: 'Something you need to know about' })
@Access(Permission.NotificationRead)
@Entity({ tableName: 'notification' })
@Index({ properties: ['recipient', 'readAt', 'createdAt'] })
export class Notification {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'readAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  recipient!: Rel<User>;

  @Field(() => NotificationKindEnum)
  @Enum({ items: () => [...NOTIFICATION_KINDS] })
  kind!: NotificationKind;

  /** What it is about: for BREAK_GLASS and ACCESS_GRANTED, the access grant. */
  @Field({ description: 'The type of record it is about, e.g. AccessGrant' })
  @Property({ type: 'text' })
  subjectType!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  subjectId!: string;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  readAt?: Date | null = null;
}
