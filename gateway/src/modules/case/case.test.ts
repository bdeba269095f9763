import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PEOPLE } from '../../db/demo.js';
import { testGateway, user, type GraphQLResult } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, ok, raise } from '../../../test/records.js';
import { raiseCaseTasks } from './case-tasks.js';

/**
 * Casework against the real gateway and PostgreSQL: opening a case at triage (OPEN_CASE, with and
 * without the `case` part) or directly, concerns attaching to an open case, the plan and its
 * overdue tasks, notes, reviews signed off by a manager, closure with the Making Safeguarding
 * Personal outcome, reopening, the chronology, the restriction, and every refusal leaving nothing.
 */

const champion = user('jo');
const manager = user('ana');
const frontline = user('tom');
const SOPHIE = DEMO_PEOPLE.find((p) => p.givenName === 'Sophie')!.id; // restricted by Priya

const CASE_FIELDS = `id status version leadWorkerId householdId personIds concernIds reviewEveryWeeks
  nextReviewDue reviewOverdue desiredOutcomesStatus desiredOutcomes desiredOutcomesNotAskedReason
  outcomesAsked outcomesNotAskedReason outcomesAchieved riskOutcome personView closedAt reopenReason
  actions { id what who dueOn status version }
  notes { id type occurredAt present body authorId }
  reviews { id status summary desiredOutcomesChanged desiredOutcomes signedOffAt signOffComment version }`;
const TRIAGE = `mutation($id: ID!, $input: TriageInput!) { triageConcern(id: $id, input: $input) { id status version } }`;
const CASES = `query($filter: CaseFilter) { cases(filter: $filter) { ${CASE_FIELDS} } }`;
const CASE = `query($id: ID!) { case(id: $id) { ${CASE_FIELDS} } }`;
const OPEN = `mutation($input: OpenCaseInput!) { openCase(input: $input) { ${CASE_FIELDS} } }`;
const ADD_ACTION = `mutation($caseId: ID!, $input: CaseActionInput!) { addCaseAction(caseId: $caseId, input: $input) { id status version } }`;
const UPDATE_ACTION = `mutation($id: ID!, $input: CaseActionUpdateInput!, $v: Int) { updateCaseAction(id: $id, input: $input, expectedVersion: $v) { id status version } }`;
const ADD_NOTE = `mutation($caseId: ID!, $input: CaseNoteInput!) { addCaseNote(caseId: $caseId, input: $input) { id type } }`;
const REVIEW = `mutation($caseId: ID!, $input: CaseReviewInput!, $v: Int) { recordCaseReview(caseId: $caseId, input: $input, expectedVersion: $v) { id status } }`;
const SIGN_OFF = `mutation($id: ID!, $input: CaseReviewSignOffInput) { signOffCaseReview(id: $id, input: $input) { id status signedOffAt signOffComment } }`;
const CLOSE = `mutation($id: ID!, $input: CaseClosureInput!, $v: Int) { closeCase(id: $id, input: $input, expectedVersion: $v) { ${CASE_FIELDS} } }`;
const REOPEN = `mutation($id: ID!, $input: ReasonInput!, $v: Int) { reopenCase(id: $id, input: $input, expectedVersion: $v) { id status version reopenReason } }`;
const CHRONOLOGY = `query($s: ChronologySubjectInput!) { chronology(subject: $s, first: 100) {
  edges { node { kind summary sourceType sourceId occurredAt detail } } } }`;

type CaseShape = {
  id: string;
  status: string;
  version: number;
  leadWorkerId: string;
  householdId: string | null;
  personIds: string[];
  concernIds: string[];
  reviewEveryWeeks: number;
  nextReviewDue: string;
  desiredOutcomesStatus: string;
  desiredOutcomes: string | null;
  actions: { id: string; status: string; version: number }[];
  notes: { id: string; type: string; present: string | null; body: string; authorId: string }[];
  reviews: { id: string; status: string; desiredOutcomes: string | null; signedOffAt: string | null }[];
} & Record<string, unknown>;

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const call = (query: string, variables: Record<string, unknown>, as = lead) =>
  gw.graphql(query, variables, as);
