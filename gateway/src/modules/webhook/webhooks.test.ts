import { verifyWebhook, type WebhookEvent } from '@doorstep/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { inScope } from '../../db/request-scope.js';
import { createLogger } from '../../logger.js';
import { createGateway } from '../../server.js';
import { asApp, testGateway, user } from '../../../test/harness.js';
import { referToNorthshire } from '../../../test/records.js';
import { startReceiver, type Received } from '../../../test/webhook-receiver.js';
import { recordReferralEvent } from '../referral/referral-events.js';
import { Referral } from '../referral/referral.entity.js';
import { post, retryDelayMs, startWebhookDispatcher, type Dispatcher } from './webhook-dispatcher.js';
import { purgeExpired } from '../../db/maintenance.js';
import { actAsOrganisation, addWebhookEndpoint } from './webhooks.service.js';

/**
 * Signed webhooks against real PostgreSQL and a real HTTP receiver: each referral event reaches
 * every endpoint of its two organisations and no other's, signed so that a receiver can check it;
 * failed deliveries are tried again with a growing delay and logged; the outbox row is written
 * only with the change; and only an organisation's administrators manage its endpoints.
 */

const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const HILLCREST = DEMO_ORGANISATIONS[1].id;
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const admin = user('chris'); // Riverside's administrator
const lead = user('priya');
const officer = user('dee');

/** Statuses each path answers with, in turn; 204 once a path's list is used up. */
const script = new Map<string, number[]>();
let gw: Awaited<ReturnType<typeof testGateway>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let dispatcher: Dispatcher;
const secrets = new Map<string, string>(); // path → secret

const ADD = `mutation Add($url: String!) { addWebhookEndpoint(url: $url) { secret endpoint { id url createdAt } } }`;

beforeAll(async () => {
  gw = await testGateway();
  receiver = await startReceiver((request) => script.get(request.path)?.shift() ?? 204);
  dispatcher = startWebhookDispatcher(gw.orm, createLogger('silent'), {
    timeoutMs: 2_000,
    publicOnly: false,
    pollMs: 50,
    retryBaseMs: 300,
  });
  // Riverside's administrator adds theirs through the API; the agency and Hillcrest as `pnpm admin` does.
  const added = await gw.graphql<{ addWebhookEndpoint: { secret: string } }>(
    ADD,
    { url: receiver.url('/riverside') },
    admin,
  );
  expect(added.errors).toBeUndefined();
  secrets.set('/riverside', added.data!.addWebhookEndpoint.secret);
  secrets.set('/northshire', await addAsOwner(NORTHSHIRE, receiver.url('/northshire')));
  secrets.set('/hillcrest', await addAsOwner(HILLCREST, receiver.url('/hillcrest')));
});
afterAll(async () => {
  await dispatcher?.stop();
  await receiver?.close();
  await gw?.close();
});

async function addAsOwner(organisationId: string, url: string): Promise<string> {
  return gw.orm.em.fork().transactional(async (tx) => {
    await actAsOrganisation(tx as EntityManager, organisationId);
    return (await addWebhookEndpoint(tx as EntityManager, organisationId, url, false)).secret;
  });
}

const refer = () => referToNorthshire(gw);

async function acknowledge(referralId: string, version = 1) {
  return gw.graphql(
    `mutation A($input: ReferralMoveInput!) { acknowledgeReferral(input: $input) { version } }`,
    { input: { referralId, version } },
    officer,
  );
}

const eventOf = (request: Received) => JSON.parse(request.body) as WebhookEvent;
const about = (path: string, referralId: string) =>
  receiver.received.filter((r) => r.path === path && eventOf(r).referralId === referralId);

