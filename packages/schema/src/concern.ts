import * as z from 'zod';

// Functional zod API only, so the widgets can run it on zod-lite: see text.ts.
import {
  CHILDREN_PRESENT,
  CONCERN_CATEGORIES,
  CONCERN_URGENCIES,
  CONSENT_STATUSES,
  VIEWS_STATUSES,
} from './enums.js';
import { CONCERN_LIMITS, happenedAtSchema, optionalText, text } from './text.js';
import { concernLinksShape, subjectsApartFromSources } from './concern-links.js';

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
      subjectDescription: text(CONCERN_LIMITS.shortText, 'Enter who the concern is about'),
      location: text(CONCERN_LIMITS.shortText, 'Enter the address or place'),
      whatHappened: text(CONCERN_LIMITS.longText, 'Enter what you saw or heard'),
      happenedAt: happenedAtSchema,
      actionsTaken: optionalText(CONCERN_LIMITS.longText),
      personViews: personViewsSchema,
      consent: consentSchema,
      mentalCapacityConcern: z._default(z.boolean(), false),
      childrenPresent: z._default(z.enum(CHILDREN_PRESENT), 'NOT_KNOWN'),
      othersAtRisk: optionalText(CONCERN_LIMITS.longText),
      ...concernLinksShape,
    })
    .check(
      subjectsApartFromSources,
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
