import * as z from 'zod';
import { CHILDREN_PRESENT, CONCERN_URGENCIES } from './enums.js';
import { CONTACT_LIMITS, optionalEmail, optionalPhone } from './contact.js';
import { CONCERN_LIMITS, happenedAtSchema, optionalText, text } from './text.js';

/** What a member of the public, or a tenant, may say about consent when the concern is about them. */
export const SELF_CONSENT = ['GIVEN', 'REFUSED'] as const;
export type SelfConsent = (typeof SELF_CONSENT)[number];

const contactSchema = z.optional(
  z.object({
    name: optionalText(CONTACT_LIMITS.name),
    phone: optionalPhone(),
    email: optionalEmail(),
  }),
);

/**
 * A concern raised without a staff sign-in: by a tenant through a tenant site, or by a member of the
 * public, anonymously unless they leave contact details. Fewer, plainer questions than the staff
 * form. When it is about the reporter themselves (`aboutSelf`), their own wishes and consent are
 * asked (Making Safeguarding Personal); otherwise the safeguarding team asks the person later.
 */
export const publicConcernInputSchema = z.pipe(
  z
    .object({
      urgency: z.enum(CONCERN_URGENCIES, { error: 'Select how urgent this is' }),
      aboutSelf: z.boolean({ error: 'Say whether this is about you or someone else' }),
      subjectDescription: text(CONCERN_LIMITS.shortText, 'Enter who you are worried about'),
      location: text(CONCERN_LIMITS.shortText, 'Enter the address or place'),
      whatHappened: text(CONCERN_LIMITS.longText, 'Tell us what you saw or heard'),
      happenedAt: happenedAtSchema,
      childrenPresent: z._default(z.enum(CHILDREN_PRESENT), 'NOT_KNOWN'),
      /** Only when `aboutSelf`: what they want to happen, in their words. */
      views: optionalText(CONCERN_LIMITS.longText),
      /** Only when `aboutSelf`: may we share this with other services to help? */
      consent: z.optional(z.enum(SELF_CONSENT, { error: 'Say whether we can share this to get you help' })),
      contact: contactSchema,
    })
    .check(
      z.superRefine((value, ctx) => {
        if (value.aboutSelf && !value.consent) {
          ctx.addIssue({
            code: 'custom',
            path: ['consent'],
            message: 'Say whether we can share this to get you help',
          });
        }
      }),
    ),
  z.transform((value) => ({
    ...value,
    // Questions about the reporter's own wishes are not kept when the concern is about someone else.
    views: value.aboutSelf ? value.views : undefined,
    consent: value.aboutSelf ? value.consent : undefined,
    contact: value.contact && Object.values(value.contact).some(Boolean) ? value.contact : undefined,
  })),
);

export type PublicConcernInput = z.input<typeof publicConcernInputSchema>;
export type PublicConcernData = z.output<typeof publicConcernInputSchema>;
