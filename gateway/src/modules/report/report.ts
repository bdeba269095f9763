import type { EntityManager } from '@mikro-orm/postgresql';
import { reportPeriodSchema, SUPPRESSED_BELOW, type ReportPeriodData } from '@doorstep/schema';
import { parseInput } from '../../common/input.js';
import { sqlOf, type Sql } from '../../common/sql.js';
import { ukPeriod } from '../../common/uk-days.js';
import type { Caller } from '../../context.js';
import { BadUserInputError } from '../../errors.js';

/*
 * The reports framework (docs/guide/reports.md). A report is one field of `Report` (GraphQL) and
 * one CSV download (`GET /reports/<csvName>.csv`), both computed by its `ReportDefinition` for a
 * checked `ReportScope`: the caller's organisation, a period of UK days, optionally one local
 * authority area and one team, and whether small counts are suppressed. Each report lives in a file
 * of its own (`*.report.ts`: its definition and a one-field resolver) and is listed once in
 * `report.registry.ts`. Reports hold counts only, never a person.
 */

/** What a report is asked for, checked: every report reads the same. */
export interface ReportScope {
  organisationId: string;
  /** UK days, both inclusive. */
  from: string;
  to: string;
  /** The moments they stand for: from the start of `from` (inclusive) to the start of the day after `to`. */
  start: Date;
  end: Date;
  localAuthorityArea: string | null;
  teamId: string | null;
  teamName: string | null;
  /** The report leaves the organisation: counts from 1 to SUPPRESSED_BELOW - 1 are withheld (null). */
  shared: boolean;
}

/** One report: how to compute its figures, and how to lay them out as CSV. */
export interface ReportDefinition<T> {
  /** The field of `Report` (GraphQL). */
  field: string;
  /** The download's name: `GET /reports/<csvName>.csv`. */
  csvName: string;
  compute(sql: Sql, scope: ReportScope): Promise<T>;
  /** The CSV's header and rows. Counts go through `countCell`, so suppressed cells say so. */
  csv(figures: T, scope: ReportScope): { header: readonly string[]; rows: readonly (readonly unknown[])[] };
}

/** A definition with its figures' type forgotten, for lists of them. */
export type AnyReport = ReportDefinition<unknown>;

/**
 * Parses and checks a report's period and filters for the caller's organisation: BAD_USER_INPUT
 * for malformed dates, a reversed or too long period, a start in the future, an area no household
 * of the organisation is in, or a team it does not have.
 */
export async function reportScope(em: EntityManager, caller: Caller, raw: unknown): Promise<ReportScope> {
  const period: ReportPeriodData = parseInput(reportPeriodSchema, raw);
  const organisationId = caller.identity.organisationId;
  const sql = sqlOf(em);
  const area = period.localAuthorityArea ?? null;
  const [found] = await sql<{ area: boolean; team: string | null }>(
    `select (? ::text is null or exists (select 1 from household
               where organisation_id = ? and local_authority_area = ?)) as area,
            (select name from team where organisation_id = ? and id = ?) as team`,
    [area, organisationId, area, organisationId, period.teamId ?? null],
  );
  const unknown = [
    ...(found!.area
      ? []
      : [{ field: 'localAuthorityArea', code: 'unknown', message: 'No household of yours is in this area' }]),
    ...(period.teamId && found!.team === null
      ? [{ field: 'teamId', code: 'unknown', message: 'Choose one of your organisation’s teams' }]
      : []),
  ];
  if (unknown.length) throw new BadUserInputError(unknown);
  const { start, end } = ukPeriod(period);
  return {
    organisationId,
    from: period.from,
    to: period.to,
    start: start!,
    end: end!,
    localAuthorityArea: area,
    teamId: period.teamId ?? null,
    teamName: found!.team,
    shared: period.shared ?? false,
  };
}

/**
 * What the caller's organisation's reports can be narrowed to: the distinct local authority areas
 * of its households (sorted) and its teams (by name). Names only: nothing about a person.
 */
export async function reportFilterChoices(
  em: EntityManager,
  caller: Caller,
): Promise<{ localAuthorityAreas: string[]; teams: { id: string; name: string }[] }> {
  const organisationId = caller.identity.organisationId;
  const sql = sqlOf(em);
  // One after the other: both run on the request's own transaction.
  const areas = await sql<{ area: string }>(
    `select distinct local_authority_area as area from household
       where organisation_id = ? and local_authority_area is not null order by 1`,
    [organisationId],
  );
  const teams = await sql<{ id: string; name: string }>(
    `select id::text as id, name from team where organisation_id = ? order by name, id`,
    [organisationId],
  );
  return { localAuthorityAreas: areas.map((a) => a.area), teams };
}

/** A count as reported: null when the report is shared and the count is 1 to 4. */
export function reported(count: number, scope: ReportScope): number | null {
  return scope.shared && count > 0 && count < SUPPRESSED_BELOW ? null : count;
}

/** A share of a whole, as a percentage to one decimal place: null when either is withheld or the whole is 0. */
export function percentOf(part: number | null, whole: number | null): number | null {
  if (part === null || whole === null || whole === 0) return null;
  return Math.round((part / whole) * 1000) / 10;
}

/** A count's CSV cell: a withheld count says so. */
export const countCell = (count: number | null): string | number =>
  count === null ? `<${SUPPRESSED_BELOW}` : count;

/** A concern's or case's (alias) household is in the area (one parameter). */
const inArea = (alias: string) =>
  `exists (select 1 from household h where h.organisation_id = ${alias}.organisation_id
             and h.id = ${alias}.household_id and h.local_authority_area = ?)`;

/**
 * The conditions that put a concern (alias `c`) in a report's area and team, and their parameters:
 * in the area when its household is; in the team when its reporter was (`concern.team_id`).
 */
export function concernFilter(scope: ReportScope, c = 'c'): { sql: string; params: unknown[] } {
  const parts = [`${c}.organisation_id = ?`];
  const params: unknown[] = [scope.organisationId];
  if (scope.localAuthorityArea !== null) {
    parts.push(inArea(c));
    params.push(scope.localAuthorityArea);
  }
  if (scope.teamId !== null) {
    parts.push(`${c}.team_id = ?`);
    params.push(scope.teamId);
  }
  return { sql: parts.join(' and '), params };
}

/** The concerns raised in the period, in the area and team (alias `c`). */
export function concernsRaised(scope: ReportScope, c = 'c'): { sql: string; params: unknown[] } {
  const filter = concernFilter(scope, c);
  return {
    sql: `${filter.sql} and ${c}.raised_at >= ? and ${c}.raised_at < ?`,
    params: [...filter.params, scope.start, scope.end],
  };
}
