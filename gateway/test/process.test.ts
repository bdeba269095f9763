import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { repoRoot } from '../src/config.js';
import { freePort } from './ports.js';
import { validConcern } from './harness.js';

/**
 * The real program, as `pnpm start` runs it: gateway/dist/main.js in its own process. The test
 * command builds before it tests; run `pnpm build` first when running this file alone.
 */
const main = path.join(repoRoot, 'gateway', 'dist', 'main.js');

interface Run {
  child: ChildProcess;
  stdout: string;
  stderr: string;
  exit: Promise<number | null>;
}

function run(env: Record<string, string>): Run {
  const child = spawn(process.execPath, [main], {
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const result: Run = {
    child,
    stdout: '',
    stderr: '',
    exit: new Promise((resolve) => child.once('exit', (code) => resolve(code))),
  };
  child.stdout!.on('data', (d: Buffer) => (result.stdout += d.toString()));
  child.stderr!.on('data', (d: Buffer) => (result.stderr += d.toString()));
  return result;
}

async function ready(r: Run): Promise<void> {
  for (let waited = 0; waited < 60_000; waited += 100) {
    if (r.stdout.includes('Doorstep is running')) return;
    if (r.child.exitCode !== null) throw new Error(`exited ${r.child.exitCode}: ${r.stderr}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  throw new Error('Doorstep did not start in 60 s');
}

beforeAll(() => {
  if (!existsSync(main)) throw new Error('gateway/dist/main.js is missing: run `pnpm build` first');
});

describe('starting with a bad configuration', () => {
  it('DATABASE_URL=postgres://nowhere fails with one clear line and exit code 1', async () => {
    const r = run({ DATABASE_URL: 'postgres://nowhere' });
    expect(await r.exit).toBe(1);
    expect(r.stderr).toBe('doorstep: cannot connect to the database: host "nowhere" not found\n');
  });

  it('a bad PORT names the variable, with no stack trace', async () => {
    const r = run({ PORT: 'abc' });
    expect(await r.exit).toBe(1);
    expect(r.stderr).toBe('doorstep: PORT must be a whole number from 1 to 65535\n');
  });

  it('production without JWT_SECRET refuses to start', async () => {
    const r = run({ DOORSTEP_MODE: 'production', DATABASE_URL: 'postgres://nowhere' });
    expect(await r.exit).toBe(1);
    expect(r.stderr).toMatch(/^doorstep: JWT_SECRET must be set in production[^\n]*\n$/);
  });
});

describe('the embedded database across restarts', () => {
  let dataDir: string;
  let env: Record<string, string>;
  let base: string;
  const running: Run[] = [];

  beforeAll(async () => {
    dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-restart-'));
    const port = await freePort();
    env = {
      DOORSTEP_DATA_DIR: dataDir,
      PORT: String(port),
      EMBEDDED_PG_PORT: String(await freePort()),
      LOG_LEVEL: 'warn',
    };
    base = `http://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    for (const r of running) {
      if (r.child.exitCode === null) {
        r.child.kill('SIGINT');
        await r.exit;
      }
    }
    await rm(dataDir, { recursive: true, force: true });
  });

  const start = async () => {
    const r = run(env);
    running.push(r);
    await ready(r);
    return r;
  };

  async function leadToken() {
    const response = await fetch(`${base}/dev/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ userId: '00000000-0000-4000-8000-000000000101' }),
    });
    return ((await response.json()) as { token: string }).token;
  }

  async function graphql(query: string, variables: object = {}) {
    const response = await fetch(`${base}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await leadToken()}` },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as { data: Record<string, unknown> };
  }

  const references = async () => {
    const { data } = await graphql('{ concerns(first: 100) { edges { node { reference } } } }');
    return (data.concerns as { edges: { node: { reference: string } }[] }).edges.map((e) => e.node.reference);
  };

  it('keeps a concern through Ctrl-C and a restart, and through a killed process', async () => {
    const first = await start();
    expect(first.stdout).toContain(`${base.replace('127.0.0.1', 'localhost')}/graphql`);
    const raised = await graphql(
      'mutation ($input: RaiseConcernInput!) { raiseConcern(input: $input) { reference } }',
      { input: validConcern() },
    );
    const reference = (raised.data.raiseConcern as { reference: string }).reference;
    expect(await references()).toContain(reference);

    first.child.kill('SIGINT');
    expect(await first.exit).toBe(0);
    expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);

    const second = await start();
    expect(await references()).toContain(reference);
    const demoConcerns = (await references()).length;

    // A crash: the gateway dies without cleaning up, and its PostgreSQL is left running.
    second.child.kill('SIGKILL');
    await second.exit;

    const third = await start();
    const after = await references();
    expect(after).toContain(reference);
    expect(after.length).toBe(demoConcerns); // the demo set is seeded once, not again
    third.child.kill('SIGINT');
    expect(await third.exit).toBe(0);
  });
});
