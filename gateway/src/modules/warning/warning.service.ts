import { LockMode, type EntityManager } from '@mikro-orm/postgresql';
import {
  isoDateOf,
  warningInputSchema,
  warningUpdateSchema,
  reasonSchema,
  type ChronologyKind,
  type WarningUpdateData,
} from '@doorstep/schema';
import { exactlyOnce } from '../../common/idempotency.js';
import { parseInput, parseSubmission } from '../../common/input.js';
import { groupBy, load } from '../../common/loader.js';
import {
  decodeCursor,
  encodeCursor,
  isUuid,
  pageSize,
  type ConnectionShape,
} from '../../common/pagination.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import type { Caller } from '../../context.js';
import {
  BadUserInputError,
  InvalidTransitionError,
  NotFoundError,
  SamePersonError,
  StaleVersionError,
} from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { findHousehold, findVisiblePerson } from '../household/household.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { personVisibleSql, visibilityParams } from '../access/visibility.js';
import { Warning } from './warning.entity.js';
import { recordKeys } from '../../common/keys.js';

const me = (em: EntityManager, caller: Caller) =>
  em.getReference(User, caller.identity.kind === 'staff' ? caller.identity.userId : '');

/** The subject a warning is about, for the chronology. */
const subjectOf = (w: Warning) => ({
  householdId: w.household?.id ?? null,
  personIds: w.person ? [w.person.id] : [],
});

function chronicle(em: EntityManager, caller: Caller, w: Warning, kind: ChronologyKind, detail = {}) {
  const words: Record<string, string> = {
    WARNING_ADDED: 'added',
    WARNING_CHANGED: 'changed',
    WARNING_SIGNED_OFF: 'signed off by a manager',
    WARNING_ENDED: 'ended',
  };
  recordChronology(em, caller, {
    kind,
    occurredAt: new Date(),
    ...subjectOf(w),
    sourceType: 'Warning',
    sourceId: w.id,
    summary: `Warning ${words[kind] ?? kind.toLowerCase()}: ${w.type}`,
    detail: { type: w.type, status: w.status, reviewDate: w.reviewDate, ...detail },
  });
}

function applyFields(w: Warning, input: WarningUpdateData) {
  w.type = input.type;
  w.description = input.description;
  w.reviewDate = input.reviewDate;
  w.toldStatus = input.told.status;
  w.toldHow = input.told.status === 'TOLD' ? (input.told.how ?? null) : null;
  w.notToldReason = input.told.status === 'NOT_TOLD' ? (input.told.whyNot ?? null) : null;
}