const refusal = (result: GraphQLResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  fields: (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field),
});

/** A household with one person in it, and a concern about them raised by the lead. */
async function family() {
  const household = await createHousehold(gw);
  const { person } = await createPerson(gw, { givenName: 'Ivy' }, { householdId: household.id });
  const concern = await raise(gw, { subjectIds: [person.id], householdId: household.id });
  return { householdId: household.id, personId: person.id, concern };
}

const triage = (decision: string, extra: Record<string, unknown> = {}) => ({
  decision,
  riskLevel: 'MEDIUM',
  reason: 'She needs support over several weeks',
  ...extra,
});

async function casesOf(personId: string, as = lead) {
  return (await ok<{ cases: CaseShape[] }>(gw, CASES, { filter: { personId } }, as)).cases;
}

async function openedAtTriage() {
  const f = await family();
  await ok(gw, TRIAGE, { id: f.concern.id, input: triage('OPEN_CASE') });
  const [c] = await casesOf(f.personId);
  return { ...f, case: c! };
}

/** What a refused change must leave as it was: the case rows, the chronology, the trail. */
async function snapshot(caseId?: string) {
  return {
    cases: await count(gw, `select count(*) as n from safeguarding_case`),
    row: caseId ? await gw.sql(`select * from safeguarding_case where id = $1`, [caseId]) : null,
    children: await count(
      gw,
      `select (select count(*) from case_action) + (select count(*) from case_note) + (select count(*) from case_review) + (select count(*) from case_concern) as n`,
    ),
    chronology: await count(gw, `select count(*) as n from chronology_entry`),
    audit: await count(gw, `select count(*) as n from audit_event where action <> 'READ'`),
  };
}

const aDayAgo = () => new Date(Date.now() - 24 * 3600_000).toISOString();
const inDays = (days: number) => new Date(Date.now() + days * 24 * 3600_000).toISOString().slice(0, 10);
const closure = {
  outcomesAsked: true,
  outcomesAchieved: 'PARTIALLY',
  riskOutcome: 'REDUCED',
  personView: 'I feel safer at home now',
};

