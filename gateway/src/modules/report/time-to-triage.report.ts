import { Ctx, Field, FieldResolver, Float, Int, ObjectType, Resolver, Root } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { Context } from '../../context.js';
import type { Sql } from '../../common/sql.js';
import { concernsRaised, countCell, reported, type ReportDefinition, type ReportScope } from './report.js';
import { nearestRank, tallied } from './report-tally.js';
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

/**
 * A percentile (0 to 1) of the times to triage (seconds) of the concerns raised in the scope,
 * nearest rank: the whole working hour it falls in (-1: none at all) and its place there, from the
 * tally's counts per hour, then that time among the times in that hour (an index-only range of
 * `concern_triage_time`).
 */
async function percentileSeconds(
  sql: Sql,
  scope: ReportScope,
  byHour: readonly (readonly [number, number])[],
  p: number,
): Promise<number> {
  const at = nearestRank(byHour, p)!;
  if (at.value < 0) return 0;
  const raised = concernsRaised(scope);
  const [row] = await sql<{ seconds: number }>(
    `select c.triage_working_seconds as seconds from concern c
      where ${raised.sql} and c.triage_working_seconds >= ? and c.triage_working_seconds < ?
      order by c.triage_working_seconds offset ? limit 1`,
    [...raised.params, Math.max(1, at.value * 3600), (at.value + 1) * 3600, at.within - 1],
  );
  return row!.seconds;
}

/** Seconds as hours to two decimal places. */
const hours = (seconds: number | null) => (seconds === null ? null : Math.round(seconds / 36) / 100);

/**
 * Time to triage of the concerns raised in the period that have been triaged: from raising to the
 * first triage decision, counting only office hours (09:00 to 17:00 London time) on England and
 * Wales working days (`workingSecondsBetween`, kept on the concern at its first triage). The median
 * and 90th percentile are nearest-rank: the value at rank ⌈pN⌉ of the N times in order (an actual
 * time, never an interpolation, as PostgreSQL's `percentile_disc`). Withheld with the triaged count.
 *
 * The counts, and how many were triaged within each whole working hour, come from the tally; that
 * finds the hour the ranked time is in and its rank within the hour, and one read of the concerns
 * triaged within that hour (an index on the organisation's times to triage) gives the time itself.
 */
export const timeToTriage: ReportDefinition<DurationFigures> = {
  field: 'timeToTriage',
  csvName: 'time-to-triage',
  async compute(sql, scope) {
    const tally = await tallied(sql, scope, ['concern.triage_hour', 'concern.awaiting_triage']);
    // '=0' (no working time: triaged out of hours) comes before the first hour.
    const byHour = [...tally.byKey('concern.triage_hour')].map(
      ([hour, n]) => [hour === '=0' ? -1 : Number(hour), n] as const,
    );
    const count = byHour.reduce((sum, [, n]) => sum + n, 0);
    const triaged = reported(count, scope);
    const withheld = triaged === null || count === 0;
    return {
      triaged,
      awaitingTriage: reported(tally.count('concern.awaiting_triage'), scope),
      medianWorkingHours: withheld ? null : hours(await percentileSeconds(sql, scope, byHour, 0.5)),
      percentile90WorkingHours: withheld ? null : hours(await percentileSeconds(sql, scope, byHour, 0.9)),
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
