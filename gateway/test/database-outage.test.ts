import { RaiseConcernDocument } from '@doorstep/client';
import type { MikroORM } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { signSessionToken } from '../src/auth/tokens.js';
import { seedDemo, type DemoUser } from '../src/db/demo.js';
import { openOrm } from '../src/db/orm.js';
import { createLogger } from '../src/logger.js';
import { createGateway, type Gateway } from '../src/server.js';
import { newKey, testConfig, testDatabase, user, validConcern } from './harness.js';
import { COMPILED_READ, startRelay } from './relay.js';

/**
 * The database going away under the gateway: a real PostgreSQL behind a TCP relay the tests cut.
 * Requests are answered 503 with Retry-After and a code, never 500, and the gateway recovers on
 * its own once PostgreSQL answers again.
 */
const lead = user('priya');
const frontline = user('tom');
const config = testConfig();

let db: Awaited<ReturnType<typeof testDatabase>>;
let relay: Awaited<ReturnType<typeof startRelay>>;
let orm: MikroORM;
let gateway: Gateway;
let base: string;
const logs: { event: string; [field: string]: unknown }[] = [];
const warnings: Error[] = [];
const onWarning = (warning: Error) => warnings.push(warning);

beforeAll(async () => {
  process.on('warning', onWarning);
  db = await testDatabase();
  await seedDemo(db.orm.em.fork());
  relay = await startRelay(db.url);
  orm = await openOrm(relay.url);
  gateway = await createGateway(
    config,
    orm,
    createLogger('debug', (line) => logs.push(JSON.parse(line) as (typeof logs)[number])),
  );
  base = `http://127.0.0.1:${await gateway.listen(0, '127.0.0.1')}`;
});
afterAll(async () => {
  process.off('warning', onWarning);
  relay?.restore();
  await gateway?.close();
  await orm?.close();
  await relay?.close();
  await db?.close();
});

