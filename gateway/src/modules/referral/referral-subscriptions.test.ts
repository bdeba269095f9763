import { EventEmitter } from 'node:events';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Identity } from '../../auth/identity.js';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import type { EventListener, LiveEvent } from '../../db/events.js';
import { inScope } from '../../db/request-scope.js';
import { testGateway, user } from '../../../test/harness.js';
import { ok, referToNorthshire } from '../../../test/records.js';
import { referralEventStream, type ReferralEventSignal } from './referral-subscriptions.js';

/**
 * The source stream of referral subscriptions: a resumed stream replays the log after a position
 * in pages, then continues with what the listener heard meanwhile and after, never repeating an
 * event it replayed; it ends when the subscription does. (The transports, access and delivery:
 * test/subscriptions.test.ts.)
 */
const RIVERSIDE = DEMO_ORGANISATIONS[0].id;
const NORTHSHIRE = DEMO_ORGANISATIONS[2].id;
const lead = user('priya');
const officer = user('dee');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

async function referralWithEvents() {
  const id = await referToNorthshire(gw, { newConcern: true });
  for (const [mutation, version] of [
    ['acknowledgeReferral', 1],
    ['acceptReferral', 2],
  ] as const) {
    await ok(
      gw,
      `mutation M($input: ReferralMoveInput!) { ${mutation}(input: $input) { version } }`,
      { input: { referralId: id, version } },
      officer,
    );
  }
  const rows = await gw.sql<{ id: string; kind: string }>(
    `select id::text, kind from referral_event where referral_id = $1 order by id`,
    [id],
  );
  return { id, positions: rows.map((r) => r.id) };
}

function source() {
  const listener = new EventEmitter() as unknown as EventListener;
  const controller = new AbortController();
  const identity: Identity = {
    kind: 'staff',
    userId: lead.id,
    organisationId: RIVERSIDE,
    roles: ['SAFEGUARDING_LEAD'],
  };
  return {
    listener,
    controller,
    live: {
      listener,
      signal: controller.signal,
      scope: <T>(work: Parameters<typeof inScope<T>>[2]) => inScope(gw.orm, RIVERSIDE, work),
    },
    caller: { identity, requestId: 'test' },
  };
}

const heard = (referralId: string, eventId: string): Extract<LiveEvent, { type: 'referral' }> => ({
  type: 'referral',
  organisationId: RIVERSIDE,
  recipientOrganisationId: NORTHSHIRE,
  eventId,
  referralId,
  kind: 'MOVED',
});

it('replays after a position in pages, then what was heard, without repeating what it replayed', async () => {
  const { id, positions } = await referralWithEvents();
  const [sent, acknowledged, accepted] = positions as [string, string, string];
  const { listener, controller, live, caller } = source();
  // One event per page: the replay takes two statements.
  const stream = await referralEventStream(live, caller, { referralId: id }, sent, 1);
  // Heard while the log is read: an event the replay also finds, and one after the replay.
  listener.emit('event', heard(id, acknowledged));
  listener.emit('event', heard(id, '999999999'));
  // Another referral's, and another organisation's: not this stream's.
  listener.emit('event', heard('00000000-0000-4000-8000-00000000dead', '1000000000'));
  listener.emit('event', {
    ...heard(id, '1000000001'),
    organisationId: 'other',
    recipientOrganisationId: 'other',
  });
  const got: ReferralEventSignal[] = [];
  for (let i = 0; i < 3; i++) got.push((await stream.next()).value as ReferralEventSignal);
  expect(got.map((e) => e.eventId)).toEqual([acknowledged, accepted, '999999999']);
  // Ends when the subscription does, even while waiting.
  const waiting = stream.next();
  controller.abort();
  expect(await waiting).toEqual({ value: undefined, done: true });
  expect(listener.listenerCount('event')).toBe(0);
});

it('without a position, only what is heard from now on', async () => {
  const { id, positions } = await referralWithEvents();
  const { listener, controller, live, caller } = source();
  const stream = await referralEventStream(live, caller, {}, undefined);
  listener.emit('event', heard(id, positions[2]!));
  expect(((await stream.next()).value as ReferralEventSignal).eventId).toBe(positions[2]);
  controller.abort();
  expect((await stream.next()).done).toBe(true);
});
