import type { EntityManager } from '@mikro-orm/postgresql';
import type { Caller } from '../../context.js';
import { fieldError, NotFoundError } from '../../errors.js';
import { ConcernPerson } from '../concern/concern-person.entity.js';
import type { Concern } from '../concern/concern.entity.js';
import { findConcern } from '../concern/concern.service.js';
import type { Person } from '../person/person.entity.js';

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
export function visibleThroughConcern(
  em: EntityManager,
  caller: Caller,
  concernId: string,
  type: string,
): Promise<Concern> {
  return findConcern(em, caller, concernId).catch(() => {
    throw new NotFoundError(type);
  });
}
