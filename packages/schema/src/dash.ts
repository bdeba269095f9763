import * as z from 'zod';
import { addMonths, pastDate } from './dates.js';
import { CONCERN_LIMITS, concernOrCaseFields, noRepeats, onConcernOrCase, optionalText } from './text.js';

/*
 * Domestic abuse risk: the SafeLives Dash risk identification checklist (RIC) and the MARAC
 * criteria Doorstep can see. The question texts are SafeLives' "Dash risk checklist" (Laura
 * Richards with ACPO and SafeLives, 2009), as SafeLives publishes it for practitioners at
 * safelives.org.uk: kept here, once, so the gateway and any widget show the same words. `(….)`
 * stands for the name of the abuser(s), as on the form. See docs/guide/domestic-abuse-and-capacity.md.
 */

/** Every question is answered yes, no or not known. */
export const DASH_ANSWERS = ['YES', 'NO', 'NOT_KNOWN'] as const;
export type DashAnswer = (typeof DASH_ANSWERS)[number];

/** The level of risk the number of yes answers shows (DESIGN.md: 1–9 standard, 10–13 medium, 14+ high). */
export const DASH_LEVELS = ['STANDARD', 'MEDIUM', 'HIGH'] as const;
export type DashLevel = (typeof DASH_LEVELS)[number];

/**
 * The MARAC referral criteria Doorstep can see: 14 or more yes answers (visible high risk), the
 * practitioner's professional judgement, potential escalation (3 or more incidents in 12 months),
 * and a repeat (a MARAC referral in the 12 months before).
 */
export const MARAC_CRITERIA = [
  'VISIBLE_HIGH_RISK',
  'PROFESSIONAL_JUDGEMENT',
  'POTENTIAL_ESCALATION',
  'REPEAT',
] as const;
export type MaracCriterion = (typeof MARAC_CRITERIA)[number];

export const DASH_THRESHOLDS = {
  /** From this many yes answers the level is MEDIUM. */
  medium: 10,
  /** From this many yes answers the level is HIGH, and the risk visibly high (a MARAC criterion). */
  high: 14,
  /** This many incidents in the window is potential escalation. */
  escalationIncidents: 3,
  /** The window, in calendar months up to the day of the assessment (both ends included). */
  windowMonths: 12,
} as const;

/** One question of the checklist: its number (1 to 24), its words, and the form's prompt to say more. */
export interface DashQuestion {
  number: number;
  text: string;
  prompt?: string;
}

/** The 24 questions of the SafeLives Dash risk checklist, in order. */
export const DASH_QUESTIONS: readonly DashQuestion[] = [
  {
    number: 1,
    text: 'Has the current incident resulted in injury?',
    prompt: 'Please state what and whether this is the first injury.',
  },
  { number: 2, text: 'Are you very frightened?', prompt: 'Comment' },
  {
    number: 3,
    text: 'What are you afraid of? Is it further injury or violence?',
    prompt:
      'Please give an indication of what you think (name of abuser(s)) might do and to whom, including children.',
  },
  {
    number: 4,
    text: 'Do you feel isolated from family/friends i.e. does (name of abuser(s)) try to stop you from seeing friends/family/doctor or others?',
    prompt: 'Comment',
  },
  { number: 5, text: 'Are you feeling depressed or having suicidal thoughts?' },
  {
    number: 6,
    text: 'Have you separated or tried to separate from (name of abuser(s)) within the past year?',
  },
  { number: 7, text: 'Is there conflict over child contact?' },
  {
    number: 8,
    text: 'Does (….) constantly text, call, contact, follow, stalk or harass you?',
    prompt:
      'Please expand to identify what and whether you believe that this is done deliberately to intimidate you. Consider the context and behaviour of what is being done.',
  },
  {
    number: 9,
    text: 'Are you pregnant or have you recently had a baby?',
    prompt: 'Within the last 18 months.',
  },
  { number: 10, text: 'Is the abuse happening more often?' },
  { number: 11, text: 'Is the abuse getting worse?' },
  {
    number: 12,
    text: 'Does (….) try to control everything you do and/or are they excessively jealous?',
    prompt:
      'In terms of relationships, who you see, being ‘policed at home’, telling you what to wear for example. Consider ‘honour’-based violence and specify behaviour.',
  },
  { number: 13, text: 'Has (….) ever used weapons or objects to hurt you?' },
  {
    number: 14,
    text: 'Has (….) ever threatened to kill you or someone else and you believed them?',
    prompt: 'If yes, say who: you, children, or someone else.',
  },
  { number: 15, text: 'Has (….) ever attempted to strangle / choke / suffocate / drown you?' },
  {
    number: 16,
    text: 'Does (….) do or say things of a sexual nature that make you feel bad or that physically hurt you or someone else?',
    prompt: 'If someone else, specify who.',
  },
  {
    number: 17,
    text: 'Is there any other person who has threatened you or who you are afraid of?',
    prompt: 'If yes, please specify whom and why. Consider extended family if ‘honour’-based violence.',
  },
  {
    number: 18,
    text: 'Do you know if (….) has hurt anyone else?',
    prompt:
      'Please specify whom, including the children, siblings or elderly relatives: children, another family member, someone from a previous relationship, other. Consider ‘honour’-based violence.',
  },
  { number: 19, text: 'Has (….) ever mistreated an animal or the family pet?' },
  {
    number: 20,
    text: 'Are there any financial issues? For example, are you dependent on (….) for money/have they recently lost their job/other financial issues?',
  },
  {
    number: 21,
    text: 'Has (….) had problems in the past year with drugs (prescription or other), alcohol or mental health leading to problems in leading a normal life?',
    prompt:
      'If yes, please specify which (drugs, alcohol, mental health) and give relevant details if known.',
  },
  { number: 22, text: 'Has (….) ever threatened or attempted suicide?' },
  {
    number: 23,
    text: 'Has (….) ever broken bail/an injunction and/or formal agreement for when they can see you and/or the children?',
    prompt:
      'Bail conditions, non-molestation or occupation order, child contact arrangements, forced marriage protection order, other.',
  },
  {
    number: 24,
    text: 'Do you know if (….) has ever been in trouble with the police or has a criminal history?',
    prompt: 'If yes, please specify: domestic violence, sexual violence, other violence, other.',
  },
];

