import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { EVENTS_CHANNEL, type LiveEvent } from '../../db/events.js';
import { commitScope, openScope } from '../../db/request-scope.js';
import { asApp, testGateway, user } from '../../../test/harness.js';
import { referToNorthshire } from '../../../test/records.js';
import { recordReferralEvent } from './referral-events.js';
import { Referral } from './referral.entity.js';

/**
 * The referral event log: every change writes one row in its own transaction and announces it at
 * commit; a refused change writes and announces nothing; the two organisations read the rows and
 * nobody else does; and positions are given in commit order.
 */

const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const HILLCREST = DEMO_ORGANISATIONS[1].id;
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const officer = user('dee');

type Row = {
  id: string;
  referral_id: string;
  kind: string;
  status: string;
  version: number;
  by_organisation_id: string;
};

let gw: Awaited<ReturnType<typeof testGateway>>;
let listener: pg.Client;
const heard: Extract<LiveEvent, { type: 'referral' }>[] = [];

beforeAll(async () => {
  gw = await testGateway();
  listener = new pg.Client({ connectionString: gw.url });
  await listener.connect();
  listener.on('notification', (message) => {
    const event = JSON.parse(message.payload!) as LiveEvent;
    if (event.type === 'referral') heard.push(event);
  });
  await listener.query(`listen ${EVENTS_CHANNEL}`);
});
afterAll(async () => {
  await listener.end();
  await gw.close();
});

const eventsOf = (referralId: string) =>
  gw.sql<Row>(
    `select id::text, referral_id, kind, status, version, by_organisation_id from referral_event
      where referral_id = $1 order by id`,
    [referralId],
  );

/** Waits until the listener has heard the event at `position`. */
async function hear(position: string) {
  for (let i = 0; i < 200 && !heard.some((e) => e.eventId === position); i++) {
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
  return heard.find((e) => e.eventId === position);
}

const refer = () => referToNorthshire(gw);

it('sending, moving and messaging each log one event, announced at commit with its position', async () => {
  const id = await refer();
  const acknowledged = await gw.graphql(
    `mutation A($input: ReferralMoveInput!) { acknowledgeReferral(input: $input) { version } }`,
    { input: { referralId: id, version: 1 } },
    officer,
  );
  expect(acknowledged.errors).toBeUndefined();
  const asked = await gw.graphql(
    `mutation M($input: ReferralMessageInput!) { sendReferralMessage(input: $input) { id } }`,
    { input: { referralId: id, body: 'Does he have a key safe?' } },
    officer,
  );
  expect(asked.errors).toBeUndefined();

  const rows = await eventsOf(id);
  expect(
    rows.map(({ kind, status, version, by_organisation_id }) => [kind, status, version, by_organisation_id]),
  ).toEqual([
    ['SENT', 'SENT', 1, RIVERSIDE],
    ['MOVED', 'ACKNOWLEDGED', 2, NORTHSHIRE],
    ['MESSAGE', 'ACKNOWLEDGED', 2, NORTHSHIRE],
  ]);
  expect(BigInt(rows[0]!.id) < BigInt(rows[1]!.id) && BigInt(rows[1]!.id) < BigInt(rows[2]!.id)).toBe(true);
  for (const row of rows) {
    expect(await hear(row.id)).toEqual({
      type: 'referral',
      organisationId: RIVERSIDE,
      recipientOrganisationId: NORTHSHIRE,
      eventId: row.id,
      referralId: id,
      kind: row.kind,
    });
  }
});

it('a refused change logs and announces nothing', async () => {
  const id = await refer();
  const [sent] = await eventsOf(id);
  await hear(sent!.id);
  const before = heard.length;
  const stale = await gw.graphql(
    `mutation A($input: ReferralMoveInput!) { acknowledgeReferral(input: $input) { version } }`,
    { input: { referralId: id, version: 7 } },
    officer,
  );
  expect(stale.errors?.[0]?.extensions?.code).toBe('STALE_VERSION');
  expect((await eventsOf(id)).map((r) => r.kind)).toEqual(['SENT']);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(heard.slice(before).filter((e) => e.referralId === id)).toEqual([]);
});

it('the sender and the agency read the events; another organisation reads none and adds none', async () => {
  const id = await refer();
  const read = (org: string) =>
    asApp(
      gw.url,
      org,
      async (client) =>
        (await client.query(`select kind from referral_event where referral_id = $1`, [id])).rows.length,
    );
  expect(await read(RIVERSIDE)).toBe(1);
  expect(await read(NORTHSHIRE)).toBe(1);
  expect(await read(HILLCREST)).toBe(0);
  await expect(
    asApp(gw.url, HILLCREST, (client) =>
      client.query(
        `insert into referral_event (organisation_id, referral_id, recipient_organisation_id, kind, status, version, by_organisation_id, at)
         values ($1, $2, $3, 'MOVED', 'CLOSED', 9, $4, now())`,
        [RIVERSIDE, id, NORTHSHIRE, HILLCREST],
      ),
    ),
  ).rejects.toThrow(/row-level security/);
});

it('an event waits for an earlier, uncommitted event of the same organisation: positions follow commit order', async () => {
  const [first, second] = [await refer(), await refer()];
  const holding = await openScope(gw.orm, NORTHSHIRE);
  const waiting = await openScope(gw.orm, RIVERSIDE);
  try {
    const a = await holding.findOneOrFail(Referral, { id: first }, { populate: ['recipientOrganisation'] });
    const earlier = await recordReferralEvent(holding, a, 'MOVED', NORTHSHIRE);
    const b = await waiting.findOneOrFail(Referral, { id: second }, { populate: ['recipientOrganisation'] });
    let later: string | undefined;
    const recording = recordReferralEvent(waiting, b, 'MOVED', RIVERSIDE).then(
      (position) => (later = position),
    );
    let blocked = 0;
    for (let i = 0; i < 200 && !blocked; i++) {
      await new Promise((resolve) => setTimeout(resolve, 25));
      [{ blocked }] = (await gw.sql<{ blocked: number }>(
        `select count(*)::int as blocked from pg_locks where locktype = 'advisory' and not granted`,
      )) as [{ blocked: number }];
    }
    expect(blocked, 'the second change waits for the log lock the first holds').toBe(1);
    expect(later).toBeUndefined();
    await commitScope(holding);
    await recording;
    await commitScope(waiting);
    expect(BigInt(later!) > BigInt(earlier)).toBe(true);
  } finally {
    await holding.rollback().catch(() => undefined);
    await waiting.rollback().catch(() => undefined);
  }
});
