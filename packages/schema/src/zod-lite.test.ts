// zod-lite gives what real zod gives, on every schema this package exports (the widgets' bundles run
// these schemas on zod-lite, the gateway on zod). Runs once, on real zod: see vitest.config.ts.
import { describe, expect, it } from 'vitest';
import * as zod from 'zod';
import * as real from './index.js';
import * as zodLite from './zod-lite.js';

/** The same modules again, with `zod` resolved to zod-lite (the `?zod-lite` copy in vitest.config.ts). */
const LITE = '?zod-lite';
const lite = (await import('./index.js' + LITE)) as typeof real;

type Exports = typeof real;
type Parseable = { safeParse(input: unknown): unknown };

/** What a parse gives, in full: `parseWith`'s answer and every issue zod raised, or what it threw. */
function outcome(exports: Exports, schema: Parseable, input: unknown) {
  try {
    const parsed = exports.parseWith(schema as zod.ZodType, input);
    const result = schema.safeParse(input) as zod.ZodSafeParseResult<unknown>;
    const issues = result.success
      ? []
      : result.error.issues.map(({ path, code, message }) => ({ path, code, message }));
    return { parsed, issues };
  } catch (error) {
    return { threw: String(error) };
  }
}

const isSchema = (value: unknown): value is Parseable =>
  typeof value === 'object' && value !== null && '_zod' in value;

const UUIDS = ['1b4e28ba-2fa1-41d2-883f-0e1bd5e1a0c1', '6fa459ea-ee8a-4ca4-894e-db77e160355e'] as const;
const [A, B] = UUIDS;
const today = real.isoDateOf();
const hoursAgo = (hours: number) => new Date(Date.now() - hours * 3_600_000).toISOString();
const inAMonth = real.addMonths(today, 1);

/**
 * Values every key of every sample (and every whole input) is also tried with: wrong types, blank and
 * padded text, every length limit and one past it, characters outside the BMP (two UTF-16 units each,
 * one character to zod), numbers at and past the limits, malformed ids, dates and times, lists with
 * repeats, and the first and last value of every list the package exports.
 */
const enumValues = Object.values(real).flatMap((value) =>
  Array.isArray(value) && typeof value[0] === 'string' ? [value[0], value.at(-1)] : [],
);
const ODD_VALUES: unknown[] = [
  undefined,
  null,
  true,
  false,
  0,
  1,
  1.5,
  -1,
  2,
  14,
  15,
  20,
  21,
  36,
  37,
  90,
  91,
  240,
  241,
  2 ** 53,
  -(2 ** 53),
  NaN,
  Infinity,
  '60',
  '',
  '   ',
  '  padded  ',
  'x',
  'NOT_AN_OPTION',
  ...[
    10, 11, 40, 41, 50, 51, 100, 101, 200, 201, 254, 255, 500, 501, 1000, 1001, 2000, 2001, 10_000, 10_001,
  ].map((length) => 'x'.repeat(length)),
  `  ${'x'.repeat(500)}  `,
  '😀'.repeat(300),
  '😀'.repeat(501),
  ...UUIDS,
  A.toUpperCase(),
  '00000000-0000-0000-0000-000000000000',
  'not-a-uuid',
  'a'.repeat(16),
  'a'.repeat(15),
  'RV1 2AB',
  'rv12ab',
  '01632 960 001',
  'name@example.com',
  today,
  inAMonth,
  real.addMonths(today, 13),
  '2024-02-29',
  '2026-02-29',
  '2026-13-01',
  '2026-3-1',
  '2020-05-01T10:00:00Z',
  '2020-05-01T10:00:00.123+01:00',
  '2020-05-01T10:00',
  '2020-05-01T25:00:00Z',
  hoursAgo(-2),
  hoursAgo(2),
  '0000-01-01',
  '0001-01-01',
  '9999-12-31',
  '0000-06-01T12:00:00Z',
  '0001-01-01T00:30:00+01:00',
  'a\u0000b',
  '\uD800',
  'x\uDC00y',
  '😀\uD83D',
  new Date(0),
  new Date(NaN),
  new Date(real.DATE_RANGE.earliest - 1),
  new Date(8.64e15),
  [],
  [1],
  [''],
  ['x', 'x'],
  [A],
  [A, A],
  [A, B],
  Array(21).fill(A),
  ['NEGLECT', 'FINANCIAL'],
  ['NEGLECT', 'NEGLECT'],
  {},
  { status: 'GIVEN' },
  ...enumValues,
];

/** A sample, and the sample with each key (at any depth) left out or set to each odd value. */
function* variants(sample: unknown): Generator<unknown> {
  yield sample;
  if (typeof sample !== 'object' || sample === null || Array.isArray(sample) || sample instanceof Date)
    return;
  const record = sample as Record<string, unknown>;
  yield { ...record, notInTheSchema: 'dropped' };
  for (const key of Object.keys(record)) {
    const { [key]: _left, ...without } = record;
    yield without;
    for (const value of ODD_VALUES) yield { ...record, [key]: value };
    for (const inner of variants(record[key])) if (inner !== record[key]) yield { ...record, [key]: inner };
  }
}

