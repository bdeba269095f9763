import {
  Check,
  Entity,
  Index,
  ManyToOne,
  OptionalProps,
  PrimaryKey,
  PrimaryKeyProp,
  Property,
  type Rel,
} from '@mikro-orm/core';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { Case } from '../case/case.entity.js';
import { Concern } from '../concern/concern.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';

/** The best-interests decision made for a person who lacks capacity for the decision (MCA 2005, s.4). */
@ObjectType({ description: 'A decision made in the best interests of a person who lacks capacity for it' })
@Access(Permission.RiskRead)
export class BestInterestsDecision {
  organisation!: { id: string };

  @Field({ description: 'What was decided' })
  decision!: string;

  @Field()
  decidedBy!: string;

  @Field({ description: 'YYYY-MM-DD' })
  decidedOn!: string;

  @Field({ description: 'Who was consulted: family, carers, an advocate or IMCA (or why nobody could be)' })
  consulted!: string;

  @Field({
    description: 'The person’s wishes, feelings, beliefs and values, as far as they could be found out',
  })
  personsWishes!: string;
}

/**
 * A mental capacity assessment, for one decision, of a person a concern is about (Mental Capacity
 * Act 2005, ss.1–3, and its Code of Practice, chapter 4): the decision, what was done to help the
 * person decide, stage 1 (an impairment of, or disturbance in the functioning of, the mind or
 * brain) and stage 2 (able to understand, retain, use or weigh, communicate), whether an inability
 * is because of the impairment, who assessed and when, the reasons, and the conclusion. Where the
 * person lacks capacity, the best-interests decision (s.4) is required, and only then.
 *
 * Recorded on a concern (whose `mentalCapacityConcern` leads to it) or on a case (exactly one of
 * the two), about one of its people; it follows that concern's or case's access rules.
 */
@ObjectType({ description: 'A mental capacity assessment for one decision (Mental Capacity Act 2005)' })
@Access(Permission.RiskRead)
@Entity({ tableName: 'capacity_assessment' })
@Index({ properties: ['concern'] })
@Index({ properties: ['case'] })
@Check({
  name: 'capacity_assessment_on_concern_or_case',
  expression: 'num_nonnulls("concern_id", "case_id") = 1',
})
@Index({ properties: ['person'] })
@Check({
  name: 'capacity_assessment_best_interests',
  expression: '"lacks_capacity" = ("best_interests_decision" is not null)',
})
export class CapacityAssessment {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?:
    | 'recordedAt'
    | 'updatedAt'
    | 'version'
    | 'bestInterests'
    | 'concernId'
    | 'caseId'
    | 'concern'
    | 'case'
    | 'personId';

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

  @ManyToOne(() => Person, { fieldNames: ['organisation_id', 'person_id'] })
  person!: Rel<Person>;

  @Field({
    description: 'The decision the person’s capacity was assessed for: capacity is decision-specific',
  })
  @Property({ type: 'text' })
  decision!: string;

  @Field({ description: 'YYYY-MM-DD' })
  @Property({ type: 'date' })
  assessedOn!: string;

  @Field({ description: 'Who assessed the person’s capacity' })
  @Property({ type: 'text' })
  assessorName!: string;

  @Field({ description: 'The assessor’s role and organisation' })
  @Property({ type: 'text' })
  assessorRole!: string;

  @Field({ description: 'What was done to help the person make the decision themselves' })
  @Property({ type: 'text' })
  practicableSteps!: string;

  @Field({
    description:
      'Stage 1: is there an impairment of, or a disturbance in the functioning of, the mind or brain?',
  })
  @Property({ type: 'boolean' })
  impairment!: boolean;

  @Field(() => String, { nullable: true })
  @Property({ type: 'text', nullable: true })
  impairmentDetail?: string | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Stage 2: able to understand the information relevant to the decision',
  })
  @Property({ type: 'boolean', nullable: true })
  canUnderstand?: boolean | null = null;

  @Field(() => Boolean, { nullable: true, description: 'Stage 2: able to retain that information' })
  @Property({ type: 'boolean', nullable: true })
  canRetain?: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Stage 2: able to use or weigh that information as part of deciding',
  })
  @Property({ type: 'boolean', nullable: true })
  canUseOrWeigh?: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Stage 2: able to communicate the decision, by any means',
  })
  @Property({ type: 'boolean', nullable: true })
  canCommunicate?: boolean | null = null;

  @Field(() => Boolean, {
    nullable: true,
    description: 'Whether an inability in stage 2 is because of the impairment in stage 1',
  })
  @Property({ type: 'boolean', nullable: true })
  inabilityBecauseOfImpairment?: boolean | null = null;

  @Field({ description: 'How the conclusion was reached, with the evidence' })
  @Property({ type: 'text' })
  reasons!: string;

  @Field({ description: 'The conclusion: the person lacks capacity to make this decision at this time' })
  @Property({ type: 'boolean' })
  lacksCapacity!: boolean;

  @Property({ type: 'text', nullable: true })
  bestInterestsDecision?: string | null = null;

  @Property({ type: 'text', nullable: true })
  bestInterestsDecidedBy?: string | null = null;

  @Property({ type: 'date', nullable: true })
  bestInterestsDecidedOn?: string | null = null;

  @Property({ type: 'text', nullable: true })
  bestInterestsConsulted?: string | null = null;

  @Property({ type: 'text', nullable: true })
  bestInterestsPersonsWishes?: string | null = null;

  @ManyToOne(() => User)
  recordedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  recordedAt: Date = new Date();

  @Property({ type: 'timestamptz', onUpdate: () => new Date() })
  updatedAt: Date = new Date();

  @Field(() => Int, { description: 'Changes with every correction: give it back when you change it' })
  @Property({ type: 'integer' })
  version: number = 1;

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

  @Field(() => BestInterestsDecision, {
    nullable: true,
    description: 'Required where the person lacks capacity, and only then',
  })
  get bestInterests(): BestInterestsDecision | null {
    if (!this.lacksCapacity || !this.bestInterestsDecision) return null;
    return {
      organisation: this.organisation,
      decision: this.bestInterestsDecision,
      decidedBy: this.bestInterestsDecidedBy ?? '',
      decidedOn: this.bestInterestsDecidedOn ?? '',
      consulted: this.bestInterestsConsulted ?? '',
      personsWishes: this.bestInterestsPersonsWishes ?? '',
    };
  }
}
