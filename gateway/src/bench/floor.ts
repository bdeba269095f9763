import { randomUUID } from 'node:crypto';
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import pg from 'pg';
import { createTokenVerifier, InvalidTokenError } from '../auth/tokens.js';
import type { Config } from '../config.js';
import { errorBody, readBody } from '../http/respond.js';

/**
 * The benchmark's floor: the fastest a server can answer the household view, the organisation's
 * concerns and a household's chronology with the same access rules and audit. One hand-written,
 * prepared SQL statement per request builds the whole JSON answer and, in a data-modifying CTE of
 * the same statement, writes one audit row per record read (each once). It answers exactly what
 * the gateway answers for the same operation (`floor.test.ts` compares them), so it cannot drift
 * from the views it stands in for.
 *
 * It takes the gateway's own requests (`POST /graphql`, `operationName` Household, Concerns or
 * Chronology, the same variables) with a session token, and checks what the gateway checks: the
 * token, the caller's active account with a safeguarding role, the organisation, and restricted
 * people (seen only by the lead who restricted them and staff holding a grant). It runs as the
 * database owner, so it states the organisation in every query instead of relying on row-level
 * security. Benchmark use only.
 */

/** SQL: the person row `p` is visible to the user in `user` (`personVisibleSql`, inline). */
const visible = (p: string, user: string) =>
  `(not ${p}.restricted or ${p}.restricted_by_id = ${user} or exists (
     select 1 from access_grant g where g.user_id = ${user} and g.subject_type = 'Person' and g.subject_id = ${p}.id
        and g.expires_at > now() and g.revoked_at is null))`;
