import { AGENCY_TYPES, REFERRAL_OUTCOMES, type AgencyType, type ReferralOutcome } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { AgencyTypeEnum, ReferralOutcomeEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { byAgency, percentileOf, REFERRAL_TALLIES, referralsOverdueNow } from './referral-figures.js';
import { countCell, reported, type ReportDefinition, type ReportScope } from './report.js';
import { tallied } from './report-tally.js';
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
  sent: number;
  responded: number;
  in_time: number;
  overdue: number;
  median: number | null;
  p90: number | null;
  outcomes: Map<string, number>;
};

/** A percentile is withheld with the count of responses it is taken from. */
const withheldWith = (value: number | null, count: number | null) => (count === null ? null : value);

/**
 * Referrals by the kind of agency they went to (every kind, in the usual order), for those sent in
 * the period: how many, how many the agency has responded to and in time, how many are overdue
 * now, the working days they took to respond (median and 90th percentile, from the tallied
 * histogram), and the outcomes they were closed with. The tallies, and the referrals still awaiting
 * a response for "overdue now".
 */
export const referralsByAgency: ReportDefinition<AgencyReferralFigures[]> = {
  field: 'referralsByAgency',
  csvName: 'referrals-by-agency',
  async compute(sql, scope) {
    const T = REFERRAL_TALLIES;
    const [tally, overdue] = await Promise.all([
      tallied(sql, scope, [T.sent, T.responded, T.inTime, T.outcome, T.responseDays]),
      referralsOverdueNow(sql, scope),
    ]);
    const sent = tally.byKey(T.sent);
    const responded = tally.byKey(T.responded);
    const inTime = tally.byKey(T.inTime);
    const outcomes = byAgency(tally.byKey(T.outcome));
    const days = byAgency(tally.byKey(T.responseDays));
    return AGENCY_TYPES.map((agencyType) => {
      const histogram = days.get(agencyType) ?? new Map<string, number>();
      return agencyFigures(
        agencyType,
        {
          sent: sent.get(agencyType) ?? 0,
          responded: responded.get(agencyType) ?? 0,
          in_time: inTime.get(agencyType) ?? 0,
          overdue: overdue.filter((o) => o.agency_type === agencyType).reduce((n, o) => n + o.overdue, 0),
          median: percentileOf(histogram, 0.5),
          p90: percentileOf(histogram, 0.9),
          outcomes: outcomes.get(agencyType) ?? new Map<string, number>(),
        },
        scope,
      );
    });
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
function agencyFigures(agencyType: AgencyType, row: Row, scope: ReportScope): AgencyReferralFigures {
  const responded = reported(row.responded, scope);
  return {
    agencyType,
    sent: reported(row.sent, scope),
    responded,
    respondedInTime: reported(row.in_time, scope),
    overdueNow: reported(row.overdue, scope),
    responseWorkingDaysMedian: withheldWith(row.median, responded),
    responseWorkingDaysP90: withheldWith(row.p90, responded),
    outcomes: REFERRAL_OUTCOMES.map((outcome) => ({
      outcome,
      referrals: reported(row.outcomes.get(outcome) ?? 0, scope),
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
