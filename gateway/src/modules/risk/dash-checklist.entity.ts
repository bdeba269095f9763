import {
  ArrayType,
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
import { DASH_LEVELS, type DashAnswer, type DashLevel, type MaracCriterion } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { DashLevelEnum, MaracCriterionEnum } from '../../common/enums.js';
import { Case } from '../case/case.entity.js';
import { Concern } from '../concern/concern.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';
import { Referral } from '../referral/referral.entity.js';

/** One stored answer, in question order (the first is question 1). */
export interface StoredDashAnswer {
  answer: DashAnswer;
  notes?: string | null;
}

/**
 * A SafeLives DASH risk identification checklist about one person a concern is about: the 24
 * answers with the practitioner's notes, the score (yes answers) and level, professional judgement
 * with its reason, the police callouts recorded, and the MARAC criteria that held when it was
 * recorded or last corrected (kept, so the suggestion says what the practitioner saw). Following
 * the suggestion sends a MARAC referral (`maracReferral`), after which the checklist is fixed.
 *
 * Recorded on a concern or on a case (exactly one of the two, a check), about one of its people;
 * it follows that concern's or case's access rules.
 */
@ObjectType({ description: 'A DASH risk identification checklist (SafeLives) about one person' })
@Access(Permission.RiskRead)
@Entity({ tableName: 'dash_checklist' })
@Index({ properties: ['concern'] })
@Index({ properties: ['case'] })
@Check({ name: 'dash_checklist_on_concern_or_case', expression: 'num_nonnulls("concern_id", "case_id") = 1' })
@Index({ properties: ['person', 'assessedOn'] })
@Check({ name: 'dash_checklist_score_range', expression: '"score" >= 0 and "score" <= 24' })
@Check({
  name: 'dash_checklist_judgement_reason',
  expression: 'not "professional_judgement" or "professional_judgement_reason" is not null',
})
export class DashChecklist {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?:
    | 'recordedAt'
    | 'updatedAt'
    | 'version'
    | 'maracReferral'
    | 'maracSuggested'
    | 'professionalJudgement'
    | 'policeCallouts'
    | 'maracCriteria'
    | 'concernId'
    | 'caseId'
    | 'concern'
    | 'case'
    | 'personId'
    | 'maracReferralId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  /** The concern it is recorded on, or null when it is recorded on a case (exactly one of the two). */
  @ManyToOne(() => Concern, {
    fieldNames: ['organisation_id', 'concern_id'],
    nullable: true,
    deleteRule: 'no action',
  })
  concern?: Rel<Concern> | null = null;

  /** The case it is recorded on, or null when it is recorded on a concern. */
  @ManyToOne(() => Case, {
    fieldNames: ['organisation_id', 'case_id'],
    nullable: true,
    deleteRule: 'no action',
  })
  case?: Rel<Case> | null = null;

  /** The person at risk: someone the concern or case is about. */
  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  @Field({ description: 'YYYY-MM-DD: the day the checklist was completed with the person' })
  @Property({ type: 'date' })
  assessedOn!: string;

  /** The 24 answers, in question order (the `answers` field adds the questions' words). */
  @Property({ type: 'jsonb' })
  answers!: StoredDashAnswer[];

  @Field(() => Int, { description: 'How many questions were answered yes (0 to 24)' })
  @Property({ type: 'smallint' })
  score!: number;

  @Field(() => DashLevelEnum)
  @Enum({ items: () => [...DASH_LEVELS] })
  level!: DashLevel;

  @Field({ description: 'The practitioner judges that the case should go to MARAC, whatever the score' })
  @Property({ type: 'boolean' })
  professionalJudgement: boolean = false;

  @Field(() => String, { nullable: true, description: 'Why, when professionalJudgement is true' })
  @Property({ type: 'text', nullable: true })
  professionalJudgementReason?: string | null = null;

  @Field(() => [String], {
    description:
      'YYYY-MM-DD: the days the police were called out about domestic abuse to this person, as recorded ' +
      'on this checklist (each day counts once, with the person’s domestic abuse concerns, towards escalation)',
  })
  @Property({ type: 'jsonb' })
  policeCallouts: string[] = [];

  @Field(() => Int, {
    description:
      'Incidents in the 12 months up to assessedOn: the days of the person’s domestic abuse concerns ' +
      '(when it happened, or was raised) and of the police callouts recorded, each day once',
  })
  @Property({ type: 'smallint', fieldName: 'incidents_in_last_12_months' })
  incidentsInLast12Months!: number;

  @Field(() => Date, {
    nullable: true,
    description:
      'When the person was last referred to a MARAC before this checklist (any MARAC, by your organisation)',
  })
  @Property({ type: 'timestamptz', nullable: true })
  lastMaracReferralAt?: Date | null = null;

  @Field(() => [MaracCriterionEnum], {
    description: 'The MARAC criteria that hold: any one suggests a MARAC referral (empty: none)',
  })
  @Property({ type: ArrayType, columnType: 'text[]' })
  maracCriteria: MaracCriterion[] = [];

  /** The MARAC referral that followed the suggestion; the checklist is fixed from then on. */
  @ManyToOne(() => Referral, {
    fieldNames: ['organisation_id', 'marac_referral_id'],
    nullable: true,
    deleteRule: 'set null (marac_referral_id)',
  })
  maracReferral?: Rel<Referral> | null = null;

  @ManyToOne(() => User)
  recordedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, {
    description: 'Changes with every correction: give it back when you change or refer it',
  })
  @Property({ type: 'integer' })
  version: number = 1;

  @Field({ description: 'A MARAC referral is suggested: at least one criterion holds' })
  get maracSuggested(): boolean {
    return this.maracCriteria.length > 0;
  }

  @Field(() => ID, { nullable: true, description: 'The concern it is recorded on (null: on a case)' })
  get concernId(): string | null {
    return this.concern?.id ?? null;
  }

  @Field(() => ID, { nullable: true, description: 'The case it is recorded on (null: on a concern)' })
  get caseId(): string | null {
    return this.case?.id ?? null;
  }

  @Field(() => ID)
  get personId(): string {
    return this.person.id;
  }

  @Field(() => ID, { nullable: true, description: 'The MARAC referral sent from this checklist' })
  get maracReferralId(): string | null {
    return this.maracReferral?.id ?? null;
  }
}
