/**
 * `pnpm bench`: how fast the gateway serves the deep household view (household, members with their
 * relationships and warnings, the household's warnings, a page of concerns with their subjects and
 * triage history, a page of the chronology) while checking access on every field and writing an
 * audit row for every record read. A throwaway PostgreSQL, the demo set plus synthetic households,
 * the real HTTP gateway with its audit sealer running, and the load generator in the same process
 * (as in the PostGraphile figures DESIGN.md compares with: ~1,050 requests/s, p95 ≈ 54 ms at 50
 * connections on a 2-core machine).
 *
 *   pnpm bench [--connections 50] [--seconds 10] [--households 2000]
 *   BENCH_TRACE=1 pnpm bench      one request, with every SQL statement and its time
 */
import 'reflect-metadata';
import { Household as HouseholdQuery } from '@doorstep/client';
import { freePort } from '@doorstep/testkit';
import { parseArgs } from 'node:util';
import { signSessionToken } from '../auth/tokens.js';
import { loadConfig } from '../config.js';
import { DEMO_USERS, seedDemo } from '../db/demo.js';
import { startMaintenance } from '../db/maintenance.js';
import { migrate, openOrm } from '../db/orm.js';
import { makeBatch, random, writeBatch } from '../db/synthetic.js';
import { startThrowawayCluster } from '../db/test-cluster.js';
import { createLogger } from '../logger.js';
import { createGateway } from '../server.js';
import pg from 'pg';

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    households: { type: 'string', default: '2000' },
  },
});
const connections = Number(values.connections);
const seconds = Number(values.seconds);
const households = Number(values.households);

const lead = DEMO_USERS.find((u) => u.roles.includes('SAFEGUARDING_LEAD'))!;
const cluster = await startThrowawayCluster(await freePort());
const config = loadConfig({
  DOORSTEP_MODE: 'production',
  DATABASE_URL: cluster.url,
  JWT_SECRET: 'bench-secret-that-is-long-enough-for-hs256!',
  LOG_LEVEL: 'warn',
  DB_POOL_MAX: '20',
});
const trace = process.env.BENCH_TRACE === '1';
const orm = await openOrm(cluster.url, {
  pool: { min: 0, max: config.dbPoolMax },
  ...(trace
    ? {
        debug: ['query' as const],
        colors: false,
        logger: (m: string) => process.stderr.write(`${m.slice(0, 60)} … ${m.slice(-40)}\n`),
      }
    : {}),
});
try {
  await migrate(orm);
  await seedDemo(orm.em.fork());
  const client = new pg.Client({ connectionString: cluster.url });
  await client.connect();
  const rng = random(1);
  for (let done = 0; done < households; done += 1000) {
    await writeBatch(
      client,
      lead.organisationId,
      lead.id,
      makeBatch(rng, done + 1, Math.min(1000, households - done)),
    );
  }
  // The households with the most concerns: what a lead opens.
  const ids = (
    await client.query<{ id: string }>(
      `select household_id as id from concern where household_id is not null group by 1 order by count(*) desc limit 100`,
    )
  ).rows.map((r) => r.id);
  await client.query('analyze');

  const logger = createLogger('warn');
  const gateway = await createGateway(config, orm, logger);
  const maintenance = startMaintenance(orm, logger);
  const port = await gateway.listen(0, '127.0.0.1');
  const { token } = await signSessionToken(
    config.jwt,
    { userId: lead.id, organisationId: lead.organisationId },
    3600,
  );
  const url = `http://127.0.0.1:${port}/graphql`;
  const request = (id: string) =>
    fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: HouseholdQuery.document,
        variables: { id, concerns: 20, chronology: 20 },
      }),
    }).then(async (response) => {
      const body = (await response.json()) as { errors?: unknown[] };
      if (body.errors) throw new Error(JSON.stringify(body.errors));
    });

  if (trace) {
    await request(ids[0]!);
    process.stderr.write('---- traced request ----\n');
    await request(ids[1]!);
    process.exit(0);
  }
  // Warm up, then measure.
  await Promise.all(ids.slice(0, 20).map(request));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const until = Date.now() + seconds * 1000;
  const auditBefore = Number((await client.query('select count(*) as n from audit_event')).rows[0].n);
  await Promise.all(
    Array.from({ length: connections }, async () => {
      while (Date.now() < until) {
        const started = performance.now();
        try {
          await request(ids[next++ % ids.length]!);
          latencies.push(performance.now() - started);
        } catch {
          errors++;
        }
      }
    }),
  );
  const auditAfter = Number((await client.query('select count(*) as n from audit_event')).rows[0].n);
  latencies.sort((a, b) => a - b);
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!.toFixed(1);
  const perSecond = latencies.length / seconds;
  process.stdout.write(
    [
      `Deep household view, ${connections} connections, ${seconds} s, ${households.toLocaleString('en-GB')} synthetic households`,
      `  ${perSecond.toFixed(0)} requests/s   p50 ${at(0.5)} ms   p95 ${at(0.95)} ms   p99 ${at(0.99)} ms   errors ${errors}`,
      `  ${(auditAfter - auditBefore).toLocaleString('en-GB')} audit rows written (${((auditAfter - auditBefore) / Math.max(latencies.length, 1)).toFixed(0)} per request)`,
      `  PostGraphile v4 on this kind of machine (DESIGN.md): ~1,050 requests/s, p95 ≈ 54 ms`,
      '',
    ].join('\n'),
  );
  await maintenance.stop();
  await gateway.close();
  await client.end();
} finally {
  await orm.close();
  await cluster.stop();
}
