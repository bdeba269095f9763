import {
  ChronologyDocument,
  ConcernsDocument,
  HouseholdDocument,
  HouseholdViewDocument,
  HouseholdsIWorkWithDocument,
  SearchHouseholdsDocument,
  SearchPeopleDocument,
  VisitHouseholdDocument,
  WorkQueueDocument,
} from '@doorstep/client';
import { DefaultLogger, type LogContext, type MikroORM, type Options } from '@mikro-orm/postgresql';
import { randomUUID } from 'node:crypto';
import type pg from 'pg';
import { createAuthenticator } from '../auth/authenticate.js';
import type { Config } from '../config.js';
import { APP_ROLE, inScope } from '../db/request-scope.js';
import { sealAuditTrail } from '../modules/audit/audit-chain.js';
import { claimDue } from '../modules/webhook/webhook-dispatcher.js';

/**
 * The queries the gateway runs on its hot paths (the household view, the lists, the chronology,
 * search, the visit view, the task queue, identity checks, the audit sealer, the webhook
 * dispatcher's claim), captured as the
 * gateway sends them, and their plans. `pnpm explain` shows them at a million people;
 * `test/hot-queries.test.ts` checks on a small database that each can be answered from indexes.
 */

/**
 * Tables whose size does not grow with the organisation's households, people and records: its
 * configuration and its staff. Every other table is organisation-sized, and no hot query may read
 * one from end to end.
 */
export const SMALL_TABLES: ReadonlySet<string> = new Set([
  'organisation',
  'app_user',
  'api_key',
  'public_token',
  'identity_provider',
  'allowed_origin',
  'partner_agency',
  'cumulative_rule',
  'concern_reference_counter',
  'concern_count',
  'self_assessment_answer',
  'you_said_we_did',
  'mikro_orm_migrations',
]);

/** A statement as the gateway sent it (values inlined, as MikroORM sends them). */
export interface Statement {
  sql: string;
  /** Run in a request's scope (as `doorstep_app`, for the organisation), not as the owner. */
  scoped: boolean;
}

/** What says nothing about the data: transactions, settings, the commit check. */
const HOUSEKEEPING =
  /^\s*(begin|commit|rollback|savepoint|release savepoint|set |select set_config|select 1\b|select pg_try_advisory)/i;

/**
 * ORM options that record every statement the ORM sends, values and all, and whether it ran in a
 * request's scope. Never for a running service: the values are personal data.
 */
