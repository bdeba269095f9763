import {
  ArrayType,
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
  LEGAL_BASES,
  REFERRAL_STATUSES,
  type ConcernCategory,
  type ConcernPersonRole,
  type ConsentStatus,
  type DashAnswer,
  type DashLevel,
  type LegalBasis,
  type MaracCriterion,
  type ReferralStatus,
  type ViewsStatus,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import {
  ConcernCategoryEnum,
  ConcernPersonRoleEnum,
  ConcernUrgencyEnum,
  ConsentStatusEnum,
  DashAnswerEnum,
  DashLevelEnum,
  LegalBasisEnum,
  MaracCriterionEnum,
  ReferralStatusEnum,
  ViewsStatusEnum,
  VulnerabilityFactorEnum,
} from '../../common/enums.js';
import { Concern } from '../concern/concern.entity.js';
import { Household } from '../household/household.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

/** The two organisations a shared record travels between: the access rule reads them. */
interface Parties {
  organisation: { id: string };
  recipientOrganisation: { id: string };
}

/** Someone named in a referral, as shared: only what the agency needs to identify and reach them. */
@ObjectType({ description: 'A person named in a referral, as shared with the agency' })
@Access(Permission.ReferralRead)
export class SharedPerson implements Parties {
  organisation!: { id: string };
  recipientOrganisation!: { id: string };

  @Field(() => ConcernPersonRoleEnum)
  role!: ConcernPersonRole;

  @Field()
  name!: string;

  @Field(() => [String])
  otherNames!: string[];

  @Field(() => String, { nullable: true, description: 'YYYY-MM-DD' })
  dateOfBirth!: string | null;

  @Field(() => Boolean, { nullable: true, description: 'Under 18 when the concern happened' })
  childAtEvent!: boolean | null;

  @Field(() => String, { nullable: true })
  pronouns!: string | null;

  @Field(() => String, { nullable: true })
  preferredLanguage!: string | null;

  @Field(() => String, { nullable: true })
  communicationNeeds!: string | null;

  @Field()
  interpreterNeeded!: boolean;

  @Field(() => [VulnerabilityFactorEnum])
  vulnerabilityFactors!: string[];
}

/** One DASH answer as shared with a MARAC: the question's words and the answer (notes only if chosen). */
@ObjectType({ description: 'A DASH answer, as shared with the MARAC' })
@Access(Permission.ReferralRead)
export class SharedDashAnswer implements Parties {
  organisation!: { id: string };
  recipientOrganisation!: { id: string };

  @Field(() => Int)
  number!: number;

  @Field()
  question!: string;

  @Field(() => DashAnswerEnum)
  answer!: DashAnswer;

  @Field(() => String, {
    nullable: true,
    description: 'The practitioner’s notes, when the referrer chose to share them',
  })
  notes!: string | null;
}

/** The DASH risk checklist a MARAC referral was sent from, as shared. */
@ObjectType({ description: 'The DASH risk checklist shared with a MARAC referral' })
@Access(Permission.ReferralRead)
export class SharedRiskAssessment implements Parties {
  organisation!: { id: string };
  recipientOrganisation!: { id: string };

  @Field({ description: 'YYYY-MM-DD' })
  assessedOn!: string;

  @Field(() => Int, { description: 'Yes answers, of 24' })
  score!: number;

  @Field(() => DashLevelEnum)
  level!: DashLevel;

  @Field(() => [MaracCriterionEnum], { description: 'The MARAC criteria that held' })
  criteria!: MaracCriterion[];

  @Field(() => String, { nullable: true, description: 'Why, when professional judgement is a criterion' })
  professionalJudgementReason!: string | null;

  @Field(() => Int, { description: 'Incidents in the 12 months up to the assessment' })
  incidentsInLast12Months!: number;

  @Field(() => [SharedDashAnswer])
  answers!: SharedDashAnswer[];
}

/** What was shared with the agency: a copy taken when the referral was sent, never the live record. */
@ObjectType({ description: 'What was shared with the agency, as it was when the referral was sent' })
@Access(Permission.ReferralRead)
export class SharedInformation implements Parties {
  organisation!: { id: string };
  recipientOrganisation!: { id: string };

  @Field({ description: 'The housing provider’s reference for the concern' })
  concernReference!: string;

  @Field(() => Date)
  raisedAt!: Date;

  @Field(() => ConcernUrgencyEnum)
  urgency!: string;

  @Field(() => [ConcernCategoryEnum])
  categories!: ConcernCategory[];

  @Field({ description: 'What the referrer wrote for the agency' })
  summary!: string;

  @Field(() => String, {
    nullable: true,
    description: 'What was reported, when the referrer chose to share it',
  })
  whatWasReported!: string | null;

  @Field(() => Date, { nullable: true })
  happenedAt!: Date | null;

  @Field({ description: 'The household’s address, or the place given in the concern' })
  where!: string;

  @Field(() => ViewsStatusEnum, {
    description: 'Making Safeguarding Personal: were the person’s views asked?',
  })
  viewsStatus!: ViewsStatus;

  @Field(() => String, { nullable: true, description: 'What the person wants to happen, in their words' })
  views!: string | null;

  @Field(() => ConsentStatusEnum)
  consentStatus!: ConsentStatus;

  @Field(() => [SharedPerson])
  people!: SharedPerson[];

  @Field(() => SharedRiskAssessment, {
    nullable: true,
    description: 'The DASH risk checklist, for a MARAC referral sent from one',
  })
  riskAssessment!: SharedRiskAssessment | null;
}

/** The shared copy as stored (the parties are added when it is read). */
export type SharedSnapshot = Omit<
  SharedInformation,
  keyof Parties | 'people' | 'raisedAt' | 'happenedAt' | 'riskAssessment'
> & {
  raisedAt: string;
  happenedAt: string | null;
  people: Omit<SharedPerson, keyof Parties>[];
  /** Only on a MARAC referral sent from a DASH checklist. */
  riskAssessment?: SharedRiskAssessmentSnapshot;
};

/** The shared checklist as stored. */
export type SharedRiskAssessmentSnapshot = Omit<SharedRiskAssessment, keyof Parties | 'answers'> & {
  answers: Omit<SharedDashAnswer, keyof Parties>[];
};

/**
 * A concern referred to a partner agency: the explicit sharing path between two organisations.
 * The sending organisation sees its referrals; the receiving agency sees the referrals sent to it
 * and only what was shared (a copy), with its legal basis. Row-level security lets both read it.
 */
@ObjectType({ description: 'A concern referred to a partner agency' })
@Access(Permission.ReferralRead)
@Entity({ tableName: 'referral' })
@Index({ properties: ['organisation', 'sentAt'] })
@Index({ properties: ['recipientOrganisation', 'sentAt'] })
// The Think Family counts: the referrals about a household, and about a person.
@Index({
  name: 'referral_household_index',
  expression:
    'create index "referral_household_index" on "referral" ("organisation_id", "household_id") where "household_id" is not null',
})
// The reports' tallies: a concern's referrals, moved when it moves (report_tally_referrals_cases).
@Index({
  name: 'referral_concern',
  expression: 'create index "referral_concern" on "referral" ("organisation_id", "concern_id")',
})
// The referral reports' "overdue now": the few referrals still awaiting a response.
@Index({
  name: 'referral_awaiting',
  expression:
    'create index "referral_awaiting" on "referral" ("organisation_id", "sent_at") include ("respond_by", "recipient_organisation_id", "concern_id", "status") where "status" in (\'SENT\', \'ACKNOWLEDGED\')',
})
@Index({
  name: 'referral_person_ids_gin',
  expression:
    'create index "referral_person_ids_gin" on "referral" using gin ("person_ids") with (fastupdate = off)',
})
export class Referral implements Parties {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?:
    'sentAt' | 'status' | 'respondBy' | 'version' | 'household' | 'personIds' | 'respondedAt' | 'outcome';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The organisation that sent it. */

  @ManyToOne(() => Organisation)
  recipientOrganisation!: Rel<Organisation>;

  /** The sender's concern: never shown to the agency. */
  @ManyToOne(() => Concern, { fieldNames: ['organisation_id', 'concern_id'] })
  concern!: Rel<Concern>;

  @Field({ description: 'Why the concern was referred' })
  @Property({ type: 'text' })
  reason!: string;

  @Field(() => LegalBasisEnum)
  @Enum({ items: () => [...LEGAL_BASES] })
  legalBasis!: LegalBasis;

  @Field(() => String, { nullable: true, description: 'Why sharing without consent is justified' })
  @Property({ type: 'text', nullable: true })
  legalBasisReason?: string | null;

  @Property({ type: 'jsonb' })
  shared!: SharedSnapshot;

  @Field(() => ReferralStatusEnum)
  @Enum({ items: () => [...REFERRAL_STATUSES] })
  status: ReferralStatus = 'SENT';

  @Field(() => Int, { description: 'Changes with every move: give it back when you move the referral' })
  @Property({ type: 'integer' })
  version: number = 1;

  /**
   * The sender's household and people the referral names, for the sender's chronology of each
   * move (the agency moves it without reading the sender's records). Never shown to the agency.
   */
  @ManyToOne(() => Household, {
    fieldNames: ['organisation_id', 'household_id'],
    nullable: true,
    deleteRule: 'set null (household_id)',
  })
  household?: Rel<Household> | null = null;

  @Property({ type: ArrayType, columnType: 'uuid[]' })
  personIds: string[] = [];

  @ManyToOne(() => User)
  sentBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  sentAt: Date = new Date();

  /** Set when sent, from the sender's response policy (response-due.service.ts); null before it. */
  @Field(() => Date, {
    nullable: true,
    description:
      'When the agency should have responded by: the sender’s policy for its type, in England and Wales ' +
      'working days (empty for referrals sent before due dates were kept)',
  })
  @Property({ type: 'timestamptz', nullable: true })
  respondBy?: Date | null = null;

  /**
   * When the agency first accepted or declined it, and the outcome it was closed with: copied from
   * its moves by the database (the `referral_move_response` trigger) for the referral reports; the
   * moves are the record, and nothing else sets these.
   */
  @Property({ type: 'timestamptz', nullable: true })
  respondedAt?: Date | null = null;

  @Property({ type: 'text', nullable: true })
  outcome?: string | null = null;
}
