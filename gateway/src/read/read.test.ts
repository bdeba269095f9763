import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { testGateway, user } from '../../test/harness.js';
import { lead } from '../../test/records.js';
import { REFERENCE_TABLES } from '../../test/distribution.js';
import { DEMO_HOUSEHOLDS, DEMO_PEOPLE } from '../db/demo.js';
import { makeBatch, random, writeBatch } from '../db/synthetic.js';
import { createLogger } from '../logger.js';
import { createGateway, type Gateway } from '../server.js';

/**
 * The compiled read path answers exactly what the resolvers answer, and audits the same records:
 * two gateways over one database, one compiling reads and one sending everything through the
 * resolvers (`COMPILED_READS=false`), asked the same queries as the same people. The queries
 * select every field the read models serve, with aliases, fragments, `@include`, pages after a
 * cursor and filters, as a lead and as a champion (from whom a restricted person is hidden).
 */
let gw: Awaited<ReturnType<typeof testGateway>>;
let resolvers: Gateway;
let resolversUrl: string;
const champion = user('jo.williams');
const SOPHIE = DEMO_PEOPLE.find((p) => p.givenName === 'Sophie')!.id;

beforeAll(async () => {
  gw = await testGateway();
  resolvers = await createGateway({ ...gw.config, compiledReads: false }, gw.orm, createLogger('silent'));
  resolversUrl = `http://127.0.0.1:${await resolvers.listen(0, '127.0.0.1')}/graphql`;
  const client = new pg.Client({ connectionString: gw.url });
  await client.connect();
  await writeBatch(client, lead.organisationId, lead.id, makeBatch(random(11), 1, 30));
  // What the demo and synthetic data lack: ended warnings, pinned entries, a linked named person,
  // a warning on the restricted person, someone who left.
  await client.query(`update warning set status = 'ENDED', ended_at = now(), end_reason = 'moved'
                       where id in (select id from warning order by id limit 5)`);
  await client.query(
    `update chronology_entry set pinned = true where id in (select id from chronology_entry order by id limit 40)`,
  );
  await client.query(`update concern_named_person set linked_person_id = (select id from person where given_name = 'Sophie')
                       where id = (select id from concern_named_person order by id limit 1)`);
  await client.query(
    `insert into warning (id, organisation_id, person_id, type, description, review_date, told_status, told_how, status, created_by_id, version, created_at, updated_at)
     values (gen_random_uuid(), $1, $2, 'RISK_TO_STAFF', 'Visit in pairs', current_date + 30, 'TOLD', 'In person', 'ACTIVE', $3, 1, now(), now())`,
    [lead.organisationId, SOPHIE, lead.id],
  );
  await client.query('create extension if not exists pg_stat_statements');
  await client.end();
});
afterAll(async () => {
  await resolvers?.close();
  await gw?.close();
});

const PERSON = `fragment P on Person {
  id givenName familyName otherNames dateOfBirth pronouns preferredLanguage communicationNeeds
  interpreterNeeded interpreterLanguage vulnerabilityFactors advocate restricted restrictedReason
  createdAt displayName age child mergedIntoId
}`;
const WARNING = `fragment W on Warning {
  id type description reviewDate toldStatus toldHow notToldReason status signedOffAt endedAt endReason
  version createdAt personId householdId overdueForReview subjectName
}`;
const CONCERN = `fragment C on Concern {
  id reference aboutSelf reporterContactName reporterContactPhone reporterContactEmail reporterKind status
  urgency categories primaryCategory subjectDescription location whatHappened happenedAt actionsTaken
  viewsStatus views viewsNotAskedReason consentStatus consentReason mentalCapacityConcern childrenPresent
  othersAtRisk locationOfRisk sourceOfRisk triageDecision riskLevel triageReason triagedAt closedAt
  closeReason version raisedAt triageDueAt
  household { id address tenancyReference }
  subjects { role childAtEvent person { ...P } }
  allegedSources { role childAtEvent person { id displayName } }
  namedPeople { id name role dateOfBirth description childAtEvent linkedPerson { id displayName } }
  triageHistory { id decision riskLevel previousRiskLevel reason riskChangeReason decidedAt }
}`;
const ENTRY = `fragment E on ChronologyEntry {
  id kind occurredAt recordedAt personIds sourceType sourceId summary detail pinned householdId
}`;