/** Samples for each exported schema: valid ones, and ones that break a rule the variants would not. */
/** 24 DASH answers, the first `yes` of them YES. */
const dashAnswers = (yes: number) =>
  Array.from({ length: 24 }, (_, i) => (i < yes ? { answer: 'YES', notes: 'Said so' } : { answer: 'NO' }));
const capacityNoImpairment = {
  decision: 'Whether to accept a care package',
  assessedOn: today,
  assessorName: 'Sam Lee',
  assessorRole: 'Social worker, Northshire Adult Social Care',
  practicableSteps: 'Easy-read leaflet, a quiet room, her daughter present',
  impairment: false,
  reasons: 'Understood and weighed the options, and said what she wanted.',
};
const capacityLacking = {
  ...capacityNoImpairment,
  impairment: true,
  impairmentDetail: 'Advanced dementia',
  canUnderstand: true,
  canRetain: false,
  canUseOrWeigh: false,
  canCommunicate: true,
  inabilityBecauseOfImpairment: true,
  bestInterests: {
    decision: 'Accept the care package',
    decidedBy: 'Sam Lee',
    decidedOn: today,
    consulted: 'Her daughter and her GP',
    personsWishes: 'To stay in her own home',
  },
};

const SAMPLES: Record<string, unknown[]> = {
  feedbackInputSchema: [
    { ratings: [{ principle: 'EMPOWERMENT', score: 5 }], anonymous: true, language: 'en' },
    {
      ratings: [
        { principle: 'PREVENTION', score: 1 },
        { principle: 'PARTNERSHIP', score: 3 },
      ],
      comment: '  Kind and quick  ',
      anonymous: false,
      name: 'Alex Morgan',
      phone: '01632 960 001',
      email: 'alex@example.com',
      language: 'cy',
      channel: 'PHONE',
      link: `fb_${'a'.repeat(43)}`,
    },
    { comment: 'Only a comment', anonymous: true, name: 'Dropped', phone: 'x', language: 'en' },
    { ratings: [], anonymous: false, language: 'en' },
    {
      ratings: [
        { principle: 'PROTECTION', score: 6 },
        { principle: 'PROTECTION', score: 2.5 },
      ],
      anonymous: true,
      language: 'fr',
      link: 'fb_short',
    },
  ],
  feedbackLinkRequestSchema: [{}, { validDays: 1 }, { validDays: 90 }, { validDays: 91 }, { validDays: 0 }],
  feedbackPeriodSchema: [
    {},
    { from: '2026-01-01', to: '2026-03-31' },
    { from: '2026-04-01', to: '2026-03-31' },
  ],
  youSaidWeDidInputSchema: [
    { youSaid: 'Letters were hard to read', weDid: 'Plain English letters', principle: 'PREVENTION' },
    { youSaid: '  ', weDid: 'x' },
  ],
  selfAssessmentQuestionIdSchema: ['1a', '10', '11', '2d'],
  selfAssessmentAnswerInputSchema: [
    { questionId: '1a', status: 'YES' },
    { questionId: '2c', status: 'IN_PROGRESS', evidence: '  Audit booked  ', basedOn: A },
    { questionId: '9', status: 'MAYBE', basedOn: 'not-a-uuid' },
  ],
  selfAssessmentAsAtSchema: [{}, { asAt: '2026-03-31' }, { asAt: '2026-02-30' }],
  selfAssessmentRoundInputSchema: [{ name: '2026/27' }, { name: '  ' }, { name: 'x'.repeat(41) }, {}],
  reportPeriodSchema: [
    { from: '2020-04-01', to: '2021-03-31' },
    { from: '2020-04-01', to: '2021-03-31', localAuthorityArea: ' Stockport ', teamId: A, shared: true },
    { from: '2021-03-31', to: '2020-04-01' },
    { from: '2020-02-30', to: '2020-03-01' },
    { from: '2099-01-01', to: '2099-02-01' },
    { from: '2010-01-01', to: '2020-01-01' },
    { from: '2020-04-01', to: '2021-03-31', teamId: 'not-a-uuid', shared: 'yes' },
    {},
  ],
  teamNameSchema: [{ name: 'Lettings' }, { name: '' }, { name: 'x'.repeat(121) }, {}],
  selfAssessmentComparisonSchema: [
    { earlier: '2026-01-01' },
    { earlier: '2026-01-01', later: '2026-03-31' },
    { earlier: '2026-04-01', later: '2026-03-31' },
    { earlier: '2999-01-01' },
  ],
  raiseConcernInputSchema: [
    {
      urgency: 'ROUTINE',
      subjectDescription: 'Tenant, flat 3',
      location: '3 Elm Row',
      whatHappened: 'Bruising on both arms',
      personViews: { status: 'ASKED_NONE_EXPRESSED' },
      consent: { status: 'GIVEN' },
    },
    {
      urgency: 'URGENT',
      categories: ['NEGLECT', 'FINANCIAL'],
      primaryCategory: 'FINANCIAL',
      subjectDescription: '  Tenant  ',
      location: '3 Elm Row',
      whatHappened: 'Bruising',
      happenedAt: hoursAgo(3),
      actionsTaken: 'Called the lead',
      personViews: { status: 'ASKED_EXPRESSED', views: 'Wants help' },
      consent: { status: 'NOT_SOUGHT', reason: 'Not safe to ask' },
      mentalCapacityConcern: true,
      childrenPresent: 'YES',
      othersAtRisk: 'Neighbours',
      subjectIds: [A],
      allegedSourceIds: [B],
      householdId: A,
      namedPeople: [
        { name: 'Jayden', role: 'SUBJECT', dateOfBirth: '2012-05-01', description: 'About 14' },
        { name: 'Man in a van', role: 'ALLEGED_SOURCE' },
      ],
      locationOfRisk: 'OWN_HOME',
      sourceOfRisk: 'KNOWN_TO_INDIVIDUAL',
    },
    {
      urgency: 'LOW_LEVEL',
      categories: ['NEGLECT'],
      primaryCategory: 'FINANCIAL',
      subjectDescription: 'Tenant',
      location: 'Here',
      whatHappened: 'It',
      personViews: { status: 'NOT_ASKED', notAskedReason: '   ' },
      consent: { status: 'LACKS_CAPACITY' },
      subjectIds: [A, B],
      allegedSourceIds: [B],
      namedPeople: [
        { name: ' ', role: 'SUBJECT' },
        { name: 'X', role: 'WITNESS' },
      ],
    },
  ],
  publicConcernInputSchema: [
    {
      urgency: 'ROUTINE',
      aboutSelf: false,
      subjectDescription: 'My neighbour',
      location: '3 Elm Row',
      whatHappened: 'Shouting',
      views: 'Dropped: not about me',
      consent: 'GIVEN',
      contact: { name: '  ', phone: '', email: '' },
    },
    {
      urgency: 'URGENT',
      aboutSelf: true,
      subjectDescription: 'Me',
      location: 'Home',
      whatHappened: 'Threats',
      happenedAt: hoursAgo(1),
      childrenPresent: 'NO',
      views: 'I want it to stop',
      consent: 'REFUSED',
      contact: { name: 'Sam', phone: '+44 7700 900 982', email: 'sam@example.com' },
    },
    { urgency: 'ROUTINE', aboutSelf: true, subjectDescription: 'Me', location: 'Home', whatHappened: 'It' },
    { aboutSelf: 'yes', contact: { phone: 'call me', email: 'sam@' } },
  ],
  personViewsSchema: [
    { status: 'ASKED_EXPRESSED', views: 'Wants help' },
    { status: 'ASKED_EXPRESSED', views: ' ' },
    { status: 'NOT_ASKED' },
  ],
  consentSchema: [
    { status: 'REFUSED', reason: 'No' },
    { status: 'NOT_SOUGHT' },
    { status: 'LACKS_CAPACITY' },
  ],
  happenedAtSchema: [hoursAgo(1), hoursAgo(-1)],
  idempotencyKeySchema: ['concern-key-0001', 'short', 'has spaces in it, many'],
  subjectsApartFromSources: [
    { subjectIds: [A], allegedSourceIds: [B] },
    { subjectIds: [A], allegedSourceIds: [A] },
  ],
  breakGlassInputSchema: [
    { subjectType: 'Person', subjectId: A, reason: 'Police at the door asking about her' },
    { subjectType: 'Household', subjectId: A, reason: 'Too short', minutes: 241 },
  ],
  grantAccessInputSchema: [
    { userId: A, subjectType: 'Person', subjectId: B, reason: 'Covering for her manager', days: 90 },
    { userId: A, subjectType: 'Person', subjectId: B, reason: 'Covering for her manager', days: 0 },
  ],
  auditFilterSchema: [
    {},
    {
      actions: ['READ', 'GRANT'],
      entityType: 'Person',
      entityId: A,
      actorUserId: B,
      requestId: 'req-1',
      from: new Date('2026-01-01'),
      to: new Date('2026-02-01'),
    },
    { from: new Date('2026-02-01'), to: new Date('2026-01-01'), actions: Array(8).fill('READ') },
  ],
  chronologyFilterSchema: [
    {},
    { kinds: ['CONCERN_RAISED'], from: '2026-01-01', to: '2026-02-01', pinnedOnly: true, newestFirst: true },
    { from: '2026-02-01', to: '2026-01-01' },
  ],
  householdInputSchema: [
    {
      tenancyReference: 'T-1',
      addressLine1: '3 Elm Row',
      addressLine2: ' ',
      town: 'Riverton',
      postcode: 'rv1 2ab',
      localAuthorityArea: 'Riverton',
      tenure: 'SOCIAL_RENT',
    },
    {
      tenancyReference: 'T-1',
      addressLine1: 'x',
      postcode: 'RV12AB',
      localAuthorityArea: 'x',
      tenure: 'OTHER',
    },
    {
      tenancyReference: 'T-1',
      addressLine1: 'x',
      postcode: 'NOPE',
      localAuthorityArea: 'x',
      tenure: 'OTHER',
    },
  ],
  householdMemberInputSchema: [{ personId: A, role: 'LODGER', joinedOn: '2020-05-01' }],
  leaveHouseholdInputSchema: [{ leftOn: today }, { leftOn: inAMonth }],
  assignmentInputSchema: [
    {
      userId: A,
      householdId: B,
      from: '2026-01-01',
      until: '2026-02-01',
      reason: 'REPAIR_JOB',
      note: 'Boiler',
    },
    { userId: A, householdId: B, from: '2026-02-01', until: '2026-01-01', reason: 'OTHER' },
  ],
  searchQuerySchema: ['Elm Row', ' a ', 'ab'],
  personInputSchema: [
    { givenName: 'Ada', familyName: 'Lovelace' },
    {
      givenName: 'Ada',
      familyName: 'Lovelace',
      otherNames: ['Augusta', 'Byron'],
      dateOfBirth: '1990-12-10',
      pronouns: 'she/her',
      preferredLanguage: 'Welsh',
      communicationNeeds: 'Large print',
      interpreterNeeded: true,
      vulnerabilityFactors: ['CARER', 'OLDER_FRAIL'],
      advocate: 'Her sister',
    },
    { givenName: 'Ada', familyName: 'L', interpreterNeeded: true, otherNames: ['A', 'A', ' '] },
    {
      givenName: 'Ada',
      familyName: 'L',
      otherNames: Array(11).fill('A'),
      vulnerabilityFactors: ['CARER', 'CARER'],
    },
  ],
  createPersonInputSchema: [
    { person: { givenName: 'Ada', familyName: 'Lovelace' } },
    {
      person: { givenName: 'Ada', familyName: 'Lovelace' },
      household: { householdId: A, role: 'OCCUPANT', joinedOn: '2021-01-01' },
    },
  ],
  relationshipInputSchema: [
    { personId: A, relatedPersonId: B, type: 'PARENT_OF', note: 'Mother' },
    { personId: A, relatedPersonId: A, type: 'PARENT_OF' },
  ],
  namedPersonSchema: [
    { name: 'Jayden, about 14', role: 'SUBJECT' },
    { name: '  Deano  ', role: 'ALLEGED_SOURCE', dateOfBirth: '1990-03-03', description: '  ' },
    { name: '', role: 'SUBJECT', dateOfBirth: '2999-01-01' },
    { name: 'Baby', role: 'CHILD', dateOfBirth: '2025-02-30', description: 'x'.repeat(501) },
    { role: 'SUBJECT' },
  ],
  reasonSchema: [{ reason: 'Duplicate record' }],
  casePersonInputSchema: [{ personId: A }, { personId: 'someone' }],
  casePersonRemovalSchema: [
    { personId: A, reason: '  Moved away  ' },
    { personId: A, reason: ' ' },
  ],
  caseLeadWorkerSchema: [{ leadWorkerId: B }, {}],
  mergePeopleInputSchema: [
    { survivorId: A, mergedId: B, reason: 'Same date of birth and address' },
    { survivorId: A, mergedId: A, reason: 'Same' },
  ],
  referConcernInputSchema: [
    {
      concernId: A,
      recipientOrganisationId: B,
      reason: 'Needs social care',
      legalBasis: 'CONSENT',
      summary: 'What they need to know',
    },
    {
      concernId: A,
      recipientOrganisationId: B,
      reason: 'Risk to a child',
      legalBasis: 'RISK_TO_CHILD',
      legalBasisReason: 'Child at risk of harm',
      summary: 'Summary',
      includeWhatWasReported: true,
    },
    { concernId: A, recipientOrganisationId: B, reason: 'x', legalBasis: 'VITAL_INTERESTS', summary: 'x' },
  ],
  triageInputSchema: [
    {
      decision: 'REFER',
      riskLevel: 'HIGH',
      reason: 'Serious',
      riskChangeReason: 'New information',
      expectedVersion: 3,
    },
    { decision: 'MONITOR_LOW_LEVEL', riskLevel: 'LOW', reason: 'Low level', expectedVersion: 0 },
    {
      decision: 'REFER',
      riskLevel: 'MEDIUM',
      reason: 'Needs an assessment',
      referral: { recipientOrganisationId: B, legalBasis: 'CONSENT' },
    },
    { decision: 'REFER', riskLevel: 'MEDIUM', reason: 'Needs an assessment' },
    {
      decision: 'OPEN_CASE',
      riskLevel: 'LOW',
      reason: 'Ours',
      referral: { recipientOrganisationId: B, legalBasis: 'CONSENT' },
    },
    {
      decision: 'REFER',
      riskLevel: 'HIGH',
      reason: 'Risk to a child',
      referral: { recipientOrganisationId: 'nope', legalBasis: 'RISK_TO_CHILD', summary: '  ' },
    },
    {
      decision: 'OPEN_CASE',
      riskLevel: 'HIGH',
      reason: 'Weeks of work',
      case: {
        leadWorkerId: A,
        reviewEveryWeeks: 2,
        desiredOutcomes: { status: 'NOT_ASKED', notAskedReason: 'Asleep' },
      },
    },
    { decision: 'NO_FURTHER_ACTION', riskLevel: 'LOW', reason: 'None', case: {} },
    {
      decision: 'OPEN_CASE',
      riskLevel: 'LOW',
      reason: 'x',
      case: { leadWorkerId: 'me', reviewEveryWeeks: 27 },
    },
  ],
  maracReferralInputSchema: [
    { checklistId: A, version: 1, recipientOrganisationId: B, legalBasis: 'CONSENT' },
    {
      checklistId: A,
      version: 2,
      recipientOrganisationId: B,
      legalBasis: 'RISK_TO_ADULT',
      legalBasisReason: 'High risk of serious harm',
      reason: '  Visible high risk  ',
      summary: 'What the MARAC needs to know',
      includeNotes: true,
    },
    { checklistId: A, version: 0, recipientOrganisationId: B, legalBasis: 'RISK_TO_ADULT' },
  ],
  dashAnswerSchema: [{ answer: 'YES', notes: '  Bruising  ' }, { answer: 'NOT_KNOWN' }, { answer: 'MAYBE' }],
  dashChecklistInputSchema: [
    { concernId: A, personId: B, assessedOn: today, answers: dashAnswers(14) },
    { caseId: A, personId: B, assessedOn: today, answers: dashAnswers(3) },
    { personId: B, assessedOn: today, answers: dashAnswers(3) },
    { concernId: A, caseId: B, personId: B, assessedOn: today, answers: dashAnswers(3) },
    {
      concernId: A,
      personId: B,
      assessedOn: today,
      answers: dashAnswers(3),
      professionalJudgement: true,
      professionalJudgementReason: 'Threats to the children',
      policeCallouts: [today, '2026-01-02'],
    },
    {
      concernId: A,
      personId: B,
      assessedOn: inAMonth,
      answers: dashAnswers(3).slice(1),
      professionalJudgement: true,
    },
    { concernId: A, personId: B, assessedOn: today, answers: dashAnswers(1), policeCallouts: [today, today] },
  ],
  dashChecklistUpdateSchema: [
    { assessedOn: today, answers: dashAnswers(10) },
    { assessedOn: today, answers: dashAnswers(24), professionalJudgement: true },
  ],
  bestInterestsSchema: [
    {
      decision: 'Move to extra care',
      decidedBy: 'Social worker',
      decidedOn: today,
      consulted: 'Daughter',
      personsWishes: 'Stay near the park',
    },
    { decision: ' ', decidedBy: 'x', decidedOn: inAMonth },
  ],
  capacityAssessmentInputSchema: [
    { concernId: A, personId: B, ...capacityNoImpairment },
    { caseId: A, personId: B, ...capacityNoImpairment },
    { concernId: A, caseId: A, personId: B, ...capacityNoImpairment },
    { concernId: A, personId: B, ...capacityLacking },
    { concernId: A, personId: B, ...capacityNoImpairment, bestInterests: capacityLacking.bestInterests },
  ],
  capacityAssessmentUpdateSchema: [
    capacityNoImpairment,
    { ...capacityLacking, inabilityBecauseOfImpairment: undefined },
  ],
  triageReferralInputSchema: [
    { recipientOrganisationId: B, legalBasis: 'CONSENT' },
    {
      recipientOrganisationId: B,
      legalBasis: 'RISK_TO_ADULT',
      legalBasisReason: 'Serious risk of harm',
      summary: '  What they need to know  ',
      includeWhatWasReported: true,
    },
    { recipientOrganisationId: B, legalBasis: 'RISK_TO_ADULT' },
    { legalBasis: 'MADE_UP' },
  ],
  sentReferralsFilterSchema: [
    {},
    {
      status: ['SENT', 'ACKNOWLEDGED'],
      overdue: true,
      sentFrom: '2026-01-01',
      sentTo: '2026-03-31',
      agencyId: A,
    },
    { sentFrom: '2026-04-01', sentTo: '2026-03-31' },
    { sentFrom: '2026-02-30' },
    { status: [] },
    { status: ['SENT', 'MADE_UP'] },
    { status: ['SENT', 'SENT'] },
    { agencyId: 'not-an-id' },
  ],
  receivedReferralsFilterSchema: [
    {},
    { status: ['CLOSED'], overdue: false, sentFrom: '2026-03-31', sentTo: '2026-03-31', senderId: B },
    { sentFrom: '9999-12-31', sentTo: '0001-01-01' },
    { sentTo: '10000-01-01' },
    { senderId: 'x' },
  ],
  cumulativeRuleInputSchema: [{ threshold: 3, windowMonths: 12 }],
  referralMoveInputSchema: [
    { referralId: A, version: 1 },
    { referralId: A, version: 7 },
    { referralId: A, version: 0 },
    { referralId: A, version: 1.5 },
    { referralId: 'not-a-uuid', version: 1 },
    { referralId: A },
  ],
  referralReasonInputSchema: [
    { referralId: A, version: 2, reason: 'Not for us: adult with capacity declining support' },
    { referralId: A, version: 2, reason: '   ' },
    { referralId: A, version: 2, reason: 'x'.repeat(100_000) },
    { referralId: A, version: 2 },
  ],
  closeReferralInputSchema: [
    { referralId: A, version: 3, outcome: 'SERVICES_PROVIDED' },
    { referralId: A, version: 3, outcome: 'OTHER', outcomeDetail: 'Joint visit with the housing officer' },
    { referralId: A, version: 3, outcome: 'OTHER' },
    { referralId: A, version: 3, outcome: 'OTHER', outcomeDetail: '  ' },
    { referralId: A, version: 3, outcome: 'MADE_UP' },
    { referralId: A, version: 3 },
  ],
  referralMessageInputSchema: [
    { referralId: A, body: 'Can you tell us whether the children attend school?' },
    { referralId: A, body: '' },
    { referralId: A, body: '   ' },
    { referralId: B },
  ],
  responsePolicyInputSchema: [
    { agencyType: 'MASH', workingDays: 1 },
    { agencyType: 'OTHER', workingDays: 0 },
    { agencyType: 'POLICE', workingDays: 31 },
    { agencyType: 'NOPE', workingDays: 1.5 },
  ],
  warningToldSchema: [{ status: 'TOLD', how: 'In person' }, { status: 'TOLD' }, { status: 'NOT_TOLD' }],
  warningInputSchema: [
    {
      personId: A,
      type: 'RISK_TO_STAFF',
      description: 'Visit in pairs',
      reviewDate: inAMonth,
      told: { status: 'NOT_TOLD', whyNot: 'Would raise the risk' },
    },
    {
      personId: A,
      householdId: B,
      type: 'MARAC_CASE',
      description: 'x',
      reviewDate: today,
      told: { status: 'TOLD', how: 'Letter' },
    },
    { type: 'MARAC_CASE', description: 'x', reviewDate: real.addMonths(today, 13), told: { status: 'TOLD' } },
  ],
  triageCaseInputSchema: [
    {},
    { leadWorkerId: A, reviewEveryWeeks: 26, desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'Stay' } },
    { reviewEveryWeeks: 0, desiredOutcomes: { status: 'ASKED_EXPRESSED' } },
  ],
  openCaseInputSchema: [
    { personIds: [A], desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' } },
    { concernIds: [A, B], householdId: B, desiredOutcomes: { status: 'NOT_ASKED', notAskedReason: 'Away' } },
    { desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' } },
    { personIds: [A, A], concernIds: [], desiredOutcomes: { status: 'NOT_ASKED' } },
    { personIds: [A] },
  ],
  caseActionInputSchema: [
    { what: 'Visit', who: 'Jo', dueOn: today },
    { what: '  ', who: 'Jo', dueOn: '2000-01-01' },
    { what: 'Visit', who: '', dueOn: '2026-02-30' },
  ],
  caseActionUpdateSchema: [
    { what: 'Visit', who: 'Jo', dueOn: '2000-01-01', status: 'DONE' },
    { what: 'Visit', who: 'Jo', dueOn: today, status: 'FINISHED' },
  ],
  caseNoteInputSchema: [
    { type: 'HOME_VISIT', occurredAt: new Date(Date.now() - 3_600_000), body: 'Saw her', present: 'Ivy' },
    { type: 'CALL', occurredAt: new Date(Date.now() + 3_600_000_000), body: ' ' },
    { type: 'GOSSIP', occurredAt: hoursAgo(1), body: 'x' },
  ],
  caseReviewInputSchema: [
    { summary: 'Fine', desiredOutcomesChanged: false },
    {
      summary: 'Fine',
      desiredOutcomesChanged: true,
      desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'Home' },
    },
    { summary: 'Fine', desiredOutcomesChanged: true },
    { summary: '', desiredOutcomesChanged: 'no' },
  ],
  caseReviewSignOffSchema: [{}, { comment: 'Agreed' }, { comment: 5 }],
  caseClosureSchema: [
    { outcomesAsked: true, outcomesAchieved: 'FULLY', riskOutcome: 'REMOVED', personView: 'Good' },
    { outcomesAsked: false, outcomesNotAskedReason: 'Lacked capacity', riskOutcome: 'REMAINS' },
    { outcomesAsked: true, riskOutcome: 'REDUCED' },
    { outcomesAsked: false, outcomesAchieved: 'PARTIALLY', riskOutcome: 'GONE' },
  ],
  caseReviewPolicyInputSchema: [{ reviewEveryWeeks: 4 }, { reviewEveryWeeks: 27 }, { reviewEveryWeeks: 1.5 }],
  caseListFilterSchema: [
    {},
    { status: 'OPEN', personId: A, householdId: B, leadWorkerId: A },
    { status: 'SHUT' },
  ],
  warningUpdateSchema: [
    {
      type: 'PROTECTION_ORDER',
      description: 'Order in place',
      reviewDate: inAMonth,
      told: { status: 'TOLD', how: 'Phone' },
    },
  ],
};

