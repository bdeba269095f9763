import * as z from 'zod';
import { LEGAL_BASES, REFERRAL_OUTCOMES } from './enums.js';
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

/** Every move of a referral names it and the version the caller last saw (optimistic concurrency). */
const moveFields = {
  referralId: z.uuid({ error: 'Choose the referral' }),
  version: z
    .int({ error: 'Give the version of the referral you last saw' })
    .check(z.gte(1, { error: 'Give the version of the referral you last saw' })),
};

/** The agency acknowledges or accepts a referral: nothing more to say. */
export const referralMoveInputSchema = z.object(moveFields);

/** The agency declines, or the sender withdraws: the reason is required. */
export const referralReasonInputSchema = z.object({
  ...moveFields,
  reason: text(CONCERN_LIMITS.reason, 'Say why'),
});

/** The agency closes an accepted referral with what it did; OTHER needs a description. */
export const closeReferralInputSchema = z
  .object({
    ...moveFields,
    outcome: z.enum(REFERRAL_OUTCOMES, { error: 'Choose what your agency did' }),
    outcomeDetail: optionalText(CONCERN_LIMITS.reason),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.outcome === 'OTHER' && !value.outcomeDetail) {
        ctx.addIssue({ code: 'custom', path: ['outcomeDetail'], message: 'Say what your agency did' });
      }
    }),
  );

export type ReferralMoveInput = z.input<typeof referralMoveInputSchema>;
export type ReferralReasonInput = z.input<typeof referralReasonInputSchema>;
export type CloseReferralInput = z.input<typeof closeReferralInputSchema>;

/** A message on a referral, from either side: the agency asks for more, the sender answers. */
export const referralMessageInputSchema = z.object({
  referralId: z.uuid({ error: 'Choose the referral' }),
  body: text(CONCERN_LIMITS.longText, 'Write your message'),
});

export type ReferralMessageInput = z.input<typeof referralMessageInputSchema>;
