import { isoDateOf } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { count, createPerson, lead, ok, raise } from '../../../test/records.js';

const champion = user('jo');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const FIELDS = `id decision lacksCapacity impairment canRetain inabilityBecauseOfImpairment version concernId personId
  assessorName assessedOn bestInterests { decision decidedBy decidedOn consulted personsWishes }`;
const RECORD = `mutation($key: String!, $input: CapacityAssessmentInput!) { recordCapacityAssessment(idempotencyKey: $key, input: $input) { ${FIELDS} } }`;
const UPDATE = `mutation($id: ID!, $version: Int!, $input: CapacityAssessmentUpdateInput!) { updateCapacityAssessment(id: $id, version: $version, input: $input) { ${FIELDS} } }`;
const AWAITING = `{ concernsAwaitingCapacityAssessment(first: 50) { totalCount edges { node { id reference mentalCapacityConcern capacityAssessmentRecorded } } } }`;

const hasCapacity = {
  decision: 'Whether to accept a package of care at home',
  assessedOn: isoDateOf(),
  assessorName: 'Sam Lee',
  assessorRole: 'Social worker, Northshire Adult Social Care',
  practicableSteps: 'Easy-read leaflet, a quiet room, her daughter present',
  impairment: false,
  reasons: 'Understood and weighed the options, and said what she wanted.',
};
const bestInterests = {
  decision: 'Accept the package of care',
  decidedBy: 'Sam Lee',
  decidedOn: isoDateOf(),
  consulted: 'Her daughter and her GP',
  personsWishes: 'To stay in her own home',
};
const lacking = {
  ...hasCapacity,
  impairment: true,
  impairmentDetail: 'Advanced dementia',
  canUnderstand: true,
  canRetain: false,
  canUseOrWeigh: false,
  canCommunicate: true,
  inabilityBecauseOfImpairment: true,
  bestInterests,
};

async function concernInDoubt() {
  const { person } = await createPerson(gw, { givenName: 'Edith' });
  const concern = await raise(gw, { subjectIds: [person.id], mentalCapacityConcern: true });
  return { personId: person.id, concernId: concern.id };
}

interface Awaiting {
  concernsAwaitingCapacityAssessment: {
    totalCount: number;
    edges: { node: { id: string; capacityAssessmentRecorded: boolean } }[];
  };
}