const HOUSEHOLD = `query Household($id: ID!, $past: Boolean, $ended: Boolean, $after: String,
    $entriesAfter: String, $filter: ChronologyFilterInput, $withAssignments: Boolean = true) {
  household(id: $id) {
    id tenancyReference addressLine1 addressLine2 town postcode localAuthorityArea tenure createdAt address
    __typename
    members(includePast: $past) {
      id role joinedOn leftOn current
      person {
        ...P
        relationships { id type note relatedPerson { id displayName } }
        warnings(includeEnded: $ended) { ...W }
        concerns(first: 1) { totalCount edges { cursor node { id reference } } }
        chronology(first: 1, filter: { newestFirst: true }) { totalCount edges { node { id kind } } }
      }
    }
    current: members { person { id } }
    warnings(includeEnded: $ended) { ...W }
    concerns(first: 2, after: $after) {
      totalCount pageInfo { hasNextPage endCursor }
      edges { cursor node { ...C } }
    }
    onlyCount: concerns(first: 1) { totalCount }
    chronology(first: 4, after: $entriesAfter, filter: $filter) {
      totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...E } }
    }
    assignments @include(if: $withAssignments) { id from until reason note userId householdId current userName }
  }
}
${PERSON}
${WARNING}
${CONCERN}
${ENTRY}`;

const CONCERNS = `query Concerns($after: String) {
  concerns(first: 7, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...C } }
  }
}
${PERSON}
${CONCERN}`;

const PERSON_QUERY = `query Person($id: ID!) {
  person(id: $id) {
    ...P
    __typename
    relationships { id type note relatedPerson { id displayName } }
    households { id role joinedOn leftOn current }
    warnings(includeEnded: true) { ...W }
    concerns(first: 3) { totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...C } } }
    chronology(first: 3) { totalCount edges { node { ...E } } }
  }
}
${PERSON}
${WARNING}
${CONCERN}
${ENTRY}`;

const CONCERN_QUERY = `query Concern($id: ID!) { concern(id: $id) { ...C } }
${PERSON}
${CONCERN}`;

const VISIT_FIELDS = `id address tenancyReference __typename
  members { id displayName }
  warnings { id type description reviewDate aboutPersonName signedOff }`;
const VISIT = `query Visit($id: ID!) { visitHousehold(id: $id) { ${VISIT_FIELDS} } }`;
const WORK = `{ householdsIWorkWith { ${VISIT_FIELDS} } }`;

const CHRONOLOGY = `query Chronology($subject: ChronologySubjectInput!, $filter: ChronologyFilterInput, $first: Int = 3, $after: String) {
  chronology(subject: $subject, filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { cursor node { ...E } }
  }
}
${ENTRY}`;

interface Answer {
  body: { data?: unknown; errors?: { path?: unknown; extensions?: { code?: string } }[] };
  audited: string[];
  /** Whether the compiled path read it (the gateway logs `read.compiled` with the request id). */
  compiled: boolean;
  /** Whether its statement wrote the whole answer, no resolver run (`read.raw`). */
  raw: boolean;
}

