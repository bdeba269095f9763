import { freePort } from '@doorstep/testkit';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HouseholdDocument, type HouseholdQuery } from '@doorstep/client';
import { testConfig, testGateway } from '../../test/harness.js';
import { lead, ok } from '../../test/records.js';
import { repoRoot } from '../config.js';
import { withToolDatabase } from './connect-tool.js';
import { startEmbedded } from './embedded.js';
import { makeBatch, random, writeBatch } from './synthetic.js';

/** The tables `writeBatch` writes (the reference counter aside). */
const SYNTHETIC_TABLES = [
  'household',
  'person',
  'household_member',
  'person_relationship',
  'concern',
  'concern_triage',
  'concern_person',
  'concern_named_person',
  'warning',
  'referral',
  'chronology_entry',
];

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
});
afterAll(() => gw.close());

async function withClient<T>(work: (client: pg.Client) => Promise<T>) {
  const client = new pg.Client({ connectionString: gw.url });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

describe('synthetic data', () => {
  it('makes households as dense as real ones, of fictional people related both ways, with concerns, warnings and referrals that are real records', async () => {
    const batch = makeBatch(random(42), 1, 300);
    await withClient((client) => writeBatch(client, lead.organisationId, lead.id, batch));
    const [counts] = await gw.sql<Record<string, number>>(
      `with h as (select id from household where tenancy_reference like 'SYN-%')
       select (select count(*)::int from h) as households,
              (select count(*)::float / 300 from household_member m join h on h.id = m.household_id where m.left_on is null) as members,
              (select count(*)::int from household_member m join h on h.id = m.household_id where m.left_on is not null) as former,
              (select count(*)::int from person where date_of_birth > current_date - interval '18 years') as children,
              (select count(*)::float / 300 from concern c join h on h.id = c.household_id) as concerns,
              (select count(*)::int from warning w where w.household_id in (select id from h) or w.person_id in (
                 select person_id from household_member m join h on h.id = m.household_id)) as warnings,
              (select count(*)::int from warning w where w.status = 'ACTIVE' and (w.household_id in (select id from h) or w.person_id in (
                 select person_id from household_member m join h on h.id = m.household_id))) as active,
              (select count(*)::int from referral r join concern c on c.id = r.concern_id join h on h.id = c.household_id) as referrals,
              (select count(*)::int from concern_named_person n join concern c on c.id = n.concern_id join h on h.id = c.household_id) as named,
              (select count(*)::int from concern_person cp join concern c on c.id = cp.concern_id join h on h.id = c.household_id
                where cp.role = 'ALLEGED_SOURCE') as sources,
              (select count(distinct reference)::int from concern) = (select count(*)::int from concern) as unique_references`,
    );
    expect(counts!.households).toBe(300);
    expect(counts!.members).toBeGreaterThan(3);
    expect(counts!.members).toBeLessThan(4);
    expect(counts!.former).toBeGreaterThan(0);
    expect(counts!.children).toBeGreaterThan(200);
    expect(counts!.concerns).toBeGreaterThan(2);
    expect(counts!.concerns).toBeLessThan(3);
    expect(counts!.warnings).toBe(300);
    expect(counts!.active).toBeGreaterThan(200);
    expect(counts!.referrals).toBe(300);
    expect(counts!.named).toBeGreaterThan(20);
    expect(counts!.sources).toBeGreaterThan(20);
    expect(counts!.unique_references).toBe(true);
    // Every foreign key of the tables it writes holds (the writer turns off the per-row checks).
    const keys = await gw.sql<{ child: string; column: string; parent: string }>(
      `select c.conrelid::regclass::text as child, a.attname as column, c.confrelid::regclass::text as parent
         from pg_constraint c join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
        where c.contype = 'f' and cardinality(c.conkey) = 1 and c.conrelid::regclass::text = any($1)`,
      [SYNTHETIC_TABLES],
    );
    expect(new Set(keys.map((k) => k.child))).toEqual(new Set(SYNTHETIC_TABLES));
    for (const { child, column, parent } of keys) {
      const dangling = await gw.sql(
        `select 1 from "${child}" c where c."${column}" is not null
            and not exists (select 1 from "${parent}" p where p.id = c."${column}") limit 1`,
      );
      expect(dangling, `${child}.${column} → ${parent}`).toEqual([]);
    }
    // Every relationship has its inverse.
    const orphans = await gw.sql(
      `select 1 from person_relationship r where not exists (
         select 1 from person_relationship i where i.pair_id = r.pair_id and i.person_id = r.related_person_id
           and i.related_person_id = r.person_id)`,
    );
    expect(orphans).toEqual([]);
    // Records have the rows the services would have written with them: subjects, triage records,
    // and their chronology entries.
    const [links] = await gw.sql<Record<string, number>>(
      `select (select count(*)::int from concern c where c.subject_description = 'A member of the household'
                 and not exists (select 1 from concern_person cp where cp.concern_id = c.id and cp.role = 'SUBJECT')) as without_subject,
              (select count(*)::int from concern c where c.subject_description = 'A member of the household'
                 and not exists (select 1 from chronology_entry e where e.source_id = c.id and e.kind = 'CONCERN_RAISED')) as without_entry,
              (select count(*)::int from concern c where c.triage_decision is not null
                 and not exists (select 1 from concern_triage t where t.concern_id = c.id)) as without_triage,
              (select count(*)::int from concern c where c.triage_decision is not null
                 and not exists (select 1 from chronology_entry e where e.source_id = c.id and e.kind = 'CONCERN_TRIAGED')) as triage_without_entry,
              (select count(*)::int from warning w where w.status = 'ACTIVE' and (w.signed_off_by_id = w.created_by_id
                 or not exists (select 1 from chronology_entry e where e.source_id = w.id and e.kind = 'WARNING_SIGNED_OFF'
                                  and e.recorded_by_id = w.signed_off_by_id))) as signed_off_by_author,
              (select count(*)::int from warning w where not exists (
                 select 1 from chronology_entry e where e.source_id = w.id and e.kind = 'WARNING_ADDED')) as warning_without_entry,
              (select count(*)::int from referral r where not exists (
                 select 1 from chronology_entry e where e.source_id = r.id and e.kind = 'REFERRAL_SENT')) as referral_without_entry,
              (select count(*)::int from household_member m join household h on h.id = m.household_id
                where h.tenancy_reference like 'SYN-%' and not exists (
                 select 1 from chronology_entry e where e.source_id = m.id and e.kind = 'MEMBER_JOINED')) as member_without_entry`,
    );
    expect(links).toEqual({
      without_subject: 0,
      without_entry: 0,
      without_triage: 0,
      triage_without_entry: 0,
      signed_off_by_author: 0,
      warning_without_entry: 0,
      referral_without_entry: 0,
      member_without_entry: 0,
    });
    // Found through the API like any record.
    const [one] = await gw.sql<{ tenancy_reference: string }>(
      `select tenancy_reference from household where tenancy_reference = 'SYN-0000150'`,
    );
    const found = await ok<{
      searchHouseholds: { edges: { node: { node: { tenancyReference: string } } }[] };
    }>(
      gw,
      `query($q: String!) { searchHouseholds(query: $q) { edges { node { node { tenancyReference } } } } }`,
      { q: one!.tenancy_reference },
    );
    expect(found.searchHouseholds.edges[0]!.node.node.tenancyReference).toBe('SYN-0000150');
  });

  it('reads back through the household view: its members, warnings, concerns with their subjects, and chronology', async () => {
    const [densest] = await gw.sql<{
      id: string;
      members: number;
      concerns: number;
      warnings: number;
      entries: number;
    }>(
      `select h.id,
              (select count(*)::int from household_member m where m.household_id = h.id and m.left_on is null) as members,
              (select count(*)::int from concern c where c.household_id = h.id) as concerns,
              (select count(*)::int from warning w where w.household_id = h.id or w.person_id in (
                 select person_id from household_member m where m.household_id = h.id and m.left_on is null)) as warnings,
              (select count(*)::int from chronology_entry e where e.household_id = h.id) as entries
         from household h where h.tenancy_reference like 'SYN-%'
        order by 3 desc, 2 desc, h.tenancy_reference limit 1`,
    );
    const { household } = await ok<HouseholdQuery>(gw, HouseholdDocument.toString(), {
      id: densest!.id,
      concerns: 20,
      chronology: 100,
    });
    expect(household.members).toHaveLength(densest!.members);
    expect(household.members.some((m) => m.person.relationships.length > 0)).toBe(true);
    expect(household.warnings).toHaveLength(densest!.warnings);
    expect(household.concerns.totalCount).toBe(densest!.concerns);
    expect(household.concerns.edges.every((e) => e.node.subjects.length > 0)).toBe(true);
    // The household's own entries, and its members' (warnings on a person) besides.
    expect(household.chronology.totalCount).toBeGreaterThanOrEqual(densest!.entries);
    expect(household.chronology.edges.map((e) => e.node.kind)).toEqual(
      expect.arrayContaining(['MEMBER_JOINED', 'CONCERN_RAISED', 'WARNING_ADDED', 'REFERRAL_SENT']),
    );
  });

  it('is the same for the same seed', () => {
    const a = makeBatch(random(7), 1, 20, 1_700_000_000_000);
    const b = makeBatch(random(7), 1, 20, 1_700_000_000_000);
    expect(a.people.data.given).toEqual(b.people.data.given);
    expect(a.households.data.line1).toEqual(b.households.data.line1);
  });

  it('`pnpm seed` adds households with a progress bar (the built script, against DATABASE_URL)', async () => {
    const script = path.join(repoRoot, 'gateway', 'dist', 'scripts', 'seed.js');
    expect(existsSync(script), 'run pnpm build first').toBe(true);
    const before = Number((await gw.sql<{ n: string }>(`select count(*) as n from household`))[0]!.n);
    const { stderr } = await promisify(execFile)(
      process.execPath,
      [script, '--households', '1500', '--seed', '3'],
      {
        env: {
          ...process.env,
          DATABASE_URL: gw.url,
          DOORSTEP_DATA_DIR: path.join(os.tmpdir(), 'doorstep-seed-test'),
        },
      },
    );
    expect(stderr).toMatch(/using DATABASE_URL/);
    expect(stderr).toMatch(/100%\s+1,500 \/ 1,500 households/);
    const after = Number((await gw.sql<{ n: string }>(`select count(*) as n from household`))[0]!.n);
    expect(after - before).toBe(1500);
  });
});

describe('withToolDatabase', () => {
  it('attaches to a running Doorstep’s embedded PostgreSQL, and leaves it running', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-tool-'));
    const port = await freePort();
    const running = await startEmbedded({ dataDir, port, database: 'doorstep', fast: true });
    try {
      const config = testConfig({ dataDir, embeddedPgPort: await freePort() });
      const via = await withToolDatabase(config, async ({ orm, via }) => {
        const rows = await orm.em
          .getConnection()
          .execute<{ port: string }[]>(`select current_setting('port') as port`);
        expect(Number(rows[0]!.port)).toBe(port);
        return via;
      });
      expect(via).toBe('attached');
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(true);
    } finally {
      await running.stop();
      await rm(dataDir, { recursive: true, force: true });
    }
  });

  it('starts the embedded PostgreSQL when nothing is running, migrates it, and stops it after', async () => {
    const dataDir = await mkdtemp(path.join(os.tmpdir(), 'doorstep-tool-'));
    try {
      const config = testConfig({ dataDir, embeddedPgPort: await freePort() });
      const tables = await withToolDatabase(config, async ({ orm, via }) => {
        expect(via).toBe('started');
        return orm.em
          .getConnection()
          .execute<{ n: string }[]>(
            `select count(*) as n from information_schema.tables where table_name = 'household'`,
          );
      });
      expect(Number(tables[0]!.n)).toBe(1);
      expect(existsSync(path.join(dataDir, 'pg', 'postmaster.pid'))).toBe(false);
    } finally {
      await rm(dataDir, { recursive: true, force: true });
    }
  });
});
