import { addMonths, isoDateOf } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../../auth/tokens.js';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { count, createPerson, lead, ok, raise } from '../../../test/records.js';

const champion = user('jo');
const frontline = user('tom');
const contractor = user('gareth');
const northshireOfficer = user('dee');

let gw: Awaited<ReturnType<typeof testGateway>>;
/** A MARAC (a partner agency of type MARAC) and one of its officers. */
let marac: { id: string; officer: { token: string } };
beforeAll(async () => {
  gw = await testGateway();
  const id = randomUUID();
  const officer = randomUUID();
  await gw.sql(
    `insert into organisation (id, name, kind, agency_type, allowed_origins, created_at)
          values ($1, 'Northshire MARAC', 'AGENCY', 'MARAC', '{}', now())`,
    [id],
  );
  await gw.sql(
    `insert into app_user (id, organisation_id, name, email, roles, created_at)
          values ($1, $2, 'MARAC coordinator', 'coordinator@marac.example', '{AGENCY_OFFICER}', now())`,
    [officer, id],
  );
  const session = await signSessionToken(gw.config.jwt, { userId: officer, organisationId: id }, 600);
  marac = { id, officer: { token: session.token } };
});
afterAll(() => gw.close());

const today = () => isoDateOf();
const daysBefore = (day: string, n: number) =>
  isoDateOf(new Date(Date.parse(`${day}T12:00:00Z`) - n * 86_400_000));
/** The first day of the 12 months up to today. */
const windowStart = () => addMonths(today(), -12);

/** 24 answers, the first `yes` of them YES, the rest NO or NOT_KNOWN, each with a note. */
const answers = (yes: number) =>
  Array.from({ length: 24 }, (_, i) => ({
    answer: i < yes ? 'YES' : i % 2 ? 'NO' : 'NOT_KNOWN',
    notes: `Note ${i + 1}`,
  }));

const FIELDS = `id score level maracCriteria maracSuggested incidentsInLast12Months lastMaracReferralAt version
  professionalJudgement professionalJudgementReason policeCallouts concernId personId maracReferralId
  answers { number question answer notes } maracReferralDraft { reason summary }`;
