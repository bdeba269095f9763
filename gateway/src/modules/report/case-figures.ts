import type { Sql } from '../../common/sql.js';
import type { ReportScope } from './report.js';
import { tallied } from './report-tally.js';

/*
 * What the reports count of cases, from the tallies (`report_tally`, kept by the case triggers of
 * the report_tally_referrals_cases migration). A case is in an area by its household's, and in a
 * team when any concern attached to it was raised by the team (so it counts once under each of its
 * teams, and a concern attached later adds it to that team's counts, from its first day).
 */

/**
 * The case tallies: each open period's opening (`opened`) and end (`period_closed`) by its UK day
 * (a case reopened has one period more); and for a case closed now, by the day it was closed, its
 * closure (`closed_now`), whether the desired outcomes were asked (`outcomes_asked`), how far they
 * were achieved (`achieved`: FULLY, PARTIALLY, NOT_ACHIEVED) and the risk (`risk`: REMOVED,
 * REDUCED, REMAINS). Reopening a case takes its closure counts away.
 */
export const CASE_TALLIES = {
  opened: 'case.opened',
  periodClosed: 'case.period_closed',
  closedNow: 'case.closed_now',
  outcomesAsked: 'case.outcomes_asked',
  achieved: 'case.achieved',
  risk: 'case.risk',
} as const;

/** Of the cases closed in the period (and closed now): how many, outcomes asked, achieved, risk. */
export async function closedCaseFigures(sql: Sql, scope: ReportScope) {
  const t = await tallied(sql, scope, [
    CASE_TALLIES.closedNow,
    CASE_TALLIES.outcomesAsked,
    CASE_TALLIES.achieved,
    CASE_TALLIES.risk,
  ]);
  return {
    closed_cases: t.count(CASE_TALLIES.closedNow),
    outcomes_asked: t.count(CASE_TALLIES.outcomesAsked),
    fully: t.count(CASE_TALLIES.achieved, 'FULLY'),
    partially: t.count(CASE_TALLIES.achieved, 'PARTIALLY'),
    not_achieved: t.count(CASE_TALLIES.achieved, 'NOT_ACHIEVED'),
    removed: t.count(CASE_TALLIES.risk, 'REMOVED'),
    reduced: t.count(CASE_TALLIES.risk, 'REDUCED'),
    remains: t.count(CASE_TALLIES.risk, 'REMAINS'),
  };
}
