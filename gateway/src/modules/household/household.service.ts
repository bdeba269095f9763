import { UniqueConstraintViolationException, type EntityManager } from '@mikro-orm/postgresql';
import {
  assignmentInputSchema,
  householdInputSchema,
  householdMemberInputSchema,
  isoDateOf,
  leaveHouseholdInputSchema,
  type HouseholdData,
} from '@doorstep/schema';
import { householdsWorkedWith, seesEveryHousehold } from '../../auth/record-rules.js';
import { exactlyOnce } from '../../common/idempotency.js';
import { sqlOf } from '../../common/sql.js';
import { parseInput, parseSubmission } from '../../common/input.js';
import { groupBy, load } from '../../common/loader.js';
import { isUuid } from '../../common/pagination.js';
import type { Caller } from '../../context.js';
import { BadUserInputError, InvalidTransitionError, NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';
import { hiddenAmong } from '../access/visibility.js';
import { Household, HouseholdAssignment, HouseholdMember } from './household.entity.js';
import { recordKeys, recordKey } from '../../common/keys.js';

const orgRef = (em: EntityManager, caller: Caller) =>
  em.getReference(Organisation, caller.identity.organisationId);
const userRef = (em: EntityManager, caller: Caller) =>
  caller.identity.kind === 'staff' ? em.getReference(User, caller.identity.userId) : undefined;

/**
 * The households a member of staff or contractor works with today: their current assignments
 * (a housing officer's patch, a repair job), the household their widget token is bound to, and any
 * household they hold a live grant for (given by a lead, or break-glass in an emergency).
 */
export async function householdIdsWorkedWith(em: EntityManager, caller: Caller): Promise<string[]> {
  const identity = caller.identity;
  if (identity.kind !== 'staff') return [];
  const today = isoDateOf();
  const bound = identity.householdId ?? null;
  const rows = await sqlOf(em)<{ id: string }>(
    `select w.id from ${householdsWorkedWith('?::uuid', '?::uuid', '?::date', '?::uuid')} as w(id)`,
    // In the order the rule names them: the organisation, the user and the day (assignments), the
    // organisation and the user (grants), the bound household (twice).
    [
      identity.organisationId,
      identity.userId,
      today,
      today,
      identity.organisationId,
      identity.userId,
      bound,
      bound,
    ],
  );
  return rows.map((row) => row.id);
}

/** Whether the caller may see this household's warnings before a visit. */
export async function worksWith(em: EntityManager, caller: Caller, householdId: string): Promise<boolean> {
  if (seesEveryHousehold(caller.identity)) return true;
  return (await householdIdsWorkedWith(em, caller)).includes(householdId);
}

/** One household of the caller's organisation, or NOT_FOUND. */
export async function findHousehold(em: EntityManager, id: string): Promise<Household> {
  const household = isUuid(id) ? await em.findOne(Household, { id }) : null;
  if (!household) throw new NotFoundError('Household');
  return household;
}

/**
 * Households by id (batched per request), for relations such as a concern's household: one query
 * and one audit row per household however many records point at it. Audited.
 */
export function householdById(em: EntityManager, caller: Caller, id: string): Promise<Household | null> {
  return load<Household | null>(
    em,
    'household.byId',
    id,
    async (ids) => {
      const found = new Map((await em.find(Household, { id: { $in: [...ids] } })).map((h) => [h.id, h]));
      if (found.size) audit(em, caller, 'READ', 'Household', [...found.keys()]);
      return found;
    },
    null,
  );
}

/** A household for the safeguarding team's view. Audited. */
export async function getHousehold(em: EntityManager, caller: Caller, id: string): Promise<Household> {
  const household = await findHousehold(em, id);
  audit(em, caller, 'READ', 'Household', [household.id]);
  return household;
}

const tenancyTaken = () =>
  new BadUserInputError([
    {
      field: 'tenancyReference',
      code: 'taken',
      message: 'Another household already has this tenancy reference',
    },
  ]);

async function saving<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof UniqueConstraintViolationException) throw tenancyTaken();
    throw error;
  }
}

/** Creates a household, once per idempotency key. */
export async function createHousehold(
  em: EntityManager,
  caller: Caller,
  rawKey: unknown,
  rawInput: unknown,
): Promise<Household> {
  const { input, idempotencyKey } = parseSubmission(householdInputSchema, rawInput, rawKey);
  const { id } = await saving(() =>
    em.transactional((tx) =>
      exactlyOnce(
        tx,
        caller,
        'createHousehold',
        idempotencyKey,
        input,
        async () => {
          const household = tx.create(Household, { ...fieldsOf(input), organisation: orgRef(tx, caller) });
          audit(tx, caller, 'CREATE', 'Household', [household.id]);
          await tx.flush();
          return { id: household.id };
        },
        (stored) => {
          // A retry is answered with the household as it is now: a read.
          audit(tx, caller, 'READ', 'Household', [(stored as { id: string }).id]);
          return stored as { id: string };
        },
      ),
    ),
  );
  return findHousehold(em, id);
}