const RECORD = `mutation($key: String!, $input: DashChecklistInput!) { recordDashChecklist(idempotencyKey: $key, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: DashChecklistUpdateInput!) { updateDashChecklist(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const REFER = `mutation($input: MaracReferralInput!) { referDashChecklistToMarac(input: $input) {
  id status reason recipient concernId legalBasis
  shared { summary riskAssessment { assessedOn score level criteria professionalJudgementReason incidentsInLast12Months
    answers { number question answer notes } } }
} }`;

interface Checklist {
  id: string;
  score: number;
  level: string;
  maracCriteria: string[];
  maracSuggested: boolean;
  incidentsInLast12Months: number;
  lastMaracReferralAt: string | null;
  version: number;
  answers: { number: number; question: string; answer: string; notes: string | null }[];
  maracReferralDraft: { reason: string; summary: string } | null;
  maracReferralId: string | null;
}

/** A person, and a domestic abuse concern about them (happening on `day`, by default today). */
async function personWithConcern(day = today(), categories = ['DOMESTIC_ABUSE']) {
  const { person } = await createPerson(gw, { givenName: 'Dana' });
  const concern = await raise(gw, {
    subjectIds: [person.id],
    categories,
    happenedAt: `${day}T00:30:00Z`,
    consent: { status: 'GIVEN' },
  });
  return { personId: person.id, concernId: concern.id };
}

/** Another domestic abuse concern about the person, happening on `day`. */
const anotherConcern = (personId: string, day: string, categories = ['DOMESTIC_ABUSE']) =>
  raise(gw, { subjectIds: [personId], categories, happenedAt: `${day}T00:30:00Z` });

async function record(
  subject: { personId: string; concernId: string },
  input: Record<string, unknown> = {},
  as = lead,
): Promise<Checklist> {
  const data = await ok<{ recordDashChecklist: Checklist }>(
    gw,
    RECORD,
    { key: newKey(), input: { ...subject, assessedOn: today(), answers: answers(0), ...input } },
    as,
  );
  return data.recordDashChecklist;
}

const referInput = (checklist: Checklist, overrides: Record<string, unknown> = {}) => ({
  checklistId: checklist.id,
  version: checklist.version,
  recipientOrganisationId: marac.id,
  legalBasis: 'RISK_TO_ADULT',
  legalBasisReason: 'Risk of serious harm or homicide',
  ...overrides,
});

describe('a DASH checklist', () => {
  it('scores yes answers: 13 is MEDIUM with no MARAC suggestion, 14 is HIGH, visible high risk', async () => {
    const subject = await personWithConcern();
    const thirteen = await record(subject, { answers: answers(13) });
    expect(thirteen).toMatchObject({ score: 13, level: 'MEDIUM', maracCriteria: [], maracSuggested: false });
    expect(thirteen.maracReferralDraft).toBeNull();
    const fourteen = await record(subject, { answers: answers(14) });
    expect(fourteen).toMatchObject({
      score: 14,
      level: 'HIGH',
      maracCriteria: ['VISIBLE_HIGH_RISK'],
      maracSuggested: true,
    });
    expect(fourteen.maracReferralDraft?.reason).toMatch(/visible high risk/);
    expect(fourteen.answers[14]).toEqual({
      number: 15,
      question: 'Has (….) ever attempted to strangle / choke / suffocate / drown you?',
      answer: 'NOT_KNOWN',
      notes: 'Note 15',
    });
    // In the person's chronology, without the notes.
    const [entry] = await gw.sql<{ kind: string; summary: string; person_ids: string[] }>(
      `select kind, summary, person_ids from chronology_entry where source_id = $1`,
      [fourteen.id],
    );
    expect(entry).toMatchObject({ kind: 'DASH_CHECKLIST_RECORDED', person_ids: [subject.personId] });
    expect(entry!.summary).toMatch(/14 of 24 yes \(HIGH\); MARAC referral suggested \(VISIBLE_HIGH_RISK\)/);
    expect(entry!.summary).not.toMatch(/Note/);
  });

  it('suggests MARAC on professional judgement alone, which needs its reason (nothing saved without)', async () => {
    const subject = await personWithConcern();
    const before = await count(gw, 'select count(*) as n from dash_checklist');
    const refused = await gw.graphql(
      RECORD,
      {
        key: newKey(),
        input: { ...subject, assessedOn: today(), answers: answers(2), professionalJudgement: true },
      },
      lead,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'professionalJudgementReason' })],
    });
    expect(await count(gw, 'select count(*) as n from dash_checklist')).toBe(before);
    const judged = await record(subject, {
      answers: answers(2),
      professionalJudgement: true,
      professionalJudgementReason: 'Recent threats with a knife, and she is too frightened to say more',
    });
    expect(judged).toMatchObject({ score: 2, level: 'STANDARD', maracCriteria: ['PROFESSIONAL_JUDGEMENT'] });
  });

  it('counts escalation from the person’s domestic abuse concerns and police callouts: 2 incidents no, 3 yes', async () => {
    const subject = await personWithConcern(daysBefore(today(), 10));
    await anotherConcern(subject.personId, daysBefore(today(), 40));
    // Not domestic abuse, and a callout on the day of a concern: neither is another incident.
    await anotherConcern(subject.personId, daysBefore(today(), 70), ['FINANCIAL']);
    const two = await record(subject, { policeCallouts: [daysBefore(today(), 40)] });
    expect(two).toMatchObject({ incidentsInLast12Months: 2, maracCriteria: [] });
    const three = await record(subject, {
      policeCallouts: [daysBefore(today(), 40), daysBefore(today(), 100)],
    });
    expect(three).toMatchObject({ incidentsInLast12Months: 3, maracCriteria: ['POTENTIAL_ESCALATION'] });
  });

  it('counts incidents from the same day 12 months before the assessment, not the day before', async () => {
    const subject = await personWithConcern(daysBefore(today(), 1));
    await anotherConcern(subject.personId, daysBefore(today(), 2));
    await anotherConcern(subject.personId, daysBefore(windowStart(), 1));
    const outside = await record(subject);
    expect(outside).toMatchObject({ incidentsInLast12Months: 2, maracCriteria: [] });
    await anotherConcern(subject.personId, windowStart());
    const onTheEdge = await record(subject);
    expect(onTheEdge).toMatchObject({ incidentsInLast12Months: 3, maracCriteria: ['POTENTIAL_ESCALATION'] });
    // A checklist dated earlier counts the 12 months up to its own day.
    const earlier = await record(subject, { assessedOn: daysBefore(today(), 3) });
    expect(earlier.incidentsInLast12Months).toBe(2);
  });

  it('follows a suggestion to a MARAC referral prefilled with the checklist, sharing the notes only when chosen', async () => {
    const subject = await personWithConcern();
    const checklist = await record(subject, { answers: answers(15) });
    const referred = await ok<{ referDashChecklistToMarac: Record<string, unknown> }>(
      gw,
      REFER,
      { input: referInput(checklist) },
      champion,
    );
    expect(referred.referDashChecklistToMarac).toMatchObject({
      status: 'SENT',
      recipient: 'Northshire MARAC',
      concernId: subject.concernId,
      reason: expect.stringMatching(/visible high risk/),
      shared: {
        summary: expect.stringMatching(/15 of 24 yes \(HIGH risk\)/),
        riskAssessment: {
          assessedOn: today(),
          score: 15,
          level: 'HIGH',
          criteria: ['VISIBLE_HIGH_RISK'],
          professionalJudgementReason: null,
          answers: expect.arrayContaining([
            {
              number: 1,
              question: 'Has the current incident resulted in injury?',
              answer: 'YES',
              notes: null,
            },
          ]),
        },
      },
    });
    const referralId = referred.referDashChecklistToMarac.id as string;
    const [row] = await gw.sql<{ marac_referral_id: string; version: number }>(
      'select marac_referral_id, version from dash_checklist where id = $1',
      [checklist.id],
    );
    expect(row).toEqual({ marac_referral_id: referralId, version: 2 });
    const shares = await count(
      gw,
      `select count(*) as n from audit_event where action = 'SHARE' and entity_type = 'DashChecklist' and entity_id = $1`,
      [checklist.id],
    );
    expect(shares).toBe(1);

    // The MARAC reads the referral and what it shared; never the checklist itself.
    const seen = await gw.graphql<{ referral: { shared: { riskAssessment: { score: number } } } }>(
      `query($id: ID!) { referral(id: $id) { shared { riskAssessment { score answers { notes } } } } }`,
      { id: referralId },
      marac.officer,
    );
    expect(seen.data?.referral.shared.riskAssessment.score).toBe(15);
    const checklistAsMarac = await gw.graphql(
      `query($id: ID!) { dashChecklist(id: $id) { id } }`,
      { id: checklist.id },
      marac.officer,
    );
    expect(checklistAsMarac.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    // Notes go only when the referrer chooses.
    const withNotes = await record(subject, { answers: answers(14) });
    const sharedNotes = await ok<{
      referDashChecklistToMarac: { shared: { riskAssessment: { answers: { notes: string | null }[] } } };
    }>(gw, REFER, { input: referInput(withNotes, { includeNotes: true }) }, lead);
    expect(sharedNotes.referDashChecklistToMarac.shared.riskAssessment.answers[0]!.notes).toBe('Note 1');
  });

  it('is refused a MARAC referral with no criterion, to an agency that is not a MARAC, when stale, or twice', async () => {
    const subject = await personWithConcern();
    const none = await record(subject, { answers: answers(9) });
    const referrals = () => count(gw, 'select count(*) as n from referral');
    const before = await referrals();
    const noCriterion = await gw.graphql(REFER, { input: referInput(none) }, lead);
    expect(noCriterion.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'checklistId' })],
    });
    const high = await record(subject, { answers: answers(20) });
    const [northshire] = await gw.sql<{ id: string }>(
      `select id from organisation where agency_type = 'ADULT_SOCIAL_CARE'`,
    );
    const notMarac = await gw.graphql(
      REFER,
      { input: referInput(high, { recipientOrganisationId: northshire!.id }) },
      lead,
    );
    expect(notMarac.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'recipientOrganisationId' })],
    });
    const stale = await gw.graphql(REFER, { input: referInput(high, { version: 2 }) }, lead);
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
    expect(await referrals()).toBe(before);

    await ok(gw, REFER, { input: referInput(high) }, lead);
    const twice = await gw.graphql(REFER, { input: referInput(high, { version: 2 }) }, lead);
    expect(twice.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const corrected = await gw.graphql(
      UPDATE,
      { id: high.id, version: 2, input: { assessedOn: today(), answers: answers(3) } },
      lead,
    );
    expect(corrected.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(await referrals()).toBe(before + 1);
  });

  it('is a repeat when the person was referred to a MARAC 12 months ago less a day, not 12 months and a day', async () => {
    const subject = await personWithConcern();
    const first = await record(subject, { answers: answers(16) });
    const referred = await ok<{ referDashChecklistToMarac: { id: string } }>(
      gw,
      REFER,
      { input: referInput(first) },
      lead,
    );
    const sentOn = async (day: string) =>
      gw.sql(`update referral set sent_at = $2::date + interval '12 hours' where id = $1`, [
        referred.referDashChecklistToMarac.id,
        day,
      ]);
    await sentOn(daysBefore(windowStart(), 1));
    const tooLongAgo = await record(subject);
    expect(tooLongAgo.maracCriteria).toEqual([]);
    expect(tooLongAgo.lastMaracReferralAt).not.toBeNull();
    await sentOn(windowStart());
    expect((await record(subject)).maracCriteria).toEqual(['REPEAT']);
    await sentOn(addMonths(daysBefore(today(), -1), -12));
    expect((await record(subject)).maracCriteria).toEqual(['REPEAT']);
    // A withdrawn referral is no referral to repeat.
    await gw.sql(`update referral set status = 'WITHDRAWN' where id = $1`, [
      referred.referDashChecklistToMarac.id,
    ]);
    expect((await record(subject)).maracCriteria).toEqual([]);
  });

  it('is corrected with the version last seen (STALE_VERSION otherwise), and the criteria worked out again', async () => {
    const subject = await personWithConcern();
    const checklist = await record(subject, { answers: answers(5) });
    const corrected = await ok<{ updateDashChecklist: Checklist }>(
      gw,
      UPDATE,
      { id: checklist.id, version: 1, input: { assessedOn: today(), answers: answers(14) } },
      champion,
    );
    expect(corrected.updateDashChecklist).toMatchObject({
      version: 2,
      score: 14,
      maracCriteria: ['VISIBLE_HIGH_RISK'],
    });
    const stale = await gw.graphql(
      UPDATE,
      { id: checklist.id, version: 1, input: { assessedOn: today(), answers: answers(1) } },
      champion,
    );
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
    const kinds = await gw.sql<{ kind: string }>(
      'select kind from chronology_entry where source_id = $1 order by recorded_at',
      [checklist.id],
    );
    expect(kinds.map((k) => k.kind)).toEqual(['DASH_CHECKLIST_RECORDED', 'DASH_CHECKLIST_CHANGED']);
  });

  it('goes only on someone the concern is about, and needs all 24 answers', async () => {
    const subject = await personWithConcern();
    const { person: stranger } = await createPerson(gw, { givenName: 'Sam' });
    const notAbout = await gw.graphql(
      RECORD,
      {
        key: newKey(),
        input: { ...subject, personId: stranger.id, assessedOn: today(), answers: answers(1) },
      },
      lead,
    );
    expect(notAbout.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'personId' })],
    });
    const short = await gw.graphql(
      RECORD,
      { key: newKey(), input: { ...subject, assessedOn: today(), answers: answers(1).slice(1) } },
      lead,
    );
    expect(short.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'answers' })],
    });
  });

  it('is seen and written by leads and champions only, and follows a restriction of its person', async () => {
    const subject = await personWithConcern();
    const checklist = await record(subject, { answers: answers(3) });
    const read = `query($id: ID!) { dashChecklist(id: $id) { id score } }`;
    expect((await gw.graphql(read, { id: checklist.id }, champion)).data).toEqual({
      dashChecklist: { id: checklist.id, score: 3 },
    });
    for (const as of [frontline, contractor, northshireOfficer, user('ana')]) {
      const refused = await gw.graphql(read, { id: checklist.id }, as);
      expect(refused.errors?.[0]?.extensions?.code, as.email).toBe('FORBIDDEN');
      const write = await gw.graphql(
        RECORD,
        { key: newKey(), input: { ...subject, assessedOn: today(), answers: answers(1) } },
        as,
      );
      expect(write.errors?.[0]?.extensions?.code, as.email).toBe('FORBIDDEN');
    }
    // Another organisation's lead: not found.
    const other = await gw.graphql(read, { id: checklist.id }, user('morgan'));
    expect(other.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');

    // The lead restricts the person: the champion meets neither the checklist nor the concern to record on.
    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: subject.personId,
    });
    const hidden = await gw.graphql(read, { id: checklist.id }, champion);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const recordHidden = await gw.graphql(
      RECORD,
      { key: newKey(), input: { ...subject, assessedOn: today(), answers: answers(1) } },
      champion,
    );
    expect(recordHidden.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'concernId' })],
    });
    expect((await gw.graphql(read, { id: checklist.id }, lead)).data).toEqual({
      dashChecklist: { id: checklist.id, score: 3 },
    });
  });
});
