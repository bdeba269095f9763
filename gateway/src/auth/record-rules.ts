import type { Identity } from './identity.js';

/**
 * Which records a caller may see, as SQL: the one place the record rules are written, used by the
 * compiled reads (`read/`) and the services alike. Each takes the SQL of the caller's user id (a
 * parameter placeholder: `?::uuid` for the services' knex queries, `$n::uuid` in a compiled
 * statement); a caller who is not staff has none (null), and sees no restricted person. Row-level
 * security (the caller's organisation) lies underneath every one of them, and each also names the
 * organisation itself, through the row it is about or `organisation` (the caller's, as SQL), so
 * that Citus can keep the whole statement on the node holding the organisation.
 */

/**
 * The person row `p` is visible to the user: not restricted, or restricted by them (the lead who
 * restricted someone manages the restriction), or they hold a live grant for the person (given by
 * a lead, or break-glass in an emergency).
 */
export const personVisible = (p: string, user: string): string =>
  `(not ${p}.restricted or ${p}.restricted_by_id = ${user} or exists (
    select 1 from access_grant g
     where g.organisation_id = ${p}.organisation_id and g.user_id = ${user}
       and g.subject_type = 'Person' and g.subject_id = ${p}.id
       and g.expires_at > now() and g.revoked_at is null))`;

/**
 * Concern `c` names no person restricted from the user. It starts from the few restricted people
 * (a partial index), not from every concern.
 */
export const concernVisible = (c: string, user: string, organisation: string): string =>
  `${c}.id not in (select cp.concern_id from person p
    join concern_person cp on cp.organisation_id = p.organisation_id and cp.person_id = p.id
  where p.organisation_id = ${organisation} and p.restricted and not ${personVisible('p', user)})`;

/**
 * Case `c` is about no person restricted from the user: its notes, plan and reviews follow the
 * restriction. It starts from the few restricted people (a partial index), not from every case.
 */
export const caseVisible = (c: string, user: string, organisation: string): string =>
  `${c}.id not in (select cp.case_id from person p
    join case_person cp on cp.organisation_id = p.organisation_id and cp.person_id = p.id
  where p.organisation_id = ${organisation} and p.restricted and not ${personVisible('p', user)})`;

/** The day `day` falls from `from` to `until` (open-ended when null), as `isCurrent`. */
export const currentOn = (from: string, until: string, day: string): string =>
  `(${from} <= ${day} and (${until} is null or ${until} >= ${day}))`;

/** The membership row `m` is current on `day` (a date): joined by then, not yet left. */
export const memberOn = (m: string, day: string): string => currentOn(`${m}.joined_on`, `${m}.left_on`, day);

/**
 * The ids of the households the user works with on `day` (`householdIdsWorkedWith`), as a
 * subquery: their current assignments (a housing officer's patch, a repair job), their live grants
 * for a household, and the household their widget token is bound to (`bound`, or null).
 */
export const householdsWorkedWith = (
  user: string,
  bound: string,
  day: string,
  organisation: string,
): string =>
  `(select a.household_id from household_assignment a
     where a.organisation_id = ${organisation} and a.user_id = ${user}
       and ${currentOn('a.from_date', 'a.until_date', day)}
    union
    select g.subject_id from access_grant g
     where g.organisation_id = ${organisation} and g.user_id = ${user} and g.subject_type = 'Household'
       and g.expires_at > now() and g.revoked_at is null
    union
    select ${bound} where ${bound} is not null)`;

/** Roles that see every household of their organisation (not only those they work with). */
const SEES_ALL_HOUSEHOLDS: readonly string[] = ['SAFEGUARDING_LEAD', 'SAFEGUARDING_CHAMPION', 'MANAGER'];

/** Whether the caller's roles see every household of their organisation. */
export const seesEveryHousehold = (identity: Identity): boolean =>
  identity.kind === 'staff' && identity.roles.some((role) => SEES_ALL_HOUSEHOLDS.includes(role));
