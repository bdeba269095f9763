import * as z from 'zod';
import { isoDate, londonDateOf } from './dates.js';
import { optionalText, text } from './text.js';

/*
 * The adult safeguarding self-assessment checklist for housing and housing support, against the
 * Care Act statutory guidance: appendix 4 of "Making Safeguarding Personal: a resource for housing"
 * (LGA, 2017). Each question is the guide's own words, with the paragraphs of the statutory
 * guidance it cites (none for 2c and 9). An organisation answers each yes, no or in progress, with
 * comments or evidence; every answer is kept, so the checklist can be read as it stood on any date.
 */

export const SELF_ASSESSMENT_QUESTIONS = [
  {
    id: '1a',
    text: 'Do you have a senior manager with strategic responsibility for safeguarding? OR',
    paragraphs: ['14.187', '14.109'],
  },
  {
    id: '1b',
    text: 'Do you have an operational lead for adult safeguarding?',
    paragraphs: ['14.187', '14.109'],
  },
  {
    id: '2a',
    text: "Have you a safeguarding adults' policy and internal procedures that cover ALL staff and are regularly reviewed?",
    paragraphs: ['14.29', '14.30', '14.41', '14.54', '14.86', '14.196', '14.205'],
  },
  {
    id: '2b',
    text: 'Do they include the six principles? Do they include guidance on record keeping? Are staff vigilant about adult safeguarding?',
    paragraphs: ['14.13', '14.87', '14.150', '14.29', '14.30'],
  },
  {
    id: '2c',
    text: 'Do you have internal systems in place to ensure compliance with policies and procedures?',
    paragraphs: [],
  },
  {
    id: '3',
    text: 'Have you regular safeguarding training for all staff in contact with adults at risk?',
    paragraphs: ['14.30', '14.86'],
  },
  {
    id: '4',
    text: 'Can staff access regular face to face supervision from skilled managers? Can staff access practical and legal guidance, advice and support?',
    paragraphs: ['14.46', '14.172', '14.40'],
  },
  {
    id: '5',
    text: 'Are you involved in a safeguarding adults board or housing sub group? If you are not directly involved, are you able to get involved via a housing representative on any safeguarding adults boards? Have you worked with other local housing providers to seek housing representation and other engagement with the safeguarding adults board?',
    paragraphs: ['14.117'],
  },
  {
    id: '6',
    text: "Have you discussed (internally and with the adult social care safeguarding lead) the implications of S42(2) in the Care Act and related para in the guidance of the possibility of being asked to 'make enquiries'?",
    paragraphs: ['14.84', '14.59'],
  },
  {
    id: '7',
    text: 'Have you sought to engage with the local multi-agency safeguarding hub (MASH) (if one exists)?',
    paragraphs: ['14.164'],
  },
  {
    id: '8',
    text: 'Has anyone in your organisation made effective links with local authority safeguarding leads to ensure cooperation and information sharing, improve joint working, addressing barriers? Are roles and responsibilities clear and is there collaboration at all levels?',
    paragraphs: ['14.53', '14.154', '14.34', '14.167'],
  },
  {
    id: '9',
    text: 'Do you have arrangements in place to ensure review and learning?',
    paragraphs: [],
  },
  {
    id: '10',
    text: 'Do you engage with all customers regarding safeguarding (eg information, awareness raising)',
    paragraphs: ['14.11', '14.165'],
  },
] as const satisfies readonly { id: string; text: string; paragraphs: readonly string[] }[];

export type SelfAssessmentQuestion = (typeof SELF_ASSESSMENT_QUESTIONS)[number];
export type SelfAssessmentQuestionId = SelfAssessmentQuestion['id'];

/** The question ids in the guide's order. */
export const SELF_ASSESSMENT_QUESTION_IDS: readonly SelfAssessmentQuestionId[] =
  SELF_ASSESSMENT_QUESTIONS.map((q) => q.id);

export const SELF_ASSESSMENT_STATUSES = ['YES', 'NO', 'IN_PROGRESS'] as const;
export type SelfAssessmentStatus = (typeof SELF_ASSESSMENT_STATUSES)[number];

export const SELF_ASSESSMENT_LIMITS = { evidence: 5000 } as const;

/** One question of the checklist, by its id (1a, 2c, 10 …). */
export const selfAssessmentQuestionIdSchema = z.enum(SELF_ASSESSMENT_QUESTION_IDS, {
  error: 'Select a question from the checklist',
});

/**
 * An answer to one question. `basedOn` is the answer it replaces as the person last saw it (left
 * out for a question never answered): if someone else has saved an answer since, it is refused.
 */
