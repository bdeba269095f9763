import * as z from 'zod';
import { addMonths, endNotBeforeStart, isoDate, londonDateOf } from './dates.js';
import { CONCERN_CATEGORIES, type ConcernCategory } from './enums.js';
import { optionalText, text } from './text.js';

/*
 * Reports: the figures boards and regulators ask for (docs/guide/reports.md). Shared by the gateway
 * (which counts) and the dashboard (which shows the same labels).
 */

/**
 * The groups housing providers report concerns under: Stockport Homes' Table 1 ("Main Area of
 * Concern", 2020/21) first, in its order, then Doorstep's other categories as groups of their own,
 * then concerns with no category recorded.
 */
export const REPORTING_GROUPS = [
  'DISCRIMINATORY',
  'DOMESTIC',
  'EMOTIONAL_PSYCHOLOGICAL',
  'FINANCIAL',
  'INSTITUTIONAL_ORGANISATIONAL',
  'MENTAL_HEALTH',
  'NEGLECT',
  'PHYSICAL',
  'SELF_HARM',
  'SELF_NEGLECT',
  'SEXUAL',
  'EXPLOITATION',
  'MODERN_SLAVERY',
  'FGM',
  'RADICALISATION',
  'HATE_CRIME',
  'NOT_RECORDED',
] as const;
export type ReportingGroup = (typeof REPORTING_GROUPS)[number];

/** The group each category counts under (a concern counts once, under its primary category's). */
export const REPORTING_GROUP_OF: {
  readonly [C in ConcernCategory]: Exclude<ReportingGroup, 'NOT_RECORDED'>;
} = {
  PHYSICAL: 'PHYSICAL',
  SEXUAL: 'SEXUAL',
  PSYCHOLOGICAL: 'EMOTIONAL_PSYCHOLOGICAL',
  FINANCIAL: 'FINANCIAL',
  DISCRIMINATORY: 'DISCRIMINATORY',
  ORGANISATIONAL: 'INSTITUTIONAL_ORGANISATIONAL',
  NEGLECT: 'NEGLECT',
  DOMESTIC_ABUSE: 'DOMESTIC',
  SEXUAL_EXPLOITATION: 'EXPLOITATION',
  MODERN_SLAVERY: 'MODERN_SLAVERY',
  SELF_NEGLECT: 'SELF_NEGLECT',
  CHILD_NEGLECT: 'NEGLECT',
  CHILD_PHYSICAL: 'PHYSICAL',
  CHILD_EMOTIONAL: 'EMOTIONAL_PSYCHOLOGICAL',
  CHILD_SEXUAL: 'SEXUAL',
  CHILD_EXPLOITATION: 'EXPLOITATION',
  FGM: 'FGM',
  RADICALISATION: 'RADICALISATION',
  HATE_CRIME: 'HATE_CRIME',
  SELF_HARM: 'SELF_HARM',
  MENTAL_HEALTH_CRISIS: 'MENTAL_HEALTH',
};

/** The group of a concern's primary category; no category is NOT_RECORDED. */
export const reportingGroupOf = (category: ConcernCategory | null | undefined): ReportingGroup =>
  category ? REPORTING_GROUP_OF[category] : 'NOT_RECORDED';

/** The categories in each group, in the order of CONCERN_CATEGORIES. */
export const CATEGORIES_IN_GROUP: { readonly [G in ReportingGroup]: readonly ConcernCategory[] } =
  Object.fromEntries(
    REPORTING_GROUPS.map((g) => [g, CONCERN_CATEGORIES.filter((c) => REPORTING_GROUP_OF[c] === g)]),
  ) as { [G in ReportingGroup]: ConcernCategory[] };

/** Counts from 1 to this minus one are suppressed in a report that leaves the organisation. */
export const SUPPRESSED_BELOW = 5;

/** The longest period one report covers. */
export const REPORT_MAX_YEARS = 5;

export const REPORT_LIMITS = { localAuthorityArea: 200 } as const;

/** A day that parsed (the checks below run even when a date's own check failed). */
const isDay = (value: string | undefined): value is string =>
  !!value && /^\d{4}-\d{2}-\d{2}$/.test(value) && Number.isFinite(Date.parse(`${value}T00:00:00Z`));

/** Today in the UK, as YYYY-MM-DD (a report's period may not start after it). */
const ukToday = () => londonDateOf(new Date());

/**
 * A report's period and filters: UK days `from` to `to`, both inclusive; `from` not in the future;
 * at most REPORT_MAX_YEARS long; optionally one local authority area and one team (the service
 * checks they exist); `shared` suppresses small counts for a report that leaves the organisation.
 */
export const reportPeriodSchema = z
  .object({
    from: isoDate(),
    to: isoDate(),
    localAuthorityArea: z.optional(optionalText(REPORT_LIMITS.localAuthorityArea)),
    teamId: z.optional(z.uuid({ error: 'Choose a team from the list' })),
    shared: z.optional(z.boolean({ error: 'Say whether the report is shared' })),
  })
  .check(endNotBeforeStart())
  .check(
    z.refine((p) => !isDay(p.from) || p.from <= ukToday(), {
      error: 'The start date cannot be in the future',
      path: ['from'],
    }),
  )
  .check(
    z.refine((p) => !isDay(p.from) || !isDay(p.to) || p.to < addMonths(p.from, REPORT_MAX_YEARS * 12), {
      error: `A report covers at most ${REPORT_MAX_YEARS} years: choose a shorter period`,
      path: ['to'],
    }),
  );
export type ReportPeriodInput = z.input<typeof reportPeriodSchema>;
export type ReportPeriodData = z.output<typeof reportPeriodSchema>;

/** A team's name (`pnpm admin team:add`). */
export const teamNameSchema = z.object({ name: text(120, 'Enter the team’s name') });