async function post(query: string, variables: Record<string, unknown>, who: DemoUser) {
  const { token } = await signSessionToken(
    config.jwt,
    { userId: who.id, organisationId: who.organisationId },
    600,
  );
  const response = await fetch(`${base}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as {
    data?: Record<string, unknown> | null;
    errors?: { message: string; extensions?: { code?: string } }[];
  };
  return { status: response.status, retryAfter: response.headers.get('retry-after'), ...body };
}

const health = async (path: string) => {
  const response = await fetch(`${base}${path}`);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    body: await response.json(),
  };
};

const raise = (key: string) =>
  post(
    RaiseConcernDocument.toString(),
    { idempotencyKey: key, input: validConcern({ location: 'Relay Road' }) },
    frontline,
  );
const COUNT = '{ concerns(first: 1) { totalCount } }';
/** A query the resolvers answer, in a unit of work (BEGIN … COMMIT). */
const RESOLVED = '{ notifications { totalCount } }';
const unexpected = () => logs.filter((l) => /unexpected/.test(l.event));

describe('while the database answers', () => {
  it('/health, /health/ready and /health/live answer 200', async () => {
    for (const path of ['/health', '/health/ready', '/health/live']) {
      expect(await health(path), path).toMatchObject({ status: 200, body: { status: 'ok' } });
    }
  });

  it('runs sibling fields one query at a time on the request’s connection (pg warns of overlapping queries)', async () => {
    const result = await post(
      `{ a: concerns(first: 5) { totalCount } b: concerns(first: 4) { totalCount }
         c: concerns(first: 3) { totalCount } d: concerns(first: 2) { totalCount } }`,
      {},
      lead,
    );
    expect(result.errors).toBeUndefined();
    expect(warnings.map((w) => w.message)).not.toContainEqual(
      expect.stringMatching(/already executing a query/),
    );
  });
});

describe('while the database cannot be reached', () => {
  beforeAll(() => relay.cut());
  afterAll(() => relay.restore());

  it('/health/ready and /health answer 503 with a JSON body; /health/live still 200', async () => {
    await expect.poll(async () => (await health('/health/ready')).status, { timeout: 5_000 }).toBe(503);
    for (const path of ['/health/ready', '/health']) {
      expect(await health(path), path).toMatchObject({
        status: 503,
        retryAfter: '2',
        body: { status: 'unavailable', errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }] },
      });
    }
    expect(await health('/health/live')).toMatchObject({ status: 200, body: { status: 'ok' } });
  });

  it('answers queries and mutations 503 with Retry-After and SERVICE_UNAVAILABLE, never 500', async () => {
    for (const result of [await post(COUNT, {}, lead), await raise(newKey())]) {
      expect(result).toMatchObject({
        status: 503,
        retryAfter: '2',
        errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      expect(result.data).toBeUndefined();
    }
    expect(unexpected()).toEqual([]);
    expect(logs.filter((l) => l.event === 'graphql.database_unavailable').length).toBeGreaterThanOrEqual(2);
  });

  it('answers the routes beside /graphql 503 too (a portal swapping its user for a widget token)', async () => {
    const response = await fetch(`${base}/auth/widget-token`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `ApiKey dsk_abcdefghijkl_${'x'.repeat(43)}`,
      },
      body: JSON.stringify({ user: { email: 'someone@riverside.example' } }),
    });
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('2');
    expect(await response.json()).toMatchObject({
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(unexpected()).toEqual([]);
  });
});

describe('once the database answers again', () => {
  it('is ready again and answers requests, with no restart', async () => {
    await expect.poll(async () => (await health('/health/ready')).status, { timeout: 5_000 }).toBe(200);
    const result = await post(COUNT, {}, lead);
    expect(result.status).toBe(200);
    expect(result.errors).toBeUndefined();
  });
});

describe('the connection lost in the middle of a request', () => {
  it.each([
    ['a unit of work begins', 'BEGIN', RESOLVED],
    ['a compiled read arrives', COMPILED_READ, COUNT],
  ] as const)(
    'PostgreSQL ends it as %s (its error first, then the end): 503 with Retry-After',
    async (_, statement, query) => {
      const holding = relay.holdAt(statement);
      const request = post(query, {}, lead);
      const held = await holding;
      await db.sql('select pg_terminate_backend(pid) from pg_stat_activity where client_port = $1', [
        held.backendPort,
      ]);
      expect(await request).toMatchObject({
        status: 503,
        retryAfter: '2',
        errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
      });
      expect(unexpected()).toEqual([]);
      await held.closed;
    },
  );

  it('as it opens its savepoint: 503 with Retry-After (whatever knex says next), and nothing stored', async () => {
    const key = newKey();
    relay.cutAt('SAVEPOINT');
    expect(await raise(key)).toMatchObject({
      status: 503,
      retryAfter: '2',
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(await db.sql(`select 1 from idempotency_record where key = $1`, [key])).toEqual([]);
    expect(unexpected()).toEqual([]);
    expect((await raise(key)).status).toBe(200);
  });
});

describe('the connection lost during COMMIT (committed or not: the gateway cannot tell)', () => {
  it('a mutation with an idempotency key: 503 with Retry-After, and the retry answers the first receipt', async () => {
    const key = newKey();
    const stored = async () =>
      (await db.sql<{ n: string }>(`select count(*) as n from concern where location = 'Relay Road'`))[0]!.n;
    const before = Number(await stored());
    relay.cutAtCommit();
    const lost = await raise(key);
    expect(lost).toMatchObject({
      status: 503,
      retryAfter: '2',
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    // The relay let COMMIT through: it was stored, and the retry says so instead of storing it again.
    expect(Number(await stored())).toBe(before + 1);
    const retried = await raise(key);
    expect(retried.status).toBe(200);
    const { reference } = retried.data!.raiseConcern as { reference: string };
    expect(await db.sql(`select 1 from concern where reference = $1`, [reference])).toHaveLength(1);
    expect(Number(await stored())).toBe(before + 1);
  });

  it('a query: 503 with Retry-After (nothing to lose by asking again)', async () => {
    relay.cutAtCommit();
    expect(await post(RESOLVED, {}, lead)).toMatchObject({
      status: 503,
      retryAfter: '2',
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    // A compiled read commits as it runs: lost after it reached PostgreSQL, the same.
    relay.cutAfter(COMPILED_READ);
    expect(await post(COUNT, {}, lead)).toMatchObject({
      status: 503,
      retryAfter: '2',
      errors: [{ extensions: { code: 'SERVICE_UNAVAILABLE' } }],
    });
    expect(unexpected()).toEqual([]);
  });

  it('a mutation without an idempotency key: 503 OUTCOME_UNKNOWN, without Retry-After', async () => {
    relay.cutAtCommit();
    const result = await post('mutation { markNotificationsRead(ids: []) }', {}, lead);
    expect(result).toMatchObject({
      status: 503,
      retryAfter: null,
      errors: [{ extensions: { code: 'OUTCOME_UNKNOWN' } }],
    });
    expect(unexpected()).toEqual([]);
  });
});
