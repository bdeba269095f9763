import type { DashAnswer } from '@doorstep/schema';
import { DASH_QUESTIONS } from '@doorstep/schema';
import {
  Arg,
  Ctx,
  Field,
  FieldResolver,
  ID,
  Int,
  Mutation,
  ObjectType,
  Query,
  Resolver,
  Root,
} from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { DashAnswerEnum } from '../../common/enums.js';
import { IDEMPOTENCY_KEY_HELP } from '../../common/idempotency.js';
import { callerOf, type Context } from '../../context.js';
import { Case } from '../case/case.entity.js';
import { Concern } from '../concern/concern.entity.js';
import { ConcernConnection } from '../concern/concern.resolver.js';
import { Referral } from '../referral/referral.entity.js';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import {
  capacityAssessmentRecorded,
  capacityAssessmentsOfCase,
  capacityAssessmentsOfConcern,
  concernsAwaitingCapacityAssessment,
  getCapacityAssessment,
  recordCapacityAssessment,
  updateCapacityAssessment,
} from './capacity.service.js';
import { DashChecklist } from './dash-checklist.entity.js';
import {
  dashChecklistsOfCase,
  dashChecklistsOfConcern,
  getDashChecklist,
  maracReferralText,
  recordDashChecklist,
  referDashChecklistToMarac,
  updateDashChecklist,
} from './dash.service.js';
import {
  CapacityAssessmentInput,
  CapacityAssessmentUpdateInput,
  DashChecklistInput,
  DashChecklistUpdateInput,
  MaracReferralInput,
} from './risk.inputs.js';

@ObjectType({ description: 'One question of a DASH checklist and its answer' })
@Access(Permission.RiskRead)
export class DashChecklistAnswer {
  organisation!: { id: string };

  @Field(() => Int)
  number!: number;

  @Field({ description: 'The question, in SafeLives’ words' })
  question!: string;

  @Field(() => DashAnswerEnum)
  answer!: DashAnswer;

  @Field(() => String, { nullable: true })
  notes!: string | null;
}

@ObjectType({ description: 'What a MARAC referral from this checklist is prefilled with' })
@Access(Permission.RiskRead)
export class MaracReferralDraft {
  organisation!: { id: string };

  @Field()
  reason!: string;

  @Field()
  summary!: string;
}

const WRITE_ERRORS =
  ' Errors: BAD_USER_INPUT (with field messages; a concern or case you cannot see, or a person it is not about, on its field), INVALID_TRANSITION (a closed case), ' +
  'STALE_VERSION, NOT_FOUND. Nothing is saved when refused.';

@Resolver(() => DashChecklist)
export class DashChecklistResolver {
  @Access(Permission.RiskRead)
  @Query(() => DashChecklist, { description: 'One DASH checklist. Recorded as a read.' })
  dashChecklist(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getDashChecklist(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.RiskWrite)
  @Mutation(() => DashChecklist, {
    description:
      'Record a DASH risk checklist on a concern or an open case, about someone it is about: the score, level and the MARAC ' +
      'criteria that hold are worked out and kept. In the chronology.' +
      WRITE_ERRORS,
  })
  recordDashChecklist(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) key: string,
    @Arg('input', () => DashChecklistInput) input: DashChecklistInput,
    @Ctx() ctx: Context,
  ) {
    return recordDashChecklist(ctx.em, callerOf(ctx), key, input);
  }

  @Access(Permission.RiskWrite)
  @Mutation(() => DashChecklist, {
    description:
      'Correct a DASH checklist not yet referred to MARAC (INVALID_TRANSITION once it is): the criteria are ' +
      'worked out again.' +
      WRITE_ERRORS,
  })
  updateDashChecklist(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => DashChecklistUpdateInput) input: DashChecklistUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateDashChecklist(ctx.em, callerOf(ctx), id, version, input);
  }

  @Access(Permission.RiskWrite)
  @Mutation(() => Referral, {
    description:
      'Follow a checklist’s MARAC suggestion: refer its concern (on a case: the case’s newest concern about the person) to a MARAC (a referral like any other), ' +
      'sharing the checklist under the legal basis given. Refused (BAD_USER_INPUT) when no criterion holds, ' +
      'or the agency is not a MARAC; INVALID_TRANSITION when already referred; STALE_VERSION, NOT_FOUND. ' +
      'Recorded as SHARE in the audit trail.',
  })
  referDashChecklistToMarac(
    @Arg('input', () => MaracReferralInput) input: MaracReferralInput,
    @Ctx() ctx: Context,
  ) {
    return referDashChecklistToMarac(ctx.em, callerOf(ctx), input);
  }

  @FieldResolver(() => [DashChecklistAnswer], { description: 'The 24 questions and their answers, in order' })
  answers(@Root() checklist: DashChecklist): DashChecklistAnswer[] {
    return checklist.answers.map((a, i) => ({
      organisation: checklist.organisation,
      number: i + 1,
      question: DASH_QUESTIONS[i]!.text,
      answer: a.answer,
      notes: a.notes ?? null,
    }));
  }

  @FieldResolver(() => MaracReferralDraft, {
    nullable: true,
    description: 'When a MARAC referral is suggested and not yet sent: what it is prefilled with',
  })
  maracReferralDraft(@Root() checklist: DashChecklist): MaracReferralDraft | null {
    if (!checklist.maracSuggested || checklist.maracReferral) return null;
    return { organisation: checklist.organisation, ...maracReferralText(checklist) };
  }
}

