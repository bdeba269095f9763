import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Caller } from '../../context.js';
import { commitScope, openScope } from '../../db/request-scope.js';
import { testGateway, user, type GraphQLResult } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, newStaff, ok, raise } from '../../../test/records.js';
import { triageAndRefer } from '../referral/triage-referral.service.js';
import { raiseCaseTasks } from './case-tasks.js';

/**
 * A case's people and lead worker change while it is open (someone joins, someone leaves with a
 * reason, another lead or champion takes it over with its open tasks), each in the chronology and
 * the trail, refused with typed errors and nothing half-saved; and two concerns about one person
 * triaged OPEN_CASE at the same moment open one case, not two.
 */

const champion = user('jo');
const manager = user('ana');
const frontline = user('tom');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const FIELDS = `id version leadWorkerId personIds`;
const ADD = `mutation($id: ID!, $input: CasePersonInput!, $v: Int) { addCasePerson(caseId: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const REMOVE = `mutation($id: ID!, $input: CasePersonRemovalInput!, $v: Int) { removeCasePerson(caseId: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const LEAD = `mutation($id: ID!, $input: CaseLeadWorkerInput!, $v: Int) { changeCaseLeadWorker(caseId: $id, input: $input, expectedVersion: $v) { ${FIELDS} } }`;
const TRIAGE_OPEN = `mutation($id: ID!) { triageConcern(id: $id, input: { decision: OPEN_CASE, riskLevel: MEDIUM, reason: "Needs weeks of work" }) { id } }`;
const CHRONOLOGY = `query($s: ChronologySubjectInput!) { chronology(subject: $s, first: 100) {
  edges { node { kind summary sourceType sourceId detail } } } }`;

type CaseShape = { id: string; version: number; leadWorkerId: string; personIds: string[] };

const refusal = (result: GraphQLResult) => ({
  code: result.errors?.[0]?.extensions?.code,
  fields: (result.errors?.[0]?.extensions?.fields as { field: string }[] | undefined)?.map((f) => f.field),
});

/** An open case about one person in a household, opened directly. */
async function openCase() {
  const household = await createHousehold(gw);
  const { person } = await createPerson(gw, { givenName: 'Nia' }, { householdId: household.id });
  const { openCase: c } = await ok<{ openCase: CaseShape }>(
    gw,
    `mutation($input: OpenCaseInput!) { openCase(input: $input) { ${FIELDS} } }`,
    {
      input: {
        personIds: [person.id],
        householdId: household.id,
        desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' },
      },
    },
  );
  return { c, personId: person.id, householdId: household.id };
}

const kindsFor = async (personId: string) =>
  (
    await ok<{
      chronology: { edges: { node: { kind: string; summary: string; detail: Record<string, unknown> } }[] };
    }>(gw, CHRONOLOGY, { s: { personId } })
  ).chronology.edges.map((e) => e.node);

/** What a refused change must leave: the case row, its people, tasks, the chronology, the trail. */
async function snapshot(caseId: string) {
  return {
    row: await gw.sql(`select * from safeguarding_case where id = $1`, [caseId]),
    people: await gw.sql(`select person_id, ordinal from case_person where case_id = $1 order by ordinal`, [
      caseId,
    ]),
    tasks: await gw.sql(`select id, assignee_id from task order by id`),
    chronology: await count(gw, `select count(*) as n from chronology_entry`),
    audit: await count(gw, `select count(*) as n from audit_event where action <> 'READ'`),
  };
}

describe('the people of a case', () => {
  it('takes someone in and lets someone go with a reason, each in the chronology of all concerned', async () => {
    const { c, personId } = await openCase();
    const { person: sister } = await createPerson(gw, { givenName: 'Ffion' });
    const auditBefore = await count(
      gw,
      `select count(*) as n from audit_event where action = 'UPDATE' and entity_type = 'Case' and entity_id = $1`,
      [c.id],
    );
    const { addCasePerson: added } = await ok<{ addCasePerson: CaseShape }>(
      gw,
      ADD,
      { id: c.id, input: { personId: sister.id }, v: c.version },
      champion,
    );
    expect(added).toMatchObject({ personIds: [personId, sister.id], version: c.version + 1 });
    expect((await kindsFor(sister.id)).map((n) => n.kind)).toContain('CASE_PERSON_ADDED');

    const { removeCasePerson: removed } = await ok<{ removeCasePerson: CaseShape }>(gw, REMOVE, {
      id: c.id,
      input: { personId, reason: 'Moved away to live with her father' },
      v: added.version,
    });
    expect(removed).toMatchObject({ personIds: [sister.id], version: added.version + 1 });
    // The person who left sees it in their own chronology; the summary carries no free text.
    const entry = (await kindsFor(personId)).find((n) => n.kind === 'CASE_PERSON_REMOVED')!;
    expect(entry).toMatchObject({
      summary: 'Person removed from the case',
      detail: { caseId: c.id, personId },
    });
    expect((await kindsFor(sister.id)).map((n) => n.kind)).toContain('CASE_PERSON_REMOVED');
    expect(
      await count(
        gw,
        `select count(*) as n from audit_event where action = 'UPDATE' and entity_type = 'Case' and entity_id = $1`,
        [c.id],
      ),
    ).toBe(auditBefore + 2);
  });

  it('refuses the last person, someone already in it or unseen, a stale copy, a closed case and other roles: nothing saved', async () => {
    const { c, personId } = await openCase();
    const { person: other } = await createPerson(gw, { givenName: 'Gwen' });
    const { person: elsewhere } = await createPerson(gw, { givenName: 'Far' }, undefined, user('morgan'));
    const before = await snapshot(c.id);
    expect(
      refusal(await gw.graphql(REMOVE, { id: c.id, input: { personId, reason: 'Gone' } }, lead)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['personId'],
    });
    expect(
      refusal(await gw.graphql(REMOVE, { id: c.id, input: { personId: other.id, reason: 'Gone' } }, lead)),
    ).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['personId'],
    });
    expect(refusal(await gw.graphql(REMOVE, { id: c.id, input: { personId, reason: '  ' } }, lead))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['reason'],
    });
    expect(refusal(await gw.graphql(ADD, { id: c.id, input: { personId } }, lead))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['personId'],
    });
    // Another organisation's person is no one here.
    expect(refusal(await gw.graphql(ADD, { id: c.id, input: { personId: elsewhere.id } }, lead))).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['personId'],
    });
    expect(
      refusal(await gw.graphql(ADD, { id: c.id, input: { personId: other.id }, v: c.version + 5 }, lead))
        .code,
    ).toBe('STALE_VERSION');
    for (const as of [manager, frontline]) {
      expect(refusal(await gw.graphql(ADD, { id: c.id, input: { personId: other.id } }, as)).code).toBe(
        'FORBIDDEN',
      );
    }
    expect(await snapshot(c.id)).toEqual(before);

    await ok(
      gw,
      `mutation($id: ID!) { closeCase(id: $id, input: { outcomesAsked: true, outcomesAchieved: FULLY, riskOutcome: REMOVED }) { id } }`,
      {
        id: c.id,
      },
    );
    const closed = await snapshot(c.id);
    expect(refusal(await gw.graphql(ADD, { id: c.id, input: { personId: other.id } }, lead)).code).toBe(
      'INVALID_TRANSITION',
    );
    expect(
      refusal(await gw.graphql(LEAD, { id: c.id, input: { leadWorkerId: champion.id } }, lead)).code,
    ).toBe('INVALID_TRANSITION');
    expect(await snapshot(c.id)).toEqual(closed);
  });
});

