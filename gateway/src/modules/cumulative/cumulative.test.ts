import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, ok, raise } from '../../../test/records.js';

const champion = user('jo');
const otherLead = user('morgan');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const lowLevel = (extra: Record<string, unknown>) => ({
  urgency: 'LOW_LEVEL',
  categories: ['CHILD_NEGLECT'],
  ...extra,
});
const flagsOf = (column: 'person_id' | 'household_id', id: string) =>
  gw.sql<{ id: string; status: string; threshold: number }>(
    `select id, status, threshold from cumulative_flag where ${column} = $1 order by raised_at`,
    [id],
  );
const linked = (flagId: string) =>
  gw.sql<{ concern_id: string }>(
    `select concern_id from cumulative_flag_concern where flag_id = $1 order by concern_id`,
    [flagId],
  );

describe('cumulative low-level concerns', () => {
  it('raise one flag when the third low-level concern about a person arrives, with a triage task; the fourth joins it', async () => {
    const { person } = await createPerson(gw, { givenName: 'Robin' });
    const concerns = [];
    for (let i = 0; i < 2; i++) concerns.push(await raise(gw, lowLevel({ subjectIds: [person.id] })));
    expect(await flagsOf('person_id', person.id)).toEqual([]);
    concerns.push(await raise(gw, lowLevel({ subjectIds: [person.id] })));
    const [flag, ...more] = await flagsOf('person_id', person.id);
    expect(more).toEqual([]);
    expect(flag).toMatchObject({ status: 'OPEN', threshold: 3 });
    expect((await linked(flag!.id)).map((l) => l.concern_id)).toEqual(concerns.map((c) => c.id).sort());
    expect(await gw.sql(`select kind, status from task where source_id = $1`, [flag!.id])).toEqual([
      { kind: 'TRIAGE_CUMULATIVE_FLAG', status: 'OPEN' },
    ]);
    expect(
      await count(
        gw,
        `select count(*) as n from chronology_entry where kind = 'CUMULATIVE_FLAG_RAISED' and $1 = any(person_ids)`,
        [person.id],
      ),
    ).toBe(1);
    const fourth = await raise(gw, lowLevel({ subjectIds: [person.id] }));
    expect(await flagsOf('person_id', person.id)).toHaveLength(1);
    expect((await linked(flag!.id)).map((l) => l.concern_id)).toContain(fourth.id);

    const listed = await ok<{
      cumulativeFlags: { id: string; person: { id: string }; concerns: { id: string }[] }[];
    }>(gw, `{ cumulativeFlags(status: OPEN) { id person { id } concerns { id } } }`, {});
    const shown = listed.cumulativeFlags.find((f) => f.id === flag!.id)!;
    expect(shown.person.id).toBe(person.id);
    expect(shown.concerns).toHaveLength(4);
  });

  it('count a household’s low-level concerns too, but not routine ones nor those outside the window', async () => {
    const household = await createHousehold(gw);
    const old = await raise(gw, lowLevel({ householdId: household.id }));
    await gw.sql(`update concern set raised_at = now() - interval '13 months' where id = $1`, [old.id]);
    await raise(gw, { urgency: 'ROUTINE', householdId: household.id });
    await raise(gw, lowLevel({ householdId: household.id }));
    await raise(gw, lowLevel({ householdId: household.id }));
    expect(await flagsOf('household_id', household.id)).toEqual([]);
    const third = await raise(gw, lowLevel({ householdId: household.id }));
    const [flag] = await flagsOf('household_id', household.id);
    expect(flag).toBeDefined();
    expect((await linked(flag!.id)).map((l) => l.concern_id)).not.toContain(old.id);
    expect((await linked(flag!.id)).map((l) => l.concern_id)).toContain(third.id);
  });

  it('count a concern triaged as MONITOR_LOW_LEVEL', async () => {
    const { person } = await createPerson(gw, { givenName: 'Sam' });
    await raise(gw, lowLevel({ subjectIds: [person.id] }));
    await raise(gw, lowLevel({ subjectIds: [person.id] }));
    const routine = await raise(gw, { urgency: 'ROUTINE', subjectIds: [person.id] });
    expect(await flagsOf('person_id', person.id)).toEqual([]);
    await ok(
      gw,
      `mutation($id: ID!) { triageConcern(id: $id, input: { decision: MONITOR_LOW_LEVEL, riskLevel: LOW, reason: "Watch" }) { id } }`,
      {
        id: routine.id,
      },
    );
    expect(await flagsOf('person_id', person.id)).toHaveLength(1);
  });

  it('raise exactly one flag when the concerns arrive at the same moment', async () => {
    for (const [existing, parallel] of [
      [0, 3],
      [2, 4],
      [1, 6],
    ] as const) {
      const { person } = await createPerson(gw, { givenName: 'Parallel' });
      for (let i = 0; i < existing; i++) await raise(gw, lowLevel({ subjectIds: [person.id] }));
      const results = await Promise.allSettled(
        Array.from({ length: parallel }, () => raise(gw, lowLevel({ subjectIds: [person.id] }))),
      );
      expect(results.filter((r) => r.status === 'rejected')).toEqual([]);
      const flags = await flagsOf('person_id', person.id);
      expect(flags, `${existing} before, ${parallel} at once`).toHaveLength(1);
      expect(await linked(flags[0]!.id)).toHaveLength(existing + parallel);
      expect(await count(gw, `select count(*) as n from task where source_id = $1`, [flags[0]!.id])).toBe(1);
    }
  });

  it('raise exactly one flag when concerns become low-level at the same moment (parallel triage)', async () => {
    // Raising is serialised by the reference counter; triage is not: this is the advisory lock's test.
    for (let round = 0; round < 3; round++) {
      const { person } = await createPerson(gw, { givenName: 'Triaged' });
      await raise(gw, lowLevel({ subjectIds: [person.id] }));
      await raise(gw, lowLevel({ subjectIds: [person.id] }));
      const routine = [];
      for (let i = 0; i < 4; i++)
        routine.push(await raise(gw, { urgency: 'ROUTINE', subjectIds: [person.id] }));
      const results = await Promise.all(
        routine.map((c, i) =>
          gw.graphql(
            `mutation($id: ID!) { triageConcern(id: $id, input: { decision: MONITOR_LOW_LEVEL, riskLevel: LOW, reason: "Watch" }) { id } }`,
            { id: c.id },
            i % 2 ? champion : lead,
          ),
        ),
      );
      expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
      const flags = await flagsOf('person_id', person.id);
      expect(flags).toHaveLength(1);
      expect(await linked(flags[0]!.id)).toHaveLength(6);
    }
  });

  it('start counting again once a lead has reviewed the flag (its task is then done)', async () => {
    const { person } = await createPerson(gw, { givenName: 'Again' });
    for (let i = 0; i < 3; i++) await raise(gw, lowLevel({ subjectIds: [person.id] }));
    const [flag] = await flagsOf('person_id', person.id);
    await ok(
      gw,
      `mutation($id: ID!) { reviewCumulativeFlag(id: $id, input: { reason: "Referred to Early Help" }) { status } }`,
      {
        id: flag!.id,
      },
    );
    const again = await gw.graphql(
      `mutation($id: ID!) { reviewCumulativeFlag(id: $id, input: { reason: "x" }) { status } }`,
      { id: flag!.id },
      lead,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(await gw.sql(`select status from task where source_id = $1`, [flag!.id])).toEqual([
      { status: 'DONE' },
    ]);
    for (let i = 0; i < 2; i++) await raise(gw, lowLevel({ subjectIds: [person.id] }));
    expect(await flagsOf('person_id', person.id)).toHaveLength(1);
    await raise(gw, lowLevel({ subjectIds: [person.id] }));
    expect((await flagsOf('person_id', person.id)).map((f) => f.status)).toEqual(['REVIEWED', 'OPEN']);
  });

  it('follow the organisation’s own rule, which only a lead may set', async () => {
    const SET = `mutation($input: CumulativeRuleInput!) { setCumulativeRule(input: $input) { threshold windowMonths } }`;
    expect(
      (await gw.graphql(SET, { input: { threshold: 2, windowMonths: 6 } }, champion)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
    const bad = await gw.graphql(SET, { input: { threshold: 1, windowMonths: 99 } }, lead);
    expect(bad.errors?.[0]?.extensions?.fields?.map((f) => f.field).sort()).toEqual([
      'threshold',
      'windowMonths',
    ]);
    expect(await ok(gw, `{ cumulativeRule { threshold windowMonths } }`, {}, otherLead)).toEqual({
      cumulativeRule: { threshold: 3, windowMonths: 12 },
    });
    await ok(gw, SET, { input: { threshold: 2, windowMonths: 6 } });
    // Another organisation keeps its own (default) rule.
    expect(await ok(gw, `{ cumulativeRule { threshold windowMonths } }`, {}, otherLead)).toEqual({
      cumulativeRule: { threshold: 3, windowMonths: 12 },
    });
    const { person } = await createPerson(gw, { givenName: 'Two' });
    await raise(gw, lowLevel({ subjectIds: [person.id] }));
    await raise(gw, lowLevel({ subjectIds: [person.id] }));
    expect(await flagsOf('person_id', person.id)).toEqual([expect.objectContaining({ threshold: 2 })]);
    await ok(gw, SET, { input: { threshold: 3, windowMonths: 12 } });
  });
});
