import { isoDateOf } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { count, createPerson, lead, ok } from '../../../test/records.js';

/**
 * `caseWorkDue`, the work queue's case section: actions and reviews falling due in the next days
 * and not yet overdue (those are tasks), a lead's for the whole organisation, a champion's for the
 * cases they lead, never a case about someone restricted from the caller; each read audited.
 */

const champion = user('jo');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const DUE = `query($d: Int) { caseWorkDue(withinDays: $d) { actions { id caseId what dueOn } reviews { id nextReviewDue } } }`;
type Due = {
  caseWorkDue: { actions: { id: string; caseId: string; dueOn: string }[]; reviews: { id: string }[] };
};
const inDays = (n: number) => isoDateOf(new Date(Date.now() + n * 86_400_000));

/** An open case led by `leadWorker`, with actions due in each of `dueIn` days, reviewed in `reviewIn` days. */
async function caseWith(leadWorker: { id: string }, dueIn: number[], reviewIn: number) {
  const { person } = await createPerson(gw, { givenName: 'Cai' });
  const { openCase } = await ok<{ openCase: { id: string } }>(
    gw,
    `mutation($input: OpenCaseInput!) { openCase(input: $input) { id } }`,
    {
      input: {
        personIds: [person.id],
        leadWorkerId: leadWorker.id,
        desiredOutcomes: { status: 'ASKED_NONE_EXPRESSED' },
      },
    },
  );
  const actions: string[] = [];
  for (const days of dueIn) {
    const { addCaseAction } = await ok<{ addCaseAction: { id: string } }>(
      gw,
      `mutation($id: ID!, $input: CaseActionInput!) { addCaseAction(caseId: $id, input: $input) { id } }`,
      {
        id: openCase.id,
        input: { what: `Visit in ${days} days`, who: 'Jo', dueOn: inDays(Math.max(days, 0)) },
      },
    );
    if (days < 0) {
      await gw.sql(`update case_action set due_on = current_date + $2::int where id = $1`, [
        addCaseAction.id,
        days,
      ]);
    }
    actions.push(addCaseAction.id);
  }
  await gw.sql(
    `update safeguarding_case set next_review_due = now() + make_interval(days => $2::int) where id = $1`,
    [openCase.id, reviewIn],
  );
  return { caseId: openCase.id, personId: person.id, actions };
}

const mine = (data: Due, caseIds: string[]) => ({
  actions: data.caseWorkDue.actions.filter((a) => caseIds.includes(a.caseId)).map((a) => a.id),
  reviews: data.caseWorkDue.reviews.filter((c) => caseIds.includes(c.id)).map((c) => c.id),
});

describe('case work falling due', () => {
  it('lists actions due from today and reviews due within the days asked, soonest first, not overdue ones', async () => {
    const a = await caseWith(lead, [-1, 0, 3, 20], 10);
    const b = await caseWith(lead, [1], -1); // its review is overdue: a task, not here
    const data = await ok<Due>(gw, DUE, {});
    expect(mine(data, [a.caseId, b.caseId])).toEqual({
      actions: [a.actions[1], b.actions[0], a.actions[2]],
      reviews: [a.caseId],
    });
    expect(mine(await ok<Due>(gw, DUE, { d: 30 }), [a.caseId]).actions).toEqual(a.actions.slice(1));
    expect(mine(await ok<Due>(gw, DUE, { d: 5 }), [a.caseId]).reviews).toEqual([]);
    // Closed: nothing falls due.
    await ok(
      gw,
      `mutation($id: ID!) { closeCase(id: $id, input: { outcomesAsked: true, outcomesAchieved: FULLY, riskOutcome: REMOVED }) { id } }`,
      { id: b.caseId },
    );
    expect(mine(await ok<Due>(gw, DUE, {}), [b.caseId])).toEqual({ actions: [], reviews: [] });
  });

  it('is the organisation’s for a lead, a champion’s own cases for a champion, and audited', async () => {
    const led = await caseWith(lead, [2], 3);
    const championed = await caseWith(champion, [2], 3);
    const ids = [led.caseId, championed.caseId];
    expect(mine(await ok<Due>(gw, DUE, {}), ids)).toEqual({
      actions: expect.arrayContaining([led.actions[0], championed.actions[0]]),
      reviews: expect.arrayContaining(ids),
    });
    const before = await count(
      gw,
      `select count(*) as n from audit_event where action = 'READ' and actor_user_id = $1 and entity_id in ($2, $3)`,
      [champion.id, championed.actions[0], championed.caseId],
    );
    expect(mine(await ok<Due>(gw, DUE, {}, champion), ids)).toEqual({
      actions: [championed.actions[0]],
      reviews: [championed.caseId],
    });
    expect(
      await count(
        gw,
        `select count(*) as n from audit_event where action = 'READ' and actor_user_id = $1 and entity_id in ($2, $3)`,
        [champion.id, championed.actions[0], championed.caseId],
      ),
    ).toBe(before + 2);
  });

  it('leaves out a case about someone restricted from the caller, and refuses others and bad days', async () => {
    const c = await caseWith(champion, [1], 2);
    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: c.personId,
    });
    expect(mine(await ok<Due>(gw, DUE, {}, champion), [c.caseId])).toEqual({ actions: [], reviews: [] });
    expect(mine(await ok<Due>(gw, DUE, {}, lead), [c.caseId])).toEqual({
      actions: c.actions,
      reviews: [c.caseId],
    });
    for (const as of [user('ana'), user('tom'), user('gareth')]) {
      expect((await gw.graphql(DUE, {}, as)).errors?.[0]?.extensions?.code, as.email).toBe('FORBIDDEN');
    }
    for (const d of [0, 61]) {
      expect((await gw.graphql(DUE, { d }, lead)).errors?.[0]?.extensions).toMatchObject({
        code: 'BAD_USER_INPUT',
        fields: [expect.objectContaining({ field: 'withinDays' })],
      });
    }
  });
});
