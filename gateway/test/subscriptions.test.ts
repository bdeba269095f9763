import { randomUUID } from 'node:crypto';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/tokens.js';
import { DEMO_ORGANISATIONS } from '../src/db/demo.js';
import { deactivateUser } from '../src/modules/organisation/user.service.js';
import { User } from '../src/modules/organisation/user.entity.js';
import { testGateway, user } from './harness.js';
import { newStaff, ok, otherAgencyOfficer, referToNorthshire } from './records.js';
import { TRANSPORTS, watchSse, watchWs, type Watch } from './subscription-clients.js';

/**
 * Live updates of referrals as GraphQL subscriptions, over both transports (graphql-ws on a
 * WebSocket at /graphql, graphql-sse at /graphql/stream), with their own clients: who hears what,
 * resuming from a position, how a stream ends when access does, and refusals. Two gateways over
 * one database: test/two-gateways.test.ts.
 */
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const lead = user('priya'); // Riverside's safeguarding lead: she sends the referrals
const officer = user('dee'); // Northshire Adult Social Care's officer: they receive them
const otherProvider = user('morgan'); // Hillcrest's safeguarding lead
const frontline = user('tom');

const UPDATED = `subscription U($referralId: ID, $after: String) {
  referralUpdated(referralId: $referralId, after: $after) { id kind status at referral { id version } }
}`;
const RECEIVED = `subscription R($after: String) {
  referralReceived(after: $after) { id kind referral { id status shared { summary } } }
}`;

let gw: Awaited<ReturnType<typeof testGateway>>;
let police: { token: string }; // an officer of another agency
const open: Watch[] = [];
beforeAll(async () => {
  gw = await testGateway({ eventsRecheckSeconds: 60 });
  police = await otherAgencyOfficer(gw);
});
afterEach(() => {
  // Each test hears only its own subscriptions' events (and audits only their reads).
  for (const watch of open.splice(0)) watch.stop();
});
afterAll(() => gw.close());

type Transport = keyof typeof TRANSPORTS;
async function watch(
  transport: Transport,
  as: Parameters<typeof gw.tokenFor>[0] | { token: string },
  query: string,
  variables: Record<string, unknown> = {},
) {
  const token = 'token' in as ? as.token : await gw.tokenFor(as);
  const w = TRANSPORTS[transport](gw.base, token, { query, variables });
  open.push(w);
  return w;
}

/** The last position in the event log now: subscribing after it misses nothing from here on. */
async function position(): Promise<string> {
  const [row] = await gw.sql<{ id: string }>(`select coalesce(max(id), 0)::text as id from referral_event`);
  return row!.id;
}

const refer = () => referToNorthshire(gw, { newConcern: true });

async function move(mutation: 'acknowledgeReferral' | 'acceptReferral', referralId: string, version: number) {
  await ok(
    gw,
    `mutation M($input: ReferralMoveInput!) { ${mutation}(input: $input) { version } }`,
    { input: { referralId, version } },
    officer,
  );
}

/** The log's events of a referral after `after`, as (id, kind, status). */
async function logged(referralId: string, after = '0') {
  return gw.sql<{ id: string; kind: string; status: string }>(
    `select id::text, kind, status from referral_event where referral_id = $1 and id > $2 order by id`,
    [referralId, after],
  );
}

type Delivered = { id: string; kind: string; status: string; referral: { id: string } };
const events = (w: Watch, field = 'referralUpdated') =>
  w.results.map((r) => r.data?.[field] as Delivered).filter(Boolean);
const codes = (w: Watch) => w.results.flatMap((r) => (r.errors ?? []).map((e) => e.extensions?.code));

