import type { ClassType } from 'type-graphql';
import type { AnyReport, ReportDefinition } from './report.js';
import { ReportResolver } from './report.resolver.js';
import { concernsByAge, ConcernsByAgeResolver } from './concerns-by-age.report.js';
import { concernsByCategory, ConcernsByCategoryResolver } from './concerns-by-category.report.js';
import { concernsByMonth, ConcernsByMonthResolver } from './concerns-by-month.report.js';
import { concernsBySource, ConcernsBySourceResolver } from './concerns-by-source.report.js';
import { cumulativeFlags, CumulativeFlagsResolver } from './cumulative-flags.report.js';
import {
  makingSafeguardingPersonal,
  MakingSafeguardingPersonalResolver,
} from './making-safeguarding-personal.report.js';
import { timeToTriage, TimeToTriageResolver } from './time-to-triage.report.js';
import { feedbackReport, FeedbackReportResolver } from './feedback.report.js';
import { referralsByAgency, ReferralsByAgencyResolver } from './referrals-by-agency.report.js';
import { referralsByOutcome, ReferralsByOutcomeResolver } from './referrals-by-outcome.report.js';
import { referralsByStatus, ReferralsByStatusResolver } from './referrals-by-status.report.js';
import { warningsDueForReview, WarningsDueForReviewResolver } from './warnings-due-for-review.report.js';

/**
 * Every report: its definition (figures and CSV) and the resolver that adds its field to `Report`.
 * A new report is a `*.report.ts` file and one line here; schema.ts and the CSV route read this list.
 */
const report = <T>(definition: ReportDefinition<T>, resolver: ClassType) => ({
  definition: definition as AnyReport,
  resolver,
});

export const REPORTS: readonly { definition: AnyReport; resolver: ClassType }[] = [
  report(concernsByMonth, ConcernsByMonthResolver),
  report(concernsByCategory, ConcernsByCategoryResolver),
  report(concernsByAge, ConcernsByAgeResolver),
  report(concernsBySource, ConcernsBySourceResolver),
  report(timeToTriage, TimeToTriageResolver),
  report(cumulativeFlags, CumulativeFlagsResolver),
  report(makingSafeguardingPersonal, MakingSafeguardingPersonalResolver),
  report(referralsByAgency, ReferralsByAgencyResolver),
  report(referralsByStatus, ReferralsByStatusResolver),
  report(referralsByOutcome, ReferralsByOutcomeResolver),
  report(feedbackReport, FeedbackReportResolver),
  report(warningsDueForReview, WarningsDueForReviewResolver),
];

/** The resolvers of `Query.report` and of every report's field. */
export const reportResolvers = [ReportResolver, ...REPORTS.map((r) => r.resolver)] as const;

/** A report by its download name (`GET /reports/<csvName>.csv`). */
export const reportNamed = (csvName: string): AnyReport | undefined =>
  REPORTS.find((r) => r.definition.csvName === csvName)?.definition;
