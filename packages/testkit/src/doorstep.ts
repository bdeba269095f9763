import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { freePort, repoRoot, runDoorstep, type RunOptions } from './process.js';

/**
 * Stops a PostgreSQL still running on `<dataDir>/pg` (its own process group: a gateway that was
 * killed leaves it running), and waits for it to go.
 */
export async function stopPostgres(dataDir: string): Promise<void> {
  let pid: number;
  try {
    pid = Number((await readFile(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);
  } catch {
    return; // no postmaster.pid: not running
  }
  const alive = () => {
    try {
      return process.kill(pid, 0);
    } catch {
      return false;
    }
  };
  if (!(pid > 0) || !alive()) return;
  process.kill(pid, 'SIGINT');
  for (let waited = 0; alive() && waited < 30_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/**
 * The real, built Doorstep in a fresh data folder with its embedded PostgreSQL, plus a SQL client
 * onto that database and its HTTP address. `restart()` starts it again on the same folder.
 */
export async function startDoorstep(extraEnv: Record<string, string> = {}, options: RunOptions = {}) {
  if (!existsSync(path.join(repoRoot, 'widgets/dist/sg-concern-form.bundle.js'))) {
    throw new Error('widgets/dist is missing: run `pnpm build` first');
  }
  const dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-e2e-'));
  const port = await freePort();
  const pgPort = await freePort();
  const env = {
    DOORSTEP_DATA_DIR: dataDir,
    PORT: String(port),
    EMBEDDED_PG_PORT: String(pgPort),
    LOG_LEVEL: 'warn',
    ...extraEnv,
  };
  const start = async () => {
    const started = runDoorstep(env, options);
    await started.ready();
    return started;
  };
  let current = await start();
  const password = async () => (await readFile(path.join(dataDir, 'pg-password'), 'utf8')).trim();

  return {
    base: `http://localhost:${port}`,
    dataDir,
    get process() {
      return current;
    },
    async restart() {
      current = await start();
      return current;
    },
    async sql<T extends pg.QueryResultRow>(text: string, values: unknown[] = []): Promise<T[]> {
      const client = new pg.Client({
        host: '127.0.0.1',
        port: pgPort,
        user: 'postgres',
        password: await password(),
        database: 'doorstep',
      });
      await client.connect();
      try {
        return (await client.query<T>(text, values)).rows;
      } finally {
        await client.end();
      }
    },
    /** A development token for a demo user, from the gateway's own /dev/token route. */
    async token(userId: string) {
      const response = await fetch(`http://127.0.0.1:${port}/dev/token`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ userId }),
      });
      return ((await response.json()) as { token: string }).token;
    },
    async graphql<T>(query: string, variables: object, token: string) {
      const response = await fetch(`http://127.0.0.1:${port}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
        body: JSON.stringify({ query, variables }),
      });
      return (await response.json()) as { data: T; errors?: unknown[] };
    },
    async stop() {
      await current.interrupt();
      await stopPostgres(dataDir);
      await rm(dataDir, { recursive: true, force: true });
    },
  };
}
