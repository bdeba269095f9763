import { Ctx, Field, FieldResolver, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { countCell, reported, type ReportDefinition } from './report.js';
import { tallied } from './report-tally.js';
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
 * any of the concerns that added up to it is in the area (its household's) or was raised by the team
 * (both, for an area and team). From the tally (`flag.raised` by subject, `flag.reviewed`), which
 * keeps each flag in every area and team of its concerns.
 */
export const cumulativeFlags: ReportDefinition<FlagFigures> = {
  field: 'cumulativeFlags',
  csvName: 'cumulative-flags',
  async compute(sql, scope) {
    const tally = await tallied(sql, scope, ['flag.raised', 'flag.reviewed']);
    const people = tally.count('flag.raised', 'PERSON');
    const households = tally.count('flag.raised', 'HOUSEHOLD');
    return {
      raised: reported(people + households, scope),
      aboutPeople: reported(people, scope),
      aboutHouseholds: reported(households, scope),
      reviewed: reported(tally.count('flag.reviewed'), scope),
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
