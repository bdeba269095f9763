import type * as z from 'zod';
import { LockMode, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import {
  caseActionInputSchema,
  caseActionUpdateSchema,
  caseClosureSchema,
  caseLeadWorkerSchema,
  caseListFilterSchema,
  caseNoteInputSchema,
  casePersonInputSchema,
  casePersonRemovalSchema,
  caseReviewInputSchema,
  caseReviewSignOffSchema,
  openCaseInputSchema,
  reasonSchema,
  type ChronologyKind,
  type DesiredOutcomesData,
  type TriageCaseData,
} from '@doorstep/schema';
import { caseVisible } from '../../auth/record-rules.js';
import { parseInput } from '../../common/input.js';
import { recordKeys, recordRef } from '../../common/keys.js';
import { groupBy, load } from '../../common/loader.js';
import { isUuid, pageSize } from '../../common/pagination.js';
import { pgArray, sqlOf } from '../../common/sql.js';
import { staffOf, type Caller } from '../../context.js';
import { fieldError, InvalidTransitionError, NotFoundError, StaleVersionError } from '../../errors.js';
import { hiddenAmong, userIdOf } from '../access/visibility.js';
import { audit } from '../audit/audit.service.js';
import { recordChronology } from '../chronology/record.js';
import { ConcernPerson } from '../concern/concern-person.entity.js';
import { Concern } from '../concern/concern.entity.js';
import { findConcern } from '../concern/concern.service.js';
import { findHousehold, findVisiblePerson } from '../household/household.service.js';
import { Organisation } from '../organisation/organisation.entity.js';
import { User } from '../organisation/user.entity.js';
import { Person } from '../person/person.entity.js';
import {
  Case,
  CaseAction,
  CaseConcern,
  CaseNote,
  CasePerson,
  CasePersonRemoval,
  CaseReview,
} from './case.entity.js';
import { reviewEveryWeeksFor } from './case-review-policy.service.js';

/**
 * The case lifecycle (DESIGN.md "Case"): OPEN → CLOSED (only with the Making Safeguarding Personal
 * outcome) → OPEN again (only with a reason), and so on. While a case is OPEN its plan changes,
 * notes and reviews are added; a CLOSED case takes none (INVALID_TRANSITION: reopen it first).
 * Every change locks the case row first (`select … for update`), so changes to one case are served
 * one after the other; a client that sends `expectedVersion` gets STALE_VERSION if the case (or the
 * action or review it changes) moved on since it read it. Each change is audited, and lands in the
 * chronology of the case's people and household with a summary of codes and dates (the free text
 * stays on the case: the chronology entry points at it).
 */

const WEEK_MS = 7 * 24 * 60 * 60 * 1000;
const weeksAfter = (at: Date, weeks: number) => new Date(at.getTime() + weeks * WEEK_MS);

const me = (em: EntityManager, caller: Caller) => em.getReference(User, staffOf(caller).userId);
const words = (code: string) => code.toLowerCase().replaceAll('_', ' ');

/** The people a case is about, in the order they were added. Batched per request. */
export function casePeopleIds(em: EntityManager, c: Case): Promise<string[]> {
  return load<CasePerson[]>(
    em,
    'case.people',
    c.id,
    async (ids) =>
      groupBy(
        await em.find(
          CasePerson,
          { case: { $in: recordKeys(c.organisation.id, ids) } },
          { orderBy: { ordinal: 'asc' } },
        ),
        (l) => l.case.id,
      ),
    [],
  ).then((links) => links.map((l) => l.person.id));
}

/** The concerns a case was opened from or has attached. Batched per request. */
export function caseConcernIds(em: EntityManager, c: Case): Promise<string[]> {
  return load<CaseConcern[]>(
    em,
    'case.concerns',
    c.id,
    async (ids) =>
      groupBy(
        await em.find(
          CaseConcern,
          { case: { $in: recordKeys(c.organisation.id, ids) } },
          { orderBy: [{ attachedAt: 'asc' }, { id: 'asc' }] },
        ),
        (l) => l.case.id,
      ),
    [],
  ).then((links) => links.map((l) => l.concern.id));
}

/** What a chronology entry about a case says it is about. */
async function about(em: EntityManager, c: Case) {
  return {
    householdId: c.household?.id ?? null,
    personIds: await casePeopleIds(em, c),
    sourceType: 'Case',
    sourceId: c.id,
  };
}

async function chronicle(
  em: EntityManager,
  caller: Caller,
  c: Case,
  kind: ChronologyKind,
  summary: string,
  detail: Record<string, unknown> = {},
  occurredAt = new Date(),
  personIds?: string[],
) {
  const subject = await about(em, c);
  recordChronology(em, caller, {
    kind,
    occurredAt,
    ...subject,
    personIds: personIds ?? subject.personIds,
    summary,
    detail: { caseId: c.id, status: c.status, ...detail },
  });
}

/** Whether the caller may see the case: none of its people is restricted from them. */
async function hiddenFrom(em: EntityManager, caller: Caller, c: Case): Promise<boolean> {
  const links = await em.find(CasePerson, { case: c }, { populate: ['person'] });
  return (
    (
      await hiddenAmong(
        em,
        caller,
        links.map((l) => l.person),
      )
    ).size > 0
  );
}

/** A case of the caller's organisation that they may see (not audited: the caller audits). */
export async function findCase(em: EntityManager, caller: Caller, id: string, lock = false): Promise<Case> {
  const found = isUuid(id)
    ? await em.findOne(Case, { id }, lock ? { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true } : {})
    : null;
  if (!found || (await hiddenFrom(em, caller, found))) throw new NotFoundError('Case');
  return found;
}

/** A case, read: audited. */
export async function getCase(em: EntityManager, caller: Caller, id: string): Promise<Case> {
  const c = await findCase(em, caller, id);
  audit(em, caller, 'READ', 'Case', [c.id]);
  await em.flush();
  return c;
}

/** Cases of the organisation the caller may see, newest first, by status, person, household or lead. */
export async function listCases(
  em: EntityManager,
  caller: Caller,
  rawFilter: unknown,
  first?: number | null,
): Promise<Case[]> {
  const filter = parseInput(caseListFilterSchema, rawFilter ?? {});
  const organisation = caller.identity.organisationId;
  // The rule names the organisation once and the user twice, in that order.
  const where: string[] = [`c.organisation_id = ?`, caseVisible('c', '?::uuid', '?::uuid')];
  const params: unknown[] = [organisation, organisation, userIdOf(caller), userIdOf(caller)];
  const add = (condition: string, value: unknown) => {
    where.push(condition);
    params.push(value);
  };
  if (filter.status) add('c.status = ?', filter.status);
  if (filter.householdId) add('c.household_id = ?', filter.householdId);
  if (filter.leadWorkerId) add('c.lead_worker_id = ?', filter.leadWorkerId);
  if (filter.personId) {
    add(
      `exists (select 1 from case_person cp where cp.organisation_id = c.organisation_id
                and cp.case_id = c.id and cp.person_id = ?)`,
      filter.personId,
    );
  }
  const rows = await sqlOf(em)<{ id: string }>(
    `select c.id from safeguarding_case c where ${where.join(' and ')}
      order by c.opened_at desc, c.id desc limit ?`,
    [...params, pageSize(first)],
  );
  const ids = rows.map((r) => r.id);
  const cases = ids.length ? await em.find(Case, { id: { $in: ids } }) : [];
  const byId = new Map(cases.map((c) => [c.id, c]));
  const ordered = ids.flatMap((id) => byId.get(id) ?? []);
  if (ordered.length)
    audit(
      em,
      caller,
      'READ',
      'Case',
      ordered.map((c) => c.id),
    );
  await em.flush();
  return ordered;
}

/** How far ahead the work queue looks for case actions and reviews falling due, unless asked. */
export const CASE_WORK_DAYS = 14;

/**
 * What falls due on open cases in the next `withinDays` days (1–60, default 14), not yet overdue
 * (an overdue action or review is a task): open actions due from today (UK days) and reviews due
 * from now, soonest first, at most 100 of each. A safeguarding lead sees the organisation's cases;
 * anyone else their own as lead worker. Cases about someone restricted from the caller are left
 * out. Audited: each action and case read.
 */
export async function caseWorkDue(
  em: EntityManager,
  caller: Caller,
  withinDays?: number | null,
): Promise<{ actions: CaseAction[]; reviews: Case[] }> {
  const days = withinDays ?? CASE_WORK_DAYS;
  if (!Number.isInteger(days) || days < 1 || days > 60) {
    throw fieldError('withinDays', 'Give a whole number of days from 1 to 60');
  }
  const me = staffOf(caller);
  const mine = me.roles.includes('SAFEGUARDING_LEAD') ? 'true' : 'c.lead_worker_id = ?::uuid';
  const scope = [me.organisationId, ...(mine === 'true' ? [] : [me.userId])];
  const visible = caseVisible('c', '?::uuid', '?::uuid');
  const visibility = [me.organisationId, me.userId, me.userId];
  const today = `(now() at time zone 'Europe/London')::date`;
  const sql = sqlOf(em);
  const actionRows = await sql<{ id: string }>(
    `select a.id from case_action a
       join safeguarding_case c on c.organisation_id = a.organisation_id and c.id = a.case_id
      where c.organisation_id = ? and ${mine} and c.status = 'OPEN' and a.status = 'OPEN'
        and a.due_on between ${today} and ${today} + ?::int and ${visible}
      order by a.due_on, a.id limit 100`,
    [...scope, days, ...visibility],
  );
  const reviewRows = await sql<{ id: string }>(
    `select c.id from safeguarding_case c
      where c.organisation_id = ? and ${mine} and c.status = 'OPEN'
        and c.next_review_due > now() and c.next_review_due <= now() + make_interval(days => ?::int) and ${visible}
      order by c.next_review_due, c.id limit 100`,
    [...scope, days, ...visibility],
  );
  const inOrder = <T extends { id: string }>(ids: string[], rows: T[]) => {
    const byId = new Map(rows.map((r) => [r.id, r]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };
  const actionIds = actionRows.map((r) => r.id);
  const reviewIds = reviewRows.map((r) => r.id);
  const actions = inOrder(
    actionIds,
    actionIds.length ? await em.find(CaseAction, { id: { $in: actionIds } }) : [],
  );
  const reviews = inOrder(reviewIds, reviewIds.length ? await em.find(Case, { id: { $in: reviewIds } }) : []);
  if (actions.length)
    audit(
      em,
      caller,
      'READ',
      'CaseAction',
      actions.map((a) => a.id),
    );
  if (reviews.length)
    audit(
      em,
      caller,
      'READ',
      'Case',
      reviews.map((c) => c.id),
    );
  await em.flush();
  return { actions, reviews };
}

/** The lead worker: an active safeguarding lead or champion of the organisation. */
async function leadWorker(em: EntityManager, caller: Caller, id: string | undefined, field: string) {
  if (!id) return me(em, caller);
  const user = await em.findOne(User, {
    id,
    organisation: caller.identity.organisationId,
    deactivatedAt: null,
  });
  if (!user || !user.roles.some((r) => r === 'SAFEGUARDING_LEAD' || r === 'SAFEGUARDING_CHAMPION')) {
    throw fieldError(field, 'Choose a safeguarding lead or champion of your organisation');
  }
  return user;
}

const desiredOutcomeFields = (views: DesiredOutcomesData) => ({
  desiredOutcomesStatus: views.status,
  desiredOutcomes: views.status === 'ASKED_EXPRESSED' ? (views.views ?? null) : null,
  desiredOutcomesNotAskedReason: views.status === 'NOT_ASKED' ? (views.notAskedReason ?? null) : null,
});

interface Opening {
  leadWorkerId?: string;
  desiredOutcomes: DesiredOutcomesData;
  reviewEveryWeeks?: number;
  people: readonly string[];
  householdId: string | null;
  concerns: readonly Concern[];
  /** Field names of refusals, under this prefix (`case` at triage). */
  at?: string;
}

/** Opens a case in the caller's transaction: its people, concerns, chronology and trail. */
async function open(tx: EntityManager, caller: Caller, o: Opening): Promise<Case> {
  const field = (name: string) => (o.at ? `${o.at}.${name}` : name);
  const organisationId = caller.identity.organisationId;
  const now = new Date();
  const weeks = o.reviewEveryWeeks ?? (await reviewEveryWeeksFor(tx, organisationId));
  const c = tx.create(Case, {
    organisation: tx.getReference(Organisation, organisationId),
    household: o.householdId ? await findHousehold(tx, o.householdId) : null,
    leadWorker: await leadWorker(tx, caller, o.leadWorkerId, field('leadWorkerId')),
    openedBy: me(tx, caller),
    openedAt: now,
    reviewEveryWeeks: weeks,
    nextReviewDue: weeksAfter(now, weeks),
    ...desiredOutcomeFields(o.desiredOutcomes),
  });
  for (const [ordinal, personId] of [...new Set(o.people)].entries()) {
    tx.create(CasePerson, {
      organisation: c.organisation,
      case: c,
      person: recordRef(tx, Person, organisationId, personId),
      ordinal,
    });
  }
  for (const concern of o.concerns)
    tx.create(CaseConcern, { organisation: c.organisation, case: c, concern });
  await tx.flush();
  await chronicle(tx, caller, c, 'CASE_OPENED', `Case opened, reviewed every ${weeks} weeks`, {
    concernIds: o.concerns.map((x) => x.id),
    references: o.concerns.map((x) => x.reference),
    leadWorkerId: c.leadWorker.id,
    nextReviewDue: c.nextReviewDue.toISOString(),
  });
  audit(tx, caller, 'CREATE', 'Case', [c.id]);
  await tx.flush();
  return c;
}

/** The subjects (people on record the concern is about) of a concern. */
async function subjectsOf(em: EntityManager, concern: Concern): Promise<string[]> {
  const links = await em.find(ConcernPerson, { concern, role: 'SUBJECT' }, { orderBy: { ordinal: 'asc' } });
  return links.map((l) => l.person.id);
}

/**
 * Serialises triage about the same people until the transaction ends (an advisory lock per person,
 * taken in one order so two triages cannot deadlock): of two concerns about someone triaged
 * OPEN_CASE at the same moment, the second waits, then finds the first's case and joins it rather
 * than opening another. A unique index cannot say "one open case per person": the person is on
 * `case_person` and the status on the case.
 */
async function lockPeopleForCasework(tx: EntityManager, people: readonly string[]): Promise<void> {
  for (const id of [...new Set(people)].sort()) {
    await sqlOf(tx)(`select pg_advisory_xact_lock(hashtextextended(?, 0))`, [`doorstep:casework:${id}`]);
  }
}

/** The open case, newest first, about any of these people, if there is one. */
async function openCaseAbout(em: EntityManager, people: readonly string[]): Promise<Case | null> {
  if (!people.length) return null;
  const rows = await sqlOf(em)<{ id: string }>(
    `select c.id from safeguarding_case c
      where c.status = 'OPEN' and exists (select 1 from case_person cp
              where cp.organisation_id = c.organisation_id and cp.case_id = c.id and cp.person_id = any(?::uuid[]))
      order by c.opened_at desc, c.id desc limit 1`,
    [pgArray(people)],
  );
  return rows[0]
    ? em.findOneOrFail(Case, { id: rows[0].id }, { lockMode: LockMode.PESSIMISTIC_WRITE })
    : null;
}

/** Attaches a concern to an open case: once (a concern belongs to one case), in its chronology. */
async function attach(tx: EntityManager, caller: Caller, c: Case, concern: Concern): Promise<void> {
  tx.create(CaseConcern, { organisation: c.organisation, case: c, concern });
  await chronicle(
    tx,
    caller,
    c,
    'CASE_CONCERN_ATTACHED',
    `Concern ${concern.reference} attached to the case`,
    {
      concernId: concern.id,
      reference: concern.reference,
    },
  );
  audit(tx, caller, 'UPDATE', 'Case', [c.id]);
  await tx.flush();
}

/**
 * After a triage (in its transaction): a concern about someone with an open case attaches to that
 * case, whatever the decision (the newest such case, if there are several); a decision to
 * OPEN_CASE with no such case opens one, led by `input.leadWorkerId` or whoever triaged, starting
 * from what matters to the person as the concern recorded it (or `input.desiredOutcomes`), about
 * the concern's subjects and household. A concern already in a case stays in it: OPEN_CASE then
 * opens nothing (INVALID_TRANSITION if that case is closed: reopen it).
 */
export async function caseAtTriage(
  tx: EntityManager,
  caller: Caller,
  concern: Concern,
  input: TriageCaseData | undefined,
): Promise<Case | null> {
  const ignored = () =>
    fieldError('case', 'This concern is added to the case already open about its people: leave `case` out');
  const existing = await tx.findOne(CaseConcern, { concern }, { populate: ['case'] });
  if (existing) {
    if (input && existing.case.status === 'OPEN') throw ignored();
    if (concern.triageDecision === 'OPEN_CASE' && existing.case.status === 'CLOSED') {
      throw new InvalidTransitionError(
        'This concern’s case is closed: reopen the case, with the reason, rather than opening another',
        'CLOSED',
        'OPEN',
      );
    }
    return existing.case;
  }
  const subjects = await subjectsOf(tx, concern);
  await lockPeopleForCasework(tx, subjects);
  const current = await openCaseAbout(tx, subjects);
  if (current) {
    if (input) throw ignored();
    await attach(tx, caller, current, concern);
    return current;
  }
  if (concern.triageDecision !== 'OPEN_CASE') return null;
  return open(tx, caller, {
    leadWorkerId: input?.leadWorkerId,
    reviewEveryWeeks: input?.reviewEveryWeeks,
    desiredOutcomes: input?.desiredOutcomes ?? {
      status: concern.viewsStatus,
      views: concern.views ?? undefined,
      notAskedReason: concern.viewsNotAskedReason ?? undefined,
    },
    people: subjects,
    householdId: concern.household?.id ?? null,
    concerns: [concern],
    at: 'case',
  });
}

/**
 * A lead opens a case directly: about the people named and the subjects of the concerns given
 * (triaged concerns not yet in a case), and the household given or the concerns' one.
 */
export async function openCase(em: EntityManager, caller: Caller, raw: unknown): Promise<Case> {
  const input = parseInput(openCaseInputSchema, raw);
  return em.transactional(async (tx) => {
    const concerns: Concern[] = [];
    for (const [i, id] of (input.concernIds ?? []).entries()) {
      const concern = await findConcern(tx, caller, id).catch(() => {
        throw fieldError(`concernIds.${i}`, 'No such concern');
      });
      if (concern.status === 'RAISED') throw fieldError(`concernIds.${i}`, 'Triage the concern first');
      if (await tx.count(CaseConcern, { concern })) {
        throw fieldError(`concernIds.${i}`, 'This concern is already in a case');
      }
      concerns.push(concern);
    }
    const people = [...(input.personIds ?? [])];
    for (const [i, id] of people.entries()) {
      await findVisiblePerson(tx, caller, id).catch(() => {
        throw fieldError(`personIds.${i}`, 'No such person');
      });
    }
    for (const concern of concerns) people.push(...(await subjectsOf(tx, concern)));
    if (!people.length) {
      throw fieldError(
        'personIds',
        'Select the people the case is about: the concerns name nobody on record',
      );
    }
    const householdId = input.householdId ?? concerns.find((c) => c.household)?.household?.id ?? null;
    if (input.householdId) {
      await findHousehold(tx, input.householdId).catch(() => {
        throw fieldError('householdId', 'No such household');
      });
    }
    return open(tx, caller, {
      leadWorkerId: input.leadWorkerId,
      reviewEveryWeeks: input.reviewEveryWeeks,
      desiredOutcomes: input.desiredOutcomes,
      people,
      householdId,
      concerns,
    });
  });
}

function checkVersion(record: { version: number }, expected: number | null | undefined) {
  if (expected != null && expected !== record.version) throw new StaleVersionError(record.version);
}

/** The case, locked, at the version expected, and OPEN (a closed case takes no work: reopen it). */
async function openForWork(tx: EntityManager, caller: Caller, id: string, expectedVersion?: number | null) {
  const c = await findCase(tx, caller, id, true);
  checkVersion(c, expectedVersion);
  return mustBeOpen(c);
}

/** The case, if it is open: a closed case takes no work (INVALID_TRANSITION: reopen it first). */
export function mustBeOpen(c: Case): Case {
  if (c.status !== 'OPEN') {
    throw new InvalidTransitionError(
      'This case is closed: reopen it, with the reason, first',
      'CLOSED',
      'CLOSED',
    );
  }
  return c;
}

/**
 * A part of a case (a plan action, a review), locked for change at the version expected, with its
 * case locked first (as every change to a case is): NOT_FOUND, as `what`, if either is not the
 * caller's to see.
 */
async function lockPart<T extends CaseAction | CaseReview>(
  tx: EntityManager,
  caller: Caller,
  entity: EntityClass<T>,
  what: string,
  id: string,
  expectedVersion: number | null | undefined,
): Promise<{ c: Case; part: T }> {
  const found = isUuid(id) ? await tx.findOne(entity, { id } as FilterQuery<T>) : null;
  if (!found) throw new NotFoundError(what);
  const c = await findCase(tx, caller, found.case.id, true).catch((error: unknown) => {
    throw error instanceof NotFoundError ? new NotFoundError(what) : error;
  });
  const part = await tx.findOneOrFail(entity, { id } as FilterQuery<T>, {
    lockMode: LockMode.PESSIMISTIC_WRITE,
    refresh: true,
  });
  checkVersion(part, expectedVersion);
  return { c, part };
}

/** Adds an action to an open case's plan. */
export async function addCaseAction(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  raw: unknown,
): Promise<CaseAction> {
  const input = parseInput(caseActionInputSchema, raw);
  return em.transactional(async (tx) => {
    const c = await openForWork(tx, caller, caseId);
    const action = tx.create(CaseAction, {
      organisation: c.organisation,
      case: c,
      ...input,
      createdBy: me(tx, caller),
    });
    await chronicle(tx, caller, c, 'CASE_ACTION_ADDED', `Case plan: action added, due ${input.dueOn}`, {
      actionId: action.id,
      dueOn: input.dueOn,
    });
    audit(tx, caller, 'CREATE', 'CaseAction', [action.id]);
    await tx.flush();
    return action;
  });
}

/** Changes an action of an open case's plan: its words, who, due date, status (DONE, CANCELLED…). */
export async function updateCaseAction(
  em: EntityManager,
  caller: Caller,
  id: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<CaseAction> {
  const input = parseInput(caseActionUpdateSchema, raw);
  return em.transactional(async (tx) => {
    const { c, part: action } = await lockPart(tx, caller, CaseAction, 'Case action', id, expectedVersion);
    mustBeOpen(c);
    const before = { status: action.status, dueOn: action.dueOn };
    Object.assign(action, input, { version: action.version + 1 });
    await chronicle(
      tx,
      caller,
      c,
      'CASE_ACTION_CHANGED',
      before.status === action.status
        ? `Case plan: action changed, due ${action.dueOn}`
        : `Case plan: action ${words(action.status)}`,
      { actionId: action.id, before, status: action.status, dueOn: action.dueOn },
    );
    // Done or cancelled: its overdue task (if any) is done too.
    if (action.status !== 'OPEN') await closeTasks(tx, 'CASE_ACTION_OVERDUE', 'CaseAction', action.id);
    audit(tx, caller, 'UPDATE', 'CaseAction', [action.id]);
    await tx.flush();
    return action;
  });
}

/** Adds a note to an open case: in the chronology at the time it happened. */
export async function addCaseNote(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  raw: unknown,
): Promise<CaseNote> {
  const input = parseInput(caseNoteInputSchema, raw);
  return em.transactional(async (tx) => {
    const c = await openForWork(tx, caller, caseId);
    const note = tx.create(CaseNote, {
      organisation: c.organisation,
      case: c,
      type: input.type,
      occurredAt: input.occurredAt,
      present: input.present ?? null,
      body: input.body,
      author: me(tx, caller),
    });
    await chronicle(
      tx,
      caller,
      c,
      'CASE_NOTE_ADDED',
      `Case note: ${words(input.type)}`,
      { noteId: note.id, type: input.type },
      input.occurredAt,
    );
    audit(tx, caller, 'CREATE', 'CaseNote', [note.id]);
    await tx.flush();
    return note;
  });
}

/**
 * Records a review of an open case: how it is going, and what matters to the person now (as before
 * unless it changed). The next review is due a frequency after this one; the review waits for a
 * manager's sign-off. An overdue-review task is done.
 */
export async function recordCaseReview(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<CaseReview> {
  const input = parseInput(caseReviewInputSchema, raw);
  return em.transactional(async (tx) => {
    const c = await openForWork(tx, caller, caseId, expectedVersion);
    const now = new Date();
    const outcomes = input.desiredOutcomesChanged
      ? desiredOutcomeFields(input.desiredOutcomes!)
      : {
          desiredOutcomesStatus: c.desiredOutcomesStatus,
          desiredOutcomes: c.desiredOutcomes ?? null,
          desiredOutcomesNotAskedReason: c.desiredOutcomesNotAskedReason ?? null,
        };
    const review = tx.create(CaseReview, {
      organisation: c.organisation,
      case: c,
      summary: input.summary,
      desiredOutcomesChanged: input.desiredOutcomesChanged,
      ...outcomes,
      reviewedBy: me(tx, caller),
      reviewedAt: now,
    });
    Object.assign(c, outcomes, {
      nextReviewDue: weeksAfter(now, c.reviewEveryWeeks),
      version: c.version + 1,
    });
    await chronicle(
      tx,
      caller,
      c,
      'CASE_REVIEW_RECORDED',
      `Case reviewed${input.desiredOutcomesChanged ? ': what matters to the person changed' : ''}`,
      {
        reviewId: review.id,
        desiredOutcomesChanged: input.desiredOutcomesChanged,
        nextReviewDue: c.nextReviewDue.toISOString(),
      },
    );
    await closeTasks(tx, 'CASE_REVIEW_OVERDUE', 'Case', c.id);
    audit(tx, caller, 'CREATE', 'CaseReview', [review.id]);
    audit(tx, caller, 'UPDATE', 'Case', [c.id]);
    await tx.flush();
    return review;
  });
}

/** A manager signs a review off (management oversight), with what they say about it. */
export async function signOffCaseReview(
  em: EntityManager,
  caller: Caller,
  id: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<CaseReview> {
  const input = parseInput(caseReviewSignOffSchema, raw ?? {});
  return em.transactional(async (tx) => {
    const { c, part: review } = await lockPart(tx, caller, CaseReview, 'Case review', id, expectedVersion);
    if (review.status !== 'AWAITING_SIGN_OFF') {
      throw new InvalidTransitionError('This review is already signed off', review.status, 'SIGNED_OFF');
    }
    Object.assign(review, {
      status: 'SIGNED_OFF',
      signedOffBy: me(tx, caller),
      signedOffAt: new Date(),
      signOffComment: input.comment ?? null,
      version: review.version + 1,
    });
    await chronicle(tx, caller, c, 'CASE_REVIEW_SIGNED_OFF', 'Case review signed off by a manager', {
      reviewId: review.id,
    });
    audit(tx, caller, 'UPDATE', 'CaseReview', [review.id]);
    await tx.flush();
    return review;
  });
}

/**
 * Closes an open case with its Making Safeguarding Personal outcome. Its open actions stay as they
 * are (the record of what was planned); its open tasks are done.
 */
export async function closeCase(
  em: EntityManager,
  caller: Caller,
  id: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<Case> {
  const input = parseInput(caseClosureSchema, raw);
  return em.transactional(async (tx) => {
    const c = await findCase(tx, caller, id, true);
    checkVersion(c, expectedVersion);
    if (c.status !== 'OPEN')
      throw new InvalidTransitionError('This case is already closed', 'CLOSED', 'CLOSED');
    Object.assign(c, {
      status: 'CLOSED',
      outcomesAsked: input.outcomesAsked,
      outcomesNotAskedReason: input.outcomesAsked ? null : (input.outcomesNotAskedReason ?? null),
      outcomesAchieved: input.outcomesAchieved ?? null,
      riskOutcome: input.riskOutcome,
      personView: input.personView ?? null,
      closedAt: new Date(),
      closedBy: me(tx, caller),
      version: c.version + 1,
    });
    await chronicle(
      tx,
      caller,
      c,
      'CASE_CLOSED',
      `Case closed: outcomes ${input.outcomesAchieved ? words(input.outcomesAchieved) : 'not asked'}, risk ${words(input.riskOutcome)}`,
      {
        outcomesAsked: input.outcomesAsked,
        outcomesAchieved: input.outcomesAchieved ?? null,
        riskOutcome: input.riskOutcome,
      },
    );
    await closeCaseTasks(tx, c);
    audit(tx, caller, 'UPDATE', 'Case', [c.id]);
    await tx.flush();
    return c;
  });
}

/** Reopens a closed case, with the reason: its next review is due a frequency from now. */
export async function reopenCase(
  em: EntityManager,
  caller: Caller,
  id: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<Case> {
  const input = parseInput(reasonSchema, raw);
  return em.transactional(async (tx) => {
    const c = await findCase(tx, caller, id, true);
    checkVersion(c, expectedVersion);
    if (c.status !== 'CLOSED') throw new InvalidTransitionError('This case is open', 'OPEN', 'OPEN');
    const now = new Date();
    Object.assign(c, {
      status: 'OPEN',
      reopenedAt: now,
      reopenReason: input.reason,
      nextReviewDue: weeksAfter(now, c.reviewEveryWeeks),
      version: c.version + 1,
    });
    await chronicle(tx, caller, c, 'CASE_REOPENED', 'Case reopened', { reason: input.reason });
    audit(tx, caller, 'UPDATE', 'Case', [c.id]);
    await tx.flush();
    return c;
  });
}

/**
 * A change to an open case's people or lead: the input parsed, the case locked at the version
 * expected and open, the change made (which adds its chronology entry), the case's version up, and
 * an update of the case in the trail; nothing of a refused change is saved.
 */
async function changeOpenCase<S extends z.ZodType>(
  em: EntityManager,
  caller: Caller,
  caseId: string,
  expectedVersion: number | null | undefined,
  schema: S,
  raw: unknown,
  change: (tx: EntityManager, c: Case, input: z.output<S>) => Promise<void>,
): Promise<Case> {
  const input = parseInput(schema, raw);
  return em.transactional(async (tx) => {
    const c = await openForWork(tx, caller, caseId, expectedVersion);
    await change(tx, c, input);
    c.version += 1;
    audit(tx, caller, 'UPDATE', 'Case', [c.id]);
    await tx.flush();
    return c;
  });
}

/**
 * Someone joins an open case: a person of the organisation the caller may see, not in it already.
 * In the chronology (theirs too) and the trail.
 */
export const addCasePerson = (
  em: EntityManager,
  caller: Caller,
  caseId: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<Case> =>
  changeOpenCase(em, caller, caseId, expectedVersion, casePersonInputSchema, raw, async (tx, c, input) => {
    const person = await findVisiblePerson(tx, caller, input.personId).catch(() => {
      throw fieldError('personId', 'No such person');
    });
    const links = await tx.find(CasePerson, { case: c }, { orderBy: { ordinal: 'desc' } });
    if (links.some((l) => l.person.id === person.id)) {
      throw fieldError('personId', 'This person is already part of the case');
    }
    tx.create(CasePerson, {
      organisation: c.organisation,
      case: c,
      person,
      ordinal: (links[0]?.ordinal ?? -1) + 1,
    });
    await tx.flush();
    await chronicle(tx, caller, c, 'CASE_PERSON_ADDED', 'Person added to the case', { personId: person.id });
  });

/**
 * Someone leaves an open case, with the reason (kept on a `CasePersonRemoval`, which the chronology
 * entry points at). Refused for the last person: a case is about someone (close it instead).
 */
export const removeCasePerson = (
  em: EntityManager,
  caller: Caller,
  caseId: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<Case> =>
  changeOpenCase(em, caller, caseId, expectedVersion, casePersonRemovalSchema, raw, async (tx, c, input) => {
    const links = await tx.find(CasePerson, { case: c });
    const link = links.find((l) => l.person.id === input.personId);
    if (!link) throw fieldError('personId', 'This person is not part of the case');
    if (links.length === 1) {
      throw fieldError(
        'personId',
        'A case is about someone: this is its last person. Close the case instead',
      );
    }
    const removal = tx.create(CasePersonRemoval, {
      organisation: c.organisation,
      case: c,
      person: link.person,
      removedBy: me(tx, caller),
      reason: input.reason,
    });
    tx.remove(link);
    await tx.flush();
    // The person who left sees the entry in their chronology too; the reason stays on the removal.
    await chronicle(
      tx,
      caller,
      c,
      'CASE_PERSON_REMOVED',
      'Person removed from the case',
      { personId: input.personId, removalId: removal.id },
      new Date(),
      links.map((l) => l.person.id),
    );
  });

/**
 * Another safeguarding lead or champion of the organisation leads an open case: the case's open
 * tasks (its overdue review, its overdue actions) go to them.
 */
export const changeCaseLeadWorker = (
  em: EntityManager,
  caller: Caller,
  caseId: string,
  raw: unknown,
  expectedVersion?: number | null,
): Promise<Case> =>
  changeOpenCase(em, caller, caseId, expectedVersion, caseLeadWorkerSchema, raw, async (tx, c, input) => {
    const next = await leadWorker(tx, caller, input.leadWorkerId, 'leadWorkerId');
    const previous = c.leadWorker.id;
    if (next.id === previous) throw fieldError('leadWorkerId', 'They already lead this case');
    c.leadWorker = next;
    await tx.flush();
    await sqlOf(tx)(
      `update task t set assignee_id = ?
        where t.organisation_id = ? and t.status = 'OPEN'
          and ((t.kind = 'CASE_REVIEW_OVERDUE' and t.source_type = 'Case' and t.source_id = ?)
            or (t.kind = 'CASE_ACTION_OVERDUE' and t.source_type = 'CaseAction' and t.source_id in
                (select a.id from case_action a where a.organisation_id = t.organisation_id and a.case_id = ?)))`,
      [next.id, c.organisation.id, c.id, c.id],
    );
    await chronicle(tx, caller, c, 'CASE_LEAD_WORKER_CHANGED', 'Case lead worker changed', {
      from: previous,
      leadWorkerId: next.id,
    });
  });

/** Marks the open tasks of one kind about one record done (in the caller's organisation). */
async function closeTasks(tx: EntityManager, kind: string, sourceType: string, sourceId: string) {
  await sqlOf(tx)(
    `update task set status = 'DONE', done_at = now()
      where organisation_id = doorstep_current_organisation() and kind = ? and status = 'OPEN'
        and source_type = ? and source_id = ?`,
    [kind, sourceType, sourceId],
  );
}

/** A closed case's open tasks (its review, its actions) are done. */
async function closeCaseTasks(tx: EntityManager, c: Case) {
  await sqlOf(tx)(
    `update task t set status = 'DONE', done_at = now()
      where t.organisation_id = ? and t.status = 'OPEN'
        and ((t.kind = 'CASE_REVIEW_OVERDUE' and t.source_type = 'Case' and t.source_id = ?)
          or (t.kind = 'CASE_ACTION_OVERDUE' and t.source_type = 'CaseAction' and t.source_id in
              (select a.id from case_action a where a.organisation_id = t.organisation_id and a.case_id = ?)))`,
    [c.organisation.id, c.id, c.id],
  );
}

/** A case's plan, due first. Batched per request; each action read is audited. */
export function caseActions(em: EntityManager, caller: Caller, c: Case): Promise<CaseAction[]> {
  return batched(em, caller, CaseAction, 'CaseAction', c, [{ dueOn: 'asc' }, { id: 'asc' }]);
}

/** A case's notes, in the order things happened; each note read is audited. */
export function caseNotes(em: EntityManager, caller: Caller, c: Case): Promise<CaseNote[]> {
  return batched(em, caller, CaseNote, 'CaseNote', c, [{ occurredAt: 'asc' }, { id: 'asc' }]);
}

/** A case's reviews, oldest first; each review read is audited. */
export function caseReviews(em: EntityManager, caller: Caller, c: Case): Promise<CaseReview[]> {
  return batched(em, caller, CaseReview, 'CaseReview', c, [{ reviewedAt: 'asc' }, { id: 'asc' }]);
}

function batched<T extends { id: string; case: Case }>(
  em: EntityManager,
  caller: Caller,
  entity: new () => T,
  type: string,
  c: Case,
  orderBy: object[],
): Promise<T[]> {
  return load<T[]>(
    em,
    `case.${type}`,
    c.id,
    async (ids) => {
      const rows = (await em.find(entity, { case: { $in: recordKeys(c.organisation.id, ids) } } as never, {
        orderBy: orderBy as never,
      })) as T[];
      if (rows.length)
        audit(
          em,
          caller,
          'READ',
          type,
          rows.map((r) => r.id),
        );
      return groupBy(rows, (x) => x.case.id);
    },
    [],
  );
}