describe('a mental capacity assessment', () => {
  it('is led to by a concern in doubt, which leaves the list once one is recorded', async () => {
    const subject = await concernInDoubt();
    const notInDoubt = await raise(gw, {});
    const listed = await ok<Awaiting>(gw, AWAITING, {}, champion);
    const ids = listed.concernsAwaitingCapacityAssessment.edges.map((e) => e.node.id);
    expect(ids).toContain(subject.concernId);
    expect(ids).not.toContain(notInDoubt.id);
    expect(
      listed.concernsAwaitingCapacityAssessment.edges.find((e) => e.node.id === subject.concernId)!.node
        .capacityAssessmentRecorded,
    ).toBe(false);

    const recorded = await ok<{ recordCapacityAssessment: Record<string, unknown> }>(
      gw,
      RECORD,
      { key: newKey(), input: { ...subject, ...hasCapacity } },
      champion,
    );
    expect(recorded.recordCapacityAssessment).toMatchObject({ lacksCapacity: false, bestInterests: null });
    const after = await ok<Awaiting>(gw, AWAITING, {}, champion);
    expect(after.concernsAwaitingCapacityAssessment.edges.map((e) => e.node.id)).not.toContain(
      subject.concernId,
    );
    expect(after.concernsAwaitingCapacityAssessment.totalCount).toBe(
      listed.concernsAwaitingCapacityAssessment.totalCount - 1,
    );
    const concern = await ok<{
      concern: { capacityAssessmentRecorded: boolean; capacityAssessments: { id: string }[] };
    }>(gw, `query($id: ID!) { concern(id: $id) { capacityAssessmentRecorded capacityAssessments { id } } }`, {
      id: subject.concernId,
    });
    expect(concern.concern).toEqual({
      capacityAssessmentRecorded: true,
      capacityAssessments: [{ id: recorded.recordCapacityAssessment.id }],
    });
  });

  it('needs the best-interests decision where the person lacks capacity, and only then (nothing saved when refused)', async () => {
    const subject = await concernInDoubt();
    const rows = () => count(gw, 'select count(*) as n from capacity_assessment');
    const before = await rows();
    const without = await gw.graphql(
      RECORD,
      { key: newKey(), input: { ...subject, ...lacking, bestInterests: null } },
      lead,
    );
    expect(without.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'bestInterests' })],
    });
    const notLacking = await gw.graphql(
      RECORD,
      { key: newKey(), input: { ...subject, ...hasCapacity, bestInterests } },
      lead,
    );
    expect(notLacking.errors?.[0]?.extensions).toMatchObject({
      code: 'BAD_USER_INPUT',
      fields: [expect.objectContaining({ field: 'bestInterests' })],
    });
    const stage2Missing = await gw.graphql(
      RECORD,
      {
        key: newKey(),
        input: { ...subject, ...hasCapacity, impairment: true, impairmentDetail: 'Dementia' },
      },
      lead,
    );
    expect(
      (stage2Missing.errors?.[0]?.extensions?.fields as { field: string }[]).map((f) => f.field).sort(),
    ).toEqual(['canCommunicate', 'canRetain', 'canUnderstand', 'canUseOrWeigh']);
    expect(await rows()).toBe(before);

    const recorded = await ok<{ recordCapacityAssessment: Record<string, unknown> }>(
      gw,
      RECORD,
      { key: newKey(), input: { ...subject, ...lacking } },
      lead,
    );
    expect(recorded.recordCapacityAssessment).toMatchObject({ lacksCapacity: true, bestInterests });
    const [entry] = await gw.sql<{ kind: string; summary: string; person_ids: string[] }>(
      'select kind, summary, person_ids from chronology_entry where source_id = $1',
      [recorded.recordCapacityAssessment.id],
    );
    expect(entry).toMatchObject({ kind: 'CAPACITY_ASSESSMENT_RECORDED', person_ids: [subject.personId] });
    expect(entry!.summary).toMatch(/lacks capacity for the decision/);
    expect(entry!.summary).not.toMatch(/dementia|package of care/i);
  });

  it('is corrected with the version last seen: STALE_VERSION otherwise', async () => {
    const subject = await concernInDoubt();
    const recorded = await ok<{ recordCapacityAssessment: { id: string } }>(
      gw,
      RECORD,
      { key: newKey(), input: { ...subject, ...hasCapacity } },
      lead,
    );
    const id = recorded.recordCapacityAssessment.id;
    const corrected = await ok<{ updateCapacityAssessment: Record<string, unknown> }>(
      gw,
      UPDATE,
      { id, version: 1, input: lacking },
      champion,
    );
    expect(corrected.updateCapacityAssessment).toMatchObject({ version: 2, lacksCapacity: true });
    const stale = await gw.graphql(UPDATE, { id, version: 1, input: hasCapacity }, champion);
    expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
    const [row] = await gw.sql<{ lacks_capacity: boolean }>(
      'select lacks_capacity from capacity_assessment where id = $1',
      [id],
    );
    expect(row!.lacks_capacity).toBe(true);
  });

  it('is for leads and champions only, and follows a restriction of its person', async () => {
    const subject = await concernInDoubt();
    const recorded = await ok<{ recordCapacityAssessment: { id: string } }>(
      gw,
      RECORD,
      { key: newKey(), input: { ...subject, ...hasCapacity } },
      lead,
    );
    const read = `query($id: ID!) { capacityAssessment(id: $id) { id } }`;
    for (const as of [user('tom'), user('gareth'), user('dee'), user('ana')]) {
      const refused = await gw.graphql(read, { id: recorded.recordCapacityAssessment.id }, as);
      expect(refused.errors?.[0]?.extensions?.code, as.email).toBe('FORBIDDEN');
      const list = await gw.graphql(AWAITING, {}, as);
      expect(list.errors?.[0]?.extensions?.code, as.email).toBe('FORBIDDEN');
    }
    const inDoubt = await concernInDoubt();
    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: subject.personId,
    });
    await ok(gw, `mutation($id: ID!) { restrictPerson(id: $id, input: { reason: "Fled abuse" }) { id } }`, {
      id: inDoubt.personId,
    });
    const hidden = await gw.graphql(read, { id: recorded.recordCapacityAssessment.id }, champion);
    expect(hidden.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
    const listed = await ok<Awaiting>(gw, AWAITING, {}, champion);
    expect(listed.concernsAwaitingCapacityAssessment.edges.map((e) => e.node.id)).not.toContain(
      inDoubt.concernId,
    );
    const byLead = await ok<Awaiting>(gw, AWAITING, {}, lead);
    expect(byLead.concernsAwaitingCapacityAssessment.edges.map((e) => e.node.id)).toContain(
      inDoubt.concernId,
    );
  });
});
