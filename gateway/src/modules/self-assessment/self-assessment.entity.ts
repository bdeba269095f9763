import {
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
  SELF_ASSESSMENT_QUESTION_IDS,
  SELF_ASSESSMENT_STATUSES,
  type SelfAssessmentMovement,
  type SelfAssessmentQuestionId,
  type SelfAssessmentStatus,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { SelfAssessmentMovementEnum, SelfAssessmentStatusEnum } from '../../common/enums.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';

/**
 * One answer to one question of the organisation's self-assessment checklist, as it was saved. The
 * history is append-only (the application role may only select and insert): a new answer replaces
 * the question's latest, and every earlier one stays, so the checklist can be read as it stood on
 * any day. The index serves "the latest answer to each question at a time".
 */
@ObjectType({ description: 'An answer to a question of the self-assessment checklist, as it was saved' })
@Access(Permission.SelfAssessmentRead)
@Entity({ tableName: 'self_assessment_answer' })
@Index({
  name: 'self_assessment_answer_latest',
  expression:
    'create index "self_assessment_answer_latest" on "self_assessment_answer" ("organisation_id", "question_id", "answered_at" desc, "id" desc)',
})
@Index({
  name: 'self_assessment_answer_round',
  expression:
    'create index "self_assessment_answer_round" on "self_assessment_answer" ("organisation_id", "round_id", "question_id", "answered_at" desc, "id" desc)',
})
export class SelfAssessmentAnswer {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'answeredAt' | 'evidence' | 'round' | 'roundId';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field(() => ID, { description: 'The question: 1a, 1b, 2a … 10' })
  @Enum({ items: () => [...SELF_ASSESSMENT_QUESTION_IDS] })
  questionId!: SelfAssessmentQuestionId;

  @Field(() => SelfAssessmentStatusEnum)
  @Enum({ items: () => [...SELF_ASSESSMENT_STATUSES] })
  status!: SelfAssessmentStatus;

  @Field(() => String, { nullable: true, description: 'Comments or evidence' })
  @Property({ type: 'text', nullable: true })
  evidence?: string | null = null;

  @ManyToOne(() => User)
  answeredBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  answeredAt: Date = new Date();

  /**
   * The round it was saved in (the round open then), or none: saved before the organisation's
   * first round, or after a sign-off and not yet taken into the next round (opening it does).
   */
  @ManyToOne(() => SelfAssessmentRound, {
    fieldNames: ['organisation_id', 'round_id'],
    nullable: true,
    deleteRule: 'set null (round_id)',
  })
  round?: Rel<SelfAssessmentRound> | null = null;

  @Field(() => ID, { name: 'roundId', nullable: true, description: 'The round it belongs to; null: none' })
  get roundId(): string | null {
    return this.round?.id ?? null;
  }

  /** The answerer's name, read with the answer (not a column: the name is the staff member's). */
  @Field(() => String, { name: 'answeredBy', nullable: true, description: 'Who answered: their name' })
  answeredByName?: string | null;
}

/**
 * A round of the checklist, typically a year ("2026/27"): opened by the safeguarding lead, answered,
 * and signed off by the lead, after which its answers are frozen. One round of an organisation is
 * open at a time (a partial unique index). Opened and signed-off names are read with the round.
 */
@ObjectType({ description: 'A round of the self-assessment checklist, typically a year' })
@Access(Permission.SelfAssessmentRead)
@Entity({ tableName: 'self_assessment_round' })
@Index({
  name: 'self_assessment_round_one_open',
  expression:
    'create unique index "self_assessment_round_one_open" on "self_assessment_round" ("organisation_id") where "signed_off_at" is null',
})
export class SelfAssessmentRound {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'openedAt' | 'signedOffAt' | 'signedOffBy';

  @ManyToOne(() => Organisation, { primary: true })
  organisation!: Rel<Organisation>;

  @Field(() => ID)
  @PrimaryKey({ type: 'uuid' })
  id: string = randomUUID();

  @Field({ description: 'As the organisation calls it, such as 2026/27' })
  @Property({ type: 'text' })
  name!: string;

  @ManyToOne(() => User)
  openedBy!: Rel<User>;

  @Field(() => Date)
  @Property({ type: 'timestamptz' })
  openedAt: Date = new Date();

  @ManyToOne(() => User, { nullable: true })
  signedOffBy?: Rel<User> | null = null;

  @Field(() => Date, { nullable: true, description: 'Null: still open' })
  @Property({ type: 'timestamptz', nullable: true })
  signedOffAt?: Date | null = null;

  @Field(() => String, { name: 'openedBy', nullable: true, description: 'Who opened it: their name' })
  openedByName?: string | null;

  @Field(() => String, { name: 'signedOffBy', nullable: true, description: 'Who signed it off: their name' })
  signedOffByName?: string | null;
}

/** A question of the checklist, in the guide's words, as the caller's organisation answers it. */
@ObjectType({ description: 'A question of the self-assessment checklist, in the guide’s words' })
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentQuestion {
  /** Whose checklist it is shown as (the access rule reads it). */
  organisationId!: string;

  @Field(() => ID, { description: '1a, 1b, 2a … 10, as the guide numbers them' })
  id!: string;

  @Field()
  text!: string;

  @Field(() => [String], { description: 'Paragraphs of the Care Act statutory guidance it refers to' })
  paragraphs!: string[];
}

@ObjectType({ description: 'A question and its latest answer (at the date asked for)' })
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentItem {
  organisationId!: string;

  @Field(() => SelfAssessmentQuestion)
  question!: SelfAssessmentQuestion;

  @Field(() => SelfAssessmentAnswer, { nullable: true, description: 'Null: not answered by then' })
  answer!: SelfAssessmentAnswer | null;
}

@ObjectType({ description: 'A question with its answer at two dates, and whether it changed between them' })
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentComparisonRow {
  organisationId!: string;

  @Field(() => SelfAssessmentQuestion)
  question!: SelfAssessmentQuestion;

  @Field(() => SelfAssessmentAnswer, { nullable: true, description: 'The answer at the earlier date' })
  earlier!: SelfAssessmentAnswer | null;

  @Field(() => SelfAssessmentAnswer, { nullable: true, description: 'The answer at the later date' })
  later!: SelfAssessmentAnswer | null;

  @Field({ description: 'The status or the evidence differs between the two dates' })
  changed!: boolean;
}

@ObjectType({
  description:
    'A question with its answer in a round and in the last round signed off before it, and how it moved',
})
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentRoundRow {
  organisationId!: string;

  @Field(() => SelfAssessmentQuestion)
  question!: SelfAssessmentQuestion;

  @Field(() => SelfAssessmentAnswer, {
    nullable: true,
    description: 'This round’s answer; null: not answered yet',
  })
  answer!: SelfAssessmentAnswer | null;

  @Field(() => SelfAssessmentAnswer, {
    nullable: true,
    description: 'The last signed-off round’s answer; null: no such round, or not answered in it',
  })
  previous!: SelfAssessmentAnswer | null;

  @Field(() => SelfAssessmentMovementEnum, {
    description: 'BETTER or WORSE (yes > in progress > no), SAME, NEW (no answer last round), UNANSWERED',
  })
  movement!: SelfAssessmentMovement;

  @Field({ description: 'Both rounds answered it, with different evidence' })
  evidenceChanged!: boolean;
}

@ObjectType({ description: 'A round compared question by question with the last round signed off before it' })
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentRoundComparison {
  organisationId!: string;

  @Field(() => SelfAssessmentRound)
  round!: SelfAssessmentRound;

  @Field(() => SelfAssessmentRound, { nullable: true, description: 'The last round signed off before it' })
  previousRound!: SelfAssessmentRound | null;

  @Field(() => [SelfAssessmentRoundRow], { description: 'Every question, in the guide’s order' })
  rows!: SelfAssessmentRoundRow[];
}

@ObjectType({
  description: 'Where one area of the checklist stands in a round, and how it moved since the last',
})
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentAreaStanding {
  organisationId!: string;

  @Field(() => ID, { description: 'The area: 1 … 10, as appendix 4 numbers them' })
  id!: string;

  @Field({ description: 'A short English title (the guide gives none; widgets translate by id)' })
  title!: string;

  @Field(() => [ID], { description: 'Its questions, such as 2a, 2b, 2c' })
  questionIds!: string[];

  @Field(() => Int) yes!: number;
  @Field(() => Int) inProgress!: number;
  @Field(() => Int) no!: number;
  @Field(() => Int, { description: 'Not answered in this round yet' }) unanswered!: number;
  @Field(() => Int, { description: 'Questions better than in the last signed-off round' }) better!: number;
  @Field(() => Int, { description: 'Questions the same as in the last signed-off round' }) same!: number;
  @Field(() => Int, { description: 'Questions worse than in the last signed-off round' }) worse!: number;
  @Field(() => Int, { description: 'Questions answered now and not in the last signed-off round' })
  new!: number;
}

@ObjectType({ description: 'Where each area of the checklist stands in a round' })
@Access(Permission.SelfAssessmentRead)
export class SelfAssessmentStanding {
  organisationId!: string;

  @Field(() => SelfAssessmentRound)
  round!: SelfAssessmentRound;

  @Field(() => SelfAssessmentRound, { nullable: true, description: 'The last round signed off before it' })
  previousRound!: SelfAssessmentRound | null;

  @Field(() => [SelfAssessmentAreaStanding], { description: 'Every area, in the guide’s order' })
  areas!: SelfAssessmentAreaStanding[];
}