const name = (p: string) => `${p}.given_name || ' ' || ${p}.family_name`;
/** A timestamp as JavaScript's `toISOString()` writes it. */
const iso = (at: string) => `to_char(${at} at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
/** The gateway's keyset cursor: base64url of `<ISO time>|<id>`. */
const cursor = (at: string, id: string) =>
  `translate(encode(convert_to(${iso(at)} || '|' || ${id}, 'UTF8'), 'base64'), E'+/=\\n', '-_')`;
/** Whole years from `dob` to the day `on` (`ageOn`); null without a date of birth. */
const age = (dob: string, on: string) =>
  `(extract(year from ${on})::int - extract(year from ${dob})::int - (to_char(${on}, 'MMDD') < to_char(${dob}, 'MMDD'))::int)`;
const today = `(now() at time zone 'UTC')::date`;
const dayOf = (at: string) => `(${at} at time zone 'UTC')::date`;
const address = (h: string) =>
  `concat_ws(', ', nullif(${h}.address_line1, ''), nullif(${h}.address_line2, ''), nullif(${h}.town, ''), nullif(${h}.postcode, ''))`;
/** The caller may read records: an active account of the organisation with a safeguarding role. */
const reader = (user: string, org: string) =>
  `exists (select 1 from app_user u where u.id = ${user} and u.organisation_id = ${org} and u.deactivated_at is null
             and u.roles && array['SAFEGUARDING_LEAD', 'SAFEGUARDING_CHAMPION']::text[])`;
/** Concern `c` names nobody restricted from the user (`concernVisibleSql`). */
const concernVisible = (user: string) =>
  `c.id not in (select cp.concern_id from person p join concern_person cp on cp.person_id = p.id
                 where p.restricted and not ${visible('p', user)})`;
/** Audit rows for the records in `records` (`entity_type`, `entity_id`), each once. */
const auditInsert = (records: string, org: string, user: string, request: string) =>
  `insert into audit_event (at, organisation_id, actor_kind, actor_user_id, actor_ref, action, entity_type, entity_id, request_id)
   select now(), ${org}, 'staff', ${user}, ${user}::text, 'READ', r.entity_type, r.entity_id, ${request}
     from (${records}) as r(entity_type, entity_id)
   returning 1`;
/** A connection's `totalCount`, `pageInfo` and `edges` over the rows of `shown` (already ordered). */
const connection = (total: string, more: string, shown: string, at: string, node: string) =>
  `json_build_object(
     'totalCount', ${total},
     'pageInfo', json_build_object('hasNextPage', ${more},
       'endCursor', (select ${cursor(`s.${at}`, 's.id')} from ${shown} s order by s.${at} asc, s.id asc limit 1)),
     'edges', coalesce((select json_agg(json_build_object('cursor', ${cursor(`s.${at}`, 's.id')}, 'node', ${node})
                                 order by s.${at} desc, s.id desc) from ${shown} s), '[]'))`;

/**
 * A household's chronology entries the user may see (`listChronology`): its own, and its members'
 * from while they lived there; none naming a person restricted from the user.
 */
const householdEntries = (household: string, org: string, user: string) =>
  `select e.* from chronology_entry e
    where e.organisation_id = ${org}
      and e.id in (select x.id from chronology_entry x where x.household_id = ${household}
                   union all
                   select x.id from chronology_entry x where x.organisation_id = ${org}
                      and x.person_ids && array(select m.person_id from household_member m where m.household_id = ${household}))
      and (e.household_id = ${household} or exists (
             select 1 from household_member m where m.household_id = ${household} and m.person_id = any(e.person_ids)
                and m.joined_on <= ${dayOf('e.occurred_at')}
                and (m.left_on is null or m.left_on >= ${dayOf('e.occurred_at')})))
      and not exists (select 1 from person p where p.id = any(e.person_ids) and not ${visible('p', user)})`;

const entryNode = (detail: boolean) =>
  `json_build_object('id', s.id, 'kind', s.kind, 'occurredAt', ${iso('s.occurred_at')}, 'summary', s.summary,
     'sourceType', s.source_type, 'sourceId', s.source_id, 'pinned', s.pinned${detail ? `, 'detail', s.detail` : ''})`;

/** `household(id)` as `Household` asks for it. $1 household, $2 organisation, $3 user, $4 concerns, $5 entries, $6 request. */
export const HOUSEHOLD_SQL = `
with h as (
  select h.* from household h where h.id = $1::uuid and h.organisation_id = $2::uuid and ${reader('$3::uuid', '$2')}
),
current_members as (
  select m.* from household_member m
   where m.household_id = (select id from h) and m.joined_on <= ${today} and (m.left_on is null or m.left_on >= ${today})
),
members as (
  select m.id, m.role, m.joined_on, m.left_on, p.id as person_id, ${name('p')} as name, p.date_of_birth, p.restricted
    from current_members m join person p on p.id = m.person_id
   where ${visible('p', '$3')}
),
relationships as (
  select r.id, r.person_id, r.type, r.created_at, q.id as related_id, ${name('q')} as related_name
    from person_relationship r join person q on q.id = r.related_person_id
   where r.person_id in (select person_id from members) and ${visible('q', '$3')}
),
warnings as (
  select w.id, w.type, w.description, w.review_date, w.status, w.created_at, w.household_id, p.id as person_id,
         ${name('p')} as person_name, (p.id is not null and not ${visible('p', '$3')}) as hidden
    from (select w.* from warning w where w.household_id = (select id from h) and w.status <> 'ENDED'
          union all -- a warning is on a household or on a person, never both
          select w.* from warning w where w.person_id in (select person_id from current_members) and w.status <> 'ENDED') w
    left join person p on p.id = w.person_id
   where w.organisation_id = $2
),
concerns_page as (
  select c.* from concern c
   where c.household_id = (select id from h) and c.organisation_id = $2 and ${concernVisible('$3')}
   order by c.raised_at desc, c.id desc limit $4::int + 1
),
concerns as (select * from concerns_page order by raised_at desc, id desc limit $4),
concern_people as (
  select cp.concern_id, cp.role, cp.ordinal, cp.id, p.id as person_id, ${name('p')} as name, p.date_of_birth
    from concern_person cp join person p on p.id = cp.person_id
   where cp.concern_id in (select id from concerns) and ${visible('p', '$3')}
),
named_people as (
  select n.id, n.concern_id, n.ordinal, n.name, n.role, n.date_of_birth,
         case when ${visible('lp', '$3')} then lp.id end as linked_id
    from concern_named_person n left join person lp on lp.id = n.linked_person_id
   where n.concern_id in (select id from concerns)
),
entries_page as (
  select * from (${householdEntries('(select id from h)', '$2', '$3')}) e order by e.occurred_at desc, e.id desc limit $5::int + 1
),
entries as (select * from entries_page order by occurred_at desc, id desc limit $5),
audit as (
  ${auditInsert(
    `select 'Household', id from h
     union select 'Person', person_id from members
     union select 'Person', related_id from relationships
     union select 'Warning', id from warnings
     union select 'Concern', id from concerns
     union select 'Person', person_id from concern_people
     union select 'ConcernNamedPerson', id from named_people
     union select 'Person', linked_id from named_people where linked_id is not null
     union select 'HouseholdChronology', id from h`,
    '$2',
    '$3',
    '$6',
  )}
)
select json_build_object('data', json_build_object('household', json_build_object(
  'id', h.id,
  'tenancyReference', h.tenancy_reference,
  'address', ${address('h')},
  'localAuthorityArea', h.local_authority_area,
  'tenure', h.tenure,
  'members', coalesce((select json_agg(json_build_object(
      'id', m.id, 'role', m.role, 'joinedOn', m.joined_on, 'leftOn', m.left_on,
      'person', json_build_object(
        'id', m.person_id, 'displayName', m.name, 'dateOfBirth', m.date_of_birth,
        'age', ${age('m.date_of_birth', today)}, 'child', ${age('m.date_of_birth', today)} < 18,
        'restricted', m.restricted,
        'relationships', coalesce((select json_agg(json_build_object(
            'type', r.type, 'relatedPerson', json_build_object('id', r.related_id, 'displayName', r.related_name))
            order by r.created_at, r.id) from relationships r where r.person_id = m.person_id), '[]')))
      order by m.joined_on, m.id) from members m), '[]'),
  'warnings', coalesce((select json_agg(json_build_object(
      'id', w.id, 'type', w.type, 'description', w.description, 'reviewDate', w.review_date, 'status', w.status,
      'overdueForReview', w.status <> 'ENDED' and w.review_date < ${today},
      'subjectName', case when w.household_id is not null then ${address('h')} else w.person_name end)
      order by w.created_at, w.id) from warnings w where not w.hidden), '[]'),
  'concerns', ${connection(
    `(select count(*) from concern c where c.household_id = h.id and c.organisation_id = $2 and ${concernVisible('$3')})`,
    '(select count(*) from concerns_page) > $4',
    'concerns',
    'raised_at',
    `json_build_object('id', s.id, 'reference', s.reference, 'status', s.status, 'urgency', s.urgency,
       'riskLevel', s.risk_level, 'raisedAt', ${iso('s.raised_at')},
       'subjects', coalesce((select json_agg(json_build_object(
           'childAtEvent', ${age('p.date_of_birth', dayOf('coalesce(s.happened_at, s.raised_at)'))} < 18,
           'person', json_build_object('id', p.person_id, 'displayName', p.name)) order by p.ordinal, p.id)
           from concern_people p where p.concern_id = s.id and p.role = 'SUBJECT'), '[]'),
       'namedPeople', coalesce((select json_agg(json_build_object(
           'name', n.name, 'role', n.role,
           'childAtEvent', ${age('n.date_of_birth', dayOf('coalesce(s.happened_at, s.raised_at)'))} < 18)
           order by n.ordinal, n.id) from named_people n where n.concern_id = s.id), '[]'))`,
  )},
  'chronology', ${connection(
    `(select count(*) from (${householdEntries('h.id', '$2', '$3')}) t)`,
    '(select count(*) from entries_page) > $5',
    'entries',
    'occurred_at',
    entryNode(false),
  )}
)))::text as body, (select count(*) from audit) as audited
from h`;

/** `concerns(first)` as `Concerns` asks for it. $1 organisation, $2 user, $3 first, $4 request. */
export const CONCERNS_SQL = `
with page as (
  select c.* from concern c
   where c.organisation_id = $1::uuid and ${reader('$2::uuid', '$1')} and ${concernVisible('$2')}
   order by c.raised_at desc, c.id desc limit $3::int + 1
),
shown as (select * from page order by raised_at desc, id desc limit $3),
audit as (${auditInsert(`select 'Concern', id from shown`, '$1', '$2', '$4')})
select json_build_object('data', json_build_object('concerns', ${connection(
  `(select count(*) from concern c where c.organisation_id = $1 and ${reader('$2', '$1')} and ${concernVisible('$2')})`,
  '(select count(*) from page) > $3',
  'shown',
  'raised_at',
  `json_build_object('id', s.id, 'reference', s.reference, 'status', s.status, 'urgency', s.urgency,
     'primaryCategory', s.primary_category, 'subjectDescription', s.subject_description, 'raisedAt', ${iso('s.raised_at')})`,
)}))::text as body, (select count(*) from audit) as audited
where ${reader('$2', '$1')}`;

/** `chronology(subject: {householdId}, filter, first)` as `Chronology` asks for it, newest first. $1 household, $2 organisation, $3 user, $4 first, $5 request. */
export const CHRONOLOGY_SQL = `
with h as (
  select h.id from household h where h.id = $1::uuid and h.organisation_id = $2::uuid and ${reader('$3::uuid', '$2')}
),
page as (
  select * from (${householdEntries('(select id from h)', '$2', '$3')}) e order by e.occurred_at desc, e.id desc limit $4::int + 1
),
shown as (select * from page order by occurred_at desc, id desc limit $4),
audit as (${auditInsert(`select 'HouseholdChronology', id from h`, '$2', '$3', '$5')})
select json_build_object('data', json_build_object('chronology', ${connection(
  `(select count(*) from (${householdEntries('h.id', '$2', '$3')}) t)`,
  '(select count(*) from page) > $4',
  'shown',
  'occurred_at',
  entryNode(true),
)}))::text as body, (select count(*) from audit) as audited
from h`;

interface Request {
  operationName?: string;
  variables?: Record<string, unknown>;
}

/** The statement and its parameters for one request, or undefined for an operation the floor does not serve. */
function statementFor(request: Request, organisationId: string, userId: string, requestId: string) {
  const v = request.variables ?? {};
  const page = (value: unknown, fallback = 20) => (typeof value === 'number' ? value : fallback);
  switch (request.operationName) {
    case 'Household':
      return {
        name: 'floor-household',
        text: HOUSEHOLD_SQL,
        values: [v.id, organisationId, userId, page(v.concerns), page(v.chronology), requestId],
      };
    case 'Concerns':
      return {
        name: 'floor-concerns',
        text: CONCERNS_SQL,
        values: [organisationId, userId, page(v.first), requestId],
      };
    case 'Chronology': {
      const subject = v.subject as { householdId?: string } | undefined;
      const filter = v.filter as { newestFirst?: boolean } | undefined;
      if (!subject?.householdId || !filter?.newestFirst) return undefined;
      return {
        name: 'floor-chronology',
        text: CHRONOLOGY_SQL,
        values: [subject.householdId, organisationId, userId, page(v.first), requestId],
      };
    }
    default:
      return undefined;
  }
}

export interface Floor {
  server: http.Server;
  listen(port?: number, host?: string): Promise<number>;
  close(): Promise<void>;
}

export function createFloor(options: { url: string; jwt: Config['jwt']; poolMax?: number }): Floor {
  const pool = new pg.Pool({ connectionString: options.url, max: options.poolMax ?? 20 });
  const tokens = createTokenVerifier(options.jwt, async () => undefined);
  const send = (res: ServerResponse, status: number, body: string) => {
    res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
    res.end(body);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    if (req.url !== '/graphql' || req.method !== 'POST') {
      return send(res, 404, JSON.stringify(errorBody('NOT_FOUND', 'POST /graphql only')));
    }
    const bearer = /^Bearer\s+(\S+)$/i.exec(req.headers.authorization ?? '')?.[1];
    let token;
    try {
      token = bearer ? await tokens.verify(bearer) : undefined;
    } catch (error) {
      if (!(error instanceof InvalidTokenError)) throw error;
    }
    if (token?.kind !== 'staff') {
      return send(res, 401, JSON.stringify(errorBody('UNAUTHENTICATED', 'A staff session token is needed')));
    }
    const statement = statementFor(
      JSON.parse(await readBody(req, 1_000_000)) as Request,
      token.organisationId,
      token.userId,
      randomUUID(),
    );
    if (!statement) {
      return send(
        res,
        400,
        JSON.stringify(errorBody('BAD_REQUEST', 'The floor does not serve this operation')),
      );
    }
    const { rows } = await pool.query<{ body: string }>(statement);
    res.setHeader('x-request-id', statement.values.at(-1) as string);
    if (!rows[0]) return send(res, 200, JSON.stringify(errorBody('NOT_FOUND', 'Not found')));
    send(res, 200, rows[0].body);
  }

  const server = http.createServer((req, res) => {
    handle(req, res).catch(() => {
      if (!res.headersSent) send(res, 500, JSON.stringify(errorBody('INTERNAL_SERVER_ERROR', 'Floor error')));
      else res.destroy();
    });
  });
  server.keepAliveTimeout = 65_000;
  return {
    server,
    listen: (port = 0, host = '127.0.0.1') =>
      new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => resolve((server.address() as { port: number }).port));
      }),
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await pool.end();
    },
  };
}
