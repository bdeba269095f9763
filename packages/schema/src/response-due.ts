import * as z from 'zod';
import { AGENCY_TYPES, type AgencyType } from './enums.js';

/**
 * How many England and Wales working days an agency of each type has to respond to a referral
 * (a decision, or at least an acknowledgement that it is being dealt with). "Within one working
 * day" of a referral sent on a working day before 17:00 ends at midnight, London time, at the end of
 * the next working day; one sent later, at a weekend or on a bank holiday counts from the next
 * working day (gateway/src/common/working-days.ts). Each housing provider may change these for
 * its own referrals; these are the defaults, and why:
 *
 * - CHILDRENS_SOCIAL_CARE, MASH: 1. Working Together to Safeguard Children 2023 (chapter 2): within
 *   one working day of a referral being received, a local authority social worker should
 *   acknowledge receipt and decide the type of response required. A MASH is the front door to it.
 * - ADULT_SOCIAL_CARE: 2. The Care Act 2014 statutory guidance (chapter 14) sets no timescale for
 *   a section 42 decision; the local adult safeguarding procedures in England commonly expect the
 *   first decision on a concern within one to three working days. Two is the middle; set your
 *   board's figure.
 * - POLICE: 1. A referral is never the route for an emergency (999 is); a safeguarding referral to
 *   the police should at least be acknowledged and risk-assessed the next working day.
 * - MARAC: 2. The Marac coordinator confirms the referral meets the threshold and lists it for the
 *   next meeting (SafeLives' Marac guidance); the case itself is heard at that meeting, not within
 *   the due date.
 * - DOMESTIC_ABUSE_SERVICE: 1. Referrals are for victims at high risk; SafeLives' practice for
 *   IDVA services is first contact within a working day of referral.
 * - MENTAL_HEALTH_CRISIS: 1. NHS England's standard for urgent community crisis response is within
 *   24 hours.
 * - EARLY_HELP, HEALTH, OTHER: 5. No national timescale; a working week, as most local early help
 *   and health safeguarding procedures allow for a non-urgent referral.
 */
export const DEFAULT_RESPONSE_WORKING_DAYS: Record<AgencyType, number> = {
  CHILDRENS_SOCIAL_CARE: 1,
  MASH: 1,
  ADULT_SOCIAL_CARE: 2,
  POLICE: 1,
  MARAC: 2,
  DOMESTIC_ABUSE_SERVICE: 1,
  MENTAL_HEALTH_CRISIS: 1,
  EARLY_HELP: 5,
  HEALTH: 5,
  OTHER: 5,
};

/** The most working days a housing provider may give an agency to respond (six weeks). */
export const MAX_RESPONSE_WORKING_DAYS = 30;

/** A safeguarding lead or manager sets how long an agency type has to respond to their referrals. */
export const responsePolicyInputSchema = z.object({
  agencyType: z.enum(AGENCY_TYPES, { error: 'Choose the kind of agency' }),
  workingDays: z.int({ error: 'Enter a whole number of working days' }).check(
    z.gte(0, { error: 'At least 0 working days (the same working day)' }),
    z.lte(MAX_RESPONSE_WORKING_DAYS, {
      error: `At most ${MAX_RESPONSE_WORKING_DAYS} working days`,
    }),
  ),
});
export type ResponsePolicyInput = z.input<typeof responsePolicyInputSchema>;