describe('delivery', () => {
  it('brings each event to every endpoint of the sender and the agency, signed, and to no other organisation', async () => {
    const id = await refer();
    expect((await acknowledge(id)).errors).toBeUndefined();
    const asked = await gw.graphql(
      `mutation M($input: ReferralMessageInput!) { sendReferralMessage(input: $input) { id } }`,
      { input: { referralId: id, body: 'Does he have a key safe?' } },
      officer,
    );
    expect(asked.errors).toBeUndefined();
    const positions = (
      await gw.sql<{ id: string }>(`select id::text from referral_event where referral_id = $1 order by id`, [
        id,
      ])
    ).map((r) => r.id);
    expect(positions).toHaveLength(3);

    await receiver.until(() => about('/riverside', id).length >= 3 && about('/northshire', id).length >= 3);
    for (const path of ['/riverside', '/northshire']) {
      const got = about(path, id);
      expect(got.map((r) => r.headers['doorstep-event-id']).sort()).toEqual([...positions].sort());
      for (const request of got) {
        const check = await verifyWebhook(secrets.get(path)!, request.body, request.headers);
        expect(check.ok, path).toBe(true);
        expect(request.headers['content-type']).toBe('application/json');
        expect(eventOf(request).id).toBe(request.headers['doorstep-event-id']);
        // Ids and states only: never what was shared or written.
        expect(Object.keys(eventOf(request)).sort()).toEqual(
          [
            'id',
            'occurredAt',
            'recipientOrganisationId',
            'referralId',
            'senderOrganisationId',
            'status',
            'type',
            'version',
          ].sort(),
        );
        expect(request.body).not.toMatch(/key safe|heating|care and support/);
      }
    }
    const types = about('/northshire', id)
      .map(eventOf)
      .sort((a, b) => Number(a.id) - Number(b.id));
    expect(types.map((e) => [e.type, e.status, e.version])).toEqual([
      ['referral.sent', 'SENT', 1],
      ['referral.moved', 'ACKNOWLEDGED', 2],
      ['referral.message', 'ACKNOWLEDGED', 2],
    ]);
    expect(types[0]).toMatchObject({ senderOrganisationId: RIVERSIDE, recipientOrganisationId: NORTHSHIRE });
    // Hillcrest is party to none of it: nothing queued for it, nothing received.
    expect(about('/hillcrest', id)).toEqual([]);
    const queued = await gw.sql<{ n: number }>(
      `select count(*)::int as n from webhook_delivery where organisation_id = $1 and event_id = any($2::bigint[])`,
      [HILLCREST, positions],
    );
    expect(queued[0]!.n).toBe(0);
  });

  it('refuses a tampered body, a wrong secret and a stale timestamp', async () => {
    const id = await refer();
    await receiver.until(() => about('/northshire', id).length >= 1);
    const [request] = about('/northshire', id) as [Received];
    const secret = secrets.get('/northshire')!;
    expect((await verifyWebhook(secret, request.body, request.headers)).ok).toBe(true);
    const tampered = request.body.replace('"SENT"', '"ACCEPTED"');
    expect(tampered).not.toBe(request.body);
    expect(await verifyWebhook(secret, tampered, request.headers)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    expect(await verifyWebhook(secrets.get('/riverside')!, request.body, request.headers)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
    const sentAt = Number(request.headers['doorstep-timestamp']) * 1000;
    expect(
      await verifyWebhook(secret, request.body, request.headers, { now: new Date(sentAt + 301_000) }),
    ).toEqual({ ok: false, reason: 'stale_timestamp' });
    // A replay with a new timestamp but the old signature fails too.
    const replayed = { ...request.headers, 'doorstep-timestamp': String(Math.floor(Date.now() / 1000) + 1) };
    expect(await verifyWebhook(secret, request.body, replayed)).toEqual({
      ok: false,
      reason: 'bad_signature',
    });
  });

  it('tries again after a 500, delivers on the 200, and logs both attempts for the administrator', async () => {
    const added = await gw.graphql<{ addWebhookEndpoint: { endpoint: { id: string } } }>(
      ADD,
      { url: receiver.url('/flaky') },
      admin,
    );
    const endpointId = added.data!.addWebhookEndpoint.endpoint.id;
    script.set('/flaky', [500]);
    const id = await refer();
    await receiver.until(() => about('/flaky', id).length >= 2);
    const [first, second] = about('/flaky', id) as [Received, Received];
    expect(second.headers['doorstep-event-id']).toBe(first.headers['doorstep-event-id']);
    const eventId = first.headers['doorstep-event-id'];
    await expect
      .poll(
        async () =>
          (
            await gw.sql<{ state: string }>(
              `select state from webhook_delivery where endpoint_id = $1 and event_id = $2`,
              [endpointId, eventId],
            )
          )[0]?.state,
      )
      .toBe('DELIVERED');

    const LOG = `query Log($endpointId: ID, $failed: Boolean, $first: Int, $after: String) {
      webhookDeliveryLog(endpointId: $endpointId, failed: $failed, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor }
        edges { node { endpointId eventId eventType attempt httpStatus errorCode durationMs ok nextAttemptAt } } } }`;
    type Log = {
      webhookDeliveryLog: {
        totalCount: number;
        pageInfo: { hasNextPage: boolean; endCursor: string };
        edges: { node: Record<string, unknown> }[];
      };
    };
    const all = await gw.graphql<Log>(LOG, { endpointId }, admin);
    expect(all.errors).toBeUndefined();
    expect(all.data!.webhookDeliveryLog.edges.map((e) => e.node)).toEqual([
      expect.objectContaining({
        eventId,
        eventType: 'referral.sent',
        attempt: 2,
        httpStatus: 204,
        ok: true,
        nextAttemptAt: null,
      }),
      expect.objectContaining({ eventId, attempt: 1, httpStatus: 500, errorCode: null, ok: false }),
    ]);
    expect(all.data!.webhookDeliveryLog.edges[1]!.node.nextAttemptAt).not.toBeNull();
    const failed = await gw.graphql<Log>(LOG, { endpointId, failed: true }, admin);
    expect(failed.data!.webhookDeliveryLog.edges.map((e) => e.node.httpStatus)).toEqual([500]);
    // Relay pages: one at a time, then the next from its cursor.
    const page1 = await gw.graphql<Log>(LOG, { endpointId, first: 1 }, admin);
    expect(page1.data!.webhookDeliveryLog).toMatchObject({ totalCount: 2, pageInfo: { hasNextPage: true } });
    const page2 = await gw.graphql<Log>(
      LOG,
      { endpointId, first: 1, after: page1.data!.webhookDeliveryLog.pageInfo.endCursor },
      admin,
    );
    expect(page2.data!.webhookDeliveryLog.edges.map((e) => e.node.attempt)).toEqual([1]);
    // Reading the log is audited; another organisation's administrator-less roles are refused.
    const audited = await gw.sql<{ n: number }>(
      `select count(*)::int as n from audit_event where entity_type = 'WebhookDeliveryLog' and actor_user_id = $1`,
      [admin.id],
    );
    expect(audited[0]!.n).toBeGreaterThanOrEqual(4);
    expect((await gw.graphql(LOG, {}, lead)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    // The agency's deliveries are not in Riverside's log.
    const riversideLog = await gw.graphql<Log>(LOG, { first: 100 }, admin);
    const agencyEndpoints = await gw.sql<{ id: string }>(
      `select id from webhook_endpoint where organisation_id <> $1`,
      [RIVERSIDE],
    );
    const ids = new Set(agencyEndpoints.map((e) => e.id));
    expect(
      riversideLog.data!.webhookDeliveryLog.edges.some((e) => ids.has(e.node.endpointId as string)),
    ).toBe(false);
  });

  it('waits longer after each failure, with jitter, up to a cap', () => {
    const middle = () => 0.5;
    const delays = [1, 2, 3, 4, 5].map((failed) =>
      retryDelayMs(failed, { baseMs: 1_000, capMs: 10_000 }, middle),
    );
    expect(delays).toEqual([1_000, 2_000, 4_000, 8_000, 10_000]);
    expect(retryDelayMs(1, { baseMs: 1_000 }, () => 0)).toBe(750);
    expect(retryDelayMs(1, { baseMs: 1_000 }, () => 0.999999)).toBe(1_250);
    // The defaults: 30 seconds after the first failure, six hours at most.
    expect(retryDelayMs(1, {}, middle)).toBe(30_000);
    expect(retryDelayMs(20, {}, middle)).toBe(6 * 60 * 60_000);
  });

  it('signs with the old secret too while a rotation overlaps, and sends nothing to a removed endpoint', async () => {
    const listed = await gw.graphql<{ webhookEndpoints: { id: string; url: string }[] }>(
      `{ webhookEndpoints { id url rotatedAt previousSecretValidUntil } }`,
      {},
      admin,
    );
    const riverside = listed.data!.webhookEndpoints.find((e) => e.url.endsWith('/riverside'))!;
    const rotated = await gw.graphql<{
      rotateWebhookSecret: {
        secret: string;
        endpoint: { rotatedAt: string; previousSecretValidUntil: string };
      };
    }>(
      `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret endpoint { rotatedAt previousSecretValidUntil } } }`,
      { id: riverside.id },
      admin,
    );
    expect(rotated.errors).toBeUndefined();
    const fresh = rotated.data!.rotateWebhookSecret.secret;
    expect(fresh).not.toBe(secrets.get('/riverside'));
    expect(
      new Date(rotated.data!.rotateWebhookSecret.endpoint.previousSecretValidUntil).getTime(),
    ).toBeGreaterThan(Date.now() + 23 * 3600_000);
    const id = await refer();
    await receiver.until(() => about('/riverside', id).length >= 1);
    const [request] = about('/riverside', id) as [Received];
    expect(String(request.headers['doorstep-signature']).split(',')).toHaveLength(2);
    expect((await verifyWebhook(fresh, request.body, request.headers)).ok).toBe(true);
    expect((await verifyWebhook(secrets.get('/riverside')!, request.body, request.headers)).ok).toBe(true);
    secrets.set('/riverside', fresh);

    const flaky = listed.data!.webhookEndpoints.find((e) => e.url.endsWith('/flaky'))!;
    const removed = await gw.graphql(
      `mutation D($id: ID!) { removeWebhookEndpoint(id: $id) { id } }`,
      { id: flaky.id },
      admin,
    );
    expect(removed.errors).toBeUndefined();
    const after = await refer();
    await receiver.until(() => about('/riverside', after).length >= 1);
    expect(about('/flaky', after)).toEqual([]);
    const again = await gw.graphql<{ webhookEndpoints: { id: string }[] }>(
      `{ webhookEndpoints { id } }`,
      {},
      admin,
    );
    expect(again.data!.webhookEndpoints.map((e) => e.id)).not.toContain(flaky.id);
    const [row] = await gw.sql<{ secret: string | null }>(
      `select secret from webhook_endpoint where id = $1`,
      [flaky.id],
    );
    expect(row!.secret).toBeNull();
  });
});

describe('the outbox', () => {
  it('is written in the change’s own transaction: nothing is queued when the change rolls back', async () => {
    const id = await refer();
    const before = await gw.sql<{ n: number }>(`select count(*)::int as n from webhook_delivery`);
    let queuedInside = 0;
    await expect(
      inScope(gw.orm, NORTHSHIRE, async (em) => {
        const referral = await em.findOneOrFail(Referral, { organisation: RIVERSIDE, id });
        await recordReferralEvent(em, referral, 'MOVED', NORTHSHIRE);
        // The agency sees its own delivery queued inside the transaction…
        const [row] = await em
          .getConnection()
          .execute<{ n: number }[]>(
            `select count(*)::int as n from webhook_delivery where payload->>'referralId' = ? and payload->>'type' = 'referral.moved'`,
            [id],
            'all',
            em.getTransactionContext(),
          );
        queuedInside = row!.n;
        throw new Error('the change fails after its event was recorded');
      }),
    ).rejects.toThrow('the change fails');
    expect(queuedInside).toBe(1);
    // …and nothing of it is left once the transaction rolled back.
    const after = await gw.sql<{ n: number }>(`select count(*)::int as n from webhook_delivery`);
    expect(after[0]!.n).toBe(before[0]!.n);
    expect(
      await gw.sql(
        `select 1 from webhook_delivery where payload->>'referralId' = $1 and payload->>'type' = 'referral.moved'`,
        [id],
      ),
    ).toEqual([]);
  });

  it('queues only the caller’s own event, and never shows the application role a secret', async () => {
    const [event] = await gw.sql<{ id: string }>(
      `select id::text from referral_event where organisation_id = $1 order by id limit 1`,
      [RIVERSIDE],
    );
    const failure = (error: { code?: string }) => error.code;
    const queued = await asApp(gw.url, HILLCREST, (client) =>
      client
        .query(`select doorstep_queue_webhooks($1, $2)`, [RIVERSIDE, event!.id])
        .then(() => 'queued', failure),
    );
    expect(queued).toBe('42501');
    const read = await asApp(gw.url, RIVERSIDE, (client) =>
      client.query(`select secret from webhook_endpoint`).then(() => 'read', failure),
    );
    expect(read).toBe('42501');
    const theirs = await asApp(gw.url, RIVERSIDE, (client) =>
      client.query(`select id from webhook_endpoint where organisation_id <> $1`, [RIVERSIDE]),
    );
    expect(theirs.rows).toEqual([]);
  });
});

describe('retention', () => {
  it('forgets attempts after 30 days, and finished deliveries with none left, in the hourly clean-up', async () => {
    const [endpoint] = await gw.sql<{ id: string }>(
      `select id from webhook_endpoint where organisation_id = $1 and removed_at is null limit 1`,
      [NORTHSHIRE],
    );
    const old = `now() - interval '31 days'`;
    const deliveries = await gw.sql<{ id: string; state: string }>(
      `insert into webhook_delivery (organisation_id, id, endpoint_id, event_id, payload, state, next_attempt_at, created_at)
       select $1, gen_random_uuid(), $2, -n, '{}', s, now() + interval '1 day', ${old}
         from unnest(array['DELIVERED', 'PENDING', 'DELIVERED']) with ordinality as t(s, n)
       returning id, state`,
      [NORTHSHIRE, endpoint!.id],
    );
    const [done, pending, recent] = deliveries as [
      (typeof deliveries)[0],
      (typeof deliveries)[0],
      (typeof deliveries)[0],
    ];
    for (const [delivery, at] of [
      [done, old],
      [recent, 'now()'],
    ] as const) {
      await gw.sql(
        `insert into webhook_attempt (organisation_id, delivery_id, endpoint_id, event_id, event_type, attempt, at, duration_ms, ok)
         values ($1, $2, $3, 1, 'referral.sent', 1, ${at}, 5, true)`,
        [NORTHSHIRE, delivery.id, endpoint!.id],
      );
    }
    await purgeExpired(gw.orm.em.fork() as EntityManager);
    const left = await gw.sql<{ id: string }>(`select id from webhook_delivery where id = any($1::uuid[])`, [
      deliveries.map((d) => d.id),
    ]);
    // The old finished one goes with its attempt; one still pending, or with a recent attempt, stays.
    expect(left.map((d) => d.id).sort()).toEqual([pending.id, recent.id].sort());
    const attempts = await gw.sql(`select 1 from webhook_attempt where delivery_id = any($1::uuid[])`, [
      deliveries.map((d) => d.id),
    ]);
    expect(attempts).toHaveLength(1);
  });
});

describe('managing endpoints', () => {
  const code = (result: { errors?: { extensions?: { code?: string } }[] }) =>
    result.errors?.[0]?.extensions?.code;
  const field = (result: { errors?: { extensions?: { fields?: { field: string; code?: string }[] } }[] }) =>
    result.errors?.[0]?.extensions?.fields?.[0];

  it('is for the organisation’s administrators only', async () => {
    for (const who of [lead, officer, user('ana')]) {
      expect(code(await gw.graphql(ADD, { url: receiver.url('/nope') }, who)), who.email).toBe('FORBIDDEN');
      expect(code(await gw.graphql(`{ webhookEndpoints { id } }`, {}, who))).toBe('FORBIDDEN');
    }
    const riversides = await gw.graphql<{ webhookEndpoints: { url: string }[] }>(
      `{ webhookEndpoints { url } }`,
      {},
      admin,
    );
    expect(
      riversides.data!.webhookEndpoints.map((e) => e.url).some((u) => /northshire|hillcrest/.test(u)),
    ).toBe(false);
    // Another organisation's endpoint is not found, not rotated.
    const [theirs] = await gw.sql<{ id: string }>(
      `select id from webhook_endpoint where organisation_id = $1`,
      [NORTHSHIRE],
    );
    const rotated = await gw.graphql(
      `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
      { id: theirs!.id },
      admin,
    );
    expect(code(rotated)).toBe('NOT_FOUND');
  });

  it('makes a secret of at least 32 random bytes, shown once, and audits the change', async () => {
    const added = await gw.graphql<{ addWebhookEndpoint: { secret: string; endpoint: { id: string } } }>(
      ADD,
      { url: receiver.url('/another') },
      admin,
    );
    const { secret, endpoint } = added.data!.addWebhookEndpoint;
    expect(secret).toMatch(/^whsec_[A-Za-z0-9_-]{43}$/);
    expect(Buffer.from(secret.slice(6), 'base64url')).toHaveLength(32);
    const audited = await gw.sql(
      `select action from audit_event where entity_type = 'WebhookEndpoint' and entity_id = $1`,
      [endpoint.id],
    );
    expect(audited).toEqual([{ action: 'CREATE' }]);
    await gw.graphql(
      `mutation D($id: ID!) { removeWebhookEndpoint(id: $id) { id } }`,
      { id: endpoint.id },
      admin,
    );
  });

  it('refuses addresses that are not web addresses, or not https, with a message on url', async () => {
    for (const [url, why] of [
      ['not an address', 'invalid_url'],
      ['ftp://hooks.example.org/x', 'https_required'],
      ['http://hooks.example.org/x', 'https_required'],
      ['https://user:pw@hooks.example.org/x', 'invalid_url'],
      ['', 'required'],
    ] as const) {
      const result = await gw.graphql(ADD, { url }, admin);
      expect(code(result), url).toBe('BAD_USER_INPUT');
      expect(field(result), url).toMatchObject({ field: 'url', code: why });
    }
    expect(
      code(
        await gw.graphql(
          `mutation R($id: ID!) { rotateWebhookSecret(id: $id) { secret } }`,
          { id: 'x' },
          admin,
        ),
      ),
    ).toBe('BAD_USER_INPUT');
  });

  it('in production refuses http, and private or loopback addresses; deliveries to them are refused too', async () => {
    const production = await createGateway(
      { ...gw.config, webhooks: { timeoutMs: 2_000, allowLocalHttp: false } },
      gw.orm,
      createLogger('silent'),
    );
    const port = await production.listen(0, '127.0.0.1');
    try {
      for (const [url, why] of [
        [receiver.url('/x'), 'https_required'],
        ['http://localhost:8080/x', 'https_required'],
        ['https://127.0.0.1/x', 'internal_address'],
        ['https://10.1.2.3/x', 'internal_address'],
        ['https://192.168.0.10/x', 'internal_address'],
        ['https://169.254.169.254/latest/meta-data', 'internal_address'],
        ['https://[::1]/x', 'internal_address'],
        ['https://localhost/x', 'internal_address'],
      ] as const) {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            authorization: `Bearer ${await gw.tokenFor(admin)}`,
          },
          body: JSON.stringify({ query: ADD, variables: { url } }),
        });
        const result = (await response.json()) as Parameters<typeof field>[0] & Parameters<typeof code>[0];
        expect(code(result), url).toBe('BAD_USER_INPUT');
        expect(field(result), url).toMatchObject({ field: 'url', code: why });
      }
    } finally {
      await production.close();
    }
    // At delivery: a name that resolves inward, or an address written in, is never connected to.
    const before = receiver.received.length;
    const options = { timeoutMs: 2_000, publicOnly: true };
    expect(await post(receiver.url('/x').replace('127.0.0.1', 'localhost'), '{}', {}, options)).toEqual({
      error: 'REFUSED_ADDRESS',
    });
    expect(await post(receiver.url('/x'), '{}', {}, options)).toEqual({ error: 'REFUSED_ADDRESS' });
    expect(receiver.received.length).toBe(before);
  });
});
