/**
 * `pnpm explain`: the plans of the gateway's hot queries at a million people.
 *
 * A throwaway PostgreSQL with the demo set, dense synthetic households (280,000 by default: about a
 * million people) and an audit trail of millions of sealed rows; then the gateway, in this process,
 * answers each hot request once (`bench/hot-queries.ts`: the household view, `concerns(first: 50)`,
 * the chronology pages, search, the visit view, the task queue), the identity checks run and the
 * sealer runs once, while every statement they send is recorded. Each statement is then run again
 * under `EXPLAIN (ANALYZE, BUFFERS)`, in a transaction rolled back after, as the role and
 * organisation it ran as. For each: the top of its plan, the organisation-sized tables it reads from
 * end to end (a sequential scan, or an index scanned by organisation only), and its time.
 *
 *   pnpm explain [--households 280000] [--audit-rows 5000000]
 */
import 'reflect-metadata';
import { freePort } from '@doorstep/testkit';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { signSessionToken } from '../auth/tokens.js';
import { loadConfig } from '../config.js';
import { DEMO_USERS, seedDemo } from '../db/demo.js';
import { migrate, openOrm } from '../db/orm.js';
import { writeHouseholds } from '../db/synthetic.js';
import { startThrowawayCluster } from '../db/test-cluster.js';
import { createLogger } from '../logger.js';
import { createGateway } from '../server.js';
import {
  explain,
  hotOperations,
  indexCatalogue,
  planOutline,
  prepareHotData,
  statementRecorder,
  wholeOrganisationScans,
} from '../bench/hot-queries.js';

const { values } = parseArgs({
  options: {
    households: { type: 'string', default: '280000' },
    'audit-rows': { type: 'string', default: '5000000' },
  },
});
const households = Number(values.households);
const auditRows = Number(values['audit-rows']);
if (!Number.isInteger(households) || households < 100)
  throw new Error('--households: a whole number, 100 or more');
if (!Number.isInteger(auditRows) || auditRows < 0) throw new Error('--audit-rows: a whole number');

const log = (message: string) => process.stderr.write(`${message}\n`);
const out = (message = '') => process.stdout.write(`${message}\n`);
const lead = DEMO_USERS.find((u) => u.roles.includes('SAFEGUARDING_LEAD'))!;
const frontline = DEMO_USERS.find(
  (u) => u.organisationId === lead.organisationId && u.roles.includes('FRONTLINE'),
)!;
const seconds = (since: number) => `${((Date.now() - since) / 1000).toFixed(0)} s`;

