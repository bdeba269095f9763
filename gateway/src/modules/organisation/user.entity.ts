import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, Unique, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Role } from '@doorstep/schema';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { RoleEnum } from '../../common/enums.js';
import { Organisation } from './organisation.entity.js';
import { Team } from './team.entity.js';

/** Someone who signs in: staff of a housing provider, a contractor, or an agency officer. */
@ObjectType('StaffMember', { description: 'A member of staff of your organisation' })
@Access(Permission.StaffRead)
@Entity({ tableName: 'app_user' })
@Unique({ properties: ['organisation', 'externalSubject'] })
export class User {
  [OptionalProps]?: 'createdAt' | 'deactivatedAt' | 'externalSubject';

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Rel<Organisation>;

  @Field()
  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', unique: true })
  email!: string;

  /** What they may do. A token can narrow these, never widen them. */
  @Field(() => [RoleEnum])
  @Property({ type: 'text[]' })
  roles!: Role[];

  /** Their `sub` in the organisation's own sign-in (OpenID Connect), when it has one. */
  @Property({ type: 'text', nullable: true })
  externalSubject?: string | null = null;

  /** Set when they leave: their tokens stop working at once. */
  @Property({ type: 'timestamptz', nullable: true })
  deactivatedAt?: Date | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  /** Their team, if the organisation has teams (`pnpm admin user:team`). */
  @ManyToOne(() => Team, {
    fieldNames: ['organisation_id', 'team_id'],
    nullable: true,
    deleteRule: 'set null (team_id)',
  })
  team?: Rel<Team> | null = null;
}
