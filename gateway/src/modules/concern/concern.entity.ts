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
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import {
  CHILDREN_PRESENT,
  CONCERN_CATEGORIES,
  LOCATIONS_OF_RISK,
  RISK_LEVELS,
  SOURCES_OF_RISK,
  TRIAGE_DECISIONS,
  type LocationOfRisk,
  type RiskLevel,
  type SourceOfRisk,
  type TriageDecision,
  CONCERN_STATUSES,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  REPORTER_KINDS,
  VIEWS_STATUSES,
  type ChildrenPresent,
  type ConcernCategory,
  type ConcernStatus,
  type ConcernUrgency,
  type ConsentStatus,
  type ReporterKind,
  type ViewsStatus,
} from '@doorstep/schema';
import {
  ChildrenPresentEnum,
  ConcernCategoryEnum,
  ConcernStatusEnum,
  ConcernUrgencyEnum,
  ConsentStatusEnum,
  LocationOfRiskEnum,
  ReporterKindEnum,
  RiskLevelEnum,
  SourceOfRiskEnum,
  TriageDecisionEnum,
  ViewsStatusEnum,
} from '../../common/enums.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { Team } from '../organisation/team.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * A safeguarding concern as raised: what someone saw or heard, about whom, how urgent, and the
 * person's own views and consent (Making Safeguarding Personal). Only the fields marked @Field are
 * readable through GraphQL, and only by the roles the resolver allows.
 */
