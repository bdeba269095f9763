import { freePort } from '@doorstep/testkit';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createLogger } from '../logger.js';
import { runningServer, startEmbedded, type EmbeddedDatabase } from './embedded.js';

/** The embedded PostgreSQL's supervisor: PostgreSQL killed or shut down under the gateway. */
describe('the embedded PostgreSQL, when it exits on its own', () => {
  let dataDir: string;
  let db: EmbeddedDatabase;
  const logs: { event: string; [field: string]: unknown }[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-supervised-'));
    db = await startEmbedded({
      dataDir,
      port: await freePort(),
      database: 'doorstep',
      fast: true,
      logger: createLogger('debug', (line) => logs.push(JSON.parse(line) as (typeof logs)[number])),
    });
  });
  afterAll(async () => {
    await db?.stop();
    await rm(dataDir, { recursive: true, force: true });
  });

  const events = (name: string) => logs.filter((l) => l.event === name);
  const postmaster = async () => (await runningServer(dataDir))?.pid;

  /** `select 1` on a new connection, retried until it works or `ms` have passed. */
  async function answers(ms: number): Promise<boolean> {
    for (const until = Date.now() + ms; Date.now() < until;) {
      const client = new pg.Client({ connectionString: db.url });
      client.on('error', () => undefined);
      try {
        await client.connect();
        await client.query('select 1');
        return true;
      } catch {
        await new Promise((resolve) => setTimeout(resolve, 100));
      } finally {
        await client.end().catch(() => undefined);
      }
    }
    return false;
  }

  it('starts it again after kill -9, even while an orphaned backend is still running a long query', async () => {
    // A backend busy with a long query outlives its killed postmaster and holds the shared memory
    // a new postmaster must have; it would run for minutes.
    const busy = new pg.Client({ connectionString: db.url });
    busy.on('error', () => undefined);
    await busy.connect();
    const query = busy.query('select count(*) from generate_series(1, 1e12)').catch((error: Error) => error);
    const watcher = new pg.Client({ connectionString: db.url });
    await watcher.connect();
    for (let running = false; !running;) {
      const rows = await watcher.query(
        `select 1 from pg_stat_activity where state = 'active' and query like '%generate_series%' and pid <> pg_backend_pid()`,
      );
      running = rows.rowCount === 1;
    }
    await watcher.end();

    const killed = (await postmaster())!;
    expect(db.running()).toBe(true);
    process.kill(killed, 'SIGKILL');
    // Known to be down from the moment it exits (readiness says so at once), until it is back.
    await expect.poll(() => db.running() || events('db.embedded_restarted').length > 0).toBe(false);
    await expect.poll(() => events('db.embedded_restarted').length, { timeout: 20_000 }).toBe(1);
    expect(db.running()).toBe(true);
    expect(await answers(5_000)).toBe(true);
    expect(await postmaster()).not.toBe(killed);
    expect(await query).toBeInstanceOf(Error);
    await busy.end().catch(() => undefined);
    expect(events('db.embedded_exited')).toEqual([
      expect.objectContaining({ pid: killed, signal: 'SIGKILL' }),
    ]);
  });

  it('starts it again after an immediate shutdown (SIGQUIT, `pg_ctl stop -m immediate`)', async () => {
    const stopped = (await postmaster())!;
    process.kill(stopped, 'SIGQUIT');
    await expect.poll(() => events('db.embedded_restarted').length, { timeout: 20_000 }).toBe(2);
    expect(await answers(5_000)).toBe(true);
    expect(await postmaster()).not.toBe(stopped);
  });

  it('stops at once when PostgreSQL is already gone, and does not start it again after', async () => {
    process.kill((await postmaster())!, 'SIGKILL');
    await expect.poll(() => events('db.embedded_exited').length).toBe(3);
    const started = performance.now();
    await db.stop();
    expect(performance.now() - started).toBeLessThan(2_000);
    await new Promise((resolve) => setTimeout(resolve, 1_500)); // past the first restart's delay
    expect(await postmaster()).toBeUndefined();
    expect(events('db.embedded_restarted')).toHaveLength(2);
  });
});
