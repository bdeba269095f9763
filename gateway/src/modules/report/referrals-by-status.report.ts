import { REFERRAL_STATUSES, type ReferralStatus } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ReferralStatusEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { referralsSent } from './referral-figures.js';
import { countCell, reported, type ReportDefinition } from './report.js';
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

/** Referrals sent in the period by where they are now: every status, in the lifecycle's order. */
export const referralsByStatus: ReportDefinition<ReferralStatusCount[]> = {
  field: 'referralsByStatus',
  csvName: 'referrals-by-status',
  async compute(sql, scope) {
    const sent = referralsSent(scope);
    const rows = await sql<{ status: ReferralStatus; referrals: number; overdue: number }>(
      `select r.status, count(*)::int as referrals, count(*) filter (where r.overdue)::int as overdue
         from (${sent.sql}) r group by r.status`,
      sent.params,
    );
    const byStatus = new Map(rows.map((r) => [r.status, r]));
    return REFERRAL_STATUSES.map((status) => ({
      status,
      referrals: reported(byStatus.get(status)?.referrals ?? 0, scope),
      overdueNow: reported(byStatus.get(status)?.overdue ?? 0, scope),
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
