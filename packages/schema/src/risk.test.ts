import { describe, expect, it } from 'vitest';
import {
  capacityAssessmentUpdateSchema,
  DASH_QUESTIONS,
  dashChecklistUpdateSchema,
  dashLevel,
  dashScore,
  isoDateOf,
  lacksCapacity,
  maracCriteria,
  parseWith,
} from './index.js';

const fields = (result: ReturnType<typeof parseWith>) =>
  result.ok ? [] : result.errors.map((e) => e.field).sort();
const answers = (yes: number) =>
  Array.from({ length: 24 }, (_, i) => ({ answer: i < yes ? 'YES' : i % 2 ? 'NO' : 'NOT_KNOWN' }) as const);
const facts = {
  score: 0,
  professionalJudgement: false,
  incidentsInWindow: 0,
  lastMaracReferralOn: null,
  assessedOn: '2026-12-07',
};

describe('the DASH checklist', () => {
  it('has the 24 questions, numbered in order', () => {
    expect(DASH_QUESTIONS.map((q) => q.number)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
    expect(new Set(DASH_QUESTIONS.map((q) => q.text)).size).toBe(24);
  });

  it('scores the yes answers (not known is not yes) and levels them: 9/10 and 13/14 are the edges', () => {
    expect(
      [0, 9, 10, 13, 14, 24].map((n) => [dashScore(answers(n)), dashLevel(dashScore(answers(n)))]),
    ).toEqual([
      [0, 'STANDARD'],
      [9, 'STANDARD'],
      [10, 'MEDIUM'],
      [13, 'MEDIUM'],
      [14, 'HIGH'],
      [24, 'HIGH'],
    ]);
  });

  it('suggests MARAC at 14 yes, not 13; at 3 incidents, not 2; for professional judgement alone', () => {
    expect(maracCriteria({ ...facts, score: 13 })).toEqual([]);
    expect(maracCriteria({ ...facts, score: 14 })).toEqual(['VISIBLE_HIGH_RISK']);
    expect(maracCriteria({ ...facts, incidentsInWindow: 2 })).toEqual([]);
    expect(maracCriteria({ ...facts, incidentsInWindow: 3 })).toEqual(['POTENTIAL_ESCALATION']);
    expect(maracCriteria({ ...facts, professionalJudgement: true })).toEqual(['PROFESSIONAL_JUDGEMENT']);
  });

  it('counts a MARAC referral as a repeat from the same day 12 months before, not the day before', () => {
    expect(maracCriteria({ ...facts, lastMaracReferralOn: '2025-12-07' })).toEqual(['REPEAT']);
    expect(maracCriteria({ ...facts, lastMaracReferralOn: '2025-12-08' })).toEqual(['REPEAT']);
    expect(maracCriteria({ ...facts, lastMaracReferralOn: '2025-12-06' })).toEqual([]);
  });

  it('needs all 24 answers, and the reason for professional judgement', () => {
    const today = isoDateOf();
    expect(fields(parseWith(dashChecklistUpdateSchema, { assessedOn: today, answers: answers(3) }))).toEqual(
      [],
    );
    expect(
      fields(parseWith(dashChecklistUpdateSchema, { assessedOn: today, answers: answers(3).slice(1) })),
    ).toEqual(['answers']);
    expect(
      fields(
        parseWith(dashChecklistUpdateSchema, {
          assessedOn: today,
          answers: [...answers(3).slice(1), { answer: 'MAYBE' }],
        }),
      ),
    ).toEqual(['answers.23.answer']);
    expect(
      fields(
        parseWith(dashChecklistUpdateSchema, {
          assessedOn: today,
          answers: answers(3),
          professionalJudgement: true,
        }),
      ),
    ).toEqual(['professionalJudgementReason']);
  });
});

describe('a capacity assessment', () => {
  const base = {
    decision: 'Whether to accept a care package',
    assessedOn: isoDateOf(),
    assessorName: 'Sam Lee',
    assessorRole: 'Social worker',
    practicableSteps: 'Easy-read leaflet',
    reasons: 'As observed',
  };
  const stage2 = { canUnderstand: true, canRetain: false, canUseOrWeigh: true, canCommunicate: true };
  const bestInterests = {
    decision: 'Accept it',
    decidedBy: 'Sam Lee',
    decidedOn: isoDateOf(),
    consulted: 'Her daughter',
    personsWishes: 'To stay at home',
  };

  it('finds a lack of capacity only with an impairment, an inability, and the one because of the other', () => {
    expect(lacksCapacity({ impairment: false, ...stage2, inabilityBecauseOfImpairment: true })).toBe(false);
    expect(lacksCapacity({ impairment: true, ...stage2, inabilityBecauseOfImpairment: false })).toBe(false);
    expect(
      lacksCapacity({ impairment: true, ...stage2, canRetain: true, inabilityBecauseOfImpairment: true }),
    ).toBe(false);
    expect(lacksCapacity({ impairment: true, ...stage2, inabilityBecauseOfImpairment: true })).toBe(true);
  });

  it('needs stage 2 after an impairment, and the best-interests decision exactly when capacity is lacking', () => {
    const parse = (input: object) => fields(parseWith(capacityAssessmentUpdateSchema, { ...base, ...input }));
    expect(parse({ impairment: false })).toEqual([]);
    expect(parse({ impairment: true })).toEqual([
      'canCommunicate',
      'canRetain',
      'canUnderstand',
      'canUseOrWeigh',
      'impairmentDetail',
    ]);
    expect(parse({ impairment: true, impairmentDetail: 'Dementia', ...stage2 })).toEqual([
      'inabilityBecauseOfImpairment',
    ]);
    expect(
      parse({
        impairment: true,
        impairmentDetail: 'Dementia',
        ...stage2,
        inabilityBecauseOfImpairment: true,
      }),
    ).toEqual(['bestInterests']);
    expect(
      parse({
        impairment: true,
        impairmentDetail: 'Dementia',
        ...stage2,
        inabilityBecauseOfImpairment: true,
        bestInterests,
      }),
    ).toEqual([]);
    expect(parse({ impairment: false, bestInterests })).toEqual(['bestInterests']);
  });
});
