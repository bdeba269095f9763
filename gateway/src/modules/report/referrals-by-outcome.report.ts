import { REFERRAL_OUTCOMES } from '@doorstep/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { byAgency, REFERRAL_TALLIES } from './referral-figures.js';
import { ReferralOutcomeCount } from './referrals-by-agency.report.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

/**
 * Referrals sent in the period that the agency has closed, by the outcome it closed them with
 * (every outcome, in the usual order). Declined and withdrawn referrals have no outcome: see
 * `referralsByStatus`.
 */
export const referralsByOutcome: ReportDefinition<ReferralOutcomeCount[]> = {
  field: 'referralsByOutcome',
  csvName: 'referrals-by-outcome',
  async compute(sql, scope) {
    const tally = await tallied(sql, scope, [REFERRAL_TALLIES.outcome]);
    const byOutcome = new Map<string, number>();
    for (const outcomes of byAgency(tally.byKey(REFERRAL_TALLIES.outcome)).values())
      for (const [outcome, n] of outcomes) byOutcome.set(outcome, (byOutcome.get(outcome) ?? 0) + n);
    return REFERRAL_OUTCOMES.map((outcome) => ({
      outcome,
      referrals: reported(byOutcome.get(outcome) ?? 0, scope),
    }));
  },
  csv: (outcomes) => ({
    header: ['outcome', 'referrals'],
    rows: outcomes.map((o) => [o.outcome, countCell(o.referrals)]),
  }),
};

@Resolver(() => Report)
export class ReferralsByOutcomeResolver {
  @FieldResolver(() => [ReferralOutcomeCount], {
    description: 'Referrals sent in the period that the agency has closed, by outcome (every outcome)',
  })
  referralsByOutcome(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(referralsByOutcome, report, ctx);
  }
}
