import * as z from 'zod';
import { CONCERN_LIMITS, optionalText, pastDateTime, requiredText } from './concern.js';
import { CHILDREN_PRESENT, CONCERN_URGENCIES } from './enums.js';

/** What a member of the public or a tenant may say about consent when the concern is about them. */
export const PUBLIC_CONSENT_STATUSES = ['GIVEN', 'REFUSED'] as const;
export type PublicConsentStatus = (typeof PUBLIC_CONSENT_STATUSES)[number];

/** Length limits of the optional contact details. */
export const CONTACT_LIMITS = { name: 200, phone: 50, email: 320 } as const;

/**
 * A concern from a member of the public or a tenant, sent with an organisation's public token: no
 * login, and anonymous unless they leave contact details. Written with zod's functional API (see
 * `concern.ts`).
 */
export const publicConcernInputSchema = z
  .object({
    urgency: z.enum(CONCERN_URGENCIES, { error: 'Select how urgent this is' }),
    aboutSelf: z.boolean({ error: 'Select who you are worried about' }),
    subjectDescription: requiredText(CONCERN_LIMITS.shortText, 'Tell us who you are worried about'),
    location: requiredText(CONCERN_LIMITS.shortText, 'Tell us where this is'),
    whatHappened: requiredText(CONCERN_LIMITS.longText, 'Tell us what happened'),
    happenedAt: pastDateTime(),
    childrenPresent: z._default(z.enum(CHILDREN_PRESENT), 'NOT_KNOWN'),
    views: optionalText(CONCERN_LIMITS.longText),
    consent: z.optional(z.enum(PUBLIC_CONSENT_STATUSES, { error: 'Say whether we can share this' })),
    contact: z.optional(
      z.object({
        name: optionalText(CONTACT_LIMITS.name),
        phone: optionalText(CONTACT_LIMITS.phone),
        email: z.pipe(
          optionalText(CONTACT_LIMITS.email),
          z.optional(z.email({ error: 'Enter an email address like name@example.com' })),
        ),
      }),
    ),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.aboutSelf && !value.consent) {
        ctx.addIssue({ code: 'custom', path: ['consent'], message: 'Say whether we can share this' });
      }
    }),
  );

export type PublicConcernInput = z.input<typeof publicConcernInputSchema>;
export type PublicConcernData = z.output<typeof publicConcernInputSchema>;
