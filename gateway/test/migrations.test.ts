import { afterAll, beforeAll, expect, it } from 'vitest';
import { testDatabase } from './harness.js';

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
});
afterAll(() => db.close());

it('the committed migrations build exactly the schema the entities describe', async () => {
  const diff = await db.orm.schema.getUpdateSchemaSQL({ wrap: false });
  expect(diff.trim(), 'entities changed without a migration: run migration:create').toBe('');
});

it('running the migrations again changes nothing', async () => {
  expect(await db.orm.getMigrator().up()).toEqual([]);
  const applied = await db.sql<{ name: string }>('select name from mikro_orm_migrations order by id');
  expect(applied.length).toBeGreaterThan(0);
});
