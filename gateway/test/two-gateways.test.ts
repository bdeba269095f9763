import { freePort, runDoorstep, type DoorstepProcess } from '@doorstep/testkit';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/tokens.js';
import { startMaintenance, type Maintenance } from '../src/db/maintenance.js';
import { createLogger } from '../src/logger.js';
import { User } from '../src/modules/organisation/user.entity.js';
import { newKey, runTool, testGateway, user, validConcern } from './harness.js';
import { ok, referToNorthshire } from './records.js';
import { watchSse, watchWs } from './subscription-clients.js';

/**
 * Gateways keep nothing a request needs between requests, so several run behind a load balancer
 * over one PostgreSQL. Here two: the test's own (A, in this process) and the built gateway in a
 * process of its own (B, as `npm start` runs it with DATABASE_URL), each with its own pool, caches,
 * live-event listener and audit sealer. A client's requests land on either, as a load balancer
 * sends them.
 */
const lead = user('priya');
const champion = user('jo.williams');
const frontline = user('tom');
const RAISE = `mutation($key: String!, $input: RaiseConcernInput!) {
  raiseConcern(idempotencyKey: $key, input: $input) { reference }
}`;
const CONCERNS = `{ concerns(first: 10) { edges { node { reference location } } } }`;

let gw: Awaited<ReturnType<typeof testGateway>>;
let other: DoorstepProcess;
let otherBase: string;
let sealer: Maintenance;
const dataDir = path.join(os.tmpdir(), 'doorstep-two-gateways');
const secret = () => new TextDecoder().decode(gw.config.jwt.secret);

beforeAll(async () => {
  gw = await testGateway({ eventsRecheckSeconds: 60 });
  // A's background work, as main.ts starts it beside the server.
  sealer = startMaintenance(gw.orm, createLogger('silent'));
  const port = await freePort();
  other = runDoorstep({
    DATABASE_URL: gw.url,
    JWT_SECRET: secret(),
    HOST: '127.0.0.1',
    PORT: String(port),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    DOORSTEP_DATA_DIR: dataDir,
    EVENTS_RECHECK_SECONDS: '60',
  });
  await other.ready();
  otherBase = `http://127.0.0.1:${port}`;
}, 90_000);

afterAll(async () => {
  await other?.interrupt();
  await sealer?.stop();
  await gw?.close();
});

/** POST /graphql on the gateway at `base`. */
async function ask(base: string, query: string, variables: Record<string, unknown>, token: string) {
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as { data?: Record<string, unknown>; errors?: unknown[] };
  return { status: response.status, ...body };
}

