import {
  RaiseConcernDocument,
  RaisePublicConcernDocument,
  type RaiseConcernMutation,
} from '@doorstep/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey, testGateway, user, validConcern } from '../../test/harness.js';
import { count, ok, raise } from '../../test/records.js';
import { IDEMPOTENCY_KEEP_DAYS } from '../common/idempotency.js';
import { createLogger } from '../logger.js';
import { createPublicToken } from '../modules/access/credentials.service.js';
import { FEEDBACK_LINK_KEEP_DAYS } from '../modules/feedback/feedback-link.service.js';
import { purgeExpired, startMaintenance } from './maintenance.js';

const HOUR = 60 * 60 * 1000;

const frontline = user('tom');

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway({
    publicLimits: { perToken: { max: 100, windowSeconds: 60 }, perAddress: { max: 3, windowSeconds: 60 } },
  });
});
afterAll(() => gw.close());

const owner = () => gw.orm.em.fork() as EntityManager;

/** Raises a concern as frontline staff with `key`; the reference it got (or the error code). */
async function raiseWith(key: string, whatHappened: string) {
  const result = await gw.graphql<RaiseConcernMutation>(
    RaiseConcernDocument.toString(),
    { idempotencyKey: key, input: validConcern({ whatHappened }) },
    frontline,
  );
  expect(result.errors).toBeUndefined();
  return result.data!.raiseConcern.reference;
}

/** Makes a key's record look as if it was claimed `days` and `hours` ago. */
const backdateKey = (key: string, days: number, hours: number) =>
  gw.sql(
    `update idempotency_record set created_at = now() - make_interval(days => $2, hours => $3) where key = $1`,
    [key, days, hours],
  );

const keyKept = async (key: string) =>
  (await gw.sql(`select 1 from idempotency_record where key = $1`, [key])).length === 1;

const concernsSaying = async (whatHappened: string) =>
  Number(
    (
      await gw.sql<{ n: string }>(`select count(*) as n from concern where what_happened = $1`, [
        whatHappened,
      ])
    )[0]!.n,
  );

describe('forgetting idempotency keys', () => {
  it('keeps a key for at least 7 days and IDEMPOTENCY_KEEP_DAYS, and forgets it after', async () => {
    expect(IDEMPOTENCY_KEEP_DAYS).toBeGreaterThanOrEqual(7);
    const ages = {
      fresh: [0, 0],
      'a week less an hour': [6, 23],
      'an hour short of the keeping time': [IDEMPOTENCY_KEEP_DAYS, -1],
      'an hour past the keeping time': [IDEMPOTENCY_KEEP_DAYS, 1],
    } as const;
    const keys = new Map<keyof typeof ages, { key: string; reference: string }>();
    for (const [age, [days, hours]] of Object.entries(ages) as [
      keyof typeof ages,
      readonly [number, number],
    ][]) {
      const key = newKey();
      keys.set(age, { key, reference: await raiseWith(key, `Purge marker: ${age}`) });
      await backdateKey(key, days, hours);
    }

    await purgeExpired(owner());

    const kept = Object.fromEntries(
      await Promise.all([...keys].map(async ([age, { key }]) => [age, await keyKept(key)] as const)),
    );
    expect(kept).toEqual({
      fresh: true,
      'a week less an hour': true,
      'an hour short of the keeping time': true,
      'an hour past the keeping time': false,
    });

    // A kept key still answers a retry with the first receipt, and nothing new is stored.
    for (const age of ['fresh', 'a week less an hour', 'an hour short of the keeping time'] as const) {
      const { key, reference } = keys.get(age)!;
      expect(await raiseWith(key, `Purge marker: ${age}`), age).toBe(reference);
      expect(await concernsSaying(`Purge marker: ${age}`), age).toBe(1);
    }
    // A forgotten key is a new submission: a second concern, with its own reference.
    const expired = keys.get('an hour past the keeping time')!;
    const again = await raiseWith(expired.key, 'Purge marker: an hour past the keeping time');
    expect(again).not.toBe(expired.reference);
    expect(await concernsSaying('Purge marker: an hour past the keeping time')).toBe(2);
    expect(await keyKept(expired.key)).toBe(true);
  });

  it('is purged by the gateway’s maintenance once at start and then every hour', async () => {
    vi.useFakeTimers({ toFake: ['setInterval', 'clearInterval'] });
    const expire = async (marker: string) => {
      const key = newKey();
      await raiseWith(key, marker);
      await backdateKey(key, IDEMPOTENCY_KEEP_DAYS, 1);
      return key;
    };
    const atStart = await expire('Purged at start');
    // No sealing in the hour the timers are moved on: only the purge is under test.
    const maintenance = startMaintenance(gw.orm, createLogger('silent'), 2 * HOUR);
    try {
      await maintenance.sealNow(); // runs after the purge at start
      expect(await keyKept(atStart)).toBe(false);

      const hourly = await expire('Purged within the hour');
      vi.advanceTimersByTime(HOUR - 1);
      await maintenance.sealNow();
      expect(await keyKept(hourly)).toBe(true);
      vi.advanceTimersByTime(1);
      await maintenance.sealNow();
      expect(await keyKept(hourly)).toBe(false);
    } finally {
      await maintenance.stop();
      vi.useRealTimers();
    }
  });
});