/** Exported functions that build schemas: the arguments to build them with, and samples. */
const FACTORIES: Record<string, { args: unknown[][]; samples: unknown[] }> = {
  text: {
    args: [
      [5, 'Enter it'],
      [500, 'Enter the place'],
    ],
    samples: ['  ok  ', 'toolong'],
  },
  optionalText: { args: [[5], [2_000]], samples: ['  ok  ', 'toolong'] },
  isoDate: { args: [[], ['Enter the date']], samples: ['2026-03-31', '2026-02-30'] },
  moment: { args: [[], ['Enter the time']], samples: [new Date(0), new Date(-62167219200000)] },
  storable: { args: [[]], samples: ['ok', 'not\u0000ok'] },
  pastDate: { args: [['Must be today or earlier']], samples: [today, inAMonth] },
  reviewDateSchema: { args: [[]], samples: [inAMonth, today] },
  optionalPhone: { args: [[]], samples: ['01632 960 001', '  +44 7700 900 982 ', 'call me', ''] },
  optionalEmail: { args: [[]], samples: ['name@example.com', 'name@', ' '] },
  endNotBefore: {
    args: [['sentFrom', 'sentTo']],
    samples: [
      {},
      { sentFrom: '2026-01-01', sentTo: '2026-01-01' },
      { sentFrom: '2026-02-01', sentTo: '2026-01-01' },
    ],
  },
  endNotBeforeStart: {
    args: [[]],
    samples: [{}, { from: '2026-01-01', to: '2026-01-01' }, { from: '2026-02-01', to: '2026-01-01' }],
  },
  onConcernOrCase: {
    args: [[]],
    samples: [{ concernId: A }, { caseId: B }, {}, { concernId: A, caseId: B }],
  },
  noRepeats: {
    args: [['Give each once']],
    samples: [
      ['a', 'b'],
      ['a', 'a'],
    ],
  },
};

