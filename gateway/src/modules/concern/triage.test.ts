import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_HOUSEHOLDS, DEMO_PEOPLE } from '../../db/demo.js';
import { testGateway, user, validConcern } from '../../../test/harness.js';
import { count, createHousehold, createPerson, lead, ok, raise } from '../../../test/records.js';

const champion = user('jo');
const tom = user('tom');
const gareth = user('gareth');
const otherLead = user('morgan');
const [, birch, cedar] = DEMO_HOUSEHOLDS;
const person = (given: string) => DEMO_PEOPLE.find((p) => p.givenName === given)!;

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const TRIAGE = `mutation($id: ID!, $input: TriageInput!) {
  triageConcern(id: $id, input: $input) { id status triageDecision riskLevel triageReason version }
}`;
const CLOSE = `mutation($id: ID!, $reason: String!) { closeConcern(id: $id, input: { reason: $reason }) { status version } }`;
const HISTORY = `query($id: ID!) { concern(id: $id) { status riskLevel version triageHistory { decision riskLevel previousRiskLevel reason riskChangeReason } } }`;

type History = {
  concern: {
    status: string;
    riskLevel: string;
    version: number;
    triageHistory: {
      decision: string;
      riskLevel: string;
      previousRiskLevel: string | null;
      riskChangeReason: string | null;
    }[];
  };
};
const state = (id: string) =>
  gw.sql('select status, risk_level, triage_decision, version from concern where id = $1', [id]);