describe.each(['graphql-ws', 'graphql-sse'] as const)('referral subscriptions over %s', (transport) => {
  it('deliver each event of a referral to the sender and the agency, read as each may read it, and audited', async () => {
    const after = await position();
    const agency = await watch(transport, officer, UPDATED, { after });
    const sender = await watch(transport, lead, UPDATED, { after });
    const received = await watch(transport, officer, RECEIVED, { after });
    const id = await refer();
    await move('acknowledgeReferral', id, 1);

    const want = (await logged(id)).map((e) => ({
      id: e.id,
      kind: e.kind,
      status: e.status,
      referral: { id },
    }));
    expect(want.map((e) => e.kind)).toEqual(['SENT', 'MOVED']);
    for (const w of [agency, sender]) {
      await expect.poll(() => events(w).filter((e) => e.referral.id === id).length).toBe(2);
      expect(
        events(w)
          .filter((e) => e.referral.id === id)
          .map(({ id, kind, status, referral: { id: rid } }) => ({
            id,
            kind,
            status,
            referral: { id: rid },
          })),
      ).toEqual(want);
    }
    // New referrals only: the SENT event, with what was shared.
    await expect.poll(() => events(received, 'referralReceived').length).toBeGreaterThan(0);
    const news = events(received, 'referralReceived') as (Delivered & {
      referral: { shared: { summary: string } };
    })[];
    expect(news.filter((e) => e.referral.id === id).map((e) => [e.kind, e.referral.shared.summary])).toEqual([
      ['SENT', 'Older man, confused, no heating or food.'],
    ]);
    // Each delivery read the referral as the caller, in the audit trail.
    const reads = await gw.sql<{ actor_user_id: string; n: number }>(
      `select actor_user_id, count(*)::int as n from audit_event
        where action = 'READ' and entity_type = 'Referral' and entity_id = $1 group by actor_user_id`,
      [id],
    );
    expect(Object.fromEntries(reads.map((r) => [r.actor_user_id, r.n]))).toEqual({
      [officer.id]: 3,
      [lead.id]: 2,
    });
  });

  it('deliver nothing to another agency or another housing provider', async () => {
    const after = await position();
    const otherAgency = await watch(transport, police, UPDATED, { after });
    const otherAgencyNew = await watch(transport, police, RECEIVED, { after });
    const hillcrest = await watch(transport, otherProvider, UPDATED, { after });
    const agency = await watch(transport, officer, UPDATED, { after });
    const id = await refer();
    await move('acknowledgeReferral', id, 1);
    await expect.poll(() => events(agency).filter((e) => e.referral.id === id).length).toBe(2);
    for (const w of [otherAgency, otherAgencyNew, hillcrest]) {
      expect(w.results).toEqual([]);
      expect(w.failure).toBeUndefined();
    }
  });

  it('resume after the last event seen: exactly the events missed, then live ones, none twice', async () => {
    const id = await refer();
    const [sent] = await logged(id);
    // Away: the agency acknowledges and accepts.
    await move('acknowledgeReferral', id, 1);
    await move('acceptReferral', id, 2);
    // Back, with a message sent while the subscription starts (replay and live meet here).
    const resumed = await watch(transport, officer, UPDATED, { referralId: id, after: sent!.id });
    await ok(
      gw,
      `mutation($input: ReferralMessageInput!) { sendReferralMessage(input: $input) { id } }`,
      { input: { referralId: id, body: 'Is there a key safe?' } },
      officer,
    );
    await expect.poll(() => events(resumed).length).toBe(3);
    // Then live.
    await ok(
      gw,
      `mutation($input: CloseReferralInput!) { closeReferral(input: $input) { version } }`,
      { input: { referralId: id, version: 3, outcome: 'ASSESSMENT_COMPLETED' } },
      officer,
    );
    await expect.poll(() => events(resumed).length).toBe(4);
    const want = await logged(id, sent!.id);
    expect(events(resumed).map((e) => [e.id, e.kind, e.status])).toEqual(
      want.map((e) => [e.id, e.kind, e.status]),
    );
    expect(want.map((e) => e.kind)).toEqual(['MOVED', 'MOVED', 'MESSAGE', 'MOVED']);
  });

  it('refuse a bad position, a referral the caller cannot read, and a caller who may not subscribe', async () => {
    const id = await refer();
    const cases: [Parameters<typeof watch>[1], Record<string, unknown>, string][] = [
      [officer, { after: 'yesterday' }, 'BAD_USER_INPUT'],
      [officer, { after: '-1' }, 'BAD_USER_INPUT'],
      [officer, { after: '99999999999999999999' }, 'BAD_USER_INPUT'],
      [officer, { referralId: 'not-an-id' }, 'NOT_FOUND'],
      [officer, { referralId: '00000000-0000-4000-8000-00000000dead' }, 'NOT_FOUND'],
      [otherProvider, { referralId: id }, 'NOT_FOUND'],
      [frontline, {}, 'FORBIDDEN'],
    ];
    for (const [as, variables, code] of cases) {
      const w = await watch(transport, as, UPDATED, variables);
      await expect.poll(() => w.done, { timeout: 5_000 }).toBe(true);
      expect(codes(w), JSON.stringify(variables)).toEqual([code]);
      expect(events(w)).toEqual([]);
    }
  });

  it('end the stream when the token expires', async () => {
    const token = (
      await signSessionToken(gw.config.jwt, { userId: officer.id, organisationId: officer.organisationId }, 2)
    ).token;
    const w = await watch(transport, { token }, UPDATED, { after: await position() });
    await expect.poll(() => w.done, { timeout: 6_000 }).toBe(true);
    if (transport === 'graphql-ws') expect(w.closeCode).toBe(4401);
    else expect(codes(w)).toEqual(['UNAUTHENTICATED']);
  });

  it('end the stream at once when the user is deactivated', async () => {
    const staff = await newStaff(gw, `rhys.${transport}@riverside.example`, ['SAFEGUARDING_CHAMPION']);
    const { token } = staff;
    const w = await watch(transport, { token }, UPDATED, { after: await position() });
    const id = await refer();
    await expect.poll(() => events(w).filter((e) => e.referral.id === id).length).toBe(1);
    await gw.orm.em
      .fork()
      .transactional(async (tx) => deactivateUser(tx, await tx.findOneOrFail(User, staff.id)));
    await expect.poll(() => w.done, { timeout: 5_000 }).toBe(true);
    if (transport === 'graphql-ws') expect(w.closeCode).toBe(4403);
    else expect(codes(w)).toEqual(['FORBIDDEN']);
  });
});

