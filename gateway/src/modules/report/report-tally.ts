import type pg from 'pg';
import { pgArray, type Sql } from '../../common/sql.js';
import type { ReportScope } from './report.js';

/*
 * Reading and keeping the reports' running totals (`report_tally`, kept by the database's triggers:
 * see its migration and docs/performance.md). A report asks for the kinds it needs over its period,
 * area and team, and gets each count summed: a few thousand rows for a year however many concerns
 * it holds.
 */

/** Counts summed by kind and key ('' for a kind with one count), and by month when asked. */
export class Tally {
  constructor(private readonly rows: readonly { kind: string; key: string; month?: string; n: number }[]) {}

  /** The count of one kind and key (in one month), 0 when nothing was counted. */
  count(kind: string, key = '', month?: string): number {
    let n = 0;
    for (const row of this.rows)
      if (row.kind === kind && row.key === key && (month === undefined || row.month === month)) n += row.n;
    return n;
  }

  /** Every key of a kind with its count (keys never counted are absent). */
  byKey(kind: string): Map<string, number> {
    const counts = new Map<string, number>();
    for (const row of this.rows)
      if (row.kind === kind) counts.set(row.key, (counts.get(row.key) ?? 0) + row.n);
    return counts;
  }
}

/**
 * How many were open at the end of each month (YYYY-MM, in order): those opened before the period
 * less those closed before it (`before`), then each month's openings less its closings (`during`,
 * read by month), summed.
 */
export function openAtMonthEnds(
  before: Tally,
  during: Tally,
  opened: string,
  closed: string,
  months: readonly string[],
): number[] {
  let open = before.count(opened) - before.count(closed);
  return months.map((month) => (open += during.count(opened, '', month) - during.count(closed, '', month)));
}

/**
 * Where the nearest-rank percentile `p` (0 to 1) of a histogram (value to count) falls, as
 * PostgreSQL's `percentile_disc` takes it (the value at position ⌈p × total⌉, at least 1): the
 * value, and the position within that value's count (from 1). Null when the histogram is empty.
 */
export function nearestRank(
  histogram: Iterable<readonly [number, number]>,
  p: number,
): { value: number; within: number } | null {
  const values = [...histogram].filter(([, n]) => n > 0).sort(([a], [b]) => a - b);
  const total = values.reduce((sum, [, n]) => sum + n, 0);
  if (total === 0) return null;
  const rank = Math.max(1, Math.ceil(p * total));
  let before = 0;
  for (const [value, n] of values) {
    if (before + n >= rank) return { value, within: rank - before };
    before += n;
  }
  return null;
}

/** Which days of the scope to sum: the period (the default), or every day before it. */
export type TallyDays = 'period' | 'before';

/**
 * The tallies of `kinds` for the report's organisation, area and team (the grain kept for exactly
 * that: an empty area or team is every one), over the period's days or every day before it, summed
 * by kind and key, and by month (YYYY-MM) when `byMonth`.
 */
export async function tallied(
  sql: Sql,
  scope: ReportScope,
  kinds: readonly string[],
  { days = 'period', byMonth = false }: { days?: TallyDays; byMonth?: boolean } = {},
): Promise<Tally> {
  const params: unknown[] = [scope.organisationId, pgArray(kinds)];
  const grain = (column: string, value: string | null) => {
    if (value === null) return `${column} is null`;
    params.push(value);
    return `${column} = ?`;
  };
  const area = grain('area', scope.localAuthorityArea);
  const team = grain('team_id', scope.teamId);
  const range = days === 'period' ? 'day >= ?::date and day <= ?::date' : 'day < ?::date';
  params.push(...(days === 'period' ? [scope.from, scope.to] : [scope.from]));
  const month = byMonth ? `, to_char(day, 'YYYY-MM') as month` : '';
  const rows = await sql<{ kind: string; key: string; month?: string; n: number }>(
    `select kind, key${month}, sum(n)::int as n from report_tally
      where organisation_id = ? and kind = any(?::text[]) and ${area} and ${team} and ${range}
      group by kind, key${byMonth ? ', month' : ''}`,
    params,
  );
  return new Tally(rows);
}

/**
 * The database functions that work every tally of an organisation out again from its rows, one per
 * table counted. The seed at scale loads with triggers off, then calls each.
 */
export const TALLY_REBUILDS = [
  'doorstep_concern_tally_rebuild',
  'doorstep_referral_tally_rebuild',
  'doorstep_case_tally_rebuild',
  'doorstep_feedback_tally_rebuild',
  'doorstep_flag_tally_rebuild',
] as const;

/** Works out an organisation's tallies again from its rows (after loading with triggers off). */
export async function rebuildTallies(client: pg.ClientBase, organisationId: string): Promise<void> {
  for (const rebuild of TALLY_REBUILDS) await client.query(`select ${rebuild}($1)`, [organisationId]);
}

/** Folds new tally rows into their day's totals until caught up or `budgetMs` has passed; rows folded. */
export async function compactTallies(sql: Sql, budgetMs: number): Promise<number> {
  const until = Date.now() + budgetMs;
  let folded = 0;
  for (;;) {
    const [row] = await sql<{ folded: number }>(`select doorstep_report_tally_compact(200) as folded`);
    folded += row!.folded;
    if (!row!.folded || Date.now() >= until) return folded;
  }
}
