import { AGENCY_TYPES, REFERRAL_OUTCOMES, type AgencyType, type ReferralOutcome } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { AgencyTypeEnum, ReferralOutcomeEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import {
  referralsSent,
  responseWorkingDays,
  WORKING_DAYS_TABLE,
  workingDayNumbers,
} from './referral-figures.js';
import { countCell, reported, type ReportDefinition, type ReportScope } from './report.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Referrals closed with one outcome' })
@Access(Permission.Envelope)
export class ReferralOutcomeCount {
  @Field(() => ReferralOutcomeEnum)
  outcome!: ReferralOutcome;

  @Field(() => Int, { nullable: true })
  referrals!: number | null;
}

@ObjectType({ description: 'Referrals to one kind of agency, sent in the period, and what became of them' })
@Access(Permission.Envelope)
export class AgencyReferralFigures {
  @Field(() => AgencyTypeEnum)
  agencyType!: AgencyType;

  @Field(() => Int, { nullable: true, description: 'Referrals sent in the period' })
  sent!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of those, responded to by now: accepted or declined by the agency',
  })
  responded!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of those, responded to before their response-due date (at it, a referral is overdue)',
  })
  respondedInTime!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Of those sent in the period, overdue now: past their response-due date with no response',
  })
  overdueNow!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Working days to respond, the median (the middle response’s): counted as due dates are, 0 for the working day it arrived',
  })
  responseWorkingDaysMedian!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Working days to respond, the 90th percentile: nine in ten responded within this',
  })
  responseWorkingDaysP90!: number | null;

  @Field(() => [ReferralOutcomeCount], {
    description: 'Of those sent in the period, how many the agency has closed with each outcome',
  })
  outcomes!: ReferralOutcomeCount[];
}

type Row = {
  agency_type: AgencyType;
  sent: number;
  responded: number;
  in_time: number;
  overdue: number;
  median: number | null;
  p90: number | null;
  outcomes: Partial<Record<ReferralOutcome, number>> | null;
};

/** A percentile is withheld with the count of responses it is taken from. */
const withheldWith = (value: number | null, count: number | null) => (count === null ? null : value);

/**
 * Referrals by the kind of agency they went to (every kind, in the usual order), for those sent in
 * the period: how many, how many the agency has responded to and in time, how many are overdue
 * now, the working days they took to respond (median and 90th percentile), and the outcomes they
 * were closed with. One statement, the referrals read once.
 */
export const referralsByAgency: ReportDefinition<AgencyReferralFigures[]> = {
  field: 'referralsByAgency',
  csvName: 'referrals-by-agency',
  async compute(sql, scope) {
    const sent = referralsSent(scope);
    const rows = await sql<Row>(
      `with ${WORKING_DAYS_TABLE},
            r as materialized (${sent.sql}),
            t as materialized (
              select r.agency_type, r.responded_at, r.respond_by, r.overdue, r.outcome,
                     case when r.responded_at is not null then ${responseWorkingDays('r')} end as days
                from r cross join wd),
            o as (select agency_type, jsonb_object_agg(outcome, n) as outcomes
                    from (select agency_type, outcome, count(*)::int as n from t where outcome is not null group by 1, 2) x
                   group by agency_type)
       select t.agency_type, count(*)::int as sent, count(t.responded_at)::int as responded,
              count(*) filter (where t.responded_at < t.respond_by)::int as in_time,
              count(*) filter (where t.overdue)::int as overdue,
              percentile_disc(0.5) within group (order by t.days) as median,
              percentile_disc(0.9) within group (order by t.days) as p90,
              o.outcomes
         from t left join o on o.agency_type = t.agency_type
        group by t.agency_type, o.outcomes`,
      [...workingDayNumbers(scope), ...sent.params],
    );
    const byType = new Map(rows.map((r) => [r.agency_type, r]));
    return AGENCY_TYPES.map((agencyType) => agencyFigures(agencyType, byType.get(agencyType), scope));
  },
  csv: (agencies) => ({
    header: [
      'agency_type',
      'sent',
      'responded',
      'responded_in_time',
      'overdue_now',
      'response_working_days_median',
      'response_working_days_p90',
      ...REFERRAL_OUTCOMES.map((o) => `outcome_${o.toLowerCase()}`),
    ],
    rows: agencies.map((a) => [
      a.agencyType,
      countCell(a.sent),
      countCell(a.responded),
      countCell(a.respondedInTime),
      countCell(a.overdueNow),
      a.responseWorkingDaysMedian ?? '',
      a.responseWorkingDaysP90 ?? '',
      ...a.outcomes.map((o) => countCell(o.referrals)),
    ]),
  }),
};

/** One agency type's figures, suppressed as the scope asks; a type nobody was referred to, all 0. */
function agencyFigures(
  agencyType: AgencyType,
  row: Row | undefined,
  scope: ReportScope,
): AgencyReferralFigures {
  const responded = reported(row?.responded ?? 0, scope);
  const outcomes = row?.outcomes ?? {};
  return {
    agencyType,
    sent: reported(row?.sent ?? 0, scope),
    responded,
    respondedInTime: reported(row?.in_time ?? 0, scope),
    overdueNow: reported(row?.overdue ?? 0, scope),
    responseWorkingDaysMedian: withheldWith(row?.median ?? null, responded),
    responseWorkingDaysP90: withheldWith(row?.p90 ?? null, responded),
    outcomes: REFERRAL_OUTCOMES.map((outcome) => ({
      outcome,
      referrals: reported(outcomes[outcome] ?? 0, scope),
    })),
  };
}

@Resolver(() => Report)
export class ReferralsByAgencyResolver {
  @FieldResolver(() => [AgencyReferralFigures], {
    description:
      'Referrals sent in the period by the kind of agency they went to: responses, overdue now, working days to respond, outcomes',
  })
  referralsByAgency(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(referralsByAgency, report, ctx);
  }
}
