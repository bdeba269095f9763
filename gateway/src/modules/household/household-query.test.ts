import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statementLog, testGateway } from '../../../test/harness.js';
import { lead, ok } from '../../../test/records.js';

/**
 * No N+1: the SQL statements behind one deep household query (members with their relationships and
 * warnings, the household's warnings, a page of concerns with their subjects and triage history, a
 * page of the chronology) are counted through MikroORM's query log on the gateway's own
 * connection, for a small household and a large one. The count must not grow with the lists.
 */
const log = statementLog();
let gw: Awaited<ReturnType<typeof testGateway>>;
beforeAll(async () => {
  gw = await testGateway({}, log.orm);
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

async function measure(id: string) {
  log.reset();
  const data = await ok<Result>(gw, QUERY, { id });
  return { data: data.household, count: log.statements.length, statements: [...log.statements] };
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
    expect(large.count, large.statements.map((s) => s.slice(0, 120)).join('\n')).toBe(small.count);
    // And it stays small: a fixed handful of statements, audit rows included (and the log is live).
    expect(small.count).toBeGreaterThan(5);
    expect(large.count).toBeLessThan(30);
  });
});