/** Exported functions that do not build schemas. */
const NOT_SCHEMAS = [
  'reportingGroupOf',
  'selfAssessmentMovement',
  // Builds a shape (two fields), tried through dashChecklistInputSchema and capacityAssessmentInputSchema.
  'concernOrCaseFields',
  'dashLevel',
  'dashScore',
  'dashWindowStart',
  'lacksCapacity',
  'maracCriteria',
  'addMonths',
  'ageOn',
  'fieldErrors',
  'hasUnstorableCharacter',
  'inDateRange',
  'isChildOn',
  'isoDateOf',
  'londonDateOf',
  'parseWith',
];

/** Exported records of schemas, to be spread into an object (`concernLinksShape`). */
const isShape = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !isSchema(value) && Object.values(value).some(isSchema);

/** Every input tried on a schema: each sample's variants, and every odd value as the whole input. */
const inputsFor = (samples: unknown[]) => [
  ...samples.flatMap((sample) => [...variants(sample)]),
  ...ODD_VALUES,
];

/** Deep equality as toStrictEqual sees it for these values (an undefined key is not a missing one). */
function same(a: unknown, b: unknown): boolean {
  if (Object.is(a, b)) return true;
  if (a instanceof Date || b instanceof Date) {
    return a instanceof Date && b instanceof Date && Object.is(a.getTime(), b.getTime());
  }
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b) || Object.getPrototypeOf(a) !== Object.getPrototypeOf(b))
    return false;
  const keys = Object.keys(a);
  return (
    keys.length === Object.keys(b).length &&
    keys.every(
      (key) => key in b && same((a as Record<string, unknown>)[key], (b as Record<string, unknown>)[key]),
    )
  );
}

