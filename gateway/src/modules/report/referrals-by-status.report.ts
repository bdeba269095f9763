import { REFERRAL_STATUSES, type ReferralStatus } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ReferralStatusEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { REFERRAL_TALLIES, referralsOverdueNow } from './referral-figures.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Referrals sent in the period that are now in one status' })
@Access(Permission.Envelope)
export class ReferralStatusCount {
  @Field(() => ReferralStatusEnum)
  status!: ReferralStatus;

  @Field(() => Int, { nullable: true })
  referrals!: number | null;

  @Field(() => Int, {
    nullable: true,
    description:
      'Of those, overdue now: past their response-due date with no response (SENT or ACKNOWLEDGED only)',
  })
  overdueNow!: number | null;
}

/**
 * Referrals sent in the period by where they are now: every status, in the lifecycle's order (the
 * tallies), and how many of them are overdue now (the referrals still awaiting a response).
 */
export const referralsByStatus: ReportDefinition<ReferralStatusCount[]> = {
  field: 'referralsByStatus',
  csvName: 'referrals-by-status',
  async compute(sql, scope) {
    const [tally, overdue] = await Promise.all([
      tallied(sql, scope, [REFERRAL_TALLIES.status]),
      referralsOverdueNow(sql, scope),
    ]);
    const byStatus = tally.byKey(REFERRAL_TALLIES.status);
    const overdueIn = (status: ReferralStatus) =>
      overdue.filter((o) => o.status === status).reduce((n, o) => n + o.overdue, 0);
    return REFERRAL_STATUSES.map((status) => ({
      status,
      referrals: reported(byStatus.get(status) ?? 0, scope),
      overdueNow: reported(overdueIn(status), scope),
    }));
  },
  csv: (statuses) => ({
    header: ['status', 'referrals', 'overdue_now'],
    rows: statuses.map((s) => [s.status, countCell(s.referrals), countCell(s.overdueNow)]),
  }),
};

@Resolver(() => Report)
export class ReferralsByStatusResolver {
  @FieldResolver(() => [ReferralStatusCount], {
    description:
      'Referrals sent in the period by where they are now (every status), and how many are overdue',
  })
  referralsByStatus(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(referralsByStatus, report, ctx);
  }
}