describe('forgetting rate-limit windows', () => {
  it('forgets windows older than a day, and a live window keeps counting', async () => {
    const tenant = { token: await gw.tenantToken('tenant-purge-1') };
    const send = () =>
      gw.graphql(
        RaisePublicConcernDocument.toString(),
        {
          idempotencyKey: newKey(),
          input: {
            urgency: 'ROUTINE',
            aboutSelf: false,
            subjectDescription: 'The woman at number 8',
            location: '8 Rowan Court',
            whatHappened: 'Post piling up behind the door.',
          },
        },
        tenant,
      );
    for (let i = 0; i < 3; i++) expect((await send()).errors).toBeUndefined();
    // Copies of the live windows (one per token, one per address) as they would have been hours ago.
    for (const hours of [23, 25]) {
      await gw.sql(
        `insert into rate_limit_window (key, window_start, hits)
         select key, window_start - make_interval(hours => $1), hits from rate_limit_window
          where window_start > now() - interval '1 hour'`,
        [hours],
      );
    }
    const ages = async () =>
      (
        await gw.sql<{ hours: number; n: number }>(
          `select round(extract(epoch from now() - window_start) / 3600)::int as hours, count(*)::int as n
             from rate_limit_window group by 1 order by 1`,
        )
      ).map(({ hours, n }) => [hours, n]);
    expect(await ages()).toEqual([
      [0, 2],
      [23, 2],
      [25, 2],
    ]);

    await purgeExpired(owner());

    expect(await ages()).toEqual([
      [0, 2],
      [23, 2],
    ]);
    // The live window was kept, so the address is still at its limit.
    expect((await send()).errors?.[0]?.extensions?.code).toBe('RATE_LIMITED');
  });
});