describe('the whole path', () => {
  it('concern, triage OPEN_CASE, plan, notes, review sign-off, closure with outcomes: all in the chronology', async () => {
    const f = await family();
    // Triage as the work queue would: no new input.
    await ok(gw, TRIAGE, { id: f.concern.id, input: triage('OPEN_CASE') });
    const [opened] = await casesOf(f.personId);
    expect(opened).toMatchObject({
      status: 'OPEN',
      leadWorkerId: lead.id,
      householdId: f.householdId,
      personIds: [f.personId],
      concernIds: [f.concern.id],
      reviewEveryWeeks: 4,
      // The concern's recorded views are the starting "what matters to me".
      desiredOutcomesStatus: 'ASKED_EXPRESSED',
      desiredOutcomes: 'Wants help with shopping',
      reviewOverdue: false,
    });
    const due = new Date(opened!.nextReviewDue).getTime() - Date.now();
    expect(due).toBeGreaterThan(27 * 24 * 3600_000);
    expect(due).toBeLessThanOrEqual(28 * 24 * 3600_000);

    const { addCaseAction: action } = await ok<{ addCaseAction: { id: string } }>(gw, ADD_ACTION, {
      caseId: opened!.id,
      input: { what: 'Arrange a food bank voucher', who: 'Jo Williams', dueOn: inDays(7) },
    });
    await ok(gw, UPDATE_ACTION, {
      id: action.id,
      input: { what: 'Arrange a food bank voucher', who: 'Jo Williams', dueOn: inDays(7), status: 'DONE' },
      v: 1,
    });
    const visitAt = aDayAgo();
    await ok(gw, ADD_NOTE, {
      caseId: opened!.id,
      input: {
        type: 'HOME_VISIT',
        occurredAt: visitAt,
        present: 'Ivy and her daughter',
        body: 'Fridge stocked.',
      },
    });
    const { recordCaseReview: review } = await ok<{ recordCaseReview: { id: string; status: string } }>(
      gw,
      REVIEW,
      {
        caseId: opened!.id,
        input: {
          summary: 'Going well',
          desiredOutcomesChanged: true,
          desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'To manage her own shopping again' },
        },
      },
    );
    expect(review.status).toBe('AWAITING_SIGN_OFF');
    const signed = await ok<{ signOffCaseReview: Record<string, unknown> }>(
      gw,
      SIGN_OFF,
      { id: review.id, input: { comment: 'Agreed' } },
      manager,
    );
    expect(signed.signOffCaseReview).toMatchObject({ status: 'SIGNED_OFF', signOffComment: 'Agreed' });

    const { case: before } = await ok<{ case: CaseShape }>(gw, CASE, { id: opened!.id });
    const { closeCase: closed } = await ok<{ closeCase: CaseShape }>(gw, CLOSE, {
      id: opened!.id,
      input: closure,
      v: before.version,
    });
    expect(closed).toMatchObject({
      status: 'CLOSED',
      outcomesAsked: true,
      outcomesAchieved: 'PARTIALLY',
      riskOutcome: 'REDUCED',
      personView: 'I feel safer at home now',
      desiredOutcomes: 'To manage her own shopping again',
      actions: [{ status: 'DONE', version: 2 }],
      notes: [
        { type: 'HOME_VISIT', present: 'Ivy and her daughter', body: 'Fridge stocked.', authorId: lead.id },
      ],
      reviews: [{ status: 'SIGNED_OFF', desiredOutcomes: 'To manage her own shopping again' }],
    });

    for (const subject of [{ personId: f.personId }, { householdId: f.householdId }]) {
      const { chronology } = await ok<{
        chronology: {
          edges: { node: { kind: string; summary: string; sourceId: string; occurredAt: string } }[];
        };
      }>(gw, CHRONOLOGY, { s: subject });
      const kinds = chronology.edges.filter((e) => e.node.sourceId === opened!.id).map((e) => e.node.kind);
      expect(kinds.sort()).toEqual(
        [
          'CASE_OPENED',
          'CASE_ACTION_ADDED',
          'CASE_ACTION_CHANGED',
          'CASE_NOTE_ADDED',
          'CASE_REVIEW_RECORDED',
          'CASE_REVIEW_SIGNED_OFF',
          'CASE_CLOSED',
        ].sort(),
      );
      const note = chronology.edges.find((e) => e.node.kind === 'CASE_NOTE_ADDED')!.node;
      // At the time the visit happened; the summary carries codes, not what was written.
      expect(new Date(note.occurredAt).toISOString()).toBe(visitAt);
      expect(note.summary).toBe('Case note: home visit');
      expect(chronology.edges.find((e) => e.node.kind === 'CASE_CLOSED')!.node.summary).toBe(
        'Case closed: outcomes partially, risk reduced',
      );
    }
    // Every write is in the trail.
    expect(
      await gw.sql(
        `select entity_type, action, count(*)::int as n from audit_event
          where action <> 'READ' and entity_type like 'Case%' and (entity_id = $1 or entity_id = $2 or entity_id = $3)
          group by entity_type, action order by entity_type, action`,
        [opened!.id, action.id, review.id],
      ),
    ).toEqual([
      { entity_type: 'Case', action: 'CREATE', n: 1 },
      { entity_type: 'Case', action: 'UPDATE', n: 2 },
      { entity_type: 'CaseAction', action: 'CREATE', n: 1 },
      { entity_type: 'CaseAction', action: 'UPDATE', n: 1 },
      { entity_type: 'CaseReview', action: 'CREATE', n: 1 },
      { entity_type: 'CaseReview', action: 'UPDATE', n: 1 },
    ]);
  });
});

