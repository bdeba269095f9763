import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_ORGANISATIONS } from '../../db/demo.js';
import { testGateway, user } from '../../../test/harness.js';
import { count, createHousehold, lead, ok } from '../../../test/records.js';
import { addTeam, notReportReaders, otherOrganisationStaff, RIVERSIDE } from '../../../test/reports.js';

/** `reportFilters`: the areas and teams a report can be narrowed to, for those who may have reports. */

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
  await createHousehold(gw, { localAuthorityArea: 'Westbrook City Council' });
  await createHousehold(gw, { localAuthorityArea: 'Ashdown District Council' });
  await createHousehold(gw, { localAuthorityArea: 'Westbrook City Council' });
  await addTeam(gw, 'Tenancy support');
  await addTeam(gw, 'Estate services');
  // Another organisation's team and area: never listed for Riverside.
  await gw.sql(
    `insert into team (organisation_id, id, name, created_at) values ($1, $2, 'Hillcrest only team', now())`,
    [DEMO_ORGANISATIONS[1].id, randomUUID()],
  );
  await createHousehold(gw, { localAuthorityArea: 'Hillcrest only council' }, user('morgan'));
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

const FILTERS = `{ reportFilters { localAuthorityAreas teams { id name } } }`;
type Filters = { reportFilters: { localAuthorityAreas: string[]; teams: { id: string; name: string }[] } };

/** What the rows say: Riverside's distinct areas, sorted, and its teams by name. */
async function fromRows() {
  const areas = await gw.sql<{ area: string }>(
    `select distinct local_authority_area as area from household where organisation_id = $1 order by 1`,
    [RIVERSIDE],
  );
  const teams = await gw.sql<{ id: string; name: string }>(
    `select id::text as id, name from team where organisation_id = $1 order by name, id`,
    [RIVERSIDE],
  );
  return { localAuthorityAreas: areas.map((a) => a.area), teams };
}

describe('reportFilters', () => {
  it('gives a lead and a manager their organisation’s areas (sorted) and teams (by name), writing no audit row', async () => {
    const want = await fromRows();
    expect(want.localAuthorityAreas).toEqual(
      expect.arrayContaining(['Ashdown District Council', 'Westbrook City Council']),
    );
    expect(want.teams.map((t) => t.name)).toEqual(
      expect.arrayContaining(['Estate services', 'Tenancy support']),
    );
    const before = await count(gw, `select count(*) as n from audit_event`);
    for (const who of [lead, user('ana')]) {
      const { reportFilters } = await ok<Filters>(gw, FILTERS, {}, who);
      expect(reportFilters).toEqual(want);
      expect(reportFilters.localAuthorityAreas).not.toContain('Hillcrest only council');
      expect(reportFilters.teams.map((t) => t.name)).not.toContain('Hillcrest only team');
    }
    expect(await count(gw, `select count(*) as n from audit_event`)).toBe(before);
  });

  it('gives another organisation’s manager their own areas and teams only', async () => {
    const other = await otherOrganisationStaff(gw, ['MANAGER']);
    const { reportFilters } = await ok<Filters>(gw, FILTERS, {}, other);
    expect(reportFilters.localAuthorityAreas).toContain('Hillcrest only council');
    expect(reportFilters.localAuthorityAreas).not.toContain('Ashdown District Council');
    expect(reportFilters.teams.map((t) => t.name)).toContain('Hillcrest only team');
    expect(reportFilters.teams.map((t) => t.name)).not.toContain('Tenancy support');
  });

  it('refuses every other role, agency officers, tenants and no token', async () => {
    for (const who of await notReportReaders(gw)) {
      const result = await gw.graphql(FILTERS, {}, who);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
    }
    expect((await gw.graphql(FILTERS, {})).errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