describe('forgetting feedback links', () => {
  // A gateway of its own: the links are checked through the public API, past the tight
  // per-address limit the rate-limit test above relies on.
  let links: Awaited<ReturnType<typeof testGateway>>;
  let publicToken: { token: string };
  let concernId: string;
  beforeAll(async () => {
    links = await testGateway();
    publicToken = {
      token: (
        await createPublicToken(
          links.orm.em.fork() as EntityManager,
          links.config.jwt,
          user('priya').organisationId,
          'Purge tests',
        )
      ).token,
    };
    concernId = (await raise(links)).id;
    await ok(
      links,
      `mutation($id: ID!) { triageConcern(id: $id, input: { decision: NO_FURTHER_ACTION, riskLevel: LOW, reason: "Resolved at the visit" }) { id } }`,
      { id: concernId },
    );
    await ok(
      links,
      `mutation($id: ID!) { closeConcern(id: $id, input: { reason: "Support in place" }) { id } }`,
      {
        id: concernId,
      },
    );
  });
  afterAll(() => links.close());

  const digest = (token: string) => createHash('sha256').update(token).digest('hex');
  const SUBMIT = `mutation($key: String!, $input: FeedbackInput!) {
    submitFeedback(idempotencyKey: $key, input: $input) { receivedAt }
  }`;
  const STATUS = `query($token: String!) { feedbackLink(token: $token) { status expiresAt } }`;
  const makeLink = async () =>
    (
      await ok<{ createFeedbackLink: { token: string } }>(
        links,
        `mutation($id: ID!) { createFeedbackLink(concernId: $id, validDays: 90) { token } }`,
        { id: concernId },
      )
    ).createFeedbackLink.token;
  const give = (token: string, named = false) =>
    links.graphql(
      SUBMIT,
      {
        key: newKey(),
        input: {
          anonymous: !named,
          ...(named && { name: 'Walter' }),
          language: 'en',
          comment: `Purge marker ${token.slice(3, 11)}`,
          link: token,
        },
      },
      publicToken,
    );
  /** Makes a link look as if it was used or expired (`column`) `days` and `hours` ago. */
  const backdateLink = (token: string, column: 'used_at' | 'expires_at', days: number, hours: number) =>
    links.sql(
      `update feedback_link set ${column} = now() - make_interval(days => $2, hours => $3) where token_hash = $1`,
      [digest(token), days, hours],
    );
  const linkKept = async (token: string) =>
    (await links.sql(`select 1 from feedback_link where token_hash = $1`, [digest(token)])).length === 1;
  const statusOf = async (token: string) =>
    (await links.graphql<{ feedbackLink: { status: string } }>(STATUS, { token }, publicToken)).data!
      .feedbackLink.status;

  it('keeps a link FEEDBACK_LINK_KEEP_DAYS after it was used or expired, unless named feedback holds it', async () => {
    expect(FEEDBACK_LINK_KEEP_DAYS).toBeGreaterThanOrEqual(7);
    const ages = {
      'open, unused': null,
      'expired an hour short of the keeping time': ['expires_at', FEEDBACK_LINK_KEEP_DAYS, -1],
      'expired an hour past the keeping time': ['expires_at', FEEDBACK_LINK_KEEP_DAYS, 1],
      'used anonymously an hour short of the keeping time': ['used_at', FEEDBACK_LINK_KEEP_DAYS, -1],
      'used anonymously an hour past the keeping time': ['used_at', FEEDBACK_LINK_KEEP_DAYS, 1],
      'used by named feedback long ago': ['used_at', FEEDBACK_LINK_KEEP_DAYS + 60, 0],
    } as const;
    const tokens = new Map<keyof typeof ages, string>();
    for (const [age, backdate] of Object.entries(ages) as [
      keyof typeof ages,
      readonly ['used_at' | 'expires_at', number, number] | null,
    ][]) {
      const token = await makeLink();
      if (age.startsWith('used'))
        expect((await give(token, age.includes('named'))).errors, age).toBeUndefined();
      if (backdate) await backdateLink(token, ...backdate);
      tokens.set(age, token);
    }
    const named = tokens.get('used by named feedback long ago')!;
    await backdateLink(named, 'expires_at', FEEDBACK_LINK_KEEP_DAYS + 1, 0);
    const [held] = await links.sql<{ id: string; link_id: string }>(
      `select f.id, f.link_id from feedback f join feedback_link l on l.id = f.link_id where l.token_hash = $1`,
      [digest(named)],
    );

    await purgeExpired(links.orm.em.fork() as EntityManager);

    const kept = Object.fromEntries(
      await Promise.all([...tokens].map(async ([age, token]) => [age, await linkKept(token)] as const)),
    );
    expect(kept).toEqual({
      'open, unused': true,
      'expired an hour short of the keeping time': true,
      'expired an hour past the keeping time': false,
      'used anonymously an hour short of the keeping time': true,
      'used anonymously an hour past the keeping time': false,
      'used by named feedback long ago': true,
    });
    // Named feedback still holds its link: feedback is never changed.
    expect(await links.sql(`select id, link_id from feedback where id = $1`, [held!.id])).toEqual([held]);

    // A kept link still says what became of it.
    expect(
      Object.fromEntries(
        await Promise.all([...tokens].map(async ([age, token]) => [age, await statusOf(token)] as const)),
      ),
    ).toEqual({
      'open, unused': 'VALID',
      'expired an hour short of the keeping time': 'EXPIRED',
      'expired an hour past the keeping time': 'INVALID',
      'used anonymously an hour short of the keeping time': 'USED',
      'used anonymously an hour past the keeping time': 'INVALID',
      'used by named feedback long ago': 'USED',
    });
  });

  it('never takes a forgotten link’s token again: it is refused like an expired one, and nothing is saved', async () => {
    const expired = await makeLink();
    await backdateLink(expired, 'expires_at', 1, 0);
    const forgottenUnused = await makeLink();
    await backdateLink(forgottenUnused, 'expires_at', FEEDBACK_LINK_KEEP_DAYS, 1);
    const forgottenUsed = await makeLink();
    expect((await give(forgottenUsed)).errors).toBeUndefined();
    await backdateLink(forgottenUsed, 'used_at', FEEDBACK_LINK_KEEP_DAYS, 1);

    await purgeExpired(links.orm.em.fork() as EntityManager);
    expect(await linkKept(forgottenUnused)).toBe(false);
    expect(await linkKept(forgottenUsed)).toBe(false);

    const feedbackRows = () => count(links, `select count(*) as n from feedback`);
    const before = await feedbackRows();
    const refusals = Object.fromEntries(
      await Promise.all(
        Object.entries({ expired, forgottenUnused, forgottenUsed }).map(async ([which, token]) => {
          const result = await give(token);
          return [which, { code: result.errors?.[0]?.extensions?.code, data: result.data ?? null }] as const;
        }),
      ),
    );
    expect(refusals).toEqual({
      expired: { code: 'FEEDBACK_LINK_EXPIRED', data: null },
      forgottenUnused: { code: 'FEEDBACK_LINK_INVALID', data: null },
      forgottenUsed: { code: 'FEEDBACK_LINK_INVALID', data: null },
    });
    expect(await feedbackRows()).toBe(before);
    // Refusing does not bring a forgotten link back.
    expect(await linkKept(forgottenUnused)).toBe(false);
    expect(await linkKept(forgottenUsed)).toBe(false);
  });
});
