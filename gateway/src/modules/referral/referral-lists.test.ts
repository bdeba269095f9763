import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { statementLog, testGateway, user } from '../../../test/harness.js';
import { ok, otherAgencyOfficer, raise } from '../../../test/records.js';

/**
 * The two lists of referrals, filtered: the sender's (`referralsSent`) and the agency's
 * (`referralsReceived`), by status, overdue, the UK days sent and the other organisation, a page at a
 * time; and their moves and messages read for a whole page at once.
 */

const lead = user('priya');
const officer = user('dee');
const otherLead = user('morgan');
const [RIVERSIDE, HILLCREST, NORTHSHIRE] = DEMO_ORGANISATIONS.map((o) => o.id) as [string, string, string];

const REFER = `mutation($input: ReferConcernInput!) { referConcern(input: $input) { id } }`;
const ACKNOWLEDGE = `mutation($input: ReferralMoveInput!) { acknowledgeReferral(input: $input) { id } }`;
const MESSAGE = `mutation($input: ReferralMessageInput!) { sendReferralMessage(input: $input) { id } }`;
const page = (list: 'referralsSent' | 'referralsReceived', filter: string, fields = 'id') =>
  `query($first: Int, $after: String, $filter: ${filter}, $overdue: Boolean) {
    ${list}(first: $first, after: $after, filter: $filter, overdue: $overdue) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ${fields} } }
    }
  }`;
const SENT = page('referralsSent', 'SentReferralsFilter');
const RECEIVED = page('referralsReceived', 'ReceivedReferralsFilter');

type Page<Node = { id: string }> = {
  totalCount: number;
  pageInfo: { hasNextPage: boolean; endCursor: string | null };
  edges: { node: Node }[];
};
type Who = Parameters<Awaited<ReturnType<typeof testGateway>>['graphql']>[2];

const log = statementLog();
let gw: Awaited<ReturnType<typeof testGateway>>;
let police: { token: string; id: string };
/** Riverside's referrals to Northshire, oldest first: sent one a day from 1 March 2026 at noon. */
const riverside: string[] = [];
let toPolice: string;
const hillcrest: string[] = [];

async function refer(as: Who, concernId: string, agency: string): Promise<string> {
  const input = {
    concernId,
    recipientOrganisationId: agency,
    reason: 'Needs an assessment.',
    legalBasis: 'CONSENT',
    summary: 'Older man, no heating.',
  };
  return (await ok<{ referConcern: { id: string } }>(gw, REFER, { input }, as as never)).referConcern.id;
}

beforeAll(async () => {
  gw = await testGateway({}, log.orm);
  const { token } = await otherAgencyOfficer(gw);
  const [org] = await gw.sql<{ id: string }>(`select id from organisation where name = 'Northshire Police'`);
  police = { token, id: org!.id };
  const ours = await raise(gw);
  for (let i = 0; i < 24; i++) riverside.push(await refer(lead, ours.id, NORTHSHIRE));
  toPolice = await refer(lead, ours.id, police.id);
  const theirs = await raise(gw, {}, otherLead);
  for (let i = 0; i < 3; i++) hillcrest.push(await refer(otherLead, theirs.id, NORTHSHIRE));
  // Sent one a day at noon UTC from 1 March 2026; the last of Riverside's at 23:30 UTC on 1 June,
  // 00:30 on 2 June in the UK (BST).
  for (const [i, id] of riverside.entries()) {
    await gw.sql(
      `update referral set sent_at = timestamptz '2026-03-01 12:00Z' + make_interval(days => $2), respond_by = null where id = $1`,
      [id, i],
    );
  }
  await gw.sql(`update referral set sent_at = '2026-06-01 23:30Z' where id = $1`, [riverside.at(-1)]);
  await gw.sql(`update referral set sent_at = '2026-03-10 09:00Z' where id = any($1)`, [
    [toPolice, ...hillcrest],
  ]);
  // Every third acknowledged by the agency (a move each); the first four overdue.
  for (const id of riverside.filter((_, i) => i % 3 === 0)) {
    await ok(gw, ACKNOWLEDGE, { input: { referralId: id, version: 1 } }, officer);
    await ok(gw, MESSAGE, { input: { referralId: id, body: 'Is he at home in the mornings?' } }, officer);
  }
  await gw.sql(`update referral set respond_by = '2026-03-02 17:00Z' where id = any($1)`, [
    riverside.slice(0, 4),
  ]);
});
afterAll(() => gw.close());

/** Every page of a list, `first` at a time: the ids in order, and each page's total. */
async function walk(doc: string, as: Who, filter: Record<string, unknown>, first = 4) {
  const ids: string[] = [];
  const totals = new Set<number>();
  let after: string | null = null;
  for (let pages = 0; pages < 50; pages++) {
    const result: { errors?: unknown; data?: Record<string, Page> | null } = await gw.graphql<
      Record<string, Page>
    >(doc, { first, after, filter }, as);
    expect(result.errors).toBeUndefined();
    const list: Page = Object.values(result.data!)[0]!;
    totals.add(list.totalCount);
    ids.push(...list.edges.map((e) => e.node.id));
    if (!list.pageInfo.hasNextPage) return { ids, totals: [...totals] };
    after = list.pageInfo.endCursor;
  }
  throw new Error('more than 50 pages');
}

