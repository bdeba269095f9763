import { freePort } from '@doorstep/testkit';
import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testConfig, testGateway } from '../../test/harness.js';
import { lead, ok } from '../../test/records.js';
import { repoRoot } from '../config.js';
import { withToolDatabase } from './connect-tool.js';
import { startEmbedded } from './embedded.js';
import { makeBatch, random, writeBatch } from './synthetic.js';

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
  it('makes realistic households of fictional people, related both ways, with concerns that are real records', async () => {
    const batch = makeBatch(random(42), 1, 300);
    await withClient((client) => writeBatch(client, lead.organisationId, lead.id, batch));
    const [counts] = await gw.sql<Record<string, number>>(
      `select (select count(*)::int from household where tenancy_reference like 'SYN-%') as households,
              (select count(*)::int from person p join household_member m on m.person_id = p.id
                 join household h on h.id = m.household_id where h.tenancy_reference like 'SYN-%') as people,
              (select count(*)::int from person where date_of_birth > current_date - interval '18 years') as children,
              (select count(*)::int from concern where reference like 'SG-%' and subject_description = 'A member of the household') as concerns,
              (select count(distinct reference)::int from concern) = (select count(*)::int from concern) as unique_references`,
    );
    expect(counts!.households).toBe(300);
    expect(counts!.people).toBeGreaterThan(450);
    expect(counts!.children).toBeGreaterThan(50);
    expect(counts!.concerns).toBeGreaterThan(50);
    expect(counts!.unique_references).toBe(true);
    // Every relationship has its inverse.
    const orphans = await gw.sql(
      `select 1 from person_relationship r where not exists (
         select 1 from person_relationship i where i.pair_id = r.pair_id and i.person_id = r.related_person_id
           and i.related_person_id = r.person_id)`,
    );
    expect(orphans).toEqual([]);
    // Concerns have their subject, chronology entry and (when triaged) triage record.
    const [links] = await gw.sql<Record<string, number>>(
      `select (select count(*)::int from concern c where c.subject_description = 'A member of the household'
                 and not exists (select 1 from concern_person cp where cp.concern_id = c.id)) as without_subject,
              (select count(*)::int from concern c where c.subject_description = 'A member of the household'
                 and not exists (select 1 from chronology_entry e where e.source_id = c.id)) as without_entry,
              (select count(*)::int from concern c where c.triage_decision is not null
                 and not exists (select 1 from concern_triage t where t.concern_id = c.id)) as without_triage`,
    );
    expect(links).toEqual({ without_subject: 0, without_entry: 0, without_triage: 0 });
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
