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
  CASE_ACTION_STATUSES,
  CASE_NOTE_TYPES,
  CASE_REVIEW_STATUSES,
  CASE_STATUSES,
  OUTCOMES_ACHIEVED,
  RISK_OUTCOMES,
  VIEWS_STATUSES,
  type CaseActionStatus,
  type CaseNoteType,
  type CaseReviewStatus,
  type CaseStatus,
  type OutcomesAchieved,
  type RiskOutcome,
  type ViewsStatus,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import {
  CaseActionStatusEnum,
  CaseNoteTypeEnum,
  CaseReviewStatusEnum,
  CaseStatusEnum,
  OutcomesAchievedEnum,
  RiskOutcomeEnum,
  ViewsStatusEnum,
} from '../../common/enums.js';
import { Concern } from '../concern/concern.entity.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';

/**
 * A safeguarding case (DESIGN.md "Case"): the work a lead worker does over weeks with people and
 * their household, opened from concerns (triage OPEN_CASE) or directly. What matters to the person
 * ("what matters to me", Making Safeguarding Personal) is asked at opening and revisited at each
 * review; a case closes only with the MSP outcome. `case` is an SQL keyword: the table is
 * `safeguarding_case`.
 */
@ObjectType('Case', {
  description: 'A safeguarding case: people, a lead worker, a plan, notes, reviews and the outcome',
})
@Access(Permission.CaseRead)
@Entity({ tableName: 'safeguarding_case' })
// Lists: open (or closed) cases, newest first; the hourly check: open cases by next review.
@Index({ properties: ['organisation', 'status', 'openedAt', 'id'] })
@Index({ properties: ['organisation', 'status', 'nextReviewDue'] })
@Index({ properties: ['household', 'status'] })
export class Case {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'status' | 'version' | 'openedAt' | 'householdId' | 'leadWorkerId' | 'reviewOverdue';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => CaseStatusEnum)
  @Enum({ items: () => [...CASE_STATUSES] })
  status: CaseStatus = 'OPEN';

  @ManyToOne(() => Household, {
    fieldNames: ['organisation_id', 'household_id'],
    nullable: true,
    deleteRule: 'set null (household_id)',
  })
  household?: Rel<Household> | null = null;

  /** The safeguarding lead or champion who leads the work. */
  @ManyToOne(() => User)
  leadWorker!: Rel<User>;

  @ManyToOne(() => User)
  openedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  openedAt: Date = new Date();

  @Field(() => Int, {
    description: 'Weeks between reviews: the organisation’s frequency when it opened, or its own',
  })
  @Property({ type: 'smallint' })
  reviewEveryWeeks!: number;

  @Field(() => Date, {
    description: 'When the next review is due: the frequency after opening, or the last review',
  })
  @Property({ type: 'timestamptz' })
  nextReviewDue!: Date;

  @Field(() => ViewsStatusEnum, {
    description: 'What matters to the person (their desired outcomes): asked, and what they said',
  })
  @Enum({ items: () => [...VIEWS_STATUSES] })
  desiredOutcomesStatus!: ViewsStatus;

  @Field(() => String, { nullable: true, description: 'What matters to the person, now (in their words)' })
  @Property({ type: 'text', nullable: true })
  desiredOutcomes?: string | null = null;

  @Field(() => String, { nullable: true, description: 'Why the person was not asked' })
  @Property({ type: 'text', nullable: true })
  desiredOutcomesNotAskedReason?: string | null = null;

  // The Making Safeguarding Personal outcome, given at closure (kept when reopened, until the next).
  @Field(() => Boolean, {
    nullable: true,
    description: 'At closure: were the person’s desired outcomes asked?',
  })
  @Property({ type: 'boolean', nullable: true })
  outcomesAsked?: boolean | null = null;

  @Field(() => String, { nullable: true, description: 'At closure: why they were not asked' })
  @Property({ type: 'text', nullable: true })
  outcomesNotAskedReason?: string | null = null;

  @Field(() => OutcomesAchievedEnum, { nullable: true, description: 'At closure: were they achieved?' })
  @Enum({ items: () => [...OUTCOMES_ACHIEVED], nullable: true })
  outcomesAchieved?: OutcomesAchieved | null = null;

  @Field(() => RiskOutcomeEnum, {
    nullable: true,
    description: 'At closure: is the risk removed, reduced or remaining?',
  })
  @Enum({ items: () => [...RISK_OUTCOMES], nullable: true })
  riskOutcome?: RiskOutcome | null = null;

  @Field(() => String, {
    nullable: true,
    description: 'At closure: the person’s own view of how it went, if they gave one',
  })
  @Property({ type: 'text', nullable: true })
  personView?: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  closedBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  reopenedAt?: Date | null = null;

  @Field(() => String, { nullable: true, description: 'Why it was last reopened' })
  @Property({ type: 'text', nullable: true })
  reopenReason?: string | null = null;

  @Field(() => Int, { description: 'Goes up with every change: send it back as expectedVersion' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => ID, { nullable: true })
  get householdId(): string | null {
    return this.household?.id ?? null;
  }

  @Field(() => ID)
  get leadWorkerId(): string {
    return this.leadWorker.id;
  }

  @Field({ description: 'Open, and its next review is past due' })
  get reviewOverdue(): boolean {
    return this.status === 'OPEN' && this.nextReviewDue <= new Date();
  }
}

