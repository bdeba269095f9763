import * as z from 'zod';
import { pastDate } from './dates.js';
import { CONCERN_LIMITS, concernOrCaseFields, onConcernOrCase, optionalText, text } from './text.js';

/*
 * A mental capacity assessment for one decision, as the Mental Capacity Act 2005 (sections 1 to 4)
 * and its Code of Practice (chapter 4) set out, and as the Making Safeguarding Personal guide asks:
 * capacity is assumed, decided one decision at a time, after every practicable step to help the
 * person decide. Stage 1: is there an impairment of, or a disturbance in the functioning of, the
 * mind or brain? Stage 2: is the person able to understand the information relevant to the
 * decision, retain it, use or weigh it, and communicate their decision? A person lacks capacity
 * for the decision only when they are unable to do one of those because of the impairment; then a
 * best-interests decision (section 4) is recorded, with who was consulted and the person's wishes.
 */

const STAGE_TWO = {
  canUnderstand: 'Say whether the person can understand the information relevant to the decision',
  canRetain: 'Say whether the person can retain that information',
  canUseOrWeigh: 'Say whether the person can use or weigh that information as part of deciding',
  canCommunicate: 'Say whether the person can communicate their decision, by any means',
} as const;
type StageTwo = keyof typeof STAGE_TWO;

const answer = (message: string) => z.optional(z.boolean({ error: message }));

/** The best-interests decision, required when the person lacks capacity for the decision. */
export const bestInterestsSchema = z.object(
  {
    decision: text(CONCERN_LIMITS.longText, 'Say what was decided in the person’s best interests'),
    decidedBy: text(CONCERN_LIMITS.name, 'Say who made the best-interests decision'),
    decidedOn: pastDate('The day of the decision must be today or earlier'),
    consulted: text(
      CONCERN_LIMITS.reason,
      'Say who was consulted (family, carers, an advocate or IMCA), or why nobody could be',
    ),
    personsWishes: text(
      CONCERN_LIMITS.reason,
      'Record the person’s wishes, feelings, beliefs and values, as far as they can be found out',
    ),
  },
  { error: 'Record the best-interests decision' },
);

/** What an assessment says. The answers a conclusion needs are checked by `assessmentComplete`. */
const capacityAssessmentFields = {
  decision: text(CONCERN_LIMITS.reason, 'Say which decision the assessment is about'),
  assessedOn: pastDate('The day of the assessment must be today or earlier'),
  assessorName: text(CONCERN_LIMITS.name, 'Say who assessed the person’s capacity'),
  assessorRole: text(CONCERN_LIMITS.shortText, 'Say the assessor’s role and organisation'),
  practicableSteps: text(
    CONCERN_LIMITS.reason,
    'Say what was done to help the person make the decision themselves',
  ),
  impairment: z.boolean({
    error: 'Say whether there is an impairment of, or a disturbance in the functioning of, the mind or brain',
  }),
  impairmentDetail: optionalText(CONCERN_LIMITS.reason),
  canUnderstand: answer(STAGE_TWO.canUnderstand),
  canRetain: answer(STAGE_TWO.canRetain),
  canUseOrWeigh: answer(STAGE_TWO.canUseOrWeigh),
  canCommunicate: answer(STAGE_TWO.canCommunicate),
  inabilityBecauseOfImpairment: answer(
    'Say whether the person is unable to make the decision because of the impairment',
  ),
  reasons: text(CONCERN_LIMITS.longText, 'Say how the conclusion was reached, with the evidence'),
  bestInterests: z.optional(bestInterestsSchema),
};

/** The answers of an assessment that decide its conclusion. */
export interface CapacityAnswers {
  impairment: boolean;
  canUnderstand?: boolean | null | undefined;
  canRetain?: boolean | null | undefined;
  canUseOrWeigh?: boolean | null | undefined;
  canCommunicate?: boolean | null | undefined;
  inabilityBecauseOfImpairment?: boolean | null | undefined;
}

/**
 * Whether the person lacks capacity for the decision: an impairment (stage 1), unable to do one of
 * the four (stage 2), and unable because of the impairment.
 */
export const lacksCapacity = (a: CapacityAnswers): boolean =>
  a.impairment &&
  (a.canUnderstand === false ||
    a.canRetain === false ||
    a.canUseOrWeigh === false ||
    a.canCommunicate === false) &&
  a.inabilityBecauseOfImpairment === true;

/**
 * With an impairment, stage 2 is answered in full and the impairment described; an inability needs
 * to say whether it is because of the impairment. Lacking capacity needs the best-interests decision;
 * having it, none (the person decides).
 */
const assessmentComplete = () =>
  z.superRefine<CapacityAnswers & { impairmentDetail?: string | undefined; bestInterests?: unknown }>(
    (value, ctx) => {
      if (value.impairment) {
        if (!value.impairmentDetail) {
          ctx.addIssue({
            code: 'custom',
            path: ['impairmentDetail'],
            message: 'Describe the impairment or disturbance',
          });
        }
        for (const key of Object.keys(STAGE_TWO) as StageTwo[]) {
          if (typeof value[key] !== 'boolean') {
            ctx.addIssue({ code: 'custom', path: [key], message: STAGE_TWO[key] });
          }
        }
        const unable = (Object.keys(STAGE_TWO) as StageTwo[]).some((key) => value[key] === false);
        if (unable && typeof value.inabilityBecauseOfImpairment !== 'boolean') {
          ctx.addIssue({
            code: 'custom',
            path: ['inabilityBecauseOfImpairment'],
            message: 'Say whether the person is unable to make the decision because of the impairment',
          });
        }
      }
      const lacks = lacksCapacity(value);
      if (lacks && !value.bestInterests) {
        ctx.addIssue({
          code: 'custom',
          path: ['bestInterests'],
          message: 'The person lacks capacity for this decision: record the best-interests decision',
        });
      }
      if (!lacks && value.bestInterests) {
        ctx.addIssue({
          code: 'custom',
          path: ['bestInterests'],
          message:
            'The person has capacity for this decision, so they make it: leave out a best-interests decision',
        });
      }
    },
  );

/** A capacity assessment recorded on a concern or a case, about one person it is about. */
export const capacityAssessmentInputSchema = z
  .object({
    ...concernOrCaseFields(),
    personId: z.uuid({ error: 'Choose the person whose capacity was assessed' }),
    ...capacityAssessmentFields,
  })
  .check(assessmentComplete(), onConcernOrCase());
export type CapacityAssessmentInput = z.input<typeof capacityAssessmentInputSchema>;
export type CapacityAssessmentData = z.output<typeof capacityAssessmentInputSchema>;

/** A correction of an assessment. */
export const capacityAssessmentUpdateSchema = z.object(capacityAssessmentFields).check(assessmentComplete());
export type CapacityAssessmentUpdateData = z.output<typeof capacityAssessmentUpdateSchema>;
