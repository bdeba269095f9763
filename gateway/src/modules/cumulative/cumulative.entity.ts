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
  FLAG_STATUSES,
  FLAG_SUBJECTS,
  TASK_KINDS,
  TASK_STATUSES,
  type FlagStatus,
  type FlagSubject,
  type TaskKind,
  type TaskStatus,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { FlagStatusEnum, FlagSubjectEnum, TaskKindEnum, TaskStatusEnum } from '../../common/enums.js';
import { Concern } from '../concern/concern.entity.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';

/** An organisation's rule for low-level concerns adding up. Absent: the default (3 in 12 months). */
@ObjectType({ description: 'How many low-level concerns, within how many months, raise a cumulative flag' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'cumulative_rule' })
export class CumulativeRule {
  [OptionalProps]?: 'updatedAt' | 'updatedBy';

  @PrimaryKey({ type: 'uuid' })
  organisationId!: string;

  @Field(() => Int)
  @Property({ type: 'integer' })
  threshold!: number;

  @Field(() => Int)
  @Property({ type: 'integer' })
  windowMonths!: number;

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  updatedAt?: Date | null = null;
}

/**
 * Raised once when low-level concerns about one person or one household reach the organisation's
 * threshold within its window; linked to the concerns behind it, and to a triage task. While it is
 * OPEN, further low-level concerns about the same subject join it; at most one is open per subject
 * (a partial unique index, beside the advisory lock the service takes).
 */
@ObjectType({ description: 'Low-level concerns about one person or household that have added up' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'cumulative_flag' })
@Index({
  name: 'cumulative_flag_one_open_per_person',
  expression:
    'create unique index "cumulative_flag_one_open_per_person" on "cumulative_flag" ("organisation_id", "person_id") where "status" = \'OPEN\' and "person_id" is not null',
})
@Index({
  name: 'cumulative_flag_one_open_per_household',
  expression:
    'create unique index "cumulative_flag_one_open_per_household" on "cumulative_flag" ("organisation_id", "household_id") where "status" = \'OPEN\' and "household_id" is not null',
})
@Index({ properties: ['organisation', 'status', 'raisedAt'] })
export class CumulativeFlag {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'raisedAt' | 'status' | 'personId' | 'householdId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => FlagSubjectEnum)
  @Enum({ items: () => [...FLAG_SUBJECTS] })
  subjectType!: FlagSubject;

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

  @Field(() => FlagStatusEnum)
  @Enum({ items: () => [...FLAG_STATUSES] })
  status: FlagStatus = 'OPEN';

  @Field(() => Int, { description: 'The rule when it was raised: this many…' })
  @Property({ type: 'integer' })
  threshold!: number;

  @Field(() => Int, { description: '…within this many months' })
  @Property({ type: 'integer' })
  windowMonths!: number;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  raisedAt: Date = new Date();

  @ManyToOne(() => User, { nullable: true })
  reviewedBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  reviewedAt?: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reviewReason?: string | null = null;

  @Field(() => ID, { nullable: true })
  get personId(): string | null {
    return this.person?.id ?? null;
  }

  @Field(() => ID, { nullable: true })
  get householdId(): string | null {
    return this.household?.id ?? null;
  }
}

/** A concern behind a cumulative flag. */
@Entity({ tableName: 'cumulative_flag_concern' })
@Unique({ properties: ['flag', 'concern'] })
@Index({ properties: ['concern'] })
export class CumulativeFlagConcern {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => CumulativeFlag, { fieldNames: ['organisation_id', 'flag_id'] })
  flag!: Rel<CumulativeFlag>;

  @ManyToOne(() => Concern, { fieldNames: ['organisation_id', 'concern_id'] })
  concern!: Rel<Concern>;
}

/** Work waiting for a safeguarding lead or champion: triaging a cumulative-concern flag, chasing an overdue referral. */
@ObjectType({ description: 'Work waiting for the safeguarding team' })
@Access(Permission.RecordRead)
@Entity({ tableName: 'task' })
// The work queue: open tasks, soonest due first.
@Index({ properties: ['organisation', 'status', 'dueAt', 'id'] })
@Index({ properties: ['sourceType', 'sourceId'] })
// One open task per overdue case action or case review, however many gateway instances check at once.
@Index({
  name: 'task_one_open_per_case_source',
  expression:
    'create unique index "task_one_open_per_case_source" on "task" ("organisation_id", "kind", "source_type", "source_id") where "status" = \'OPEN\' and "kind" in (\'CASE_ACTION_OVERDUE\', \'CASE_REVIEW_OVERDUE\')',
})
// One overdue-referral task per referral, however many gateway instances check at once.
@Index({
  name: 'task_one_per_overdue_referral',
  expression:
    'create unique index "task_one_per_overdue_referral" on "task" ("organisation_id", "source_type", "source_id") where "kind" = \'REFERRAL_OVERDUE\'',
})
export class Task {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'createdAt' | 'status' | 'assigneeId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => TaskKindEnum)
  @Enum({ items: () => [...TASK_KINDS] })
  kind!: TaskKind;

  @Field({ description: 'The kind of record the task is about (CumulativeFlag, …)' })
  @Property({ type: 'text' })
  sourceType!: string;

  @Field(() => ID)
  @Property({ type: 'uuid' })
  sourceId!: string;

  @Field(() => TaskStatusEnum)
  @Enum({ items: () => [...TASK_STATUSES] })
  status: TaskStatus = 'OPEN';

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  dueAt!: Date;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  doneAt?: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  doneBy?: Rel<User> | null = null;

  /** Whose work it is, when it is one person's (a case's lead worker); otherwise the team's. */
  @ManyToOne(() => User, { nullable: true })
  assignee?: Rel<User> | null = null;

  @Field(() => ID, {
    nullable: true,
    description: 'Whose work it is (a case’s lead worker); empty: the team’s',
  })
  get assigneeId(): string | null {
    return this.assignee?.id ?? null;
  }
}
