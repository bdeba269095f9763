import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

/**
 * CPU time and memory of processes, from Linux's /proc: what the benchmark charges each server and
 * the database for. CPU time is user plus system time, in seconds.
 */

/** Clock ticks per second, the unit of /proc/<pid>/stat's times. */
const TICKS = (() => {
  try {
    return Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).trim()) || 100;
  } catch {
    return 100;
  }
})();

interface Stat {
  ppid: number;
  /** Its own user + system time. */
  own: number;
  /** The user + system time of its children that have exited. */
  children: number;
}

function stat(pid: number | string): Stat | undefined {
  let text: string;
  try {
    text = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return undefined; // gone
  }
  // The command name is in parentheses and may hold spaces: fields are counted after it.
  const fields = text.slice(text.lastIndexOf(')') + 2).split(' ');
  const field = (n: number) => Number(fields[n - 3]);
  return { ppid: field(4), own: (field(14) + field(15)) / TICKS, children: (field(16) + field(17)) / TICKS };
}

/** A process's CPU seconds so far. */
export function cpuSeconds(pid: number): number {
  return stat(pid)?.own ?? 0;
}

/**
 * A PostgreSQL server's CPU seconds so far, all its processes together: the postmaster, every
 * backend and background process alive now, and those that have exited (counted in the
 * postmaster's children's time once it has reaped them).
 */
export function clusterCpuSeconds(postmaster: number): number {
  const root = stat(postmaster);
  if (!root) return 0;
  let total = root.own + root.children;
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const s = stat(entry);
    if (s?.ppid === postmaster) total += s.own;
  }
  return total;
}

/** A process's resident memory in megabytes. */
export function rssMegabytes(pid: number): number {
  try {
    const match = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
    return match ? Number(match[1]) / 1024 : 0;
  } catch {
    return 0;
  }
}

/** The server process of the PostgreSQL cluster in `dataDir` (its `pg/postmaster.pid`). */
export function postmasterOf(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, 'pg', 'postmaster.pid'), 'utf8').split('\n')[0]);
}