/** A person a case is about. */
@Entity({ tableName: 'case_person' })
@Unique({ properties: ['case', 'person'] })
@Index({ properties: ['person'] })
export class CasePerson {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'] })
  case!: Rel<Case>;

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  /** Its place among the case's people, in the order they were added. */
  @Property({ type: 'smallint' })
  ordinal!: number;
}

/**
 * Someone who was taken off a case while it was open, when, by whom and why: the record of a
 * `case_person` link that was removed (the link goes, so every rule that reads a case's people
 * reads only its people now).
 */
@Entity({ tableName: 'case_person_removal' })
@Index({ properties: ['case'] })
export class CasePersonRemoval {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'removedAt';
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'] })
  case!: Rel<Case>;

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  @ManyToOne(() => User)
  removedBy!: Rel<User>;

  @Property({ type: 'timestamptz' })
  removedAt: Date = new Date();

  @Property({ type: 'text' })
  reason!: string;
}

/** A concern a case was opened from, or that was attached to it while it was open. One case each. */
@Entity({ tableName: 'case_concern' })
@Unique({ properties: ['organisation', 'concern'] })
@Index({ properties: ['case'] })
export class CaseConcern {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'attachedAt';
  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'] })
  case!: Rel<Case>;

  @ManyToOne(() => Concern, { fieldNames: ['organisation_id', 'concern_id'] })
  concern!: Rel<Concern>;

  @Property({ type: 'timestamptz' })
  attachedAt: Date = new Date();
}

/** An action of a case's plan: what, who, by when, and whether it is done. */
@ObjectType({ description: 'An action of a case’s plan' })
@Access(Permission.CaseRead)
@Entity({ tableName: 'case_action' })
@Index({ properties: ['case', 'dueOn'] })
// The hourly check: open actions past their due date.
@Index({ properties: ['organisation', 'status', 'dueOn'] })
export class CaseAction {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'status' | 'version' | 'createdAt' | 'overdue' | 'caseId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'] })
  case!: Rel<Case>;

  @Field({ description: 'What is to be done' })
  @Property({ type: 'text' })
  what!: string;

  @Field({ description: 'Who does it: a colleague, an agency, the person' })
  @Property({ type: 'text' })
  who!: string;

  @Field({ description: 'YYYY-MM-DD: done by the end of that day' })
  @Property({ type: 'date' })
  dueOn!: string;

  @Field(() => CaseActionStatusEnum)
  @Enum({ items: () => [...CASE_ACTION_STATUSES] })
  status: CaseActionStatus = 'OPEN';

  @ManyToOne(() => User)
  createdBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  createdAt: Date = new Date();

  @Field(() => Int)
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => ID, { description: 'The case whose plan it is' })
  get caseId(): string {
    return this.case.id;
  }
}

