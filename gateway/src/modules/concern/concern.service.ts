import { ForeignKeyConstraintViolationException, LockMode, type EntityManager } from '@mikro-orm/postgresql';
import { isChildOn, type ConcernPersonRole, type NamedPersonData } from '@doorstep/schema';
import {
  publicConcernInputSchema,
  raiseConcernInputSchema,
  type PublicConcernData,
  type RaiseConcernData,
  type ReporterKind,
} from '@doorstep/schema';
import { exactlyOnce } from '../../common/idempotency.js';
import { parseSubmission } from '../../common/input.js';
import {
  decodeCursor,
  pageAndTotal,
  encodeCursor,
  isUuid,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { consumePublicLimits, type PublicLimits } from '../../common/rate-limit.js';
import type { Caller } from '../../context.js';
import { fieldError, NotFoundError, UnauthenticatedError } from '../../errors.js';
import { groupBy, load } from '../../common/loader.js';
import { sqlOf } from '../../common/sql.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { CumulativeFlagConcern } from '../cumulative/cumulative.entity.js';
import { checkCumulative } from '../cumulative/cumulative.service.js';
import { Household } from '../household/household.entity.js';
import { findVisiblePerson, worksWith } from '../household/household.service.js';
import { HouseholdMember } from '../household/household.entity.js';
import { Person } from '../person/person.entity.js';
import { concernVisible, seesEveryHousehold } from '../../auth/record-rules.js';
import { hiddenAmong, visibilityParams } from '../access/visibility.js';
import { ConcernNamedPerson } from './concern-named-person.entity.js';
import { ConcernPerson } from './concern-person.entity.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { ConcernReferenceCounter } from './concern-reference.entity.js';
import { Concern } from './concern.entity.js';
import { recordKeys, recordRef } from '../../common/keys.js';

export interface ConcernReceiptData {
  reference: string;
  receivedAt: Date;
}

/**
 * The reference for an organisation's next concern of `year`: each organisation counts on its own.
 * Atomic across concurrent transactions (the counter row is locked until the caller's commits, and a
 * rollback gives the number back).
 */
async function nextReference(em: EntityManager, organisationId: string, year: number): Promise<string> {
  const table = em.getMetadata().get(ConcernReferenceCounter).tableName;
  const rows = await em.getConnection().execute<{ last: number }[]>(
    `insert into ${table} (organisation_id, year, last) values (?, ?, 1)
     on conflict (organisation_id, year) do update set last = ${table}.last + 1
     returning last`,
    [organisationId, year],
    'all',
    em.getTransactionContext(), // inside the caller's transaction, on its connection
  );
  return `SG-${year}-${String(rows[0]!.last).padStart(6, '0')}`;
}

/** Who raised it, from the caller's identity: never from the input. */
function reporterOf(caller: Caller, contactGiven: boolean): Pick<Concern, 'reporterKind'> & Partial<Concern> {
  const identity = caller.identity;
  switch (identity.kind) {
    case 'staff': {
      const kind: ReporterKind = identity.roles.every((role) => role === 'CONTRACTOR')
        ? 'CONTRACTOR'
        : 'STAFF';
      return { reporterKind: kind, raisedBy: undefined };
    }
    case 'tenant':
      return { reporterKind: 'TENANT', reporterTenantRef: identity.tenantRef };
    case 'public':
      return { reporterKind: contactGiven ? 'PUBLIC' : 'ANONYMOUS_PUBLIC' };
  }
}

type ConcernFields = Pick<
  Concern,
  | 'urgency'
  | 'categories'
  | 'primaryCategory'
  | 'subjectDescription'
  | 'location'
  | 'whatHappened'
  | 'happenedAt'
  | 'actionsTaken'
  | 'viewsStatus'
  | 'views'
  | 'viewsNotAskedReason'
  | 'consentStatus'
  | 'consentReason'
  | 'mentalCapacityConcern'
  | 'childrenPresent'
  | 'othersAtRisk'
  | 'aboutSelf'
> &
  Partial<
    Pick<
      Concern,
      | 'reporterContactName'
      | 'reporterContactPhone'
      | 'reporterContactEmail'
      | 'locationOfRisk'
      | 'sourceOfRisk'
    >
  >;

/** The records a concern names: people it is about, alleged sources of harm, the household. */
export interface ConcernLinks {
  subjectIds: readonly string[];
  allegedSourceIds: readonly string[];
  householdId?: string | undefined;
  namedPeople?: readonly NamedPersonData[] | undefined;
}

const NO_LINKS: ConcernLinks = { subjectIds: [], allegedSourceIds: [] };

const linkError = (field: string, message: string, code = 'invalid_reference') =>
  fieldError(field, message, code);

/**
 * Checks the people and household a concern names, and finds them. A merged-away person is taken
 * as the record they were merged into. Staff who do not see every household (frontline,
 * contractors) may name only a household they work with, and only people living there today.
 */
async function resolveLinks(em: EntityManager, caller: Caller, links: ConcernLinks) {
  let household: Household | null = null;
  if (links.householdId) {
    household = await em.findOne(Household, { id: links.householdId });
    if (!household) throw linkError('householdId', 'No such household');
    if (!(await worksWith(em, caller, household.id))) {
      throw linkError('householdId', 'You can only choose a household you work with');
    }
  }
  const ids = [...links.subjectIds, ...links.allegedSourceIds];
  const found = ids.length ? await em.find(Person, { id: { $in: ids } }, { populate: ['mergedInto'] }) : [];
  const byId = new Map(found.map((p) => [p.id, p.mergedInto ?? p]));
  const hidden = await hiddenAmong(em, caller, [...byId.values()]);
  const resolve = (field: string, list: readonly string[]) =>
    list.map((id) => {
      const person = byId.get(id);
      if (!person || hidden.has(person.id)) throw linkError(field, 'No such person');
      return person;
    });
  const subjects = resolve('subjectIds', links.subjectIds);
  const sources = resolve('allegedSourceIds', links.allegedSourceIds);
  if (!seesEveryHousehold(caller.identity) && ids.length) {
    const members = household
      ? await em.find(HouseholdMember, { household, leftOn: null }, { fields: ['person'] })
      : [];
    const living = new Set(members.map((m) => m.person.id));
    for (const [field, list] of [
      ['subjectIds', subjects],
      ['allegedSourceIds', sources],
    ] as const) {
      if (list.some((p) => !living.has(p.id))) {
        throw linkError(field, 'Choose people who live in the household you chose');
      }
    }
  }
  const subjectIds = new Set(subjects.map((p) => p.id));
  const sourceOnly = [...new Set(sources.map((p) => p.id))].filter((id) => !subjectIds.has(id));
  if (sourceOnly.length !== new Set(sources.map((p) => p.id)).size) {
    throw linkError(
      'allegedSourceIds',
      'A person the concern is about cannot also be an alleged source of harm',
    );
  }
  return { household, subjectIds: [...subjectIds], sourceIds: sourceOnly };
}

/**
 * Numbers, stores and audits one concern in the caller's transaction, once per idempotency key:
 * a retry of the same submission returns the first receipt.
 */
async function store(
  em: EntityManager,
  caller: Caller,
  operation: string,
  idempotencyKey: string,
  input: unknown,
  fields: ConcernFields,
  contactGiven = false,
  links: ConcernLinks = NO_LINKS,
): Promise<ConcernReceiptData> {
  return em
    .transactional((tx) =>
      exactlyOnce(
        tx,
        caller,
        operation,
        idempotencyKey,
        input,
        async () => {
          const receivedAt = new Date();
          const identity = caller.identity;
          const { household, subjectIds, sourceIds } = await resolveLinks(tx, caller, links);
          const concern = tx.create(Concern, {
            ...fields,
            ...reporterOf(caller, contactGiven),
            reference: await nextReference(tx, identity.organisationId, receivedAt.getUTCFullYear()),
            organisation: tx.getReference(Organisation, identity.organisationId),
            raisedBy: identity.kind === 'staff' ? tx.getReference(User, identity.userId) : null,
            raisedAt: receivedAt,
            household,
          });
          const link = (ids: string[], role: ConcernPersonRole) => {
            for (const [ordinal, id] of ids.entries()) {
              tx.create(ConcernPerson, {
                organisation: concern.organisation,
                concern,
                person: recordRef(tx, Person, concern.organisation.id, id),
                role,
                ordinal,
              });
            }
          };
          link(subjectIds, 'SUBJECT');
          link(sourceIds, 'ALLEGED_SOURCE');
          const named = (links.namedPeople ?? []).map((person, ordinal) =>
            tx.create(ConcernNamedPerson, {
              organisation: concern.organisation,
              concern,
              ordinal,
              role: person.role,
              name: person.name,
              dateOfBirth: person.dateOfBirth ?? null,
              description: person.description ?? null,
            }),
          );
          recordChronology(tx, caller, {
            kind: 'CONCERN_RAISED',
            occurredAt: concern.happenedAt ?? receivedAt,
            householdId: household?.id ?? null,
            personIds: [...subjectIds, ...sourceIds],
            sourceType: 'Concern',
            sourceId: concern.id,
            summary: `Concern ${concern.reference} raised (${concern.urgency}${
              concern.primaryCategory ? `, ${concern.primaryCategory}` : ''
            })`,
            detail: {
              reference: concern.reference,
              urgency: concern.urgency,
              categories: concern.categories,
              reporterKind: concern.reporterKind,
              subjectIds,
              allegedSourceIds: sourceIds,
              namedPeople: named.map((p) => ({ role: p.role, name: p.name })),
              whatHappened: concern.whatHappened,
            },
          });
          audit(tx, caller, 'CREATE', 'Concern', [concern.id]);
          await tx.flush();
          await checkCumulative(tx, caller, concern, subjectIds);
          return { reference: concern.reference, receivedAt };
        },
        (stored) => {
          const s = stored as { reference: string; receivedAt: string };
          return { reference: s.reference, receivedAt: new Date(s.receivedAt) };
        },
      ),
    )
    .catch((error: unknown) => {
      // A validly signed token for a user or organisation that no longer exists (a database reset
      // under a stored token): ask for a new sign-in rather than fail obscurely.
      if (error instanceof ForeignKeyConstraintViolationException) throw new UnauthenticatedError();
      throw error;
    });
}

/** A concern raised by staff or a contractor. Validated, numbered, stored and audited, or not at all. */
export async function raiseConcern(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<ConcernReceiptData> {
  const { input, idempotencyKey } = parseSubmission(raiseConcernInputSchema, rawInput, rawKey);
  return store(em, caller, 'raiseConcern', idempotencyKey, input, staffFields(input), false, {
    subjectIds: input.subjectIds ?? [],
    allegedSourceIds: input.allegedSourceIds ?? [],
    householdId: input.householdId,
    namedPeople: input.namedPeople,
  });
}

function staffFields(input: RaiseConcernData): ConcernFields {
  return {
    urgency: input.urgency,
    categories: input.categories,
    primaryCategory: input.primaryCategory ?? null,
    subjectDescription: input.subjectDescription,
    location: input.location,
    whatHappened: input.whatHappened,
    happenedAt: input.happenedAt ? new Date(input.happenedAt) : null,
    actionsTaken: input.actionsTaken ?? null,
    viewsStatus: input.personViews.status,
    views: input.personViews.views ?? null,
    viewsNotAskedReason: input.personViews.notAskedReason ?? null,
    consentStatus: input.consent.status,
    consentReason: input.consent.reason ?? null,
    mentalCapacityConcern: input.mentalCapacityConcern,
    childrenPresent: input.childrenPresent,
    othersAtRisk: input.othersAtRisk ?? null,
    aboutSelf: false,
    locationOfRisk: input.locationOfRisk ?? null,
    sourceOfRisk: input.sourceOfRisk ?? null,
  };
}

/** Why the person's own views and consent were not asked, when someone else raised the concern. */
export const NOT_ASKED_BY_PUBLIC =
  'Raised by someone else through a public or tenant form. The safeguarding team will ask the person.';

function publicFields(input: PublicConcernData): ConcernFields {
  return {
    urgency: input.urgency,
    categories: [],
    primaryCategory: null,
    subjectDescription: input.subjectDescription,
    location: input.location,
    whatHappened: input.whatHappened,
    happenedAt: input.happenedAt ? new Date(input.happenedAt) : null,
    actionsTaken: null,
    viewsStatus: input.aboutSelf ? (input.views ? 'ASKED_EXPRESSED' : 'ASKED_NONE_EXPRESSED') : 'NOT_ASKED',
    views: input.views ?? null,
    viewsNotAskedReason: input.aboutSelf ? null : NOT_ASKED_BY_PUBLIC,
    consentStatus: input.consent ?? 'NOT_SOUGHT',
    consentReason: input.consent ? null : NOT_ASKED_BY_PUBLIC,
    mentalCapacityConcern: false,
    childrenPresent: input.childrenPresent,
    othersAtRisk: null,
    aboutSelf: input.aboutSelf,
    reporterContactName: input.contact?.name ?? null,
    reporterContactPhone: input.contact?.phone ?? null,
    reporterContactEmail: input.contact?.email ?? null,
  };
}

/**
 * A concern from the public form (public token) or a tenant site (tenant token). Rate-limited per
 * token and per network address before anything else is done.
 */
export async function raisePublicConcern(
  em: EntityManager,
  caller: Caller,
  limits: PublicLimits,
  clientAddress: string,
  rawKey: unknown,
  rawInput: unknown,
): Promise<Pick<ConcernReceiptData, 'reference'>> {
  await consumePublicLimits(em, caller, limits, clientAddress);
  const { input, idempotencyKey } = parseSubmission(publicConcernInputSchema, rawInput, rawKey);
  const receipt = await store(
    em,
    caller,
    'raisePublicConcern',
    idempotencyKey,
    input,
    publicFields(input),
    !!input.contact,
  );
  return { reference: receipt.reference };
}

/** An SQL condition: concern `c` names no person restricted from the caller (`concernVisibleParams`). */
export const concernVisibleSql = concernVisible('c', '?::uuid', '?::uuid');
export const concernVisibleParams = (caller: Caller) => [
  caller.identity.organisationId,
  ...visibilityParams(caller),
];

/**
 * One concern of the caller's organisation; another organisation's, or one naming a person
 * restricted from the caller, is "not found".
 */
export async function findConcern(em: EntityManager, caller: Caller, id: string): Promise<Concern> {
  if (!isUuid(id)) throw new NotFoundError('Concern');
  const [row] = await sqlOf(em)(`select c.* from concern c where c.id = ? and ${concernVisibleSql}`, [
    id,
    ...concernVisibleParams(caller),
  ]);
  if (!row) throw new NotFoundError('Concern');
  return em.map(Concern, row);
}

export async function getConcern(em: EntityManager, caller: Caller, id: string): Promise<Concern> {
  const concern = await findConcern(em, caller, id);
  audit(em, caller, 'READ', 'Concern', [concern.id]);
  return concern;
}

/**
 * The low-level concerns behind a flag: the links batched for every flag asked in the request,
 * each concern read (and audited) as the caller. One naming a person restricted from the caller is
 * "not found", as when read on its own.
 */
export async function concernsBehind(em: EntityManager, caller: Caller, flagId: string): Promise<Concern[]> {
  const ids = await load<string[]>(
    em,
    'flag.concerns',
    flagId,
    async (flagIds) => {
      const links = await em.find(
        CumulativeFlagConcern,
        { flag: { $in: recordKeys(caller.identity.organisationId, flagIds) } },
        { fields: ['flag', 'concern'] },
      );
      const byFlag = groupBy(links, (l) => l.flag.id);
      return new Map([...byFlag].map(([flag, rows]) => [flag, rows.map((l) => l.concern.id)]));
    },
    [],
  );
  return Promise.all(ids.map((id) => getConcern(em, caller, id)));
}

/** Which concerns a list holds: the organisation's, one household's, or those naming one person. */
export type ConcernScope = { householdId: string } | { personId: string } | Record<string, never>;

/** Concerns, newest first, a page at a time; those naming a person restricted from the caller left out. */
export async function listConcerns(
  em: EntityManager,
  caller: Caller,
  args: { first?: number | null; after?: string | null },
  scope: ConcernScope = {},
): Promise<ConnectionShape<Concern>> {
  const limit = pageSize(args.first);
  const where = ['c.organisation_id = ?', concernVisibleSql];
  const params: unknown[] = [caller.identity.organisationId, ...concernVisibleParams(caller)];
  if ('householdId' in scope) {
    where.push('c.household_id = ?');
    params.push(scope.householdId);
  } else if ('personId' in scope) {
    where.push('exists (select 1 from concern_person s where s.concern_id = c.id and s.person_id = ?)');
    params.push(scope.personId);
  }
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const { rows, total } = await pageAndTotal(sqlOf(em), {
    select: 'c.*',
    from: 'concern c',
    where: where.join(' and '),
    params,
    cursor: cursor && { where: '(c.raised_at, c.id) < (?, ?)', params: [cursor.at, cursor.id] },
    orderBy: 'c.raised_at desc, c.id desc',
    limit: limit + 1,
  });
  return auditedConcernPage(em, caller, { rows, total }, limit, (c) => encodeCursor(c.raisedAt, c.id));
}

/**
 * A page of concerns from rows read one past its end (that row only says there is more), each
 * concern on it audited as read by the caller.
 */
export function auditedConcernPage(
  em: EntityManager,
  caller: Caller,
  { rows, total }: { rows: Record<string, unknown>[]; total: number },
  limit: number,
  cursorOf: (concern: Concern) => string,
): ConnectionShape<Concern> {
  const page = rows.slice(0, limit).map((row) => em.map(Concern, row));
  if (page.length) {
    audit(
      em,
      caller,
      'READ',
      'Concern',
      page.map((c) => c.id),
    );
  }
  const edges = page.map((node) => ({ cursor: cursorOf(node), node }));
  return {
    totalCount: total,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}

/** A person named in a concern, with whether they were a child at the time of the concern. */
export interface ConcernPersonView {
  /** For the access rule's organisation check. */
  organisationId: string;
  person: Person;
  role: ConcernPersonRole;
  childAtEvent: boolean | null;
}

/** The people named in concerns (batched per request); anyone restricted from the caller left out. */
export function peopleOfConcern(
  em: EntityManager,
  caller: Caller,
  concern: Concern,
): Promise<ConcernPersonView[]> {
  return load<ConcernPersonView[]>(
    em,
    'concern.people',
    concern.id,
    async (ids) => {
      const links = await em.find(
        ConcernPerson,
        { concern: { $in: recordKeys(concern.organisation.id, ids) } },
        { populate: ['person', 'concern'], orderBy: [{ ordinal: 'asc' }, { id: 'asc' }] },
      );
      const hidden = await hiddenAmong(
        em,
        caller,
        links.map((l) => l.person),
      );
      const visible = links.filter((l) => !hidden.has(l.person.id));
      if (visible.length) audit(em, caller, 'READ', 'Person', [...new Set(visible.map((l) => l.person.id))]);
      const views = visible.map((l) => ({
        organisationId: l.organisation.id,
        concernId: l.concern.id,
        person: l.person,
        role: l.role,
        childAtEvent: isChildOn(l.person.dateOfBirth, l.concern.happenedAt ?? l.concern.raisedAt),
      }));
      return groupBy(views, (v) => v.concernId);
    },
    [],
  );
}

/** Someone a concern names who is not on record, with whether they were a child at the time. */
export interface NamedPersonView {
  /** For the access rule's organisation check. */
  organisationId: string;
  id: string;
  name: string;
  role: ConcernPersonRole;
  dateOfBirth: string | null;
  description: string | null;
  childAtEvent: boolean | null;
  /** Their record once linked, unless it is restricted from the caller. */
  linkedPerson: Person | null;
}

/** The views of named people, their linked records checked for restriction and audited as reads. */
async function namedViews(em: EntityManager, caller: Caller, named: ConcernNamedPerson[]) {
  const linked = named.flatMap((n) => (n.linkedPerson ? [n.linkedPerson] : []));
  const hidden = await hiddenAmong(em, caller, linked);
  const shown = linked.filter((p) => !hidden.has(p.id));
  if (named.length)
    audit(
      em,
      caller,
      'READ',
      'ConcernNamedPerson',
      named.map((n) => n.id),
    );
  if (shown.length) audit(em, caller, 'READ', 'Person', [...new Set(shown.map((p) => p.id))]);
  return named.map((n) => ({
    organisationId: n.organisation.id,
    concernId: n.concern.id,
    id: n.id,
    name: n.name,
    role: n.role,
    dateOfBirth: n.dateOfBirth ?? null,
    description: n.description ?? null,
    childAtEvent: isChildOn(n.dateOfBirth, n.concern.happenedAt ?? n.concern.raisedAt),
    linkedPerson: n.linkedPerson && !hidden.has(n.linkedPerson.id) ? n.linkedPerson : null,
  }));
}

/** The people concerns name who are not on record (batched per request), in the order named; audited. */
export function namedPeopleOfConcern(
  em: EntityManager,
  caller: Caller,
  concern: Concern,
): Promise<NamedPersonView[]> {
  return load<NamedPersonView[]>(
    em,
    'concern.named-people',
    concern.id,
    async (ids) => {
      const named = await em.find(
        ConcernNamedPerson,
        { concern: { $in: recordKeys(concern.organisation.id, ids) } },
        { populate: ['concern', 'linkedPerson'], orderBy: [{ ordinal: 'asc' }] },
      );
      return groupBy(await namedViews(em, caller, named), (v) => v.concernId);
    },
    [],
  );
}

/**
 * Links someone a concern named, not on record, to their record once a lead or champion has found
 * or added it. The concern then names that person like anyone chosen from the records: among its
 * subjects or alleged sources (after those named before), in every chronology entry of the
 * concern, and, for a subject, in the cumulative rule's counts. Once only; what the reporter said
 * is kept as they said it. A person already named in the concern in the other role is refused.
 */
export async function linkNamedPerson(
  em: EntityManager,
  caller: Caller,
  id: string,
  personId: string,
): Promise<NamedPersonView> {
  return em.transactional(async (tx) => {
    const named = isUuid(id)
      ? await tx.findOne(
          ConcernNamedPerson,
          { id },
          { populate: ['concern'], lockMode: LockMode.PESSIMISTIC_WRITE },
        )
      : null;
    if (!named) throw new NotFoundError('NamedPerson');
    const concern = await findConcern(tx, caller, named.concern.id); // hidden if it names someone restricted
    if (named.linkedPerson) throw linkError('id', 'They are already linked to a record', 'already_linked');
    const person = await findVisiblePerson(tx, caller, personId).catch(() => {
      throw linkError('personId', 'No such person', 'not_found');
    });
    const links = await tx.find(ConcernPerson, { concern });
    const already = links.find((l) => l.person.id === person.id);
    if (already && already.role !== named.role) {
      throw linkError('personId', 'A person the concern is about cannot also be an alleged source of harm');
    }
    if (!already) {
      tx.create(ConcernPerson, {
        organisation: named.organisation,
        concern,
        person,
        role: named.role,
        ordinal: links.filter((l) => l.role === named.role).length,
      });
    }
    named.linkedPerson = person;
    named.linkedBy = caller.identity.kind === 'staff' ? tx.getReference(User, caller.identity.userId) : null;
    named.linkedAt = new Date();
    await sqlOf(tx)(
      `update chronology_entry set person_ids = array_append(person_ids, ?::uuid)
        where source_type = 'Concern' and source_id = ? and not (?::uuid = any(person_ids))`,
      [person.id, concern.id, person.id],
    );
    audit(tx, caller, 'UPDATE', 'ConcernNamedPerson', [named.id]);
    audit(tx, caller, 'UPDATE', 'Concern', [concern.id]);
    await tx.flush();
    if (named.role === 'SUBJECT') await checkCumulative(tx, caller, concern, [person.id]);
    const [view] = await namedViews(tx, caller, [named]);
    return view!;
  });
}
