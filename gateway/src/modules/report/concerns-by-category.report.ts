import {
  CATEGORIES_IN_GROUP,
  REPORTING_GROUPS,
  reportingGroupOf,
  type ConcernCategory,
  type ReportingGroup,
} from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ReportingGroupEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Concerns raised in the period under one reporting group' })
@Access(Permission.Envelope)
export class CategoryFigure {
  @Field(() => ReportingGroupEnum)
  group!: ReportingGroup;

  @Field(() => Int, { nullable: true })
  count!: number | null;
}

/**
 * Concerns raised in the period by reporting group: each once, under its primary category's group
 * (REPORTING_GROUP_OF: Stockport Homes' Table 1 labels, children's categories folded into the
 * matching group), NOT_RECORDED without one. Every group is listed, in REPORTING_GROUPS' order,
 * zeros too. From the tally of concerns raised by primary category (`concern.category`).
 */
export const concernsByCategory: ReportDefinition<CategoryFigure[]> = {
  field: 'concernsByCategory',
  csvName: 'concerns-by-category',
  async compute(sql, scope) {
    const tally = await tallied(sql, scope, ['concern.category']);
    const counts = new Map<ReportingGroup, number>();
    for (const [category, n] of tally.byKey('concern.category')) {
      const group = reportingGroupOf((category || null) as ConcernCategory | null);
      counts.set(group, (counts.get(group) ?? 0) + n);
    }
    return REPORTING_GROUPS.map((group) => ({ group, count: reported(counts.get(group) ?? 0, scope) }));
  },
  csv: (groups) => ({
    header: ['group', 'categories', 'count'],
    rows: groups.map((g) => [g.group, CATEGORIES_IN_GROUP[g.group].join(' '), countCell(g.count)]),
  }),
};

@Resolver(() => Report)
export class ConcernsByCategoryResolver {
  @FieldResolver(() => [CategoryFigure], {
    description:
      'Concerns raised in the period by reporting group (primary category; Stockport’s Table 1 groups first), every group listed',
  })
  concernsByCategory(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(concernsByCategory, report, ctx);
  }
}
