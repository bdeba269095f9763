import type {
  SelfAssessmentAnswerInput,
  SelfAssessmentQuestionId,
  SelfAssessmentStatus,
} from '@doorstep/schema';
import { typed } from './operations.js';

/*
 * Typed operations for the safeguarding self-assessment checklist (appendix 4 of the Making
 * Safeguarding Personal housing guide): leads, champions and managers read it; leads and managers
 * answer it. The gateway's schema test validates every document here.
 */

export interface SelfAssessmentQuestionView {
  id: SelfAssessmentQuestionId;
  text: string;
  paragraphs: string[];
}

export interface SelfAssessmentAnswerView {
  id: string;
  questionId: SelfAssessmentQuestionId;
  status: SelfAssessmentStatus;
  evidence: string | null;
  answeredAt: string;
  answeredBy: string | null;
}

const QUESTION = `question {
      id
      text
      paragraphs
    }`;

const ANSWER_FIELDS = `id
    questionId
    status
    evidence
    answeredAt
    answeredBy`;

/** Every question in the guide's order with its latest answer: now, or at the end of `asAt` (UK). */
export const SelfAssessment = /* @__PURE__ */ typed<
  { selfAssessment: { question: SelfAssessmentQuestionView; answer: SelfAssessmentAnswerView | null }[] },
  { asAt?: string | null }
>(
  'SelfAssessment',
  () => `query SelfAssessment($asAt: String) {
  selfAssessment(asAt: $asAt) {
    ${QUESTION}
    answer {
      ${ANSWER_FIELDS}
    }
  }
}`,
);

/** Every answer a question has had, newest first. */
export const SelfAssessmentHistory = /* @__PURE__ */ typed<
  { selfAssessmentHistory: SelfAssessmentAnswerView[] },
  { questionId: SelfAssessmentQuestionId }
>(
  'SelfAssessmentHistory',
  () => `query SelfAssessmentHistory($questionId: ID!) {
  selfAssessmentHistory(questionId: $questionId) {
    ${ANSWER_FIELDS}
  }
}`,
);

/** Every question with its answer at the end of `earlier` and of `later` (default: now). */
export const SelfAssessmentComparison = /* @__PURE__ */ typed<
  {
    selfAssessmentComparison: {
      question: SelfAssessmentQuestionView;
      earlier: SelfAssessmentAnswerView | null;
      later: SelfAssessmentAnswerView | null;
      changed: boolean;
    }[];
  },
  { earlier: string; later?: string | null }
>(
  'SelfAssessmentComparison',
  () => `query SelfAssessmentComparison($earlier: String!, $later: String) {
  selfAssessmentComparison(earlier: $earlier, later: $later) {
    ${QUESTION}
    earlier {
      ${ANSWER_FIELDS}
    }
    later {
      ${ANSWER_FIELDS}
    }
    changed
  }
}`,
);

/**
 * Save an answer. `basedOn`: the id of the answer shown when the person started (left out if the
 * question had none). STALE_VERSION, with `extensions.currentAnswerId`, if someone else saved in
 * between; sending the latest answer's status and evidence again saves nothing and returns it.
 */
export const AnswerSelfAssessment = /* @__PURE__ */ typed<
  { answerSelfAssessment: SelfAssessmentAnswerView },
  { input: SelfAssessmentAnswerInput }
>(
  'AnswerSelfAssessment',
  () => `mutation AnswerSelfAssessment($input: SelfAssessmentAnswerInput!) {
  answerSelfAssessment(input: $input) {
    ${ANSWER_FIELDS}
  }
}`,
);

export const selfAssessmentOperations = [
  SelfAssessment,
  SelfAssessmentHistory,
  SelfAssessmentComparison,
  AnswerSelfAssessment,
] as const;
