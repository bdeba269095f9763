import * as z from 'zod';

/*
 * Calendar dates (YYYY-MM-DD), as people give them: dates of birth, when someone joined a household,
 * when a warning is next reviewed. Written with zod's functional API only, like every schema here,
 * so the widgets can run them on zod-lite.
 */

/** The date of `at` in UTC, as YYYY-MM-DD. */
export function isoDateOf(at: Date = new Date()): string {
  return at.toISOString().slice(0, 10);
}

/** The date of `at` in the UK (Europe/London: GMT or BST), as YYYY-MM-DD. */
export function londonDateOf(at: Date = new Date()): string {
  const parts = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
  }).formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value;
  return `${part('year')}-${part('month')}-${part('day')}`;
}

/** `date` plus `months` calendar months; a day past the end of the month becomes its last day. */
export function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const first = new Date(Date.UTC(y, m - 1 + months, 1));
  const lastDay = new Date(Date.UTC(first.getUTCFullYear(), first.getUTCMonth() + 1, 0)).getUTCDate();
  first.setUTCDate(Math.min(d, lastDay));
  return isoDateOf(first);
}

/** Age in whole years on a day (a date, or the date of a moment in UTC). */
export function ageOn(dateOfBirth: string, on: Date | string): number {
  const day = typeof on === 'string' ? on : isoDateOf(on);
  const [by, bm, bd] = dateOfBirth.split('-').map(Number) as [number, number, number];
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/**
 * Whether someone was a child (under 18) on a day. Derived from the date of birth at the date of
 * each event, never typed in; `null` when the date of birth is not known.
 */
export function isChildOn(dateOfBirth: string | null | undefined, on: Date | string): boolean | null {
  return dateOfBirth ? ageOn(dateOfBirth, on) < 18 : null;
}

/**
 * The range of every date and moment Doorstep takes in: years 0001 to 9999, in UTC. PostgreSQL keeps
 * 4713 BC to 294276 AD and a JavaScript Date ±275760 years, but neither takes the other's extremes,
 * PostgreSQL has no year 0000, and the forms and the YYYY-MM-DD format have four-digit years.
 */
export const DATE_RANGE = {
  earliest: Date.parse('0001-01-01T00:00:00Z'),
  latest: Date.parse('9999-12-31T23:59:59.999Z'),
} as const;

/** Whether a moment (a Date, or milliseconds since 1970) is in `DATE_RANGE`. An invalid date is not. */
export const inDateRange = (at: Date | number): boolean => {
  const ms = typeof at === 'number' ? at : at.getTime();
  return ms >= DATE_RANGE.earliest && ms <= DATE_RANGE.latest;
};

/** A real calendar date, YYYY-MM-DD, from 0001-01-01 to 9999-12-31. */
export const isoDate = (message = 'Enter a real date, like 2026-03-31') =>
  z.iso.date({ error: message }).check(
    // Runs even when the format check above failed: a string that is no date at all must not throw.
    z.refine(
      (value) => {
        const day = new Date(`${value}T00:00:00Z`);
        return inDateRange(day) && isoDateOf(day) === value;
      },
      { error: message },
    ),
  );

/** A moment given as a Date (a GraphQL DateTimeISO), in `DATE_RANGE`. */
export const moment = (message = 'Enter a date and time between the years 1 and 9999') =>
  z.date({ error: message }).check(z.refine(inDateRange, { error: message }));

/** A date that is not after today. */
export const pastDate = (message: string) =>
  isoDate().check(z.refine((value) => value <= isoDateOf(), { error: message }));

/**
 * For a period of whole days given by two keys (both inclusive, either left out): the end is not
 * before the start. The message is on the end.
 */
export const endNotBefore = <From extends string, To extends string>(from: From, to: To) =>
  z.refine<{ [K in From | To]?: string | undefined }>(
    (value) => !value[from] || !value[to] || value[from] <= value[to],
    { error: 'The end date must be on or after the start date', path: [to] },
  );

/** For a period of whole days, `from` and `to`: the end is not before the start. */
export const endNotBeforeStart = () => endNotBefore('from', 'to');
