import { Field, ID, InputType, Int, ObjectType } from 'type-graphql';
import { Access } from '../../auth/access.js';
import { Permission } from '../../auth/permissions.js';
import type { ReportScope } from './report.js';

const DAY = 'A UK day, YYYY-MM-DD';

@InputType('ReportPeriod', {
  description: 'What a report covers: UK days from and to (both inclusive), an area, a team',
})
export class ReportPeriodInput {
  @Field(() => String, { description: `${DAY}: the first day counted` })
  from!: string;

  @Field(() => String, { description: `${DAY}: the last day counted (at most 5 years after from)` })
  to!: string;

  @Field(() => String, {
    nullable: true,
    description:
      'Only households in this local authority area (an area none of your households is in is refused)',
  })
  localAuthorityArea?: string | null;

  @Field(() => ID, {
    nullable: true,
    description: 'Only concerns raised by this team (as it was when raised)',
  })
  teamId?: string | null;

  @Field(() => Boolean, {
    nullable: true,
    defaultValue: false,
    description: 'The report leaves the organisation: counts of 1 to 4 are withheld (null)',
  })
  shared?: boolean | null;
}

@ObjectType('ReportPeriodEcho', { description: 'What a report covers, as checked' })
@Access(Permission.Envelope)
export class ReportPeriod {
  @Field()
  from!: string;

  @Field()
  to!: string;

  @Field(() => String, { nullable: true })
  localAuthorityArea!: string | null;

  @Field(() => ID, { nullable: true })
  teamId!: string | null;

  @Field(() => String, { nullable: true, description: 'The team’s name' })
  teamName!: string | null;

  @Field()
  shared!: boolean;

  @Field(() => Int, {
    nullable: true,
    description: 'Counts from 1 to one less than this are withheld (null): 5 when shared, else null',
  })
  suppressedBelow!: number | null;
}

/**
 * Reports for a period: each field is one report (docs/guide/reports.md), computed when asked for.
 * Counts only: no report names or describes a person. A count is null only when withheld.
 */
@ObjectType('Report', { description: 'Figures for a period: each field is one report, computed when asked' })
@Access(Permission.ReportRead)
export class Report {
  constructor(readonly scope: ReportScope) {}

  /** The organisation the figures are of (the access rule's relation). */
  get organisationId(): string {
    return this.scope.organisationId;
  }
}

@ObjectType('ReportTeam', { description: 'A team a report can be narrowed to' })
@Access(Permission.Envelope)
export class ReportTeam {
  @Field(() => ID)
  id!: string;

  @Field()
  name!: string;
}

/** What a report can be narrowed to: the organisation's areas and teams (names only, no person). */
@ObjectType('ReportFilters', {
  description: 'What a report can be narrowed to: your organisation’s areas and teams',
})
@Access(Permission.ReportRead)
export class ReportFilters {
  constructor(
    readonly organisationId: string,
    localAuthorityAreas: string[],
    teams: ReportTeam[],
  ) {
    this.localAuthorityAreas = localAuthorityAreas;
    this.teams = teams;
  }

  @Field(() => [String], { description: 'The local authority areas of your households, sorted' })
  localAuthorityAreas: string[];

  @Field(() => [ReportTeam], { description: 'Your organisation’s teams, by name' })
  teams: ReportTeam[];
}
