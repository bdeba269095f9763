import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { asApp, testGateway, user } from '../../../test/harness.js';
import { raise } from '../../../test/records.js';

const riverside = user('priya');
const hillcrest = user('morgan');
/** The migration that gave each organisation its own counter. */
const PER_ORGANISATION = 'Migration20261206221845_concern_reference_per_organisation';

const year = () => new Date().getUTCFullYear();
const numberOf = (reference: string) => {
  const match = /^SG-(\d{4})-(\d{6,})$/.exec(reference);
  expect(match, `${reference} keeps its format`).not.toBeNull();
  expect(Number(match![1])).toBe(year());
  return Number(match![2]);
};
const consecutive = (numbers: number[]) => numbers.slice(1).every((n, i) => n === numbers[i]! + 1);

describe('concern references', () => {
  let gw: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    gw = await testGateway();
  });
  afterAll(() => gw.close());

  it('are numbered by each organisation on its own: two raising in turn each get consecutive numbers', async () => {
    const mine: number[] = [];
    const theirs: number[] = [];
    for (let i = 0; i < 3; i++) {
      mine.push(numberOf((await raise(gw, {}, riverside)).reference));
      theirs.push(numberOf((await raise(gw, {}, hillcrest)).reference));
    }
    expect(consecutive(mine), `Riverside's ${mine.join(', ')}`).toBe(true);
    expect(consecutive(theirs), `Hillcrest's ${theirs.join(', ')}`).toBe(true);
    // Hillcrest had none before: its first is number 1, whatever Riverside (the demo set) has raised.
    expect(theirs[0]).toBe(1);
  });

  it('never repeat or skip within an organisation when many are raised at once', async () => {
    const references = await Promise.all(Array.from({ length: 12 }, () => raise(gw, {}, riverside)));
    const numbers = references.map((r) => numberOf(r.reference)).sort((a, b) => a - b);
    expect(new Set(numbers).size).toBe(numbers.length);
    expect(consecutive(numbers), numbers.join(', ')).toBe(true);
  });

  it('keep the counter row to its organisation: another organisation can neither see nor change it', async () => {
    const counters = async () =>
      gw.sql<{ organisation_id: string; last: number }>(
        `select organisation_id, last from concern_reference_counter where year = $1 order by organisation_id`,
        [year()],
      );
    const before = await counters();
    expect(before.map((c) => c.organisation_id).sort()).toEqual(
      [riverside.organisationId, hillcrest.organisationId].sort(),
    );
    await asApp(gw.url, hillcrest.organisationId, async (client) => {
      const seen = await client.query(`select organisation_id from concern_reference_counter`);
      expect(seen.rows).toEqual([{ organisation_id: hillcrest.organisationId }]);
      const bumped = await client.query(
        `update concern_reference_counter set last = last + 100 where organisation_id = $1`,
        [riverside.organisationId],
      );
      expect(bumped.rowCount).toBe(0);
    });
    expect(await counters()).toEqual(before);
  });
});

describe('the migration to references per organisation', () => {
  let gw: Awaited<ReturnType<typeof testGateway>>;
  beforeAll(async () => {
    gw = await testGateway();
  });
  afterAll(() => gw.close());

  it('keeps existing references, and each organisation goes on after its own highest', async () => {
    const migrator = gw.orm.getMigrator();
    await migrator.down({ to: PER_ORGANISATION });
    // Under the old scheme: one counter for all. The demo set gave Riverside 1 to 3 of this year.
    const old = (organisationId: string, reference: string) =>
      gw.sql(
        `insert into concern (id, reference, organisation_id, reporter_kind, urgency, categories, subject_description,
                              location, what_happened, views_status, consent_status, raised_at, updated_at)
         values (gen_random_uuid(), $1, $2, 'STAFF', 'ROUTINE', '{}', 'x', 'x', 'x', 'ASKED_NONE_EXPRESSED', 'GIVEN', now(), now())`,
        [reference, organisationId],
      );
    const ref = (y: number, n: number) => `SG-${y}-${String(n).padStart(6, '0')}`;
    await old(hillcrest.organisationId, ref(year(), 4));
    await old(riverside.organisationId, ref(year(), 5));
    await old(hillcrest.organisationId, ref(year(), 6));
    await old(hillcrest.organisationId, ref(year() - 1, 41));
    await old(riverside.organisationId, ref(year() - 1, 40));
    await gw.sql(`update concern_reference_counter set last = 6 where year = $1`, [year()]);
    await gw.sql(`insert into concern_reference_counter (year, last) values ($1, 41)`, [year() - 1]);
    const before = await gw.sql(`select id, organisation_id, reference from concern order by id`);

    expect(await migrator.up()).not.toEqual([]);

    expect(await gw.sql(`select id, organisation_id, reference from concern order by id`)).toEqual(before);
    expect(
      await gw.sql(
        `select organisation_id, year, last from concern_reference_counter order by organisation_id, year`,
      ),
    ).toEqual(
      [
        { organisation_id: riverside.organisationId, year: year() - 1, last: 40 },
        { organisation_id: riverside.organisationId, year: year(), last: 5 },
        { organisation_id: hillcrest.organisationId, year: year() - 1, last: 41 },
        { organisation_id: hillcrest.organisationId, year: year(), last: 6 },
      ].sort((a, b) => a.organisation_id.localeCompare(b.organisation_id) || a.year - b.year),
    );
    expect(numberOf((await raise(gw, {}, riverside)).reference)).toBe(6);
    expect(numberOf((await raise(gw, {}, hillcrest)).reference)).toBe(7);
    expect(numberOf((await raise(gw, {}, riverside)).reference)).toBe(7);
  });
});
