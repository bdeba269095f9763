import { REFERRAL_OUTCOMES, type ReferralOutcome } from '@doorstep/schema';
import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import type { Context } from '../../context.js';
import { referralsSent } from './referral-figures.js';
import { ReferralOutcomeCount } from './referrals-by-agency.report.js';
import { countCell, reported, type ReportDefinition } from './report.js';
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
    const sent = referralsSent(scope);
    const rows = await sql<{ outcome: ReferralOutcome; referrals: number }>(
      `select r.outcome, count(*)::int as referrals from (${sent.sql}) r where r.outcome is not null group by r.outcome`,
      sent.params,
    );
    const byOutcome = new Map(rows.map((r) => [r.outcome, r.referrals]));
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
