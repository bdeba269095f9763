import { WARNING_TYPES, isoDateOf, type WarningType } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { WarningTypeEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { BadUserInputError } from '../../errors.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Warnings of one type (or all) due for review' })
@Access(Permission.Envelope)
export class WarningReviewCounts {
  @Field(() => WarningTypeEnum, { nullable: true, description: 'Empty for all types together' })
  type!: WarningType | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Warnings whose review date falls in the period and that had not been ended before it',
  })
  dueInPeriod!: number | null;

  @Field(() => Int, {
    nullable: true,
    description: 'Warnings overdue for review now: not ended, review date passed (whenever it fell)',
  })
  overdueNow!: number | null;
}

/**
 * Warnings due for review in the period, and overdue for review now (the warning module's
 * `overdueForReview`: not ended, review date before today), all types together first, then each
 * type. In an area: warnings on a household there, or on someone living in one there now.
 * Warnings belong to no team, so a report for one team is refused.
 */
export const warningsDueForReview: ReportDefinition<WarningReviewCounts[]> = {
  field: 'warningsDueForReview',
  csvName: 'warnings-due-for-review',
  async compute(sql, scope) {
    if (scope.teamId !== null) {
      throw new BadUserInputError([
        { field: 'teamId', code: 'not_applicable', message: 'Warnings belong to no team: ask without one' },
      ]);
    }
    // Looked up for each warning of the period (scalar subqueries, so PostgreSQL cannot turn them
    // into a hash of every household of the area and everyone living there): its household's area,
    // or whether the person it is about lives in a household of the area now. The indexes
    // `household_area` and `household_member_current` answer both from the index alone.
    const area =
      scope.localAuthorityArea === null
        ? { sql: '', params: [] }
        : {
            sql: `and ((select h.local_authority_area from household h
                         where h.organisation_id = w.organisation_id and h.id = w.household_id) = ?
                       or (select true from household_member m join household h
                             on h.organisation_id = m.organisation_id and h.id = m.household_id
                            where m.organisation_id = w.organisation_id and m.person_id = w.person_id
                              and m.left_on is null and h.local_authority_area = ? limit 1))`,
            params: [scope.localAuthorityArea, scope.localAuthorityArea],
          };
    const rows = await sql<{ type: WarningType | null; due: number; overdue: number }>(
      `select w.type,
              count(*) filter (where w.review_date between ?::date and ?::date
                                 and (w.ended_at is null or w.ended_at >= (w.review_date::timestamp at time zone 'Europe/London')))::int as due,
              count(*) filter (where w.status <> 'ENDED' and w.review_date < ?::date)::int as overdue
         from warning w
        where w.organisation_id = ? and (w.review_date between ?::date and ?::date or (w.status <> 'ENDED' and w.review_date < ?::date))
          ${area.sql}
        group by rollup (w.type)`,
      [
        scope.from,
        scope.to,
        isoDateOf(),
        scope.organisationId,
        scope.from,
        scope.to,
        isoDateOf(),
        ...area.params,
      ],
    );
    const byType = new Map(rows.map((r) => [r.type, r]));
    return [null, ...WARNING_TYPES].map((type) => ({
      type,
      dueInPeriod: reported(byType.get(type)?.due ?? 0, scope),
      overdueNow: reported(byType.get(type)?.overdue ?? 0, scope),
    }));
  },
  csv: (counts) => ({
    header: ['warning_type', 'due_in_period', 'overdue_now'],
    rows: counts.map((c) => [c.type ?? 'ALL', countCell(c.dueInPeriod), countCell(c.overdueNow)]),
  }),
};

@Resolver(() => Report)
export class WarningsDueForReviewResolver {
  @FieldResolver(() => [WarningReviewCounts], {
    description:
      'Warnings due for review in the period, and overdue for review now: all types, then each type',
  })
  warningsDueForReview(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(warningsDueForReview, report, ctx);
  }
}
