import type { SelfAssessmentQuestionId, SelfAssessmentStatus } from '@doorstep/schema';
import { Arg, Ctx, Field, ID, InputType, Mutation, Query, Resolver } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { SelfAssessmentStatusEnum } from '../../common/enums.js';
import { callerOf, type Context } from '../../context.js';
import {
  openSelfAssessmentRound,
  selfAssessmentRoundComparison,
  selfAssessmentRounds,
  selfAssessmentStanding,
  signOffSelfAssessmentRound,
} from './self-assessment-round.service.js';
import {
  SelfAssessmentAnswer,
  SelfAssessmentComparisonRow,
  SelfAssessmentItem,
  SelfAssessmentRound,
  SelfAssessmentRoundComparison,
  SelfAssessmentStanding,
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

/** Rules in `selfAssessmentRoundInputSchema` (@doorstep/schema). */
@InputType({ description: 'A new round of the self-assessment checklist' })
export class SelfAssessmentRoundInput {
  @Field({ description: 'As the organisation calls it, such as 2026/27; up to 40 characters' })
  name!: string;
}

const ROUND_HELP = 'The round; left out: the open round, else the newest';

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

  @Access(Permission.SelfAssessmentRead)
  @Query(() => [SelfAssessmentRound], { description: 'The self-assessment’s rounds, newest first' })
  selfAssessmentRounds(@Ctx() ctx: Context) {
    return selfAssessmentRounds(ctx.em, callerOf(ctx));
  }

  @Access(Permission.SelfAssessmentRead)
  @Query(() => SelfAssessmentRoundComparison, {
    nullable: true,
    description:
      'A round compared question by question with the last round signed off before it; null: no rounds yet',
  })
  selfAssessmentRoundComparison(
    @Ctx() ctx: Context,
    @Arg('roundId', () => ID, { nullable: true, description: ROUND_HELP }) roundId?: string,
  ) {
    return selfAssessmentRoundComparison(ctx.em, callerOf(ctx), roundId);
  }

  @Access(Permission.SelfAssessmentRead)
  @Query(() => SelfAssessmentStanding, {
    nullable: true,
    description:
      'Where each area of the checklist stands in a round (yes, in progress, no, unanswered) and how it moved since the last signed-off round; null: no rounds yet',
  })
  selfAssessmentStanding(
    @Ctx() ctx: Context,
    @Arg('roundId', () => ID, { nullable: true, description: ROUND_HELP }) roundId?: string,
  ) {
    return selfAssessmentStanding(ctx.em, callerOf(ctx), roundId);
  }

  @Access(Permission.SelfAssessmentRound)
  @Mutation(() => SelfAssessmentRound, {
    description:
      'Open a round of the checklist (the safeguarding lead). ROUND_ALREADY_OPEN while another is open. ' +
      'Answers saved since the last sign-off go into it.',
  })
  openSelfAssessmentRound(
    @Arg('input', () => SelfAssessmentRoundInput) input: SelfAssessmentRoundInput,
    @Ctx() ctx: Context,
  ) {
    return openSelfAssessmentRound(ctx.em, callerOf(ctx), input);
  }

  @Access(Permission.SelfAssessmentRound)
  @Mutation(() => SelfAssessmentRound, {
    description:
      'Sign the open round off (the safeguarding lead): its answers are frozen. UNANSWERED_QUESTIONS ' +
      '(with questionIds) unless every question is answered in it.',
  })
  signOffSelfAssessmentRound(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return signOffSelfAssessmentRound(ctx.em, callerOf(ctx), id);
  }
}
