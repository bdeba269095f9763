import { runDoorstep } from '@doorstep/testkit';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO, startDoorstep } from './doorstep.js';

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
