import { LockMode, type EntityClass, type EntityManager, type FilterQuery } from '@mikro-orm/postgresql';
import { recordKeys } from '../../common/keys.js';
import { groupBy, load } from '../../common/loader.js';
import { isUuid } from '../../common/pagination.js';
import type { Caller } from '../../context.js';
import { fieldError, NotFoundError } from '../../errors.js';
import { audit } from '../audit/audit.service.js';
import { ConcernPerson } from '../concern/concern-person.entity.js';
import type { Concern } from '../concern/concern.entity.js';
import { findConcern } from '../concern/concern.service.js';
import type { Person } from '../person/person.entity.js';
import { CapacityAssessment } from './capacity-assessment.entity.js';
import { DashChecklist } from './dash-checklist.entity.js';

/**
 * The concern a risk record goes on, and the person it is about: someone the concern is about
 * (a SUBJECT). A concern the caller may not see (another organisation's, or naming someone
 * restricted from them) is "not found" on its field, as is a person it is not about.
 */
export async function findSubject(
  em: EntityManager,
  caller: Caller,
  concernId: string,
  personId: string,
): Promise<{ concern: Concern; person: Person }> {
  const concern = await findConcern(em, caller, concernId).catch(() => {
    throw fieldError('concernId', 'Not found', 'not_found');
  });
  const link = await em.findOne(
    ConcernPerson,
    { concern, person: { id: personId }, role: 'SUBJECT' },
    { populate: ['person'] },
  );
  if (!link) throw fieldError('personId', 'Choose someone the concern is about');
  return { concern, person: link.person };
}

/**
 * The concern a risk record is on, when the caller may see it: the record follows its concern
 * (and so any restriction of the people it names). Otherwise the record is "not found".
 */
function visibleThroughConcern(
  em: EntityManager,
  caller: Caller,
  concernId: string,
  type: string,
): Promise<Concern> {
  return findConcern(em, caller, concernId).catch(() => {
    throw new NotFoundError(type);
  });
}

/** A record kept on a concern: a DASH checklist or a capacity assessment. */
type OnConcern = DashChecklist | CapacityAssessment;
type Kind<T extends OnConcern> = { entity: EntityClass<T>; type: 'DashChecklist' | 'CapacityAssessment' };
export const DASH: Kind<DashChecklist> = { entity: DashChecklist, type: 'DashChecklist' };
export const CAPACITY: Kind<CapacityAssessment> = { entity: CapacityAssessment, type: 'CapacityAssessment' };

/** A record the caller may see (its concern is), locked for a change when asked; else "not found". */
export async function findOnConcern<T extends OnConcern>(
  em: EntityManager,
  caller: Caller,
  kind: Kind<T>,
  id: string,
  lock = false,
): Promise<{ record: T; concern: Concern }> {
  const record = isUuid(id)
    ? ((await em.findOne(
        kind.entity,
        { id } as FilterQuery<T>,
        lock ? { lockMode: LockMode.PESSIMISTIC_WRITE } : {},
      )) as T | null)
    : null;
  if (!record) throw new NotFoundError(kind.type);
  const concern = await visibleThroughConcern(em, caller, record.concern.id, kind.type);
  return { record, concern };
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

/** The records kept on a concern the caller has read, oldest first (batched per request). Audited. */
export function ofConcern<T extends OnConcern>(
  em: EntityManager,
  caller: Caller,
  kind: Kind<T>,
  concernId: string,
): Promise<T[]> {
  return load<T[]>(
    em,
    `concern.${kind.type}`,
    concernId,
    async (ids) => {
      const rows = (await em.find(
        kind.entity,
        { concern: { $in: recordKeys(caller.identity.organisationId, ids) } } as unknown as FilterQuery<T>,
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
      return groupBy(rows, (r) => r.concern.id);
    },
    [],
  );
}
