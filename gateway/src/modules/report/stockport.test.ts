import { REPORTING_GROUPS } from '@doorstep/schema';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { testGateway } from '../../../test/harness.js';
import { lead, ok } from '../../../test/records.js';
import { loadStockport, REPORT, STOCKPORT } from '../../../test/reports.js';

/**
 * Stockport Homes' 2020/21 figures (Annual Safeguarding Report, §3 and Table 1), loaded through
 * the API, come back from the reports exactly.
 */

let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
}, 60_000);
afterAll(async () => {
  await gw?.close();
});

it('reproduces Stockport Homes’ Table 1, adults and children, and referrals by agency for 2020/21', async () => {
  const { agencies } = await loadStockport(gw);
  const { report } = await ok<{
    report: {
      concernsByMonth: { raised: number }[];
      concernsByCategory: { group: string; count: number }[];
      concernsByAge: Record<string, number>;
    };
  }>(gw, REPORT, { period: { from: STOCKPORT.from, to: STOCKPORT.to } }, lead);

  expect(report.concernsByMonth).toHaveLength(12);
  expect(report.concernsByMonth.reduce((n, m) => n + m.raised, 0)).toBe(152);
  expect(report.concernsByCategory).toEqual(
    REPORTING_GROUPS.map((group) => ({
      group,
      count: (STOCKPORT.table1 as Record<string, number>)[group] ?? 0,
    })),
  );
  expect(report.concernsByAge).toEqual({ adults: 114, children: 38, notKnown: 0 });

  // The referrals went through the API to the four agencies (the referral reports count them).
  const sent = await gw.sql<{ agency_type: string; n: number }>(
    `select o.agency_type, count(*)::int as n from referral r join organisation o on o.id = r.recipient_organisation_id
      where r.organisation_id = $1 and o.id = any($2::uuid[]) group by 1`,
    [lead.organisationId, Object.values(agencies)],
  );
  expect(Object.fromEntries(sent.map((r) => [r.agency_type, r.n]))).toEqual(STOCKPORT.referrals);
}, 240_000);
