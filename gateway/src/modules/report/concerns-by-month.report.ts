import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { concernFilter, countCell, reported, type ReportDefinition } from './report.js';
import { openCasesAtMonthEnds } from './case-figures.js';
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
 * it less those closed before it; a case is open during each of its open periods (opened or
 * reopened, to closed: `case_open_period`). One statement: the counts at the start of the period
 * (two index ranges each), then each month's comings and goings, summed.
 */
export const concernsByMonth: ReportDefinition<MonthFigures[]> = {
  field: 'concernsByMonth',
  csvName: 'concerns-by-month',
  async compute(sql, scope) {
    const concerns = concernFilter(scope);
    type Row = { month: string; raised: number; open_concerns: number };
    const rows = await sql<Row>(
      `with fc as not materialized (select c.raised_at, c.closed_at from concern c where ${concerns.sql}),
            bounds as (
              select to_char(m, 'YYYY-MM') as month,
                     greatest(m, ?::timestamp) at time zone 'Europe/London' as s,
                     least(m + interval '1 month', ?::timestamp + interval '1 day') at time zone 'Europe/London' as e
                from generate_series(date_trunc('month', ?::timestamp), ?::timestamp, interval '1 month') m),
            moves as (
              select b.month,
                     (select count(*) from fc where fc.raised_at >= b.s and fc.raised_at < b.e)::int as raised,
                     (select count(*) from fc where fc.closed_at >= b.s and fc.closed_at < b.e)::int as closed
                from bounds b),
            before as (
              select (select count(*) from fc where fc.raised_at < ?)::int
                   - (select count(*) from fc where fc.closed_at < ?)::int as concerns)
       select m.month, m.raised,
              (before.concerns + sum(m.raised - m.closed) over (order by m.month))::int as open_concerns
         from moves m cross join before
        order by m.month`,
      [...concerns.params, scope.from, scope.to, scope.from, scope.to, scope.start, scope.start],
    );
    // Cases: from the case tallies (case-figures.ts), summed over the same months.
    const casesAtEnd = (await openCasesAtMonthEnds(sql, scope))(rows.map((r) => r.month));
    return rows.map((r, i) => ({
      month: r.month,
      raised: reported(r.raised, scope),
      openConcernsAtEnd: reported(r.open_concerns, scope),
      openCasesAtEnd: reported(casesAtEnd[i]!, scope),
    }));
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

@Resolver(() => Report)
export class ConcernsByMonthResolver {
  @FieldResolver(() => [MonthFigures], {
    description: 'Concerns raised per month, and concerns and cases open at the end of each month',
  })
  concernsByMonth(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(concernsByMonth, report, ctx);
  }
}