/** The number of yes answers: the checklist's score. */
export const dashScore = (answers: readonly { answer: DashAnswer }[]): number =>
  answers.filter((a) => a.answer === 'YES').length;

/** The level a score shows: HIGH from 14, MEDIUM from 10, else STANDARD. */
export function dashLevel(score: number): DashLevel {
  if (score >= DASH_THRESHOLDS.high) return 'HIGH';
  if (score >= DASH_THRESHOLDS.medium) return 'MEDIUM';
  return 'STANDARD';
}

/** The first day of the window ending on `day` (YYYY-MM-DD): the same day 12 months before. */
export const dashWindowStart = (day: string): string => addMonths(day, -DASH_THRESHOLDS.windowMonths);

/** What the MARAC criteria are decided from. Days are YYYY-MM-DD (UK days). */
export interface MaracFacts {
  score: number;
  professionalJudgement: boolean;
  /** Incidents in the window ending on the day of the assessment (concerns and police callouts). */
  incidentsInWindow: number;
  /** The UK day of the person's last MARAC referral on or before the assessment, if any. */
  lastMaracReferralOn: string | null;
  assessedOn: string;
}

/** The MARAC criteria that hold, in the order of `MARAC_CRITERIA`. Any one suggests a referral. */
export function maracCriteria(facts: MaracFacts): MaracCriterion[] {
  const holds: Record<MaracCriterion, boolean> = {
    VISIBLE_HIGH_RISK: facts.score >= DASH_THRESHOLDS.high,
    PROFESSIONAL_JUDGEMENT: facts.professionalJudgement,
    POTENTIAL_ESCALATION: facts.incidentsInWindow >= DASH_THRESHOLDS.escalationIncidents,
    REPEAT:
      facts.lastMaracReferralOn !== null &&
      facts.lastMaracReferralOn >= dashWindowStart(facts.assessedOn) &&
      facts.lastMaracReferralOn <= facts.assessedOn,
  };
  return MARAC_CRITERIA.filter((c) => holds[c]);
}

const ANSWER_COUNT = DASH_QUESTIONS.length;
const ANSWERS_MESSAGE = `Answer all ${ANSWER_COUNT} questions`;

/** One answer: yes, no or not known, and the practitioner's notes. */
export const dashAnswerSchema = z.object(
  {
    answer: z.enum(DASH_ANSWERS, { error: 'Answer yes, no or not known' }),
    notes: optionalText(CONCERN_LIMITS.reason),
  },
  { error: 'Answer yes, no or not known' },
);

/** What a checklist says, when it is recorded and when it is corrected. */
const dashChecklistFields = {
  assessedOn: pastDate('The day of the assessment must be today or earlier'),
  answers: z
    .array(dashAnswerSchema, { error: ANSWERS_MESSAGE })
    .check(
      z.minLength(ANSWER_COUNT, { error: ANSWERS_MESSAGE }),
      z.maxLength(ANSWER_COUNT, { error: ANSWERS_MESSAGE }),
    ),
  professionalJudgement: z._default(z.boolean({ error: 'Say yes or no' }), false),
  professionalJudgementReason: optionalText(CONCERN_LIMITS.reason),
  policeCallouts: z._default(
    z
      .array(pastDate('A police callout must be today or earlier'), { error: 'Give the days as a list' })
      .check(
        z.maxLength(100, { error: 'At most 100 callouts' }),
        noRepeats('Give each day once: a day counts as one incident'),
      ),
    [],
  ),
};

/** Professional judgement needs the reason: the MARAC reads it. */
const reasonForJudgement = () =>
  z.superRefine<{ professionalJudgement: boolean; professionalJudgementReason?: string | undefined }>(
    (value, ctx) => {
      if (value.professionalJudgement && !value.professionalJudgementReason) {
        ctx.addIssue({
          code: 'custom',
          path: ['professionalJudgementReason'],
          message: 'Say why, in your professional judgement, this should go to MARAC',
        });
      }
    },
  );

/** A DASH checklist recorded on a concern or a case, about one person it is about. */
export const dashChecklistInputSchema = z
  .object({
    ...concernOrCaseFields(),
    personId: z.uuid({ error: 'Choose the person the checklist is about' }),
    ...dashChecklistFields,
  })
  .check(reasonForJudgement(), onConcernOrCase());
export type DashChecklistInput = z.input<typeof dashChecklistInputSchema>;
export type DashChecklistData = z.output<typeof dashChecklistInputSchema>;

/** A correction of a checklist (before it is referred to MARAC). */
export const dashChecklistUpdateSchema = z.object(dashChecklistFields).check(reasonForJudgement());
export type DashChecklistUpdateData = z.output<typeof dashChecklistUpdateSchema>;