/** Parses every input with both; returns how many passed and failed on real zod. */
function expectSame(name: string, realSchema: Parseable, liteSchema: Parseable, samples: unknown[]) {
  let passed = 0;
  let failed = 0;
  for (const input of inputsFor(samples)) {
    const expected = outcome(real, realSchema, input);
    const actual = outcome(lite, liteSchema, input);
    // expect() for each of thousands of inputs is slow: it is called for the first difference only.
    if (!same(actual, expected)) {
      expect(actual, `${name} on ${describeInput(input)}`).toStrictEqual(expected);
    }
    if (expected.parsed?.ok) passed++;
    else failed++;
  }
  return { passed, failed };
}

const describeInput = (input: unknown) =>
  input instanceof Date
    ? `Date(${input.getTime()})`
    : (JSON.stringify(input)?.slice(0, 300) ?? String(input));

describe('zod-lite parses every exported schema as zod does', () => {
  const names = Object.keys(real) as (keyof Exports)[];

  it('has the same exports in its copy', () => {
    expect(Object.keys(lite)).toEqual(names);
  });

  for (const name of names.filter((name) => isSchema(real[name]))) {
    it(name, () => {
      const samples = SAMPLES[name];
      expect(samples, `give ${name} samples in SAMPLES`).toBeDefined();
      const { passed, failed } = expectSame(name, real[name] as Parseable, lite[name] as Parseable, samples!);
      expect(passed, `${name}: some sample must be valid`).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
    });
  }

  for (const name of names.filter(
    (name) => typeof real[name] === 'function' && !NOT_SCHEMAS.includes(name),
  )) {
    it(`${name}(…)`, () => {
      const factory = FACTORIES[name];
      expect(factory, `say in FACTORIES or NOT_SCHEMAS whether ${name} builds a schema`).toBeDefined();
      for (const args of factory!.args) {
        const build = (exports: Exports) => (exports[name] as (...args: unknown[]) => Parseable)(...args);
        expectSame(`${name}(${args.join(', ')})`, build(real), build(lite), factory!.samples);
      }
    });
  }

  for (const name of names.filter((name) => isShape(real[name]))) {
    it(`z.object(${name})`, () => {
      const realShape = real[name] as Record<string, zod.ZodType>;
      const liteShape = lite[name] as unknown as Record<string, zodLite.Schema>;
      const samples = [
        {},
        Object.fromEntries(Object.keys(realShape).map((key) => [key, undefined])),
        ...(SAMPLES.raiseConcernInputSchema ?? []),
      ];
      const { passed, failed } = expectSame(name, zod.object(realShape), zodLite.object(liteShape), samples);
      expect(passed).toBeGreaterThan(0);
      expect(failed).toBeGreaterThan(0);
    });
  }
});

