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
  type SelfAssessmentQuestionId,
  type SelfAssessmentStatus,
} from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { Field, ID, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { SelfAssessmentStatusEnum } from '../../common/enums.js';
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
export class SelfAssessmentAnswer {
  [PrimaryKeyProp]?: ['organisation', 'id'];
  [OptionalProps]?: 'answeredAt' | 'evidence';

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

  /** The answerer's name, read with the answer (not a column: the name is the staff member's). */
  @Field(() => String, { name: 'answeredBy', nullable: true, description: 'Who answered: their name' })
  answeredByName?: string | null;
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
