import type { DashboardQuery } from '@doorstep/client';
import type { Month } from './charts.js';

/**
 * The figures the dashboard shows, read from the gateway's `report` in one request (the client's
 * `Dashboard` document) and mapped here, in one place. A report the gateway does not give yet is
 * left out, and so is its chart.
 */
export interface Figures {
  from: string;
  to: string;
  /** Counts of 1 to 4 are withheld (null) in this report. */
  withheld: boolean;
  months: Month[];
  /**
   * Concerns raised in the period: the months added up, or, when a month is withheld, the months
   * known (`atLeast`): a total must not give a withheld count away, nor pass for exact.
   */
  raised: { count: number; atLeast: boolean };
  /** Concerns by the reporting group of their main category. */
  categories?: { group: string; count: number | null }[];
  ages?: { adults: number | null; children: number | null; notKnown: number | null };
  /** Working hours from raised to first triage. */
  triage?: { count: number | null; median: number | null; p90: number | null };
  /** Concerns where the person's wishes were asked, of all concerns. */
  wishes?: { asked: number | null; of: number | null; share: number | null };
  /** Making Safeguarding Personal outcomes of the cases closed. */
  outcomes?: {
    fully: number | null;
    partially: number | null;
    notAchieved: number | null;
    removed: number | null;
    reduced: number | null;
    remains: number | null;
  };
  referrals?: {
    sent: number | null;
    overdue: number | null;
    agencies: { label: string; count: number | null }[];
  };
}

type Report = DashboardQuery['report'];

/** The total of counts, and whether some were withheld (null) and left out of it. */
export function total(counts: (number | null)[]): { count: number; atLeast: boolean } {
  return {
    count: counts.reduce<number>((sum, n) => sum + (n ?? 0), 0),
    atLeast: counts.some((n) => n === null),
  };
}

export function figuresOf(report: Report): Figures {
  const months = report.concernsByMonth.map((m) => ({
    month: m.month,
    raised: m.raised,
    openConcerns: m.openConcernsAtEnd,
    openCases: m.openCasesAtEnd,
  }));
  return {
    from: report.period.from,
    to: report.period.to,
    withheld: report.period.shared,
    months,
    raised: total(months.map((m) => m.raised)),
  };
}
