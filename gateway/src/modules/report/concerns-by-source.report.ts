import { REPORTER_KINDS, type ReporterKind } from '@doorstep/schema';
import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import { ReporterKindEnum } from '../../common/enums.js';
import type { Context } from '../../context.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Concerns raised in the period by who raised them' })
@Access(Permission.Envelope)
export class SourceFigure {
  @Field(() => ReporterKindEnum)
  source!: ReporterKind;

  @Field(() => Int, { nullable: true })
  count!: number | null;
}

/**
 * Concerns raised in the period by who raised them: staff, contractors, tenants, members of the
 * public who left contact details (PUBLIC) and those who did not (ANONYMOUS_PUBLIC), each listed,
 * zeros too. The public are shown in two rows so an anonymous route's use can be seen; add them for
 * "the public".
 */
export const concernsBySource: ReportDefinition<SourceFigure[]> = {
  field: 'concernsBySource',
  csvName: 'concerns-by-source',
  async compute(sql, scope) {
    const counts = (await tallied(sql, scope, ['concern.source'])).byKey('concern.source');
    return REPORTER_KINDS.map((source) => ({ source, count: reported(counts.get(source) ?? 0, scope) }));
  },
  csv: (sources) => ({
    header: ['source', 'count'],
    rows: sources.map((s) => [s.source, countCell(s.count)]),
  }),
};

@Resolver(() => Report)
export class ConcernsBySourceResolver {
  @FieldResolver(() => [SourceFigure], {
    description:
      'Concerns raised in the period by who raised them (the public with and without contact details apart)',
  })
  concernsBySource(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(concernsBySource, report, ctx);
  }
}
