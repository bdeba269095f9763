import type { SelfAssessmentQuestionId, SelfAssessmentStatus } from '@doorstep/schema';
import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { SelfAssessmentStatusEnum } from '../../common/enums.js';
import { callerOf, type Context } from '../../context.js';
import {
  SelfAssessmentAnswer,
  SelfAssessmentComparisonRow,
  SelfAssessmentItem,
} from './self-assessment.entity.js';
import {
  answerSelfAssessment,
  selfAssessment,
  selfAssessmentComparison,
  selfAssessmentHistory,
} from './self-assessment.service.js';

const DAY_HELP = 'YYYY-MM-DD: as it stood at the end of that day, UK time';

/** Rules in `selfAssessmentAnswerInputSchema` (@doorstep/schema). */
@InputType({ description: 'An answer to one question of the self-assessment checklist' })
export class SelfAssessmentAnswerInput {
  @Field(() => ID, { description: 'The question: 1a, 1b, 2a … 10' })
  questionId!: SelfAssessmentQuestionId;

  @Field(() => SelfAssessmentStatusEnum)
  status!: SelfAssessmentStatus;

  @Field(() => String, { nullable: true, description: 'Comments or evidence, up to 5,000 characters' })
  evidence?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'The answer this one replaces, as you last saw it; leave out if the question had none',
  })
  basedOn?: string | null;
}

@Resolver()
export class SelfAssessmentResolver {
  @Access(Permission.SelfAssessmentRead)
  @Query(() => [SelfAssessmentItem], {
    description: 'The self-assessment checklist in the guide’s order, each question with its latest answer',
  })
  selfAssessment(
    @Ctx() ctx: Context,
    @Arg('asAt', () => String, { nullable: true, description: DAY_HELP }) asAt?: string,
  ) {
    return selfAssessment(ctx.em, callerOf(ctx), asAt);
  }

  @Access(Permission.SelfAssessmentRead)
  @Query(() => [SelfAssessmentAnswer], { description: 'Every answer a question has had, newest first' })
  selfAssessmentHistory(@Arg('questionId', () => ID) questionId: string, @Ctx() ctx: Context) {
    return selfAssessmentHistory(ctx.em, callerOf(ctx), questionId);
  }

  @Access(Permission.SelfAssessmentRead)
  @Query(() => [SelfAssessmentComparisonRow], {
    description: 'Every question with its answer at two dates, and whether the status or evidence changed',
  })
  selfAssessmentComparison(
    @Arg('earlier', () => String, { description: DAY_HELP }) earlier: string,
    @Ctx() ctx: Context,
    @Arg('later', () => String, { nullable: true, description: `${DAY_HELP}; left out: now` }) later?: string,
  ) {
    return selfAssessmentComparison(ctx.em, callerOf(ctx), earlier, later);
  }

  @Access(Permission.SelfAssessmentAnswer)
  @Mutation(() => SelfAssessmentAnswer, {
    description:
      'Answer a question of the checklist. Earlier answers are kept. STALE_VERSION (with currentAnswerId) ' +
      'if someone else answered since the answer you based this on; the same answer again saves nothing.',
  })
  answerSelfAssessment(
    @Arg('input', () => SelfAssessmentAnswerInput) input: SelfAssessmentAnswerInput,
    @Ctx() ctx: Context,
  ) {
    return answerSelfAssessment(ctx.em, callerOf(ctx), input);
  }
}