/** A new warning, pending a manager's sign-off. Once per idempotency key. */
export async function addWarning(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<Warning> {
  const { input, idempotencyKey } = parseSubmission(warningInputSchema, rawInput, rawKey);
  const { id } = await em.transactional((tx) =>
    exactlyOnce(
      tx,
      caller,
      'addWarning',
      idempotencyKey,
      input,
      async () => {
        const notFound = (field: string) => () => {
          throw new BadUserInputError([{ field, code: 'not_found', message: 'Not found' }]);
        };
        const person = input.personId
          ? await findVisiblePerson(tx, caller, input.personId).catch(notFound('personId'))
          : null;
        const household = input.householdId
          ? await findHousehold(tx, input.householdId).catch(notFound('householdId'))
          : null;
        const warning = tx.create(Warning, {
          organisation: tx.getReference(Organisation, caller.identity.organisationId),
          person,
          household,
          type: input.type,
          description: input.description,
          reviewDate: input.reviewDate,
          toldStatus: input.told.status,
          createdBy: me(tx, caller),
        });
        applyFields(warning, input);
        chronicle(tx, caller, warning, 'WARNING_ADDED');
        audit(tx, caller, 'CREATE', 'Warning', [warning.id]);
        await tx.flush();
        return { id: warning.id };
      },
      async (stored) => {
        // A retry is answered with the warning as it is now: a read, and only if its person is
        // still one the caller may see (they may have been restricted since).
        const { id: storedId } = stored as { id: string };
        await getWarning(tx, caller, storedId);
        return { id: storedId };
      },
    ),
  );
  return em.findOneOrFail(Warning, { id });
}

/** A warning of the organisation, locked for a change, on a subject the caller may see. */
async function lockWarning(em: EntityManager, caller: Caller, id: string): Promise<Warning> {
  const warning = isUuid(id)
    ? await em.findOne(Warning, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
  if (!warning) throw new NotFoundError('Warning');
  if (warning.person)
    await findVisiblePerson(em, caller, warning.person.id).catch(() => {
      throw new NotFoundError('Warning');
    });
  return warning;
}

function checkVersion(warning: Warning, expected: number | null | undefined) {
  if (expected != null && expected !== warning.version) throw new StaleVersionError(warning.version);
}

/**
 * Changes a warning (a review moves its review date on). A changed warning needs signing off again:
 * an ACTIVE warning goes back to PENDING_SIGN_OFF. An ended warning cannot change.
 */
export async function updateWarning(
  em: EntityManager,
  caller: Caller,
  id: string,
  rawInput: unknown,
  expectedVersion?: number | null,
): Promise<Warning> {
  const input = parseInput(warningUpdateSchema, rawInput);
  return em.transactional(async (tx) => {
    const warning = await lockWarning(tx, caller, id);
    checkVersion(warning, expectedVersion);
    if (warning.status === 'ENDED') {
      throw new InvalidTransitionError('An ended warning cannot be changed', 'ENDED', 'ENDED');
    }
    const before = { type: warning.type, reviewDate: warning.reviewDate };
    applyFields(warning, input);
    warning.status = 'PENDING_SIGN_OFF';
    warning.signedOffBy = null;
    warning.signedOffAt = null;
    warning.version += 1;
    chronicle(tx, caller, warning, 'WARNING_CHANGED', { before });
    audit(tx, caller, 'UPDATE', 'Warning', [warning.id]);
    await tx.flush();
    return warning;
  });
}

/**
 * Who wrote what a warning's sign-off would approve: everyone who added or changed it since it was
 * last signed off (from its chronology), and whoever added it if it never was.
 */
async function authorsAwaitingSignOff(em: EntityManager, warning: Warning): Promise<Set<string>> {
  const rows = await sqlOf(em)<{ author: string | null }>(
    `with history as (
       select kind, recorded_by_id, recorded_at from chronology_entry
        where source_type = 'Warning' and source_id = ?
          and kind in ('WARNING_ADDED', 'WARNING_CHANGED', 'WARNING_SIGNED_OFF')),
     last_sign_off as (select max(recorded_at) as at from history where kind = 'WARNING_SIGNED_OFF')
     select h.recorded_by_id as author from history h, last_sign_off s
      where h.kind <> 'WARNING_SIGNED_OFF' and (s.at is null or h.recorded_at >= s.at)
     union
     select ?::uuid from last_sign_off where at is null`,
    [warning.id, warning.createdBy.id],
  );
  return new Set(rows.flatMap((r) => (r.author ? [r.author] : [])));
}

/**
 * A manager signs a pending warning off: it becomes ACTIVE. Four eyes: not a manager who added or
 * changed it since it was last signed off (SAME_PERSON, nothing changed).
 */
export async function signOffWarning(
  em: EntityManager,
  caller: Caller,
  id: string,
  expectedVersion?: number | null,
): Promise<Warning> {
  return em.transactional(async (tx) => {
    const warning = await lockWarning(tx, caller, id);
    checkVersion(warning, expectedVersion);
    if (warning.status !== 'PENDING_SIGN_OFF') {
      throw new InvalidTransitionError(
        `Only a warning waiting for sign-off can be signed off; this one is ${warning.status}`,
        warning.status,
        'ACTIVE',
      );
    }
    const signer = caller.identity.kind === 'staff' ? caller.identity.userId : null;
    if (!signer || (await authorsAwaitingSignOff(tx, warning)).has(signer)) {
      throw new SamePersonError(
        'You added or changed this warning, so someone else must sign it off: ask another manager',
      );
    }
    warning.status = 'ACTIVE';
    warning.signedOffBy = me(tx, caller);
    warning.signedOffAt = new Date();
    warning.version += 1;
    chronicle(tx, caller, warning, 'WARNING_SIGNED_OFF');
    audit(tx, caller, 'UPDATE', 'Warning', [warning.id]);
    await tx.flush();
    return warning;
  });
}

/** Ends a warning that no longer applies, with the reason. */
export async function endWarning(
  em: EntityManager,
  caller: Caller,
  id: string,
  rawInput: unknown,
): Promise<Warning> {
  const input = parseInput(reasonSchema, rawInput);
  return em.transactional(async (tx) => {
    const warning = await lockWarning(tx, caller, id);
    if (warning.status === 'ENDED') {
      throw new InvalidTransitionError('This warning has already ended', 'ENDED', 'ENDED');
    }
    warning.status = 'ENDED';
    warning.endedAt = new Date();
    warning.endedBy = me(tx, caller);
    warning.endReason = input.reason;
    warning.version += 1;
    chronicle(tx, caller, warning, 'WARNING_ENDED', { reason: input.reason });
    audit(tx, caller, 'UPDATE', 'Warning', [warning.id]);
    await tx.flush();
    return warning;
  });
}

export async function getWarning(em: EntityManager, caller: Caller, id: string): Promise<Warning> {
  const warning = isUuid(id) ? await em.findOne(Warning, { id }) : null;
  if (!warning) throw new NotFoundError('Warning');
  if (warning.person)
    await findVisiblePerson(em, caller, warning.person.id).catch(() => {
      throw new NotFoundError('Warning');
    });
  audit(em, caller, 'READ', 'Warning', [warning.id]);
  return warning;
}

/** A warning row, with the household it is shown for and whether its person is hidden from the caller. */
export interface WarningFor {
  warning: Warning;
  /** The person it is on is restricted and the caller holds no grant. */
  personHidden: boolean;
}

/**
 * The warnings to show for households (batched per request): on the household itself, and on
 * anyone living there today. Ended ones only if asked.
 */
export function warningsForHousehold(
  em: EntityManager,
  caller: Caller,
  householdId: string,
  includeEnded: boolean,
): Promise<WarningFor[]> {
  return load<WarningFor[]>(
    em,
    `household.warnings:${includeEnded}`,
    householdId,
    async (ids) => {
      const today = isoDateOf();
      const live = includeEnded ? '' : `and w.status <> 'ENDED'`;
      // Two index scans, never the organisation's whole list: the warnings on the households, and
      // those on their members today (a warning is on a household or on a person, never both).
      const rows = await sqlOf(em)<Record<string, unknown> & { for_household: string; hidden: boolean }>(
        `select w.*, (p.id is not null and not ${personVisibleSql('p')}) as hidden
           from (select w.*, w.household_id as for_household from warning w
                  where w.household_id = any(?::uuid[]) ${live}
                 union all
                 select w.*, m.household_id from household_member m join warning w on w.person_id = m.person_id
                  where m.household_id = any(?::uuid[]) and m.joined_on <= ? and (m.left_on is null or m.left_on >= ?) ${live}) w
           left join person p on p.id = w.person_id
          order by w.created_at, w.id`,
        [...visibilityParams(caller), pgArray(ids), pgArray(ids), today, today],
      );
      const found = rows.map((row) => ({
        household: row.for_household,
        item: { warning: em.map(Warning, row), personHidden: row.hidden },
      }));
      // Read, so audited: those the caller is shown (not those on someone restricted from them).
      const shown = found.filter((f) => !f.item.personHidden);
      if (shown.length)
        audit(em, caller, 'READ', 'Warning', [...new Set(shown.map((f) => f.item.warning.id))]);
      const grouped = groupBy(found, (f) => f.household);
      return new Map([...grouped].map(([k, v]) => [k, v.map((f) => f.item)]));
    },
    [],
  );
}

/** A person's warnings (batched per request). */
export function warningsOfPerson(
  em: EntityManager,
  caller: Caller,
  personId: string,
  includeEnded: boolean,
): Promise<Warning[]> {
  return load<Warning[]>(
    em,
    `person.warnings:${includeEnded}`,
    personId,
    async (ids) => {
      const rows = await em.find(
        Warning,
        {
          person: { $in: recordKeys(caller.identity.organisationId, ids) },
          ...(includeEnded ? {} : { status: { $ne: 'ENDED' as const } }),
        },
        { orderBy: [{ createdAt: 'asc' }, { id: 'asc' }] },
      );
      if (rows.length)
        audit(
          em,
          caller,
          'READ',
          'Warning',
          rows.map((w) => w.id),
        );
      return groupBy(rows, (w) => w.person!.id);
    },
    [],
  );
}

/**
 * Warnings of the organisation in one state, a page at a time: due for review (not ended, review
 * date today or past; earliest first) or waiting for sign-off (oldest first). Warnings on people
 * restricted from the caller are left out.
 */
export async function listWarnings(
  em: EntityManager,
  caller: Caller,
  which: 'DUE_FOR_REVIEW' | 'AWAITING_SIGN_OFF',
  args: { first?: number | null; after?: string | null },
): Promise<ConnectionShape<Warning>> {
  const limit = pageSize(args.first);
  const key = which === 'DUE_FOR_REVIEW' ? `(w.review_date::timestamptz)` : `w.created_at`;
  const condition =
    which === 'DUE_FOR_REVIEW'
      ? `w.status <> 'ENDED' and w.review_date <= ?`
      : `w.status = 'PENDING_SIGN_OFF' and ?::text is not null`;
  const where = `${condition} and (p.id is null or ${personVisibleSql('p')})`;
  const params = [isoDateOf(), ...visibilityParams(caller)];
  const cursor = args.after ? decodeCursor(args.after) : undefined;
  const sql = sqlOf(em);
  const rows = await sql<Record<string, unknown> & { sort_key: Date }>(
    `select w.*, ${key} as sort_key from warning w left join person p on p.id = w.person_id
      where ${where} ${cursor ? `and (${key}, w.id) > (?, ?)` : ''}
      order by ${key}, w.id limit ?`,
    [...params, ...(cursor ? [cursor.at, cursor.id] : []), limit + 1],
  );
  const [count] = await sql<{ n: number }>(
    `select count(*)::int as n from warning w left join person p on p.id = w.person_id where ${where}`,
    params,
  );
  const page = rows.slice(0, limit);
  const edges = page.map((row) => ({
    cursor: encodeCursor(new Date(row.sort_key), row.id as string),
    node: em.map(Warning, row),
  }));
  if (edges.length)
    audit(
      em,
      caller,
      'READ',
      'Warning',
      edges.map((e) => e.node.id),
    );
  return {
    totalCount: count?.n ?? 0,
    pageInfo: { hasNextPage: rows.length > limit, endCursor: edges.at(-1)?.cursor ?? null },
    edges,
  };
}
