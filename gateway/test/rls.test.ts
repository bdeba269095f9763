import { randomUUID } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openScope } from '../src/db/request-scope.js';
import { seedDemo } from '../src/db/demo.js';
import { Concern } from '../src/modules/concern/concern.entity.js';
import { asApp as asAppIn, testDatabase, user } from './harness.js';

/**
 * Tables with no organisation column, each with why it needs none. Every other table must carry
 * `organisation_id` under row-level security.
 */
const SHARED_TABLES: Record<string, string> = {
  organisation: 'the organisations themselves: names readable, only its own row changeable',
  rate_limit_window: 'request counts under hashed keys, no personal data',
};

const riverside = user('priya');
const hillcrest = user('morgan');

let db: Awaited<ReturnType<typeof testDatabase>>;
beforeAll(async () => {
  db = await testDatabase();
  await seedDemo(db.orm.em.fork());
});
afterAll(() => db.close());

/** Runs statements as the application role for one organisation, in a transaction rolled back after. */
const asApp = <T>(organisationId: string, work: (client: pg.Client) => Promise<T>) =>
  asAppIn(db.url, organisationId, work);

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: { code?: string; message: string }) => error.code ?? error.message,
  );

describe('row-level security', () => {
  it('is on every organisation-owned table, and every other table says why it is shared', async () => {
    const tables = await db.sql<{ name: string; rls: boolean; org: boolean; policies: number }>(
      `select c.relname as name, c.relrowsecurity as rls,
              exists (select 1 from information_schema.columns
                       where table_schema = 'public' and table_name = c.relname and column_name = 'organisation_id') as org,
              (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
        where n.nspname = 'public' and c.relkind = 'r' and c.relname <> 'mikro_orm_migrations'`,
    );
    expect(tables.length).toBeGreaterThan(5);
    for (const table of tables) {
      if (table.org) {
        expect(table.rls, `${table.name}: row-level security`).toBe(true);
        expect(table.policies, `${table.name}: policies`).toBeGreaterThan(0);
      } else {
        expect(
          Object.keys(SHARED_TABLES),
          `${table.name} has no organisation_id: isolate it or list why`,
        ).toContain(table.name);
      }
    }
  });

  it('gives the application role nothing on the migrations table, and no way to change the audit trail', async () => {
    const rows = await db.sql<{ table_name: string; privilege_type: string }>(
      `select table_name, privilege_type from information_schema.role_table_grants
        where grantee = 'doorstep_app' and (table_name = 'mikro_orm_migrations'
           or (table_name = 'audit_event' and privilege_type in ('UPDATE', 'DELETE', 'TRUNCATE')))`,
    );
    expect(rows).toEqual([]);
  });

  it('hides, and refuses changes to, another organisation’s rows even for a query with no checks of its own', async () => {
    const [theirs] = await db.sql<{ id: string }>(
      `select id from concern where organisation_id = $1 limit 1`,
      [riverside.organisationId],
    );
    expect(theirs).toBeDefined();
    await asApp(hillcrest.organisationId, async (client) => {
      expect((await client.query('select * from concern')).rows).toEqual([]);
      expect(
        (await client.query('select * from app_user where organisation_id = $1', [riverside.organisationId]))
          .rows,
      ).toEqual([]);
      const updated = await client.query(`update concern set what_happened = 'changed' where id = $1`, [
        theirs!.id,
      ]);
      expect(updated.rowCount).toBe(0);
      expect((await client.query('select * from audit_event')).rows).toEqual([]);
    });
    // Writing a row into another organisation breaks the policy's check.
    const inserted = await asApp(hillcrest.organisationId, (client) =>
      failure(
        client.query(
          `insert into audit_event (at, organisation_id, actor_kind, actor_ref, action, entity_type, request_id)
           values (now(), $1, 'staff', 'x', 'READ', 'Concern', 'r')`,
          [riverside.organisationId],
        ),
      ),
    );
    expect(inserted).toBe('42501');
    const deleted = await asApp(riverside.organisationId, (client) =>
      failure(client.query('delete from concern')),
    );
    expect(deleted).toBe('42501');
    expect(
      Number(
        (await db.sql<{ n: string }>(`select count(*) as n from concern where what_happened = 'changed'`))[0]!
          .n,
      ),
    ).toBe(0);
  });

  it('sees nothing at all without an organisation', async () => {
    await asApp('', async (client) => {
      expect((await client.query('select * from concern')).rows).toEqual([]);
      expect((await client.query('select * from app_user')).rows).toEqual([]);
    });
  });

  it('backs the gateway: a request’s entity manager, asked for every concern, gets only its own', async () => {
    const em = await openScope(db.orm, hillcrest.organisationId);
    try {
      const all = await em.find(Concern, {});
      expect(all.every((c) => c.organisation.id === hillcrest.organisationId)).toBe(true);
      const [theirs] = await db.sql<{ id: string }>(
        `select id from concern where organisation_id = $1 limit 1`,
        [riverside.organisationId],
      );
      expect(await em.findOne(Concern, { id: theirs!.id })).toBeNull();
      em.create(Concern, {
        id: randomUUID(),
        reference: 'SG-1999-000001',
        organisation: riverside.organisationId,
        reporterKind: 'STAFF',
        urgency: 'ROUTINE',
        categories: [],
        subjectDescription: 'x',
        location: 'x',
        whatHappened: 'x',
        viewsStatus: 'ASKED_NONE_EXPRESSED',
        consentStatus: 'GIVEN',
      });
      expect(await failure(em.flush())).toMatch(/row-level security|42501/);
    } finally {
      await em.rollback().catch(() => undefined);
    }
  });
});
