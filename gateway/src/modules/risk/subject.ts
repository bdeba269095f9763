import { LockMode, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { recordKeys } from '../../common/keys.js';
import { groupBy, load } from '../../common/loader.js';
import { isUuid } from '../../common/pagination.js';
import type { Caller } from '../../context.js';
import { fieldError, NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { ConcernPerson } from '../concern/concern-person.entity.js';
import { CasePerson, type Case } from '../case/case.entity.js';
import { findCase, mustBeOpen } from '../case/case.service.js';
import type { Concern } from '../concern/concern.entity.js';
import { findConcern } from '../concern/concern.service.js';
import type { Person } from '../person/person.entity.js';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import { DashChecklist } from './dash-checklist.entity.js';

/** What a risk record is kept on: a concern or a case (exactly one), as the caller may see it. */
export type Holder = { concern: Concern; case: null } | { concern: null; case: Case };

/** Its household, what a chronology entry calls it, and where the entry points. */
export function holderFacts(h: Holder): {
  householdId: string | null;
  label: string;
  detail: { concernId: string } | { caseId: string };
} {
  return h.concern
    ? {
        householdId: h.concern.household?.id ?? null,
        label: h.concern.reference,
        detail: { concernId: h.concern.id },
      }
    : { householdId: h.case.household?.id ?? null, label: 'Case', detail: { caseId: h.case.id } };
}

/**
 * The concern or case a risk record goes on, and the person it is about: someone the concern is
 * about (a SUBJECT), or one of the case's people. A concern or case the caller may not see
 * (another organisation's, or naming someone restricted from them) is "not found" on its field, as
 * is a person it is not about. A closed case takes no new record (INVALID_TRANSITION: reopen it).
 */
export async function findSubject(
  em: EntityManager,
  caller: Caller,
  on: { concernId?: string | undefined; caseId?: string | undefined },
  personId: string,
): Promise<Holder & { person: Person }> {
  if (on.caseId) {
    const found = await findCase(em, caller, on.caseId).catch((error: unknown) => {
      throw error instanceof NotFoundError ? fieldError('caseId', 'Not found', 'not_found') : error;
    });
    mustBeOpen(found);
    const link = await em.findOne(
      CasePerson,
      { case: found, person: { id: personId } },
      { populate: ['person'] },
    );
    if (!link) throw fieldError('personId', 'Choose someone the case is about');
    return { concern: null, case: found, person: link.person };
  }
  const concern = await findConcern(em, caller, on.concernId!).catch(() => {
    throw fieldError('concernId', 'Not found', 'not_found');
  });
  const link = await em.findOne(
    ConcernPerson,
    { concern, person: { id: personId }, role: 'SUBJECT' },
    { populate: ['person'] },
  );
  if (!link) throw fieldError('personId', 'Choose someone the concern is about');
  return { concern, case: null, person: link.person };
}

/**
 * The concern or case a risk record is on, when the caller may see it: the record follows it (and
 * so any restriction of the people it names). Otherwise the record is "not found".
 */
async function visibleHolder(
  em: EntityManager,
  caller: Caller,
  record: OnConcern,
  type: string,
): Promise<Holder> {
  const notFound = (error: unknown) => {
    throw error instanceof NotFoundError || !record.case ? new NotFoundError(type) : error;
  };
  return record.case
    ? { concern: null, case: await findCase(em, caller, record.case.id).catch(notFound) }
    : { concern: await findConcern(em, caller, record.concern!.id).catch(notFound), case: null };
}

/** A record kept on a concern or a case: a DASH checklist or a capacity assessment. */
type OnConcern = DashChecklist | CapacityAssessment;
type Kind<T extends OnConcern> = { entity: EntityClass<T>; type: 'DashChecklist' | 'CapacityAssessment' };
export const DASH: Kind<DashChecklist> = { entity: DashChecklist, type: 'DashChecklist' };
export const CAPACITY: Kind<CapacityAssessment> = { entity: CapacityAssessment, type: 'CapacityAssessment' };

/** A record the caller may see (its concern or case is), locked for a change when asked; else "not found". */
export async function findOnConcern<T extends OnConcern>(
  em: EntityManager,
  caller: Caller,
  kind: Kind<T>,
  id: string,
  lock = false,
): Promise<{ record: T; holder: Holder }> {
  const record = isUuid(id)
    ? ((await em.findOne(
        kind.entity,
        { id } as FilterQuery<T>,
        lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
      )) as T | null)
    : null;
  if (!record) throw new NotFoundError(kind.type);
  return { record, holder: await visibleHolder(em, caller, record, kind.type) };
}

/** One record, read: audited. */
export async function readOnConcern<T extends OnConcern>(
  em: EntityManager,
  caller: Caller,
  kind: Kind<T>,
  id: string,
): Promise<T> {
  const { record } = await findOnConcern(em, caller, kind, id);
  audit(em, caller, 'READ', kind.type, [record.id]);
  return record;
}

/**
 * The records kept on a concern or case the caller has read (`on`: which), oldest first (batched
 * per request). Audited.
 */
export function ofConcern<T extends OnConcern>(
  em: EntityManager,
  caller: Caller,
  kind: Kind<T>,
  holderId: string,
  on: 'concern' | 'case' = 'concern',
): Promise<T[]> {
  return load<T[]>(
    em,
    `${on}.${kind.type}`,
    holderId,
    async (ids) => {
      const rows = (await em.find(
        kind.entity,
        { [on]: { $in: recordKeys(caller.identity.organisationId, ids) } } as unknown as FilterQuery<T>,
        { orderBy: [{ recordedAt: 'asc' }, { id: 'asc' }] as never },
      )) as T[];
      if (rows.length)
        audit(
          em,
          caller,
          'READ',
          kind.type,
          rows.map((r) => r.id),
        );
      return groupBy(rows, (r) => (on === 'case' ? r.case!.id : r.concern!.id));
    },
    [],
  );
}
