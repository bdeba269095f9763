import * as z from 'zod';
import { LEGAL_BASES } from './enums.js';
import { CONCERN_LIMITS, optionalText, text } from './text.js';

/**
 * A safeguarding lead refers a concern to a partner agency, sharing only what the agency needs
 * (their own summary, and what was reported if they choose) under a recorded legal basis: the
 * person's consent, or the reason sharing without consent is justified.
 */
export const referConcernInputSchema = z
  .object({
    concernId: z.uuid({ error: 'Choose the concern to refer' }),
    recipientOrganisationId: z.uuid({ error: 'Choose the agency to refer to' }),
    reason: text(CONCERN_LIMITS.reason, 'Say why you are referring'),
    legalBasis: z.enum(LEGAL_BASES, { error: 'Choose the legal basis for sharing' }),
    legalBasisReason: optionalText(CONCERN_LIMITS.reason),
    summary: text(CONCERN_LIMITS.longText, 'Write what the agency needs to know'),
    includeWhatWasReported: z._default(z.boolean(), false),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.legalBasis !== 'CONSENT' && !value.legalBasisReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['legalBasisReason'],
          message: 'Say why sharing without the person’s consent is justified',
        });
      }
    }),
  );

export type ReferConcernInput = z.input<typeof referConcernInputSchema>;
