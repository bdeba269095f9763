import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../../test/harness.js';
import { count, lead, ok, raise } from '../../../test/records.js';
import {
  addTeam,
  notReportReaders,
  otherOrganisationStaff,
  REPORT,
  setRaisedAt,
} from '../../../test/reports.js';

/**
 * Who may have reports, what a bad period gets, suppression, and the CSV downloads: every refusal
 * typed, and nothing written for one.
 */

let gw: Awaited<ReturnType<typeof testGateway>>;
let team: string;
beforeAll(async () => {
  gw = await testGateway();
  team = await addTeam(gw, 'Tenancy support');
  // January 2025: seven physical, two financial, one sexual; no other category.
  for (const [category, n] of [
    ['PHYSICAL', 7],
    ['FINANCIAL', 2],
    ['SEXUAL', 1],
  ] as const) {
    for (let i = 0; i < n; i++) {
      const { id } = await raise(gw, { categories: [category] });
      await setRaisedAt(gw, id, `2025-01-${String(10 + i).padStart(2, '0')}T10:00:00Z`);
    }
  }
}, 120_000);
afterAll(async () => {
  await gw?.close();
});

const JANUARY = { from: '2025-01-01', to: '2025-01-31' };
const CATEGORY = `query($period: ReportPeriod!) { report(period: $period) {
  period { shared suppressedBelow } concernsByCategory { group count } } }`;
const audits = () => count(gw, `select count(*) as n from audit_event`);