/**
 * The functions on their own, in ways the schemas above do not (yet) use them, so a new schema
 * cannot meet a difference they hide.
 */
describe('zod-lite’s functions behave as zod’s', () => {
  type Z = typeof zodLite;
  const cases: Record<string, [(z: Z) => Parseable, unknown[]]> = {
    'an enum of one value': [(z) => z.enum(['ONLY']), ['ONLY', 'OTHER', 1]],
    'a number, with limits and no messages': [
      (z) => z.number().check(z.gte(1), z.lte(3)),
      [0, 1, 3, 4, 1.5, NaN, -Infinity, '2', null],
    ],
    'a whole number with a message for each limit': [
      (z) => z.int({ error: 'Whole' }).check(z.gte(1, { error: 'One or more' }), z.lte(3)),
      [0, 2, 4, 2.5, 2 ** 60, -(2 ** 60), '2'],
    ],
    'an optional default': [
      (z) =>
        z.object({ a: z.optional(z._default(z.string(), 'fallback')), b: z._default(z.array(z.int()), []) }),
      [{}, { a: undefined }, { a: 'given' }, { a: 1 }, { b: [1.5, 'x'] }, { b: undefined }],
    ],
    'a key whose schema takes undefined but is not optional': [
      (z) => z.object({ a: z.refine((value: unknown) => value !== 'no') }),
      [{}, { a: undefined }, { a: 'no' }, { a: 'yes' }],
    ],
    'lengths counted in characters, and lists': [
      (z) =>
        z.object({
          s: z.string().check(z.minLength(2), z.maxLength(3)),
          l: z.array(z.string()).check(z.minLength(1)),
        }),
      [
        { s: '😀😀', l: ['a'] },
        { s: '😀', l: [] },
        { s: '😀😀😀😀', l: [1] },
        { s: ['a'], l: 'ab' },
      ],
    ],
    'a regex and a pipe of transforms': [
      (z) =>
        z.pipe(
          z.string().check(z.trim(), z.regex(/^[a-z]+$/)),
          z.transform((value: string) => value.toUpperCase()),
        ),
      [' abc ', 'ABC', '', 3],
    ],
    'checks on a pipe whose first part failed': [
      (z) =>
        z
          .pipe(
            z.string(),
            z.transform((value: string) => value),
          )
          .check(
            z.refine((value: unknown) => value !== 'no'),
            z.maxLength(3),
          ),
      ['abc', 'no', 'abcd', ['a', 'b', 'c', 'd'], 1],
    ],
    'a superRefine without a message, under an object with one': [
      (z) =>
        z.object({ n: z.int() }, { error: 'The object’s own' }).check(
          z.superRefine((value: { n: number }, ctx) => {
            if (value.n > 1) ctx.addIssue({ code: 'custom', path: ['n'] });
          }),
        ),
      [{ n: 1 }, { n: 2 }, { n: 'x' }, null, []],
    ],
    'a refine on a string with the string’s message': [
      (z) => z.string({ error: 'The string’s' }).check(z.refine((value: string) => value.length > 1)),
      ['ab', 'a', 1],
    ],
    dates: [(z) => z.date(), [new Date(0), new Date(NaN), '2026-01-01', 0]],
    'date-times with and without offsets': [
      (z) =>
        z.object({ utc: z.optional(z.iso.datetime()), any: z.optional(z.iso.datetime({ offset: true })) }),
      [
        { utc: '2026-01-01T10:00:00Z' },
        { utc: '2026-01-01T10:00:00+01:00' },
        { any: '2026-01-01T10:00:00+01:00' },
      ],
    ],
    'formats without messages': [
      (z) => z.object({ id: z.optional(z.uuid()), day: z.optional(z.iso.date()) }),
      [{ id: 'x' }, { day: 'x' }, { id: A, day: '2026-01-01' }],
    ],
  };
  for (const [name, [build, inputs]] of Object.entries(cases)) {
    it(name, () => {
      const realSchema = build(zod as unknown as Z);
      const liteSchema = build(zodLite);
      for (const input of inputs) {
        expect(outcome(lite, liteSchema, input), describeInput(input)).toStrictEqual(
          outcome(real, realSchema, input),
        );
      }
    });
  }
});