@ObjectType({ description: 'A safeguarding concern as raised' })
@Access(Permission.ConcernRead)
@Entity({ tableName: 'concern' })
@Index({ properties: ['organisation', 'raisedAt', 'id'] })
@Index({ properties: ['household', 'raisedAt', 'id'] })
// The work queue: the concerns waiting for triage, and only those.
@Index({
  name: 'concern_awaiting_triage',
  expression:
    'create index "concern_awaiting_triage" on "concern" ("organisation_id", "raised_at", "id") where "status" = \'RAISED\'',
})
// Time to triage's percentiles: the times within one working hour, in order, of a period's concerns.
@Index({
  name: 'concern_triage_time',
  expression:
    'create index "concern_triage_time" on "concern" ("organisation_id", "triage_working_seconds", "raised_at") include ("team_id", "household_id") where "triage_working_seconds" is not null',
})
@Unique({ properties: ['organisation', 'reference'] }) // each organisation numbers its own
export class Concern {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?:
    | 'raisedAt'
    | 'updatedAt'
    | 'status'
    | 'mentalCapacityConcern'
    | 'childrenPresent'
    | 'aboutSelf'
    | 'version';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'Human-readable reference, e.g. SG-2026-000123' })
  @Property({ type: 'text' })
  reference!: string;

  /** Null for concerns raised by a tenant or a member of the public, who are not users. */
  @ManyToOne(() => User, { nullable: true })
  raisedBy?: Rel<User> | null;

  /**
   * The reporter's team when the concern was raised (reports by team). Set by the database as the
   * row is inserted (the migration's `doorstep_concern_team` trigger), from the reporter's team at
   * that moment, so every way of adding a concern keeps it; later team moves do not change it.
   */
  @ManyToOne(() => Team, {
    fieldNames: ['organisation_id', 'team_id'],
    nullable: true,
    deleteRule: 'set null (team_id)',
  })
  team?: Rel<Team> | null = null;

  /**
   * The latest date of birth among the people the concern is about (subjects on record, and people
   * named as subjects with a date of birth), or null when none has one: whether the concern is
   * about a child or adults at its date (reports). Kept by the database whenever a subject, a
   * named person or a date of birth changes (the migration's `doorstep_concern_youngest`); nothing
   * in the application writes it.
   */
  @Property({ type: 'date', nullable: true })
  youngestSubjectBorn?: string | null = null;

  /** For a tenant's concern: the tenant site's reference for them, so they can see what they sent. */
  @Property({ type: 'text', nullable: true })
  reporterTenantRef?: string | null;

  /** The concern is about the person who raised it (public and tenant forms). */
  @Field({ description: 'Raised by the person it is about' })
  @Property({ type: 'boolean' })
  aboutSelf: boolean = false;

  @Field(() => String, { nullable: true, description: 'A public or tenant reporter’s name, if they gave it' })
  @Property({ type: 'text', nullable: true })
  reporterContactName?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reporterContactPhone?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  reporterContactEmail?: string | null;

  @Field(() => ReporterKindEnum)
  @Enum({ items: () => [...REPORTER_KINDS] })
  reporterKind!: ReporterKind;

  @Field(() => ConcernStatusEnum)
  @Enum({ items: () => [...CONCERN_STATUSES] })
  status: ConcernStatus = 'RAISED';

  @Field(() => ConcernUrgencyEnum)
  @Enum({ items: () => [...CONCERN_URGENCIES] })
  urgency!: ConcernUrgency;

  @Field(() => [ConcernCategoryEnum])
  @Enum({ items: () => [...CONCERN_CATEGORIES], array: true })
  categories: ConcernCategory[] = [];

  @Field(() => ConcernCategoryEnum, { nullable: true })
  @Enum({ items: () => [...CONCERN_CATEGORIES], nullable: true })
  primaryCategory?: ConcernCategory | null;

  @Field({ description: 'Who the concern is about, as the reporter described them' })
  @Property({ type: 'text' })
  subjectDescription!: string;

  @Field({ description: 'Address or place' })
  @Property({ type: 'text' })
  location!: string;

  @Field({ description: 'What the reporter saw or heard' })
  @Property({ type: 'text' })
  whatHappened!: string;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  happenedAt?: Date | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  actionsTaken?: string | null;

  @Field(() => ViewsStatusEnum)
  @Enum({ items: () => [...VIEWS_STATUSES] })
  viewsStatus!: ViewsStatus;

  @Field(() => String, { nullable: true, description: 'What the person wants to happen, in their words' })
  @Property({ type: 'text', nullable: true })
  views?: string | null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  viewsNotAskedReason?: string | null;

  @Field(() => ConsentStatusEnum)
  @Enum({ items: () => [...CONSENT_STATUSES] })
  consentStatus!: ConsentStatus;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  consentReason?: string | null;

  @Field()
  @Property({ type: 'boolean' })
  mentalCapacityConcern: boolean = false;

  @Field(() => ChildrenPresentEnum)
  @Enum({ items: () => [...CHILDREN_PRESENT] })
  childrenPresent: ChildrenPresent = 'NOT_KNOWN';

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  othersAtRisk?: string | null;

  /** The household the concern is about, when the reporter picked one. */
  @ManyToOne(() => Household, {
    fieldNames: ['organisation_id', 'household_id'],
    nullable: true,
    deleteRule: 'set null (household_id)',
  })
  household?: Rel<Household> | null = null;

  @Field(() => LocationOfRiskEnum, { nullable: true, description: 'Safeguarding Adults Collection' })
  @Enum({ items: () => [...LOCATIONS_OF_RISK], nullable: true })
  locationOfRisk?: LocationOfRisk | null = null;

  @Field(() => SourceOfRiskEnum, { nullable: true, description: 'Safeguarding Adults Collection' })
  @Enum({ items: () => [...SOURCES_OF_RISK], nullable: true })
  sourceOfRisk?: SourceOfRisk | null = null;

  @Field(() => TriageDecisionEnum, { nullable: true, description: 'The latest triage decision' })
  @Enum({ items: () => [...TRIAGE_DECISIONS], nullable: true })
  triageDecision?: TriageDecision | null = null;

  @Field(() => RiskLevelEnum, { nullable: true, description: 'The latest triage risk level' })
  @Enum({ items: () => [...RISK_LEVELS], nullable: true })
  riskLevel?: RiskLevel | null = null;

  @Field(() => String, { nullable: true, description: 'The reason for the latest triage decision' })
  @Property({ type: 'text', nullable: true })
  triageReason?: string | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  triagedAt?: Date | null = null;

  @ManyToOne(() => User, { nullable: true })
  triagedBy?: Rel<User> | null = null;

  /**
   * Working time from raising to the first triage decision, in seconds (England and Wales working
   * days, 09:00 to 17:00 London time: `workingSecondsBetween`), set at the first triage. Reports
   * read it rather than computing it for every concern.
   */
  @Property({ type: 'integer', nullable: true })
  triageWorkingSeconds?: number | null = null;

  @Field(() => Date, { nullable: true })
  @Property({ type: 'timestamptz', nullable: true })
  closedAt?: Date | null = null;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  closeReason?: string | null = null;

  @ManyToOne(() => User, { nullable: true })
  closedBy?: Rel<User> | null = null;

  /** Goes up by one with every triage or closure: a client's `expectedVersion` is checked against it. */
  @Field(() => Int, { description: 'Goes up with every triage or closure' })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  raisedAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();
}

/** Whether a concern counts towards the cumulative rule: raised as, or triaged as, low-level. */
export function isLowLevel(c: Pick<Concern, 'urgency' | 'triageDecision'>): boolean {
  return c.urgency === 'LOW_LEVEL' || c.triageDecision === 'MONITOR_LOW_LEVEL';
}
