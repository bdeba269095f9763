import { describe, expect, it } from 'vitest';
import {
  londonDateOf,
  parseWith,
  SELF_ASSESSMENT_LIMITS,
  SELF_ASSESSMENT_QUESTIONS,
  SELF_ASSESSMENT_STATUSES,
  selfAssessmentAnswerInputSchema,
  selfAssessmentAsAtSchema,
  selfAssessmentComparisonSchema,
} from './index.js';

const errors = (result: ReturnType<typeof parseWith>) =>
  result.ok ? {} : Object.fromEntries(result.errors.map((e) => [e.field, e.message]));

describe('the self-assessment checklist', () => {
  it('has appendix 4’s thirteen questions in the guide’s order, with their paragraph references', () => {
    expect(SELF_ASSESSMENT_QUESTIONS.map((q) => q.id)).toEqual([
      '1a',
      '1b',
      '2a',
      '2b',
      '2c',
      '3',
      '4',
      '5',
      '6',
      '7',
      '8',
      '9',
      '10',
    ]);
    const byId = Object.fromEntries(SELF_ASSESSMENT_QUESTIONS.map((q) => [q.id, q]));
    expect(byId['1a']!.paragraphs).toEqual(['14.187', '14.109']);
    expect(byId['2a']!.paragraphs).toEqual(['14.29', '14.30', '14.41', '14.54', '14.86', '14.196', '14.205']);
    expect(byId['2c']!.paragraphs).toEqual([]);
    expect(byId['9']!.paragraphs).toEqual([]);
    expect(byId['8']!.paragraphs).toEqual(['14.53', '14.154', '14.34', '14.167']);
    expect(byId['7']!.text).toBe(
      'Have you sought to engage with the local multi-agency safeguarding hub (MASH) (if one exists)?',
    );
    expect(SELF_ASSESSMENT_STATUSES).toEqual(['YES', 'NO', 'IN_PROGRESS']);
  });
});

describe('selfAssessmentAnswerInputSchema', () => {
  it('takes a question, a status, evidence (trimmed, blank left out) and the answer it replaces', () => {
    const basedOn = '5b1c8c39-6d0e-4d6b-9a53-1f3f1c6f9a01';
    expect(
      parseWith(selfAssessmentAnswerInputSchema, {
        questionId: '2c',
        status: 'IN_PROGRESS',
        evidence: '  Audit of case files planned for March  ',
        basedOn,
      }),
    ).toEqual({
      ok: true,
      data: {
        questionId: '2c',
        status: 'IN_PROGRESS',
        evidence: 'Audit of case files planned for March',
        basedOn,
      },
    });
    const blank = parseWith(selfAssessmentAnswerInputSchema, {
      questionId: '10',
      status: 'NO',
      evidence: '   ',
    });
    expect(blank.ok && blank.data.evidence).toBeUndefined();
  });

  it('refuses an unknown question or status, too much evidence and a basedOn that is not an id', () => {
    expect(
      errors(
        parseWith(selfAssessmentAnswerInputSchema, {
          questionId: '11',
          status: 'MAYBE',
          evidence: 'x'.repeat(SELF_ASSESSMENT_LIMITS.evidence + 1),
          basedOn: 'the last one',
        }),
      ),
    ).toEqual({
      questionId: 'Select a question from the checklist',
      status: 'Select yes, no or in progress',
      evidence: 'Must be 5,000 characters or fewer',
      basedOn: expect.any(String),
    });
    expect(errors(parseWith(selfAssessmentAnswerInputSchema, {}))).toEqual({
      questionId: 'Select a question from the checklist',
      status: 'Select yes, no or in progress',
    });
    expect(
      parseWith(selfAssessmentAnswerInputSchema, {
        questionId: '1a',
        status: 'YES',
        evidence: 'x'.repeat(SELF_ASSESSMENT_LIMITS.evidence),
      }).ok,
    ).toBe(true);
  });
});

describe('dates of the checklist', () => {
  it('are real dates; the earlier of two is not after the later, nor after today when the later is now', () => {
    expect(parseWith(selfAssessmentAsAtSchema, {}).ok).toBe(true);
    expect(errors(parseWith(selfAssessmentAsAtSchema, { asAt: '2026-02-30' }))).toHaveProperty('asAt');
    expect(parseWith(selfAssessmentComparisonSchema, { earlier: '2026-01-01', later: '2026-01-01' }).ok).toBe(
      true,
    );
    expect(
      errors(parseWith(selfAssessmentComparisonSchema, { earlier: '2026-01-02', later: '2026-01-01' })),
    ).toEqual({
      earlier: 'The earlier date must be on or before the later date',
    });
    expect(parseWith(selfAssessmentComparisonSchema, { earlier: londonDateOf() }).ok).toBe(true);
    expect(errors(parseWith(selfAssessmentComparisonSchema, { earlier: '2999-01-01' }))).toHaveProperty(
      'earlier',
    );
  });

  it('are UK dates: just after midnight in summer is the next day, in winter the same', () => {
    expect(londonDateOf(new Date('2026-06-30T23:30:00Z'))).toBe('2026-07-01');
    expect(londonDateOf(new Date('2026-12-31T23:30:00Z'))).toBe('2026-12-31');
    expect(londonDateOf(new Date('2027-01-01T00:00:00Z'))).toBe('2027-01-01');
  });
});
