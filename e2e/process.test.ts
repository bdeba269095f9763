import { runDoorstep } from '@doorstep/testkit';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startDoorstep } from './doorstep.js';

type Doorstep = Awaited<ReturnType<typeof startDoorstep>>;

const RAISE =
  'mutation ($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }';
/** Sibling fields: they run concurrently, all on the request's one database connection. */
const READ =
  '{ a: concerns(first: 5) { totalCount } b: concerns(first: 3) { totalCount } c: concerns(first: 1) { totalCount } }';
const LOAD_LOCATION = '1 Load Road';

/** The embedded PostgreSQL's postmaster, from `<dataDir>/pg/postmaster.pid`. */
const postmaster = async (doorstep: Doorstep) =>
  Number((await readFile(path.join(doorstep.dataDir, 'pg', 'postmaster.pid'), 'utf8')).split('\n')[0]);

interface Answer {
  status: number;
  retryAfter: string | null;
  code: string | undefined;
}

/**
 * Requests from `workers` clients at once until `stop()`: each raises concerns with idempotency
 * keys (sending the same key again after a 503, as the widgets' outbox does) and reads. Keeps every
 * answer, and each key's reference once it got one.
 */
function load(doorstep: Doorstep, tokens: { frontline: string; lead: string }, workers = 4) {
  const answers: Answer[] = [];
  const raised = new Map<string, string>();
  let running = true;
  const post = async (query: string, variables: object, token: string) => {
    const response = await fetch(`${doorstep.base.replace('localhost', '127.0.0.1')}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await response.json()) as {
      data?: { raiseConcern?: { reference: string } };
      errors?: { extensions?: { code?: string } }[];
    };
    answers.push({
      status: response.status,
      retryAfter: response.headers.get('retry-after'),
      code: body.errors?.[0]?.extensions?.code,
    });
    return { status: response.status, body };
  };
  const worker = async () => {
    while (running) {
      const key = `e2e-load-${randomUUID()}`;
      const input = {
        urgency: 'ROUTINE',
        subjectDescription: 'Tenant, flat 2',
        location: LOAD_LOCATION,
        whatHappened: 'Raised under load',
        personViews: { status: 'ASKED_NONE_EXPRESSED' },
        consent: { status: 'GIVEN' },
      };
      for (;;) {
        const { status, body } = await post(RAISE, { key, input }, tokens.frontline);
        if (status === 200) {
          raised.set(key, body.data!.raiseConcern!.reference);
          break;
        }
        if (status !== 503) throw new Error(`raiseConcern answered ${status}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      await post(READ, {}, tokens.lead);
    }
  };
  const done = Promise.all(Array.from({ length: workers }, worker));
  done.catch(() => undefined); // reported by stop()
  return {
    answers,
    raised,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** Polls `path` every 100 ms until `stop()`, keeping each status. */
function poll(doorstep: Doorstep, route: string) {
  const statuses: number[] = [];
  let running = true;
  const done = (async () => {
    while (running) {
      statuses.push((await fetch(`${doorstep.base.replace('localhost', '127.0.0.1')}${route}`)).status);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  })();
  return {
    statuses,
    async stop() {
      running = false;
      await done;
    },
  };
}

/** The gateway's log: its JSON lines (the start banner and "Stopping Doorstep…" apart). */
const logLines = (doorstep: Doorstep) =>
  doorstep.process
    .stdout()
    .split('\n')
    .filter((line) => line.startsWith('{'))
    .map((line) => JSON.parse(line) as { event: string; [field: string]: unknown });

const until = async (what: () => boolean, ms = 60_000) => {
  for (const end = Date.now() + ms; !what();) {
    if (Date.now() > end) throw new Error('timed out');
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
};

/** The built program in its own process, as `npm start` runs it. */
describe('starting with a bad configuration', () => {
  it('DATABASE_URL=postgres://nowhere fails with one clear line and exit code 1', async () => {
    const r = runDoorstep({ DATABASE_URL: 'postgres://nowhere' });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toBe('doorstep: cannot connect to the database: host "nowhere" not found\n');
  });

  it('a bad PORT names the variable, with no stack trace', async () => {
    const r = runDoorstep({ PORT: 'abc' });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toBe('doorstep: PORT must be a whole number from 1 to 65535\n');
  });

  it('production without JWT_SECRET refuses to start', async () => {
    const r = runDoorstep({ DOORSTEP_MODE: 'production', DATABASE_URL: 'postgres://nowhere' });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toMatch(/^doorstep: JWT_SECRET must be set in production[^\n]*\n$/);
  });

  it('development mode (no DOORSTEP_MODE) refuses to listen beyond this computer', async () => {
    const r = runDoorstep({ HOST: '0.0.0.0', DATABASE_URL: 'postgres://nowhere' });
    expect(await r.exit).toBe(1);
    expect(r.stderr()).toBe(
      'doorstep: HOST: development mode hands out demo sign-ins, so it listens only on this computer ' +
        '(127.0.0.1). Set DOORSTEP_MODE=production to serve other computers.\n',
    );
  });
});

describe('the embedded database across restarts', () => {
  let doorstep: Awaited<ReturnType<typeof startDoorstep>>;
  beforeAll(async () => {
    doorstep = await startDoorstep();
  });
  afterAll(() => doorstep?.stop());

  const references = async () => {
    const result = await doorstep.graphql<{ concerns: { edges: { node: { reference: string } }[] } }>(
      '{ concerns(first: 100) { edges { node { reference } } } }',
      {},
      await doorstep.token(DEMO.lead),
    );
    return result.data.concerns.edges.map((e) => e.node.reference);
  };

  it('keeps a concern through Ctrl-C and a restart, and through a killed process', async () => {
    expect(doorstep.process.stdout()).toContain(`${doorstep.base}/graphql`);
    expect(doorstep.process.stdout()).toContain(`${doorstep.base}/`);
    const raised = await doorstep.graphql<{ raiseConcern: { reference: string } }>(
      'mutation ($key: String!, $input: RaiseConcernInput!) { raiseConcern(idempotencyKey: $key, input: $input) { reference } }',
      {
        key: 'e2e-restart-concern-0001',
        input: {
          urgency: 'ROUTINE',
          subjectDescription: 'Tenant, flat 1',
          location: '1 Restart Road',
          whatHappened: 'Kept through restarts',
          personViews: { status: 'ASKED_NONE_EXPRESSED' },
          consent: { status: 'GIVEN' },
        },
      },
      await doorstep.token(DEMO.frontline),
    );
    const reference = raised.data.raiseConcern.reference;
    expect(await references()).toContain(reference);

    expect(await doorstep.process.interrupt()).toBe(0);
    expect(existsSync(path.join(doorstep.dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    await doorstep.restart();
    const afterRestart = await references();
    expect(afterRestart).toContain(reference);

    // A crash: the gateway dies without cleaning up, and its PostgreSQL is left running.
    doorstep.process.child.kill('SIGKILL');
    await doorstep.process.exit;

    await doorstep.restart();
    // Still there, and the demo data were not added a second time.
    expect(await references()).toEqual(afterRestart);
  });
});

describe('its PostgreSQL killed under load', () => {
  let doorstep: Doorstep;
  beforeAll(async () => {
    doorstep = await startDoorstep({ LOG_LEVEL: 'info' });
  });
  afterAll(() => doorstep?.stop());

  it('answers 503 with Retry-After while PostgreSQL is restarted, never 500, and stores each concern once', async () => {
    const tokens = { frontline: await doorstep.token(DEMO.frontline), lead: await doorstep.token(DEMO.lead) };
    const traffic = load(doorstep, tokens);
    const ready = poll(doorstep, '/health/ready');
    const live = poll(doorstep, '/health/live');
    const restarts = () => logLines(doorstep).filter((l) => l.event === 'db.embedded_restarted').length;
    try {
      await until(() => traffic.raised.size >= 10);

      // kill -9: its backends are orphaned mid-query, and PostgreSQL recovers from a crash.
      process.kill(await postmaster(doorstep), 'SIGKILL');
      await until(() => restarts() === 1);
      let seen = traffic.raised.size;
      await until(() => traffic.raised.size >= seen + 10);

      // An immediate shutdown (`pg_ctl stop -m immediate`).
      process.kill(await postmaster(doorstep), 'SIGQUIT');
      await until(() => restarts() === 2);
      seen = traffic.raised.size;
      await until(() => traffic.raised.size >= seen + 10);
    } finally {
      await Promise.all([ready.stop(), live.stop()]);
      await traffic.stop(); // rejects if a request was not answered 200 or 503
    }

    const log = logLines(doorstep);
    expect(log.filter((l) => l.event === 'db.embedded_exited')).toEqual([
      expect.objectContaining({ signal: 'SIGKILL' }),
      expect.objectContaining({ code: 0 }),
    ]);
    expect(log.filter((l) => /unexpected/.test(l.event))).toEqual([]);

    // Never 500: 200, or 503 with Retry-After and the code that says a retry is safe.
    const unavailable = traffic.answers.filter((a) => a.status !== 200);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(new Set(unavailable.map((a) => `${a.status} ${a.code} ${a.retryAfter}`))).toEqual(
      new Set(['503 SERVICE_UNAVAILABLE 2']),
    );
    // Ready went 503 and comes back (its answer is kept for a second); live answered 200 throughout.
    expect(ready.statuses).toContain(503);
    await expect
      .poll(
        async () => (await fetch(`${doorstep.base.replace('localhost', '127.0.0.1')}/health/ready`)).status,
      )
      .toBe(200);
    expect(new Set(live.statuses)).toEqual(new Set([200]));

    // Every concern answered with a reference is stored exactly once, and no other was stored.
    const rows = await doorstep.sql<{ reference: string }>(
      'select reference from concern where location = $1',
      [LOAD_LOCATION],
    );
    expect(rows.map((r) => r.reference).sort()).toEqual([...traffic.raised.values()].sort());
  });
});

describe('stopping', () => {
  it('Ctrl-C as a terminal sends it (to the whole process group), under load: exits cleanly, every line a JSON log line without SQL', async () => {
    const doorstep = await startDoorstep({ LOG_LEVEL: 'info' }, { processGroup: true });
    try {
      const tokens = {
        frontline: await doorstep.token(DEMO.frontline),
        lead: await doorstep.token(DEMO.lead),
      };
      const traffic = load(doorstep, tokens);
      await until(() => traffic.raised.size >= 10);
      expect(await doorstep.process.interrupt()).toBe(0);
      await traffic.stop().catch(() => undefined); // the gateway went away under it
      expect(traffic.answers.filter((a) => a.status !== 200)).toEqual([]);
      expect(existsSync(path.join(doorstep.dataDir, 'pg', 'postmaster.pid'))).toBe(false);

      const banner =
        /^(Doorstep is running \(| {2}GraphQL: | {2}GraphiQL: | {2}Example portal: | {2}Documentation: |Press Ctrl-C to stop\.$|Stopping Doorstep…$)/;
      const lines = doorstep.process.stdout().split('\n').filter(Boolean);
      expect(lines.filter((line) => !line.startsWith('{') && !banner.test(line))).toEqual([]);
      expect(
        lines.filter((line) => /COMMIT;|\bselect\b|\binsert into\b|\bdelete from\b/i.test(line)),
      ).toEqual([]);
      // No seal failure, no error at all; and pg printed no warning (overlapping queries on one client).
      expect(
        logLines(doorstep).filter((l) => l.level === 'error' || l.event.startsWith('audit.seal')),
      ).toEqual([]);
      expect(doorstep.process.stderr()).toBe('');
    } finally {
      await doorstep.stop();
    }
  });

  it('Ctrl-C with its PostgreSQL already killed: stops in a moment, with exit code 0', async () => {
    const doorstep = await startDoorstep({ LOG_LEVEL: 'info' });
    try {
      const pid = await postmaster(doorstep);
      process.kill(pid, 'SIGKILL');
      await until(() => {
        try {
          return !process.kill(pid, 0);
        } catch {
          return true; // ESRCH: gone
        }
      });
      const started = performance.now();
      expect(await doorstep.process.interrupt()).toBe(0);
      // Each step of the shutdown finished by itself: none waited out its time limit.
      expect(performance.now() - started).toBeLessThan(5_000);
      expect(logLines(doorstep).filter((l) => l.event === 'shutdown.step_timed_out')).toEqual([]);
    } finally {
      await doorstep.stop();
    }
  });
});
