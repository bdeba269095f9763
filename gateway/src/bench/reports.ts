import type pg from 'pg';
import { ukPeriod } from '../common/uk-days.js';
import { REPORTS } from '../modules/report/report.registry.js';
import type { ReportScope } from '../modules/report/report.js';

/*
 * `pnpm bench --only reports`: every report timed alone, side by side in one run, over a database
 * with a million concerns (`pnpm seed --concerns 1000000`):
 *
 * - the gateway: `report(period) { <field> { … } }` through GraphQL over HTTP as a safeguarding
 *   lead (the period checked, the access rule, the report's statement(s), the answer);
 * - the floor: the report's own SQL statement, sent straight over pg by the benchmark with the
 *   scope already made (no HTTP, GraphQL, access check or period check): what the report costs
 *   in PostgreSQL, and so the least the gateway could take;
 * - the peer: what a report writer would write without the gateway's kept columns, a plain
 *   `GROUP BY` over the base tables, one statement per report (the referrals' moves looked up, not
 *   the response kept on the referral; open concerns and cases as running sums of all months'
 *   comings and goings, whole months only). Close to the gateway's figures, not always the same:
 *   only the floor's answer is checked against the gateway's.
 */

/** The selection each report is asked for: every field it has. */
export const REPORT_SELECTIONS: Record<string, string> = {
  concernsByMonth: '{ month raised openConcernsAtEnd openCasesAtEnd }',
  concernsByCategory: '{ group count }',
  concernsByAge: '{ adults children notKnown }',
  concernsBySource: '{ source count }',
  timeToTriage: '{ triaged awaitingTriage medianWorkingHours percentile90WorkingHours }',
  cumulativeFlags: '{ raised aboutPeople aboutHouseholds reviewed }',
  makingSafeguardingPersonal: `{ concerns wishesAsked wishesAskedPercent closedCases outcomesAsked outcomesAskedPercent
    fullyAchieved partiallyAchieved notAchieved riskRemoved riskReduced riskRemains }`,
  referralsByAgency: `{ agencyType sent responded respondedInTime overdueNow responseWorkingDaysMedian
    responseWorkingDaysP90 outcomes { outcome referrals } }`,
  referralsByStatus: '{ status referrals overdueNow }',
  referralsByOutcome: '{ outcome referrals }',
  feedback: '{ responses withComment fromLinks byPrinciple { principle responses averageScore } }',
  warningsDueForReview: '{ type dueInPeriod overdueNow }',
};

export interface ReportCase {
  field: string;
  label: string;
  period: { from: string; to: string; localAuthorityArea?: string; teamId?: string };
}

/**
 * Each report for a year and for the whole range (`first`, the first concern's day, to today: at
 * most the 5 years a report may cover), and (where it applies) for a year in one area, and one area
 * and team.
 */
export function reportCases(today: string, first: string, area: string, teamId: string): ReportCase[] {
  const yearAgo = `${Number(today.slice(0, 4)) - 1}${today.slice(4)}`;
  const year = { from: yearAgo, to: today };
  return REPORTS.flatMap(({ definition: { field } }) => [
    { field, label: 'a year', period: year },
    { field, label: 'the whole range', period: { from: first, to: today } },
    ...(field === 'feedback'
      ? []
      : [{ field, label: 'a year, one area', period: { ...year, localAuthorityArea: area } }]),
    ...(field === 'feedback' || field === 'warningsDueForReview'
      ? []
      : [{ field, label: 'a year, area and team', period: { ...year, localAuthorityArea: area, teamId } }]),
  ]);
}

/** The floor: the report's own computation over a pg client, `?` placeholders numbered for pg. */
export async function floorReport(
  client: pg.ClientBase,
  organisationId: string,
  c: ReportCase,
): Promise<unknown> {
  const definition = REPORTS.find((r) => r.definition.field === c.field)!.definition;
  const { start, end } = ukPeriod(c.period);
  const scope: ReportScope = {
    organisationId,
    from: c.period.from,
    to: c.period.to,
    start: start!,
    end: end!,
    localAuthorityArea: c.period.localAuthorityArea ?? null,
    teamId: c.period.teamId ?? null,
    teamName: null,
    shared: false,
  };
  return definition.compute(async <T>(text: string, params: readonly unknown[] = []) => {
    let n = 0;
    return (
      await client.query(
        text.replace(/\?/g, () => `$${++n}`),
        [...params],
      )
    ).rows as T[];
  }, scope);
}

/**
 * The peer: the naive statement for a report (the reports written here; the others have none yet,
 * and show no peer figures), with its parameters ($1 organisation, $2 from, $3 to, $4 area, $5 team). */
const NARROW = `($4::text is null or exists (select 1 from household h where h.id = c.household_id and h.local_authority_area = $4))
              and ($5::uuid is null or c.team_id = $5)`;