describe('each event delivered', () => {
  const champion = (email: string) => newStaff(gw, email, ['SAFEGUARDING_CHAMPION']);
  /** Every instance forgets the identities it checked (as any deactivation elsewhere makes it). */
  const forgetIdentities = () =>
    gw.sql(`select pg_notify('doorstep_events', $1)`, [
      JSON.stringify({ type: 'revoked', organisationId: lead.organisationId, userId: randomUUID() }),
    ]);

  it('checks the caller again first: a user deactivated without an announcement gets no more', async () => {
    const rhys = await champion('rhys.quiet@riverside.example');
    const w = await watch('graphql-sse', rhys, UPDATED, { after: await position() });
    const first = await refer();
    await expect.poll(() => events(w).map((e) => e.referral.id)).toEqual([first]);
    await gw.sql(`update app_user set deactivated_at = now() where id = $1`, [rhys.id]);
    await forgetIdentities();
    const second = await refer();
    await expect.poll(() => w.done).toBe(true);
    expect(events(w).map((e) => e.referral.id)).toEqual([first]);
    expect(codes(w)).toEqual(['FORBIDDEN']);
    const reads = await gw.sql(`select 1 from audit_event where actor_user_id = $1 and entity_id = $2`, [
      rhys.id,
      second,
    ]);
    expect(reads).toEqual([]);
  });

  it('checks the caller’s roles again: one who may no longer read referrals is refused and the stream ends', async () => {
    const rhys = await champion('rhys.moved@riverside.example');
    const w = await watch('graphql-ws', rhys, UPDATED, { after: await position() });
    const first = await refer();
    await expect.poll(() => events(w).map((e) => e.referral.id)).toEqual([first]);
    await gw.sql(`update app_user set roles = '{FRONTLINE}' where id = $1`, [rhys.id]);
    await forgetIdentities();
    await refer();
    await expect.poll(() => w.done).toBe(true);
    expect(events(w).map((e) => e.referral.id)).toEqual([first]);
    expect(codes(w)).toEqual(['FORBIDDEN']);
  });

  it('skips an event whose referral the caller cannot read, even one announced to their organisation', async () => {
    // A misrouted announcement: Riverside's event, announced as if Hillcrest were party to it.
    const id = await refer();
    const [event] = await logged(id);
    const count = (what: string) => gw.logs.filter((l) => l.includes(what)).length;
    const started = count('subscription.start');
    const hillcrest = await watch('graphql-ws', otherProvider, UPDATED, { after: await position() });
    await expect.poll(() => count('subscription.start')).toBe(started + 1);
    const skippedBefore = count('subscription.skipped');
    await gw.sql(`select pg_notify('doorstep_events', $1)`, [
      JSON.stringify({
        type: 'referral',
        organisationId: otherProvider.organisationId,
        recipientOrganisationId: NORTHSHIRE,
        eventId: event!.id,
        referralId: id,
        kind: 'SENT',
      }),
    ]);
    await expect.poll(() => count('subscription.skipped')).toBe(skippedBefore + 1);
    expect(hillcrest.results).toEqual([]);
    expect(hillcrest.done).toBe(false);
    const reads = await gw.sql(`select 1 from audit_event where actor_user_id = $1 and entity_id = $2`, [
      otherProvider.id,
      id,
    ]);
    expect(reads).toEqual([]);
  });
});

