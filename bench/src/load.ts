/**
 * The benchmark's load generator, in its own process so that its work is not counted as the
 * server's: `connections` keep-alive connections, one request in flight on each, for `seconds`,
 * taking the request bodies in turn. A response that is not 200, or whose JSON has `errors`, is an
 * error. Run by the orchestrator (`fork`, advanced serialisation): each message is a job, and the
 * reply holds every latency.
 */
import { randomUUID } from 'node:crypto';
import { Pool } from 'undici';

export interface LoadJob {
  url: string;
  headers: Record<string, string>;
  /** Request bodies, taken in turn. `__KEY__` in one is replaced by a fresh UUID for each request. */
  bodies: string[];
  connections: number;
  seconds: number;
}

export interface LoadResult {
  requests: number;
  errors: number;
  /** Milliseconds, one per successful request. */
  latencies: number[];
  /** The first error seen: status and the start of the body. */
  firstError?: string;
  elapsedSeconds: number;
}

async function run(job: LoadJob): Promise<LoadResult> {
  const target = new URL(job.url);
  const pool = new Pool(target.origin, { connections: job.connections, pipelining: 1 });
  const headers = { 'content-type': 'application/json', ...job.headers };
  const fresh = job.bodies.map((body) => body.includes('__KEY__'));
  const latencies: number[] = [];
  let requests = 0;
  let errors = 0;
  let firstError: string | undefined;
  let next = 0;
  const started = performance.now();
  const until = started + job.seconds * 1000;
  await Promise.all(
    Array.from({ length: job.connections }, async () => {
      while (performance.now() < until) {
        const k = next++ % job.bodies.length;
        const body = fresh[k] ? job.bodies[k]!.replaceAll('__KEY__', randomUUID()) : job.bodies[k]!;
        const sent = performance.now();
        requests++;
        try {
          const response = await pool.request({ path: target.pathname, method: 'POST', headers, body });
          const text = await response.body.text();
          if (response.statusCode !== 200 || text.includes('"errors"')) {
            errors++;
            firstError ??= `${response.statusCode} ${text.slice(0, 300)}`;
          } else {
            latencies.push(performance.now() - sent);
          }
        } catch (error) {
          errors++;
          firstError ??= String(error);
        }
      }
    }),
  );
  const elapsedSeconds = (performance.now() - started) / 1000;
  await pool.close();
  return { requests, errors, latencies, firstError, elapsedSeconds };
}

process.on('message', (job: LoadJob) => {
  run(job).then(
    (result) => process.send?.(result),
    (error: unknown) => process.send?.({ failed: String(error) }),
  );
});
// Never outlive the benchmark that started it.
process.on('disconnect', () => process.exit(0));
