import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { countCell, percentOf, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
import { closedCaseFigures } from './case-figures.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({
  description: 'Making Safeguarding Personal: wishes asked, desired outcomes asked and achieved, risk',
})
@Access(Permission.Envelope)
export class MspFigures {
  @Field(() => Int, { nullable: true, description: 'Concerns raised in the period' })
  concerns!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of them, where the person’s views and wishes were asked (whether or not they expressed any)',
  })
  wishesAsked!: number | null;

  @Field(() => Float, {
    nullable: true,
    description: 'wishesAsked as a percentage of concerns, to one decimal place',
  })
  wishesAskedPercent!: number | null;

  @Field(() => Int, { nullable: true, description: 'Cases closed in the period (and not reopened since)' })
  closedCases!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of them, where the person was asked their desired outcomes',
  })
  outcomesAsked!: number | null;

  @Field(() => Float, { nullable: true, description: 'outcomesAsked as a percentage of closed cases' })
  outcomesAskedPercent!: number | null;

  @Field(() => Int, { nullable: true, description: 'Desired outcomes fully achieved' })
  fullyAchieved!: number | null;

  @Field(() => Int, { nullable: true, description: 'Desired outcomes partially achieved' })
  partiallyAchieved!: number | null;

  @Field(() => Int, { nullable: true, description: 'Desired outcomes not achieved' })
  notAchieved!: number | null;

  @Field(() => Int, { nullable: true, description: 'Closed with the risk removed' })
  riskRemoved!: number | null;

  @Field(() => Int, { nullable: true, description: 'Closed with the risk reduced' })
  riskReduced!: number | null;

  @Field(() => Int, { nullable: true, description: 'Closed with the risk remaining' })
  riskRemains!: number | null;
}

/**
 * Making Safeguarding Personal (the LGA/ADASS measures): of the concerns raised in the period, how
 * many asked the person's views and wishes (ASKED_EXPRESSED or ASKED_NONE_EXPRESSED); of the cases
 * closed in the period (closed now: a case reopened since has no outcome yet), how many asked the
 * desired outcomes at closure, whether they were fully, partially or not achieved, and whether the
 * risk was removed, reduced or remains. Percentages are null when their whole is 0 or either count
 * is withheld.
 */
export const makingSafeguardingPersonal: ReportDefinition<MspFigures> = {
  field: 'makingSafeguardingPersonal',
  csvName: 'making-safeguarding-personal',
  async compute(sql, scope) {
    const tally = await tallied(sql, scope, ['concern.raised', 'concern.wishes_asked']);
    // Cases: from the case tallies (case-figures.ts).
    const row: Record<string, number> = await closedCaseFigures(sql, scope);
    const r = (key: string) => reported(row[key]!, scope);
    const concerns = reported(tally.count('concern.raised'), scope);
    const wishesAsked = reported(tally.count('concern.wishes_asked'), scope);
    const closedCases = r('closed_cases');
    const outcomesAsked = r('outcomes_asked');
    return {
      concerns,
      wishesAsked,
      wishesAskedPercent: percentOf(wishesAsked, concerns),
      closedCases,
      outcomesAsked,
      outcomesAskedPercent: percentOf(outcomesAsked, closedCases),
      fullyAchieved: r('fully'),
      partiallyAchieved: r('partially'),
      notAchieved: r('not_achieved'),
      riskRemoved: r('removed'),
      riskReduced: r('reduced'),
      riskRemains: r('remains'),
    };
  },
  csv: (f) => ({
    header: [
      'concerns',
      'wishes_asked',
      'wishes_asked_percent',
      'closed_cases',
      'outcomes_asked',
      'outcomes_asked_percent',
      'fully_achieved',
      'partially_achieved',
      'not_achieved',
      'risk_removed',
      'risk_reduced',
      'risk_remains',
    ],
    rows: [
      [
        countCell(f.concerns),
        countCell(f.wishesAsked),
        f.wishesAskedPercent,
        countCell(f.closedCases),
        countCell(f.outcomesAsked),
        f.outcomesAskedPercent,
        countCell(f.fullyAchieved),
        countCell(f.partiallyAchieved),
        countCell(f.notAchieved),
        countCell(f.riskRemoved),
        countCell(f.riskReduced),
        countCell(f.riskRemains),
      ],
    ],
  }),
};

@Resolver(() => Report)
export class MakingSafeguardingPersonalResolver {
  @FieldResolver(() => MspFigures, {
    description:
      'Making Safeguarding Personal: wishes asked on concerns; desired outcomes and risk on closed cases',
  })
  makingSafeguardingPersonal(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(makingSafeguardingPersonal, report, ctx);
  }
}
