import { pgArray } from '../../common/sql.js';
import { isWorkingDay } from '../../common/working-days.js';
import { AWAITING_RESPONSE } from '../referral/response-due.service.js';
import { concernFilter, type ReportScope } from './report.js';

/*
 * What the referral reports share: which referrals a report counts (sent in the period, about a
 * concern in the area and team), and when each was answered, in the referral module's terms.
 */

const DAY = 86_400_000;

/**
 * The referrals a report counts, as a subquery of one row each (alias `r`): sent in the period
 * (UK days), from a concern in the report's area and team (the concern's household's area, its
 * reporter's team), with the agency's type (OTHER when it has none, as its response policy does),
 * whether it is overdue now (`isOverdue`: still awaiting the agency's decision past its due date),
 * when the agency responded (its first decision, ACCEPTED or DECLINED: what the due date asks
 * for) and, for a closed one, the outcome it was closed with (both kept on the referral from its
 * moves, by the `referral_move_response` trigger). The concern is joined only for an area or team.
 */
export function referralsSent(scope: ReportScope): { sql: string; params: unknown[] } {
  const narrowed = scope.localAuthorityArea !== null || scope.teamId !== null;
  const concerns = concernFilter(scope, 'c');
  return {
    sql: `select r.id, r.status, r.sent_at, r.respond_by, coalesce(a.agency_type, 'OTHER') as agency_type,
                 (r.status = any(?::text[]) and r.respond_by <= now()) as overdue,
                 r.responded_at, r.outcome
            from referral r
            join organisation a on a.id = r.recipient_organisation_id
           where r.organisation_id = ? and r.sent_at >= ? and r.sent_at < ?
             ${narrowed ? `and exists (select 1 from concern c where c.organisation_id = r.organisation_id and c.id = r.concern_id and ${concerns.sql})` : ''}`,
    params: [
      pgArray(AWAITING_RESPONSE),
      scope.organisationId,
      scope.start,
      scope.end,
      ...(narrowed ? concerns.params : []),
    ],
  };
}

/**
 * For every calendar day from a week before the period to a week after today: how many England
 * and Wales working days (`working-days.ts`, the calendar due dates are counted in) come before
 * the first working day on or after it, as an array from the first of those days. Two parameters
 * (that day, the array) for `WORKING_DAYS_TABLE`.
 */
export function workingDayNumbers(scope: ReportScope, now = new Date()): [string, string] {
  const first = scope.start.getTime() - 7 * DAY;
  const numbers: string[] = [];
  let n = 0;
  for (let t = first; t <= now.getTime() + 7 * DAY; t += DAY) {
    numbers.push(String(n));
    if (isWorkingDay(new Date(t).toISOString().slice(0, 10))) n++;
  }
  return [new Date(first).toISOString().slice(0, 10), pgArray(numbers)];
}

/** The one-row table `responseWorkingDays` reads, `wd(base, n)`, from `workingDayNumbers`' two parameters. */
export const WORKING_DAYS_TABLE = `wd as (select ?::date as base, ?::int[] as n)`;

/** The number `workingDayNumbers` gives a London day (a date expression). */
const numberOf = (day: string) => `wd.n[(${day}) - wd.base + 1]`;

/**
 * SQL for how many working days a referral (alias `r`, with `sent_at` and `responded_at`) took to be
 * responded to, counted as its due date is (`workingDaysAfter`): 0 when it was answered before the
 * end of the working day counting started on (the day it was sent, if a working day before 17:00
 * London time, else the next), n when before the end of the nth working day after. The end itself
 * (midnight) belongs to the next day, as a referral is overdue at its due date (`isOverdue`). So a
 * referral answered in time for the policy's N working days took at most N. Reads `wd`.
 */
export const responseWorkingDays = (r = 'r'): string =>
  `greatest(0, ${numberOf(`(${r}.responded_at at time zone 'Europe/London')::date`)}
     - ${numberOf(`(${r}.sent_at at time zone 'Europe/London')::date
          + case when (${r}.sent_at at time zone 'Europe/London')::time < time '17:00' then 0 else 1 end`)})`;
