import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { openAtMonthEnds, tallied } from './report-tally.js';
import { CASE_TALLIES } from './case-figures.js';
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
 * to closed: `case_open_period`), from the case tallies (`case-figures.ts`).
 */
export const concernsByMonth: ReportDefinition<MonthFigures[]> = {
  field: 'concernsByMonth',
  csvName: 'concerns-by-month',
  async compute(sql, scope) {
    const [raised, closed] = ['concern.raised', 'concern.closed'];
    const kinds = [raised, closed, CASE_TALLIES.opened, CASE_TALLIES.periodClosed];
    // One after another: the request's statements share its one connection.
    const before = await tallied(sql, scope, kinds, { days: 'before' });
    const during = await tallied(sql, scope, kinds, { byMonth: true });
    const months = monthsOf(scope.from, scope.to);
    const openConcerns = openAtMonthEnds(before, during, raised, closed, months);
    const openCases = openAtMonthEnds(before, during, CASE_TALLIES.opened, CASE_TALLIES.periodClosed, months);
    return months.map((month, i) => ({
      month,
      raised: reported(during.count(raised, '', month), scope),
      openConcernsAtEnd: reported(openConcerns[i]!, scope),
      openCasesAtEnd: reported(openCases[i]!, scope),
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

/** The months (YYYY-MM) from the one `from` is in to the one `to` is in. */
function monthsOf(from: string, to: string): string[] {
  const months: string[] = [];
  for (let y = Number(from.slice(0, 4)), m = Number(from.slice(5, 7)); ; m === 12 ? (y++, (m = 1)) : m++) {
    const month = `${y}-${String(m).padStart(2, '0')}`;
    months.push(month);
    if (month >= to.slice(0, 7)) return months;
  }
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
