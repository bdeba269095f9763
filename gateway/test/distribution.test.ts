import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REFERENCE_TABLES } from './distribution.js';
import { testDatabase } from './harness.js';

/*
 * Doorstep is ready to scale out on Citus, sharded by organisation (docs/architecture.md, "Beyond
 * one database server"). Citus requires of a table distributed by `organisation_id` that its primary
 * key and unique constraints include the column, and that foreign keys between distributed tables
 * go through it. These tests read the real catalog after every migration, so a new table or a new
 * link that would block distribution fails here, not on the day a provider outgrows one server.
 */

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

interface Table {
  name: string;
  org: boolean;
}

interface Constraint {
  table: string;
  name: string;
  kind: 'p' | 'u' | 'f';
  columns: string[];
  target: string | null;
  targetColumns: string[] | null;
  /** For ON DELETE SET NULL (columns): the columns it clears; null when it clears them all. */
  setNullColumns: string[] | null;
  deleteRule: string;
}

const tables = () =>
  db.sql<Table>(
    `select c.relname as name,
            exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'organisation_id'
                     and not a.attisdropped) as org
       from pg_class c join pg_namespace n on n.oid = c.relnamespace
      where n.nspname = 'public' and c.relkind in ('r', 'p') and c.relname <> 'mikro_orm_migrations'
      order by 1`,
  );

const columnsOf = (relation: string, attnums: string) =>
  `array(select a.attname::text from unnest(${attnums}) with ordinality u(n, i)
          join pg_attribute a on a.attrelid = ${relation} and a.attnum = u.n order by u.i)`;

const constraints = () =>
  db.sql<Constraint>(
    `select t.relname as table, k.conname as name, k.contype as kind,
            ${columnsOf('k.conrelid', 'k.conkey')} as columns,
            r.relname as target,
            case when k.confrelid = 0 then null else ${columnsOf('k.confrelid', 'k.confkey')} end as "targetColumns",
            case when k.confdelsetcols is null then null else ${columnsOf('k.conrelid', 'k.confdelsetcols')} end
              as "setNullColumns",
            k.confdeltype as "deleteRule"
       from pg_constraint k
       join pg_class t on t.oid = k.conrelid join pg_namespace n on n.oid = t.relnamespace
       left join pg_class r on r.oid = k.confrelid
      where n.nspname = 'public' and k.contype in ('p', 'u', 'f') and t.relname <> 'mikro_orm_migrations'
      order by 1, 2`,
  );

/** Unique indexes made without a constraint (partial ones, expression ones). */
const uniqueIndexes = () =>
  db.sql<{ table: string; name: string; definition: string }>(
    `select t.relname as table, i.relname as name, pg_get_indexdef(x.indexrelid) as definition
       from pg_index x join pg_class i on i.oid = x.indexrelid join pg_class t on t.oid = x.indrelid
       join pg_namespace n on n.oid = t.relnamespace
      where n.nspname = 'public' and x.indisunique and not x.indisprimary
        and not exists (select 1 from pg_constraint k where k.conindid = x.indexrelid)
        and t.relname <> 'mikro_orm_migrations'`,
  );

