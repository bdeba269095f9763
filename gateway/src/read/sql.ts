/** SQL for what the API derives, written once and the same as the TypeScript it stands for. */

/** Whole years from the date `dob` to the date `day` (`ageOn`); null without a date of birth. */
export const ageOn = (dob: string, day: string): string =>
  `(extract(year from ${day})::int - extract(year from ${dob})::int - (to_char(${day}, 'MMDD') < to_char(${dob}, 'MMDD'))::int)`;

/** Under 18 on the date `day` (`isChildOn`); null without a date of birth. */
export const childOn = (dob: string, day: string): string => `(${ageOn(dob, day)} < 18)`;

/** A person's name as `Person.displayName` gives it. */
export const personName = (p: string): string => `(${p}.given_name || ' ' || ${p}.family_name)`;

/** The date of the moment `at` in UTC (`isoDateOf`). */
export const utcDay = (at: string): string => `(${at} at time zone 'UTC')::date`;

/** The moment `at` as `DateTimeISO` answers it (`toISOString()`): null stays null. */
export const isoMoment = (at: string): string =>
  `to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
