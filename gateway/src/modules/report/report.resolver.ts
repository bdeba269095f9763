import { SUPPRESSED_BELOW } from '@doorstep/schema';
import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { sqlOf } from '../../common/sql.js';
import { callerOf, type Context } from '../../context.js';
import { reportFilterChoices, reportScope, type ReportDefinition } from './report.js';
import { Report, ReportFilters, ReportPeriod, ReportPeriodInput } from './report.types.js';

/** A report's figures for the `Report` it is a field of (each `*.report.ts` resolver calls this). */
export function figuresOf<T>(definition: ReportDefinition<T>, report: Report, ctx: Context): Promise<T> {
  return definition.compute(sqlOf(ctx.em), report.scope);
}

@Resolver(() => Report)
export class ReportResolver {
  @Access(Permission.ReportRead)
  @Query(() => Report, {
    description:
      'Your organisation’s figures for a period, by area and team: managers and safeguarding leads. Also as CSV: GET /reports/<name>.csv',
  })
  async report(@Ctx() ctx: Context, @Arg('period', () => ReportPeriodInput) period: ReportPeriodInput) {
    return new Report(await reportScope(ctx.em, callerOf(ctx), period));
  }

  @Access(Permission.ReportRead)
  @Query(() => ReportFilters, {
    description:
      'What `report` can be narrowed to: your organisation’s local authority areas and teams. Managers and safeguarding leads',
  })
  async reportFilters(@Ctx() ctx: Context): Promise<ReportFilters> {
    const caller = callerOf(ctx);
    const { localAuthorityAreas, teams } = await reportFilterChoices(ctx.em, caller);
    return new ReportFilters(caller.identity.organisationId, localAuthorityAreas, teams);
  }

  @FieldResolver(() => ReportPeriod, { description: 'What the figures cover, as checked' })
  period(@Root() report: Report): ReportPeriod {
    const { from, to, localAuthorityArea, teamId, teamName, shared } = report.scope;
    return {
      from,
      to,
      localAuthorityArea,
      teamId,
      teamName,
      shared,
      suppressedBelow: shared ? SUPPRESSED_BELOW : null,
    };
  }
}
