import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { concernFilter, countCell, reported, type ReportDefinition } from './report.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({ description: 'Cumulative-concern flags (many low-level concerns adding up) in the period' })
@Access(Permission.Envelope)
export class FlagFigures {
  @Field(() => Int, { nullable: true, description: 'Flags raised in the period' })
  raised!: number | null;

  @Field(() => Int, { nullable: true, description: '…of them about a person' })
  aboutPeople!: number | null;

  @Field(() => Int, { nullable: true, description: '…of them about a household' })
  aboutHouseholds!: number | null;

  @Field(() => Int, { nullable: true, description: 'Flags reviewed in the period (whenever raised)' })
  reviewed!: number | null;
}

/**
 * Cumulative-concern flags raised, and reviewed, in the period. By area or team: a flag counts when
 * any of the concerns that added up to it is in the area (its household's) or was raised by the team.
 */
export const cumulativeFlags: ReportDefinition<FlagFigures> = {
  field: 'cumulativeFlags',
  csvName: 'cumulative-flags',
  async compute(sql, scope) {
    const filtered = scope.localAuthorityArea !== null || scope.teamId !== null;
    const concerns = concernFilter(scope);
    // Asked of each flag of the period (a scalar subquery, so it probes the flag's few concerns by
    // index rather than joining every flagged concern): is any of its concerns in the area and team?
    // `concern_report_scope` gives a concern's household and team from the index alone.
    const inScope = filtered
      ? `and (select true from cumulative_flag_concern fc join concern c
                on c.organisation_id = fc.organisation_id and c.id = fc.concern_id
               where fc.organisation_id = f.organisation_id and fc.flag_id = f.id and ${concerns.sql} limit 1)`
      : '';
    const during = [scope.start, scope.end];
    const [row] = await sql<{ raised: number; people: number; households: number; reviewed: number }>(
      `select count(*) filter (where f.raised_at >= ? and f.raised_at < ?)::int as raised,
              count(*) filter (where f.raised_at >= ? and f.raised_at < ? and f.subject_type = 'PERSON')::int as people,
              count(*) filter (where f.raised_at >= ? and f.raised_at < ? and f.subject_type = 'HOUSEHOLD')::int as households,
              count(*) filter (where f.reviewed_at >= ? and f.reviewed_at < ?)::int as reviewed
         from cumulative_flag f
        where f.organisation_id = ? and (f.raised_at >= ? and f.raised_at < ? or f.reviewed_at >= ? and f.reviewed_at < ?)
          ${inScope}`,
      [
        ...during,
        ...during,
        ...during,
        ...during,
        scope.organisationId,
        ...during,
        ...during,
        ...(filtered ? concerns.params : []),
      ],
    );
    return {
      raised: reported(row!.raised, scope),
      aboutPeople: reported(row!.people, scope),
      aboutHouseholds: reported(row!.households, scope),
      reviewed: reported(row!.reviewed, scope),
    };
  },
  csv: (f) => ({
    header: ['raised', 'about_people', 'about_households', 'reviewed'],
    rows: [
      [countCell(f.raised), countCell(f.aboutPeople), countCell(f.aboutHouseholds), countCell(f.reviewed)],
    ],
  }),
};

@Resolver(() => Report)
export class CumulativeFlagsResolver {
  @FieldResolver(() => FlagFigures, {
    description: 'Cumulative-concern flags raised and reviewed in the period',
  })
  cumulativeFlags(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(cumulativeFlags, report, ctx);
  }
}