describe('opening a case at triage', () => {
  it('takes the optional case part: lead worker, what matters, review frequency', async () => {
    const f = await family();
    await ok(gw, TRIAGE, {
      id: f.concern.id,
      input: triage('OPEN_CASE', {
        case: {
          leadWorkerId: champion.id,
          reviewEveryWeeks: 2,
          desiredOutcomes: { status: 'NOT_ASKED', notAskedReason: 'Too unwell to talk today' },
        },
      }),
    });
    const [c] = await casesOf(f.personId);
    expect(c).toMatchObject({
      leadWorkerId: champion.id,
      reviewEveryWeeks: 2,
      desiredOutcomesStatus: 'NOT_ASKED',
      desiredOutcomes: null,
      desiredOutcomesNotAskedReason: 'Too unwell to talk today',
    });
  });

  it('refuses a lead worker who is not a lead or champion, and a case part without OPEN_CASE: nothing saved', async () => {
    const f = await family();
    const before = await snapshot();
    const concernBefore = await gw.sql(`select status, version from concern where id = $1`, [f.concern.id]);
    const wrongLead = await call(TRIAGE, {
      id: f.concern.id,
      input: triage('OPEN_CASE', { case: { leadWorkerId: frontline.id } }),
    });
    expect(refusal(wrongLead)).toEqual({ code: 'BAD_USER_INPUT', fields: ['case.leadWorkerId'] });
    const notOpening = await call(TRIAGE, {
      id: f.concern.id,
      input: triage('MONITOR_LOW_LEVEL', { case: { reviewEveryWeeks: 2 } }),
    });
    expect(refusal(notOpening)).toEqual({ code: 'BAD_USER_INPUT', fields: ['case'] });
    const badWeeks = await call(TRIAGE, {
      id: f.concern.id,
      input: triage('OPEN_CASE', { case: { reviewEveryWeeks: 27 } }),
    });
    expect(refusal(badWeeks)).toEqual({ code: 'BAD_USER_INPUT', fields: ['case.reviewEveryWeeks'] });
    expect(await snapshot()).toEqual(before);
    expect(await gw.sql(`select status, version from concern where id = $1`, [f.concern.id])).toEqual(
      concernBefore,
    );
  });

  it('attaches a concern about someone with an open case to it, whatever the decision', async () => {
    const { personId, case: c } = await openedAtTriage();
    const second = await raise(gw, { subjectIds: [personId] });
    await ok(gw, TRIAGE, { id: second.id, input: triage('MONITOR_LOW_LEVEL', { riskLevel: 'LOW' }) });
    const third = await raise(gw, { subjectIds: [personId] });
    // OPEN_CASE with one already open adds to it rather than opening a second…
    await ok(gw, TRIAGE, { id: third.id, input: triage('OPEN_CASE') });
    const cases = await casesOf(personId);
    expect(cases.map((x) => x.id)).toEqual([c.id]);
    expect(cases[0]!.concernIds).toEqual([c.concernIds[0], second.id, third.id]);
    // …and refuses a case part it would ignore, saving nothing.
    const fourth = await raise(gw, { subjectIds: [personId] });
    const before = await snapshot(c.id);
    const refused = await call(TRIAGE, {
      id: fourth.id,
      input: triage('OPEN_CASE', { case: { reviewEveryWeeks: 2 } }),
    });
    expect(refusal(refused)).toEqual({ code: 'BAD_USER_INPUT', fields: ['case'] });
    // So does a re-triage of a concern already in the open case.
    const again = await call(TRIAGE, {
      id: third.id,
      input: triage('OPEN_CASE', { reason: 'Still', case: { reviewEveryWeeks: 2 } }),
    });
    expect(refusal(again)).toEqual({ code: 'BAD_USER_INPUT', fields: ['case'] });
    expect(await snapshot(c.id)).toEqual(before);
    // A closed case takes no more concerns: the next concern's OPEN_CASE opens a new one.
    await ok(gw, CLOSE, { id: c.id, input: closure });
    await ok(gw, TRIAGE, { id: fourth.id, input: triage('OPEN_CASE') });
    expect((await casesOf(personId)).map((x) => x.status)).toEqual(['OPEN', 'CLOSED']);
  });
});

