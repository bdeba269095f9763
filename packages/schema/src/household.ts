import * as z from 'zod';
import { isoDate, pastDate } from './dates.js';
import { ASSIGNMENT_REASONS, HOUSEHOLD_ROLES, TENURES } from './enums.js';
import { CONCERN_LIMITS, optionalText, text } from './text.js';

/** UK postcodes, loosely: outward code, a space or none, inward code. */
const POSTCODE = /^[A-Za-z]{1,2}[0-9][A-Za-z0-9]? ?[0-9][A-Za-z]{2}$/;

/** A household: the tenancy, the home, its local authority. Members are added one by one. */
export const householdInputSchema = z.object({
  tenancyReference: text(50, 'Enter the tenancy reference'),
  addressLine1: text(200, 'Enter the first line of the address'),
  addressLine2: optionalText(200),
  town: optionalText(100),
  postcode: z.pipe(
    text(10, 'Enter the postcode').check(
      z.refine((value) => POSTCODE.test(value), { error: 'Enter a real postcode, like RV1 2AB' }),
    ),
    z.transform((value: string) => value.toUpperCase().replace(/^(.+?) ?(\d[A-Z]{2})$/, '$1 $2')),
  ),
  localAuthorityArea: text(100, 'Enter the local authority area'),
  tenure: z.enum(TENURES, { error: 'Select the tenure' }),
});
export type HouseholdInput = z.input<typeof householdInputSchema>;
export type HouseholdData = z.output<typeof householdInputSchema>;

/** Someone joining a household, from a date. */
export const householdMemberInputSchema = z.object({
  personId: z.uuid({ error: 'Select a person' }),
  role: z.enum(HOUSEHOLD_ROLES, { error: 'Select their place in the household' }),
  joinedOn: pastDate('The date they joined must be today or earlier'),
});
export type HouseholdMemberData = z.output<typeof householdMemberInputSchema>;

/** Someone leaving a household. */
export const leaveHouseholdInputSchema = z.object({
  leftOn: pastDate('The date they left must be today or earlier'),
});

/**
 * A member of staff or a contractor working with a household from a date (until a date, or open):
 * they see its warnings while it lasts.
 */
export const assignmentInputSchema = z
  .object({
    userId: z.uuid({ error: 'Select a member of staff' }),
    householdId: z.uuid({ error: 'Select a household' }),
    from: isoDate(),
    until: z.optional(isoDate()),
    reason: z.enum(ASSIGNMENT_REASONS, { error: 'Select why they work with the household' }),
    note: optionalText(CONCERN_LIMITS.shortText),
  })
  .check(
    z.refine((value) => !value.until || value.until >= value.from, {
      error: 'The end date must be on or after the start date',
      path: ['until'],
    }),
  );
export type AssignmentData = z.output<typeof assignmentInputSchema>;

/** Free-text search: at least two characters. */
export const searchQuerySchema = text(200, 'Enter a name, address or tenancy reference').check(
  z.minLength(2, { error: 'Enter at least two characters' }),
);
