import {
  Entity,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Organisation } from './organisation.entity.js';

/**
 * A team of an organisation's staff (a patch, a repairs crew, the tenancy support team). A member
 * of staff belongs to at most one; a concern keeps its reporter's team as it was when raised, so
 * reports by team do not move when someone changes team. Set up with `pnpm admin team:add` and
 * `pnpm admin user:team`.
 */
@Entity({ tableName: 'team' })
@Unique({ properties: ['organisation', 'name'] })
export class Team {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
