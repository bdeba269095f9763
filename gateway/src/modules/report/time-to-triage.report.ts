import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import { concernsRaised, countCell, reported, type ReportDefinition } from './report.js';
import { figuresOf } from './report.resolver.js';
import { Report } from './report.types.js';

@ObjectType({
  description: 'How long concerns raised in the period waited for their first triage, in working hours',
})
@Access(Permission.Envelope)
export class DurationFigures {
  @Field(() => Int, { nullable: true, description: 'Concerns raised in the period and triaged (by now)' })
  triaged!: number | null;

  @Field(() => Int, { nullable: true, description: 'Concerns raised in the period not triaged yet' })
  awaitingTriage!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The median, in working hours to two decimal places (nearest rank: the ⌈N/2⌉th shortest); null when none, or withheld',
  })
  medianWorkingHours!: number | null;

  @Field(() => Float, {
    nullable: true,
    description:
      'The 90th percentile, in working hours (nearest rank: the ⌈0.9N⌉th shortest); null when none, or withheld',
  })
  percentile90WorkingHours!: number | null;
}

/** Seconds as hours to two decimal places. */
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);

/**
 * Time to triage of the concerns raised in the period that have been triaged: from raising to the
 * first triage decision, counting only office hours (09:00 to 17:00 London time) on England and
 * Wales working days (`workingSecondsBetween`, kept on the concern at its first triage). The median
 * and 90th percentile are nearest-rank: the value at rank ⌈pN⌉ of the N times in order (an actual
 * time, never an interpolation: PostgreSQL's `percentile_disc`). Withheld with the triaged count.
 */
export const timeToTriage: ReportDefinition<DurationFigures> = {
  field: 'timeToTriage',
  csvName: 'time-to-triage',
  async compute(sql, scope) {
    const raised = concernsRaised(scope);
    const [row] = await sql<{ triaged: number; waiting: number; median: number | null; p90: number | null }>(
      `select count(c.triage_working_seconds)::int as triaged,
              count(*) filter (where c.status = 'RAISED')::int as waiting,
              percentile_disc(0.5) within group (order by c.triage_working_seconds) as median,
              percentile_disc(0.9) within group (order by c.triage_working_seconds) as p90
         from concern c where ${raised.sql}`,
      raised.params,
    );
    const triaged = reported(row!.triaged, scope);
    return {
      triaged,
      awaitingTriage: reported(row!.waiting, scope),
      medianWorkingHours: triaged === null ? null : hours(row!.median),
      percentile90WorkingHours: triaged === null ? null : hours(row!.p90),
    };
  },
  csv: (f) => ({
    header: ['triaged', 'awaiting_triage', 'median_working_hours', 'percentile_90_working_hours'],
    rows: [
      [countCell(f.triaged), countCell(f.awaitingTriage), f.medianWorkingHours, f.percentile90WorkingHours],
    ],
  }),
};

@Resolver(() => Report)
export class TimeToTriageResolver {
  @FieldResolver(() => DurationFigures, {
    description:
      'Working hours from raising to first triage of the concerns raised in the period: median and 90th percentile',
  })
  timeToTriage(@Root() report: Report, @Ctx() ctx: Context) {
    return figuresOf(timeToTriage, report, ctx);
  }
}
