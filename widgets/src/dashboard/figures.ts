import type { ReportsQuery } from '@doorstep/client';
import type { Month } from './charts.js';

/**
 * The figures the dashboard shows, read from the gateway's `report` in one request (the client's
 * `Reports` document) and mapped here, in one place. A report the gateway does not give yet is
 * left out, and so is its chart.
 */
export interface Figures {
  from: string;
  to: string;
  /** The area and the team's name the figures are narrowed to (null: all). */
  area: string | null;
  team: string | null;
  /** Counts of 1 to 4 are withheld (null) in this report. */
  withheld: boolean;
  months: Month[];
  /** Concerns raised in the period (null: withheld, under 5). */
  raised: number | null;
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
  /**
   * Referrals sent in the period, and overdue now. A total is left out (undefined) when a count
   * it adds up is withheld: it cannot be told.
   */
  referrals?: {
    sent: number | undefined;
    overdue: number | undefined;
    agencies: { agencyType: string; count: number | null }[];
  };
}

type Report = ReportsQuery['report'];

/** The sum, or undefined when one of the counts is withheld. */
const total = (counts: (number | null)[]) =>
  counts.some((n) => n === null) ? undefined : counts.reduce<number>((sum, n) => sum + n!, 0);

export function figuresOf(report: Report): Figures {
  const months = report.concernsByMonth.map((m) => ({
    month: m.month,
    raised: m.raised,
    openConcerns: m.openConcernsAtEnd,
    openCases: m.openCasesAtEnd,
  }));
  const { concernsByAge: ages, timeToTriage: triage, makingSafeguardingPersonal: msp } = report;
  return {
    from: report.period.from,
    to: report.period.to,
    area: report.period.localAuthorityArea,
    team: report.period.teamName,
    withheld: report.period.shared,
    months,
    raised: msp.concerns,
    categories: report.concernsByCategory,
    ages,
    triage: {
      count: triage.triaged,
      median: triage.medianWorkingHours,
      p90: triage.percentile90WorkingHours,
    },
    wishes: {
      asked: msp.wishesAsked,
      of: msp.concerns,
      share: msp.wishesAskedPercent === null ? null : msp.wishesAskedPercent / 100,
    },
    outcomes: {
      fully: msp.fullyAchieved,
      partially: msp.partiallyAchieved,
      notAchieved: msp.notAchieved,
      removed: msp.riskRemoved,
      reduced: msp.riskReduced,
      remains: msp.riskRemains,
    },
    referrals: {
      sent: total(report.referralsByAgency.map((a) => a.sent)),
      overdue: total(report.referralsByAgency.map((a) => a.overdueNow)),
      agencies: report.referralsByAgency.map((a) => ({ agencyType: a.agencyType, count: a.sent })),
    },
  };
}
