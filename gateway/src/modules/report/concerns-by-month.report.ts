import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import type { Sql } from '../../common/sql.js';
import { caseFilter, countCell, reported, type ReportDefinition, type ReportScope } from './report.js';
import { tallied } from './report-tally.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'A month of the period: concerns raised, and what was open at its end' })
@Access(Permission.Envelope)
export class MonthFigures {
  @Field({ description: 'YYYY-MM (the first and last months may be part months: only the period’s days)' })
  month!: string;

  @Field(() => Int, { nullable: true, description: 'Concerns raised in the month' })
  raised!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Concerns open (raised, not closed) at the end of the month, or of the period’s last day if sooner: whenever they were raised',
  })
  openConcernsAtEnd!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Cases open at the end of the month (or of the period’s last day): open again from its reopening',
  })
  openCasesAtEnd!: number | null;
}

/**
 * Concerns raised per month, and concerns and cases open at the end of each month. "Open at a
 * moment" is worked out from history, not today's status: a concern is open from being raised until
 * it is closed (concerns are never reopened), so the number open at a moment is those raised before
 * it less those closed before it, from the tally (`concern.raised`, `concern.closed`: before the
 * period, then month by month); a case is open during each of its open periods (opened or reopened,
 * to closed: `case_open_period`).
 */
export const concernsByMonth: ReportDefinition<MonthFigures[]> = {
  field: 'concernsByMonth',
  csvName: 'concerns-by-month',
  async compute(sql, scope) {
    const kinds = ['concern.raised', 'concern.closed'];
    // One after another: the request's statements share its one connection.
    const before = await tallied(sql, scope, kinds, { days: 'before' });
    const during = await tallied(sql, scope, kinds, { byMonth: true });
    const cases = await openCasesByMonth(sql, scope);
    let openConcerns = before.count('concern.raised') - before.count('concern.closed');
    return cases.map(({ month, openCases }) => {
      const raised = during.count('concern.raised', '', month);
      openConcerns += raised - during.count('concern.closed', '', month);
      return {
        month,
        raised: reported(raised, scope),
        openConcernsAtEnd: reported(openConcerns, scope),
        openCasesAtEnd: reported(openCases, scope),
      };
    });
  },
  csv: (months) => ({
    header: ['month', 'raised', 'open_concerns_at_end', 'open_cases_at_end'],
    rows: months.map((m) => [
      m.month,
      countCell(m.raised),
      countCell(m.openConcernsAtEnd),
      countCell(m.openCasesAtEnd),
    ]),
  }),
};

/**
 * Every month of the period (YYYY-MM), with the cases open at its end (or the period's last day's):
 * those open at the period's start, then each month's openings and closings, summed.
 */
async function openCasesByMonth(
  sql: Sql,
  scope: ReportScope,
): Promise<{ month: string; openCases: number }[]> {
  const cases = caseFilter(scope);
  return sql<{ month: string; openCases: number }>(
    `with fk as not materialized (
            select p.opened_at, p.closed_at from case_open_period p
              join safeguarding_case k on k.organisation_id = p.organisation_id and k.id = p.case_id
             where ${cases.sql}),
          bounds as (
            select to_char(m, 'YYYY-MM') as month,
                   greatest(m, ?::timestamp) at time zone 'Europe/London' as s,
                   least(m + interval '1 month', ?::timestamp + interval '1 day') at time zone 'Europe/London' as e
              from generate_series(date_trunc('month', ?::timestamp), ?::timestamp, interval '1 month') m),
          moves as (
            select b.month,
                   (select count(*) from fk where fk.opened_at >= b.s and fk.opened_at < b.e)::int as opened,
                   (select count(*) from fk where fk.closed_at >= b.s and fk.closed_at < b.e)::int as closed
              from bounds b),
          before as (
            select (select count(*) from fk where fk.opened_at < ?)::int
                 - (select count(*) from fk where fk.closed_at < ?)::int as cases)
     select m.month, (before.cases + sum(m.opened - m.closed) over (order by m.month))::int as "openCases"
       from moves m cross join before
      order by m.month`,
    [...cases.params, scope.from, scope.to, scope.from, scope.to, scope.start, scope.start],
  );
}

@Resolver(() => Report)
export class ConcernsByMonthResolver {
  @FieldResolver(() => [MonthFigures], {
    description: 'Concerns raised per month, and concerns and cases open at the end of each month',
  })
  concernsByMonth(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(concernsByMonth, report, ctx);
  }
}
