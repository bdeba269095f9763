import pg from 'pg';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { lead, raise } from '../../../test/records.js';
import { makeBatch, random, writeBatch } from '../../db/synthetic.js';

/**
 * Each organisation's kept count of concerns (`concern_count`, which `concerns.totalCount` reads)
 * is the number of its concerns, whichever way they came and went: raised through the API, written
 * in bulk by the synthetic loader (triggers off), removed.
 */
let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw?.close());

/** Each organisation's kept count beside its real one. */
const counts = () =>
  gw.sql<{ organisation_id: string; kept: number; real: number }>(
    `select o.id as organisation_id, coalesce(k.concerns, 0)::int as kept,
            (select count(*)::int from concern c where c.organisation_id = o.id) as real
       from organisation o left join concern_count k on k.organisation_id = o.id order by o.id`,
  );
const expectExact = async () => {
  for (const row of await counts()) expect(row.kept, row.organisation_id).toBe(row.real);
};

it('counts the concerns raised, loaded in bulk and removed, organisation by organisation', async () => {
  await expectExact();
  const before = (await counts()).find((r) => r.organisation_id === lead.organisationId)!.real;
  await raise(gw);
  await raise(gw, {}, user('morgan'));
  const client = new pg.Client({ connectionString: gw.url });
  await client.connect();
  try {
    await writeBatch(client, lead.organisationId, lead.id, makeBatch(random(5), 1, 12));
  } finally {
    await client.end();
  }
  await expectExact();
  const after = (await counts()).find((r) => r.organisation_id === lead.organisationId)!;
  expect(after.real).toBeGreaterThan(before + 12);
  // Removed in one statement: the count follows (nothing in Doorstep deletes concerns today, but a
  // retention job will).
  await gw.sql(
    `delete from concern where id in (select c.id from concern c where c.organisation_id = $1
        and not exists (select 1 from concern_person cp where cp.concern_id = c.id)
        and not exists (select 1 from concern_triage t where t.concern_id = c.id)
        and not exists (select 1 from referral r where r.concern_id = c.id)
      order by c.raised_at desc limit 2)`,
    [lead.organisationId],
  );
  const removed = (await counts()).find((r) => r.organisation_id === lead.organisationId)!;
  expect(removed.real).toBeLessThan(after.real);
  await expectExact();
});