describe('the lead worker', () => {
  it('hands the case and its open tasks to another lead or champion, in the chronology', async () => {
    const { c, personId } = await openCase();
    const { addCaseAction: action } = await ok<{ addCaseAction: { id: string } }>(
      gw,
      `mutation($id: ID!) { addCaseAction(caseId: $id, input: { what: "Call the GP", who: "Priya", dueOn: "${new Date().toISOString().slice(0, 10)}" }) { id } }`,
      { id: c.id },
    );
    // The action and the review fall overdue: two tasks for the lead worker.
    await gw.sql(`update case_action set due_on = current_date - 2 where id = $1`, [action.id]);
    await gw.sql(`update safeguarding_case set next_review_due = now() - interval '1 day' where id = $1`, [
      c.id,
    ]);
    await raiseCaseTasks(gw.orm.em.fork());
    const tasksOf = () =>
      gw.sql<{ kind: string; assignee_id: string }>(
        `select kind, assignee_id from task where status = 'OPEN' and source_id in ($1, $2) order by kind`,
        [c.id, action.id],
      );
    expect((await tasksOf()).map((t) => t.assignee_id)).toEqual([lead.id, lead.id]);

    const { changeCaseLeadWorker: changed } = await ok<{ changeCaseLeadWorker: CaseShape }>(gw, LEAD, {
      id: c.id,
      input: { leadWorkerId: champion.id },
      v: c.version,
    });
    expect(changed).toMatchObject({ leadWorkerId: champion.id, version: c.version + 1 });
    expect(await tasksOf()).toEqual([
      { kind: 'CASE_ACTION_OVERDUE', assignee_id: champion.id },
      { kind: 'CASE_REVIEW_OVERDUE', assignee_id: champion.id },
    ]);
    const entry = (await kindsFor(personId)).find((n) => n.kind === 'CASE_LEAD_WORKER_CHANGED')!;
    expect(entry.detail).toMatchObject({ caseId: c.id, from: lead.id, leadWorkerId: champion.id });
  });

  it('must be a safeguarding lead or champion of the organisation, and someone new: nothing saved otherwise', async () => {
    const { c } = await openCase();
    const before = await snapshot(c.id);
    for (const leadWorkerId of [manager.id, frontline.id, user('morgan').id, lead.id]) {
      expect(
        refusal(await gw.graphql(LEAD, { id: c.id, input: { leadWorkerId } }, lead)),
        leadWorkerId,
      ).toEqual({
        code: 'BAD_USER_INPUT',
        fields: ['leadWorkerId'],
      });
    }
    const retired = await newStaff(gw, 'retired.champion@riverside.example', ['SAFEGUARDING_CHAMPION']);
    await gw.sql(`update app_user set deactivated_at = now() where id = $1`, [retired.id]);
    expect(
      refusal(await gw.graphql(LEAD, { id: c.id, input: { leadWorkerId: retired.id } }, lead)).fields,
    ).toEqual(['leadWorkerId']);
    expect(await snapshot(c.id)).toEqual(before);
  });
});

