import {
  Entity,
  Enum,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  Unique,
  type Rel,
} from '@mikro-orm/core';
import {
  ageOn,
  isChildOn,
  isoDateOf,
  RELATIONSHIP_TYPES,
  VULNERABILITY_FACTORS,
  type RelationshipType,
  type VulnerabilityFactor,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { RelationshipTypeEnum, VulnerabilityFactorEnum } from '../../common/enums.js';
import { TextArrayType } from '../../common/text-array.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * A person known to the organisation: a tenant, a member of a household, someone a concern is about
 * or an alleged source of harm. Whether they are a child is derived from the date of birth at the
 * date of each event, never stored.
 *
 * A restricted person (set by a safeguarding lead, with a reason) is seen only by the lead who
 * restricted them and by staff holding a live grant; everyone else's searches, lists and
 * household views leave them out. A merged-away record stays as a tombstone (`mergedInto`).
 * Found by name through a trigram index over `doorstep_person_search_text(...)` (migration).
 */
@ObjectType({ description: 'A person known to the organisation' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'person' })
@Index({ properties: ['organisation', 'dateOfBirth'] })
// The few restricted people, found fast: every list of concerns leaves out those naming them.
@Index({
  name: 'person_restricted',
  expression: 'create index "person_restricted" on "person" ("id") where "restricted"',
})
@Index({
  name: 'person_search_trgm',
  expression:
    'create index "person_search_trgm" on "person" using gin (doorstep_person_search_text("given_name", "family_name", "other_names") gin_trgm_ops)',
})
export class Person {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?:
    | 'createdAt'
    | 'updatedAt'
    | 'otherNames'
    | 'interpreterNeeded'
    | 'vulnerabilityFactors'
    | 'restricted'
    | 'version'
    | 'displayName'
    | 'age'
    | 'child'
    | 'mergedIntoId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field()
  @Property({ type: 'text' })
  givenName!: string;

  @Field()
  @Property({ type: 'text' })
  familyName!: string;

  @Field(() => [String], { description: 'Other names they are or were known by' })
  @Property({ type: TextArrayType })
  otherNames: string[] = [];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  @Property({ type: 'date', nullable: true })
  dateOfBirth?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  pronouns?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  preferredLanguage?: string | null = null;

  @Field(() => String, { nullable: true, description: 'How to communicate with them well' })
  @Property({ type: 'text', nullable: true })
  communicationNeeds?: string | null = null;

  @Field()
  @Property({ type: 'boolean' })
  interpreterNeeded: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  interpreterLanguage?: string | null = null;

  @Field(() => [VulnerabilityFactorEnum])
  @Enum({ items: () => [...VULNERABILITY_FACTORS], array: true })
  vulnerabilityFactors: VulnerabilityFactor[] = [];

  @Field(() => String, { nullable: true, description: 'Their advocate, and how to reach them' })
  @Property({ type: 'text', nullable: true })
  advocate?: string | null = null;

  @Field({ description: 'Seen only by the lead who restricted them and staff with a grant' })
  @Property({ type: 'boolean' })
  restricted: boolean = false;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  restrictedReason?: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  restrictedBy?: Rel<User> | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  restrictedAt?: Date | null = null;

  /** Set when this record was merged into another: it is kept as a tombstone pointing there. */
  @ManyToOne(() => Person, {
    fieldNames: ['organisation_id', 'merged_into_id'],
    nullable: true,
    deleteRule: 'set null (merged_into_id)',
  })
  mergedInto?: Rel<Person> | null = null;

  @Property({ type: 'timestamptz', nullable: true })
  mergedAt?: Date | null = null;

  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field({ description: 'Given and family name' })
  get displayName(): string {
    return `${this.givenName} ${this.familyName}`;
  }

  @Field(() => Int, { nullable: true, description: 'Age today, in whole years' })
  get age(): number | null {
    return this.dateOfBirth ? ageOn(this.dateOfBirth, isoDateOf()) : null;
  }

  @Field(() => Boolean, {
    nullable: true,
    description: 'Under 18 today (derived from the date of birth; empty when it is not known)',
  })
  get child(): boolean | null {
    return isChildOn(this.dateOfBirth, isoDateOf());
  }

  @Field(() => ID, { nullable: true, description: 'Set on a merged-away record: the record it became' })
  get mergedIntoId(): string | null {
    return this.mergedInto?.id ?? null;
  }
}

/**
 * A typed relationship: `type` is what `relatedPerson` is to `person`. Each is stored with its inverse
 * (the same `pairId`): "B is A's CHILD" comes with "A is B's PARENT".
 */
@ObjectType({ description: 'How a person is related to another' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'person_relationship' })
@Unique({ properties: ['person', 'relatedPerson', 'type'] })
@Index({ properties: ['pairId'] })
@Index({ properties: ['relatedPerson'] })
export class PersonRelationship {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'note';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'related_person_id'] })
  relatedPerson!: Rel<Person>;

  @Field(() => RelationshipTypeEnum, {
    description: 'What the related person is to this person (CHILD: the related person is their child)',
  })
  @Enum({ items: () => [...RELATIONSHIP_TYPES] })
  type!: RelationshipType;

  @Property({ type: 'uuid' })
  pairId!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();
}