/** The ids PostgreSQL finds for a condition on referral, newest first as the lists order them. */
const expected = async (where: string, params: unknown[] = []) =>
  (
    await gw.sql<{ id: string }>(
      `select id from referral where ${where} order by sent_at desc, id desc`,
      params,
    )
  ).map((r) => r.id);

const fieldsOf = (result: {
  errors?: { extensions?: { code?: string; fields?: { field: string }[] } }[];
}) => ({
  code: result.errors?.[0]?.extensions?.code,
  fields: result.errors?.[0]?.extensions?.fields?.map((f) => f.field),
});

describe('filtering the lists', () => {
  it('pages through a filtered list with a stable cursor: every match once, in order, the total on every page', async () => {
    const filter = { status: ['SENT', 'ACKNOWLEDGED'], sentFrom: '2026-03-05', sentTo: '2026-03-20' };
    const sent = await walk(SENT, lead, filter, 3);
    const want = await expected(
      `organisation_id = $1 and status = any('{SENT,ACKNOWLEDGED}') and sent_at >= '2026-03-05T00:00Z' and sent_at < '2026-03-21T00:00Z'`,
      [RIVERSIDE],
    );
    expect(want.length).toBeGreaterThan(6);
    expect(sent.ids).toEqual(want);
    expect(sent.totals).toEqual([want.length]);
    // The agency's side of the same: Hillcrest's three fall in the range too.
    const received = await walk(RECEIVED, officer, { ...filter, status: ['ACKNOWLEDGED'] }, 2);
    expect(received.ids).toEqual(
      await expected(
        `recipient_organisation_id = $1 and status = 'ACKNOWLEDGED' and sent_at >= '2026-03-05T00:00Z' and sent_at < '2026-03-21T00:00Z'`,
        [NORTHSHIRE],
      ),
    );
    expect(received.ids.length).toBeGreaterThan(2);
  });

  it('filters by one status or several', async () => {
    const acknowledged = await walk(SENT, lead, { status: ['ACKNOWLEDGED'] }, 100);
    expect(acknowledged.ids.sort()).toEqual(riverside.filter((_, i) => i % 3 === 0).sort());
    const both = await walk(SENT, lead, { status: ['SENT', 'ACKNOWLEDGED'] }, 100);
    expect(both.ids).toHaveLength(riverside.length + 1);
    expect((await walk(SENT, lead, { status: ['CLOSED'] })).ids).toEqual([]);
    // No status given, or an empty list: every status.
    expect((await walk(SENT, lead, { status: [] }, 100)).ids).toHaveLength(riverside.length + 1);
  });

  it('filters by overdue, in the filter or the older argument alike', async () => {
    const overdue = await walk(SENT, lead, { overdue: true }, 100);
    expect(overdue.ids.sort()).toEqual(riverside.slice(0, 4).sort());
    const old = await gw.graphql<{ referralsSent: Page }>(SENT, { first: 100, overdue: true }, lead);
    expect(old.data!.referralsSent.edges.map((e) => e.node.id).sort()).toEqual(overdue.ids.sort());
    const notOverdue = await walk(SENT, lead, { overdue: false }, 100);
    expect(notOverdue.ids).toHaveLength(riverside.length + 1 - 4);
    // Overdue and acknowledged: an acknowledgement alone does not stop the clock.
    const both = await walk(SENT, lead, { overdue: true, status: ['ACKNOWLEDGED'] }, 100);
    expect(both.ids.sort()).toEqual([riverside[0], riverside[3]].sort());
  });

  it('filters by the UK days sent, both inclusive: 00:30 BST on 2 June is 2 June', async () => {
    const last = riverside.at(-1)!;
    const second = await walk(SENT, lead, { sentFrom: '2026-06-02', sentTo: '2026-06-02' });
    expect(second.ids).toEqual([last]);
    const first = await walk(SENT, lead, { sentFrom: '2026-06-01', sentTo: '2026-06-01' });
    expect(first.ids).toEqual([]);
    const oneDay = await walk(SENT, lead, { sentFrom: '2026-03-10', sentTo: '2026-03-10' });
    expect(oneDay.ids.sort()).toEqual([riverside[9], toPolice].sort());
    const fromOnly = await walk(SENT, lead, { sentFrom: '2026-03-20' }, 100);
    expect(fromOnly.ids).toEqual(
      await expected(`organisation_id = $1 and sent_at >= '2026-03-20T00:00Z'`, [RIVERSIDE]),
    );
    const toOnly = await walk(SENT, lead, { sentTo: '2026-03-02' }, 100);
    expect(toOnly.ids).toEqual([riverside[1], riverside[0]]);
  });

  it('filters by the other organisation; another’s id or an unknown one matches nothing', async () => {
    expect((await walk(SENT, lead, { agencyId: police.id })).ids).toEqual([toPolice]);
    expect((await walk(SENT, lead, { agencyId: NORTHSHIRE }, 100)).ids).toHaveLength(riverside.length);
    for (const agencyId of [HILLCREST, RIVERSIDE, randomUUID()]) {
      expect((await walk(SENT, lead, { agencyId })).ids, agencyId).toEqual([]);
    }
    expect((await walk(RECEIVED, officer, { senderId: HILLCREST })).ids.sort()).toEqual(
      [...hillcrest].sort(),
    );
    expect((await walk(RECEIVED, officer, { senderId: RIVERSIDE }, 100)).ids).toHaveLength(riverside.length);
    for (const senderId of [NORTHSHIRE, police.id, randomUUID()]) {
      expect((await walk(RECEIVED, officer, { senderId })).ids, senderId).toEqual([]);
    }
    // Another agency's officer, asking for Riverside's referrals: only the one sent to them.
    expect((await walk(RECEIVED, { token: police.token }, { senderId: RIVERSIDE })).ids).toEqual([toPolice]);
    // Another provider's lead, asking for what Riverside sent to Northshire: only their own.
    expect((await walk(SENT, otherLead, { agencyId: NORTHSHIRE })).ids.sort()).toEqual([...hillcrest].sort());
  });

  it('refuses a reversed or impossible range and malformed ids with a field message, and reads nothing', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ sentFrom: '2026-04-01', sentTo: '2026-03-31' }, 'filter.sentTo'],
      [{ sentFrom: '2026-02-30' }, 'filter.sentFrom'],
      [{ sentTo: '0000-12-31' }, 'filter.sentTo'],
      [{ sentFrom: '99999-01-01' }, 'filter.sentFrom'],
      [{ sentFrom: 'yesterday' }, 'filter.sentFrom'],
      [{ status: ['SENT', 'SENT'] }, 'filter.status'],
      [{ agencyId: 'police' }, 'filter.agencyId'],
    ];
    for (const [filter, field] of cases) {
      const result = await gw.graphql(SENT, { filter }, lead);
      expect(fieldsOf(result), JSON.stringify(filter)).toEqual({ code: 'BAD_USER_INPUT', fields: [field] });
    }
    const received = await gw.graphql(
      RECEIVED,
      { filter: { senderId: 'x', sentFrom: '2026-01-02', sentTo: '2026-01-01' } },
      officer,
    );
    expect(fieldsOf(received)).toEqual({
      code: 'BAD_USER_INPUT',
      fields: ['filter.sentTo', 'filter.senderId'].sort(),
    });
  });

  it('is each side’s own: the agency filter on the received list, the sender filter on the sent list, are refused', async () => {
    const wrongSide = await gw.graphql(RECEIVED, { filter: { agencyId: NORTHSHIRE } }, officer);
    expect(wrongSide.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    const theirs = await gw.graphql(SENT, { filter: { senderId: RIVERSIDE } }, lead);
    expect(theirs.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('moves and messages of a page', () => {
  const WITH_THREADS = page(
    'referralsReceived',
    'ReceivedReferralsFilter',
    'id moves { from to byName byAgency } messages { body byAgency }',
  );

  /** The statements one request sends, and its answer. */
  async function measure(first: number) {
    log.reset();
    const result = await gw.graphql<{
      referralsReceived: Page<{ id: string; moves: unknown[]; messages: unknown[] }>;
    }>(WITH_THREADS, { first, filter: { senderId: RIVERSIDE } }, officer);
    expect(result.errors).toBeUndefined();
    return { statements: [...log.statements], edges: result.data!.referralsReceived.edges };
  }

  it('reads them with one statement each for the whole page: no more statements for 20 referrals than for 2', async () => {
    const small = await measure(2);
    const large = await measure(20);
    expect(large.edges).toHaveLength(20);
    // The page has moves and messages to read.
    expect(large.edges.filter((e) => e.node.moves.length).length).toBeGreaterThan(3);
    expect(large.edges.filter((e) => e.node.messages.length).length).toBeGreaterThan(3);
    const reads = (statements: string[], table: string) =>
      statements.filter((s) => new RegExp(`from "${table}"`).test(s)).length;
    expect(reads(large.statements, 'referral_move')).toBe(1);
    expect(reads(large.statements, 'referral_message')).toBe(1);
    expect(large.statements.length).toBe(small.statements.length);
  });

  it('gives each referral its own moves and messages, oldest first', async () => {
    const { edges } = await measure(20);
    for (const { node } of edges) {
      const [{ moves, messages }] = (await gw.sql<{ moves: number; messages: number }>(
        `select (select count(*)::int from referral_move where referral_id = $1) as moves,
                (select count(*)::int from referral_message where referral_id = $1) as messages`,
        [node.id],
      )) as [{ moves: number; messages: number }];
      expect(node.moves, node.id).toHaveLength(moves);
      expect(node.messages, node.id).toHaveLength(messages);
    }
    const acknowledged = edges.find((e) => e.node.moves.length)!;
    expect(acknowledged.node.moves).toEqual([
      { from: 'SENT', to: 'ACKNOWLEDGED', byName: 'Dee Patel (social worker)', byAgency: true },
    ]);
    expect(acknowledged.node.messages).toEqual([{ body: 'Is he at home in the mornings?', byAgency: true }]);
  });
});