describe('subscription requests', () => {
  const ids = (n: number) => Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ');
  const aliased = (n: number) => `subscription { referralUpdated { referral { ${ids(n)} } } }`;

  it('over the query limits are refused as a query is, over both transports', async () => {
    const token = await gw.tokenFor(officer);
    const query = aliased(31);
    const asQuery = await gw.graphql(`{ referral(id: "x") { ${ids(31)} } }`, {}, officer);
    expect(asQuery.errors?.[0]?.message).toBe('The query uses 31 aliases; the limit is 30.');

    const ws = watchWs(gw.base, token, { query });
    open.push(ws);
    await expect.poll(() => ws.done).toBe(true);
    const refused = ws.failure as { message: string; extensions?: { code?: string } }[];
    expect(refused.map((e) => [e.extensions?.code, e.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'The query uses 31 aliases; the limit is 30.'],
    ]);

    const sse = await fetch(`${gw.base}/graphql/stream`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'text/event-stream',
        authorization: `Bearer ${token}`,
      },
      body: JSON.stringify({ query }),
    });
    expect(sse.status).toBe(400);
    expect(await sse.json()).toEqual({
      errors: [
        {
          message: 'The query uses 31 aliases; the limit is 30.',
          extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
        },
      ],
    });
    // Within the limits, the same shape is accepted.
    const fine = watchWs(gw.base, token, { query: aliased(30) });
    open.push(fine);
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(fine.failure).toBeUndefined();
    fine.stop();
  });

  it('with hostile or mistyped input get typed refusals, never an internal error', async () => {
    const token = await gw.tokenFor(officer);
    const inputs: Record<string, unknown>[] = [
      { after: 5 },
      { after: ['1'] },
      { after: 'a\u0000b' },
      { after: 'x'.repeat(100_000) },
      { referralId: { id: 1 } },
      { referralId: '\ud800' },
      { referralId: '1'.repeat(40) },
    ];
    for (const variables of inputs) {
      const w = watchWs(gw.base, token, { query: UPDATED, variables });
      open.push(w);
      await expect.poll(() => w.done, { timeout: 5_000 }).toBe(true);
      // graphql-sse's client says only "400": read the answer itself.
      const sse = await fetch(`${gw.base}/graphql/stream`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          accept: 'text/event-stream',
          authorization: `Bearer ${token}`,
        },
        body: JSON.stringify({ query: UPDATED, variables }),
      });
      for (const answer of [JSON.stringify([w.failure, w.results]), await sse.text()]) {
        expect(answer, JSON.stringify(variables).slice(0, 80)).toMatch(/BAD_USER_INPUT|NOT_FOUND/);
        expect(answer).not.toContain('INTERNAL_SERVER_ERROR');
      }
    }
    expect(gw.logs.filter((l) => l.includes('unexpected'))).toEqual([]);
  });

  it('without a valid token are refused: 4401 on the socket, 401 for the stream', async () => {
    const ws = watchWs(gw.base, 'not-a-token', { query: UPDATED });
    open.push(ws);
    await expect.poll(() => ws.done).toBe(true);
    expect(ws.closeCode).toBe(4401);
    const sse = await fetch(`${gw.base}/graphql/stream`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'text/event-stream' },
      body: JSON.stringify({ query: UPDATED }),
    });
    expect(sse.status).toBe(401);
    expect(
      ((await sse.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
    ).toBe('UNAUTHENTICATED');
  });

  it('of queries go to POST /graphql, and subscriptions do not go there', async () => {
    const token = await gw.tokenFor(officer);
    const ws = watchSse(gw.base, token, { query: '{ referralsReceived { totalCount } }' });
    open.push(ws);
    await expect.poll(() => ws.done).toBe(true);
    const post = await gw.graphql(UPDATED, {}, officer);
    expect(post.status).toBe(400);
    expect(post.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_REQUEST']);
    const wsQuery = watchWs(gw.base, token, { query: '{ referralsReceived { totalCount } }' });
    open.push(wsQuery);
    await expect.poll(() => wsQuery.done).toBe(true);
    expect((wsQuery.failure as { extensions?: { code?: string } }[])[0]?.extensions?.code).toBe(
      'BAD_REQUEST',
    );
  });

  it('log ids and counts only', () => {
    const lines = gw.logs.filter((line) => line.includes('subscription.'));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toMatch(/Older man|key safe|Bearer|eyJ/);
  });
});
