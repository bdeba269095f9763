import { addMonths, isoDateOf } from '@doorstep/schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newKey, testGateway, user } from '../../../test/harness.js';
import { csvCell } from '../../common/csv.js';
import { count, createHousehold, createPerson, lead, ok, raise } from '../../../test/records.js';

const tom = user('tom');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

const CHRONOLOGY = `query($s: ChronologySubjectInput!, $f: ChronologyFilterInput, $first: Int, $after: String) {
  chronology(subject: $s, filter: $f, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id kind occurredAt summary sourceType sourceId pinned detail } }
  }
}`;
type Entry = {
  id: string;
  kind: string;
  occurredAt: string;
  summary: string;
  sourceId: string;
  pinned: boolean;
  detail: Record<string, unknown>;
};
type Page = {
  chronology: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string };
    edges: { node: Entry }[];
  };
};
const kinds = (page: Page) => page.chronology.edges.map((e) => e.node.kind);

/** A person in a household with a concern (triaged) and a warning: a small history. */
async function history() {
  const household = await createHousehold(gw);
  const { person } = await createPerson(
    gw,
    { givenName: 'Chris' },
    { householdId: household.id, joinedOn: '2020-01-01' },
  );
  const concern = await raise(gw, {
    householdId: household.id,
    subjectIds: [person.id],
    happenedAt: '2025-06-01T10:00:00Z',
    whatHappened: '=HYPERLINK("http://evil.example","click")',
  });
  await ok(
    gw,
    `mutation($id: ID!) { triageConcern(id: $id, input: { decision: NO_FURTHER_ACTION, riskLevel: MEDIUM, reason: "+1 needs help" }) { id } }`,
    {
      id: concern.id,
    },
  );
  await ok(
    gw,
    `mutation($key: String!, $input: WarningInput!) { addWarning(idempotencyKey: $key, input: $input) { id } }`,
    {
      key: newKey(),
      input: {
        personId: person.id,
        type: 'ADULT_AT_RISK',
        description: 'Speak slowly',
        reviewDate: addMonths(isoDateOf(), 3),
        told: { status: 'TOLD', how: 'In person' },
      },
    },
  );
  return { household, person, concern };
}