describe('access', () => {
  it('gives reports to the organisation’s managers and safeguarding leads', async () => {
    for (const who of [lead, user('ana')]) {
      const result = await gw.graphql(REPORT, { period: JANUARY }, who);
      expect(result.errors).toBeUndefined();
    }
  });

  it('refuses every other role, agency officers, tenants and no token, and writes nothing', async () => {
    const before = await audits();
    for (const who of await notReportReaders(gw)) {
      const result = await gw.graphql(REPORT, { period: JANUARY }, who);
      expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
      expect(result.data ?? null).toBeNull();
      const csv = await download('concerns-by-month', JANUARY, who.token);
      expect(csv.status).toBe(403);
      expect(
        ((await csv.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code,
      ).toBe('FORBIDDEN');
    }
    expect((await gw.graphql(REPORT, { period: JANUARY })).errors?.[0]?.extensions?.code).toBe(
      'UNAUTHENTICATED',
    );
    expect((await download('concerns-by-month', JANUARY)).status).toBe(401);
    expect(await audits()).toBe(before);
  });

  it('gives another organisation’s manager their own figures, never these', async () => {
    const other = await otherOrganisationStaff(gw, ['MANAGER']);
    const { report } = await ok<{ report: { concernsByCategory: { count: number }[] } }>(
      gw,
      CATEGORY,
      { period: JANUARY },
      other,
    );
    expect(report.concernsByCategory.every((g) => g.count === 0)).toBe(true);
    // A team of Riverside's is unknown to them.
    const result = await gw.graphql(CATEGORY, { period: { ...JANUARY, teamId: team } }, other);
    expect(result.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });
});

describe('bad periods', () => {
  const refusal = async (period: Record<string, unknown>) => {
    const result = await gw.graphql(REPORT, { period }, lead);
    expect(result.data ?? null).toBeNull();
    const extensions = result.errors?.[0]?.extensions as { code: string; fields: { field: string }[] };
    return { code: extensions.code, fields: extensions.fields?.map((f) => f.field) };
  };
  const tomorrow = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);

  it('gives BAD_USER_INPUT naming the field, never an internal error, and writes nothing', async () => {
    const before = await audits();
    for (const [period, fields] of [
      [{ from: '2025-02-01', to: '2025-01-31' }, ['to']],
      [{ from: tomorrow, to: tomorrow }, ['from']],
      [{ from: '2019-01-01', to: '2024-01-01' }, ['to']],
      [{ from: '2025-02-30', to: '2025-03-01' }, ['from']],
      [{ from: 'last month', to: '2025-03-01' }, ['from']],
      [{ from: '2025-01-01', to: '25/01/2025' }, ['to']],
      [{ ...JANUARY, localAuthorityArea: 'Atlantis District Council' }, ['localAuthorityArea']],
      [{ ...JANUARY, teamId: randomUUID() }, ['teamId']],
      [{ ...JANUARY, teamId: 'team-1' }, ['teamId']],
      [{ ...JANUARY, localAuthorityArea: 'x'.repeat(201) }, ['localAuthorityArea']],
    ] as const) {
      const { code, fields: named } = await refusal(period);
      expect(code, JSON.stringify(period)).toBe('BAD_USER_INPUT');
      expect(named, JSON.stringify(period)).toContain(fields[0]);
    }
    expect(await audits()).toBe(before);
  });

  it('takes a period of exactly five years less a day, and a known area and team', async () => {
    const result = await gw.graphql(
      CATEGORY,
      {
        period: {
          from: '2020-01-01',
          to: '2024-12-31',
          localAuthorityArea: 'Northshire Council',
          teamId: team,
        },
      },
      lead,
    );
    expect(result.errors).toBeUndefined();
  });
});

describe('suppression', () => {
  it('withholds counts of 1 to 4 (null) when shared, keeps 0 and 5 or more, and says so', async () => {
    const figures = async (shared: boolean) =>
      (
        await ok<{
          report: { period: unknown; concernsByCategory: { group: string; count: number | null }[] };
        }>(gw, CATEGORY, { period: { ...JANUARY, shared } }, lead)
      ).report;
    const open = await figures(false);
    const shared = await figures(true);
    const of = (r: typeof open, group: string) => r.concernsByCategory.find((g) => g.group === group)!.count;
    expect([of(open, 'PHYSICAL'), of(open, 'FINANCIAL'), of(open, 'SEXUAL'), of(open, 'NEGLECT')]).toEqual([
      7, 2, 1, 0,
    ]);
    expect([
      of(shared, 'PHYSICAL'),
      of(shared, 'FINANCIAL'),
      of(shared, 'SEXUAL'),
      of(shared, 'NEGLECT'),
    ]).toEqual([7, null, null, 0]);
    expect(open.period).toEqual({ shared: false, suppressedBelow: null });
    expect(shared.period).toEqual({ shared: true, suppressedBelow: 5 });
  });
});

describe('time to triage', () => {
  it('is kept from the first triage: a re-triage does not change it', async () => {
    const TRIAGE = `mutation($id: ID!, $input: TriageInput!) { triageConcern(id: $id, input: $input) { id } }`;
    const input = { decision: 'MONITOR_LOW_LEVEL', riskLevel: 'LOW', reason: 'Keep an eye.' };
    const { id } = await raise(gw, { categories: ['NEGLECT'] });
    await setRaisedAt(gw, id, new Date(Date.now() - 14 * 86_400_000).toISOString());
    await ok(gw, TRIAGE, { id, input });
    const kept = async () =>
      (await gw.sql<{ s: number }>(`select triage_working_seconds as s from concern where id = $1`, [id]))[0]!
        .s;
    const first = await kept();
    expect(first).toBeGreaterThanOrEqual(9 * 8 * 3600); // at least nine working days of a fortnight
    await setRaisedAt(gw, id, new Date(Date.now() - 28 * 86_400_000).toISOString());
    await ok(gw, TRIAGE, { id, input: { ...input, decision: 'NO_FURTHER_ACTION' } });
    expect(await kept()).toBe(first);
  });

  it('takes the median and 90th percentile by nearest rank: actual times, never between two', async () => {
    // Four of January's concerns triaged after 1, 2, 3 and 10 working hours: the median is the
    // 2nd (⌈0.5 × 4⌉) and the 90th percentile the 4th (⌈0.9 × 4⌉), where interpolation gives 2.5 and 7.9.
    await gw.sql(
      `update concern set status = 'TRIAGED', triage_working_seconds = w.s
         from (select id, (array[36000, 3600, 10800, 7200])[row_number() over (order by raised_at, id)] as s
                 from concern where raised_at >= '2025-01-01' and raised_at < '2025-02-01'
                order by raised_at, id limit 4) w
        where concern.id = w.id`,
    );
    const { report } = await ok<{ report: { timeToTriage: unknown } }>(
      gw,
      `query($period: ReportPeriod!) { report(period: $period) {
        timeToTriage { triaged awaitingTriage medianWorkingHours percentile90WorkingHours } } }`,
      { period: JANUARY },
      lead,
    );
    expect(report.timeToTriage).toEqual({
      triaged: 4,
      awaitingTriage: 6,
      medianWorkingHours: 2,
      percentile90WorkingHours: 10,
    });
  });
});

/** GET /reports/<name>.csv as a browser or a script would fetch it. */
async function download(name: string, period: Record<string, unknown>, token?: string) {
  const query = new URLSearchParams(
    Object.entries({
      from: period.from,
      to: period.to,
      area: period.localAuthorityArea,
      team: period.teamId,
      shared: period.shared,
    })
      .filter(([, v]) => v !== undefined)
      .map(([k, v]): [string, string] => [k, String(v)]),
  );
  return fetch(`${gw.base}/reports/${name}.csv?${query}`, {
    headers: token ? { authorization: `Bearer ${token}` } : {},
  });
}

describe('CSV downloads', () => {
  it('gives each report as CSV with a header row, the same figures, withheld cells as <5, audited as an export of no record', async () => {
    const token = await gw.tokenFor(lead);
    const before = await audits();
    const response = await download('concerns-by-category', { ...JANUARY, shared: true }, token);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('text/csv; charset=utf-8');
    expect(response.headers.get('content-disposition')).toBe(
      'attachment; filename="concerns-by-category_2025-01-01_2025-01-31.csv"',
    );
    const lines = (await response.text()).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"group","categories","count"');
    expect(lines).toContain('"PHYSICAL","PHYSICAL CHILD_PHYSICAL","7"');
    expect(lines).toContain('"FINANCIAL","FINANCIAL","<5"');
    expect(lines).toContain('"NEGLECT","NEGLECT CHILD_NEGLECT","0"');
    expect(lines).toContain('"NOT_RECORDED","","0"');
    expect(await audits()).toBe(before + 1);
    const [row] = await gw.sql<{
      action: string;
      entity_type: string;
      entity_id: string | null;
      reason: string;
    }>(`select action, entity_type, entity_id, reason from audit_event order by id desc limit 1`);
    expect(row).toEqual({
      action: 'EXPORT',
      entity_type: 'Report',
      entity_id: null,
      reason: 'concerns-by-category',
    });

    for (const name of [
      'concerns-by-month',
      'concerns-by-age',
      'concerns-by-source',
      'time-to-triage',
      'cumulative-flags',
      'making-safeguarding-personal',
    ]) {
      const each = await download(name, JANUARY, token);
      expect(each.status, name).toBe(200);
      const [header, ...rows] = (await each.text()).trimEnd().split('\r\n');
      expect(header, name).toMatch(/^"[a-z_0-9]+"(,"[a-z_0-9]+")*$/);
      expect(rows.length, name).toBeGreaterThan(0);
    }
    const months = (await (await download('concerns-by-month', JANUARY, token)).text()).split('\r\n');
    expect(months[1]).toBe('"2025-01","10","10","0"');
  });

  it('refuses a bad period (400, the fields), an unknown report (404) and other methods (405), writing nothing', async () => {
    const token = await gw.tokenFor(lead);
    const before = await audits();
    const bad = await download('concerns-by-month', { from: '2025-02-01', to: '2025-01-01' }, token);
    expect(bad.status).toBe(400);
    const body = (await bad.json()) as {
      errors: { extensions: { code: string; fields: { field: string }[] } }[];
    };
    expect(body.errors[0]!.extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0]!.extensions.fields.map((f) => f.field)).toEqual(['to']);
    expect((await download('concerns-by-month', { ...JANUARY, shared: 'yes' }, token)).status).toBe(400);
    expect((await download('everyone', JANUARY, token)).status).toBe(404);
    const post = await fetch(`${gw.base}/reports/concerns-by-month.csv`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}` },
    });
    expect(post.status).toBe(405);
    expect(await audits()).toBe(before);
  });
});
