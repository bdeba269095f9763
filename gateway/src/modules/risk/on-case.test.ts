import { isoDateOf } from '@doorstep/schema';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, ok, raise } from '../../../test/records.js';

/**
 * DASH checklists and mental capacity assessments recorded on a case rather than a concern (issue
 * 14, items 3 and 4: "on a concern or case"): exactly one of the two, about one of the case's
 * people, following the case's access rules, listed on the case, in the chronology with codes only,
 * and a case's checklist followed to a MARAC referral of the case's concern about the person.
 */

const champion = user('jo');
const manager = user('ana');

let gw: Awaited<ReturnType<typeof testGateway>>;
let maracId: string;
beforeAll(async () => {
  gw = await testGateway();
  maracId = randomUUID();
  await gw.sql(
    `insert into organisation (id, name, kind, agency_type, allowed_origins, created_at)
          values ($1, 'Northshire MARAC', 'AGENCY', 'MARAC', '{}', now())`,
    [maracId],
  );
});
afterAll(() => gw.close());

const answers = (yes: number) =>
  Array.from({ length: 24 }, (_, i) => ({ answer: i < yes ? 'YES' : 'NO', notes: `Private note ${i + 1}` }));
const capacity = {
  decision: 'Whether to move to supported housing',
  assessedOn: isoDateOf(),
  assessorName: 'Sam Lee',
  assessorRole: 'Social worker',
  practicableSteps: 'Easy-read leaflet and a quiet room',
  impairment: false,
  reasons: 'Understood and weighed the options.',
};

const DASH = `mutation($key: String!, $input: DashChecklistInput!) { recordDashChecklist(idempotencyKey: $key, input: $input) {
  id score level maracCriteria maracSuggested version concernId caseId personId } }`;
const CAPACITY = `mutation($key: String!, $input: CapacityAssessmentInput!) { recordCapacityAssessment(idempotencyKey: $key, input: $input) {
  id lacksCapacity version concernId caseId personId } }`;
const CASE_RISK = `query($id: ID!) { case(id: $id) { id dashChecklists { id caseId score } capacityAssessments { id caseId decision } } }`;
const REFER = `mutation($input: MaracReferralInput!) { referDashChecklistToMarac(input: $input) {
  id concernId shared { riskAssessment { score level criteria answers { notes } } } } }`;
const CHRONOLOGY = `query($s: ChronologySubjectInput!) { chronology(subject: $s, first: 100) {
  edges { node { kind summary sourceType sourceId detail } } } }`;

/** A domestic abuse concern about a person in a household, triaged OPEN_CASE: the case it opened. */
async function caseFromConcern() {
  const household = await createHousehold(gw);
  const { person } = await createPerson(gw, { givenName: 'Rhian' }, { householdId: household.id });
  const concern = await raise(gw, {
    subjectIds: [person.id],
    householdId: household.id,
    categories: ['DOMESTIC_ABUSE'],
    consent: { status: 'GIVEN' },
  });
  await ok(
    gw,
    `mutation($id: ID!) { triageConcern(id: $id, input: { decision: OPEN_CASE, riskLevel: HIGH, reason: "Weeks of work" }) { id } }`,
    { id: concern.id },
  );
  const { cases } = await ok<{ cases: { id: string; version: number }[] }>(
    gw,
    `query($p: ID!) { cases(filter: { personId: $p }) { id version } }`,
    { p: person.id },
  );
  return {
    caseId: cases[0]!.id,
    version: cases[0]!.version,
    personId: person.id,
    concernId: concern.id,
    householdId: household.id,
  };
}

