import * as z from 'zod';

// Functional zod API only, so the widgets can run it on zod-lite: see text.ts.
import { isoDate, isoDateOf, moment } from './dates.js';
import {
  CASE_ACTION_STATUSES,
  CASE_NOTE_TYPES,
  CASE_STATUSES,
  OUTCOMES_ACHIEVED,
  RISK_OUTCOMES,
} from './enums.js';
import { personViewsSchema } from './concern.js';
import { CONCERN_LIMITS, noRepeats, optionalText, text } from './text.js';

/**
 * Casework (DESIGN.md "Case"): a case opened from concerns, or directly, about people and their
 * household, with a lead worker, a plan of actions, typed notes, reviews signed off by a manager,
 * and closure with the Making Safeguarding Personal outcome.
 */

/** A case is reviewed this often unless the organisation sets its own frequency. */
export const DEFAULT_CASE_REVIEW_WEEKS = 4;
/** The longest a case may go between reviews: half a year. */
export const MAX_CASE_REVIEW_WEEKS = 26;

const reviewEveryWeeks = () =>
  z
    .int({ error: 'Enter a whole number of weeks' })
    .check(
      z.gte(1, { error: 'At least every week' }),
      z.lte(MAX_CASE_REVIEW_WEEKS, { error: `At most every ${MAX_CASE_REVIEW_WEEKS} weeks` }),
    );

const people = () =>
  z
    .array(z.uuid({ error: 'Select a person' }))
    .check(z.maxLength(20, { error: 'At most 20 people' }), noRepeats('Select each person once'));

/**
 * What the person wants to happen ("what matters to me"): asked and said, asked and nothing said,
 * or not asked (and why). The same shape as a concern's recorded views (`personViewsSchema`).
 */
export type DesiredOutcomesData = z.output<typeof personViewsSchema>;

/** What opening a case from triage may add: all optional (the triage's lead, the concern's views). */
const openingFields = {
  leadWorkerId: z.optional(z.uuid({ error: 'Choose the lead worker' })),
  desiredOutcomes: z.optional(personViewsSchema),
  reviewEveryWeeks: z.optional(reviewEveryWeeks()),
};

/**
 * The case a triage decision OPEN_CASE opens (`triageInputSchema`'s `case`). Left out, the case is
 * led by whoever triaged, starts from the concern's recorded views, and is reviewed at the
 * organisation's frequency.
 */
export const triageCaseInputSchema = z.object(openingFields);
export type TriageCaseInput = z.input<typeof triageCaseInputSchema>;
export type TriageCaseData = z.output<typeof triageCaseInputSchema>;

/**
 * A case a lead opens directly: about at least one person (named here, or the subjects of the
 * concerns it is opened from), with what matters to them asked at opening.
 */
export const openCaseInputSchema = z
  .object({
    ...openingFields,
    desiredOutcomes: personViewsSchema,
    concernIds: z.optional(
      z
        .array(z.uuid({ error: 'Select a concern' }))
        .check(z.maxLength(20, { error: 'At most 20 concerns' }), noRepeats('Select each concern once')),
    ),
    personIds: z.optional(people()),
    householdId: z.optional(z.uuid({ error: 'Select a household' })),
  })
  .check(
    z.refine((value) => (value.personIds?.length ?? 0) + (value.concernIds?.length ?? 0) > 0, {
      error: 'Select the people the case is about, or the concerns it is opened from',
      path: ['personIds'],
    }),
  );
export type OpenCaseInput = z.input<typeof openCaseInputSchema>;
export type OpenCaseData = z.output<typeof openCaseInputSchema>;

/** An action of the plan: what, who does it (a colleague, an agency, the person), by when. */
const actionFields = {
  what: text(CONCERN_LIMITS.reason, 'Enter what is to be done'),
  who: text(CONCERN_LIMITS.name, 'Enter who will do it'),
  dueOn: isoDate(),
};

/** A new action: due today or later. */
export const caseActionInputSchema = z.object({
  ...actionFields,
  dueOn: isoDate().check(
    z.refine((value) => value >= isoDateOf(), { error: 'The due date must be today or later' }),
  ),
});
export type CaseActionInput = z.input<typeof caseActionInputSchema>;

/** A changed action: its words, who, due date, and whether it is done or no longer needed. */
export const caseActionUpdateSchema = z.object({
  ...actionFields,
  status: z.enum(CASE_ACTION_STATUSES, { error: 'Choose the status' }),
});
export type CaseActionUpdate = z.input<typeof caseActionUpdateSchema>;

/** A little clock drift between a phone and the server is not "in the future". */
const FUTURE_TOLERANCE_MS = 5 * 60 * 1000;