export function statementRecorder() {
  const statements: Statement[] = [];
  let scoped = false;
  const record = (sql: string) => {
    if (/^\s*select set_config\('role'/i.test(sql)) scoped = true;
    else if (/^\s*(commit|rollback)\s*$/i.test(sql)) scoped = false;
    else if (!HOUSEKEEPING.test(sql)) statements.push({ sql, scoped });
  };
  class Recorder extends DefaultLogger {
    override logQuery(context: { query: string } & LogContext) {
      record(context.query);
    }
  }
  const orm: Partial<Options> = {
    // 'query-params': the statement as sent, with its values, not with placeholders.
    debug: ['query', 'query-params'],
    loggerFactory: (options) => new Recorder(options),
  };
  return { orm, take: () => statements.splice(0) };
}

/** The records the hot queries are asked about, and who asks. */
export interface HotData {
  organisationId: string;
  /** A safeguarding lead (the household view, lists, chronology, search, tasks). */
  leadId: string;
  /** Frontline staff assigned to `householdId` (the visit view). */
  frontlineId: string;
  householdId: string;
  personId: string;
  personName: string;
  street: string;
  /** The lead's subject at the organisation's own sign-in (OpenID Connect). */
  externalSubject: string;
}

/**
 * Picks the organisation's densest household and someone living there, assigns `frontlineId` to
 * it, and gives the lead an external subject (for the sign-in lookup). Run as the owner.
 */
export async function prepareHotData(
  sql: pg.ClientBase,
  organisationId: string,
  leadId: string,
  frontlineId: string,
): Promise<HotData> {
  const { rows } = await sql.query<{ id: string; street: string; person: string; name: string }>(
    `select h.id, h.address_line1 as street, p.id as person, p.family_name as name
       from household h
       join lateral (select m.person_id from household_member m where m.household_id = h.id and m.left_on is null
                      order by m.joined_on, m.id limit 1) m on true
       join person p on p.id = m.person_id and not p.restricted
      where h.organisation_id = $1
      order by (select count(*) from concern c where c.household_id = h.id) desc, h.id
      limit 1`,
    [organisationId],
  );
  const found = rows[0];
  if (!found) throw new Error('no household with a member to ask about');
  await sql.query(
    `insert into household_assignment (id, organisation_id, user_id, household_id, from_date, reason, created_by_id, created_at)
     select $1, $2, $3, $4, current_date - 1, 'HOUSING_OFFICER_PATCH', $5, now()
      where not exists (select 1 from household_assignment where user_id = $3 and household_id = $4)`,
    [randomUUID(), organisationId, frontlineId, found.id, leadId],
  );
  // Grants as an organisation accumulates them (kept, expired, for the record): lookups must find
  // the caller's through an index, not walk the organisation's.
  await sql.query(
    `insert into access_grant (id, organisation_id, user_id, subject_type, subject_id, kind, reason, granted_by_id,
                               created_at, expires_at)
     select gen_random_uuid(), $1, u.id, 'Person', p.id, 'GRANT', 'Covering a colleague', $2,
            now() - interval '30 days', now() - interval '23 days'
       from (select id from person where organisation_id = $1 order by id limit 300) p
       cross join (select id from app_user where organisation_id = $1) u`,
    [organisationId, leadId],
  );
  await sql.query('analyze access_grant');
  // Cases as an organisation accumulates them, one about each of 300 people, most closed: a list
  // of cases must find whom each is about through its case, and restricted people from the few.
  await sql.query(
    `with opened as (
       insert into safeguarding_case (organisation_id, id, status, lead_worker_id, opened_by_id, opened_at,
                                      review_every_weeks, next_review_due, desired_outcomes_status)
       select $1, gen_random_uuid(), case when n % 10 = 0 then 'OPEN' else 'CLOSED' end, $2, $2,
              now() - n * interval '1 day', 4, now() + interval '28 days', 'ASKED_NONE_EXPRESSED'
         from (select p.id, row_number() over (order by p.id) as n
                 from person p where p.organisation_id = $1 and not p.restricted order by p.id limit 300) p
       returning id)
     insert into case_person (organisation_id, id, case_id, person_id, ordinal)
     select $1, gen_random_uuid(), o.id, p.id, 0
       from (select id, row_number() over (order by id) as n from opened) o
       join (select id, row_number() over (order by id) as n
               from person where organisation_id = $1 and not restricted order by id limit 300) p on p.n = o.n`,
    [organisationId, leadId],
  );
  await sql.query('analyze safeguarding_case; analyze case_person');
  const externalSubject = `hot-queries-${leadId}`;
  await sql.query(`update app_user set external_subject = $2 where id = $1`, [leadId, externalSubject]);
  return {
    organisationId,
    leadId,
    frontlineId,
    householdId: found.id,
    personId: found.person,
    personName: found.name,
    street: found.street,
    externalSubject,
  };
}

/** How a hot path is exercised: a GraphQL request as one of the two users, or the code itself. */
export type HotOperation = { name: string; title: string } & (
  | { as: 'lead' | 'frontline'; query: string; variables: Record<string, unknown> }
  | { run: (orm: MikroORM, config: Config) => Promise<unknown> }
);

export function hotOperations(data: HotData): HotOperation[] {
  const newestFirst = { newestFirst: true };
  return [
    {
      name: 'household',
      title: 'The household view (`Household`)',
      as: 'lead',
      query: HouseholdDocument.toString(),
      variables: { id: data.householdId, concerns: 20, chronology: 20 },
    },
    {
      name: 'think-family',
      title:
        'The household view widget (`HouseholdView`: members, warnings, open concern and referral counts)',
      as: 'lead',
      query: HouseholdViewDocument.toString(),
      variables: { id: data.householdId },
    },
    {
      name: 'concerns',
      title: '`concerns(first: 50)`',
      as: 'lead',
      query: ConcernsDocument.toString(),
      variables: { first: 50 },
    },
    {
      name: 'household-chronology',
      title: "A household's chronology, newest first, 20 entries",
      as: 'lead',
      query: ChronologyDocument.toString(),
      variables: { subject: { householdId: data.householdId }, filter: newestFirst, first: 20 },
    },
    {
      name: 'person-chronology',
      title: "A person's chronology, newest first, 20 entries",
      as: 'lead',
      query: ChronologyDocument.toString(),
      variables: { subject: { personId: data.personId }, filter: newestFirst, first: 20 },
    },
    {
      name: 'search-people',
      title: 'Search for people by name',
      as: 'lead',
      query: SearchPeopleDocument.toString(),
      variables: { query: data.personName, first: 20 },
    },
    {
      name: 'search-households',
      title: 'Search for households by address',
      as: 'lead',
      query: SearchHouseholdsDocument.toString(),
      variables: { query: data.street, first: 20 },
    },
    {
      name: 'households-i-work-with',
      title: 'The visit view: `householdsIWorkWith` (frontline)',
      as: 'frontline',
      query: HouseholdsIWorkWithDocument.toString(),
      variables: {},
    },
    {
      name: 'visit-household',
      title: 'The visit view: `visitHousehold` (frontline)',
      as: 'frontline',
      query: VisitHouseholdDocument.toString(),
      variables: { id: data.householdId },
    },
    {
      name: 'tasks',
      title: 'The task queue: `tasks(status: OPEN)`',
      as: 'lead',
      query: `query Tasks { tasks(status: OPEN) { id kind sourceType sourceId status createdAt dueAt } }`,
      variables: {},
    },
    {
      name: 'work-queue',
      title:
        'The work queue widget (`WorkQueue`: concerns to triage, open flags, overdue referrals, warnings to review or sign off, open tasks, case work due)',
      as: 'lead',
      query: WorkQueueDocument.toString(),
      variables: { first: 50 },
    },
    {
      name: 'referrals-sent',
      title: '`referralsSent` filtered by status and days sent, 20 a page, with their moves and messages',
      as: 'lead',
      query: `query ReferralsSentFiltered($filter: SentReferralsFilter) {
        referralsSent(first: 20, filter: $filter) {
          totalCount edges { node { id status moves { id to at } messages { id sentAt } } }
        }
      }`,
      variables: { filter: { status: ['SENT', 'ACKNOWLEDGED'], sentFrom: '2020-01-01' } },
    },
    {
      name: 'cases',
      title: 'Open cases, newest first, 20, with their people, plan, notes and reviews',
      as: 'lead',
      query: `query OpenCases {
        cases(filter: { status: OPEN }, first: 20) {
          id status nextReviewDue personIds concernIds
          actions { id dueOn status } notes { id type occurredAt } reviews { id status }
        }
      }`,
      variables: {},
    },
    {
      name: 'sign-in',
      title: 'Identity checks: a staff session token and an OpenID Connect sign-in',
      run: (orm, config) =>
        inScope(orm, data.organisationId, async (em) => {
          const auth = createAuthenticator(orm, config);
          const staff = { roles: undefined, householdId: undefined };
          await auth.resolve(em, {
            kind: 'staff',
            userId: data.leadId,
            organisationId: data.organisationId,
            ...staff,
          });
          await auth.resolve(em, {
            kind: 'oidc',
            providerId: randomUUID(),
            organisationId: data.organisationId,
            subject: data.externalSubject,
          });
        }),
    },
    {
      name: 'sealer',
      title: 'The audit sealer (one pass over what the requests above left unsealed)',
      // Rolled back: its statements are explained after, and would find nothing left to seal.
      run: async (orm) => {
        const em = orm.em.fork();
        await em.begin();
        try {
          await sealAuditTrail(em);
        } finally {
          await em.rollback();
        }
      },
    },
    {
      name: 'webhooks',
      title: 'The webhook dispatcher’s claim of due deliveries (every second, on every instance)',
      run: async (orm) => {
        const em = orm.em.fork();
        await em.begin();
        try {
          await claimDue(em, 10, 5);
        } finally {
          await em.rollback();
        }
      },
    },
  ];
}

/** One node of a JSON plan, as much of it as is read here. */
export interface PlanNode {
  'Node Type': string;
  'Relation Name'?: string;
  'Index Name'?: string;
  'Index Cond'?: string;
  Alias?: string;
  'Parent Relationship'?: string;
  'Subplan Name'?: string;
  'Plan Rows'?: number;
  'Actual Rows'?: number;
  'Actual Loops'?: number;
  'Actual Total Time'?: number;
  'Shared Hit Blocks'?: number;
  'Shared Read Blocks'?: number;
  Plans?: PlanNode[];
}

export interface Explained {
  plan: PlanNode;
  /** Execution time with ANALYZE, in milliseconds. */
  executionMs?: number;
  planningMs?: number;
}

/**
 * `EXPLAIN` of one statement as it ran: in a transaction rolled back after (so an INSERT or UPDATE
 * leaves nothing), as the application role for the organisation when the gateway ran it so (row-level
 * security adds its conditions). `indexesOnly`: sequential scans, hash and merge joins only where
 * nothing else can answer.
 */
export async function explain(
  client: pg.ClientBase,
  statement: Statement,
  organisationId: string,
  options: { analyze?: boolean; indexesOnly?: boolean } = {},
): Promise<Explained> {
  await client.query('begin');
  try {
    if (statement.scoped) {
      await client.query(
        `select set_config('role', $1, true), set_config('doorstep.organisation_id', $2, true)`,
        [APP_ROLE, organisationId],
      );
    }
    // On a small database a hash join over a whole (small) table is cheapest; priced out, the
    // planner shows whether the rows can be reached by index lookups at all.
    if (options.indexesOnly) {
      await client.query(
        'set local enable_seqscan = off; set local enable_hashjoin = off; set local enable_mergejoin = off',
      );
    }
    const how = options.analyze ? 'analyze, buffers, ' : '';
    const { rows } = await client.query<{ 'QUERY PLAN': [Record<string, unknown>] }>(
      `explain (${how}format json) ${statement.sql}`,
    );
    const [top] = rows[0]!['QUERY PLAN'];
    return {
      plan: top!.Plan as PlanNode,
      executionMs: top!['Execution Time'] as number | undefined,
      planningMs: top!['Planning Time'] as number | undefined,
    };
  } finally {
    await client.query('rollback');
  }
}

/** Every node of a plan, depth first, with its depth. */
export function* nodesOf(node: PlanNode, depth = 0): Generator<[PlanNode, number]> {
  yield [node, depth];
  for (const child of node.Plans ?? []) yield* nodesOf(child, depth + 1);
}

/** The indexes of the database: the table each is on, and whether it is partial (`where …`). */
export type IndexCatalogue = ReadonlyMap<string, { table: string; partial: boolean }>;

export async function indexCatalogue(client: pg.ClientBase): Promise<IndexCatalogue> {
  const { rows } = await client.query<{ index: string; table: string; partial: boolean }>(
    `select c.relname as index, t.relname as table, i.indpred is not null as partial
       from pg_index i join pg_class c on c.oid = i.indexrelid join pg_class t on t.oid = i.indrelid
      where t.relnamespace = 'public'::regnamespace`,
  );
  return new Map(rows.map((r) => [r.index, { table: r.table, partial: r.partial }]));
}

/** A read of a whole organisation's rows of a table, and how. */
export interface WholeScan {
  table: string;
  how: string;
}

/** Nodes that pass rows on as they come, so a Limit above them stops the scan below early. */
const STREAMING = new Set([
  'Nested Loop',
  'Subquery Scan',
  'Result',
  'Append',
  'Merge Append',
  'Unique',
  'Incremental Sort',
  'Memoize',
]);

/** The conditions of an index condition that narrow more than the organisation. */
const narrowing = (cond: string | undefined) =>
  (cond ?? '')
    .replace(/^\(|\)$/g, '')
    .split(/ AND /)
    .filter((clause) => clause.trim() && !/organisation_id/.test(clause));

/** An index scan narrows, or another index scan ANDed with it (a BitmapAnd) does. */
const narrows = (node: PlanNode, parent: PlanNode | undefined) =>
  (parent?.['Node Type'] === 'BitmapAnd' ? (parent.Plans ?? []) : [node]).some(
    (scan) => narrowing(scan['Index Cond']).length > 0,
  );

/**
 * Where a plan reads an organisation-sized table (see `SMALL_TABLES`) from end to end: a sequential
 * scan, or an index scanned with no condition but the organisation, which grows with the table all
 * the same. A partial index counts as narrowing (it holds only the rows its condition names), and so
 * does a Limit above an ordered index scan with only streaming nodes between (a page of the newest).
 */
export function wholeOrganisationScans(plan: PlanNode, indexes: IndexCatalogue): WholeScan[] {
  const found: WholeScan[] = [];
  const visit = (node: PlanNode, ancestors: PlanNode[]) => {
    const type = node['Node Type'];
    const index = node['Index Name'] ? indexes.get(node['Index Name']) : undefined;
    const table = node['Relation Name'] ?? index?.table;
    if (table && !SMALL_TABLES.has(table)) {
      if (type === 'Seq Scan') found.push({ table, how: 'Seq Scan' });
      else if (/Index/.test(type) && index && !index.partial && !narrows(node, ancestors.at(-1))) {
        let bounded = false;
        let child = node;
        for (const parent of [...ancestors].reverse()) {
          if (parent['Node Type'] === 'Limit') {
            bounded = true;
            break;
          }
          const inner = parent['Node Type'] === 'Nested Loop' && child['Parent Relationship'] === 'Inner';
          if (!STREAMING.has(parent['Node Type']) || inner) break;
          child = parent;
        }
        if (!bounded) found.push({ table, how: `${type} using ${node['Index Name']}, by organisation only` });
      }
    }
    for (const next of node.Plans ?? []) visit(next, [...ancestors, node]);
  };
  visit(plan, []);
  return found;
}

/** The top of a plan, one line a node: what it does, on what, and (with ANALYZE) rows, time and pages. */
export function planOutline(plan: PlanNode, maxDepth = 3, maxLines = 12): string[] {
  const lines: string[] = [];
  for (const [n, depth] of nodesOf(plan)) {
    if (depth > maxDepth) continue;
    if (lines.length === maxLines) {
      lines.push('  '.repeat(depth) + '…');
      break;
    }
    const on = n['Relation Name']
      ? ` on ${n['Relation Name']}${n['Index Name'] ? ` using ${n['Index Name']}` : ''}`
      : n['Index Name']
        ? ` using ${n['Index Name']}`
        : '';
    const role = n['Subplan Name'] ? ` [${n['Subplan Name']}]` : '';
    const actual =
      n['Actual Total Time'] !== undefined
        ? ` (rows ${n['Actual Rows']}×${n['Actual Loops']}, ${n['Actual Total Time']!.toFixed(2)} ms, ` +
          `${(n['Shared Hit Blocks'] ?? 0) + (n['Shared Read Blocks'] ?? 0)} pages)`
        : ` (est. rows ${n['Plan Rows']})`;
    lines.push(`${'  '.repeat(depth)}${n['Node Type']}${on}${role}${actual}`);
  }
  return lines;
}