describe('the chronology', () => {
  it('holds every concern, triage decision and warning change for a person, in order', async () => {
    const { person, concern } = await history();
    const page = await ok<Page>(gw, CHRONOLOGY, { s: { personId: person.id } });
    expect(kinds(page)).toEqual(['MEMBER_JOINED', 'CONCERN_RAISED', 'CONCERN_TRIAGED', 'WARNING_ADDED']);
    expect(page.chronology.edges[1]!.node).toMatchObject({
      sourceId: concern.id,
      occurredAt: '2025-06-01T10:00:00.000Z',
    });
    expect(page.chronology.edges[2]!.node.detail).toMatchObject({
      decision: 'NO_FURTHER_ACTION',
      riskLevel: 'MEDIUM',
    });
    const newest = await ok<Page>(gw, CHRONOLOGY, { s: { personId: person.id }, f: { newestFirst: true } });
    expect(kinds(newest)).toEqual([...kinds(page)].reverse());
    expect(
      await count(
        gw,
        `select count(*) as n from audit_event where entity_type = 'PersonChronology' and entity_id = $1`,
        [person.id],
      ),
    ).toBe(2);
  });

  it('filters by kind and by date, and pages with a cursor', async () => {
    const { person } = await history();
    const byKind = await ok<Page>(gw, CHRONOLOGY, {
      s: { personId: person.id },
      f: { kinds: ['CONCERN_TRIAGED', 'WARNING_ADDED'] },
    });
    expect(kinds(byKind)).toEqual(['CONCERN_TRIAGED', 'WARNING_ADDED']);
    const byDate = await ok<Page>(gw, CHRONOLOGY, {
      s: { personId: person.id },
      f: { from: '2025-05-01', to: '2025-06-01' },
    });
    expect(kinds(byDate)).toEqual(['CONCERN_RAISED']);
    const first = await ok<Page>(gw, CHRONOLOGY, { s: { personId: person.id }, first: 3 });
    expect(first.chronology).toMatchObject({ totalCount: 4, pageInfo: { hasNextPage: true } });
    const rest = await ok<Page>(gw, CHRONOLOGY, {
      s: { personId: person.id },
      first: 3,
      after: first.chronology.pageInfo.endCursor,
    });
    expect([...kinds(first), ...kinds(rest)]).toEqual([
      'MEMBER_JOINED',
      'CONCERN_RAISED',
      'CONCERN_TRIAGED',
      'WARNING_ADDED',
    ]);
    expect(rest.chronology.pageInfo.hasNextPage).toBe(false);
    // Every page counts the whole chronology, the filter applied: one after the cursor, and one past
    // the end (no rows, so its total takes a statement of its own).
    expect(rest.chronology.totalCount).toBe(4);
    const past = await ok<Page>(gw, CHRONOLOGY, {
      s: { personId: person.id },
      after: rest.chronology.pageInfo.endCursor,
    });
    expect(past.chronology).toMatchObject({ totalCount: 4, edges: [] });
    expect(
      (await ok<Page>(gw, CHRONOLOGY, { s: { personId: person.id }, f: { kinds: ['WARNING_ADDED'] } }))
        .chronology.totalCount,
    ).toBe(1);
    const none = await ok<Page>(gw, CHRONOLOGY, {
      s: { personId: person.id },
      f: { from: '2000-01-01', to: '2000-01-02' },
    });
    expect(none.chronology).toMatchObject({ totalCount: 0, edges: [] });
    const bad = await gw.graphql(
      CHRONOLOGY,
      { s: { personId: person.id }, f: { from: '2025-07-01', to: '2025-06-01' } },
      lead,
    );
    expect(bad.errors?.[0]?.extensions?.fields?.[0]?.field).toBe('to');
  });

  it('pins key events, and shows only those when asked', async () => {
    const { person } = await history();
    const page = await ok<Page>(gw, CHRONOLOGY, { s: { personId: person.id } });
    const triage = page.chronology.edges.find((e) => e.node.kind === 'CONCERN_TRIAGED')!.node;
    await ok(gw, `mutation($id: ID!) { pinChronologyEntry(id: $id, pinned: true) { pinned } }`, {
      id: triage.id,
    });
    const pinned = await ok<Page>(gw, CHRONOLOGY, { s: { personId: person.id }, f: { pinnedOnly: true } });
    expect(pinned.chronology.edges.map((e) => e.node.id)).toEqual([triage.id]);
  });

  it('of a household holds its members’ entries from while they lived there, and not after they left', async () => {
    const household = await createHousehold(gw);
    const { person } = await createPerson(gw, { givenName: 'Mover' });
    const joined = await ok<{ addHouseholdMember: { id: string } }>(
      gw,
      `mutation($h: ID!, $p: ID!) { addHouseholdMember(householdId: $h, input: { personId: $p, role: OCCUPANT, joinedOn: "2020-01-01" }) { id } }`,
      { h: household.id, p: person.id },
    );
    await raise(gw, { subjectIds: [person.id], happenedAt: '2022-01-01T09:00:00Z' }); // no household given
    await ok(
      gw,
      `mutation($m: ID!) { endHouseholdMembership(memberId: $m, input: { leftOn: "2023-01-01" }) { id } }`,
      {
        m: joined.addHouseholdMember.id,
      },
    );
    await raise(gw, { subjectIds: [person.id], happenedAt: '2024-01-01T09:00:00Z' });
    const page = await ok<Page>(gw, CHRONOLOGY, { s: { householdId: household.id } });
    expect(page.chronology.edges.map((e) => [e.node.kind, e.node.occurredAt.slice(0, 4)])).toEqual([
      ['MEMBER_JOINED', '2020'],
      ['CONCERN_RAISED', '2022'],
      ['MEMBER_LEFT', '2023'],
    ]);
  });

  it('exports as CSV safe against formula injection, and as JSON, each audited as an EXPORT', async () => {
    const { person } = await history();
    const EXPORT = `query($s: ChronologySubjectInput!, $format: ExportFormat!) {
      chronologyExport(subject: $s, format: $format) { filename contentType entryCount content }
    }`;
    const csv = await ok<{
      chronologyExport: { filename: string; contentType: string; entryCount: number; content: string };
    }>(gw, EXPORT, { s: { personId: person.id }, format: 'CSV' });
    expect(csv.chronologyExport).toMatchObject({ entryCount: 4, contentType: 'text/csv; charset=utf-8' });
    const lines = csv.chronologyExport.content.trim().split('\r\n');
    expect(lines[0]).toBe(
      '"occurredAt","recordedAt","kind","summary","pinned","sourceType","sourceId","householdId","personIds","detail"',
    );
    expect(lines).toHaveLength(5);
    // Every cell is quoted; none starts with a formula character, even the free text in `detail`.
    for (const line of lines)
      for (const cell of line.match(/"(?:[^"]|"")*"/g)!) expect(cell).not.toMatch(/^"[=+\-@]/);
    const json = await ok<{ chronologyExport: { content: string } }>(gw, EXPORT, {
      s: { personId: person.id },
      format: 'JSON',
    });
    const parsed = JSON.parse(json.chronologyExport.content) as {
      entries: { kind: string; detail: { whatHappened?: string } }[];
    };
    expect(parsed.entries.map((e) => e.kind)).toEqual([
      'MEMBER_JOINED',
      'CONCERN_RAISED',
      'CONCERN_TRIAGED',
      'WARNING_ADDED',
    ]);
    expect(parsed.entries[1]!.detail.whatHappened).toBe('=HYPERLINK("http://evil.example","click")');
    expect(
      await gw.sql(`select reason from audit_event where action = 'EXPORT' and entity_id = $1 order by id`, [
        person.id,
      ]),
    ).toEqual([{ reason: 'CSV' }, { reason: 'JSON' }]);
    expect(
      (await gw.graphql(EXPORT, { s: { personId: person.id }, format: 'CSV' }, tom)).errors?.[0]?.extensions
        ?.code,
    ).toBe('FORBIDDEN');
  });
});

describe('a CSV cell', () => {
  it('is quoted, with quotes doubled, and never starts with a formula character', () => {
    expect(csvCell('plain')).toBe('"plain"');
    expect(csvCell('say "hi"')).toBe('"say ""hi"""');
    for (const attack of ['=1+1', '+44 7700', '-2', '@SUM(A1)', '\tcmd', '\rcmd']) {
      expect(csvCell(attack)).toBe(`"'${attack}"`);
    }
    expect(csvCell(null)).toBe('""');
    expect(csvCell({ a: 1 })).toBe('"{""a"":1}"');
  });
});