describe('ready to distribute by organisation', () => {
  it('has organisation_id on every table but the reference tables, and each reference table exists', async () => {
    const all = await tables();
    expect(all.length).toBeGreaterThan(20);
    const names = all.map((t) => t.name);
    for (const name of Object.keys(REFERENCE_TABLES))
      expect(names, `${name} is listed but gone`).toContain(name);
    for (const table of all) {
      if (table.name in REFERENCE_TABLES) continue;
      expect(table.org, `${table.name} has no organisation_id: add it, or list it as a reference table`).toBe(
        true,
      );
    }
  });

  it('keys every distributed table by organisation_id first, and every unique constraint includes it', async () => {
    const distributed = new Set(
      (await tables()).filter((t) => !(t.name in REFERENCE_TABLES)).map((t) => t.name),
    );
    const keys = (await constraints()).filter((k) => distributed.has(k.table) && k.kind !== 'f');
    for (const table of distributed) {
      const primary = keys.find((k) => k.table === table && k.kind === 'p');
      expect(primary?.columns[0], `${table}: primary key ${primary?.columns.join(', ') ?? 'missing'}`).toBe(
        'organisation_id',
      );
    }
    for (const unique of keys.filter((k) => k.kind === 'u')) {
      expect(unique.columns, `${unique.table}: unique constraint ${unique.name}`).toContain(
        'organisation_id',
      );
    }
    for (const index of await uniqueIndexes()) {
      if (!distributed.has(index.table)) continue;
      expect(index.definition, `${index.table}: unique index ${index.name}`).toMatch(/\borganisation_id\b/);
    }
  });

  it('links distributed tables only through organisation_id, and never from a reference table to one', async () => {
    const distributed = new Set(
      (await tables()).filter((t) => !(t.name in REFERENCE_TABLES)).map((t) => t.name),
    );
    const links = (await constraints()).filter((k) => k.kind === 'f');
    let checked = 0;
    for (const link of links) {
      const where = `${link.table}.${link.name} → ${link.target}`;
      if (!distributed.has(link.target!)) continue; // to a reference table: allowed from anywhere
      expect(
        distributed.has(link.table),
        `${where}: a reference table may not point at a distributed one`,
      ).toBe(true);
      const at = link.columns.indexOf('organisation_id');
      expect(at, `${where}: the foreign key must include organisation_id`).toBeGreaterThanOrEqual(0);
      expect(link.targetColumns![at], `${where}: organisation_id must match the target's`).toBe(
        'organisation_id',
      );
      if (link.deleteRule === 'n') {
        // ON DELETE SET NULL must clear the link's own column, never the row's organisation.
        expect(link.setNullColumns, `${where}: on delete set null (x_id), not all columns`).not.toBeNull();
        expect(link.setNullColumns, where).not.toContain('organisation_id');
      }
      checked += 1;
    }
    expect(checked).toBeGreaterThan(20);
  });

  it('refuses a link to another organisation’s record, whatever the code above it does', async () => {
    const [a, b] = [randomUUID(), randomUUID()];
    const [household, person] = [randomUUID(), randomUUID()];
    await db.sql(
      `insert into organisation (id, name, kind, allowed_origins, created_at)
       values ($1, 'A', 'HOUSING_PROVIDER', '{}', now()), ($2, 'B', 'HOUSING_PROVIDER', '{}', now())`,
      [a, b],
    );
    await db.sql(
      `insert into household (id, organisation_id, tenancy_reference, address_line1, postcode,
                              local_authority_area, tenure, created_at, updated_at)
       values ($1, $2, 'T-1', '1 Road', 'AB1 2CD', 'Stockport', 'SOCIAL_RENT', now(), now())`,
      [household, a],
    );
    await db.sql(
      `insert into person (id, organisation_id, given_name, family_name, other_names, vulnerability_factors,
                           created_at, updated_at)
       values ($1, $2, 'Sam', 'Jones', '{}', '{}', now(), now())`,
      [person, b],
    );
    const join = (organisation: string) =>
      db.sql(
        `insert into household_member (id, organisation_id, household_id, person_id, role, joined_on, created_at)
         values (gen_random_uuid(), $1, $2, $3, 'OCCUPANT', current_date, now())`,
        [organisation, household, person],
      );
    // B's person into A's household, as B: the household is not B's.
    await expect(join(b)).rejects.toMatchObject({
      code: '23503',
      constraint: 'household_member_organisation_id_household_id_foreign',
    });
    // …and as A: the person is not A's.
    await expect(join(a)).rejects.toMatchObject({
      code: '23503',
      constraint: 'household_member_organisation_id_person_id_foreign',
    });
  });
});
