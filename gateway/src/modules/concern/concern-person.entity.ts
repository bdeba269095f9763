import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import { CONCERN_PERSON_ROLES, type ConcernPersonRole } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Organisation } from '../organisation/organisation.entity.js';
import { Person } from '../person/person.entity.js';
import { Concern } from './concern.entity.js';

/** A person a concern is about (SUBJECT), or, apart from them, an alleged source of harm. */
@Entity({ tableName: 'concern_person' })
@Unique({ properties: ['concern', 'person'] })
@Index({ properties: ['person'] })
export class ConcernPerson {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Concern, { fieldNames: ['organisation_id', 'concern_id'] })
  concern!: Rel<Concern>;

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  @Enum({ items: () => [...CONCERN_PERSON_ROLES] })
  role!: ConcernPersonRole;

  /** Its place among the concern's people of its role, in the order the reporter named them. */
  @Property({ type: 'smallint', default: 0 })
  ordinal: number = 0;
}