async function ask(
  url: string,
  query: string,
  variables: Record<string, unknown>,
  as = lead,
): Promise<Answer> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await gw.tokenFor(as)}` },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await response.json()) as Answer['body'];
  const requestId = response.headers.get('x-request-id');
  const audited = await gw.sql<{ record: string }>(
    `select distinct entity_type || ' ' || coalesce(entity_id::text, '') as record from audit_event
      where request_id = $1 order by 1`,
    [requestId],
  );
  const logged = (event: string) =>
    gw.logs.some((line) => line.includes(`"${event}"`) && line.includes(requestId!));
  return {
    body,
    audited: audited.map((a) => a.record),
    compiled: logged('read.compiled'),
    raw: logged('read.raw'),
  };
}

/**
 * Asks both gateways; they must agree on the data, the errors (code and path) and what they audit.
 * `compiled`: whether the compiled path must have read it (false where it hands over to the resolvers).
 */
async function same(
  query: string,
  variables: Record<string, unknown>,
  as = lead,
  compiledPath = true,
): Promise<Answer> {
  const compiled = await ask(`${gw.base}/graphql`, query, variables, as);
  const expected = await ask(resolversUrl, query, variables, as);
  const label = `${query.slice(0, 20)} ${JSON.stringify(variables)} as ${as.email}`;
  const errors = (a: Answer) => a.body.errors?.map((e) => ({ path: e.path, code: e.extensions?.code }));
  expect(errors(compiled), label).toEqual(errors(expected));
  expect(compiled.body.data, label).toEqual(expected.body.data);
  // In the same order too (an answer the statement wrote whole is sent as PostgreSQL wrote it).
  expect(JSON.stringify(compiled.body.data), label).toBe(JSON.stringify(expected.body.data));
  expect(compiled.audited, `audit of ${label}`).toEqual(expected.audited);
  expect(compiled.compiled, `read by the compiled path: ${label}`).toBe(compiledPath);
  expect(expected.compiled).toBe(false);
  return compiled;
}

const households = async () => [
  ...DEMO_HOUSEHOLDS.filter((h) => h.organisationId === lead.organisationId).map((h) => h.id),
  ...(
    await gw.sql<{ id: string }>(
      `select household_id as id from concern where household_id is not null group by 1 order by count(*) desc, 1 limit 3`,
    )
  ).map((h) => h.id),
];

describe('the compiled read path', () => {
  it('answers the household view as the resolvers do, whoever asks and whatever the arguments', async () => {
    let compared = 0;
    const raw: string[] = [];
    for (const as of [lead, champion]) {
      for (const id of await households()) {
        for (const variables of [
          { id },
          { id, past: true, ended: true, filter: { newestFirst: true } },
          { id, filter: { pinnedOnly: true, kinds: ['CONCERN_RAISED', 'WARNING_ADDED'] } },
          { id, filter: { from: '2020-01-01', to: '2030-12-31' }, withAssignments: false },
        ]) {
          const first = await same(HOUSEHOLD, variables, as);
          expect(first.body.errors, JSON.stringify(first.body.errors)).toBeUndefined();
          compared++;
          if (first.raw) raw.push(`${as.email} ${JSON.stringify(variables)}`);
          // The next page of each, after the first page's last cursor.
          const household = (
            first.body.data as { household: Record<string, { pageInfo: { endCursor: string } }> }
          ).household;
          await same(
            HOUSEHOLD,
            {
              ...variables,
              after: household.concerns!.pageInfo.endCursor,
              entriesAfter: household.chronology!.pageInfo.endCursor,
            },
            as,
          );
        }
      }
    }
    expect(compared).toBeGreaterThan(40);
    // Each of them written whole by its statement, no resolver run (`Reader.rawAnswer`).
    expect(raw, 'answered as the statement wrote them').toHaveLength(compared);
    // Unless the operation asks for more than the statement writes: graphql-js answers the root's
    // __typename, so that request is resolved from the compiled objects instead.
    const [id] = await households();
    const typed = await same(`query($id: ID!) { __typename household(id: $id) { __typename id address } }`, {
      id,
    });
    expect(typed.raw).toBe(false);
    expect(typed.body.data).toMatchObject({
      __typename: 'Query',
      household: { __typename: 'Household', id },
    });
    // Hundreds of requests, each answered twice: a correctness check, not a clock, given room on a
    // busy machine (it took 30 s on CI with other work on both cores).
  }, 120_000);

  it('answers the organisation’s concerns and a chronology as the resolvers do, page after page', async () => {
    for (const as of [lead, champion]) {
      let after: string | null = null;
      for (let page = 0; page < 4; page++) {
        const answer = await same(CONCERNS, { after }, as);
        expect(answer.body.errors, JSON.stringify(answer.body.errors)).toBeUndefined();
        expect(answer.raw, 'answered as the statement wrote it').toBe(true);
        after = (answer.body.data as { concerns: { pageInfo: { endCursor: string | null } } }).concerns
          .pageInfo.endCursor;
      }
      for (const id of await households()) {
        for (const filter of [
          {},
          { newestFirst: true },
          { pinnedOnly: true },
          { kinds: ['MEMBER_JOINED'] },
        ]) {
          const answer = await same(CHRONOLOGY, { subject: { householdId: id }, filter, first: 3 }, as);
          expect(answer.raw, 'answered as the statement wrote it').toBe(true);
          const end = (answer.body.data as { chronology: { pageInfo: { endCursor: string | null } } })
            .chronology.pageInfo.endCursor;
          await same(CHRONOLOGY, { subject: { householdId: id }, filter, first: 3, after: end }, as);
        }
      }
      await same(CHRONOLOGY, { subject: { personId: SOPHIE }, first: 5 }, as);
    }
  });

  it('answers a person and a concern by id as the resolvers do, the restricted ones to those who may see them', async () => {
    const people = await gw.sql<{ id: string }>(
      `select p.id from person p where p.organisation_id = $1
        order by p.restricted desc, (select count(*) from concern_person cp where cp.person_id = p.id) desc, p.id
        limit 6`,
      [lead.organisationId],
    );
    const concerns = await gw.sql<{ id: string }>(
      `select c.id from concern c where c.organisation_id = $1
        order by (select count(*) from concern_person cp join person p on p.id = cp.person_id
                   where cp.concern_id = c.id and p.restricted) desc, c.raised_at desc limit 6`,
      [lead.organisationId],
    );
    expect(people.map((p) => p.id)).toContain(SOPHIE);
    let raw = 0;
    let notFound = 0;
    for (const as of [lead, champion]) {
      for (const [query, ids] of [
        [PERSON_QUERY, people],
        [CONCERN_QUERY, concerns],
      ] as const) {
        for (const { id } of ids) {
          const answer = await same(query, { id }, as);
          if (answer.raw) raw++;
          if (answer.body.errors?.[0]?.extensions?.code === 'NOT_FOUND') notFound++;
        }
      }
    }
    // The champion may not see Sophie (nor any concern naming her); everything else is answered
    // whole by its statement.
    expect(notFound).toBeGreaterThanOrEqual(1);
    expect(raw).toBe(24 - notFound);
    // Their households themselves (a non-null object: answered through graphql-js, still compiled).
    for (const { id } of people) {
      await same(
        `query($id: ID!) { person(id: $id) { id households { id household { id address tenure } } } }`,
        {
          id,
        },
      );
    }
  });

  it('answers the visit view as the resolvers do: the households each visitor works with, and only those', async () => {
    const tom = user('tom');
    const gareth = user('gareth');
    const ids = await households();
    // A warning on the restricted person, in her household: shown to a visitor, without her name.
    const [sophiesHome] = await gw.sql<{ id: string }>(
      `select household_id as id from household_member where person_id = $1`,
      [SOPHIE],
    );
    await gw.sql(
      `insert into household_assignment (id, organisation_id, user_id, household_id, from_date, reason, created_by_id, created_at)
       values (gen_random_uuid(), $1, $2, $3, current_date - 1, 'GAS_SAFETY_CHECK', $4, now())`,
      [lead.organisationId, gareth.id, sophiesHome!.id, lead.id],
    );
    let raw = 0;
    let refused = 0;
    for (const as of [lead, tom, gareth, champion]) {
      const work = await same(WORK, {}, as);
      if (work.raw) raw++;
      for (const id of [...ids, sophiesHome!.id]) {
        const visit = await same(VISIT, { id }, as);
        if (visit.raw) raw++;
        if (visit.body.errors?.[0]?.extensions?.code === 'NOT_FOUND') refused++;
      }
    }
    // Frontline staff and contractors see only the households they work with; the lead and the
    // champion (who sees every household) all of them.
    expect(refused).toBeGreaterThan(0);
    // Every other answer written whole by its statement (an empty list, too).
    expect(raw).toBe(4 * (ids.length + 2) - refused);
    const visit = await ask(`${gw.base}/graphql`, VISIT, { id: sophiesHome!.id }, gareth);
    const warnings = (
      visit!.body.data as { visitHousehold: { warnings: { aboutPersonName: string | null }[] } }
    ).visitHousehold.warnings;
    expect(warnings.length).toBeGreaterThan(0);
    expect(JSON.stringify(visit.body.data)).not.toContain('Sophie');
  });

  it('refuses what the resolvers refuse, with the same codes and paths', async () => {
    const [id] = await households();
    // Refused by the compiled path itself (true), or handed to the resolvers, which refuse it.
    for (const [query, variables, compiledPath] of [
      [HOUSEHOLD, { id: 'not-a-uuid' }, false],
      [HOUSEHOLD, { id: '00000000-0000-4000-8000-999999999999' }, true],
      [HOUSEHOLD, { id, after: 'not a cursor' }, false],
      [HOUSEHOLD, { id, filter: { from: '2026-02-30' } }, false],
      [CHRONOLOGY, { subject: { householdId: id }, first: 1000 }, false],
      [CHRONOLOGY, { subject: { householdId: id }, first: 0 }, false],
      [CHRONOLOGY, { subject: {} }, false],
      [CHRONOLOGY, { subject: { personId: id } }, true],
      [CHRONOLOGY, { subject: { householdId: '00000000-0000-4000-8000-999999999999' } }, true],
      [PERSON_QUERY, { id: 'not-a-uuid' }, false],
      [PERSON_QUERY, { id: '00000000-0000-4000-8000-999999999999' }, true],
      [CONCERN_QUERY, { id: id }, true],
    ] as const) {
      const answer = await same(query, variables, lead, compiledPath);
      expect(answer.body.errors?.length, JSON.stringify(variables)).toBeGreaterThan(0);
    }
    // A manager may not read households at all; a frontline worker neither.
    for (const as of [user('ana'), user('tom')]) await same(HOUSEHOLD, { id }, as);
  });

  it('answers nothing it could not audit: the read and its audit rows commit together', async () => {
    const [id, other] = await households();
    // The audit trail refuses the rows of one household's reads (as a full disk or a broken
    // constraint would): its view must not be answered, and nothing of it is left half-written.
    await gw.sql(`create function refuse_audit() returns trigger language plpgsql as $$
      begin
        if new.entity_id = '${id}' then raise exception 'audit refused'; end if;
        return new;
      end $$`);
    await gw.sql(
      `create trigger refuse_audit before insert on audit_event for each row execute function refuse_audit()`,
    );
    try {
      const before = await gw.sql<{ n: number }>(`select count(*)::int as n from audit_event`);
      const compiledReads = () => gw.logs.filter((line) => line.includes('"read.compiled"')).length;
      const readsBefore = compiledReads();
      const refused = await fetch(`${gw.base}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${await gw.tokenFor(lead)}` },
        body: JSON.stringify({ query: HOUSEHOLD, variables: { id } }),
      });
      const text = await refused.text();
      expect(refused.status, text).toBe(500);
      expect(text).not.toContain(id);
      expect(JSON.parse(text)).not.toHaveProperty('data.household.id');
      expect(compiledReads()).toBe(readsBefore + 1);
      const after = await gw.sql<{ n: number }>(`select count(*)::int as n from audit_event`);
      expect(after[0]!.n).toBe(before[0]!.n);
      // The gateway carries on: the next read, of another household, is answered and audited.
      const next = await ask(`${gw.base}/graphql`, HOUSEHOLD, { id: other }, lead);
      expect(next.body.errors).toBeUndefined();
      expect(next.compiled).toBe(true);
      expect(next.audited).toContain(`Household ${other}`);
    } finally {
      await gw.sql(`drop trigger refuse_audit on audit_event; drop function refuse_audit()`);
    }
  });

  it('names the organisation for every table it reads, so Citus can send each read to one node', async () => {
    // Runs last: every query above has been compiled and sent, and each statement is in
    // pg_stat_statements with its text.
    const statements = await gw.sql<{ query: string }>(
      `select query from pg_stat_statements
        where dbid = (select oid from pg_database where datname = current_database())
          and query like '%insert into audit_event%' and query like '%json_build_object%'`,
    );
    expect(statements.length).toBeGreaterThan(5);
    const tables = await gw.sql<{ name: string }>(
      `select table_name as name from information_schema.columns
        where table_schema = 'public' and column_name = 'organisation_id'`,
    );
    const distributed = new Set(tables.map((t) => t.name).filter((name) => !(name in REFERENCE_TABLES)));
    const missing = new Set<string>();
    for (const { query } of statements) {
      for (const [, table, alias] of query.matchAll(/\b(?:from|join)\s+([a-z_]+)\s+([a-z][a-z0-9_]*)\b/g)) {
        if (!distributed.has(table!) || ['where', 'on', 'join', 'group', 'order'].includes(alias!)) continue;
        if (!new RegExp(`\\b${alias}\\.organisation_id\\b`).test(query)) missing.add(`${table} ${alias}`);
      }
    }
    expect([...missing].sort(), 'tables read without naming the organisation').toEqual([]);
  });
});
