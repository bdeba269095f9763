import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { caseFilter, concernFilter, countCell, reported, type ReportDefinition } from './report.js';
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
    const cases = caseFilter(scope);
    type Row = { month: string; raised: number; open_concerns: number; open_cases: number };
    const rows = await sql<Row>(
      `with fc as not materialized (select c.raised_at, c.closed_at from concern c where ${concerns.sql}),
            fk as not materialized (
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
                     (select count(*) from fc where fc.raised_at >= b.s and fc.raised_at < b.e)::int as raised,
                     (select count(*) from fc where fc.closed_at >= b.s and fc.closed_at < b.e)::int as closed,
                     (select count(*) from fk where fk.opened_at >= b.s and fk.opened_at < b.e)::int as opened_cases,
                     (select count(*) from fk where fk.closed_at >= b.s and fk.closed_at < b.e)::int as closed_cases
                from bounds b),
            before as (
              select (select count(*) from fc where fc.raised_at < ?)::int
                   - (select count(*) from fc where fc.closed_at < ?)::int as concerns,
                     (select count(*) from fk where fk.opened_at < ?)::int
                   - (select count(*) from fk where fk.closed_at < ?)::int as cases)
       select m.month, m.raised,
              (before.concerns + sum(m.raised - m.closed) over (order by m.month))::int as open_concerns,
              (before.cases + sum(m.opened_cases - m.closed_cases) over (order by m.month))::int as open_cases
         from moves m cross join before
        order by m.month`,
      [
        ...concerns.params,
        ...cases.params,
        scope.from,
        scope.to,
        scope.from,
        scope.to,
        scope.start,
        scope.start,
        scope.start,
        scope.start,
      ],
    );
    return rows.map((r) => ({
      month: r.month,
      raised: reported(r.raised, scope),
      openConcernsAtEnd: reported(r.open_concerns, scope),
      openCasesAtEnd: reported(r.open_cases, scope),
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