/** A note of work on a case: what kind, when, who was there, what happened. */
@ObjectType({ description: 'A case note' })
@Access(Permission.CaseRead)
@Entity({ tableName: 'case_note' })
@Index({ properties: ['case', 'occurredAt'] })
export class CaseNote {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'recordedAt' | 'authorId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'] })
  case!: Rel<Case>;

  @Field(() => CaseNoteTypeEnum)
  @Enum({ items: () => [...CASE_NOTE_TYPES] })
  type!: CaseNoteType;

  @Field(() => Date, { description: 'When the contact, visit, call, meeting or supervision happened' })
  @Property({ type: 'timestamptz' })
  occurredAt!: Date;

  @Field(() => String, { nullable: true, description: 'Who was present or contacted' })
  @Property({ type: 'text', nullable: true })
  present?: string | null = null;

  @Field({ description: 'What happened' })
  @Property({ type: 'text' })
  body!: string;

  @ManyToOne(() => User)
  author!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  @Field(() => ID, { description: 'Who wrote it' })
  get authorId(): string {
    return this.author.id;
  }
}

/**
 * A review of a case: how it is going, and what matters to the person now. A manager signs it off
 * (management oversight).
 */
@ObjectType({ description: 'A review of a case, signed off by a manager' })
@Access(Permission.CaseRead)
@Entity({ tableName: 'case_review' })
@Index({ properties: ['case', 'reviewedAt'] })
@Index({ properties: ['organisation', 'status', 'reviewedAt'] })
export class CaseReview {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'status' | 'version' | 'reviewedAt';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @ManyToOne(() => Case, { fieldNames: ['organisation_id', 'case_id'] })
  case!: Rel<Case>;

  @Field({ description: 'How the work with the person is going' })
  @Property({ type: 'text' })
  summary!: string;

  @Field({ description: 'Whether what matters to the person changed since the last review (or the opening)' })
  @Property({ type: 'boolean' })
  desiredOutcomesChanged!: boolean;

  @Field(() => ViewsStatusEnum, { description: 'What matters to the person at this review: asked?' })
  @Enum({ items: () => [...VIEWS_STATUSES] })
  desiredOutcomesStatus!: ViewsStatus;

  @Field(() => String, { nullable: true, description: 'What matters to the person at this review' })
  @Property({ type: 'text', nullable: true })
  desiredOutcomes?: string | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  desiredOutcomesNotAskedReason?: string | null = null;

  @ManyToOne(() => User)
  reviewedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  reviewedAt: Date = new Date();

  @Field(() => CaseReviewStatusEnum)
  @Enum({ items: () => [...CASE_REVIEW_STATUSES] })
  status: CaseReviewStatus = 'AWAITING_SIGN_OFF';

  @ManyToOne(() => User, { nullable: true })
  signedOffBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  signedOffAt?: Date | null = null;

  @Field(() => String, { nullable: true, description: 'What the manager said at sign-off' })
  @Property({ type: 'text', nullable: true })
  signOffComment?: string | null = null;

  @Field(() => Int)
  @Property({ type: 'integer' })
  version: number = 1;
}

/**
 * How often an organisation's cases are reviewed. Absent: every `DEFAULT_CASE_REVIEW_WEEKS`. A case
 * takes its frequency when it is opened; changing the policy does not move open cases.
 */
@ObjectType({ description: 'How often your organisation’s cases are reviewed' })
@Access(Permission.CaseRead)
@Entity({ tableName: 'case_review_policy' })
export class CaseReviewPolicy {
  [PrimaryKeyProp]?: 'organisation';
  [OptionalProps]?: 'updatedAt' | 'updatedBy' | 'setByOrganisation';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => Int, { description: 'Weeks between reviews of a case' })
  @Property({ type: 'smallint' })
  reviewEveryWeeks!: number;

  @ManyToOne(() => User, { nullable: true })
  updatedBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  updatedAt?: Date | null = null;

  @Field({ description: 'False while your organisation uses Doorstep’s default' })
  get setByOrganisation(): boolean {
    return this.updatedAt !== null && this.updatedAt !== undefined;
  }
}

/** What falls due on open cases soon (`caseWorkDue`): the work queue's case section. */
@ObjectType({ description: 'Case actions and reviews falling due soon, not yet overdue' })
@Access(Permission.Envelope)
export class CaseWorkDue {
  @Field(() => [CaseAction], { description: 'Open actions of open cases, soonest due first' })
  actions!: CaseAction[];

  @Field(() => [Case], { description: 'Open cases whose next review falls due, soonest first' })
  reviews!: Case[];
}