describe('two gateways over one database', () => {
  it('store a submission sent to both once, and each reads what the other wrote', async () => {
    const key = newKey();
    const location = `Two Gateways Court ${key.slice(0, 6)}`;
    const input = validConcern({ location });
    const token = await gw.tokenFor(frontline);
    // The first attempt's answer was lost; the client sends it again and the balancer picks B.
    const first = await ask(gw.base, RAISE, { key, input }, token);
    const again = await ask(otherBase, RAISE, { key, input }, token);
    expect(first.errors).toBeUndefined();
    expect(again.errors).toBeUndefined();
    expect(again.data).toEqual(first.data);
    const stored = await gw.sql(`select id from concern where location = $1`, [location]);
    expect(stored).toHaveLength(1);

    // Read back through each gateway (the list is a compiled read), each read audited.
    const leadToken = await gw.tokenFor(lead);
    for (const base of [otherBase, gw.base]) {
      const list = await ask(base, CONCERNS, {}, leadToken);
      expect(list.errors).toBeUndefined();
      const edges = (list.data!.concerns as { edges: { node: { location: string } }[] }).edges;
      expect(
        edges.map((e) => e.node.location),
        base,
      ).toContain(location);
    }
    const audited = await gw.sql<{ n: number }>(
      `select count(distinct request_id)::int as n from audit_event
        where action = 'READ' and entity_type = 'Concern' and entity_id = $1`,
      [stored[0]!.id],
    );
    expect(audited[0]!.n).toBe(2);
  });

  it('deliver a live event from one gateway to a stream on the other', async () => {
    const stream = await gw.listen(champion, otherBase);
    try {
      expect(stream.response.status).toBe(200);
      const sophie = (
        await gw.sql<{ id: string }>(`select id from person where given_name = 'Sophie' and restricted`)
      )[0]!;
      const granted = await ask(
        gw.base,
        `mutation($input: GrantAccessInput!) { grantAccess(input: $input) { id } }`,
        {
          input: {
            userId: champion.id,
            subjectType: 'Person',
            subjectId: sophie.id,
            reason: 'Covering while the allocated worker is away',
            days: 1,
          },
        },
        await gw.tokenFor(lead),
      );
      expect(granted.errors).toBeUndefined();
      await expect
        .poll(() => stream.events.map((e) => e.event), { timeout: 5_000 })
        .toContain('notification');
    } finally {
      stream.close();
    }
  });

  it('deliver a referral moved on one gateway to subscriptions on the other, over both transports', async () => {
    const officer = user('dee');
    const id = await referToNorthshire(gw, { newConcern: true });
    const [sent] = await gw.sql<{ id: string }>(
      `select id::text from referral_event where referral_id = $1`,
      [id],
    );
    // The provider's lead watches on B; the agency moves the referral on A.
    const query = `subscription W($id: ID, $after: String) {
      referralUpdated(referralId: $id, after: $after) { id kind status }
    }`;
    const token = await gw.tokenFor(lead);
    const watchers = [watchWs, watchSse].map((watch) =>
      watch(otherBase, token, { query, variables: { id, after: sent!.id } }),
    );
    const statuses = (w: ReturnType<typeof watchWs>) =>
      w.results.map((r) => (r.data?.referralUpdated as { status: string } | undefined)?.status);
    const moveOnA = (mutation: string, version: number) =>
      ok(
        gw,
        `mutation M($input: ReferralMoveInput!) { ${mutation}(input: $input) { version } }`,
        { input: { referralId: id, version } },
        officer,
      );
    try {
      // The first move may reach them from the log (if it commits before they start): once it has,
      // they are live, and the second can only come through LISTEN/NOTIFY.
      await moveOnA('acknowledgeReferral', 1);
      for (const w of watchers) {
        await expect.poll(() => statuses(w), { timeout: 5_000 }).toEqual(['ACKNOWLEDGED']);
      }
      await moveOnA('acceptReferral', 2);
      for (const w of watchers) {
        await expect.poll(() => statuses(w), { timeout: 5_000 }).toEqual(['ACKNOWLEDGED', 'ACCEPTED']);
      }
    } finally {
      for (const w of watchers) w.stop();
    }
  });

  it('end access everywhere at once when it ends on one', async () => {
    const em = gw.orm.em.fork();
    const staff = em.create(User, {
      organisation: lead.organisationId,
      name: 'Rhys Morgan',
      email: 'rhys.morgan@riverside.example',
      roles: ['SAFEGUARDING_CHAMPION'],
    });
    await em.flush();
    const { token } = await signSessionToken(
      gw.config.jwt,
      { userId: staff.id, organisationId: lead.organisationId },
      600,
    );
    // Both gateways have checked (and keep for a while) the identity behind the token.
    for (const base of [gw.base, otherBase]) expect((await ask(base, CONCERNS, {}, token)).status).toBe(200);
    const stream = await gw.listen({ token }, otherBase);
    try {
      expect(stream.response.status).toBe(200);
      const result = await runTool('admin', ['user:deactivate', '--email', 'rhys.morgan@riverside.example'], {
        DATABASE_URL: gw.url,
        JWT_SECRET: secret(),
        DOORSTEP_DATA_DIR: dataDir,
      });
      expect(result.code, result.stderr).toBe(0);
      await expect.poll(() => stream.ended(), { timeout: 5_000 }).toBe(true);
      for (const base of [gw.base, otherBase])
        expect((await ask(base, CONCERNS, {}, token)).status).toBe(401);
    } finally {
      stream.close();
    }
  });

  it('seal one audit trail between their two sealers, and it verifies', async () => {
    // Both sealers run every 2 seconds (an advisory lock lets one at a time); between them they
    // seal every row once, in one chain per organisation.
    await expect
      .poll(
        async () =>
          (
            await gw.sql<{ n: number }>(`select count(*)::int as n from audit_event where chain_seq is null`)
          )[0]!.n,
        { timeout: 15_000, interval: 500 },
      )
      .toBe(0);
    const verified = await runTool('audit-verify', [], { DATABASE_URL: gw.url, DOORSTEP_DATA_DIR: dataDir });
    expect(verified.code, verified.stdout + verified.stderr).toBe(0);
  });
});
