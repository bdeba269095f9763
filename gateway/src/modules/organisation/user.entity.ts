import { Entity, ManyToOne, OptionalProps, PrimaryKey, Property, type Rel } from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import type { Role } from '@doorstep/schema';
import { Organisation } from './organisation.entity.js';

/** Someone who signs in: staff of a housing provider, a contractor, or an agency officer. */
@Entity({ tableName: 'app_user' })
export class User {
  [OptionalProps]?: 'createdAt';

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Organisation)
  organisation!: Rel<Organisation>;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'text', unique: true })
  email!: string;

  @Property({ type: 'text[]' })
  roles!: Role[];

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
