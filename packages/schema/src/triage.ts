import * as z from 'zod';
import { RISK_LEVELS, TRIAGE_DECISIONS } from './enums.js';
import { triageCaseInputSchema } from './case.js';
import { triageReferralInputSchema } from './referral.js';
import { CONCERN_LIMITS, optionalText, text } from './text.js';

/**
 * A safeguarding lead's triage of a concern. `riskChangeReason` is needed when a concern already
 * triaged gets another risk level (checked by the gateway, which knows the level before).
 * `expectedVersion`, when given, must be the concern's version: a triage made on a stale view is
 * refused rather than silently overwriting a colleague's. A decision to REFER sends a referral in
 * the same step: `referral` says to which agency and on what legal basis, and only REFER takes it.
 * A decision to OPEN_CASE opens a case in the same step; `case` (optional, OPEN_CASE only) says who
 * leads it, what matters to the person, and how often it is reviewed.
 */
export const triageInputSchema = z
  .object({
    decision: z.enum(TRIAGE_DECISIONS, { error: 'Select a decision' }),
    riskLevel: z.enum(RISK_LEVELS, { error: 'Select the level of risk' }),
    reason: text(CONCERN_LIMITS.reason, 'Enter the reason for the decision'),
    riskChangeReason: optionalText(CONCERN_LIMITS.reason),
    expectedVersion: z.optional(z.int({ error: 'Must be a whole number' }).check(z.gte(1))),
    referral: z.optional(triageReferralInputSchema),
    case: z.optional(triageCaseInputSchema),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (value.decision === 'REFER' && !value.referral) {
        ctx.addIssue({
          code: 'custom',
          path: ['referral', 'recipientOrganisationId'],
          message: 'Choose the agency to refer to',
        });
        ctx.addIssue({
          code: 'custom',
          path: ['referral', 'legalBasis'],
          message: 'Choose the legal basis for sharing',
        });
      } else if (value.decision !== 'REFER' && value.referral) {
        ctx.addIssue({
          code: 'custom',
          path: ['referral'],
          message: 'Only a decision to refer sends a referral: leave it out',
        });
      }
      if (value.decision !== 'OPEN_CASE' && value.case) {
        ctx.addIssue({
          code: 'custom',
          path: ['case'],
          message: 'Only a decision to open a case opens one: leave it out',
        });
      }
    }),
  );
export type TriageInput = z.input<typeof triageInputSchema>;
export type TriageData = z.output<typeof triageInputSchema>;

/**
 * The organisation's rule for low-level concerns adding up (Stockport §2.3): `threshold` low-level
 * concerns about one person, or one household, within `windowMonths` raise a cumulative-concern flag.
 */
export const cumulativeRuleInputSchema = z.object({
  threshold: z
    .int({ error: 'Enter a whole number' })
    .check(z.gte(2, { error: 'At least 2 concerns' }), z.lte(20, { error: 'At most 20 concerns' })),
  windowMonths: z
    .int({ error: 'Enter a whole number of months' })
    .check(z.gte(1, { error: 'At least 1 month' }), z.lte(36, { error: 'At most 36 months' })),
});
export type CumulativeRuleData = z.output<typeof cumulativeRuleInputSchema>;

export const DEFAULT_CUMULATIVE_RULE: CumulativeRuleData = { threshold: 3, windowMonths: 12 };
