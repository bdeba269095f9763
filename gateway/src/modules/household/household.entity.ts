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
  ASSIGNMENT_REASONS,
  HOUSEHOLD_ROLES,
  isoDateOf,
  TENURES,
  type AssignmentReason,
  type HouseholdRole,
  type Tenure,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { AssignmentReasonEnum, HouseholdRoleEnum, TenureEnum } from '../../common/enums.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * A household: one tenancy in one home. Members come and go over time (`HouseholdMember`). Found
 * by search on its address, postcode or tenancy reference through a trigram index over
 * `doorstep_household_search_text(...)` (an SQL function made by the migration).
 */
@ObjectType({ description: 'A household: a tenancy, its home, and the people who live there over time' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'household' })
@Unique({ properties: ['organisation', 'tenancyReference'] })
// Reports by area: whether the area is one of the organisation's, and its households.
@Index({ properties: ['organisation', 'localAuthorityArea'] })
// Reports by area, for each warning or concern: its household's area, read from the index alone.
@Index({
  name: 'household_area',
  expression:
    'create index "household_area" on "household" ("organisation_id", "id") include ("local_authority_area")',
})
@Index({
  name: 'household_search_trgm',
  expression:
    'create index "household_search_trgm" on "household" using gin (doorstep_household_search_text("tenancy_reference", "address_line1", "address_line2", "town", "postcode") gin_trgm_ops)',
})
export class Household {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'updatedAt' | 'addressLine2' | 'town' | 'address';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'The landlord’s reference for the tenancy' })
  @Property({ type: 'text' })
  tenancyReference!: string;

  @Field()
  @Property({ type: 'text' })
  addressLine1!: string;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  addressLine2?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  town?: string | null = null;

  @Field()
  @Property({ type: 'text' })
  postcode!: string;

  @Field({ description: 'The council whose social care and safeguarding board cover the home' })
  @Property({ type: 'text' })
  localAuthorityArea!: string;

  @Field(() => TenureEnum)
  @Enum({ items: () => [...TENURES] })
  tenure!: Tenure;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field({ description: 'The address on one line' })
  get address(): string {
    return addressOf(this);
  }
}

/** An address on one line, for lists and exports. */
export function addressOf(h: {
  addressLine1: string;
  addressLine2?: string | null;
  town?: string | null;
  postcode: string;
}): string {
  return [h.addressLine1, h.addressLine2, h.town, h.postcode].filter(Boolean).join(', ');
}

/** Someone living in a household from one date (until another). */
@ObjectType({ description: 'A person’s membership of a household, from when they joined until they left' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'household_member' })
@Index({ properties: ['household', 'joinedOn'] })
@Index({ properties: ['person'] })
// Reports by area: the households a person lives in now, read from the index alone.
@Index({
  name: 'household_member_current',
  expression:
    'create index "household_member_current" on "household_member" ("organisation_id", "person_id") include ("household_id") where "left_on" is null',
})
export class HouseholdMember {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'leftOn' | 'current';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Household, { fieldNames: ['organisation_id', 'household_id'] })
  household!: Rel<Household>;

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  @Field(() => HouseholdRoleEnum)
  @Enum({ items: () => [...HOUSEHOLD_ROLES] })
  role!: HouseholdRole;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'date' })
  joinedOn!: string;

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD; empty while they still live there' })
  @Property({ type: 'date', nullable: true })
  leftOn?: string | null = null;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field({ description: 'Lives there today' })
  get current(): boolean {
    return isCurrent(this.joinedOn, this.leftOn, isoDateOf());
  }
}

/** A period [from, until] (dates, until open when empty) includes `day`. */
export function isCurrent(from: string, until: string | null | undefined, day: string): boolean {
  return from <= day && (!until || until >= day);
}

/**
 * A member of staff or a contractor working with a household: a housing officer's patch, a repair
 * or a gas job. While it lasts they see the household's warnings (not the concerns behind them).
 * Managed by safeguarding leads.
 */
@ObjectType({ description: 'Who works with a household, from when until when, and why' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'household_assignment' })
@Index({ properties: ['user', 'household'] })
@Index({ properties: ['household'] })
export class HouseholdAssignment {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'untilDate' | 'note' | 'userId' | 'householdId' | 'current';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => User)
  user!: Rel<User>;

  @ManyToOne(() => Household, { fieldNames: ['organisation_id', 'household_id'] })
  household!: Rel<Household>;

  @Field({ name: 'from', description: 'YYYY-MM-DD' })
  @Property({ type: 'date' })
  fromDate!: string;

  @Field(() => String, { name: 'until', nullable: true, description: 'YYYY-MM-DD; empty while open' })
  @Property({ type: 'date', nullable: true })
  untilDate?: string | null = null;

  @Field(() => AssignmentReasonEnum)
  @Enum({ items: () => [...ASSIGNMENT_REASONS] })
  reason!: AssignmentReason;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  note?: string | null = null;

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => ID)
  get userId(): string {
    return this.user.id;
  }

  @Field(() => ID)
  get householdId(): string {
    return this.household.id;
  }

  @Field({ description: 'In force today' })
  get current(): boolean {
    return isCurrent(this.fromDate, this.untilDate, isoDateOf());
  }
}
