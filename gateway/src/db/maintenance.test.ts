import { RaiseConcern, RaisePublicConcern, type RaiseConcernResult } from '@doorstep/client';
import type { EntityManager } from '@mikro-orm/postgresql';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { newKey, testGateway, user, validConcern } from '../../test/harness.js';
import { IDEMPOTENCY_KEEP_DAYS } from '../common/idempotency.js';
import { createLogger } from '../logger.js';
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
  const result = await gw.graphql<RaiseConcernResult>(
    RaiseConcern.document,
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
        RaisePublicConcern.document,
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