describe('two triages at once', () => {
  it('of two concerns about one person, both OPEN_CASE, opens one case: the second waits and joins it', async () => {
    const { person } = await createPerson(gw, { givenName: 'Twin' });
    const first = await raise(gw, { subjectIds: [person.id] });
    const second = await raise(gw, { subjectIds: [person.id] });
    const caller: Caller = {
      requestId: 'two-triages',
      identity: { kind: 'staff', userId: lead.id, organisationId: lead.organisationId, roles: lead.roles },
    };
    const input = { decision: 'OPEN_CASE', riskLevel: 'MEDIUM', reason: 'Needs weeks of work' };
    // Two transactions on two connections: the first triages and holds its transaction open; the
    // second checks for an open case before the first has committed.
    let blocked = 0;
    const a = await openScope(gw.orm, lead.organisationId);
    const b = await openScope(gw.orm, lead.organisationId);
    try {
      await triageAndRefer(a, caller, first.id, input);
      let done = false;
      const later = triageAndRefer(b, { ...caller, requestId: 'two-triages-b' }, second.id, input).then(
        () => {
          done = true;
        },
      );
      for (let i = 0; i < 200 && !blocked && !done; i++) {
        await new Promise((resolve) => setTimeout(resolve, 25));
        [{ blocked }] = (await gw.sql<{ blocked: number }>(
          `select count(*)::int as blocked from pg_locks where locktype = 'advisory' and not granted`,
        )) as [{ blocked: number }];
      }
      await commitScope(a);
      await later;
      await commitScope(b);
    } finally {
      await a.rollback().catch(() => undefined);
      await b.rollback().catch(() => undefined);
    }
    const cases = await gw.sql<{ id: string; concerns: string[] }>(
      `select c.id, array(select concern_id::text from case_concern cc where cc.case_id = c.id order by concern_id) as concerns
         from safeguarding_case c join case_person cp on cp.case_id = c.id where cp.person_id = $1`,
      [person.id],
    );
    expect(cases).toHaveLength(1);
    expect(cases[0]!.concerns).toEqual([first.id, second.id].sort());
    expect(blocked, 'the second triage waited for the first').toBe(1);
  });

  it('opens a case for each of two people triaged at once (the lock is per person)', async () => {
    const [x, y] = [
      await createPerson(gw, { givenName: 'One' }),
      await createPerson(gw, { givenName: 'Two' }),
    ];
    const concerns = [
      await raise(gw, { subjectIds: [x.person.id] }),
      await raise(gw, { subjectIds: [y.person.id] }),
    ];
    const results = await Promise.all(concerns.map((c) => gw.graphql(TRIAGE_OPEN, { id: c.id }, lead)));
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    expect(
      await count(
        gw,
        `select count(distinct cp.case_id) as n from case_person cp where cp.person_id = any($1::uuid[])`,
        [[x.person.id, y.person.id]],
      ),
    ).toBe(2);
  });
});