/** A case note: what kind of work, when it happened (not in the future), who was there, what happened. */
export const caseNoteInputSchema = z.object({
  type: z.enum(CASE_NOTE_TYPES, { error: 'Choose the kind of note' }),
  occurredAt: moment('Enter when it happened').check(
    z.refine((value) => value.getTime() <= Date.now() + FUTURE_TOLERANCE_MS, {
      error: 'When it happened must not be in the future',
    }),
  ),
  present: optionalText(CONCERN_LIMITS.shortText),
  body: text(CONCERN_LIMITS.longText, 'Enter what happened'),
});
export type CaseNoteInput = z.input<typeof caseNoteInputSchema>;
export type CaseNoteData = z.output<typeof caseNoteInputSchema>;

/**
 * A review: how the work is going, and what matters to the person now (whether it changed since the
 * last review or the opening; when it did, what it is now).
 */
export const caseReviewInputSchema = z
  .object({
    summary: text(CONCERN_LIMITS.longText, 'Enter how the work with the person is going'),
    desiredOutcomesChanged: z.boolean({ error: 'Say whether what matters to the person has changed' }),
    desiredOutcomes: z.optional(personViewsSchema),
  })
  .check(
    z.refine((value) => !value.desiredOutcomesChanged || value.desiredOutcomes !== undefined, {
      error: 'Say what matters to the person now',
      path: ['desiredOutcomes', 'status'],
    }),
  );
export type CaseReviewInput = z.input<typeof caseReviewInputSchema>;
export type CaseReviewData = z.output<typeof caseReviewInputSchema>;

/** A manager's sign-off of a review, with what they say about it when they say anything. */
export const caseReviewSignOffSchema = z.object({ comment: optionalText(CONCERN_LIMITS.reason) });
export type CaseReviewSignOff = z.input<typeof caseReviewSignOffSchema>;

/**
 * Closing a case needs the Making Safeguarding Personal outcome: were the person's desired outcomes
 * asked (and if not, why); when they were, were they achieved fully, partially or not; is the risk
 * removed, reduced or does it remain; and the person's own view of how it went, when they gave one.
 */
export const caseClosureSchema = z
  .object({
    outcomesAsked: z.boolean({ error: 'Say whether the person was asked what outcomes they wanted' }),
    outcomesNotAskedReason: optionalText(CONCERN_LIMITS.reason),
    outcomesAchieved: z.optional(
      z.enum(OUTCOMES_ACHIEVED, { error: 'Choose whether their outcomes were achieved' }),
    ),
    riskOutcome: z.enum(RISK_OUTCOMES, { error: 'Choose whether the risk was removed, reduced or remains' }),
    personView: optionalText(CONCERN_LIMITS.longText),
  })
  .check(
    z.superRefine((value, ctx) => {
      if (!value.outcomesAsked && !value.outcomesNotAskedReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcomesNotAskedReason'],
          message: 'Enter why the person was not asked',
        });
      }
      if (value.outcomesAsked && !value.outcomesAchieved) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcomesAchieved'],
          message: 'Choose whether their outcomes were achieved',
        });
      }
      if (!value.outcomesAsked && value.outcomesAchieved) {
        ctx.addIssue({
          code: 'custom',
          path: ['outcomesAchieved'],
          message: 'Outcomes the person was not asked about cannot be achieved: leave it out',
        });
      }
    }),
  );
export type CaseClosureInput = z.input<typeof caseClosureSchema>;
export type CaseClosureData = z.output<typeof caseClosureSchema>;

/** How often the organisation's cases are reviewed. */
export const caseReviewPolicyInputSchema = z.object({ reviewEveryWeeks: reviewEveryWeeks() });
export type CaseReviewPolicyInput = z.input<typeof caseReviewPolicyInputSchema>;

/** Which cases to list. */
export const caseListFilterSchema = z.object({
  status: z.optional(z.enum(CASE_STATUSES, { error: 'Choose a status' })),
  personId: z.optional(z.uuid({ error: 'Select a person' })),
  householdId: z.optional(z.uuid({ error: 'Select a household' })),
  leadWorkerId: z.optional(z.uuid({ error: 'Choose a lead worker' })),
});
export type CaseListFilter = z.input<typeof caseListFilterSchema>;

/** A person joining an open case. */
export const casePersonInputSchema = z.object({
  personId: z.uuid({ error: 'Select a person' }),
});
export type CasePersonInput = z.input<typeof casePersonInputSchema>;

/** A person leaving an open case, and why. */
export const casePersonRemovalSchema = z.object({
  personId: z.uuid({ error: 'Select a person' }),
  reason: text(CONCERN_LIMITS.reason, 'Say why they are no longer part of the case'),
});
export type CasePersonRemovalInput = z.input<typeof casePersonRemovalSchema>;

/** A new lead worker for an open case: a safeguarding lead or champion of the organisation. */
export const caseLeadWorkerSchema = z.object({
  leadWorkerId: z.uuid({ error: 'Choose the lead worker' }),
});
export type CaseLeadWorkerInput = z.input<typeof caseLeadWorkerSchema>;