describe('opening a case directly', () => {
  it('is about the people named and the subjects of the concerns given, with what matters to them', async () => {
    const f = await family();
    await ok(gw, TRIAGE, { id: f.concern.id, input: triage('NO_FURTHER_ACTION', { riskLevel: 'MEDIUM' }) });
    const { person: partner } = await createPerson(gw, { givenName: 'Ron' }, { householdId: f.householdId });
    const { openCase } = await ok<{ openCase: CaseShape }>(gw, OPEN, {
      input: {
        concernIds: [f.concern.id],
        personIds: [partner.id],
        desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'To stay together' },
      },
    });
    expect(openCase).toMatchObject({
      personIds: [partner.id, f.personId],
      concernIds: [f.concern.id],
      householdId: f.householdId,
      desiredOutcomes: 'To stay together',
    });
  });

  it('refuses a case about nobody, an untriaged concern, a concern already in a case, and someone unseen', async () => {
    const f = await family();
    const before = await snapshot();
    const outcomes = { status: 'ASKED_NONE_EXPRESSED' };
    const nobody = await call(OPEN, { input: { desiredOutcomes: outcomes } });
    expect(refusal(nobody)).toEqual({ code: 'BAD_USER_INPUT', fields: ['personIds'] });
    const untriaged = await call(OPEN, {
      input: { desiredOutcomes: outcomes, concernIds: [f.concern.id] },
    });
    expect(refusal(untriaged)).toEqual({ code: 'BAD_USER_INPUT', fields: ['concernIds.0'] });
    // Sophie is restricted by Priya: Jo cannot open a case about her.
    const unseen = await call(OPEN, { input: { desiredOutcomes: outcomes, personIds: [SOPHIE] } }, champion);
    expect(refusal(unseen)).toEqual({ code: 'BAD_USER_INPUT', fields: ['personIds.0'] });
    expect(await snapshot()).toEqual(before);
    const { case: c } = await openedAtTriage();
    const taken = await call(OPEN, { input: { desiredOutcomes: outcomes, concernIds: c.concernIds } });
    expect(refusal(taken)).toEqual({ code: 'BAD_USER_INPUT', fields: ['concernIds.0'] });
  });
});