@Resolver(() => CapacityAssessment)
export class CapacityAssessmentResolver {
  @Access(Permission.RiskRead)
  @Query(() => CapacityAssessment, { description: 'One mental capacity assessment. Recorded as a read.' })
  capacityAssessment(@Arg('id', () => ID) id: string, @Ctx() ctx: Context) {
    return getCapacityAssessment(ctx.em, callerOf(ctx), id);
  }

  @Access(Permission.RiskWrite)
  @Mutation(() => CapacityAssessment, {
    description:
      'Record a mental capacity assessment for one decision on a concern or an open case, about someone it is about. Where ' +
      'the person lacks capacity the best-interests decision is required, and refused otherwise. In the chronology.' +
      WRITE_ERRORS,
  })
  recordCapacityAssessment(
    @Arg('idempotencyKey', () => String, { description: IDEMPOTENCY_KEY_HELP }) key: string,
    @Arg('input', () => CapacityAssessmentInput) input: CapacityAssessmentInput,
    @Ctx() ctx: Context,
  ) {
    return recordCapacityAssessment(ctx.em, callerOf(ctx), key, input);
  }

  @Access(Permission.RiskWrite)
  @Mutation(() => CapacityAssessment, { description: 'Correct a mental capacity assessment.' + WRITE_ERRORS })
  updateCapacityAssessment(
    @Arg('id', () => ID) id: string,
    @Arg('version', () => Int) version: number,
    @Arg('input', () => CapacityAssessmentUpdateInput) input: CapacityAssessmentUpdateInput,
    @Ctx() ctx: Context,
  ) {
    return updateCapacityAssessment(ctx.em, callerOf(ctx), id, version, input);
  }

  @Access(Permission.RiskRead)
  @Query(() => ConcernConnection, {
    description:
      'Open concerns whose reporter doubted the person’s mental capacity and with no capacity assessment ' +
      'recorded, waiting longest first. Recorded as a read of each concern.',
  })
  concernsAwaitingCapacityAssessment(
    @Ctx() ctx: Context,
    @Arg('first', () => Int, { nullable: true }) first?: number,
    @Arg('after', () => String, { nullable: true }) after?: string,
  ) {
    return concernsAwaitingCapacityAssessment(ctx.em, callerOf(ctx), { first, after });
  }
}

/** A concern's risk records: fields of `Concern` resolved here, above the concern module. */
@Resolver(() => Concern)
export class ConcernRiskResolver {
  @Access(Permission.RiskRead)
  @FieldResolver(() => [DashChecklist], {
    description: 'DASH checklists recorded on this concern, oldest first',
  })
  dashChecklists(@Root() concern: Concern, @Ctx() ctx: Context) {
    return dashChecklistsOfConcern(ctx.em, callerOf(ctx), concern.id);
  }

  @Access(Permission.RiskRead)
  @FieldResolver(() => [CapacityAssessment], {
    description: 'Mental capacity assessments recorded on this concern, oldest first',
  })
  capacityAssessments(@Root() concern: Concern, @Ctx() ctx: Context) {
    return capacityAssessmentsOfConcern(ctx.em, callerOf(ctx), concern.id);
  }

  @Access(Permission.RiskRead)
  @FieldResolver(() => Boolean, {
    description:
      'Whether a mental capacity assessment is recorded on this concern (with mentalCapacityConcern: whether one is still needed)',
  })
  capacityAssessmentRecorded(@Root() concern: Concern, @Ctx() ctx: Context) {
    return capacityAssessmentRecorded(ctx.em, callerOf(ctx), concern.id);
  }
}

/** A case's risk records: fields of `Case` resolved here, above the case module. */
@Resolver(() => Case)
export class CaseRiskResolver {
  @Access(Permission.RiskRead)
  @FieldResolver(() => [DashChecklist], {
    description: 'DASH checklists recorded on this case, oldest first',
  })
  dashChecklists(@Root() c: Case, @Ctx() ctx: Context) {
    return dashChecklistsOfCase(ctx.em, callerOf(ctx), c.id);
  }

  @Access(Permission.RiskRead)
  @FieldResolver(() => [CapacityAssessment], {
    description: 'Mental capacity assessments recorded on this case, oldest first',
  })
  capacityAssessments(@Root() c: Case, @Ctx() ctx: Context) {
    return capacityAssessmentsOfCase(ctx.em, callerOf(ctx), c.id);
  }
}
