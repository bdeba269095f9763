import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway } from '../../../test/harness.js';
import { lead, ok } from '../../../test/records.js';

/**
 * No N+1: the SQL statements behind one deep household query (members with their relationships and
 * warnings, the household's warnings, a page of concerns with their subjects and triage history, a
 * page of the chronology) are counted by PostgreSQL itself (pg_stat_statements, this database
 * only), for a small household and a large one. The compiled read path answers it with the
 * statements of its plan: BEGIN with the caller's settings, the one read, the audit rows, COMMIT.
 */
let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway();
  await gw.sql('create extension if not exists pg_stat_statements');
});
afterAll(() => gw.close());

const ORG = lead.organisationId;

/** A household with `members` people, `concerns` concerns about them and `warnings` warnings, in bulk. */
async function household(members: number, concerns: number, warnings: number): Promise<string> {
  const id = randomUUID();
  await gw.sql(
    `insert into household (id, organisation_id, tenancy_reference, address_line1, postcode, local_authority_area, tenure, created_at, updated_at)
     values ($1, $2::uuid, $3, '1 Bulk Street', 'RV1 1BS', 'Northshire Council', 'SOCIAL_RENT', now(), now())`,
    [id, ORG, `BULK-${id.slice(0, 8)}`],
  );
  const people = Array.from({ length: members }, () => randomUUID());
  await gw.sql(
    `insert into person (id, organisation_id, given_name, family_name, other_names, date_of_birth, vulnerability_factors, created_at, updated_at)
     select p, $2::uuid, 'Member', 'No' || n, '{}', date '1990-01-01' + n::int, '{}', now(), now() from unnest($1::uuid[]) with ordinality as t(p, n)`,
    [people, ORG],
  );
  await gw.sql(
    `insert into household_member (id, organisation_id, household_id, person_id, role, joined_on, created_at)
     select gen_random_uuid(), $2::uuid, $3::uuid, p, 'OCCUPANT', date '2020-01-01', now() from unnest($1::uuid[]) as p`,
    [people, ORG, id],
  );
  // Each member is the sibling of the next (both directions).
  await gw.sql(
    `insert into person_relationship (id, organisation_id, person_id, related_person_id, type, pair_id, created_at)
     select gen_random_uuid(), $2::uuid, a, b, 'SIBLING', gen_random_uuid(), now()
       from (select p as a, lead(p) over (order by n) as b from unnest($1::uuid[]) with ordinality as t(p, n)) pairs
      where b is not null
     union all
     select gen_random_uuid(), $2::uuid, b, a, 'SIBLING', gen_random_uuid(), now()
       from (select p as a, lead(p) over (order by n) as b from unnest($1::uuid[]) with ordinality as t(p, n)) pairs
      where b is not null`,
    [people, ORG],
  );
  const concernIds = Array.from({ length: concerns }, () => randomUUID());
  await gw.sql(
    `insert into concern (id, reference, organisation_id, reporter_kind, status, urgency, categories, subject_description, location,
                          what_happened, views_status, consent_status, raised_at, updated_at, household_id, triage_decision, risk_level)
     select c, 'SG-BULK-' || substr(c::text, 1, 13), $2::uuid, 'STAFF', 'TRIAGED', 'ROUTINE', '{NEGLECT}', 'x', 'x', 'x',
            'ASKED_NONE_EXPRESSED', 'GIVEN', now() - n * interval '1 hour', now(), $3::uuid, 'REFER', 'LOW'
       from unnest($1::uuid[]) with ordinality as t(c, n)`,
    [concernIds, ORG, id],
  );
  await gw.sql(
    `insert into concern_person (id, organisation_id, concern_id, person_id, role)
     select gen_random_uuid(), $3::uuid, c, ($2::uuid[])[1 + (n % array_length($2::uuid[], 1))], 'SUBJECT'
       from unnest($1::uuid[]) with ordinality as t(c, n)`,
    [concernIds, people, ORG],
  );
  await gw.sql(
    `insert into concern_triage (id, organisation_id, concern_id, decision, risk_level, reason, decided_by_id, decided_at)
     select gen_random_uuid(), $2::uuid, c, 'REFER', 'LOW', 'bulk', $3::uuid, now() from unnest($1::uuid[]) as c`,
    [concernIds, ORG, lead.id],
  );
  await gw.sql(
    `insert into chronology_entry (id, organisation_id, kind, occurred_at, recorded_at, household_id, person_ids, source_type, source_id, summary, detail)
     select gen_random_uuid(), $2::uuid, 'CONCERN_RAISED', now() - n * interval '1 hour', now(), $3::uuid, '{}', 'Concern', c, 'Concern raised', '{}'
       from unnest($1::uuid[]) with ordinality as t(c, n)`,
    [concernIds, ORG, id],
  );
  await gw.sql(
    `insert into warning (id, organisation_id, person_id, household_id, type, description, review_date, told_status, told_how,
                          status, created_by_id, version, created_at, updated_at)
     select gen_random_uuid(), $2::uuid, case when n % 2 = 0 then ($1::uuid[])[1 + (n % array_length($1::uuid[], 1))] end,
            case when n % 2 = 1 then $3::uuid end, 'RISK_TO_STAFF', 'Visit in pairs', current_date + 30, 'TOLD', 'In person',
            'ACTIVE', $4::uuid, 1, now(), now()
       from generate_series(1, $5::int) as n`,
    [people, ORG, id, lead.id, warnings],
  );
  return id;
}

