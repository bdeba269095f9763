import * as z from 'zod';
import { endNotBefore, isoDate } from './dates.js';
import { LEGAL_BASES, REFERRAL_OUTCOMES, REFERRAL_STATUSES } from './enums.js';
import { CONCERN_LIMITS, noRepeats, optionalText, text } from './text.js';

/** Sharing without the person's consent needs the reason it is justified. */
const reasonUnlessConsent = () =>
  z.superRefine<{ legalBasis: string; legalBasisReason?: string | undefined }>((value, ctx) => {
    if (value.legalBasis !== 'CONSENT' && !value.legalBasisReason) {
      ctx.addIssue({
        code: 'custom',
        path: ['legalBasisReason'],
        message: 'Say why sharing without the person’s consent is justified',
      });
    }
  });

/** What a referral shares and on what basis: the agency, the legal basis, what was reported or not. */
const sharingFields = {
  recipientOrganisationId: z.uuid({ error: 'Choose the agency to refer to' }),
  legalBasis: z.enum(LEGAL_BASES, { error: 'Choose the legal basis for sharing' }),
  legalBasisReason: optionalText(CONCERN_LIMITS.reason),
  includeWhatWasReported: z._default(z.boolean(), false),
};

/**
 * A safeguarding lead refers a concern to a partner agency, sharing only what the agency needs
 * (their own summary, and what was reported if they choose) under a recorded legal basis: the
 * person's consent, or the reason sharing without consent is justified.
 */
export const referConcernInputSchema = z
  .object({
    concernId: z.uuid({ error: 'Choose the concern to refer' }),
    reason: text(CONCERN_LIMITS.reason, 'Say why you are referring'),
    summary: text(CONCERN_LIMITS.longText, 'Write what the agency needs to know'),
    ...sharingFields,
  })
  .check(reasonUnlessConsent());

/**
 * The referral a triage decision REFER sends (`triageInputSchema`'s `referral`): the triage's reason
 * is the referral's; the summary, when left out, is the one prefilled from the concern.
 */
export const triageReferralInputSchema = z
  .object({ ...sharingFields, summary: optionalText(CONCERN_LIMITS.longText) })
  .check(reasonUnlessConsent());

export type TriageReferralInput = z.input<typeof triageReferralInputSchema>;

/**
 * Following a DASH checklist's MARAC suggestion: a referral to a MARAC of the checklist's concern,
 * sharing the checklist (score, level, criteria, answers; the practitioner's notes only when chosen).
 * The reason and summary, when left out, are prefilled from the checklist. `version` is the
 * checklist's, as the caller last saw it.
 */
export const maracReferralInputSchema = z
  .object({
    checklistId: z.uuid({ error: 'Choose the checklist' }),
    version: z
      .int({ error: 'Give the version of the checklist you last saw' })
      .check(z.gte(1, { error: 'Give the version of the checklist you last saw' })),
    reason: optionalText(CONCERN_LIMITS.reason),
    summary: optionalText(CONCERN_LIMITS.longText),
    includeNotes: z._default(z.boolean({ error: 'Say yes or no' }), false),
    ...sharingFields,
  })
  .check(reasonUnlessConsent());

export type MaracReferralInput = z.input<typeof maracReferralInputSchema>;

/** What both lists of referrals filter by: statuses (any of them), overdue, and UK days sent. */
const listFilterFields = {
  status: z.optional(
    z
      .array(z.enum(REFERRAL_STATUSES, { error: 'Choose statuses from the list' }))
      .check(noRepeats('Choose each status once')),
  ),
  overdue: z.optional(z.boolean({ error: 'Say true or false' })),
  sentFrom: z.optional(isoDate()),
  sentTo: z.optional(isoDate()),
};

/**
 * Which of the referrals your organisation sent to list: by status, overdue, the UK days they were
 * sent (both inclusive, either left out) and the agency. An id of no agency matches nothing.
 */
export const sentReferralsFilterSchema = z
  .object({ ...listFilterFields, agencyId: z.optional(z.uuid({ error: 'Not a valid organisation id' })) })
  .check(endNotBefore('sentFrom', 'sentTo'));

/** Which of the referrals sent to your agency to list: as above, and by the organisation that sent them. */
export const receivedReferralsFilterSchema = z
  .object({ ...listFilterFields, senderId: z.optional(z.uuid({ error: 'Not a valid organisation id' })) })
  .check(endNotBefore('sentFrom', 'sentTo'));

export type SentReferralsFilter = z.input<typeof sentReferralsFilterSchema>;
export type ReceivedReferralsFilter = z.input<typeof receivedReferralsFilterSchema>;

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