log('Starting a throwaway PostgreSQL…');
const cluster = await startThrowawayCluster(await freePort(), 'doorstep', {
  shared_buffers: '1GB',
  work_mem: '16MB',
});
const recorder = statementRecorder();
const orm = await openOrm(cluster.url, { ...recorder.orm, pool: { min: 0, max: 4 } });
const sql = new pg.Client({ connectionString: cluster.url });
try {
  await migrate(orm);
  await seedDemo(orm.em.fork());
  await sql.connect();

  let started = Date.now();
  await writeHouseholds(sql, lead.organisationId, lead.id, households, (done) => {
    if (done % 20_000 === 0 || done === households) {
      log(
        `  ${done.toLocaleString('en-GB')} / ${households.toLocaleString('en-GB')} households (${seconds(started)})`,
      );
    }
  });
  // What the synthetic households lack: a triage queue (5% of its tasks open) and grants to see
  // restricted people (the visibility check looks them up for every person read).
  await sql.query(
    `insert into task (id, organisation_id, kind, source_type, source_id, status, created_at, due_at, done_at)
     select gen_random_uuid(), $1, 'TRIAGE_CUMULATIVE_FLAG', 'CumulativeFlag', gen_random_uuid(),
            case when n % 20 = 0 then 'OPEN' else 'DONE' end, now() - make_interval(mins => n),
            now() - make_interval(mins => n) + interval '2 days', case when n % 20 <> 0 then now() end
       from generate_series(1, $2::int) as n`,
    [lead.organisationId, Math.round(households / 10)],
  );
  await sql.query(
    `insert into access_grant (id, organisation_id, user_id, subject_type, subject_id, kind, reason, granted_by_id, created_at, expires_at)
     select gen_random_uuid(), p.organisation_id, u.id, 'Person', p.id, 'GRANT', 'Explain', u.id, now(), now() + interval '30 days'
       from person p cross join app_user u
      where p.organisation_id = $1 and u.organisation_id = $1 and (hashtext(p.id::text || u.id::text) % 100) = 0`,
    [lead.organisationId],
  );
  const loadTime = seconds(started);
  started = Date.now();
  // A long trail, already sealed: what the sealer must not walk through.
  await sql.query(
    `insert into audit_event (at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id, chain_seq, prev_hash, hash)
     select now() - make_interval(secs => $3 - n), $1, 'staff', $2::uuid, $2::text, 'READ', 'Person', gen_random_uuid(),
            'explain-' || (n / 20), n, 'x', 'x'
       from generate_series(1, $3::int) as n`,
    [lead.organisationId, lead.id, auditRows],
  );
  const auditTime = seconds(started);
  started = Date.now();
  await sql.query('vacuum analyze');
  const analyseTime = seconds(started);

  const sizes = (
    await sql.query<{
      people: string;
      households: string;
      concerns: string;
      entries: string;
      audit: string;
      size: string;
    }>(
      `select (select count(*) from person) as people, (select count(*) from household) as households,
              (select count(*) from concern) as concerns, (select count(*) from chronology_entry) as entries,
              (select count(*) from audit_event) as audit, pg_size_pretty(pg_database_size(current_database())) as size`,
    )
  ).rows[0]!;
  const n = (s: string) => Number(s).toLocaleString('en-GB');
  out(`# EXPLAIN of the hot queries, ${new Date().toISOString().slice(0, 10)}`);
  out();
  out(
    `Data: ${n(sizes.households)} households, ${n(sizes.people)} people, ${n(sizes.concerns)} concerns, ` +
      `${n(sizes.entries)} chronology entries, ${n(sizes.audit)} audit rows; ${sizes.size}.`,
  );
  out(
    `Loaded in ${loadTime} (households), ${auditTime} (audit trail), ${analyseTime} (vacuum analyze). ` +
      'Times below are the second run of each statement (the first warms the cache).',
  );

  const data = await prepareHotData(sql, lead.organisationId, lead.id, frontline.id);
  const indexes = await indexCatalogue(sql);
  /** Rows per table: a scan of a table that is nearly empty here says nothing about size. */
  const rowsOf = new Map(
    (
      await sql.query<{ table: string; rows: number }>(
        `select relname as table, reltuples::float8 as rows from pg_class
          where relkind = 'r' and relnamespace = 'public'::regnamespace`,
      )
    ).rows.map((r) => [r.table, r.rows]),
  );
  const config = loadConfig({
    DOORSTEP_MODE: 'production',
    DATABASE_URL: cluster.url,
    JWT_SECRET: 'explain-secret-that-is-long-enough-for-hs256!',
    LOG_LEVEL: 'warn',
  });
  const gateway = await createGateway(config, orm, createLogger('warn'));
  const port = await gateway.listen(0, '127.0.0.1');
  const tokens = {
    lead: (await signSessionToken(config.jwt, { userId: lead.id, organisationId: lead.organisationId }, 3600))
      .token,
    frontline: (
      await signSessionToken(
        config.jwt,
        { userId: frontline.id, organisationId: frontline.organisationId },
        3600,
      )
    ).token,
  };
  let flagged = 0;
  try {
    for (const operation of hotOperations(data)) {
      recorder.take();
      if ('run' in operation) {
        await operation.run(orm, config);
      } else {
        const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[operation.as]}` },
          body: JSON.stringify({ query: operation.query, variables: operation.variables }),
        });
        const body = (await response.json()) as { errors?: unknown };
        if (body.errors)
          throw new Error(`${operation.name} answered with errors: ${JSON.stringify(body.errors)}`);
      }
      const statements = recorder.take();
      out();
      out(`## ${operation.title}`);
      let total = 0;
      for (const [i, statement] of statements.entries()) {
        await explain(sql, statement, data.organisationId, { analyze: true });
        const {
          plan,
          executionMs = 0,
          planningMs = 0,
        } = await explain(sql, statement, data.organisationId, {
          analyze: true,
        });
        total += executionMs + planningMs;
        const whole = wholeOrganisationScans(plan, indexes).filter(
          (w) => (rowsOf.get(w.table) ?? 0) >= 10_000,
        );
        flagged += whole.length;
        out();
        out(`${i + 1}. \`${statement.sql.replace(/\s+/g, ' ').slice(0, 150)}…\``);
        out(
          `   ${executionMs.toFixed(2)} ms (planning ${planningMs.toFixed(2)} ms); ` +
            (whole.length
              ? `READS WHOLE: ${whole.map((w) => `${w.table} (${w.how})`).join('; ')}`
              : 'no organisation-sized table read whole'),
        );
        out('```');
        for (const line of planOutline(plan)) out(line);
        out('```');
      }
      out();
      out(`${statements.length} statements, ${total.toFixed(1)} ms in all.`);
    }
  } finally {
    await gateway.close();
  }
  out();
  out(
    flagged
      ? `${flagged} whole-organisation reads (marked READS WHOLE above).`
      : 'No whole-organisation reads.',
  );
} finally {
  await sql.end().catch(() => undefined);
  await orm.close().catch(() => undefined);
  await cluster.stop().catch(() => undefined);
}
