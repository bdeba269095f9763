import type { FeedbackPrinciple } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { FeedbackPrincipleEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { feedbackFigures } from '../feedback/feedback.service.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Scores given for one of the six safeguarding principles' })
@Access(Permission.Envelope)
export class PrincipleScores {
  @Field(() => FeedbackPrincipleEnum)
  principle!: FeedbackPrinciple;

  @Field(() => Int, { nullable: true, description: 'Responses that scored it' })
  responses!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'Their mean score (1 to 5, two decimals); empty when none, or withheld with the responses',
  })
  averageScore!: number | null;
}

@ObjectType({ description: 'Tenant feedback received in the period: counts and mean scores, no free text' })
@Access(Permission.Envelope)
export class FeedbackScores {
  @Field(() => Int, { nullable: true })
  responses!: number | null;

  @Field(() => Int, { nullable: true, description: 'How many wrote a comment' })
  withComment!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'How many came through a one-time link (named only: anonymous feedback keeps no trace of it)',
  })
  fromLinks!: number | null;

  @Field(() => [PrincipleScores], { description: 'All six principles, in their usual order' })
  byPrinciple!: PrincipleScores[];
}

/**
 * Feedback scores for the period: `feedbackSummary`'s figures (`feedbackFigures`, the same
 * statement), counts suppressed as the report asks. Feedback is the organisation's: anonymous
 * feedback names no household or team, so a report for one area or team is refused rather than
 * counting only the named part.
 */
export const feedbackReport: ReportDefinition<FeedbackScores> = {
  field: 'feedback',
  csvName: 'feedback',
  async compute(sql, scope) {
    const narrowed = [
      ...(scope.localAuthorityArea !== null ? ['localAuthorityArea'] : []),
      ...(scope.teamId !== null ? ['teamId'] : []),
    ];
    if (narrowed.length) {
      throw new BadUserInputError(
        narrowed.map((field) => ({
          field,
          code: 'not_applicable',
          message: 'Feedback is counted for the whole organisation: anonymous feedback names no area or team',
        })),
      );
    }
    const figures = await feedbackFigures(sql, scope.organisationId, scope.from, scope.to);
    return {
      responses: reported(figures.responses, scope),
      withComment: reported(figures.withComment, scope),
      fromLinks: reported(figures.fromLinks, scope),
      byPrinciple: figures.byPrinciple.map((p) => {
        const responses = reported(p.responses, scope);
        return {
          principle: p.principle,
          responses,
          averageScore: responses === null ? null : p.averageScore,
        };
      }),
    };
  },
  csv: (figures) => ({
    header: ['principle', 'responses', 'average_score'],
    rows: [
      ['ALL', countCell(figures.responses), ''],
      ['WITH_COMMENT', countCell(figures.withComment), ''],
      ['FROM_LINKS', countCell(figures.fromLinks), ''],
      ...figures.byPrinciple.map((p) => [p.principle, countCell(p.responses), p.averageScore ?? '']),
    ],
  }),
};

@Resolver(() => Report)
export class FeedbackReportResolver {
  @FieldResolver(() => FeedbackScores, {
    description:
      'Tenant feedback received in the period: responses and mean scores by principle (the whole organisation)',
  })
  feedback(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(feedbackReport, report, ctx);
  }
}
