import { TARGET_NAMES, TARGETS, type Target } from './scenarios.js';

/** What one round against one server measured. */
export interface Round {
  /** Requests answered, successful or not. */
  requests: number;
  errors: number;
  /** Milliseconds, one per successful request. */
  latencies: number[];
  seconds: number;
  /** SQL statements PostgreSQL ran during the round (pg_stat_statements calls). */
  statements: number;
  /** CPU seconds of the server's Node process, and of every PostgreSQL process. */
  nodeCpu: number;
  pgCpu: number;
  /** Audit rows written during the round, and left unsealed at its end. */
  auditRows: number;
  unsealed: number;
  firstError?: string | undefined;
}

/** A server's rounds together. */
export interface Totals {
  rounds: number;
  perSecond: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statementsPerRequest: number;
  nodeCpuMs: number;
  pgCpuMs: number;
  auditRowsPerRequest: number;
  unsealed: number;
  firstError?: string | undefined;
}

export function totals(rounds: readonly Round[]): Totals {
  const latencies = rounds.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const sum = (f: (r: Round) => number) => rounds.reduce((s, r) => s + f(r), 0);
  const requests = Math.max(
    1,
    sum((r) => r.requests),
  );
  const at = (q: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] ?? NaN;
  return {
    rounds: rounds.length,
    perSecond:
      latencies.length /
      Math.max(
        sum((r) => r.seconds),
        1e-9,
      ),
    p50: at(0.5),
    p95: at(0.95),
    p99: at(0.99),
    errors: sum((r) => r.errors),
    statementsPerRequest: sum((r) => r.statements) / requests,
    nodeCpuMs: (sum((r) => r.nodeCpu) * 1000) / requests,
    pgCpuMs: (sum((r) => r.pgCpu) * 1000) / requests,
    auditRowsPerRequest: sum((r) => r.auditRows) / requests,
    unsealed: Math.max(0, ...rounds.map((r) => r.unsealed)),
    firstError: rounds.find((r) => r.firstError)?.firstError,
  };
}

const number = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString('en-GB', { minimumFractionDigits: digits, maximumFractionDigits: digits })
    : '–';
const ratio = (a: number, b: number) => (Number.isFinite(a / b) && b > 0 ? `${(a / b).toFixed(2)}×` : '–');

const COLUMNS: [title: string, width: number][] = [
  ['', 24],
  ['req/s', 8],
  ['p50 ms', 8],
  ['p95 ms', 8],
  ['p99 ms', 8],
  ['errors', 7],
  ['SQL/req', 8],
  ['audit rows/req', 15],
  ['Node CPU ms/req', 16],
  ['PG CPU ms/req', 14],
];
const line = (cells: string[]) =>
  cells.map((cell, i) => (i === 0 ? cell.padEnd(COLUMNS[i]![1]) : cell.padStart(COLUMNS[i]![1]))).join(' ');

/** One plain table: a row per server, then the gateway's ratios to the floor and to PostGraphile. */
export function table(results: Partial<Record<Target, Totals>>): string {
  const rows = [line(COLUMNS.map(([title]) => title))];
  for (const target of TARGETS) {
    const t = results[target];
    if (!t) continue;
    rows.push(
      line([
        TARGET_NAMES[target],
        number(t.perSecond),
        number(t.p50, 1),
        number(t.p95, 1),
        number(t.p99, 1),
        number(t.errors),
        number(t.statementsPerRequest, 1),
        number(t.auditRowsPerRequest, 1),
        number(t.nodeCpuMs, 2),
        number(t.pgCpuMs, 2),
      ]),
    );
  }
  const gateway = results.gateway;
  for (const other of ['floor', 'peer'] as const) {
    const t = results[other];
    if (!gateway || !t) continue;
    rows.push(
      line([
        `gateway ÷ ${TARGET_NAMES[other]}`,
        ratio(gateway.perSecond, t.perSecond),
        ratio(gateway.p50, t.p50),
        ratio(gateway.p95, t.p95),
        ratio(gateway.p99, t.p99),
        '',
        ratio(gateway.statementsPerRequest, t.statementsPerRequest),
        '',
        ratio(gateway.nodeCpuMs, t.nodeCpuMs),
        ratio(gateway.pgCpuMs, t.pgCpuMs),
      ]),
    );
  }
  return rows.join('\n');
}