/** A case opened directly about a person, from no concern. */
async function caseFromNoConcern() {
  const { person } = await createPerson(gw, { givenName: 'Wyn' });
  const { openCase } = await ok<{ openCase: { id: string } }>(
    gw,
    `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
    { input: { personIds: [person.id], desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' } } },
  );
  return { caseId: openCase.id, personId: person.id };
}

const risky = async () => ({
  rows:
    (await count(gw, `select count(*) as n from dash_checklist`)) +
    (await count(gw, `select count(*) as n from capacity_assessment`)),
  chronology: await count(gw, `select count(*) as n from chronology_entry`),
  referrals: await count(gw, `select count(*) as n from referral`),
});

describe('risk records on a case', () => {
  it('records a DASH checklist on a case: listed there, in the chronology by codes, and referred to a MARAC as the case’s concern', async () => {
    const c = await caseFromConcern();
    const { recordDashChecklist: checklist } = await ok<{
      recordDashChecklist: {
        id: string;
        version: number;
        caseId: string;
        concernId: string | null;
        maracCriteria: string[];
      };
    }>(gw, DASH, {
      key: newKey(),
      input: { caseId: c.caseId, personId: c.personId, assessedOn: isoDateOf(), answers: answers(14) },
    });
    expect(checklist).toMatchObject({
      caseId: c.caseId,
      concernId: null,
      maracCriteria: ['VISIBLE_HIGH_RISK'],
    });
    expect(
      await gw.sql(`select case_id, concern_id from dash_checklist where id = $1`, [checklist.id]),
    ).toEqual([{ case_id: c.caseId, concern_id: null }]);

    // The case lists it, and the read is audited by the checklist's id.
    const before = await count(
      gw,
      `select count(*) as n from audit_event where action = 'READ' and entity_type = 'DashChecklist' and entity_id = $1`,
      [checklist.id],
    );
    const { case: read } = await ok<{
      case: { dashChecklists: { id: string; caseId: string; score: number }[] };
    }>(gw, CASE_RISK, { id: c.caseId }, champion);
    expect(read.dashChecklists).toEqual([{ id: checklist.id, caseId: c.caseId, score: 14 }]);
    expect(
      await count(
        gw,
        `select count(*) as n from audit_event where action = 'READ' and entity_type = 'DashChecklist' and entity_id = $1`,
        [checklist.id],
      ),
    ).toBe(before + 1);

    // The person's chronology: a code-only entry pointing at the case, no notes.
    const { chronology } = await ok<{
      chronology: {
        edges: {
          node: { kind: string; summary: string; sourceId: string; detail: Record<string, unknown> };
        }[];
      };
    }>(gw, CHRONOLOGY, { s: { personId: c.personId } });
    const entry = chronology.edges.find((e) => e.node.kind === 'DASH_CHECKLIST_RECORDED')!.node;
    expect(entry).toMatchObject({
      summary:
        'Case: DASH checklist recorded, 14 of 24 yes (HIGH); MARAC referral suggested (VISIBLE_HIGH_RISK)',
      sourceId: checklist.id,
      detail: { caseId: c.caseId, score: 14, level: 'HIGH' },
    });
    expect(JSON.stringify(entry)).not.toContain('Private note');

    // Following the suggestion refers the case's concern about the person.
    const { referDashChecklistToMarac: referral } = await ok<{
      referDashChecklistToMarac: {
        concernId: string;
        shared: { riskAssessment: { score: number; answers: { notes: string | null }[] } };
      };
    }>(gw, REFER, {
      input: {
        checklistId: checklist.id,
        version: checklist.version,
        recipientOrganisationId: maracId,
        legalBasis: 'CONSENT',
      },
    });
    expect(referral.concernId).toBe(c.concernId);
    expect(referral.shared.riskAssessment.score).toBe(14);
    expect(referral.shared.riskAssessment.answers.every((a) => a.notes === null)).toBe(true);
  });

  it('records a capacity assessment on a case, listed there and in the chronology without its words', async () => {
    const c = await caseFromConcern();
    const { recordCapacityAssessment: a } = await ok<{
      recordCapacityAssessment: { id: string; caseId: string };
    }>(gw, CAPACITY, { key: newKey(), input: { caseId: c.caseId, personId: c.personId, ...capacity } });
    expect(a.caseId).toBe(c.caseId);
    const { case: read } = await ok<{ case: { capacityAssessments: { id: string; decision: string }[] } }>(
      gw,
      CASE_RISK,
      { id: c.caseId },
    );
    expect(read.capacityAssessments).toEqual([{ id: a.id, caseId: c.caseId, decision: capacity.decision }]);
    const { chronology } = await ok<{
      chronology: { edges: { node: { kind: string; summary: string; detail: object } }[] };
    }>(gw, CHRONOLOGY, { s: { householdId: c.householdId } });
    const entry = chronology.edges.find((e) => e.node.kind === 'CAPACITY_ASSESSMENT_RECORDED')!.node;
    expect(entry).toMatchObject({
      summary: 'Case: mental capacity assessment recorded, has capacity for the decision',
      detail: { caseId: c.caseId, lacksCapacity: false },
    });
    expect(JSON.stringify(entry)).not.toContain('supported housing');
  });

  it('goes on exactly one of a concern and a case, someone the case is about, an open case: refused otherwise, nothing saved', async () => {
    const c = await caseFromConcern();
    const other = await createPerson(gw, { givenName: 'Stranger' });
    const before = await risky();
    const refused = async (input: Record<string, unknown>, query = DASH) =>
      gw.graphql(
        query,
        {
          key: newKey(),
          input:
            query === DASH
              ? { assessedOn: isoDateOf(), answers: answers(3), ...input }
              : { ...capacity, ...input },
        },
        lead,
      );
    const fieldsOf = (r: Awaited<ReturnType<typeof refused>>) => ({
      code: r.errors?.[0]?.extensions?.code,
      fields: (r.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field),
    });
    expect(fieldsOf(await refused({ personId: c.personId }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['concernId'],
    });
    expect(
      fieldsOf(await refused({ personId: c.personId, caseId: c.caseId, concernId: c.concernId })),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['caseId'],
    });
    expect(fieldsOf(await refused({ personId: other.person.id, caseId: c.caseId }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['personId'],
    });
    expect(fieldsOf(await refused({ personId: c.personId, caseId: randomUUID() }, CAPACITY))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['caseId'],
    });
    // A closed case takes none: reopen it first.
    await ok(
      gw,
      `mutation($id: ID!, $v: Int) { closeCase(id: $id, expectedVersion: $v, input: { outcomesAsked: true, outcomesAchieved: FULLY, riskOutcome: REDUCED }) { id } }`,
      {
        id: c.caseId,
        v: c.version,
      },
    );
    const closedBefore = await risky();
    expect(fieldsOf(await refused({ personId: c.personId, caseId: c.caseId }, CAPACITY)).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(await risky()).toEqual(closedBefore);
    expect(closedBefore.rows).toBe(before.rows);

    // The database holds the rule too.
    await expect(
      gw.sql(
        `insert into dash_checklist (organisation_id, id, person_id, assessed_on, answers, score, level, police_callouts,
           incidents_in_last_12_months, marac_criteria, recorded_by_id, recorded_at, updated_at)
         select organisation_id, gen_random_uuid(), id, current_date, '[]', 0, 'STANDARD', '[]', 0, '{}', $2, now(), now()
           from person where id = $1`,
        [c.personId, lead.id],
      ),
    ).rejects.toThrow(/dash_checklist_on_concern_or_case/);
  });

  it('refuses a MARAC referral from a case holding no concern about the person: nothing saved', async () => {
    const c = await caseFromNoConcern();
    const { recordDashChecklist: checklist } = await ok<{
      recordDashChecklist: { id: string; version: number };
    }>(gw, DASH, {
      key: newKey(),
      input: { caseId: c.caseId, personId: c.personId, assessedOn: isoDateOf(), answers: answers(15) },
    });
    const before = await risky();
    const refused = await gw.graphql(
      REFER,
      {
        input: {
          checklistId: checklist.id,
          version: checklist.version,
          recipientOrganisationId: maracId,
          legalBasis: 'RISK_TO_ADULT',
          legalBasisReason: 'Serious harm',
        },
      },
      lead,
    );
    expect(refused.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'checklistId' })],
    });
    expect(await risky()).toEqual(before);
    expect(
      (await gw.sql(`select marac_referral_id from dash_checklist where id = $1`, [checklist.id]))[0],
    ).toEqual({
      marac_referral_id: null,
    });
  });

  it('follows the case’s access: leads and champions only, and a restricted person’s records follow the restriction', async () => {
    const c = await caseFromConcern();
    const { recordDashChecklist: checklist } = await ok<{ recordDashChecklist: { id: string } }>(gw, DASH, {
      key: newKey(),
      input: { caseId: c.caseId, personId: c.personId, assessedOn: isoDateOf(), answers: answers(2) },
    });
    const { recordCapacityAssessment: assessment } = await ok<{ recordCapacityAssessment: { id: string } }>(
      gw,
      CAPACITY,
      { key: newKey(), input: { caseId: c.caseId, personId: c.personId, ...capacity } },
    );
    // A manager reads the case but not its risk records.
    const asManager = await gw.graphql(CASE_RISK, { id: c.caseId }, manager);
    expect(asManager.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');

    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: c.personId,
    });
    for (const [query, id] of [
      [`query($id: ID!) { dashChecklist(id: $id) { id } }`, checklist.id],
      [`query($id: ID!) { capacityAssessment(id: $id) { id } }`, assessment.id],
    ] as const) {
      expect((await gw.graphql(query, { id }, champion)).errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
      expect((await gw.graphql(query, { id }, lead)).errors).toBeUndefined();
    }
    const hidden = await gw.graphql(
      DASH,
      {
        key: newKey(),
        input: { caseId: c.caseId, personId: c.personId, assessedOn: isoDateOf(), answers: answers(1) },
      },
      champion,
    );
    expect(hidden.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'caseId' })],
    });
  });
});