function fieldsOf(input: HouseholdData) {
  return {
    tenancyReference: input.tenancyReference,
    addressLine1: input.addressLine1,
    addressLine2: input.addressLine2 ?? null,
    town: input.town ?? null,
    postcode: input.postcode,
    localAuthorityArea: input.localAuthorityArea,
    tenure: input.tenure,
  };
}

export async function updateHousehold(
  em: EntityManager,
  caller: Caller,
  id: string,
  rawInput: unknown,
): Promise<Household> {
  const input = parseInput(householdInputSchema, rawInput);
  return saving(() =>
    em.transactional(async (tx) => {
      const household = await findHousehold(tx, id);
      tx.assign(household, fieldsOf(input));
      audit(tx, caller, 'UPDATE', 'Household', [household.id]);
      await tx.flush();
      return household;
    }),
  );
}

/** A person of the organisation the caller may see (not restricted from them, not merged away). */
export async function findVisiblePerson(em: EntityManager, caller: Caller, id: string): Promise<Person> {
  // A merged record is a tombstone (filtered on mergedAt: src/common/keys.ts says why not mergedInto).
  const person = isUuid(id) ? await em.findOne(Person, { id, mergedAt: null }) : null;
  if (!person || (await hiddenAmong(em, caller, [person])).has(person.id)) throw new NotFoundError('Person');
  return person;
}

/**
 * Someone joins a household. Recorded in both chronologies. The membership is answered with its
 * person and household, read here: audited.
 */
export async function addHouseholdMember(
  em: EntityManager,
  caller: Caller,
  householdId: string,
  rawInput: unknown,
): Promise<HouseholdMember> {
  const input = parseInput(householdMemberInputSchema, rawInput);
  return em.transactional(async (tx) => {
    const household = await findHousehold(tx, householdId);
    const person = await findVisiblePerson(tx, caller, input.personId).catch(() => {
      throw new BadUserInputError([{ field: 'personId', code: 'not_found', message: 'No such person' }]);
    });
    audit(tx, caller, 'READ', 'Person', [person.id]);
    audit(tx, caller, 'READ', 'Household', [household.id]);
    return joinHousehold(tx, caller, household, person, input.role, input.joinedOn);
  });
}

/** Adds a membership and its chronology entry, in the caller's transaction. */
export async function joinHousehold(
  em: EntityManager,
  caller: Caller,
  household: Household,
  person: Person,
  role: HouseholdMember['role'],
  joinedOn: string,
): Promise<HouseholdMember> {
  const open = await em.count(HouseholdMember, { household, person, leftOn: null });
  if (open) {
    throw new BadUserInputError([
      { field: 'personId', code: 'already_member', message: 'This person already lives in this household' },
    ]);
  }
  const member = em.create(HouseholdMember, {
    organisation: orgRef(em, caller),
    household,
    person,
    role,
    joinedOn,
  });
  recordChronology(em, caller, {
    kind: 'MEMBER_JOINED',
    occurredAt: new Date(`${joinedOn}T00:00:00Z`),
    householdId: household.id,
    personIds: [person.id],
    sourceType: 'HouseholdMember',
    sourceId: member.id,
    summary: `Joined the household (${role})`,
    detail: { role, joinedOn },
  });
  audit(em, caller, 'CREATE', 'HouseholdMember', [member.id]);
  await em.flush();
  return member;
}

/** Someone leaves a household. Answered with the person and household, read here: audited. */
export async function endHouseholdMembership(
  em: EntityManager,
  caller: Caller,
  memberId: string,
  rawInput: unknown,
): Promise<HouseholdMember> {
  const input = parseInput(leaveHouseholdInputSchema, rawInput);
  return em.transactional(async (tx) => {
    const member = isUuid(memberId) ? await tx.findOne(HouseholdMember, { id: memberId }) : null;
    if (!member || (await hiddenAmong(tx, caller, [await tx.findOneOrFail(Person, member.person)])).size) {
      throw new NotFoundError('Household member');
    }
    if (member.leftOn) {
      throw new InvalidTransitionError('This person has already left the household', 'LEFT', 'LEFT');
    }
    if (input.leftOn < member.joinedOn) {
      throw new BadUserInputError([
        { field: 'leftOn', code: 'too_small', message: 'The date they left must be on or after they joined' },
      ]);
    }
    member.leftOn = input.leftOn;
    recordChronology(tx, caller, {
      kind: 'MEMBER_LEFT',
      occurredAt: new Date(`${input.leftOn}T00:00:00Z`),
      householdId: member.household.id,
      personIds: [member.person.id],
      sourceType: 'HouseholdMember',
      sourceId: member.id,
      summary: 'Left the household',
      detail: { leftOn: input.leftOn },
    });
    audit(tx, caller, 'UPDATE', 'HouseholdMember', [member.id]);
    audit(tx, caller, 'READ', 'Person', [member.person.id]);
    audit(tx, caller, 'READ', 'Household', [member.household.id]);
    await tx.flush();
    return member;
  });
}

/**
 * The members of households (batched per request), people loaded, leaving out anyone restricted
 * from the caller. `current`: only those living there today.
 */
