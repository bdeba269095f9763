import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { CONCERN_PERSON_ROLES, type ConcernPersonRole } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';
import { Concern } from './concern.entity.js';

/**
 * Someone a concern names who is not on Doorstep's records (or not listed in the household the
 * reporter chose): who the reporter says they are, as typed. The safeguarding team finds or adds
 * their record; until then this is all that is known of them.
 */
@Entity({ tableName: 'concern_named_person' })
@Index({ properties: ['concern'] })
export class ConcernNamedPerson {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Concern, { fieldNames: ['organisation_id', 'concern_id'] })
  concern!: Rel<Concern>;

  @Enum({ items: () => [...CONCERN_PERSON_ROLES] })
  role!: ConcernPersonRole;

  /** Its place among the concern's named people, in the order the reporter named them. */
  @Property({ type: 'smallint' })
  ordinal!: number;

  @Property({ type: 'text' })
  name!: string;

  @Property({ type: 'date', nullable: true })
  dateOfBirth?: string | null = null;

  @Property({ type: 'text', nullable: true })
  description?: string | null = null;

  /** The person's record, once a lead has found or added it and linked it (`linkNamedPerson`). */
  @ManyToOne(() => Person, {
    fieldNames: ['organisation_id', 'linked_person_id'],
    nullable: true,
    deleteRule: 'set null (linked_person_id)',
  })
  linkedPerson?: Rel<Person> | null = null;

  @ManyToOne(() => User, { nullable: true, deleteRule: 'set null' })
  linkedBy?: Rel<User> | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  linkedAt?: Date | null = null;
}