describe('triage', () => {
  it('records a decision, a risk level and a reason, moves RAISED → TRIAGED, and writes the chronology', async () => {
    const { id } = await raise(gw, { householdId: birch!.id });
    const result = await ok<{ triageConcern: Record<string, unknown> }>(gw, TRIAGE, {
      id,
      input: { decision: 'OPEN_CASE', riskLevel: 'MEDIUM', reason: 'Adult social care should assess' },
    });
    expect(result.triageConcern).toMatchObject({
      status: 'TRIAGED',
      triageDecision: 'OPEN_CASE',
      riskLevel: 'MEDIUM',
      version: 2,
    });
    expect(
      await gw.sql(`select kind from chronology_entry where source_id = $1 order by recorded_at`, [id]),
    ).toEqual([{ kind: 'CONCERN_RAISED' }, { kind: 'CONCERN_TRIAGED' }]);
    expect(
      await count(gw, `select count(*) as n from audit_event where entity_id = $1 and action = 'UPDATE'`, [
        id,
      ]),
    ).toBe(1);
  });

  it('needs the reason for a change of risk level on a re-triage, and records it', async () => {
    const { id } = await raise(gw);
    await ok(
      gw,
      TRIAGE,
      { id, input: { decision: 'MONITOR_LOW_LEVEL', riskLevel: 'LOW', reason: 'Watch' } },
      champion,
    );
    const before = await state(id);
    const missing = await gw.graphql(
      TRIAGE,
      { id, input: { decision: 'OPEN_CASE', riskLevel: 'HIGH', reason: 'Worse' } },
      lead,
    );
    expect(missing.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('riskChangeReason');
    expect(await state(id)).toEqual(before);
    await ok(gw, TRIAGE, {
      id,
      input: {
        decision: 'OPEN_CASE',
        riskLevel: 'HIGH',
        reason: 'Worse',
        riskChangeReason: 'Injuries seen on a second visit',
      },
    });
    const history = await ok<History>(gw, HISTORY, { id });
    expect(history.concern.triageHistory).toEqual([
      expect.objectContaining({ riskLevel: 'LOW', previousRiskLevel: null, riskChangeReason: null }),
      expect.objectContaining({
        riskLevel: 'HIGH',
        previousRiskLevel: 'LOW',
        riskChangeReason: 'Injuries seen on a second visit',
      }),
    ]);
    expect(
      await gw.sql(`select kind from chronology_entry where source_id = $1 and kind = 'RISK_LEVEL_CHANGED'`, [
        id,
      ]),
    ).toHaveLength(1);
  });

  it('allows only RAISED → TRIAGED → CLOSED; anything else is INVALID_TRANSITION and changes nothing', async () => {
    const { id } = await raise(gw);
    const early = await gw.graphql(CLOSE, { id, reason: 'Nothing to do' }, lead);
    expect(early.errors?.[0]?.extensions).toMatchObject({
      code: 'INVALID_TRANSITION',
      from: 'RAISED',
      to: 'CLOSED',
    });
    expect(await state(id)).toEqual([
      { status: 'RAISED', risk_level: null, triage_decision: null, version: 1 },
    ]);
    await ok(gw, TRIAGE, {
      id,
      input: { decision: 'NO_FURTHER_ACTION', riskLevel: 'LOW', reason: 'Resolved by a repair' },
    });
    await ok(gw, CLOSE, { id, reason: 'Repair done; tenant happy' });
    const closedState = await state(id);
    const again = await gw.graphql(
      TRIAGE,
      { id, input: { decision: 'OPEN_CASE', riskLevel: 'LOW', reason: 'x' } },
      lead,
    );
    expect(again.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    const closeAgain = await gw.graphql(CLOSE, { id, reason: 'again' }, lead);
    expect(closeAgain.errors?.[0]?.extensions?.code).toBe('INVALID_TRANSITION');
    expect(await state(id)).toEqual(closedState);
    expect(closedState[0]).toMatchObject({ status: 'CLOSED', version: 3 });
  });

  it('refuses a triage made on a stale view (expectedVersion) with STALE_VERSION', async () => {
    const { id } = await raise(gw);
    await ok(gw, TRIAGE, {
      id,
      input: { decision: 'OPEN_CASE', riskLevel: 'LOW', reason: 'a', expectedVersion: 1 },
    });
    const stale = await gw.graphql(
      TRIAGE,
      { id, input: { decision: 'OPEN_CASE', riskLevel: 'LOW', reason: 'b', expectedVersion: 1 } },
      champion,
    );
    expect(stale.errors?.[0]?.extensions).toMatchObject({ code: 'STALE_VERSION', currentVersion: 2 });
  });

  it('serves concurrent triages of one concern one after another: no update is lost', async () => {
    const { id } = await raise(gw);
    const levels = ['LOW', 'MEDIUM', 'HIGH', 'LOW', 'HIGH', 'MEDIUM', 'LOW', 'HIGH'];
    const results = await Promise.all(
      levels.map((riskLevel, i) =>
        gw.graphql(
          TRIAGE,
          {
            id,
            input: {
              decision: 'OPEN_CASE',
              riskLevel,
              reason: `Decision ${i}`,
              riskChangeReason: `Change ${i}`,
            },
          },
          i % 2 ? champion : lead,
        ),
      ),
    );
    expect(results.flatMap((r) => r.errors ?? [])).toEqual([]);
    const { concern } = await ok<History>(gw, HISTORY, { id });
    expect(concern.triageHistory).toHaveLength(levels.length);
    expect(concern.version).toBe(levels.length + 1);
    // Each decision saw the one before it: the chain of levels is unbroken.
    concern.triageHistory.forEach((t, i) => {
      expect(t.previousRiskLevel).toBe(i === 0 ? null : concern.triageHistory[i - 1]!.riskLevel);
    });
    expect(concern.riskLevel).toBe(concern.triageHistory.at(-1)!.riskLevel);
  });

  it('is for leads and champions of the concern’s organisation only', async () => {
    const { id } = await raise(gw);
    const input = { decision: 'OPEN_CASE', riskLevel: 'LOW', reason: 'x' };
    expect((await gw.graphql(TRIAGE, { id, input }, tom)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await gw.graphql(TRIAGE, { id, input }, otherLead)).errors?.[0]?.extensions?.code).toBe(
      'NOT_FOUND',
    );
    expect(await state(id)).toEqual([
      { status: 'RAISED', risk_level: null, triage_decision: null, version: 1 },
    ]);
  });
});

describe('concerns naming people and a household', () => {
  const PEOPLE = `query($id: ID!) { concern(id: $id) {
    household { id } locationOfRisk sourceOfRisk
    subjects { childAtEvent person { id displayName } }
    allegedSources { childAtEvent person { id } }
  } }`;

  it('keeps subjects apart from alleged sources, and says who was a child at the time', async () => {
    const household = await createHousehold(gw);
    // 17 when it happened, an adult now: "child" is derived at the date of the event.
    const { person: teen } = await createPerson(
      gw,
      { givenName: 'Casey', dateOfBirth: '2008-01-15' },
      { householdId: household.id },
    );
    const { person: adult } = await createPerson(
      gw,
      { givenName: 'Drew', dateOfBirth: '1980-02-02' },
      { householdId: household.id },
    );
    const { id } = await raise(gw, {
      householdId: household.id,
      subjectIds: [teen.id],
      allegedSourceIds: [adult.id],
      happenedAt: '2025-12-01T20:00:00Z',
      locationOfRisk: 'OWN_HOME',
      sourceOfRisk: 'KNOWN_TO_INDIVIDUAL',
    });
    const { concern } = await ok<{ concern: Record<string, unknown> }>(gw, PEOPLE, { id });
    expect(concern).toEqual({
      household: { id: household.id },
      locationOfRisk: 'OWN_HOME',
      sourceOfRisk: 'KNOWN_TO_INDIVIDUAL',
      subjects: [{ childAtEvent: true, person: { id: teen.id, displayName: teen.displayName } }],
      allegedSources: [{ childAtEvent: false, person: { id: adult.id } }],
    });
    const both = await gw.graphql(
      `mutation($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }`,
      {
        key: crypto.randomUUID(),
        input: { ...validConcern(), subjectIds: [teen.id], allegedSourceIds: [teen.id] },
      },
      lead,
    );
    expect(both.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('allegedSourceIds');
  });

  it('lets frontline staff and contractors name only a household they work with, and people living there', async () => {
    const kelly = person('Kelly');
    const mason = person('Mason');
    const walter = person('Walter');
    const ok1 = await raise(gw, { householdId: cedar!.id, subjectIds: [mason.id] }, tom);
    expect(ok1.reference).toMatch(/^SG-/);
    const before = await count(gw, 'select count(*) as n from concern');
    const attempts = [
      { as: gareth, input: { householdId: cedar!.id }, field: 'householdId' },
      { as: tom, input: { householdId: cedar!.id, subjectIds: [walter.id] }, field: 'subjectIds' },
      { as: tom, input: { subjectIds: [kelly.id] }, field: 'subjectIds' },
    ];
    for (const attempt of attempts) {
      const result = await gw.graphql(
        `mutation($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }`,
        { key: crypto.randomUUID(), input: { ...validConcern(), ...attempt.input } },
        attempt.as,
      );
      expect(result.errors?.[0]?.extensions?.fields?.[0]?.field, JSON.stringify(attempt.input)).toBe(
        attempt.field,
      );
    }
    expect(await count(gw, 'select count(*) as n from concern')).toBe(before);
  });
});