export function membersOf(
  em: EntityManager,
  caller: Caller,
  householdId: string,
  current: boolean,
): Promise<HouseholdMember[]> {
  return load<HouseholdMember[]>(
    em,
    `household.members:${current}`,
    householdId,
    async (ids) => {
      const today = isoDateOf();
      const rows = await em.find(
        HouseholdMember,
        {
          household: { $in: recordKeys(caller.identity.organisationId, ids) },
          ...(current
            ? { joinedOn: { $lte: today }, $or: [{ leftOn: null }, { leftOn: { $gte: today } }] }
            : {}),
        },
        { populate: ['person'], orderBy: [{ joinedOn: 'asc' }, { id: 'asc' }] },
      );
      const hidden = await hiddenAmong(
        em,
        caller,
        rows.map((r) => r.person),
      );
      const visible = rows.filter((r) => !hidden.has(r.person.id));
      const people = [...new Set(visible.map((r) => r.person.id))];
      if (people.length) audit(em, caller, 'READ', 'Person', people);
      return groupBy(visible, (r) => r.household.id);
    },
    [],
  );
}

/** A person's household memberships (batched per request). */
export function membershipsOf(
  em: EntityManager,
  caller: Caller,
  personId: string,
): Promise<HouseholdMember[]> {
  return load<HouseholdMember[]>(
    em,
    'person.memberships',
    personId,
    async (ids) => {
      const rows = await em.find(
        HouseholdMember,
        { person: { $in: recordKeys(caller.identity.organisationId, ids) } },
        { populate: ['household'], orderBy: [{ joinedOn: 'asc' }, { id: 'asc' }] },
      );
      if (rows.length) audit(em, caller, 'READ', 'Household', [...new Set(rows.map((r) => r.household.id))]);
      return groupBy(rows, (r) => r.person.id);
    },
    [],
  );
}

/** Someone starts working with a household (a patch, a job). Managed by safeguarding leads. */
export async function assignHousehold(
  em: EntityManager,
  caller: Caller,
  rawInput: unknown,
): Promise<HouseholdAssignment> {
  const input = parseInput(assignmentInputSchema, rawInput);
  return em.transactional(async (tx) => {
    const household = await findHousehold(tx, input.householdId).catch(() => {
      throw new BadUserInputError([
        { field: 'householdId', code: 'not_found', message: 'No such household' },
      ]);
    });
    const worker = await tx.findOne(User, { id: input.userId, deactivatedAt: null });
    if (!worker) {
      throw new BadUserInputError([
        { field: 'userId', code: 'not_found', message: 'No such member of staff in your organisation' },
      ]);
    }
    const assignment = tx.create(HouseholdAssignment, {
      organisation: orgRef(tx, caller),
      user: worker,
      household,
      fromDate: input.from,
      untilDate: input.until ?? null,
      reason: input.reason,
      note: input.note ?? null,
      createdBy: userRef(tx, caller)!,
    });
    audit(tx, caller, 'CREATE', 'HouseholdAssignment', [assignment.id]);
    await tx.flush();
    return assignment;
  });
}

/** Ends an assignment on a day (today by default): from the next day they no longer see the household. */
export async function endAssignment(
  em: EntityManager,
  caller: Caller,
  id: string,
  until: string | null | undefined,
): Promise<HouseholdAssignment> {
  const day = until ?? isoDateOf();
  return em.transactional(async (tx) => {
    const assignment = isUuid(id) ? await tx.findOne(HouseholdAssignment, { id }) : null;
    if (!assignment) throw new NotFoundError('Assignment');
    if (!/^\d{4}-\d{2}-\d{2}$/.test(day) || day < assignment.fromDate) {
      throw new BadUserInputError([
        { field: 'until', code: 'invalid', message: 'Enter a date on or after the assignment started' },
      ]);
    }
    if (assignment.untilDate && assignment.untilDate < isoDateOf()) {
      throw new InvalidTransitionError('This assignment has already ended', 'ENDED', 'ENDED');
    }
    assignment.untilDate = day;
    audit(tx, caller, 'UPDATE', 'HouseholdAssignment', [assignment.id]);
    await tx.flush();
    return assignment;
  });
}

/** Assignments, of one household or one member of staff; current ones only unless asked. */
export async function listAssignments(
  em: EntityManager,
  caller: Caller,
  args: { householdId?: string | null; userId?: string | null; includeEnded?: boolean | null },
): Promise<HouseholdAssignment[]> {
  const today = isoDateOf();
  if (args.householdId && !isUuid(args.householdId)) return [];
  if (args.userId && !isUuid(args.userId)) return [];
  const assignments = await em.find(
    HouseholdAssignment,
    {
      ...(args.householdId ? { household: recordKey(caller.identity.organisationId, args.householdId) } : {}),
      ...(args.userId ? { user: args.userId } : {}),
      ...(args.includeEnded ? {} : { $or: [{ untilDate: null }, { untilDate: { $gte: today } }] }),
    },
    { populate: ['user'], orderBy: [{ fromDate: 'asc' }, { id: 'asc' }], limit: 500 },
  );
  const ids = assignments.map((a) => a.id);
  if (ids.length) audit(em, caller, 'READ', 'HouseholdAssignment', ids);
  return assignments;
}