describe('the lifecycle', () => {
  it('closes only with the Making Safeguarding Personal outcome; nothing half-saved', async () => {
    const { case: c } = await openedAtTriage();
    const before = await snapshot(c.id);
    const cases: [Record<string, unknown>, string[]][] = [
      [{ outcomesAsked: true, riskOutcome: 'REMOVED' }, ['outcomesAchieved']],
      [{ outcomesAsked: false, riskOutcome: 'REMAINS' }, ['outcomesNotAskedReason']],
      [
        {
          outcomesAsked: false,
          outcomesNotAskedReason: 'Lacked capacity',
          outcomesAchieved: 'FULLY',
          riskOutcome: 'REMAINS',
        },
        ['outcomesAchieved'],
      ],
    ];
    for (const [input, fields] of cases) {
      expect(refusal(await call(CLOSE, { id: c.id, input }))).toEqual({
        code: 'BAD_USER_INPUT',
        fields,
      });
    }
    const noRisk = await call(CLOSE, {
      id: c.id,
      input: { outcomesAsked: true, outcomesAchieved: 'FULLY' },
    });
    expect(refusal(noRisk).code).toBe('BAD_USER_INPUT');
    expect(refusal(await call(CLOSE, { id: c.id, input: closure, v: c.version + 1 })).code).toBe(
      'STALE_VERSION',
    );
    expect(await snapshot(c.id)).toEqual(before);

    const notAsked = {
      outcomesAsked: false,
      outcomesNotAskedReason: 'She moved away',
      riskOutcome: 'REMAINS',
    };
    const { closeCase } = await ok<{ closeCase: CaseShape }>(gw, CLOSE, {
      id: c.id,
      input: notAsked,
      v: c.version,
    });
    expect(closeCase).toMatchObject({
      status: 'CLOSED',
      outcomesAchieved: null,
      personView: null,
      version: 2,
    });
    expect(refusal(await call(CLOSE, { id: c.id, input: closure }))).toEqual({
      code: 'INVALID_TRANSITION',
      fields: undefined,
    });
  });

  it('takes no new work once closed, and reopens only with a reason', async () => {
    const { case: c } = await openedAtTriage();
    expect(refusal(await call(REOPEN, { id: c.id, input: { reason: 'Again' } })).code).toBe(
      'INVALID_TRANSITION',
    );
    await ok(gw, CLOSE, { id: c.id, input: closure });
    const before = await snapshot(c.id);
    const note = { type: 'CALL', occurredAt: aDayAgo(), body: 'Rang her' };
    expect(refusal(await call(ADD_NOTE, { caseId: c.id, input: note })).code).toBe('INVALID_TRANSITION');
    const act = { what: 'Visit', who: 'Jo', dueOn: inDays(1) };
    expect(refusal(await call(ADD_ACTION, { caseId: c.id, input: act })).code).toBe('INVALID_TRANSITION');
    const rev = { summary: 'x', desiredOutcomesChanged: false };
    expect(refusal(await call(REVIEW, { caseId: c.id, input: rev })).code).toBe('INVALID_TRANSITION');
    expect(refusal(await call(REOPEN, { id: c.id, input: { reason: '  ' } }))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['reason'],
    });
    expect(await snapshot(c.id)).toEqual(before);
    const { reopenCase } = await ok<{ reopenCase: Record<string, unknown> }>(gw, REOPEN, {
      id: c.id,
      input: { reason: 'Her son has moved back in' },
      v: 2,
    });
    expect(reopenCase).toMatchObject({
      status: 'OPEN',
      version: 3,
      reopenReason: 'Her son has moved back in',
    });
    await ok(gw, ADD_NOTE, { caseId: c.id, input: note });
  });

  it('refuses notes from the future, actions due in the past, and an action changed on an old copy', async () => {
    const { case: c } = await openedAtTriage();
    const future = new Date(Date.now() + 3600_000).toISOString();
    expect(
      refusal(
        await call(ADD_NOTE, {
          caseId: c.id,
          input: { type: 'CONTACT', occurredAt: future, body: 'x' },
        }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', fields: ['occurredAt'] });
    expect(
      refusal(
        await call(ADD_NOTE, {
          caseId: c.id,
          input: { type: 'GOSSIP', occurredAt: aDayAgo(), body: 'x' },
        }),
      ).code,
    ).toBe('BAD_USER_INPUT');
    expect(
      refusal(await call(ADD_ACTION, { caseId: c.id, input: { what: 'x', who: 'y', dueOn: inDays(-1) } })),
    ).toEqual({ code: 'BAD_USER_INPUT', fields: ['dueOn'] });
    const { addCaseAction: a } = await ok<{ addCaseAction: { id: string } }>(gw, ADD_ACTION, {
      caseId: c.id,
      input: { what: 'Call the GP', who: 'Priya', dueOn: inDays(3) },
    });
    const changed = { what: 'Call the GP', who: 'Priya', dueOn: inDays(5), status: 'OPEN' };
    await ok(gw, UPDATE_ACTION, { id: a.id, input: changed, v: 1 });
    expect(
      refusal(await call(UPDATE_ACTION, { id: a.id, input: { ...changed, status: 'DONE' }, v: 1 })).code,
    ).toBe('STALE_VERSION');
    expect(await gw.sql(`select status, version from case_action where id = $1`, [a.id])).toEqual([
      { status: 'OPEN', version: 2 },
    ]);
  });

  it('needs what matters now when it changed, and a manager to sign a review off, once', async () => {
    const { case: c } = await openedAtTriage();
    expect(
      refusal(
        await call(REVIEW, {
          caseId: c.id,
          input: { summary: 'Steady', desiredOutcomesChanged: true },
        }),
      ),
    ).toEqual({ code: 'BAD_USER_INPUT', fields: ['desiredOutcomes.status'] });
    const { recordCaseReview: r } = await ok<{ recordCaseReview: { id: string } }>(gw, REVIEW, {
      caseId: c.id,
      input: { summary: 'Steady', desiredOutcomesChanged: false },
      v: c.version,
    });
    const { case: after } = await ok<{ case: CaseShape }>(gw, CASE, { id: c.id });
    // Unchanged: carried from the opening; the next review moves on from this one.
    expect(after.reviews).toMatchObject([
      { desiredOutcomes: 'Wants help with shopping', status: 'AWAITING_SIGN_OFF' },
    ]);
    expect(new Date(after.nextReviewDue).getTime()).toBeGreaterThan(new Date(c.nextReviewDue).getTime());
    expect(after.version).toBe(c.version + 1);

    for (const as of [lead, champion]) {
      expect(refusal(await call(SIGN_OFF, { id: r.id }, as)).code).toBe('FORBIDDEN');
    }
    await ok(gw, SIGN_OFF, { id: r.id }, manager);
    expect(refusal(await call(SIGN_OFF, { id: r.id }, manager)).code).toBe('INVALID_TRANSITION');
  });
});

describe('reviews at the organisation’s frequency, and tasks for the lead worker', () => {
  it('takes the frequency a lead or manager sets for cases opened from then on', async () => {
    const POLICY = `{ caseReviewPolicy { reviewEveryWeeks setByOrganisation } }`;
    const SET = `mutation($input: CaseReviewPolicyInput!) { setCaseReviewPolicy(input: $input) { reviewEveryWeeks setByOrganisation } }`;
    expect(await ok(gw, POLICY, {}, manager)).toEqual({
      caseReviewPolicy: { reviewEveryWeeks: 4, setByOrganisation: false },
    });
    expect(refusal(await call(SET, { input: { reviewEveryWeeks: 2 } }, champion)).code).toBe('FORBIDDEN');
    expect(refusal(await call(SET, { input: { reviewEveryWeeks: 0 } }, manager))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['reviewEveryWeeks'],
    });
    const { case: older } = await openedAtTriage();
    await ok(gw, SET, { input: { reviewEveryWeeks: 2 } }, manager);
    const { case: newer } = await openedAtTriage();
    expect([older.reviewEveryWeeks, newer.reviewEveryWeeks]).toEqual([4, 2]);
    await ok(gw, SET, { input: { reviewEveryWeeks: 4 } });
  });

  it('raises one task per overdue action and review, for the lead worker, and marks it done when dealt with', async () => {
    const { case: c } = await openedAtTriage();
    const { addCaseAction: a } = await ok<{ addCaseAction: { id: string } }>(gw, ADD_ACTION, {
      caseId: c.id,
      input: { what: 'Chase the benefits claim', who: 'Priya', dueOn: inDays(0) },
    });
    const em = () => gw.orm.em.fork() as EntityManager;
    const tasks = () =>
      gw.sql<{ kind: string; source_id: string; status: string; assignee_id: string }>(
        `select kind, source_id, status, assignee_id from task where source_id = any($1) order by kind, status`,
        [[c.id, a.id]],
      );
    // Not yet: due by the end of today, and the review in four weeks.
    await raiseCaseTasks(em());
    expect(await tasks()).toEqual([]);
    const later = new Date(Date.now() + 29 * 24 * 3600_000);
    const raised = await Promise.all([raiseCaseTasks(em(), later), raiseCaseTasks(em(), later)]);
    expect(await tasks()).toEqual([
      { kind: 'CASE_ACTION_OVERDUE', source_id: a.id, status: 'OPEN', assignee_id: lead.id },
      { kind: 'CASE_REVIEW_OVERDUE', source_id: c.id, status: 'OPEN', assignee_id: lead.id },
    ]);
    expect(raised.reduce((x, y) => x + y, 0)).toBeGreaterThanOrEqual(2);
    expect(await raiseCaseTasks(em(), later)).toBe(0);
    // Done action, recorded review: their tasks are done at once.
    await ok(gw, UPDATE_ACTION, {
      id: a.id,
      input: { what: 'Chase the benefits claim', who: 'Priya', dueOn: inDays(0), status: 'DONE' },
    });
    await ok(gw, REVIEW, { caseId: c.id, input: { summary: 'Fine', desiredOutcomesChanged: false } });
    expect((await tasks()).map((t) => t.status)).toEqual(['DONE', 'DONE']);
    // Visible in the team's task list, with whose it is.
    const { tasks: listed } = await ok<{ tasks: { sourceId: string; assigneeId: string | null }[] }>(
      gw,
      `{ tasks { sourceId assigneeId } }`,
      {},
    );
    expect(listed.filter((t) => t.sourceId === a.id)).toEqual([{ sourceId: a.id, assigneeId: lead.id }]);
  });
});

describe('access', () => {
  it('is for leads, champions and managers; frontline staff, contractors and agencies get nothing', async () => {
    const { case: c } = await openedAtTriage();
    for (const who of ['tom', 'gareth', 'dee', 'sam', 'chris']) {
      expect(refusal(await call(CASE, { id: c.id }, user(who))).code, who).toBe('FORBIDDEN');
    }
    // Another organisation's lead: not found.
    expect(refusal(await call(CASE, { id: c.id }, user('morgan'))).code).toBe('NOT_FOUND');
    expect(
      (
        await ok<{ case: { id: string } }>(
          gw,
          `query($id: ID!) { case(id: $id) { id } }`,
          { id: c.id },
          manager,
        )
      ).case.id,
    ).toBe(c.id);
  });

  it('follows a restricted person: their case, notes and all, is nowhere for those without a grant', async () => {
    const { openCase } = await ok<{ openCase: CaseShape }>(gw, OPEN, {
      input: { personIds: [SOPHIE], desiredOutcomes: { status: 'ASKED_EXPRESSED', views: 'To be safe' } },
    });
    await ok(gw, ADD_NOTE, {
      caseId: openCase.id,
      input: { type: 'CALL', occurredAt: aDayAgo(), body: 'Discussed the refuge' },
    });
    for (const as of [champion, manager]) {
      expect(refusal(await call(CASE, { id: openCase.id }, as)).code).toBe('NOT_FOUND');
      const { cases } = await ok<{ cases: { id: string }[] }>(gw, `{ cases(first: 100) { id } }`, {}, as);
      expect(cases.map((x) => x.id)).not.toContain(openCase.id);
      const note = await call(
        ADD_NOTE,
        { caseId: openCase.id, input: { type: 'CALL', occurredAt: aDayAgo(), body: 'x' } },
        as,
      );
      expect(refusal(note).code).toBe(as === manager ? 'FORBIDDEN' : 'NOT_FOUND');
    }
    // Priya restricted her, so she sees it.
    expect((await ok<{ case: CaseShape }>(gw, CASE, { id: openCase.id })).case.notes).toHaveLength(1);
  });
});

describe('Think Family', () => {
  it('counts a household’s and a person’s open cases', async () => {
    const { case: c, householdId, personId } = await openedAtTriage();
    const COUNTS = `query($h: ID!, $p: ID!) { household(id: $h) { openCaseCount } person(id: $p) { openCaseCount } }`;
    expect(await ok(gw, COUNTS, { h: householdId, p: personId })).toEqual({
      household: { openCaseCount: 1 },
      person: { openCaseCount: 1 },
    });
    await ok(gw, CLOSE, { id: c.id, input: closure });
    expect(await ok(gw, COUNTS, { h: householdId, p: personId })).toEqual({
      household: { openCaseCount: 0 },
      person: { openCaseCount: 0 },
    });
  });
});
