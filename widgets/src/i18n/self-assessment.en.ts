import { SELF_ASSESSMENT_QUESTIONS, type SelfAssessmentQuestionId } from '@doorstep/schema';
import { commonEn } from './common.js';
import { formatDay as day, formatMoment as when } from '../internal/datetime.js';
import type { SelfAssessmentTranslation } from './translation.js';

/** English words of `<sg-self-assessment>`. The questions are the guide's own, from @doorstep/schema. */
export const selfAssessmentEn: SelfAssessmentTranslation = {
  ...commonEn,
  selfAssessment: {
    title: 'Adult safeguarding self-assessment',
    intro: [
      'The checklist for housing and housing support against the Care and Support Statutory Guidance (appendix 4 of Making Safeguarding Personal for housing).',
      'Each answer is saved as you go. Earlier answers are kept, so you can compare with an earlier date.',
    ],
    loading: 'Loading the checklist…',
    progress: (answered, total) => `${answered} of ${total} questions answered`,
    questions: Object.fromEntries(SELF_ASSESSMENT_QUESTIONS.map((q) => [q.id, q.text])) as Record<
      SelfAssessmentQuestionId,
      string
    >,
    paragraphs: (references) =>
      `Statutory guidance: paragraph${references.length === 1 ? '' : 's'} ${references.join(', ')}`,
    status: {
      legend: (question) => `Your answer to question ${question}`,
      options: { YES: 'Yes', NO: 'No', IN_PROGRESS: 'In progress' },
    },
    evidence: {
      label: (question) => `Comments and evidence for question ${question}`,
      hint: 'What shows this is in place, or what is being done and by when',
    },
    save: {
      saving: 'Saving…',
      saved: (at, by, locale) => `Saved ${when(at, locale)}${by ? ` by ${by}` : ''}`,
      needsStatus: 'Choose yes, no or in progress to save your comments.',
      failed: {
        NETWORK_ERROR: 'Not saved: there is no connection. It will be saved when you are back online.',
        SERVICE_UNAVAILABLE: 'Not saved: the service is not available. Try again in a few minutes.',
        UNAUTHENTICATED: 'Not saved: you need to sign in again.',
        other: 'Not saved: something went wrong.',
      },
      retry: 'Try again',
    },
    conflict: {
      title: 'Someone else saved an answer to this question while you were working on it',
      body: 'Your answer has not been saved. Their answer is:',
      theirs: (at, by, locale) => `Saved ${when(at, locale)}${by ? ` by ${by}` : ''}`,
      keepMine: 'Save my answer instead',
      useTheirs: 'Use their answer',
    },
    readOnly: 'You can read this checklist but not change it. Ask your safeguarding lead or a manager.',
    compare: {
      label: 'Compare with an earlier date',
      hint: 'See how each answer stood at the end of that day',
      button: 'Compare',
      stop: 'Stop comparing',
      comparing: (date, locale) => `Comparing with ${day(date, locale)}`,
      changedCount: {
        one: '{n} answer has changed since then.',
        other: '{n} answers have changed since then.',
      },
      earlier: (date, locale) => `On ${day(date, locale)}`,
      notAnswered: 'Not answered',
      changed: 'Changed',
      unchanged: 'No change',
      invalidDate: 'Enter a real date that is not in the future',
    },
    loadFailed: {
      title: 'The checklist could not be loaded',
      byCode: {
        NETWORK_ERROR: 'There is no connection. Check it, then try again.',
        UNAUTHENTICATED: 'You need to sign in again.',
        FORBIDDEN: 'Your account cannot see the self-assessment. Ask your safeguarding lead.',
      },
      other: 'Something went wrong. Try again.',
      retry: 'Try again',
    },
    noEvidence: 'No comments or evidence',
    rounds: {
      title: 'This round',
      open: (name, opened, by, locale) =>
        `Round ${name}, opened ${day(opened, locale)}${by ? ` by ${by}` : ''}. Answers you save now belong to it.`,
      comparedWith: (name, signedOff, locale) =>
        `Each answer is compared with round ${name}, signed off ${day(signedOff, locale)}.`,
      firstRound: 'There is no signed-off round to compare with yet.',
      noneOpen: 'No round is open. Answers you save now go into the next round when it is opened.',
      lastSignedOff: (name, signedOff, by, locale) =>
        `The last round, ${name}, was signed off on ${day(signedOff, locale)}${by ? ` by ${by}` : ''}.`,
      name: {
        label: 'Name of the new round',
        hint: 'For example, 2026/27',
        required: 'Give the round a name, such as 2026/27',
      },
      openButton: 'Open a round',
      opened: (name) => `Round ${name} is open.`,
      unanswered: {
        one: '{n} question is not answered in this round yet:',
        other: '{n} questions are not answered in this round yet:',
      },
      allAnswered: 'Every question is answered in this round.',
      question: (id) => `Question ${id}`,
      signOff: 'Sign off this round',
      confirmTitle: (name) => `Sign off round ${name}?`,
      confirmBody:
        'Its answers will be frozen. Answers saved after this go into the next round when it is opened.',
      confirm: 'Yes, sign it off',
      cancel: 'Cancel',
      signedOff: (name) => `Round ${name} is signed off.`,
      refused: 'This round cannot be signed off until every question is answered in it. Not answered yet:',
      failed: {
        FORBIDDEN: 'Only the safeguarding lead can open or sign off a round.',
        NETWORK_ERROR: 'There is no connection. Check it, then try again.',
        other: 'Something went wrong. Try again.',
      },
      lastRound: (name) => `Round ${name}`,
      movement: {
        BETTER: 'Better than last round',
        SAME: 'Same as last round',
        WORSE: 'Worse than last round',
        NEW: 'Not answered last round',
        UNANSWERED: 'Not answered in this round yet',
      },
    },
  },
};
