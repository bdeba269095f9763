import { verifyWebhook } from '@doorstep/client';
import { freePort, runDoorstep, type DoorstepProcess } from '@doorstep/testkit';
import type { EntityManager } from '@mikro-orm/postgresql';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../src/db/demo.js';
import { actAsOrganisation, addWebhookEndpoint } from '../src/modules/webhook/webhooks.service.js';
import { testGateway } from './harness.js';
import { referToNorthshire } from './records.js';
import { startReceiver } from './webhook-receiver.js';

/**
 * "A gateway killed mid-delivery delivers after restart, and a receiver sees each event at least
 * once with an id to drop repeats." The built gateway runs as a process of its own (as `npm start`
 * runs it with DATABASE_URL) and delivers the webhooks; the test's own gateway takes the requests.
 * The receiver holds the first delivery unanswered, the delivering process is killed (SIGKILL: no
 * shutdown of any kind), another event is made while it is down, and a new process delivers both
 * once the dead one's lease has run out.
 */
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const dataDir = path.join(os.tmpdir(), 'doorstep-webhook-kill');

let gw: Awaited<ReturnType<typeof testGateway>>;
let receiver: Awaited<ReturnType<typeof startReceiver>>;
let secret: string;
const processes: DoorstepProcess[] = [];

beforeAll(async () => {
  gw = await testGateway();
  receiver = await startReceiver((_request, index) => (index === 0 ? 'hold' : 204));
  secret = await gw.orm.em.fork().transactional(async (tx) => {
    await actAsOrganisation(tx as EntityManager, NORTHSHIRE);
    return (await addWebhookEndpoint(tx as EntityManager, NORTHSHIRE, receiver.url('/agency'), false)).secret;
  });
}, 60_000);
afterAll(async () => {
  for (const child of processes) await child.interrupt();
  await receiver?.close();
  await gw?.close();
});

async function startDeliverer(): Promise<DoorstepProcess> {
  const child = runDoorstep({
    DATABASE_URL: gw.url,
    JWT_SECRET: new TextDecoder().decode(gw.config.jwt.secret),
    HOST: '127.0.0.1',
    PORT: String(await freePort()),
    SEED_DEMO: 'false',
    LOG_LEVEL: 'warn',
    DOORSTEP_DATA_DIR: dataDir,
    WEBHOOK_TIMEOUT_SECONDS: '2',
  });
  processes.push(child);
  await child.ready();
  return child;
}

const refer = () => referToNorthshire(gw);

it('delivers after a restart what a killed gateway was delivering, and what was made while it was down', async () => {
  const first = await startDeliverer();
  await refer();
  await receiver.until(() => receiver.received.length === 1);
  first.child.kill('SIGKILL');
  await first.exit;
  const [inFlight] = await gw.sql<{ state: string; attempts: number; lease: boolean }>(
    `select state, attempts, lease_until > now() as lease from webhook_delivery`,
  );
  expect(inFlight).toEqual({ state: 'PENDING', attempts: 1, lease: true });
  await refer(); // while no gateway delivers

  await startDeliverer();
  await receiver.until(
    () => new Set(receiver.received.map((r) => r.headers['doorstep-event-id'])).size === 2,
    30_000,
  );
  await expect
    .poll(
      async () => (await gw.sql<{ state: string }>(`select state from webhook_delivery`)).map((r) => r.state),
      {
        timeout: 10_000,
      },
    )
    .toEqual(['DELIVERED', 'DELIVERED']);

  // The receiver saw the first event twice (once unanswered) and drops the repeat by its id.
  const ids = receiver.received.map((r) => String(r.headers['doorstep-event-id']));
  expect(ids).toHaveLength(3);
  expect(ids.filter((id) => id === ids[0])).toHaveLength(2); // not in order: the other was due first
  const seen = new Set<string>();
  const handled = ids.filter((id) => !seen.has(id) && seen.add(id));
  expect(handled).toHaveLength(2);
  for (const request of receiver.received) {
    expect((await verifyWebhook(secret, request.body, request.headers)).ok).toBe(true);
  }
}, 90_000);