const QUERY = `query($id: ID!) {
  household(id: $id) {
    id address tenancyReference
    members {
      role joinedOn
      person { id displayName child age relationships { type relatedPerson { id displayName } } warnings { type reviewDate } }
    }
    warnings { type description subjectName }
    concerns(first: 100) {
      totalCount
      edges { node { reference status riskLevel subjects { childAtEvent person { id displayName } } triageHistory { decision riskLevel } } }
    }
    chronology(first: 50, filter: { newestFirst: true }) { totalCount edges { node { kind occurredAt summary } } }
  }
}`;

type Result = {
  household: {
    members: { person: { relationships: unknown[]; warnings: unknown[] } }[];
    warnings: unknown[];
    concerns: { totalCount: number; edges: { node: { subjects: unknown[]; triageHistory: unknown[] } }[] };
    chronology: { totalCount: number; edges: unknown[] };
  };
};

/** The statements this database ran for one request (each call once), and its audit rows. */
async function measure(id: string) {
  await ok<Result>(gw, QUERY, { id }); // the identity check and the plan, out of the way
  await gw.sql('select pg_stat_statements_reset()');
  const response = await gw.graphql<Result>(QUERY, { id }, lead);
  const rows = await gw.sql<{ query: string; calls: string }>(
    `select query, calls from pg_stat_statements
      where dbid = (select oid from pg_database where datname = current_database())
        and query not like '%pg_stat_statements%'`,
  );
  const statements = rows.flatMap((r) => Array<string>(Number(r.calls)).fill(r.query));
  const audited = await gw.sql<{ entity_type: string; entity_id: string }>(
    'select entity_type, entity_id from audit_event where request_id = $1',
    [response.headers.get('x-request-id')],
  );
  return { data: response.data!.household, count: statements.length, statements, audited };
}

describe('one household query', () => {
  it('costs the same number of SQL statements for 2 members and 3 concerns as for 50 members and 200 concerns', async () => {
    const smallId = await household(2, 3, 2);
    // The caller's identity is checked against the records once, then kept for a few seconds: warm
    // it, so both counts are of the household query alone.
    await measure(smallId);
    const small = await measure(smallId);
    const large = await measure(await household(50, 200, 20));
    // The large one really is large: every list came back full.
    expect(large.data.members).toHaveLength(50);
    expect(large.data.members.filter((m) => m.person.relationships.length > 0)).toHaveLength(50);
    expect(large.data.warnings).toHaveLength(20);
    expect(large.data.concerns.totalCount).toBe(200);
    expect(large.data.concerns.edges).toHaveLength(100);
    expect(
      large.data.concerns.edges.every(
        (e) => e.node.subjects.length === 1 && e.node.triageHistory.length === 1,
      ),
    ).toBe(true);
    expect(large.data.chronology.totalCount).toBe(200);
    expect(large.data.chronology.edges).toHaveLength(50);
    expect(small.data.members).toHaveLength(2);
    const shown = (m: Awaited<ReturnType<typeof measure>>) =>
      m.statements.map((s) => s.slice(0, 100)).join('\n');
    expect(large.count, shown(large)).toBe(small.count);
    // The compiled plan's statements, sent as one message that runs as one transaction: the settings
    // and the read, which writes its audit rows itself (pg_stat_statements names a prepared
    // statement by its PREPARE).
    expect(large.statements.map((s) => s.split(/\s/)[0]!.toLowerCase()).sort(), shown(large)).toEqual([
      'prepare',
      'select',
    ]);
    expect(large.statements.find((s) => s.startsWith('prepare'))).toMatch(/insert into audit_event/);
    // Every person, concern and warning in the answer has its audit row, written by that request.
    const people = new Set(large.audited.filter((a) => a.entity_type === 'Person').map((a) => a.entity_id));
    expect(people.size).toBe(50);
    expect(large.audited.filter((a) => a.entity_type === 'Concern')).toHaveLength(100);
    expect(large.audited.filter((a) => a.entity_type === 'Warning')).toHaveLength(20);
    expect(large.audited.filter((a) => a.entity_type === 'HouseholdChronology')).toHaveLength(1);
  });
});
