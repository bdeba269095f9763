import * as z from 'zod';
import {
  CHILDREN_PRESENT,
  CONCERN_CATEGORIES,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  VIEWS_STATUSES,
} from './enums.js';

/*
 * Written with zod's functional API only (`z.optional(x)`, `.check(z.maxLength(n))`,
 * `z.pipe(x, z.transform(f))`), never the chained methods (`.optional()`, `.max()`, `.transform()`):
 * those exist only in classic zod. The functions exist with the same meaning in `zod` and `zod/mini`,
 * so the gateway runs these schemas on classic zod while the widgets' bundles swap in `zod/mini`
 * (about 170 kB smaller). The widget tests run on `zod/mini` too, so a chained method fails them.
 */

/** Limits shared by the form (maxlength) and the gateway (validation). */
export const CONCERN_LIMITS = {
  shortText: 500,
  longText: 10_000,
  reason: 2_000,
} as const;

const tooLong = (max: number) =>
  z.maxLength(max, { error: `Must be ${max.toLocaleString('en-GB')} characters or fewer` });

/** Free text: trimmed; blank counts as missing. */
export const requiredText = (max: number, requiredMessage: string) =>
  z
    .string({ error: requiredMessage })
    .check(z.trim(), z.minLength(1, { error: requiredMessage }), tooLong(max));

/** Optional free text: trimmed; blank becomes undefined. */
export const optionalText = (max: number) =>
  z.pipe(
    z.optional(z.string().check(z.trim(), tooLong(max))),
    z.transform((value: string | undefined) => (value ? value : undefined)),
  );

/** A little clock drift between a phone and the server is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** An ISO 8601 date and time with an offset, not in the future. */
export const pastDateTime = () =>
  z.optional(
    z.iso.datetime({ offset: true, error: 'Enter a real date and time' }).check(
      z.refine((value) => Date.parse(value) <= Date.now() + FUTURE_TOLERANCE_MS, {
        error: 'The date and time must be in the past',
      }),
    ),
  );

const VIEWS_MISSING = 'Say whether the person was asked what they want to happen';
const CONSENT_MISSING = 'Say whether the person agreed to information being shared';

export const personViewsSchema = z
  .object(
    {
      status: z.enum(VIEWS_STATUSES, { error: VIEWS_MISSING }),
      views: optionalText(CONCERN_LIMITS.longText),
      notAskedReason: optionalText(CONCERN_LIMITS.reason),
    },
    { error: VIEWS_MISSING },
  )
  .check(
    z.superRefine((value, ctx) => {
      if (value.status === 'ASKED_EXPRESSED' && !value.views) {
        ctx.addIssue({ code: 'custom', path: ['views'], message: 'Enter what the person wants to happen' });
      }
      if (value.status === 'NOT_ASKED' && !value.notAskedReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['notAskedReason'],
          message: 'Enter why the person was not asked',
        });
      }
    }),
  );

export const consentSchema = z
  .object(
    {
      status: z.enum(CONSENT_STATUSES, { error: CONSENT_MISSING }),
      reason: optionalText(CONCERN_LIMITS.reason),
    },
    { error: CONSENT_MISSING },
  )
  .check(
    z.superRefine((value, ctx) => {
      if ((value.status === 'NOT_SOUGHT' || value.status === 'LACKS_CAPACITY') && !value.reason) {
        ctx.addIssue({
          code: 'custom',
          path: ['reason'],
          message:
            value.status === 'NOT_SOUGHT'
              ? 'Enter why consent was not asked for'
              : 'Enter why sharing is in the person’s best interests',
        });
      }
    }),
  );

const category = () => z.enum(CONCERN_CATEGORIES, { error: 'Select a type of harm from the list' });

/**
 * What a reporter sends to raise a concern. The reporter's identity, organisation and kind come from
 * their token, never from this input.
 */
export const raiseConcernInputSchema = z.pipe(
  z
    .object({
      urgency: z.enum(CONCERN_URGENCIES, { error: 'Select how urgent this is' }),
      categories: z._default(z.array(category()).check(z.maxLength(CONCERN_CATEGORIES.length)), []),
      primaryCategory: z.optional(category()),
      subjectDescription: requiredText(CONCERN_LIMITS.shortText, 'Enter who the concern is about'),
      location: requiredText(CONCERN_LIMITS.shortText, 'Enter the address or place'),
      whatHappened: requiredText(CONCERN_LIMITS.longText, 'Enter what you saw or heard'),
      happenedAt: pastDateTime(),
      actionsTaken: optionalText(CONCERN_LIMITS.longText),
      personViews: personViewsSchema,
      consent: consentSchema,
      mentalCapacityConcern: z._default(z.boolean(), false),
      childrenPresent: z._default(z.enum(CHILDREN_PRESENT), 'NOT_KNOWN'),
      othersAtRisk: optionalText(CONCERN_LIMITS.longText),
    })
    .check(
      z.superRefine((value, ctx) => {
        if (new Set(value.categories).size !== value.categories.length) {
          ctx.addIssue({
            code: 'custom',
            path: ['categories'],
            message: 'Select each type of harm only once',
          });
        }
        if (value.primaryCategory && !value.categories.includes(value.primaryCategory)) {
          ctx.addIssue({
            code: 'custom',
            path: ['primaryCategory'],
            message: 'The main type of harm must be one of the types selected',
          });
        }
      }),
    ),
  z.transform((value) => ({
    ...value,
    primaryCategory: value.primaryCategory ?? value.categories[0],
  })),
);

export type RaiseConcernInput = z.input<typeof raiseConcernInputSchema>;
export type RaiseConcernData = z.output<typeof raiseConcernInputSchema>;
