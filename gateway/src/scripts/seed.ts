/**
 * Synthetic data at scale: `pnpm seed [--households N] [--concerns N [--years Y]] [--organisation ID] [--seed N]`.
 * Adds N realistic synthetic households (fictional people, relationships, concerns with their
 * subjects, a warning and a referral each, their chronology), or N concerns over Y years for the
 * reports (`--concerns`: with their households, triage, cases, referrals through every status,
 * cumulative flags, feedback and warnings, written by SQL: `db/synthetic-concerns.ts`),
 * to an organisation (default: the demo's Riverside Homes), in batches, with a progress bar. Works
 * against DATABASE_URL, a running Doorstep's embedded PostgreSQL, or starts the embedded one and
 * stops it after (`withToolDatabase`).
 */
import 'reflect-metadata';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { ConfigError, loadConfig } from '../config.js';
import { withToolDatabase } from '../db/connect-tool.js';
import { DEMO_ORGANISATIONS, DEMO_USERS, seedDemo } from '../db/demo.js';
import { makeBatch, random, writeBatch } from '../db/synthetic.js';
import { writeConcernsAtScale } from '../db/synthetic-concerns.js';

const BATCH = 1_000;

function fail(message: string): never {
  process.stderr.write(`seed: ${message}\n`);
  process.exit(1);
}

const { values } = parseArgs({
  options: {
    households: { type: 'string' },
    concerns: { type: 'string' },
    years: { type: 'string', default: '5' },
    organisation: { type: 'string', default: DEMO_ORGANISATIONS[0].id },
    seed: { type: 'string' },
  },
});
const households = Number(values.households ?? (values.concerns ? 0 : 1000));
if (!Number.isInteger(households) || households < (values.concerns ? 0 : 1) || households > 5_000_000) {
  fail('--households must be a whole number from 1 to 5,000,000');
}
const concerns = Number(values.concerns ?? 0);
if (!Number.isInteger(concerns) || concerns < 0 || concerns > 5_000_000) {
  fail('--concerns must be a whole number from 1 to 5,000,000');
}
const years = Number(values.years);
if (!Number.isFinite(years) || years < 1 || years > 20) fail('--years must be a number from 1 to 20');
const seed = values.seed === undefined ? Date.now() : Number(values.seed);
if (!Number.isFinite(seed)) fail('--seed must be a number');

let config;
try {
  config = loadConfig();
} catch (error) {
  fail(error instanceof ConfigError ? error.message : 'could not read the configuration');
}

/** One line, redrawn in place on a terminal; a line per tenth otherwise (logs, CI). */
function progress(total: number, what: string) {
  const started = Date.now();
  const tty = process.stderr.isTTY;
  let lastTenth = -1;
  return (done: number) => {
    const share = done / total;
    const seconds = (Date.now() - started) / 1000;
    const rate = done / Math.max(seconds, 0.001);
    const left = done ? Math.round((total - done) / rate) : 0;
    const bar = '█'.repeat(Math.round(share * 30)).padEnd(30, '░');
    const line = `${bar} ${(share * 100).toFixed(0).padStart(3)}%  ${done.toLocaleString('en-GB')} / ${total.toLocaleString('en-GB')} ${what}  ${Math.round(rate).toLocaleString('en-GB')}/s  ${done < total ? `${left}s left` : `${seconds.toFixed(1)}s`}`;
    if (tty) process.stderr.write(`\r${line}`);
    else if (Math.floor(share * 10) > lastTenth || done === total) {
      lastTenth = Math.floor(share * 10);
      process.stderr.write(`${line}\n`);
    }
    if (tty && done === total) process.stderr.write('\n');
  };
}

try {
  await withToolDatabase(config, async ({ url, orm, via }) => {
    process.stderr.write(
      `seed: ${via === 'attached' ? 'using the running Doorstep’s database' : via === 'started' ? 'started the embedded database' : 'using DATABASE_URL'}\n`,
    );
    await seedDemo(orm.em.fork());
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const org = await client.query<{ id: string }>('select id from organisation where id = $1', [
        values.organisation,
      ]);
      if (!org.rowCount) fail(`no organisation ${values.organisation}`);
      const author =
        DEMO_USERS.find(
          (u) => u.organisationId === values.organisation && u.roles.includes('SAFEGUARDING_LEAD'),
        ) ??
        (
          await client.query<{ id: string }>(
            'select id from app_user where organisation_id = $1 order by created_at limit 1',
            [values.organisation],
          )
        ).rows[0];
      if (!author) fail('the organisation has no users to record the synthetic concerns under');
      // Numbering continues after any synthetic households already there.
      const { rows } = await client.query<{ n: number }>(
        `select count(*)::int as n from household where organisation_id = $1 and tenancy_reference like 'SYN-%'`,
        [values.organisation],
      );
      const offset = rows[0]!.n;
      const rng = random(seed);
      if (households > 0) {
        const show = progress(households, 'households');
        show(0);
        for (let done = 0; done < households;) {
          const size = Math.min(BATCH, households - done);
          await writeBatch(client, values.organisation!, author.id, makeBatch(rng, offset + done + 1, size));
          done += size;
          show(done);
        }
      }
      if (concerns > 0) {
        const show = progress(concerns, 'concerns');
        show(0);
        await writeConcernsAtScale(client, {
          organisationId: values.organisation!,
          concerns,
          years,
          seed,
          progress: show,
        });
      }
      await client.query(
        'analyze household, person, household_member, person_relationship, concern, concern_person, concern_named_person, concern_triage, warning, referral, referral_move, safeguarding_case, cumulative_flag, feedback, feedback_rating, chronology_entry',
      );
    } finally {
      await client.end();
    }
  });
} catch (error) {
  fail(`${(error as Error).message ?? error}`);
}
