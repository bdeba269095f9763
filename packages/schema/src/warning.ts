import * as z from 'zod';
import { addMonths, isoDate, isoDateOf } from './dates.js';
import { WARNING_TOLD, WARNING_TYPES } from './enums.js';
import { CONCERN_LIMITS, optionalText, text } from './text.js';

/** A warning is reviewed at least this often. */
export const WARNING_REVIEW_MAX_MONTHS = 12;

const TOLD_MISSING = 'Say whether the person was told about this warning';

/** Whether, and how, the person was told; or why not. */
export const warningToldSchema = z
  .object(
    {
      status: z.enum(WARNING_TOLD, { error: TOLD_MISSING }),
      how: optionalText(CONCERN_LIMITS.reason),
      whyNot: optionalText(CONCERN_LIMITS.reason),
    },
    { error: TOLD_MISSING },
  )
  .check(
    z.superRefine((value, ctx) => {
      if (value.status === 'TOLD' && !value.how) {
        ctx.addIssue({ code: 'custom', path: ['how'], message: 'Enter how the person was told' });
      }
      if (value.status === 'NOT_TOLD' && !value.whyNot) {
        ctx.addIssue({ code: 'custom', path: ['whyNot'], message: 'Enter why the person was not told' });
      }
    }),
  );

/** The next review: after today, and no more than 12 months ahead. */
export const reviewDateSchema = () =>
  isoDate().check(
    z.refine((value) => value > isoDateOf(), { error: 'The review date must be after today' }),
    z.refine((value) => value <= addMonths(isoDateOf(), WARNING_REVIEW_MAX_MONTHS), {
      error: `The review date must be no more than ${WARNING_REVIEW_MAX_MONTHS} months ahead`,
    }),
  );

/** What a warning says: its type, how to stay safe (plain words for a visitor), review, telling. */
const warningFields = {
  type: z.enum(WARNING_TYPES, { error: 'Select the type of warning' }),
  description: text(CONCERN_LIMITS.reason, 'Describe, in plain words, how to stay safe'),
  reviewDate: reviewDateSchema(),
  told: warningToldSchema,
};

/** A new warning on one person or one household. */
export const warningInputSchema = z
  .object({
    personId: z.optional(z.uuid({ error: 'Select a person' })),
    householdId: z.optional(z.uuid({ error: 'Select a household' })),
    ...warningFields,
  })
  .check(
    z.refine((value) => !!value.personId !== !!value.householdId, {
      error: 'Put the warning on one person or one household',
      path: ['personId'],
    }),
  );
export type WarningInput = z.input<typeof warningInputSchema>;
export type WarningData = z.output<typeof warningInputSchema>;

/** A change to a warning (a review moves the review date on). */
export const warningUpdateSchema = z.object(warningFields);
export type WarningUpdateData = z.output<typeof warningUpdateSchema>;