export const selfAssessmentAnswerInputSchema = z.object({
  questionId: selfAssessmentQuestionIdSchema,
  status: z.enum(SELF_ASSESSMENT_STATUSES, { error: 'Select yes, no or in progress' }),
  evidence: optionalText(SELF_ASSESSMENT_LIMITS.evidence),
  basedOn: z.optional(
    z.uuid({ error: 'Reload the checklist: the answer it was based on is not recognised' }),
  ),
});
export type SelfAssessmentAnswerInput = z.input<typeof selfAssessmentAnswerInputSchema>;
export type SelfAssessmentAnswerData = z.output<typeof selfAssessmentAnswerInputSchema>;

/** The checklist as it stood at the end of a day (UK time); left out: as it stands now. */
export const selfAssessmentAsAtSchema = z.object({ asAt: z.optional(isoDate()) });

/** Two days to compare the checklist between; `later` left out: now. */
export const selfAssessmentComparisonSchema = z
  .object({ earlier: isoDate(), later: z.optional(isoDate()) })
  .check(
    z.refine((value) => value.earlier <= (value.later ?? londonDateOf()), {
      error: 'The earlier date must be on or before the later date',
      path: ['earlier'],
    }),
  );

/*
 * Rounds. The checklist is done in rounds, typically yearly: the safeguarding lead opens one
 * ("2026/27"), it is answered, and the lead signs it off, after which its answers are frozen. Each
 * round is compared question by question with the last round signed off before it.
 */

/**
 * The checklist's areas, as appendix 4 numbers them: each number is an area, its lettered
 * questions (1a, 1b; 2a, 2b, 2c) belong to it. The guide gives the areas no names; these short
 * titles are Doorstep's, taken from the questions' own words (the widgets translate them by id).
 */
export const SELF_ASSESSMENT_AREAS = [
  { id: '1', title: 'Leadership', questionIds: ['1a', '1b'] },
  { id: '2', title: 'Policy and procedures', questionIds: ['2a', '2b', '2c'] },
  { id: '3', title: 'Training', questionIds: ['3'] },
  { id: '4', title: 'Supervision and advice', questionIds: ['4'] },
  { id: '5', title: 'Safeguarding adults board', questionIds: ['5'] },
  { id: '6', title: 'Section 42 enquiries', questionIds: ['6'] },
  { id: '7', title: 'Multi-agency safeguarding hub', questionIds: ['7'] },
  { id: '8', title: 'Links with the local authority', questionIds: ['8'] },
  { id: '9', title: 'Review and learning', questionIds: ['9'] },
  { id: '10', title: 'Engaging customers', questionIds: ['10'] },
] as const satisfies readonly {
  id: string;
  title: string;
  questionIds: readonly SelfAssessmentQuestionId[];
}[];

export type SelfAssessmentAreaId = (typeof SELF_ASSESSMENT_AREAS)[number]['id'];

/** Better is further along: yes, then in progress, then no. */
export const SELF_ASSESSMENT_STATUS_RANK: Record<SelfAssessmentStatus, number> = {
  YES: 2,
  IN_PROGRESS: 1,
  NO: 0,
};

/**
 * How a question's answer in a round moved from the last signed-off round: BETTER or WORSE (by
 * the rank above), SAME, NEW (answered now, not answered then or no round then), UNANSWERED (not
 * answered in this round yet).
 */
export const SELF_ASSESSMENT_MOVEMENTS = ['BETTER', 'SAME', 'WORSE', 'NEW', 'UNANSWERED'] as const;
export type SelfAssessmentMovement = (typeof SELF_ASSESSMENT_MOVEMENTS)[number];

/** How `now` (this round's status) moved from `then` (the last round's). */
export function selfAssessmentMovement(
  now: SelfAssessmentStatus | null | undefined,
  then: SelfAssessmentStatus | null | undefined,
): SelfAssessmentMovement {
  if (!now) return 'UNANSWERED';
  if (!then) return 'NEW';
  const by = SELF_ASSESSMENT_STATUS_RANK[now] - SELF_ASSESSMENT_STATUS_RANK[then];
  return by > 0 ? 'BETTER' : by < 0 ? 'WORSE' : 'SAME';
}

export const SELF_ASSESSMENT_ROUND_LIMITS = { name: 40 } as const;

/** Opening a round: its name, as the organisation calls its year ("2026/27"). */
export const selfAssessmentRoundInputSchema = z.object({
  name: text(SELF_ASSESSMENT_ROUND_LIMITS.name, 'Give the round a name, such as 2026/27'),
});
export type SelfAssessmentRoundInput = z.input<typeof selfAssessmentRoundInputSchema>;
