import {
  Check,
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
import {
  isoDateOf,
  WARNING_STATUSES,
  WARNING_TOLD,
  WARNING_TYPES,
  type WarningStatus,
  type WarningTold,
  type WarningType,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { WarningStatusEnum, WarningToldEnum, WarningTypeEnum } from '../../common/enums.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * A warning (alert) on one person or one household: what kind of risk, how to stay safe in plain
 * words, when it is next reviewed (at most 12 months ahead), whether and how the person was told
 * (or why not), and a manager's sign-off. Visitors see only the type, the description and the
 * review date, of households they work with (`VisitWarning`); leads and managers see it all.
 */
@ObjectType({ description: 'A warning on a person or a household' })
@Access(Permission.WarningRead)
@Entity({ tableName: 'warning' })
@Check({ name: 'warning_one_subject', expression: '("person_id" is null) <> ("household_id" is null)' })
@Index({ properties: ['household', 'status'] })
@Index({ properties: ['person', 'status'] })
@Index({ properties: ['organisation', 'status', 'reviewDate'] })
export class Warning {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?:
    'createdAt' | 'updatedAt' | 'status' | 'version' | 'personId' | 'householdId' | 'overdueForReview';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Person, {
    fieldNames: ['organisation_id', 'person_id'],
    nullable: true,
    deleteRule: 'set null (person_id)',
  })
  person?: Rel<Person> | null = null;

  @ManyToOne(() => Household, {
    fieldNames: ['organisation_id', 'household_id'],
    nullable: true,
    deleteRule: 'set null (household_id)',
  })
  household?: Rel<Household> | null = null;

  @Field(() => WarningTypeEnum)
  @Enum({ items: () => [...WARNING_TYPES] })
  type!: WarningType;

  @Field({ description: 'How to stay safe, in plain words for someone about to visit' })
  @Property({ type: 'text' })
  description!: string;

  @Field({ description: 'YYYY-MM-DD: reviewed by then, at most 12 months ahead' })
  @Property({ type: 'date' })
  reviewDate!: string;

  @Field(() => WarningToldEnum, { description: 'Whether the person was told about the warning' })
  @Enum({ items: () => [...WARNING_TOLD] })
  toldStatus!: WarningTold;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  toldHow?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  notToldReason?: string | null = null;

  @Field(() => WarningStatusEnum)
  @Enum({ items: () => [...WARNING_STATUSES] })
  status: WarningStatus = 'PENDING_SIGN_OFF';

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @ManyToOne(() => User, { nullable: true })
  signedOffBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  signedOffAt?: Date | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  endedAt?: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  endReason?: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  endedBy?: Rel<User> | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => ID, { nullable: true })
  get personId(): string | null {
    return this.person?.id ?? null;
  }

  @Field(() => ID, { nullable: true })
  get householdId(): string | null {
    return this.household?.id ?? null;
  }

  @Field({ description: 'Not ended, and its review date has passed' })
  get overdueForReview(): boolean {
    return this.status !== 'ENDED' && this.reviewDate < isoDateOf();
  }
}
