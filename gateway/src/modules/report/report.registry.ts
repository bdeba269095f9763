import type { AnyReport } from './report.js';
import { ReportResolver } from './report.resolver.js';
import { concernsByMonth, ConcernsByMonthResolver } from './concerns-by-month.report.js';
import { feedbackReport, FeedbackReportResolver } from './feedback.report.js';
import { referralsByAgency, ReferralsByAgencyResolver } from './referrals-by-agency.report.js';
import { referralsByOutcome, ReferralsByOutcomeResolver } from './referrals-by-outcome.report.js';
import { referralsByStatus, ReferralsByStatusResolver } from './referrals-by-status.report.js';
import { warningsDueForReview, WarningsDueForReviewResolver } from './warnings-due-for-review.report.js';

/**
 * Every report: its definition (figures and CSV) and the resolver that adds its field to `Report`.
 * A new report is a `*.report.ts` file and one line here; schema.ts and the CSV route read this list.
 */
export const REPORTS: readonly { definition: AnyReport; resolver: Function }[] = [
  { definition: concernsByMonth as AnyReport, resolver: ConcernsByMonthResolver },
  { definition: referralsByAgency as AnyReport, resolver: ReferralsByAgencyResolver },
  { definition: referralsByStatus as AnyReport, resolver: ReferralsByStatusResolver },
  { definition: referralsByOutcome as AnyReport, resolver: ReferralsByOutcomeResolver },
  { definition: feedbackReport as AnyReport, resolver: FeedbackReportResolver },
  { definition: warningsDueForReview as AnyReport, resolver: WarningsDueForReviewResolver },
];

/** The resolvers of `Query.report` and of every report's field. */
export const reportResolvers = [ReportResolver, ...REPORTS.map((r) => r.resolver)] as const;

/** A report by its download name (`GET /reports/<csvName>.csv`). */
export const reportNamed = (csvName: string): AnyReport | undefined =>
  REPORTS.find((r) => r.definition.csvName === csvName)?.definition;
