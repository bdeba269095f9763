import type { AgencyType } from '@doorstep/schema';
import { AWAITING_RESPONSE } from '../referral/response-due.service.js';
import { concernFilter, type ReportScope } from './report.js';
import type { Sql } from '../../common/sql.js';
import { nearestRank } from './report-tally.js';

/*
 * What the referral reports share: the referrals a report counts are those sent in the period
 * (UK days) about a concern in the report's area and team (the concern's household's area, its
 * reporter's team), to an agency of a type (OTHER when it has none, as its response policy does).
 * Their counts come from the tallies (`report_tally`, kept by the referral triggers of the
 * report_tally_referrals_cases migration); only "overdue now", which depends on the moment of asking,
 * is counted from the referrals still awaiting a response.
 */

/**
 * The referral tallies, each by the day sent: `sent`, `responded` and `in_time` (responded before
 * the response-due date) keyed by agency type; `status` by status now; `outcome` by
 * `AGENCY_TYPE:OUTCOME` (closed ones); `response_days` by `AGENCY_TYPE:N`, N the working days the
 * agency took to respond (its first decision, ACCEPTED or DECLINED), counted as its due date is:
 * 0 when answered before the end of the working day counting started on (the day it was sent, if a
 * working day before 17:00 London time, else the next), n when before the end of the nth working
 * day after. So a referral answered in time for the policy's N working days took at most N.
 */
export const REFERRAL_TALLIES = {
  sent: 'referral.sent',
  responded: 'referral.responded',
  inTime: 'referral.in_time',
  status: 'referral.status',
  outcome: 'referral.outcome',
  responseDays: 'referral.response_days',
} as const;

/** A tally keyed `AGENCY_TYPE:VALUE`, split by agency type: value to count. */
export function byAgency(keys: Map<string, number>): Map<AgencyType, Map<string, number>> {
  const split = new Map<AgencyType, Map<string, number>>();
  for (const [key, n] of keys) {
    if (n === 0) continue;
    const at = key.indexOf(':');
    const agency = key.slice(0, at) as AgencyType;
    const values = split.get(agency) ?? new Map<string, number>();
    values.set(key.slice(at + 1), n);
    split.set(agency, values);
  }
  return split;
}

/** A percentile (0 to 1) of whole numbers given as a histogram (value to count), nearest rank; null when empty. */
export function percentileOf(histogram: Map<string, number>, p: number): number | null {
  return (
    nearestRank(
      [...histogram].map(([v, n]) => [Number(v), n] as const),
      p,
    )?.value ?? null
  );
}

/**
 * How many of the referrals a report counts are overdue now (still awaiting the agency's decision,
 * past their due date), by agency type and status, read from the few still awaiting a response
 * (`referral_awaiting`, a partial index). The concern is joined only for an area or team.
 */
export async function referralsOverdueNow(
  sql: Sql,
  scope: ReportScope,
): Promise<{ agency_type: AgencyType; status: string; overdue: number }[]> {
  const narrowed = scope.localAuthorityArea !== null || scope.teamId !== null;
  const concerns = concernFilter(scope, 'c');
  const awaiting = AWAITING_RESPONSE.map((s) => `'${s}'`).join(', ');
  return sql(
    `select coalesce(a.agency_type, 'OTHER') as agency_type, r.status, count(*)::int as overdue
       from referral r
       join organisation a on a.id = r.recipient_organisation_id
      where r.organisation_id = ? and r.status in (${awaiting}) and r.respond_by <= now()
        and r.sent_at >= ? and r.sent_at < ?
        ${narrowed ? `and exists (select 1 from concern c where c.organisation_id = r.organisation_id and c.id = r.concern_id and ${concerns.sql})` : ''}
      group by 1, 2`,
    [scope.organisationId, scope.start, scope.end, ...(narrowed ? concerns.params : [])],
  );
}
