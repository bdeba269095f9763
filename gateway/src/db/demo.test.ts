import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testDatabase } from '../../test/harness.js';
import { DEMO_HOUSEHOLDS, DEMO_ORGANISATIONS, DEMO_PEOPLE, DEMO_USERS, seedDemo } from './demo.js';

type Db = Awaited<ReturnType<typeof testDatabase>>;

/** Rows in every table of the schema, by table: what the seed added, whichever tables it touches. */
async function rowCounts(db: Db): Promise<Record<string, number>> {
  const tables = await db.sql<{ name: string }>(
    `select tablename as name from pg_tables where schemaname = 'public' order by tablename`,
  );
  const [counts] = await db.sql<Record<string, number>>(
    `select ${tables.map(({ name }) => `(select count(*)::int from "${name}") as "${name}"`).join(', ')}`,
  );
  return counts!;
}

/** The full demo set, as the tables hold it after a successful seed. */
function expectFullSet(counts: Record<string, number>) {
  expect(counts).toMatchObject({
    organisation: DEMO_ORGANISATIONS.length,
    app_user: DEMO_USERS.length,
    household: DEMO_HOUSEHOLDS.length,
    person: DEMO_PEOPLE.length,
    household_member: DEMO_PEOPLE.filter((p) => p.household).length,
    person_relationship: 10,
    household_assignment: 5,
    concern: 3,
    warning: 3,
    you_said_we_did: 2,
    // Cases: Kelly Price's and Edith Marsh's open, Walter Briggs's closed with its outcome.
    safeguarding_case: 3,
    case_person: 3,
    case_action: 3,
    case_note: 4,
    case_review: 1,
    dash_checklist: 1,
  });
}

/** Makes every insert into `table` fail, as a process dying at that point of the seed would. */
async function failInsertsInto(db: Db, table: string) {
  await db.sql(`create or replace function test_interrupt_seed() returns trigger language plpgsql as $$
                begin raise exception 'seed interrupted at %', tg_table_name; end $$`);
  await db.sql(`create trigger test_interrupt_seed before insert on "${table}"
                for each row execute function test_interrupt_seed()`);
  return () => db.sql(`drop trigger test_interrupt_seed on "${table}"`);
}

describe('the demo seed', () => {
  let db: Db;
  let empty: Record<string, number>;
  beforeAll(async () => {
    db = await testDatabase();
    empty = await rowCounts(db);
  });
  afterAll(() => db.close());

  // Early (records), in the middle (a concern, inside raiseConcern's own transaction), and the last step.
  it.each(['household_member', 'concern', 'you_said_we_did'])(
    'failing part-way (at %s) leaves no demo rows in any table',
    async (table) => {
      const restore = await failInsertsInto(db, table);
      try {
        await expect(seedDemo(db.orm.em.fork())).rejects.toThrow(`seed interrupted at ${table}`);
      } finally {
        await restore();
      }
      expect(await rowCounts(db)).toEqual(empty);
    },
  );

  it('seeds the full set on the next start, numbering concerns from the first reference', async () => {
    expect(await seedDemo(db.orm.em.fork())).toBe(true);
    expectFullSet(await rowCounts(db));
    const references = await db.sql<{ reference: string }>(
      `select reference from concern order by reference`,
    );
    expect(references.map((r) => r.reference.replace(/^SG-\d{4}-/, ''))).toEqual([
      '000001',
      '000002',
      '000003',
    ]);
  });

  it('has open cases with a plan and a review due within the work queue’s 14 days, and a closed one with its outcome', async () => {
    const cases = await db.sql<{
      status: string;
      review_soon: boolean;
      outcomes_achieved: string | null;
      actions: number;
    }>(
      `select c.status, c.next_review_due <= now() + interval '14 days' as review_soon, c.outcomes_achieved,
              (select count(*)::int from case_action a where a.case_id = c.id and a.due_on <= current_date + 14) as actions
         from safeguarding_case c order by c.status, c.review_every_weeks`,
    );
    expect(cases).toEqual([
      { status: 'CLOSED', review_soon: false, outcomes_achieved: 'PARTIALLY', actions: 0 },
      { status: 'OPEN', review_soon: true, outcomes_achieved: null, actions: 2 },
      { status: 'OPEN', review_soon: false, outcomes_achieved: null, actions: 1 },
    ]);
  });

  it('adds nothing on a later start', async () => {
    const seeded = await rowCounts(db);
    expect(await seedDemo(db.orm.em.fork())).toBe(false);
    expect(await rowCounts(db)).toEqual(seeded);
  });
});

describe('first starts at the same moment', () => {
  let db: Db;
  beforeAll(async () => {
    db = await testDatabase();
  });
  afterAll(() => db.close());

  it('seed once: one adds the set, the other finds it', async () => {
    const results = await Promise.all([seedDemo(db.orm.em.fork()), seedDemo(db.orm.em.fork())]);
    expect(results.sort()).toEqual([false, true]);
    expectFullSet(await rowCounts(db));
  });
});