const IN_PERIOD = (column: string) =>
  `(${column} at time zone 'Europe/London')::date between $2::date and $3::date`;
export const PEER_SQL: Record<string, string> = {
  concernsByMonth: `with c as (select c.raised_at, c.closed_at from concern c where c.organisation_id = $1 and ${NARROW}),
         k as (select k.opened_at, k.closed_at from safeguarding_case k where k.organisation_id = $1 and exists (
                 select 1 from case_concern cc join concern c on c.id = cc.concern_id where cc.case_id = k.id and ${NARROW})),
         ins as (select to_char(raised_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*) as n from c group by 1),
         outs as (select to_char(closed_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*) as n from c where closed_at is not null group by 1),
         kin as (select to_char(opened_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*) as n from k group by 1),
         kout as (select to_char(closed_at at time zone 'Europe/London', 'YYYY-MM') as month, count(*) as n from k where closed_at is not null group by 1),
         months as (select month from ins union select month from outs union select month from kin union select month from kout
                    union select to_char(m, 'YYYY-MM') from generate_series($2::date, $3::date, interval '1 month') m),
         running as (select m.month, coalesce(i.n, 0) as raised,
                            sum(coalesce(i.n, 0) - coalesce(o.n, 0)) over (order by m.month) as open_concerns,
                            sum(coalesce(ki.n, 0) - coalesce(ko.n, 0)) over (order by m.month) as open_cases
                       from months m left join ins i using (month) left join outs o using (month)
                       left join kin ki using (month) left join kout ko using (month))
    select * from running where month between to_char($2::date, 'YYYY-MM') and to_char($3::date, 'YYYY-MM') order by month`,
  referralsByAgency: `select o.agency_type, count(*) as sent,
         count(d.at) as responded, count(*) filter (where d.at < r.respond_by) as in_time,
         count(*) filter (where r.status in ('SENT', 'ACKNOWLEDGED') and r.respond_by <= now()) as overdue,
         percentile_disc(0.5) within group (order by extract(epoch from d.at - r.sent_at)) as median_seconds,
         percentile_disc(0.9) within group (order by extract(epoch from d.at - r.sent_at)) as p90_seconds,
         json_object_agg(coalesce(cl.outcome, 'NONE'), 1) as outcomes
    from referral r join organisation o on o.id = r.recipient_organisation_id
    join concern c on c.id = r.concern_id
    left join lateral (select min(m.at) as at from referral_move m where m.referral_id = r.id and m."to" in ('ACCEPTED', 'DECLINED')) d on true
    left join lateral (select m.outcome from referral_move m where m.referral_id = r.id and m."to" = 'CLOSED' limit 1) cl on true
   where r.organisation_id = $1 and ${IN_PERIOD('r.sent_at')} and ${NARROW}
   group by o.agency_type`,
  referralsByStatus: `select r.status, count(*) as referrals,
         count(*) filter (where r.status in ('SENT', 'ACKNOWLEDGED') and r.respond_by <= now()) as overdue
    from referral r join concern c on c.id = r.concern_id
   where r.organisation_id = $1 and ${IN_PERIOD('r.sent_at')} and ${NARROW} group by r.status`,
  referralsByOutcome: `select m.outcome, count(*) as referrals
    from referral r join concern c on c.id = r.concern_id join referral_move m on m.referral_id = r.id and m."to" = 'CLOSED'
   where r.organisation_id = $1 and ${IN_PERIOD('r.sent_at')} and ${NARROW} group by m.outcome`,
  feedback: `select count(*) as responses, count(*) filter (where f.comment is not null) as with_comment,
         count(*) filter (where f.link_id is not null) as from_links,
         (select json_object_agg(principle, avg) from (select r.principle, round(avg(r.score), 2) as avg from feedback f2
             join feedback_rating r on r.feedback_id = f2.id where f2.organisation_id = $1 and ${IN_PERIOD('f2.received_at')}
            group by r.principle) s) as by_principle
    from feedback f
   where f.organisation_id = $1 and ${IN_PERIOD('f.received_at')} and $4::text is null and $5::uuid is null`,
  warningsDueForReview: `select w.type, count(*) filter (where w.review_date between $2::date and $3::date) as due,
         count(*) filter (where w.status <> 'ENDED' and w.review_date < current_date) as overdue
    from warning w left join household_member m on m.person_id = w.person_id and m.left_on is null
    left join household h on h.id = coalesce(w.household_id, m.household_id)
   where w.organisation_id = $1 and ($4::text is null or h.local_authority_area = $4) and $5::uuid is null
   group by rollup (w.type)`,
};

/** The value at a share of the sorted latencies. */
export const at = (sorted: readonly number[], q: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN;
